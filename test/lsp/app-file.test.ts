// A page's tt-login-required finding depends on the project's app file (a tt.login in App.onLaunch): when the app
// file changes on disk or in the editor, the open pages are checked again.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const withoutLogin = 'App({\n  onLaunch() {},\n});\n';
const withLogin = 'App({\n  onLaunch() {\n    tt.login({ success: () => {} });\n  },\n});\n';
const pageSource = 'Page({\n  onTapInfo() {\n    tt.getUserInfo({ success() {}, fail() {} });\n  },\n});\n';

const loginRequired = (ds: Diagnostic[]) => ds.some((d) => d.code === 'tt-login-required');
const noLoginRequired = (ds: Diagnostic[]) => !loginRequired(ds);

interface DouyinProject {
  client: TestClient;
  appFile: string;
  appUri: string;
  pageUri: string;
}

/** A Douyin project with one page and an app file that does not log in, in a temporary folder. */
async function withDouyinProject(appName: 'app.js' | 'app.ts', body: (project: DouyinProject) => Promise<void>): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-app-file-'));
  const client = await TestClient.start();
  try {
    mkdirSync(path.join(root, 'pages', 'index'), { recursive: true });
    writeFileSync(path.join(root, 'project.config.json'), '{ "appid": "tt0000000000000000" }');
    writeFileSync(path.join(root, 'app.json'), '{ "pages": ["pages/index/index"] }');
    const appFile = path.join(root, appName);
    writeFileSync(appFile, withoutLogin);
    writeFileSync(path.join(root, 'pages', 'index', 'index.ttml'), '<button bindtap="onTapInfo">获取头像昵称</button>\n');
    const page = path.join(root, 'pages', 'index', 'index.js');
    writeFileSync(page, pageSource);
    const pageUri = pathToFileURL(page).href;
    await client.open(pageUri);
    const first = await client.waitForDiagnostics(pageUri);
    assert.deepEqual(
      first.filter((d) => d.code === 'tt-login-required').map((d) => d.range.start.line),
      [2],
      'the page is reported before the app logs in',
    );
    await body({ client, appFile, appUri: pathToFileURL(appFile).href, pageUri });
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Writes the app file on disk and tells the server, as the client's file watcher would. */
async function writeWatched(project: DouyinProject, text: string): Promise<void> {
  writeFileSync(project.appFile, text);
  project.client.diagnostics.delete(project.pageUri);
  await project.client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: project.appUri, type: 2 }],
  });
}

describe('language server: the app file and tt-login-required', () => {
  it('re-checks the open page when app.js changes on disk', async () => {
    await withDouyinProject('app.js', async (project) => {
      await writeWatched(project, withLogin);
      await project.client.waitForDiagnostics(project.pageUri, noLoginRequired);
    });
  });

  it('re-checks the open page as app.js is edited in the editor, both ways', async () => {
    await withDouyinProject('app.js', async (project) => {
      const { client, appUri, pageUri } = project;
      await client.open(appUri, withoutLogin);
      client.diagnostics.delete(pageUri);
      await client.change(appUri, withLogin);
      await client.waitForDiagnostics(pageUri, noLoginRequired);
      client.diagnostics.delete(pageUri);
      await client.change(appUri, withoutLogin);
      await client.waitForDiagnostics(pageUri, loginRequired);
    });
  });

  it('re-checks the open page when app.ts changes on disk', async () => {
    await withDouyinProject('app.ts', async (project) => {
      await writeWatched(project, withLogin);
      await project.client.waitForDiagnostics(project.pageUri, noLoginRequired);
    });
  });
});
