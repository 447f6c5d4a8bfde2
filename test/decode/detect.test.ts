import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getApiById, localize } from '../../server/src/catalog';
import { decodePayload, detectPayload, explainErrMsg, parseObjectText } from '../../server/src/core/decode';

const noContext = { hasIv: false, hasAesKey: false };

function kindOf(text: string, context = noContext): string {
  const result = detectPayload(text, context, 'en');
  return result.ok ? `${result.value.kind}/${result.value.syntax}` : result.error.code;
}

describe('format detection', () => {
  it('tells the shapes apart', () => {
    assert.equal(kindOf('{"errMsg":"getUserProfile:ok","userInfo":{"nickName":"a"}}'), 'success-object/json');
    assert.equal(kindOf("{ errMsg: 'getUserInfo:ok', rawData: '{}', signature: 'x' }"), 'success-object/js-literal');
    assert.equal(kindOf('{ encryptedData: "AAAA", iv: "BBBB" }'), 'encrypted-fields/js-literal');
    assert.equal(kindOf('{ rawData: "{}", signature: "ab" }'), 'raw-data/js-literal');
    assert.equal(kindOf('{"nickName":"a","watermark":{"appid":"wx1","timestamp":1}}'), 'decrypted-data/json');
    assert.equal(kindOf("{ nickName: 'a', avatarUrl: '' }"), 'user-info/js-literal');
    assert.equal(kindOf('{"response":"{\\"response\\":{\\"code\\":\\"10000\\"}}"}'), 'alipay-envelope/json');
    assert.equal(kindOf('{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"x"}'), 'alipay-encrypted-envelope/json');
    assert.equal(kindOf('{"code":"40003","msg":"Insufficient Conditions"}'), 'alipay-response/json');
    assert.equal(kindOf("{ errMsg: 'getUserProfile:fail auth deny' }"), 'err-msg/js-literal');
    assert.equal(kindOf('getUserProfile:fail can only be invoked by user TAP gesture.'), 'err-msg/text');
    assert.equal(kindOf('40006'), 'alipay-code/text');
    assert.equal(kindOf('isv.invalid-auth-relations'), 'err-msg/text');
    const twoBlocks = Buffer.alloc(32, 7).toString('base64');
    assert.equal(kindOf(twoBlocks), 'ciphertext/text');
    assert.equal(kindOf(twoBlocks, { hasIv: false, hasAesKey: true }), 'alipay-ciphertext/text');
    assert.equal(kindOf(twoBlocks, { hasIv: true, hasAesKey: true }), 'ciphertext/text');
    assert.equal(kindOf('75e81ceda165f4ffa64f4068af58c64b8f54b88c'), 'raw-data/text');
    assert.equal(kindOf('r7BXXKkLb8qrSNn05n0qiA=='), 'unrecognised-input');
  });

  it('skips a log prefix before the object and says so', () => {
    const report = decodePayload({ text: 'getUserProfile success: {"errMsg":"getUserProfile:ok","userInfo":{"nickName":"a"}}' });
    assert.equal(report.format?.kind, 'success-object');
    assert.ok(report.notes.some((n) => n.code === 'leading-text-ignored' && n.message.includes('getUserProfile success:')));
  });

  it('reads res.response copied with its quotes', () => {
    const inner = JSON.stringify({ response: { code: '10000', msg: 'Success', nickName: 'a', avatar: 'b' } });
    const report = decodePayload({ text: JSON.stringify(inner) });
    assert.equal(report.format?.kind, 'alipay-response');
    assert.equal(report.verdicts[0]?.status, 'pass');
  });

  it('says which format it recognised, in words', () => {
    const report = decodePayload({ text: '{"errMsg":"getUserProfile:ok","userInfo":{"nickName":"a"}}' });
    assert.equal(report.format?.description, 'A wx.getUserProfile success result (JSON)');
    const zh = decodePayload({ text: '{"errMsg":"getUserProfile:ok","userInfo":{"nickName":"a"}}', language: 'zh-cn' });
    assert.equal(zh.format?.description, 'wx.getUserProfile 的成功回调结果（JSON）');
  });

  it('picks the Douyin API when the appid is a tt appid', () => {
    const report = decodePayload({ text: '{"errMsg":"getUserProfile:ok","userInfo":{"nickName":"a"}}', appid: 'tt1234567890' });
    assert.equal(report.format?.apiId, 'tt.getUserProfile');
    assert.equal(report.format?.platform, 'douyin');
  });
});

describe('object literals as consoles print them (never evaluated)', () => {
  it('reads util.inspect output: single quotes, unquoted keys, split strings, trailing commas, comments', () => {
    const result = parseObjectText(
      `{
  errMsg: 'getUserProfile:ok', // the callback result
  rawData: '{"nickName":"Band",' +
    '"gender":1}',
  userInfo: { nickName: 'Band', gender: 1, 'avatar-url': \`https://x/0\` },
  n: [-1.5e2, 0x10, .5, +3, undefined,],
  /* trailing */
}`,
      'en',
    );
    assert.ok(result.ok);
    assert.equal(result.value.syntax, 'js-literal');
    assert.deepEqual(result.value.value, {
      errMsg: 'getUserProfile:ok',
      rawData: '{"nickName":"Band","gender":1}',
      userInfo: { nickName: 'Band', gender: 1, 'avatar-url': 'https://x/0' },
      n: [-150, 16, 0.5, 3, null],
    });
  });

  it('decodes string escapes exactly', () => {
    const result = parseObjectText(String.raw`{ a: 'it\'s \u5fae\u4fe1\x21 \u{1F600}\n', b: "\"q\"" }`, 'en');
    assert.ok(result.ok);
    assert.deepEqual(result.value.value, { a: "it's 微信! 😀\n", b: '"q"' });
  });

  it('keeps __proto__ as a plain key', () => {
    const result = parseObjectText('{ __proto__: { polluted: true }, a: 1 }', 'en');
    assert.ok(result.ok);
    const value = result.value.value as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__', 'a']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['a collapsed object', "{ errMsg: 'getUserProfile:ok', userInfo: {…} }", /console abbreviated this object \(…\)/],
    ['[Object] from util.inspect depth', '{ a: { b: { c: [Object] } } }', /console abbreviated this object \(\[Object\]\)/],
    ['a circular reference', '<ref *1> { self: [Circular *1] }', /console abbreviated this object \(<ref \*1>\)/],
    ['more items', '{ list: [ 1, 2, ... 98 more items ] }', /\(\.\.\. 98 more items\)/],
    ['a function call', '{ a: require("fs") }', /"require" is not a plain value/],
    ['a template with a substitution', '{ a: `x${process.env.HOME}` }', /template literal contains \$\{…\}/],
    ['an identifier', '{ a: process }', /"process" is not a plain value/],
    ['Infinity', '{ a: -Infinity }', /"-Infinity" is not a plain value/],
    ['an unclosed string', "{ a: 'abc }", /a string is not closed \(line 1, column 6\)/],
    ['a bad escape', "{ a: '\\u12' }", /invalid escape sequence/],
    ['deep nesting', `{a:${'['.repeat(70)}`, /nesting deeper than 64 levels/],
  ];
  for (const [title, source, message] of refusals) {
    it(`refuses ${title} with a clear reason`, () => {
      const result = parseObjectText(source, 'en');
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.error.message, message);
    });
  }

  it('gives line and column of the problem', () => {
    const result = parseObjectText('{\n  a: 1,\n  b: ?\n}', 'en');
    assert.match(result.ok ? '' : result.error.message, /unexpected "\?" \(line 3, column 6\)/);
  });
});

describe('errMsg explainer (loose matching, catalog cause and fix)', () => {
  it('explains the tap-gesture error from the catalog', () => {
    const report = decodePayload({ text: 'getUserProfile:fail can only be invoked by user TAP gesture.' });
    assert.equal(report.format?.kind, 'err-msg');
    const entry = getApiById('wx.getUserProfile')!.errors.find((e) => e.errMsg.includes('TAP gesture'))!;
    assert.equal(report.notes.length, 1);
    assert.ok(report.notes[0]!.message.includes(localize(entry.cause, 'en')));
    assert.ok(report.notes[0]!.message.includes(localize(entry.fix, 'en')));
    assert.ok(report.notes[0]!.message.includes('wx.getUserProfile'));
  });

  it('matches client variants: case, separators, trailing period, extra spaces', () => {
    for (const variant of [
      'getUserProfile:fail:can only be invoked by user tap gesture',
      'GETUSERPROFILE:FAIL can only be invoked by user TAP gesture.',
      'getUserProfile:fail  can only be invoked  by user TAP gesture.',
    ]) {
      assert.equal(explainErrMsg(variant, 'en').length, 1, variant);
    }
    assert.equal(explainErrMsg('getUserProfile:fail user deny', 'en')[0]?.errMsg, 'getUserProfile:fail auth deny');
    assert.equal(explainErrMsg('getUserInfo:fail auth denied', 'en')[0]?.errMsg, 'getUserInfo:fail auth deny');
  });

  it("tells WeChat's tap error from Douyin's", () => {
    const tt = explainErrMsg('getUserProfile:fail must be invoked by user tap gesture', 'en');
    assert.deepEqual(
      tt.map((e) => e.apiIds.some((id) => id.startsWith('tt.'))),
      [true],
    );
  });

  it('explains an errMsg inside a pasted fail object, in Chinese', () => {
    const report = decodePayload({ text: "{ errMsg: 'getUserProfile:fail auth deny' }", language: 'zh-cn' });
    assert.match(report.notes[0]!.message, /原因：.*解决：/);
  });

  it('says plainly when an errMsg is not in the catalog', () => {
    const report = decodePayload({ text: 'chooseAvatar:fail something new' });
    assert.equal(report.notes[0]?.code, 'unknown-err-msg');
    assert.match(report.notes[0]!.message, /\(chooseAvatar\)/);
  });
});
