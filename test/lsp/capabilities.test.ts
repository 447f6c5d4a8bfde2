// The server works with a client that can neither answer workspace/configuration nor register capabilities
// dynamically: it takes the settings pushed with didChangeConfiguration and never asks for either.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

/** A WeChat page in a temporary folder, opened in a server started with `capabilities`. */
async function withPage(
  capabilities: ClientCapabilities,
  body: (client: TestClient, uri: string) => Promise<void>,
  refuseServerRequests = false,
): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-capabilities-'));
  const client = await TestClient.start({ capabilities, refuseServerRequests });
  try {
    mkdirSync(path.join(root, 'pages', 'index'), { recursive: true });
    const page = path.join(root, 'pages', 'index', 'index.js');
    writeFileSync(page, "Page({ onTapLogin() { wx.getUserProfile({ desc: '用于完善会员资料', success: () => {} }) } })");
    writeFileSync(path.join(root, 'pages', 'index', 'index.wxml'), '<button bindtap="onTapLogin">登录</button>');
    await body(client, pathToFileURL(page).href);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

const push = (client: TestClient, settings: Record<string, unknown>) =>
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { miniprogramUserInfo: settings } });

describe('language server: client capabilities', () => {
  it('takes pushed settings from a client without workspace/configuration and dynamic registration', async () => {
    await withPage({}, async (client, uri) => {
      await client.open(uri);
      assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['getuserprofile-anonymous', 'unhandled-refusal']);
      client.diagnostics.delete(uri);
      await push(client, { rules: { 'unhandled-refusal': 'off' } });
      await client.waitForDiagnostics(uri, (ds) => codes(ds).join() === 'getuserprofile-anonymous');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 27 },
      });
      assert.match(hover?.contents.value ?? '', /getUserProfile/);
      assert.deepEqual(client.serverRequests, []);
    });
  });

  it('uses the defaults when a client without capabilities pushes no settings (or null ones)', async () => {
    await withPage({}, async (client, uri) => {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.open(uri);
      assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['getuserprofile-anonymous', 'unhandled-refusal']);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 27 },
      });
      assert.match(hover?.contents.value ?? '', /getUserProfile/);
      assert.deepEqual(client.serverRequests, []);
      assert.deepEqual(client.logMessages, []);
    });
  });

  it('goes on with the defaults when the client claims both capabilities but answers both requests with an error', async () => {
    const dynamic = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } };
    await withPage(
      dynamic,
      async (client, uri) => {
        await client.open(uri);
        assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['getuserprofile-anonymous', 'unhandled-refusal']);
        assert.deepEqual(client.serverRequests.sort(), [
          'client/registerCapability',
          'workspace/configuration',
          'workspace/didChangeConfiguration',
        ]);
        // A round trip after the refusals: the server has handled both answers when this one returns.
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 27 } });
        // Both refusals are logged as warnings; neither escapes as an unhandled rejection.
        const logged = client.logMessages.map((m) => m.replace(/:.*/s, ''));
        assert.ok(logged.includes('Could not read the settings'), logged.join('\n'));
        assert.ok(logged.includes('Could not register for settings changes'), logged.join('\n'));
        assert.ok(!logged.some((m) => /unhandled|unexpected/i.test(m)), logged.join('\n'));
      },
      true,
    );
  });

  it('pulls the settings, and registers for their changes only when the client can', async () => {
    await withPage({ workspace: { configuration: true } }, async (client, uri) => {
      await client.open(uri);
      await client.waitForDiagnostics(uri);
      assert.deepEqual(client.serverRequests, ['workspace/configuration']);
    });
    const dynamic = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } };
    await withPage(dynamic, async (client, uri) => {
      await client.open(uri);
      await client.waitForDiagnostics(uri);
      assert.deepEqual(client.serverRequests.sort(), [
        'client/registerCapability',
        'workspace/configuration',
        'workspace/didChangeConfiguration',
      ]);
    });
  });
});
