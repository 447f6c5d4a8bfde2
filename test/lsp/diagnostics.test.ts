import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, fixtureText, fixtureUri, TestClient } from './client';

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
/** The diagnostics of one rule, for tests about that rule alone. */
const ofRule = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('language server: diagnostics and quick fixes', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('announces incremental sync and quick fixes', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.textDocumentSync, 2);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  it('reports the WeChat page against its WXML', async () => {
    const uri = fixtureUri('wechat/pages/profile/profile.js');
    await client.open(uri);
    const diagnostics = await client.waitForDiagnostics(uri);
    // The project's libVersion 2.30.0 anonymises every getUserProfile, and none of these calls has `fail`: each
    // is said once, at the first call, with the others as related information.
    assert.deepEqual(summary(diagnostics), [
      '18:5 desc-missing',
      '24:31 desc-too-long',
      '29:7 not-in-tap-handler',
      '7:5 getuserprofile-anonymous',
      '7:5 not-in-tap-handler',
      '7:5 unhandled-refusal',
    ]);
    const advice = diagnostics.find((d) => d.code === 'getuserprofile-anonymous')!;
    assert.deepEqual(
      advice.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1, r.message]),
      [11, 18, 24, 29, 38].map((line) => [uri, line, `Also here (line ${line}).`]),
    );
    for (const d of diagnostics) {
      assert.equal(d.source, 'mp-userinfo');
      assert.match(d.codeDescription!.href, new RegExp(`^file://.*/docs/rules\\.md#${d.code}$`));
    }
    const onLoad = diagnostics.find((d) => d.range.start.line === 6 && d.code === 'not-in-tap-handler')!;
    assert.deepEqual(onLoad.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 21 } });
    assert.equal(onLoad.severity, 1);
    assert.equal(diagnostics.find((d) => d.code === 'desc-too-long')!.severity, 2);
    assert.equal(diagnostics.find((d) => d.code === 'unhandled-refusal')!.severity, 3);
  });

  it('reports the Taro TSX page from its JSX handlers', async () => {
    const uri = fixtureUri('taro/src/pages/index/index.tsx');
    await client.open(uri);
    assert.deepEqual(summary(await client.waitForDiagnostics(uri)), [
      '19:11 not-in-tap-handler',
      '19:11 unhandled-refusal',
      '26:30 desc-missing',
      '7:5 getuserprofile-anonymous',
      '7:5 not-in-tap-handler',
      '7:5 unhandled-refusal',
    ]);
  });

  it('reports the Douyin page', async () => {
    const uri = fixtureUri('douyin/pages/me/me.js');
    await client.open(uri);
    assert.deepEqual(summary(await client.waitForDiagnostics(uri)), [
      '3:5 auth-on-launch',
      '3:5 tt-login-required',
      '3:5 unhandled-refusal',
      '9:5 tt-login-required',
    ]);
  });

  it('publishes nothing for the clean Alipay page', async () => {
    const uri = fixtureUri('alipay/pages/index/index.js');
    await client.open(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  });

  it('applies the desc-missing quick fix', async () => {
    const uri = fixtureUri('wechat/pages/profile/profile.js');
    const text = fixtureText('wechat/pages/profile/profile.js');
    const diagnostics = await client.waitForDiagnostics(uri);
    const missing = diagnostics.find((d) => d.code === 'desc-missing')!;
    const actions = await client.codeActions(uri, missing.range, [missing]);
    const fix = actions.find((a) => a.title === "Add desc: ''")!;
    assert.equal(fix.isPreferred, true);
    const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits;
    const fixed = applyTextEdits(text, edits as Array<{ range: typeof missing.range; newText: string }>);
    assert.match(fixed, /onTapMissing\(\) \{\n {4}wx\.getUserProfile\(\{\n {6}desc: '',\n {6}success:/);
    await client.change(uri, fixed);
    const after = await client.waitForDiagnostics(uri);
    // The empty desc is still reported, but no longer as missing a key.
    assert.match(messageOf(after.find((d) => d.code === 'desc-missing')!), /empty `desc`/);
  });

  it('sends snippet edits to clients that support them', async () => {
    const snippetClient = await TestClient.start({
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } as object },
      },
    });
    try {
      const uri = fixtureUri('wechat/pages/profile/profile.js');
      await snippetClient.open(uri);
      const missing = (await snippetClient.waitForDiagnostics(uri)).find((d) => d.code === 'desc-missing')!;
      const [fix] = await snippetClient.codeActions(uri, missing.range, [missing]);
      const edit = (fix!.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } };
      assert.equal(edit.snippet.value, "desc: '$1',\n      ");
    } finally {
      await snippetClient.stop();
    }
  });

  it('applies the tt-login-required quick fix and clears the warning', async () => {
    const uri = fixtureUri('douyin/pages/me/me.js');
    const text = fixtureText('douyin/pages/me/me.js');
    const diagnostics = ofRule(
      await client.waitForDiagnostics(uri, (ds) => ofRule(ds, 'tt-login-required').length === 2),
      'tt-login-required',
    );
    const onShow = diagnostics.find((d) => d.range.start.line === 2)!;
    const [fix] = await client.codeActions(uri, onShow.range, [onShow]);
    assert.equal(fix!.title, 'Wrap in tt.login({ success })');
    const fixed = applyTextEdits(text, (fix!.edit!.documentChanges![0] as TextDocumentEdit).edits as never);
    assert.match(fixed, /onShow\(\) \{\n {4}tt\.login\(\{\n {6}success: \(\) => \{\n {8}tt\.getUserInfo\(\{/);
    await client.change(uri, fixed);
    assert.deepEqual(summary(ofRule(await client.waitForDiagnostics(uri), 'tt-login-required')), ['13:5 tt-login-required']);
  });

  it('re-checks the page script when its WXML changes (the handler graph is cross-file)', async () => {
    const jsUri = fixtureUri('wechat/pages/index/index.js');
    const wxmlUri = fixtureUri('wechat/pages/index/index.wxml');
    await client.open(jsUri);
    const tapRule = (ds: Diagnostic[]) => ofRule(ds, 'not-in-tap-handler');
    assert.deepEqual(tapRule(await client.waitForDiagnostics(jsUri)), []);
    await client.open(wxmlUri);
    client.diagnostics.delete(jsUri);
    await client.change(wxmlUri, '<view>\n  <button>登录</button>\n</view>\n');
    const diagnostics = tapRule(await client.waitForDiagnostics(jsUri, (ds) => tapRule(ds).length > 0));
    assert.deepEqual(summary(diagnostics), ['3:5 not-in-tap-handler']);
    assert.match(messageOf(diagnostics[0]!), /onTapLogin is not bound to a tap in index\.wxml/);
    client.diagnostics.delete(jsUri);
    await client.change(wxmlUri, fixtureText('wechat/pages/index/index.wxml'));
    assert.deepEqual(tapRule(await client.waitForDiagnostics(jsUri, (ds) => tapRule(ds).length === 0)), []);
  });

  it('follows the libVersion and rule settings', async () => {
    const configured = await TestClient.start({ settings: { libVersion: '2.60.0', rules: { 'desc-too-long': 'off' } } });
    try {
      const uri = fixtureUri('douyin/pages/me/me.js');
      await configured.open(uri);
      // From 2.54.0 tt.getUserProfile logs in by itself: only tt.getUserInfo is left.
      const loginRule = (ds: Diagnostic[]) => ofRule(ds, 'tt-login-required');
      assert.deepEqual(summary(loginRule(await configured.waitForDiagnostics(uri, (ds) => loginRule(ds).length === 1))), [
        '3:5 tt-login-required',
      ]);
      const wechat = fixtureUri('wechat/pages/profile/profile.js');
      await configured.open(wechat);
      const codes = (await configured.waitForDiagnostics(wechat)).map((d) => d.code);
      assert.ok(!codes.includes('desc-too-long'));
    } finally {
      await configured.stop();
    }
  });
});

describe('language server: hostile input', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('survives a half-typed file and keeps answering', async () => {
    const uri = 'file:///tmp/mp-userinfo-half/pages/a/a.js';
    await client.open(uri, 'Page({ onLoad() { wx.getUserProfile({ desc: "');
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.ok(Array.isArray(diagnostics));
    await client.change(uri, 'Page({ onLoad() { wx.getUserProfile(');
    await client.waitForDiagnostics(uri);
    await client.change(uri, 'Page({ onLoad() { wx.getUserProfile() } })');
    const final = await client.waitForDiagnostics(uri);
    assert.deepEqual(final.map((d) => d.code).sort(), [
      'desc-missing',
      'getuserprofile-anonymous',
      'not-in-tap-handler',
      'unhandled-refusal',
    ]);
  });

  it('skips a 5 MB file with a visible notice', async () => {
    const uri = 'file:///tmp/mp-userinfo-big/big.js';
    const big = `wx.getUserProfile();\n${'// padding padding padding padding padding padding padding\n'.repeat(90000)}`;
    assert.ok(big.length > 5_000_000);
    await client.open(uri, big);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'file-skipped');
    assert.match(messageOf(diagnostics[0]!), /over the 2\.0 MB limit/);
  });

  it('skips a binary file named .js', async () => {
    const uri = 'file:///tmp/mp-userinfo-bin/bin.js';
    await client.open(uri, `\u0000\u0001\u0002wx.getUserProfile()\u0000`);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.equal(diagnostics[0]!.code, 'file-skipped');
    assert.match(messageOf(diagnostics[0]!), /binary/);
  });

  it('tolerates broken markup', async () => {
    const uri = 'file:///tmp/mp-userinfo-broken/page.wxml';
    await client.open(uri, '<view><button bindtap="x" <<< {{ a < b </wxs> "');
    await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.equal(client.process.exitCode, null);
  });
});
