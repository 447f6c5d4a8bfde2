// The language server reads a project's .mp-userinfo.json like the CLI, and re-checks open pages when it changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TestClient } from './client';

describe('language server: project settings file', () => {
  it('applies .mp-userinfo.json and follows its changes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-settings-'));
    const client = await TestClient.start();
    try {
      mkdirSync(path.join(root, 'pages', 'index'), { recursive: true });
      const page = path.join(root, 'pages', 'index', 'index.js');
      writeFileSync(page, "Page({ onTapLogin() { wx.getUserProfile({ desc: '用于完善会员资料', success: () => {} }) } })");
      writeFileSync(path.join(root, 'pages', 'index', 'index.wxml'), '<button bindtap="onTapLogin">登录</button>');
      const settingsFile = path.join(root, '.mp-userinfo.json');
      writeFileSync(settingsFile, '{ "rules": { "unhandled-refusal": "off" } }');
      const uri = pathToFileURL(page).href;
      await client.open(uri);
      const codes = (ds: Array<{ code?: string | number }>) => ds.map((d) => d.code).sort();
      assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['getuserprofile-anonymous']);

      writeFileSync(settingsFile, '{ "rules": { "getuserprofile-anonymous": "off" } }');
      client.diagnostics.delete(uri);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(settingsFile).href, type: 2 }],
      });
      const after = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'unhandled-refusal'));
      assert.deepEqual(codes(after), ['unhandled-refusal']);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
