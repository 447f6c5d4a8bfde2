import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, marked, MemoryProject, spansOf } from './helpers';

const code = 'handler-not-found';

/** Findings of the rule on a markup file, with the page script next to it (none when `script` is undefined). */
function run(markup: string, script: string | undefined, file = 'pages/index/index.wxml', extra: Record<string, string> = {}) {
  const { text, spans } = marked(markup);
  const files: Record<string, string> = { [file]: text, ...extra };
  if (script !== undefined) files[file.replace(/\.\w+$/, '.js')] = script;
  const project = new MemoryProject(files);
  return { text, spans, findings: project.analyze(file).filter((f) => f.code === code) };
}

describe('handler-not-found', () => {
  const valid: Array<[string, string, string | undefined, string?]> = [
    [
      'Page methods of every form',
      '<view bindtap="a" catch:tap="b" bind:longpress="c" mut-bind:tap="d"/>',
      'const d = () => {}\nPage({ a() {}, b: function () {}, c: () => {}, d })',
    ],
    ['Component methods', '<view bindtap="onTap"/>', 'Component({ methods: { onTap() {} } })'],
    ['a handler referring to another function', '<view bindtap="onTap"/>', 'function handle() {}\nPage({ onTap: handle })'],
    ['a dynamic binding', '<view bindtap="{{handler}}"/>', 'Page({})'],
    ['an empty catch binding (stops the event only)', '<view catchtap="" catchtouchmove=""/>', 'Page({})'],
    ['markup without a script', '<view bindtap="anything"/>', undefined],
    ['a script that is not a page definition', '<view bindtap="anything"/>', 'createPage({ onTap() {} })'],
    ['a spread of an object from elsewhere', '<view bindtap="shared"/>', "import common from './common'\nPage({ ...common })"],
    ['a same-file spread', '<view bindtap="shared"/>', 'const common = { shared() {} }\nPage({ ...common, own() {} })'],
    [
      'a Behavior from another module',
      '<view bindtap="fromBehavior"/>',
      "const b = require('./b')\nComponent({ behaviors: [b], methods: {} })",
    ],
    [
      'a same-file Behavior',
      '<view bindtap="fromBehavior"/>',
      "const b = Behavior({ methods: { fromBehavior() {} } })\nComponent({ behaviors: [b, 'wx://form-field'] })",
    ],
    [
      'a definition object in a const, extended by assignment',
      '<view bindtap="a" bindlongpress="b"/>',
      'const page = { a() {} }\npage.b = function () {}\nPage(page)',
    ],
    ['a definition object built elsewhere', '<view bindtap="a"/>', "Page(buildPage('index'))"],
    [
      'Alipay onTap and onGetAuthorize',
      '<button onTap="onTap" open-type="getAuthorize" scope="userInfo" onGetAuthorize="onAuth"/>',
      'Page({ onTap() {}, onAuth() {} })',
      'pages/index/index.axml',
    ],
    [
      'Alipay Component mixins from elsewhere',
      '<view onTap="m"/>',
      "import m from './m'\nComponent({ mixins: [m] })",
      'pages/index/index.axml',
    ],
    ['attributes that are not events', '<view data-tap="x" bindtapx class="y"/>', 'Page({})'],
  ];
  for (const [name, markup, script, file] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(run(markup, script, file).findings, []));
  }

  it('reports a binding to a missing method, with a rename to the closest one', () => {
    const { text, spans, findings } = run('<button bindtap="«onTapLogn»">登录</button>', 'Page({ onTapLogin() {} })');
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(
      findings[0]!.message,
      'No method `onTapLogn` in index.js: `bindtap` has no handler to call. Did you mean `onTapLogin`?',
    );
    const fix = findings[0]!.fixes![0]!;
    assert.equal(fix.preferred, true);
    assert.equal(applyFix(text, fix), '<button bindtap="onTapLogin">登录</button>');
  });

  it('reports the handler name without the spaces around it', () => {
    const { spans, findings } = run('<view bindtap="  «missing»  "/>', 'Page({ other() {} })');
    assert.deepEqual(spansOf(findings), spans);
  });

  it('reports a getuserinfo binding on WeChat and onGetAuthorize on Alipay', () => {
    const wechat = run('<button open-type="getUserInfo" bindgetuserinfo="«onGotUserInfo»"/>', 'Page({ onTap() {} })');
    assert.deepEqual(spansOf(wechat.findings), wechat.spans);
    const alipay = run('<button onGetAuthorize="«onAuth»"/>', 'Page({ onTap() {} })', 'pages/index/index.axml');
    assert.deepEqual(spansOf(alipay.findings), alipay.spans);
    assert.match(alipay.findings[0]!.message, /`onGetAuthorize` has no handler to call/);
  });

  it('reports a Component function outside methods', () => {
    const { spans, findings } = run('<view bindtap="«onTap»"/>', 'Component({ onTap() {}, methods: {} })');
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /defined at the top level of `Component\(\{…\}\)` in index\.js, not in `methods`.*Move it into `methods`/,
    );
  });

  it('reports a binding to a Page member that is not a function', () => {
    const { findings } = run('<view bindtap="data"/>', 'Page({ data: {} })');
    assert.match(findings[0]!.message, /`data` in index\.js is not a function/);
  });

  it('suggests leaving a catch binding empty when nothing is close', () => {
    const { findings } = run('<view catchtouchmove="true"/>', 'Page({ onTap() {} })');
    assert.match(findings[0]!.message, /To only stop the event, leave the value empty: `catchtouchmove=""`\./);
  });

  it('reads the paired TypeScript page', () => {
    const { text, spans } = marked('<view bindtap="«nope»"/>');
    const project = new MemoryProject({ 'pages/index/index.wxml': text, 'pages/index/index.ts': 'Page({ onTap(): void {} })' });
    assert.deepEqual(spansOf(project.analyze('pages/index/index.wxml').filter((f) => f.code === code)), spans);
  });
});
