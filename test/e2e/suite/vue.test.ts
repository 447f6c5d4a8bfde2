/// <reference types="mocha" />
/**
 * uni-app `.vue` pages in the editor: the `vue` language id from our own contribution (code-server has no Vue
 * extension), diagnostics at their `.vue` positions in the template and the `<script setup>`, the hover on
 * `uni.getUserProfile`, and the `data-eventsync` quick fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApiById } from '../../../server/src/catalog/index';
import {
  activateExtension,
  actualLines,
  applyQuickFix,
  codeOf,
  expectedLines,
  openInEditor,
  ourDiagnostics,
  ourHover,
  parseFixture,
  setSetting,
  waitFor,
  waitForExactDiagnostics,
  writeWorkspaceFiles,
} from './helpers';
import { projectFiles, uniPageVue } from './pages';

/** The rules the uni-app page spells out with markers. */
const uniPageCodes: ReadonlySet<string> = new Set(['uni-eventsync', 'not-in-tap-handler', 'desc-missing', 'desc-too-long']);

/** Writes the uni-app page as `e2e-uniapp/pages/<name>/<name>.vue` with the project files and opens it. */
async function openUniPage(name: string): Promise<{ document: vscode.TextDocument; marked: ReturnType<typeof parseFixture> }> {
  const marked = parseFixture(uniPageVue);
  const path = `e2e-uniapp/pages/${name}/${name}.vue`;
  const uris = writeWorkspaceFiles({ ...projectFiles, [path]: marked.text });
  const { document } = await openInEditor(uris[path]!);
  return { document, marked };
}

suite('uni-app .vue pages', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await setSetting('docsLanguage', undefined);
  });

  test('a .vue file opens with the vue language id and shows uni-eventsync and not-in-tap-handler at their positions', async () => {
    const { document, marked } = await openUniPage('profile');
    assert.equal(document.languageId, 'vue');
    assert.deepEqual(
      [...new Set(marked.expected.map((e) => e.code))].sort(),
      ['not-in-tap-handler', 'uni-eventsync'],
      'the page fixture marks both rules',
    );
    await waitForExactDiagnostics(
      document.uri,
      expectedLines(document, marked.expected),
      'the diagnostics of the uni-app page',
      uniPageCodes,
    );
  });

  test('hover on uni.getUserProfile in <script setup> shows the catalog entry', async () => {
    const api = getApiById('uni.getUserProfile');
    assert.ok(api, 'the catalog has no uni.getUserProfile');
    const { document } = await openUniPage('hover');
    const call = document.getText().indexOf('uni.getUserProfile', document.getText().indexOf('function onTapProfile'));
    const position = document.positionAt(call + 'uni.getUser'.length);
    await setSetting('docsLanguage', 'en');
    const text = await ourHover(document, position, api, api.summary.en);
    assert.ok(text.includes('desc'), 'the hover lists the options (desc)');
  });

  test('the quick fix adds data-eventsync="true" to the button and the warning goes away', async () => {
    const { document } = await openUniPage('fix');
    const text = await applyQuickFix(document, 'uni-eventsync', /data-eventsync/);
    assert.match(text, /<button data-eventsync="true" @tap="onTapProfile">完善资料<\/button>/);
    await waitFor(
      'uni-eventsync to disappear after the fix',
      () => !ourDiagnostics(document.uri).some((d) => codeOf(d) === 'uni-eventsync'),
      {
        describe: () => actualLines(document.uri),
      },
    );
    // The script's findings do not depend on the attribute: both calls that lose the gesture are still reported.
    assert.equal(ourDiagnostics(document.uri).filter((d) => codeOf(d) === 'not-in-tap-handler').length, 2);
  });
});
