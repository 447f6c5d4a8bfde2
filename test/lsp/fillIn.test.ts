// The way from wx.getUserProfile to the avatar/nickname fill-in through the real server: the quick fix of
// getuserprofile-anonymous edits the page script and its WXML in one workspace edit (the WXML by its version when
// the editor has it open); applying both leaves no anonymous-data diagnostic and none of the fill-in rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, fixtureText, fixtureUri, TestClient } from './client';

const jsFile = 'fill-in/pages/me/me.js';
const wxmlFile = 'fill-in/pages/me/me.wxml';
const title = 'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form) in me.js and me.wxml';

describe('language server: the fill-in quick fix edits both files of the page', () => {
  for (const wxmlOpen of [false, true]) {
    it(`replaces the button and the handler (WXML ${wxmlOpen ? 'open' : 'not open'} in the editor)`, async () => {
      const client = await TestClient.start();
      try {
        const jsUri = fixtureUri(jsFile);
        const wxmlUri = fixtureUri(wxmlFile);
        const js = fixtureText(jsFile);
        const wxml = fixtureText(wxmlFile);
        if (wxmlOpen) await client.open(wxmlUri, wxml);
        await client.open(jsUri, js);
        const before = await client.waitForDiagnostics(jsUri, (ds) => ds.some((d) => d.code === 'getuserprofile-anonymous'));
        const diagnostic = before.find((d: Diagnostic) => d.code === 'getuserprofile-anonymous')!;

        const actions = await client.codeActions(jsUri, diagnostic.range, [diagnostic]);
        const action = actions.find((a) => a.title === title);
        assert.ok(action, `offered: ${actions.map((a) => a.title).join(' | ')}`);
        const changes = action.edit!.documentChanges as TextDocumentEdit[];
        assert.deepEqual(
          changes.map((c) => [c.textDocument.uri, c.textDocument.version]),
          [
            [jsUri, 1],
            [wxmlUri, wxmlOpen ? 1 : null],
          ],
        );
        const fixedJs = applyTextEdits(js, changes[0]!.edits as never);
        const fixedWxml = applyTextEdits(wxml, changes[1]!.edits as never);
        assert.match(fixedWxml, /<button class="avatar-wrapper" open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">/);
        assert.match(fixedWxml, /<form bindsubmit="onSubmitProfile">\n {4}<input type="nickname" name="nickname"/);
        assert.doesNotMatch(fixedWxml, /onTapLogin/);
        assert.match(fixedJs, /onChooseAvatar\(e\) \{[^]*wx\.uploadFile\(\{[^]*onSubmitProfile\(e\) \{[^]*e\.detail\.value;/);
        assert.doesNotMatch(fixedJs, /getUserProfile/);

        // What the editor does with the workspace edit: the WXML is changed (opened first when it was not).
        if (wxmlOpen) await client.change(wxmlUri, fixedWxml);
        else await client.open(wxmlUri, fixedWxml);
        const version = await client.change(jsUri, fixedJs);
        const after = await client.waitForDiagnostics(jsUri, () => client.diagnostics.get(jsUri)?.version === version);
        assert.deepEqual(
          after.map((d) => d.code),
          [],
        );
        // The WXML is checked again once the script has the new handlers (before, its bindings name missing methods).
        await client.waitForDiagnostics(wxmlUri, (ds) => ds.length === 0);
      } finally {
        await client.stop();
      }
    });
  }
});
