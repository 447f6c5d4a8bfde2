/// <reference types="mocha" />
/**
 * Diagnostics in the editor: exact codes, severities and ranges on a WeChat page, a Taro TSX page and a
 * Douyin page, and the same findings as the CLI on every fixture project.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  actualLines,
  describeDiagnostic,
  expectedLines,
  openInEditor,
  parseFixture,
  waitFor,
  waitForExactDiagnostics,
  workspaceRoot,
  writeWorkspaceFiles,
} from './helpers';
import { douyinPageJs, douyinPageTtml, projectFiles, taroPageTsx, wechatPageJs, wechatPageWxml } from './pages';

/** Writes a page (script with markers + optional markup), opens the script and checks its diagnostics exactly. */
async function checkPage(script: string, marked: string, markup?: { path: string; text: string }): Promise<void> {
  const { text, expected } = parseFixture(marked);
  const files: Record<string, string> = { ...projectFiles, [script]: text };
  if (markup) files[markup.path] = markup.text;
  const uris = writeWorkspaceFiles(files);
  const editor = await openInEditor(uris[script]!);
  assert.ok(expected.length > 0, 'a page fixture must expect at least one diagnostic');
  await waitForExactDiagnostics(editor.document.uri, expectedLines(editor.document, expected), `the diagnostics of ${script}`);
}

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('WeChat page: desc-missing, desc-too-long (error and warning), not-in-tap-handler', async () => {
    await checkPage('e2e-wechat/pages/profile/profile.js', wechatPageJs, {
      path: 'e2e-wechat/pages/profile/profile.wxml',
      text: wechatPageWxml,
    });
  });

  test('Taro TSX page: JSX handlers, a hook, a call after await, a missing desc', async () => {
    await checkPage('e2e-taro/src/pages/profile/index.tsx', taroPageTsx);
  });

  test('Douyin page: tt-login-required with the accepted login orders, tap-only tt.getUserProfile', async () => {
    await checkPage('e2e-douyin/pages/profile/profile.js', douyinPageJs, {
      path: 'e2e-douyin/pages/profile/profile.ttml',
      text: douyinPageTtml,
    });
  });

  test('every diagnostic carries source, code and a link to the rule documentation', async () => {
    const { text } = parseFixture(wechatPageJs);
    const uris = writeWorkspaceFiles({
      ...projectFiles,
      'e2e-wechat/pages/profile/profile.js': text,
      'e2e-wechat/pages/profile/profile.wxml': wechatPageWxml,
    });
    const uri = uris['e2e-wechat/pages/profile/profile.js']!;
    await openInEditor(uri);
    const diagnostics = await waitFor('diagnostics on the WeChat page', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mp-userinfo');
      return found.length > 0 && found;
    });
    for (const d of diagnostics) {
      assert.equal(typeof d.code, 'object', `diagnostic "${d.message}" has no codeDescription link`);
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.match(String(code.value), /^[a-z]+(-[a-z]+)+$/);
      assert.ok(code.target.toString().length > 0, `diagnostic ${code.value} links nowhere`);
      assert.ok(d.message.length > 10, `diagnostic ${code.value} has a useless message: "${d.message}"`);
    }
  });

  test('the fixture projects show the same findings in the editor as in the CLI', async function () {
    this.timeout(240_000);
    const root = workspaceRoot();
    const extension = await activateExtension();
    const fixtureDirs = readdirSync(root).filter(
      (name) => !name.startsWith('e2e-') && !name.startsWith('.') && statSync(join(root, name)).isDirectory(),
    );
    assert.ok(fixtureDirs.length > 0, 'the workspace holds no fixture projects');

    const cli = join(extension.extensionPath, 'dist/cli.js');
    const stdout = await new Promise<string>((resolve, reject) => {
      // Under Electron, process.execPath is the editor itself; ELECTRON_RUN_AS_NODE makes it a plain Node.
      execFile(
        process.execPath,
        [cli, 'check', ...fixtureDirs, '--format', 'json'],
        { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
        (error, out, err) => {
          // Exit code 1 means "errors were found", which fixtures are made to have.
          if (error && error.code !== 1) reject(new Error(`mp-userinfo check failed (${String(error.code)}): ${err}`));
          else resolve(out);
        },
      );
    });
    const findings = JSON.parse(stdout) as Array<{
      file: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      severity: string;
      code: string;
    }>;
    assert.ok(findings.length > 0, 'the CLI found nothing in the fixtures: they are meant to show every rule');

    const expectedByFile = new Map<string, string[]>();
    for (const f of findings) {
      const range = new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
      const list = expectedByFile.get(f.file) ?? [];
      list.push(describeDiagnostic({ code: f.code, severity: f.severity, range }));
      expectedByFile.set(f.file, list);
    }

    // Open every script and markup file of the fixtures, so that files the CLI finds clean are compared too.
    // In batches: VS Code keeps at most 50 documents that an extension opened without an editor, and closes the
    // oldest beyond that (the server then clears their diagnostics).
    const scripts = fixtureDirs.flatMap((dir) => listPageFiles(join(root, dir)));
    const unknown = [...expectedByFile.keys()].filter(
      (key) => !scripts.some((file) => relative(root, file).split('\\').join('/') === key),
    );
    assert.deepEqual(unknown, [], 'the CLI reported files that are not fixture pages');
    const batchSize = 40;
    for (let first = 0; first < scripts.length; first += batchSize) {
      const batch = scripts.slice(first, first + batchSize);
      for (const file of batch) await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const snapshot = () => {
        const mismatches: Record<string, { cli: string[]; editor: string[] }> = {};
        for (const file of batch) {
          const key = relative(root, file).split('\\').join('/');
          const cliLines = (expectedByFile.get(key) ?? []).sort();
          const editorLines = actualLines(vscode.Uri.file(file));
          if (JSON.stringify(cliLines) !== JSON.stringify(editorLines)) mismatches[key] = { cli: cliLines, editor: editorLines };
        }
        return mismatches;
      };
      await waitFor(
        `editor diagnostics equal to the CLI findings on fixture files ${first + 1}–${first + batch.length} of ${scripts.length}`,
        () => Object.keys(snapshot()).length === 0,
        {
          timeoutMs: 60_000,
          describe: snapshot,
        },
      );
    }
  });
});

const pageExtensions = new Set(['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs', '.wxml', '.axml', '.ttml', '.vue']);

/** The script and markup files under a folder, skipping what the CLI skips. */
function listPageFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'miniprogram_npm' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listPageFiles(full));
    else if (pageExtensions.has(extname(name))) out.push(full);
  }
  return out;
}
