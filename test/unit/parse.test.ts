import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { getSourceFile, isScriptFile, mayMentionUserInfoApi, walk } from '../../server/src/core/parse';

/** A structural dump of a tree: kinds, positions and identifier texts. */
function dump(sourceFile: ts.SourceFile): string {
  const parts: string[] = [];
  walk(sourceFile, (node) => {
    parts.push(
      `${ts.SyntaxKind[node.kind]}@${node.getStart(sourceFile)}-${node.end}${ts.isIdentifier(node) ? `:${node.text}` : ''}`,
    );
    assert.ok(node.parent, 'every node has its parent set');
  });
  return parts.join(' ');
}

describe('parse', () => {
  it('reuses the tree while the text is unchanged', () => {
    const text = 'wx.getUserProfile({ desc: "x" })';
    assert.equal(getSourceFile('/p/same.js', text), getSourceFile('/p/same.js', text));
  });

  it('parses edits incrementally into the same tree a fresh parse gives', () => {
    const fileName = '/p/incremental.ts';
    let text = 'Page({\n  onTap() {\n    wx.getUserProfile({ desc: "x" });\n  },\n});\n';
    getSourceFile(fileName, text);
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('desc: "x"', 'desc: "xy"'),
      (t) => t.replace('onTap() {', 'onTap() {\n    const a = 1;'),
      (t) => t.replace('  },\n});', '  },\n  onLoad() { wx.getUserProfile(); },\n});'),
      (t) => t.replace('wx.getUserProfile(', 'wx.getUserProfile(('),
      (t) => t.slice(0, 20),
      (t) => `${t}\n// more`,
      () => '',
      () => 'const { getUserProfile } = wx;\ngetUserProfile({});\n',
    ];
    for (const edit of edits) {
      text = edit(text);
      const incremental = getSourceFile(fileName, text);
      const fresh = ts.createSourceFile('/p/fresh.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      assert.equal(dump(incremental), dump(fresh), JSON.stringify(text));
    }
  });

  it('pre-filters on the names of the catalog APIs, support APIs included', () => {
    assert.equal(mayMentionUserInfoApi('wx.getUserProfile({})'), true);
    assert.equal(mayMentionUserInfoApi('my.getOpenUserInfo()'), true);
    assert.equal(mayMentionUserInfoApi("my.getAuthCode({ scopes: 'auth_user' })"), true);
    assert.equal(mayMentionUserInfoApi('wx.login({ timeout: 1 })'), true);
    assert.equal(mayMentionUserInfoApi('wx.request({}); wx.showToast({})'), false);
    assert.equal(mayMentionUserInfoApi('const getUserProfileX = 1'), false);
  });

  it('knows which files are scripts', () => {
    assert.deepEqual(
      ['a.js', 'a.ts', 'a.jsx', 'a.tsx', 'a.mjs', 'a.cjs', 'a.d.ts', 'a.wxml', 'a.json', 'Makefile'].map(isScriptFile),
      [true, true, true, true, true, true, false, false, false, false],
    );
  });
});
