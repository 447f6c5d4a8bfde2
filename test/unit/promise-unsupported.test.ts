import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'promise-unsupported';

describe('promise-unsupported', () => {
  const valid: Array<[string, string]> = [
    ['callbacks', 'wx.getUserInfo({ success: (res) => {}, fail: () => {} })'],
    ['a statement without callbacks (not Promise-style, just pointless)', 'function f() { wx.getUserInfo({ lang: "en" }) }'],
    ['returning a call that has callbacks', 'function f() { return wx.getUserInfo({ success() {} }) }'],
    [
      'wx.getUserProfile, which does return a Promise',
      'async function f() { const res = await wx.getUserProfile({ desc: "x" }) }',
    ],
    [
      'Taro.getUserInfo, which Taro promisifies',
      "import Taro from '@tarojs/taro'\nasync function f() { await Taro.getUserInfo(); Taro.getUserInfo().then(() => {}) }",
    ],
    ['a wrapped call', 'const p = new Promise((resolve, reject) => wx.getUserInfo({ success: resolve, fail: reject }))'],
    ['support APIs such as tt.login', 'async function f() { await tt.login() }'],
    ['.then on something else', 'wx.getUserInfo({ success() {} }); other.then(() => {})'],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source).findings, []));
  }

  const invalid: Array<[string, string, RegExp]> = [
    ['await', 'async function f() { const res = await «wx.getUserInfo»() }', /`await` gets `undefined`, not the result/],
    [
      'await with callbacks (the next line runs before them)',
      'async function f() { await «wx.getUserInfo»({ success() {} }) }',
      /does not wait for it/,
    ],
    ['.then', '«wx.getUserInfo»().then((res) => {})', /`\.then\(\)` on it throws a TypeError/],
    ['.catch', '«wx.getUserInfo»({ lang: "en" }).catch(() => {})', /`\.catch\(\)` on it throws/],
    ['a returned call', 'function f() { return «wx.getUserInfo»() }', /returning it hands the caller `undefined`/],
    ['an arrow returning it', 'const f = () => «wx.getUserInfo»({ lang: "en" })', /returning it/],
    ['parenthesised await', 'async function f() { await («wx.getUserInfo»()) }', /`await`/],
    ['an alias', 'const { getUserInfo } = wx\nasync function f() { await «getUserInfo»() }', /`await`/],
  ];
  for (const [name, source, message] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'error');
      assert.match(findings[0]!.message, /^`(wx\.)?getUserInfo` returns no Promise: /);
      assert.match(findings[0]!.message, message);
    });
  }

  it('wraps the call in a Promise settled by its callbacks', () => {
    const cases: Array<[string, string]> = [
      [
        'async function f() { const res = await wx.getUserInfo() }',
        'async function f() { const res = await new Promise((resolve, reject) => wx.getUserInfo({ success: resolve, fail: reject })) }',
      ],
      [
        "async function f() { const res = await wx.getUserInfo({ lang: 'zh_CN' }) }",
        "async function f() { const res = await new Promise((resolve, reject) => wx.getUserInfo({ lang: 'zh_CN', success: resolve, fail: reject })) }",
      ],
      [
        "async function f() {\n  const res = await wx.getUserInfo({\n    lang: 'zh_CN',\n  })\n}",
        "async function f() {\n  const res = await new Promise((resolve, reject) => wx.getUserInfo({\n    lang: 'zh_CN',\n    success: resolve, fail: reject,\n  }))\n}",
      ],
    ];
    for (const [source, expected] of cases) {
      const { text, findings } = check(code, source);
      const fix = findings[0]!.fixes!.find((f) => f.title === 'Wrap in new Promise(…)')!;
      assert.equal(applyFix(text, fix), expected);
    }
  });

  it('offers no wrap when the options come from elsewhere or already have callbacks', () => {
    for (const source of [
      'const o = getOptions()\nasync function f() { await wx.getUserInfo(o) }',
      'async function f() { await wx.getUserInfo({ success() {} }) }',
    ]) {
      const titles = check(code, source).findings[0]!.fixes!.map((f) => f.title);
      assert.ok(!titles.includes('Wrap in new Promise(…)'), source);
    }
  });
});

describe('promise-unsupported: uni calls given callbacks', () => {
  const uniApp = { 'manifest.json': '{ "vueVersion": "3", "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' };

  it('is an error for .then (it throws) and a warning for await (it only stops waiting)', () => {
    const text = 'async function a() {\n  await uni.login({ success() {} });\n  uni.login({ success() {} }).then(() => {});\n}\n';
    const { findings } = check(code, text, { files: uniApp, file: 'pages/a/a.js' });
    assert.deepEqual(
      findings.map((f) => [text.slice(0, f.start).split('\n').length, f.severity]),
      [
        [2, 'warning'],
        [3, 'error'],
      ],
    );
  });
});
