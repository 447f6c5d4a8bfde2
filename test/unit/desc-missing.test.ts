import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'desc-missing';

describe('desc-missing', () => {
  const valid: Array<[string, string]> = [
    ['a literal desc', "wx.getUserProfile({ desc: '用于完善会员资料' })"],
    ['a const desc', "const D = 'For your profile'; wx.getUserProfile({ desc: D })"],
    ['a shorthand desc', "const desc = 'For your profile'; wx.getUserProfile({ desc })"],
    ['options from a parameter (unknown)', 'function f(options) { wx.getUserProfile(options) }'],
    ['a spread that may hold desc', 'function f(base) { wx.getUserProfile({ ...base, success() {} }) }'],
    ['a desc we cannot resolve', 'function f(d) { wx.getUserProfile({ desc: d }) }'],
    ['getUserInfo takes no desc', 'wx.getUserInfo({ success() {} })'],
    ['a method of another object', 'api.getUserProfile({})'],
    ['tt.getUserProfile takes no desc', 'tt.getUserProfile({ success() {} })'],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(check(code, `Page({ onTap() { ${source} } })`).findings, []);
    });
  }

  const invalid: Array<[string, string]> = [
    ['no options at all', '«wx.getUserProfile»()'],
    ['options without desc', '«wx.getUserProfile»({ success() {} })'],
    ['an empty desc', "«wx.getUserProfile»({ desc: '' })"],
    ['a blank desc', "«wx.getUserProfile»({ desc: '   ' })"],
    ['an empty const desc', "const D = ''; «wx.getUserProfile»({ desc: D })"],
    ['element access', "«wx['getUserProfile']»({})"],
    ['a destructured alias', 'const { getUserProfile } = wx; «getUserProfile»({ lang: "en" })'],
    ['an aliased destructuring', 'const { getUserProfile: ask } = wx; «ask»()'],
    ['Taro', "import Taro from '@tarojs/taro'; «Taro.getUserProfile»({})"],
    ['a Taro namespace import', "import * as T from '@tarojs/taro'; «T.getUserProfile»({})"],
    ['a Taro named import', "import { getUserProfile } from '@tarojs/taro'; «getUserProfile»({})"],
    ['a Taro require', "const Taro = require('@tarojs/taro'); «Taro.getUserProfile»()"],
    ['options in a const object', 'const opts = { lang: "en" }; «wx.getUserProfile»(opts)'],
  ];
  for (const [name, source] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source, { file: 'pages/index/index.js' });
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'error');
      assert.match(findings[0]!.message, /desc/);
    });
  }

  it('adds desc to a call without options', () => {
    const { text, findings } = check(code, 'wx.getUserProfile()');
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), "wx.getUserProfile({ desc: '' })");
    assert.equal(findings[0]!.fixes![0]!.edits[0]!.newText, "{ desc: '$1' }");
  });

  it('adds desc to an empty object', () => {
    const { text, findings } = check(code, 'wx.getUserProfile({})');
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), "wx.getUserProfile({ desc: '' })");
  });

  it('adds desc inline before the first property', () => {
    const { text, findings } = check(code, 'wx.getUserProfile({ lang: "en" })');
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), 'wx.getUserProfile({ desc: \'\', lang: "en" })');
  });

  it('adds desc on its own line in a multi-line object, with the same indentation', () => {
    const source = 'Page({\n  onTap() {\n    wx.getUserProfile({\n      success: (res) => {},\n    });\n  },\n});\n';
    const { text, findings } = check(code, source);
    assert.equal(
      applyFix(text, findings[0]!.fixes![0]!),
      "Page({\n  onTap() {\n    wx.getUserProfile({\n      desc: '',\n      success: (res) => {},\n    });\n  },\n});\n",
    );
  });
});
