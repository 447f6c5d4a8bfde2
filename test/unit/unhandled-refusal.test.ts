import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'unhandled-refusal';
const tsx = { file: 'src/pages/index/index.tsx' };
const taro = "import Taro from '@tarojs/taro'\n";

describe('unhandled-refusal', () => {
  const valid: Array<[string, string, string?]> = [
    ['a fail callback', "wx.getUserProfile({ desc: 'x', success() {}, fail: () => this.askManually() })"],
    ['a fail method or name', "wx.getUserProfile({ desc: 'x', fail() {} }); tt.getUserInfo({ fail: onFail })"],
    ['a complete callback', "wx.getUserProfile({ desc: 'x', complete: (res) => this.done(res) })"],
    ['.catch', `${taro}Taro.getUserProfile({ desc: 'x' }).then(save).catch(() => {})`, tsx.file],
    ['.then with a rejection handler', `${taro}Taro.getUserProfile({ desc: 'x' }).then(save, onRefused)`, tsx.file],
    [
      'await inside try/catch',
      `${taro}async function f() { try { await Taro.getUserProfile({ desc: 'x' }) } catch (e) { ask() } }`,
      tsx.file,
    ],
    [
      'a returned Promise (the caller handles it)',
      `${taro}function ask() { return Taro.getUserProfile({ desc: 'x' }) }\nconst ask2 = () => Taro.getUserProfile({ desc: 'x' })`,
      tsx.file,
    ],
    ['a Promise kept for later', `${taro}const pending = Taro.getUserProfile({ desc: 'x' })`, tsx.file],
    ['options from elsewhere', 'wx.getUserProfile(options); wx.getUserProfile({ ...base, desc: "x" })'],
    ['support APIs', "wx.login({ success() {} })\nwx.getUserProfile({ desc: 'x', fail() {} })"],
  ];
  for (const [name, source, file] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source, file ? { file } : {}).findings, []));
  }

  it('says it once per page, at the first call, with the other calls as related locations and their fixes', () => {
    const source = "Page({ a() { «wx.getUserProfile»({ desc: 'x' }) },\n  b() { wx.getUserProfile({ desc: 'y' }) } })";
    const { spans, findings, text } = check(code, source);
    assert.deepEqual(spansOf(findings), spans);
    assert.deepEqual(
      findings[0]!.related?.map((r) => [text.slice(r.start, r.end), r.message]),
      [['wx.getUserProfile', 'Also here (line 2).']],
    );
    assert.deepEqual(
      findings[0]!.fixes?.filter((f) => f.title.startsWith('Add')).map((f) => f.title),
      ['Add a fail callback', 'Add a fail callback (line 2)'],
    );
  });

  it('merges calls of different APIs that miss the refusal the same way, and says a missing .catch separately', () => {
    const { findings } = check(code, "wx.getUserProfile({ desc: 'x' }); tt.getUserInfo({})");
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.related?.length, 1);
    const mixed = check(code, `${taro}Taro.getUserProfile({ desc: 'x' }).then(save); wx.getUserProfile({ desc: 'x' })`, tsx);
    assert.equal(mixed.findings.length, 2);
  });

  it("reports nothing for a helper called once a variable holding the grant is tested, or from wx.authorize's success", () => {
    const source =
      'function load() { wx.getUserInfo({}) }\n' +
      "wx.openSetting({ success(res) { var granted = res.authSetting['scope.userInfo']; if (granted) { load() } } })\n" +
      "wx.authorize({ scope: 'scope.userInfo', success() { load() } })";
    assert.deepEqual(check(code, source).findings, []);
  });

  it('reports nothing for a call made once the scope is granted', () => {
    const granted = "wx.getSetting({ success: (res) => { if (res.authSetting['scope.userInfo']) wx.getUserInfo({}) } })";
    assert.deepEqual(check(code, granted).findings, []);
  });

  const invalid: Array<[string, string, RegExp, string?]> = [
    [
      'no fail',
      "«wx.getUserProfile»({ desc: 'x', success() {} })",
      /^`wx\.getUserProfile` has no `fail` callback, so a refusal \("getUserProfile:fail auth deny"\) goes unnoticed\. Add `fail` and let the user carry on without the data\.$/,
    ],
    ['no options at all', '«tt.getUserInfo»()', /`tt\.getUserInfo` has no `fail` callback, so a refusal goes unnoticed/],
    [
      'Alipay, which also reports a missing consent in success',
      'Page({ onGetAuthorize() { «my.getOpenUserInfo»({ success() {} }) } })',
      /A refusal fires the consent button's `onError`, and a missing consent arrives in `success` as code 40003: check `code` there too\.$/,
    ],
    [
      'a Taro .then without .catch',
      `${taro}«Taro.getUserProfile»({ desc: 'x' }).then(save)`,
      /has no `\.catch` or `try`, so a refusal rejects unhandled/,
      tsx.file,
    ],
    [
      'a Taro await outside try',
      `${taro}async function f() { const res = await «Taro.getUserProfile»({ desc: 'x' }) }`,
      /rejects unhandled/,
      tsx.file,
    ],
    [
      'a try without catch',
      `${taro}async function f() { try { await «Taro.getUserProfile»({ desc: 'x' }) } finally { done() } }`,
      /rejects unhandled/,
      tsx.file,
    ],
    [
      'a try around a callback (it cannot catch the later failure)',
      `${taro}async function f() { try { setTimeout(async () => { await «Taro.getUserProfile»({ desc: 'x' }) }) } catch (e) {} }`,
      /rejects unhandled/,
      tsx.file,
    ],
    [
      'an inline JSX handler (the framework ignores its result)',
      `${taro}export default () => <Button onClick={() => «Taro.getUserProfile»({ desc: 'x' })} />`,
      /has no `fail` callback/,
      tsx.file,
    ],
  ];
  for (const [name, source, message, file] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source, file ? { file } : {});
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'information');
      assert.match(findings[0]!.message, message);
    });
  }

  it('adds a fail callback after the last option', () => {
    const cases: Array<[string, string]> = [
      ["wx.getUserProfile({ desc: 'x' })", "wx.getUserProfile({ desc: 'x', fail: (err) => {} })"],
      ['tt.getUserInfo()', 'tt.getUserInfo({ fail: (err) => {} })'],
      ['tt.getUserInfo({})', 'tt.getUserInfo({ fail: (err) => {} })'],
      [
        "wx.getUserProfile({\n  desc: 'x',\n  success() {},\n})",
        "wx.getUserProfile({\n  desc: 'x',\n  success() {},\n  fail: (err) => {},\n})",
      ],
    ];
    for (const [source, expected] of cases) {
      const { text, findings } = check(code, source);
      const fix = findings[0]!.fixes!.find((f) => f.title === 'Add a fail callback')!;
      const fixed = applyFix(text, fix);
      assert.equal(fixed, expected);
      assert.deepEqual(check(code, fixed).findings, []);
    }
  });

  it('adds a .catch after a Promise chain', () => {
    const { text, findings } = check(code, `${taro}Taro.getUserProfile({ desc: 'x' }).then(save)`, tsx);
    const fix = findings[0]!.fixes!.find((f) => f.title === 'Add .catch(…)')!;
    assert.equal(applyFix(text, fix), `${taro}Taro.getUserProfile({ desc: 'x' }).then(save).catch((err) => {})`);
  });
});
