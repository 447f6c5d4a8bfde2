/// <reference types="mocha" />
/**
 * The editor reacts to edits: quick fixes change the text, and markup edits (in an open editor or on disk)
 * change what the page's script is told.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  actualLines,
  applyQuickFix,
  codeOf,
  openInEditor,
  openPage,
  ourDiagnostics,
  waitFor,
  workspaceRoot,
  writeWorkspaceFiles,
} from './helpers';

/** A page whose only handler is bound in markup; `onLoad` keeps one diagnostic there as a sign of life. */
const bindingPageJs = `Page({
  onLoad() {
    wx.getUserProfile({ lang: 'en' });
  },
  onTapSave() {
    wx.getUserProfile({ desc: '用于完善会员资料' });
  },
});
`;
const bindingPageWxml = `<view>
  <button bindtap="onTapSave">Save</button>
</view>
`;

/**
 * Waits until the binding page has been analysed (onLoad's diagnostics appear) and checks that onTapSave,
 * bound in markup, is quiet. Returns a probe: is onTapSave's call flagged as not-in-tap-handler now?
 */
async function onTapSaveProbe(document: vscode.TextDocument): Promise<() => boolean> {
  const saveCall = positionOf(document, 'wx.getUserProfile', document.getText().indexOf('onTapSave'));
  const flagged = () =>
    ourDiagnostics(document.uri).some((d) => codeOf(d) === 'not-in-tap-handler' && d.range.start.isEqual(saveCall));
  await waitFor('the page to be analysed', () => ourDiagnostics(document.uri).length > 0);
  assert.ok(!flagged(), `onTapSave is bound by bindtap but was flagged: ${JSON.stringify(actualLines(document.uri))}`);
  return flagged;
}

/** A fixture folder (relative to the workspace root) that holds a WeChat page: a `.wxml` beside a script. */
function findWatchedPageFolder(root: string): string {
  const visit = (relative: string): string | undefined => {
    const names = readdirSync(join(root, relative));
    if (names.some((n) => n.endsWith('.wxml')) && names.some((n) => /\.(js|ts)$/.test(n))) return relative;
    for (const name of names) {
      if (name.startsWith('e2e-') || name.startsWith('.') || name === 'node_modules') continue;
      const child = relative ? `${relative}/${name}` : name;
      if (statSync(join(root, child)).isDirectory()) {
        const found = visit(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = visit('');
  assert.ok(found, 'no fixture folder holds a WXML page');
  return found;
}

/** The line:character of the first occurrence of `needle` after `from` in a document. */
function positionOf(document: vscode.TextDocument, needle: string, from = 0): vscode.Position {
  const offset = document.getText().indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" is not in ${document.uri.fsPath}`);
  return document.positionAt(offset);
}

suite('Editing', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('quick fix for desc-missing inserts an empty desc into a call without options', async () => {
    const editor = await openPage(
      'e2e-wechat',
      'fix',
      'Page({\n  onTapFix() {\n    wx.getUserProfile();\n  },\n});\n',
      '<button bindtap="onTapFix">Fix</button>\n',
    );
    const text = await applyQuickFix(editor.document, 'desc-missing', /\bdesc\b/);
    assert.match(text, /wx\.getUserProfile\(\{\s*desc:\s*''\s*\}\);/);
  });

  test('quick fix for desc-missing adds desc to an existing options object', async () => {
    const editor = await openPage(
      'e2e-wechat',
      'fix2',
      "Page({\n  onTapFix() {\n    wx.getUserProfile({ lang: 'en', success: (res) => console.log(res) });\n  },\n});\n",
      '<button bindtap="onTapFix">Fix</button>\n',
    );
    const text = await applyQuickFix(editor.document, 'desc-missing', /\bdesc\b/);
    assert.match(text, /wx\.getUserProfile\(\{[^}]*\bdesc:\s*''/);
    assert.match(text, /lang: 'en'/);
    assert.match(text, /success: \(res\) => console\.log\(res\)/);
  });

  test('quick fix for tt-login-required wraps the call in tt.login and the warning goes away', async () => {
    const editor = await openPage(
      'e2e-douyin',
      'fix',
      'Page({\n  onTapInfo() {\n    tt.getUserInfo({ success: (res) => console.log(res.userInfo) });\n  },\n});\n',
      '<button bindtap="onTapInfo">Info</button>\n',
    );
    const text = await applyQuickFix(editor.document, 'tt-login-required', /tt\.login/);
    assert.match(
      text,
      /tt\.login\(\{[\s\S]*success[\s\S]*tt\.getUserInfo\(\{ success: \(res\) => console\.log\(res\.userInfo\) \}\)[\s\S]*\}\)/,
    );
    await waitFor(
      'tt-login-required to disappear after the fix',
      () => !ourDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'tt-login-required'),
      {
        describe: () => actualLines(editor.document.uri),
      },
    );
  });

  test('removing a bindtap in the open WXML flags the handler, restoring it clears the flag', async () => {
    const jsDocument = (await openPage('e2e-wechat', 'binding', bindingPageJs, bindingPageWxml)).document;
    const flaggedInSave = await onTapSaveProbe(jsDocument);

    const wxmlEditor = await openInEditor(jsDocument.uri.with({ path: jsDocument.uri.path.replace(/\.js$/, '.wxml') }));
    const attribute = ' bindtap="onTapSave"';
    const start = positionOf(wxmlEditor.document, attribute);
    const removal = new vscode.WorkspaceEdit();
    removal.delete(wxmlEditor.document.uri, new vscode.Range(start, start.translate(0, attribute.length)));
    assert.ok(await vscode.workspace.applyEdit(removal));
    await waitFor('not-in-tap-handler on onTapSave after its bindtap was removed', flaggedInSave, {
      describe: () => actualLines(jsDocument.uri),
    });

    const restore = new vscode.WorkspaceEdit();
    restore.insert(wxmlEditor.document.uri, start, attribute);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await waitFor('the flag to clear once the bindtap is back', () => !flaggedInSave(), {
      describe: () => actualLines(jsDocument.uri),
    });
    await wxmlEditor.document.save();
  });

  test('a WXML change on disk (file not open) re-checks the page script', async () => {
    // The page goes into a folder of a fixture project that existed when the workspace opened: the editor's
    // file watcher can miss changes in folders created a moment before (seen with code-server's watcher).
    const root = workspaceRoot();
    const folder = findWatchedPageFolder(root);
    const script = `${folder}/e2eDisk.js`;
    const markup = `${folder}/e2eDisk.wxml`;
    const uris = writeWorkspaceFiles({ [script]: bindingPageJs, [markup]: bindingPageWxml });
    const jsDocument = (await openInEditor(uris[script]!)).document;
    const flaggedInSave = await onTapSaveProbe(jsDocument);
    // What the editor's own watcher reports, to tell a missed file event from a server that ignored one.
    const seen: string[] = [];
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(uris[markup]!, '..'), '*.wxml'),
    );
    watcher.onDidChange((uri) => seen.push(`changed ${uri.fsPath}`));
    watcher.onDidCreate((uri) => seen.push(`created ${uri.fsPath}`));
    try {
      writeFileSync(uris[markup]!.fsPath, bindingPageWxml.replace(' bindtap="onTapSave"', ''));
      await waitFor('not-in-tap-handler after the WXML on disk lost its bindtap', flaggedInSave, {
        describe: () => ({ diagnostics: actualLines(jsDocument.uri), fileEvents: seen }),
      });
    } finally {
      watcher.dispose();
    }
  });
});
