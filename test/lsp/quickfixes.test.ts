// One quick fix per fixable rule, through the real server: request the code actions for a fixture's
// diagnostic, apply the chosen edit, send the new text, and check the text and that the diagnostic is gone.
// (desc-missing has its own test in diagnostics.test.ts: its fix leaves an empty desc to fill in.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, fixtureText, fixtureUri, TestClient } from './client';

interface FixCase {
  /** The rule whose diagnostic is fixed. */
  code: string;
  /** The fixture file. */
  file: string;
  /** 1-based line:column where the diagnostic starts. */
  at: string;
  /** The code action to apply. */
  title: string;
  /** What the fixed text must contain. */
  expected: string;
  /** Replaces a fixture string before opening, for cases the fixture does not show as is. */
  replace?: [string, string];
  /** How many diagnostics of the rule remain (default: one fewer than before). */
  remaining?: number;
}

const cases: FixCase[] = [
  {
    code: 'unknown-option',
    file: 'wechat/pages/account/account.js',
    at: '10:7',
    title: 'Rename to `lang`',
    expected: "      desc: '用于完善会员资料',\n      lang: 'en',\n",
  },
  {
    code: 'invalid-option-value',
    file: 'wechat/pages/account/account.js',
    at: '3:46',
    title: "Change to 'zh_CN'",
    expected: "await wx.getUserInfo({ lang: 'zh_CN' });",
  },
  {
    code: 'promise-unsupported',
    file: 'wechat/pages/account/account.js',
    at: '3:23',
    title: 'Wrap in new Promise(…)',
    expected:
      "const res = await new Promise((resolve, reject) => wx.getUserInfo({ lang: 'zh_cn', success: resolve, fail: reject }));",
  },
  {
    code: 'handler-not-found',
    file: 'wechat/pages/account/account.wxml',
    at: '3:20',
    title: 'Change to `onTapProfile`',
    expected: '<button bindtap="onTapProfile">Profile</button>',
  },
  {
    // Said once at the first call; the fix of another call of the page is offered there, titled with its line.
    code: 'unhandled-refusal',
    file: 'wechat/pages/profile/profile.js',
    at: '7:5',
    title: 'Add a fail callback (line 11)',
    expected: '      success: (res) => this.save(res.userInfo),\n      fail: (err) => {},\n    });',
    remaining: 1,
  },
  {
    code: 'tt-login-required',
    file: 'douyin/pages/launch/launch.js',
    at: '14:5',
    title: 'Wrap in tt.login({ success })',
    expected: '  onTapProfile() {\n    tt.login({\n      success: () => {\n        tt.getUserProfile({\n          force: true,',
  },
  {
    code: 'alipay-response-string',
    file: 'alipay/pages/member/member.js',
    at: '5:34',
    title: 'Parse res.response with JSON.parse',
    expected: 'JSON.parse(res.response)',
  },
  {
    code: 'alipay-authorize-flow',
    file: 'alipay/pages/member/member.axml',
    at: '3:75',
    title: 'Change to "userInfo"',
    expected: '<button open-type="getAuthorize" onGetAuthorize="onGetAuthorize" scope="userInfo">',
    replace: ['onGetAuthorize="onGetAuthorize">', 'onGetAuthorize="onGetAuthorize" scope="userinfo">'],
  },
  {
    code: 'uni-eventsync',
    file: 'vue/vue3-setup/pages/profile/profile.vue',
    at: '3:13',
    title: 'Add data-eventsync="true"',
    expected: '    <button data-eventsync="true" @tap="onTapProfile">完善资料</button>\n    <button data-eventsync="true" @tap',
  },
  {
    code: 'handler-not-found',
    file: 'vue/vue2-options/pages/index/index.vue',
    at: '6:19',
    title: 'Change to `onTapProfile`',
    expected: '<button @tap="onTapProfile">拼错</button>',
  },
  // The suppression fixes every diagnostic has: a script statement, a JSX child, a markup tag.
  {
    code: 'getuserprofile-anonymous',
    file: 'wechat/pages/profile/profile.js',
    at: '7:5',
    title: 'Disable getuserprofile-anonymous for this line',
    expected: '  onLoad() {\n    // mp-userinfo-disable-next-line getuserprofile-anonymous\n    wx.getUserProfile({ desc: DESC,',
  },
  {
    code: 'desc-missing',
    file: 'taro/src/pages/index/index.tsx',
    at: '26:30',
    title: 'Disable desc-missing for this line',
    expected:
      '      {/* mp-userinfo-disable-next-line desc-missing */}\n      <Button onClick={() => Taro.getUserProfile({})}>Inline</Button>',
  },
  {
    code: 'getuserinfo-anonymous',
    file: 'wechat/pages/account/account.wxml',
    at: '4:22',
    title: 'Disable getuserinfo-anonymous for this line',
    expected:
      '  <button bindtap="onTapProfil">Profile</button>\n  <!-- mp-userinfo-disable-next-line getuserinfo-anonymous -->\n  <button open-type="getUserInfo"',
  },
  {
    code: 'unhandled-refusal',
    file: 'douyin/pages/me/me.js',
    at: '3:5',
    title: 'Disable unhandled-refusal for the entire file',
    expected: '/* mp-userinfo-disable unhandled-refusal */\nPage({',
    remaining: 0,
  },
];

const position = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;

/** The diagnostics published for one version of a document (an earlier version's may still arrive late). */
function diagnosticsOf(
  client: TestClient,
  uri: string,
  version: number,
  accept: (ds: Diagnostic[]) => boolean = () => true,
): Promise<Diagnostic[]> {
  return client.waitForDiagnostics(uri, (ds) => client.diagnostics.get(uri)?.version === version && accept(ds));
}

describe('language server: a quick fix for every fixable rule', () => {
  for (const fix of cases) {
    it(`${fix.code}: "${fix.title}" in ${fix.file}`, async () => {
      const client = await TestClient.start();
      try {
        const uri = fixtureUri(fix.file);
        const original = fixtureText(fix.file);
        const text = fix.replace ? original.replace(...fix.replace) : original;
        assert.ok(!fix.replace || text !== original, 'the replacement applies to the fixture');
        await client.open(uri, text);
        const before = await diagnosticsOf(client, uri, 1);
        const count = before.filter((d) => d.code === fix.code).length;
        const diagnostic = before.find((d) => d.code === fix.code && position(d) === fix.at);
        assert.ok(diagnostic, JSON.stringify(before.map((d) => `${position(d)} ${d.code}`)));

        const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
        const action = actions.find((a) => a.title === fix.title);
        assert.ok(action, `offered: ${actions.map((a) => a.title).join(' | ')}`);
        assert.equal(action.kind, 'quickfix');
        const fixed = applyTextEdits(text, (action.edit!.documentChanges![0] as TextDocumentEdit).edits as never);
        assert.ok(fixed.includes(fix.expected), fixed);

        const version = await client.change(uri, fixed);
        const after = await diagnosticsOf(client, uri, version);
        assert.equal(
          after.filter((d) => d.code === fix.code).length,
          fix.remaining ?? count - 1,
          JSON.stringify(after.map((d) => `${position(d)} ${d.code}`)),
        );
        assert.equal(client.process.exitCode, null);
      } finally {
        await client.stop();
      }
    });
  }
});
