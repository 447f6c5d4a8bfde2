import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'invalid-option-value';

describe('invalid-option-value', () => {
  const valid: Array<[string, string]> = [
    [
      'every allowed lang',
      "wx.getUserInfo({ lang: 'en' }); wx.getUserInfo({ lang: 'zh_CN' }); wx.getUserInfo({ lang: \"zh_TW\" })",
    ],
    ['a boolean', 'wx.getUserInfo({ withCredentials: false }); tt.getUserInfo({ withRealNameAuthenticationInfo: true })'],
    ['values the source does not pin down', 'wx.getUserInfo({ lang: userLang, withCredentials: flag, success: this.onOk })'],
    ['undefined and null (not set)', 'wx.getUserInfo({ lang: undefined, withCredentials: null })'],
    ['a const string that is allowed', "const LANG = 'zh_CN'\nwx.getUserInfo({ lang: LANG })"],
    ['both branches allowed', "wx.getUserInfo({ lang: cn ? 'zh_CN' : 'en' })"],
    ['callbacks as functions, methods and names', 'wx.getUserInfo({ success: (res) => {}, fail() {}, complete: done })'],
    ['a free-form string option', "wx.getUserProfile({ desc: '用于完善会员资料' })"],
    // Files that only call support APIs are skipped by the pre-filter, so these pages also ask for the profile.
    ['scopes as an array of allowed values', "my.getAuthCode({ scopes: ['auth_base', 'auth_user'] })\nmy.getOpenUserInfo({})"],
    ['a number option', "wx.login({ timeout: 3000 })\nwx.getUserProfile({ desc: 'x' })"],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source).findings, []));
  }

  const invalid: Array<[string, string, RegExp]> = [
    [
      'a lang in the wrong case',
      "wx.getUserInfo({ lang: «'zh_cn'» })",
      /`lang` of `wx\.getUserInfo` must be one of 'en', 'zh_CN', 'zh_TW', not 'zh_cn'\. Did you mean 'zh_CN'\?/,
    ],
    ['a made-up lang', "wx.getUserProfile({ desc: 'x', lang: «'fr'» })", /must be one of 'en', 'zh_CN', 'zh_TW', not 'fr'\.$/],
    ['a hyphen for the underscore', "wx.getUserInfo({ lang: «'zh-CN'» })", /Did you mean 'zh_CN'\?/],
    [
      'a string for a boolean',
      "wx.getUserInfo({ withCredentials: «'true'» })",
      /`withCredentials` of `wx\.getUserInfo` takes a boolean, not a string\./,
    ],
    ['a number for a boolean', 'tt.getUserInfo({ withCredentials: «1» })', /takes a boolean, not a number/],
    [
      'a string for a callback',
      "wx.getUserInfo({ success: «'onSuccess'» })",
      /`success` of `wx\.getUserInfo` takes a function \(or the name of one\), not a string/,
    ],
    ['a number for lang', 'wx.getUserInfo({ lang: «1» })', /takes a string, not a number/],
    ['a const string outside the set', "const LANG = 'cn'\nwx.getUserInfo({ lang: «LANG» })", /not 'cn'/],
    ['one branch of a conditional', "wx.getUserInfo({ lang: cn ? «'zh-cn'» : 'en' })", /not 'zh-cn'/],
    [
      'a string for a number',
      "wx.login({ timeout: «'3000'» })\nwx.getUserProfile({ desc: 'x' })",
      /`timeout` of `wx\.login` takes a number, not a string/,
    ],
    ['an array for a string', "wx.getUserInfo({ lang: «['en']» })", /takes a string, not an array/],
  ];
  for (const [name, source, message] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'error');
      assert.match(findings[0]!.message, message);
    });
  }

  it("offers every allowed value, the closest one preferred, in the literal's own quotes", () => {
    const { text, findings } = check(code, 'wx.getUserInfo({ lang: "zh_cn" })');
    const fixes = findings[0]!.fixes!.filter((f) => f.title.startsWith('Change to'));
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred ?? false]),
      [
        ["Change to 'en'", false],
        ["Change to 'zh_CN'", true],
        ["Change to 'zh_TW'", false],
      ],
    );
    assert.equal(applyFix(text, fixes[1]!), 'wx.getUserInfo({ lang: "zh_CN" })');
  });

  it('turns a quoted boolean into the boolean', () => {
    const { text, findings } = check(code, "wx.getUserInfo({ withCredentials: 'false' })");
    const preferred = findings[0]!.fixes!.find((f) => f.preferred)!;
    assert.equal(preferred.title, 'Change to false');
    assert.equal(applyFix(text, preferred), 'wx.getUserInfo({ withCredentials: false })');
  });

  it('offers no value fix for a value that is not a literal', () => {
    const { findings } = check(code, "const LANG = 'cn'\nwx.getUserInfo({ lang: LANG })");
    assert.ok(!findings[0]!.fixes!.some((f) => f.title.startsWith('Change to')));
  });
  it('gives only a hint for an undocumented value of an open set (Alipay scopes), never an error', () => {
    const { spans, findings } = check(
      code,
      "my.getAuthCode({ scopes: «'auth_usr'» }); my.getAuthCode({ scopes: ['auth_base', «'auth_usr'»] }); my.getAuthCode({ scopes: ['auth_user', 'auth_zhima'] })",
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'hint');
    assert.match(findings[0]!.message, /not one of the documented values of `scopes`.*Did you mean 'auth_user'\?/);
    assert.deepEqual(
      findings[0]!.fixes?.filter((f) => f.title.startsWith('Change')).map((f) => f.title),
      ["Change to 'auth_user'"],
    );
  });
});
