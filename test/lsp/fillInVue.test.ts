// The way from uni.getUserProfile to the avatar/nickname fill-in in a uni-app .vue page through the real server: the
// quick fix of getuserprofile-anonymous edits the template and the script of the one file in one workspace edit;
// applying it leaves no anonymous-data diagnostic and none of the fill-in rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, fixtureText, fixtureUri, TestClient } from './client';

const vueFile = 'fill-in-vue/pages/me/me.vue';
const title = 'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form)';

describe('language server: the fill-in quick fix in a .vue page', () => {
  it('replaces the @tap button and its method in the one file', async () => {
    const client = await TestClient.start();
    try {
      const uri = fixtureUri(vueFile);
      const text = fixtureText(vueFile);
      await client.open(uri, text);
      const before = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'getuserprofile-anonymous'));
      const diagnostic = before.find((d) => d.code === 'getuserprofile-anonymous')!;

      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      const changes = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(
        changes.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.length]),
        [[uri, 1, 2]],
      );
      const fixed = applyTextEdits(text, changes[0]!.edits as never);
      assert.match(fixed, /<button class="avatar-wrapper" open-type="chooseAvatar" @chooseavatar="onChooseAvatar">/);
      assert.match(fixed, /<form @submit="onSubmitProfile">\n {6}<input type="nickname" name="nickname"/);
      assert.match(
        fixed,
        /\n {4}onChooseAvatar\(e\) \{[^]*uni\.uploadFile\(\{[^]*\n {4}onSubmitProfile\(e\) \{[^]*e\.detail\.value\n/,
      );
      assert.doesNotMatch(fixed, /onTapLogin|getUserProfile/);

      const version = await client.change(uri, fixed);
      const after = await client.waitForDiagnostics(uri, () => client.diagnostics.get(uri)?.version === version);
      assert.deepEqual(
        after.map((d) => d.code),
        [],
      );
    } finally {
      await client.stop();
    }
  });
});
