// The libVersion of a project's .mp-userinfo.json is the project's libVersion for hover too, as it is for the
// diagnostics: a hover on an API newer than it warns like it does with libVersion in project.config.json.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const pageSource = [
  'Page({',
  '  onTapProfile() {',
  "    wx.getUserProfile({ desc: '用于完善会员资料', success: () => {}, fail: () => {} });",
  '  },',
  '});',
  '',
].join('\n');
/** Inside `getUserProfile` on line 2 (0-based). */
const onGetUserProfile = { line: 2, character: pageSource.split('\n')[2]!.indexOf('getUserProfile') + 3 };
const belowLibVersion = /Needs base library 2\.10\.4; the project targets 2\.9\.0/;

/** Writes a WeChat page project with the given extra files into a temporary folder, runs `body`, and cleans up. */
async function withProject(
  files: Record<string, string>,
  body: (client: TestClient, pageUri: string) => Promise<void>,
): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-hover-libversion-'));
  const client = await TestClient.start();
  try {
    mkdirSync(path.join(root, 'pages', 'index'), { recursive: true });
    writeFileSync(path.join(root, 'app.json'), '{ "pages": ["pages/index/index"] }');
    writeFileSync(path.join(root, 'app.js'), 'App({});\n');
    writeFileSync(path.join(root, 'pages', 'index', 'index.wxml'), '<button bindtap="onTapProfile">完善会员资料</button>\n');
    const page = path.join(root, 'pages', 'index', 'index.js');
    writeFileSync(page, pageSource);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    await body(client, pathToFileURL(page).href);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function hoverMarkdown(client: TestClient, uri: string): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: onGetUserProfile });
  assert.ok(hover, 'expected a hover on getUserProfile');
  return (hover.contents as MarkupContent).value;
}

describe('language server: hover and the libVersion of .mp-userinfo.json', () => {
  it('control: hover warns about the base library with libVersion in project.config.json', async () => {
    await withProject(
      { 'project.config.json': '{ "appid": "wx0000000000000000", "libVersion": "2.9.0" }' },
      async (client, uri) => {
        await client.open(uri);
        await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'min-version'));
        assert.match(await hoverMarkdown(client, uri), belowLibVersion);
      },
    );
  });

  it('hover warns about the base library with libVersion only in .mp-userinfo.json', async () => {
    const files = {
      'project.config.json': '{ "appid": "wx0000000000000000" }',
      '.mp-userinfo.json': '{ "libVersion": "2.9.0" }',
    };
    await withProject(files, async (client, uri) => {
      await client.open(uri);
      const diagnostics = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'min-version'));
      const minVersion = diagnostics.filter((d) => d.code === 'min-version');
      assert.equal(minVersion.length, 1);
      assert.equal(minVersion[0]!.range.start.line, 2);
      const message = minVersion[0]!.message;
      assert.match(
        typeof message === 'string' ? message : message.value,
        /needs base library 2\.10\.4, but the project supports 2\.9\.0/,
      );
      assert.match(await hoverMarkdown(client, uri), belowLibVersion);
    });
  });
});
