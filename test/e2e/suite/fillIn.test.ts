/// <reference types="mocha" />
/**
 * The way from wx.getUserProfile to the avatar/nickname fill-in in the editor: the quick fix of
 * getuserprofile-anonymous rewrites the page script and its WXML (a file the editor had not opened) in one edit,
 * and afterwards the page has no anonymous-data diagnostic and none of the fill-in rules.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  actualLines,
  applyQuickFix,
  codeOf,
  openInEditor,
  ourDiagnostics,
  waitFor,
  writeWorkspaceFiles,
} from './helpers';
import { oldProfilePageJs, oldProfilePageWxml, projectFiles } from './pages';

suite('the fill-in quick fix', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('replaces the getUserProfile button and handler with the chooseAvatar button, the nickname form and handler stubs', async () => {
    const js = 'e2e-wechat/pages/fillin/fillin.js';
    const wxml = 'e2e-wechat/pages/fillin/fillin.wxml';
    const uris = writeWorkspaceFiles({ ...projectFiles, [js]: oldProfilePageJs, [wxml]: oldProfilePageWxml });
    const { document } = await openInEditor(uris[js]!);

    const text = await applyQuickFix(document, 'getuserprofile-anonymous', /^Replace with the avatar\/nickname fill-in/);
    assert.doesNotMatch(text, /getUserProfile/);
    assert.match(
      text,
      /onChooseAvatar\(e\) \{[^]*wx\.uploadFile\(\{[^]*onSubmitProfile\(e\) \{[^]*const \{ nickname \} = e\.detail\.value;/,
    );

    const markup = await vscode.workspace.openTextDocument(uris[wxml]!);
    assert.match(markup.getText(), /<button class="avatar-wrapper" open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">/);
    assert.match(markup.getText(), /<form bindsubmit="onSubmitProfile">\n {4}<input type="nickname" name="nickname"/);
    assert.doesNotMatch(markup.getText(), /onTapLogin/);

    await waitFor('no diagnostics of ours on the page script after the fix', () => ourDiagnostics(document.uri).length === 0, {
      describe: () => actualLines(document.uri),
    });
    assert.deepEqual(ourDiagnostics(markup.uri).map(codeOf), []);
    // Leave the workspace files as the editor shows them for the suites that follow.
    await markup.save();
    await document.save();
  });
});
