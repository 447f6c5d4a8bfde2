import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'unknown-option';

describe('unknown-option', () => {
  const valid: Array<[string, string, Record<string, string>?]> = [
    ['every documented option', "wx.getUserProfile({ desc: 'x', lang: 'en', success() {}, fail: () => {}, complete: onDone })"],
    ['quoted keys', "wx.getUserInfo({ 'lang': 'en', \"withCredentials\": true })"],
    ['a spread (its keys are unknown, the written ones are fine)', "wx.getUserProfile({ ...base, desc: 'x' })"],
    ['computed keys', "wx.getUserProfile({ [key]: 1, desc: 'x' })"],
    ['options from an unknown value', 'wx.getUserProfile(options)'],
    [
      'Taro force when the platform is unknown',
      "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x', force: true })",
    ],
    [
      'Taro force on Douyin',
      "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x', force: true })",
      { 'project.config.json': '{"appid":"tt07e3715e98c9aac0"}' },
    ],
    ['an object literal passed to something else', "foo({ descr: 'x' })"],
  ];
  for (const [name, source, files] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source, { files: files ?? {} }).findings, []));
  }

  const typos: Array<[string, string, string]> = [
    ['long for lang', "wx.getUserProfile({ desc: 'x', «long»: 'zh_CN' })", 'lang'],
    ['descr for desc', "wx.getUserProfile({ «descr»: 'x' })", 'desc'],
    ['a missing letter in success', 'wx.getUserInfo({ «sucess»: () => {} })', 'success'],
    ['a transposition', 'wx.getUserInfo({ «fial»() {} })', 'fail'],
    ['a case slip', 'wx.getUserInfo({ «withcredentials»: true })', 'withCredentials'],
    ['a plural', 'tt.getUserInfo({ «withCredential»: true })', 'withCredentials'],
    ['a const options object', "const options = { «lnag»: 'en' }\nwx.getUserInfo(options)", 'lang'],
  ];
  for (const [name, source, suggestion] of typos) {
    it(`suggests a rename for ${name}`, () => {
      const { text, spans, findings } = check(code, source);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, new RegExp(`Did you mean \`${suggestion}\`\\?`));
      const fix = findings[0]!.fixes![0]!;
      assert.equal(fix.title, `Rename to \`${suggestion}\``);
      assert.equal(fix.preferred, true);
      const fixed = applyFix(text, fix);
      assert.deepEqual(check(code, fixed).findings, [], fixed);
    });
  }

  it('keeps the value of a shorthand property when renaming it', () => {
    const { text, findings } = check(code, "const descr = 'x'\nwx.getUserProfile({ descr })");
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), "const descr = 'x'\nwx.getUserProfile({ desc: descr })");
  });

  it('renames inside the quotes of a quoted key', () => {
    const { text, findings } = check(code, "wx.getUserInfo({ 'lng': 'en' })");
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), "wx.getUserInfo({ 'lang': 'en' })");
  });

  it('lists the options when nothing is close', () => {
    const { spans, findings } = check(code, "tt.getUserProfile({ «desc»: '用于完善资料', fail() {} })");
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /`tt\.getUserProfile` has no option `desc`, so it is ignored\. It takes: `force`, `success`, `fail`, `complete`\./,
    );
    assert.deepEqual(
      findings[0]!.fixes!.map((f) => f.title),
      ['Disable unknown-option for this line', 'Disable unknown-option for the entire file'],
    );
  });

  it('does not take an unrelated short key for a typo', () => {
    const { findings } = check(code, "wx.getUserProfile({ desc: 'x', id: 1 })");
    assert.doesNotMatch(findings[0]!.message, /Did you mean/);
  });

  it('reports a Taro option that the project platform ignores', () => {
    const source = "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x', «force»: true })";
    const { spans, findings } = check(code, source, { files: { 'project.config.json': '{"appid":"wx4f4bc4dec97d474b"}' } });
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /`force` of `Taro\.getUserProfile` only has an effect on Douyin; WeChat ignores it\./);
  });

  it('checks an options object shared by two calls once', () => {
    const { findings } = check(code, "const o = { lnag: 'en' }\nwx.getUserInfo(o)\nwx.getUserInfo(o)");
    assert.equal(findings.length, 1);
  });
});

describe('unknown-option: uni-app', () => {
  const uniApp = { 'manifest.json': '{ "mp-weixin": {}, "app-plus": {} }', 'pages.json': '{ "pages": [] }' };

  it('leaves keys of App builds alone (uni-app hands unknown keys on), but still names a likely misspelling', () => {
    const { findings, spans } = check(
      code,
      "uni.login({ provider: 'weixin', onlyAuthorize: true, success() {} });\nuni.getUserProfile({ «dsec»: '用于完善会员资料', fail() {} });\n",
      { files: uniApp, file: 'pages/a/a.js' },
    );
    assert.deepEqual(
      findings.map((f) => ({ start: f.start, end: f.end })),
      spans,
    );
    assert.match(findings[0]!.message, /Did you mean `desc`\?/);
  });
});
