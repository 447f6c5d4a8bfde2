import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'tt-login-required';
const config = (libVersion?: string) => ({
  'project.config.json': JSON.stringify({ appid: 'tt07e3715e98c9aac0', ...(libVersion ? { libVersion } : {}) }),
});

function run(source: string, files: Record<string, string> = config()) {
  return check(code, source, { files });
}

describe('tt-login-required', () => {
  const valid: Array<[string, string]> = [
    ['inside the success callback of tt.login', 'tt.login({ success: () => { tt.getUserInfo({}) } })'],
    ['inside a complete method of tt.login', 'tt.login({ complete() { tt.getUserInfo({}) } })'],
    [
      'inside a nested callback of the success callback',
      'tt.login({ success: () => { setTimeout(() => tt.getUserInfo({}), 0) } })',
    ],
    ['after await tt.login()', 'async function f() { await tt.login(); await tt.getUserInfo() }'],
    ['in the .then of tt.login()', 'tt.login().then(() => tt.getUserInfo({}))'],
    ['after tt.login earlier in the same function', 'function f() { tt.login({}); tt.getUserInfo({}) }'],
    [
      'after Taro.login in a Taro page',
      "import Taro from '@tarojs/taro'; async function f() { await Taro.login(); tt.getUserInfo({}) }",
    ],
    ['wx.getUserInfo (WeChat needs no tt.login)', 'wx.getUserInfo({})'],
    [
      'after an awaited promise around tt.login',
      'Page({ async onTap() { await new Promise((resolve) => tt.login({ success: resolve })); tt.getUserInfo({}) } })',
    ],
    [
      'in the .then of a method that wraps tt.login',
      'Page({ onTap() { this.login().then(() => this.info()) }, login() { return new Promise((resolve) => tt.login({ success: resolve })) }, info() { tt.getUserInfo({}) } })',
    ],
    [
      'after awaiting a helper that logs in',
      'Page({ async onTap() { await this.signIn(); tt.getUserInfo({}) }, signIn() { return tt.login() } })',
    ],
    [
      'in a helper whose only caller logged in first',
      'Page({ onTap() { tt.login({}); this.info() }, info() { tt.getUserInfo({}) } })',
    ],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(run(source).findings, []));
  }

  it('accepts a tt.login in App.onLaunch', () => {
    const files = { ...config(), 'app.js': 'App({ onLaunch() { tt.login({ success() {} }) } })' };
    assert.deepEqual(run('Page({ onTap() { tt.getUserInfo({}) } })', files).findings, []);
  });

  it('accepts a page when App.onLaunch logs in through a helper method', () => {
    const files = { ...config(), 'app.js': 'App({ onLaunch() { this.signIn() }, signIn() { tt.login({ success() {} }) } })' };
    assert.deepEqual(run('Page({ onTap() { tt.getUserInfo({}) } })', files).findings, []);
  });

  it('does not count a tt.login outside App.onLaunch in the app file', () => {
    const files = { ...config(), 'app.js': 'App({ onHide() { tt.login({}) } })' };
    assert.equal(run('Page({ onTap() { «tt.getUserInfo»({}) } })', files).findings.length, 1);
  });

  const invalid: Array<[string, string]> = [
    ['no login at all', 'Page({ onShow() { «tt.getUserInfo»({ success() {} }) } })'],
    ['a login after the call', 'function f() { «tt.getUserInfo»({}); tt.login({}) }'],
    ['a login in another function', 'function a() { tt.login({}) }\nfunction b() { «tt.getUserInfo»({}) }'],
    ['inside the fail callback of tt.login', 'tt.login({ fail: () => { «tt.getUserInfo»({}) } })'],
    ['a destructured alias', 'const { getUserInfo } = tt; «getUserInfo»({})'],
    [
      'in the .catch of a login wrapper',
      'Page({ onTap() { this.login().catch(() => «tt.getUserInfo»({})) }, login() { return new Promise((resolve) => tt.login({ success: resolve })) } })',
    ],
  ];
  for (const [name, source] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = run(source);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, /tt\.login/);
    });
  }

  it('reports tt.getUserProfile below base library 2.54.0, with its runtime error', () => {
    const { spans, findings } = run('Page({ onTap() { «tt.getUserProfile»({}) } })', config('2.50.0'));
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /reported to fail with "getUserProfile:fail invalid session"/);
  });

  it('claims no errMsg for tt.getUserInfo, whose failure without a login is undocumented', () => {
    const { findings } = run('«tt.getUserInfo»({})');
    assert.match(
      findings[0]!.message,
      /^`tt\.getUserInfo` runs with no `tt\.login` before it; the documentation says it depends on a login\./,
    );
  });

  it('accepts tt.getUserProfile from base library 2.54.0 (login is built in) and when the version is unknown', () => {
    assert.deepEqual(run('Page({ onTap() { tt.getUserProfile({}) } })', config('2.54.0')).findings, []);
    assert.deepEqual(run('Page({ onTap() { tt.getUserProfile({}) } })', config('3.1.0')).findings, []);
    assert.deepEqual(run('Page({ onTap() { tt.getUserProfile({}) } })', config()).findings, []);
  });

  it('uses the libVersion setting over project.config.json', () => {
    const { findings } = check(code, 'Page({ onTap() { tt.getUserProfile({}) } })', {
      files: config('3.0.0'),
      analysis: { libVersion: '2.40.0' },
    });
    assert.equal(findings.length, 1);
  });

  it("wraps the statement in tt.login with the file's indentation", () => {
    const source = 'Page({\n  onShow() {\n    tt.getUserInfo({\n      success: (res) => this.setData(res),\n    });\n  },\n});\n';
    const { text, findings } = run(source);
    const fix = findings[0]!.fixes![0]!;
    assert.equal(fix.title, 'Wrap in tt.login({ success })');
    assert.equal(
      applyFix(text, fix),
      'Page({\n  onShow() {\n    tt.login({\n      success: () => {\n        tt.getUserInfo({\n          success: (res) => this.setData(res),\n        });\n      },\n    });\n  },\n});\n',
    );
  });

  it('offers no wrap when the call is part of an expression', () => {
    const { findings } = run('async function f() { const res = await «tt.getUserInfo»() }');
    // Only the suppression fixes every finding has; no wrap.
    assert.deepEqual(
      findings[0]!.fixes?.map((f) => f.title),
      ['Disable tt-login-required for this line', 'Disable tt-login-required for the entire file'],
    );
  });
});
