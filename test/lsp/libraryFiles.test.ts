// The editor leaves library code alone like the CLI: a vendored UI kit, a minified SDK and the .js compiled beside a .ts
// get no diagnostics (hover still works there), unless miniprogramUserInfo.defaultIgnore is off; the ignore setting
// skips more, relative to the workspace folder (test/fixtures in the test client).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixtureUri, TestClient } from './client';

const vantButton = fixtureUri('realworld/vendored-library/components/vant/button/index.js');
const minified = fixtureUri('realworld/vendored-library/libs/who-sdk.min.js');
const compiledJs = fixtureUri('realworld/ts-compiled-pair/miniprogram/pages/index/index.js');
const sourceTs = fixtureUri('realworld/ts-compiled-pair/miniprogram/pages/index/index.ts');
const legacyJs = fixtureUri('realworld/ts-compiled-pair/miniprogram/pages/legacy/legacy.js');

describe('language server: library code', () => {
  it('publishes no diagnostics for a vendored UI kit, a minified SDK or a compiled .js, and keeps hover', async () => {
    const client = await TestClient.start();
    try {
      for (const uri of [vantButton, minified, compiledJs, sourceTs]) await client.open(uri);
      assert.deepEqual(await client.waitForDiagnostics(vantButton), []);
      assert.deepEqual(await client.waitForDiagnostics(minified), []);
      assert.deepEqual(await client.waitForDiagnostics(compiledJs), []);
      const ts = await client.waitForDiagnostics(sourceTs);
      assert.ok(
        ts.some((d) => d.code === 'not-in-tap-handler'),
        JSON.stringify(ts.map((d) => d.code)),
      );
      // Line 7 of the kit's button: `        wx.getUserProfile({`.
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: vantButton },
        position: { line: 6, character: 14 },
      });
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /getUserProfile/);
    } finally {
      await client.stop();
    }
  });

  it('checks them with defaultIgnore off, and skips the ignore globs', async () => {
    const client = await TestClient.start({
      settings: { defaultIgnore: false, ignore: ['realworld/ts-compiled-pair/miniprogram/pages/legacy/'] },
    });
    try {
      for (const uri of [vantButton, minified, legacyJs]) await client.open(uri);
      assert.ok((await client.waitForDiagnostics(vantButton, (ds) => ds.length > 0)).length > 0);
      assert.ok((await client.waitForDiagnostics(minified, (ds) => ds.length > 0)).length > 0);
      // Once the settings arrived (the kit has diagnostics now), legacy.js is ignored; before, it had its own.
      assert.deepEqual(await client.waitForDiagnostics(legacyJs, (ds) => ds.length === 0), []);
    } finally {
      await client.stop();
    }
  });
});
