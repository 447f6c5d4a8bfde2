import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePointLength, weightedLength } from '../../server/src/core/rules/desc-too-long';
import { check, spansOf } from './helpers';

const code = 'desc-too-long';
const inTap = (source: string) => `Page({ onTap() { ${source} } })`;

describe('desc-too-long', () => {
  it('counts code points and the weighted WeChat length', () => {
    assert.equal(codePointLength('用于完善会员资料'), 8);
    assert.equal(weightedLength('用于完善会员资料'), 16);
    assert.equal(codePointLength('😀a'), 2);
    assert.equal(weightedLength('😀a'), 3);
  });

  const valid: Array<[string, string]> = [
    ['exactly 30 ASCII characters', `wx.getUserProfile({ desc: '${'a'.repeat(30)}' })`],
    ['8 Chinese characters', "wx.getUserProfile({ desc: '用于完善会员资料' })"],
    ['15 Chinese characters (30 weighted)', "wx.getUserProfile({ desc: '获取你的昵称、头像、地区及性别' })"],
    ['a template with substitutions (unknown)', 'wx.getUserProfile({ desc: `${prefix}' + 'x'.repeat(40) + '` })'],
    ['an unresolvable value', 'wx.getUserProfile({ desc: getDesc() })'],
    ['a long desc on an API without a limit', `wx.getUserInfo({ desc: '${'a'.repeat(40)}' })`],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, inTap(source)).findings, []));
  }

  const errors: Array<[string, string, RegExp]> = [
    [
      '31 ASCII characters',
      `wx.getUserProfile({ desc: «'${'a'.repeat(31)}'» })`,
      /31 characters \(31 counting non-ASCII as 2\); the limit is 30/,
    ],
    ['31 Chinese characters', `wx.getUserProfile({ desc: «'${'资'.repeat(31)}'» })`, /31 characters \(62 counting/],
    ['a long template literal', `wx.getUserProfile({ desc: «\`${'b'.repeat(35)}\`» })`, /35 characters/],
    ['a const identifier', `const D = '${'c'.repeat(32)}'; wx.getUserProfile({ desc: «D» })`, /32 characters/],
    [
      'a concatenation of consts and literals',
      `const A = '${'d'.repeat(20)}'; const B = A + '${'e'.repeat(5)}'; wx.getUserProfile({ desc: «B + '${'f'.repeat(6)}'» })`,
      /31 characters/,
    ],
    ['Taro', `import Taro from '@tarojs/taro'; Taro.getUserProfile({ desc: «'${'g'.repeat(40)}'» })`, /40 characters/],
  ];
  for (const [name, source, message] of errors) {
    it(`reports ${name} as an error`, () => {
      const { spans, findings } = check(code, inTap(source));
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'error');
      assert.match(findings[0]!.message, message);
      assert.match(findings[0]!.message, /desc length does not meet the requirements/);
    });
  }

  const warnings: Array<[string, string, RegExp]> = [
    [
      '18 Chinese characters (36 weighted)',
      "wx.getUserProfile({ desc: «'用于展示用户头像、昵称并完善会员信息'» })",
      /18 characters.*36 of the 30 allowed/,
    ],
    [
      '16 Chinese characters (32 weighted)',
      "wx.getUserProfile({ desc: «'用于完善用户资料和个性化学习体验'» })",
      /16 characters.*32 of the 30/,
    ],
    ['mixed text over 30 weighted', "wx.getUserProfile({ desc: «'Profile 用于完善会员资料与积分记录'» })", /of the 30 allowed/],
  ];
  for (const [name, source, message] of warnings) {
    it(`warns about ${name}`, () => {
      const { spans, findings } = check(code, inTap(source));
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, message);
      assert.match(findings[0]!.message, /observed/);
    });
  }

  it('lets the severity setting override both levels', () => {
    const source = inTap(`wx.getUserProfile({ desc: '${'a'.repeat(31)}' })`);
    assert.equal(check(code, source, { analysis: { severities: { [code]: 'hint' } } }).findings[0]!.severity, 'hint');
    assert.deepEqual(check(code, source, { analysis: { severities: { [code]: 'off' } } }).findings, []);
  });
});
