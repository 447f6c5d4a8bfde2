/// <reference types="mocha" />
/**
 * Hover and completion through VS Code's own provider commands, checked against the catalog (the single
 * source of every description), in English and in Chinese.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apisOf, getApiById } from '../../../server/src/catalog/index';
import {
  activateExtension,
  labelOf,
  openInEditor,
  ourHover,
  parseFixture,
  setSetting,
  waitFor,
  writeWorkspaceFiles,
} from './helpers';
import { projectFiles } from './pages';

/** Writes a script with a `|` cursor into the WeChat project and opens it; returns document and cursor. */
async function openWithCursor(
  path: string,
  marked: string,
): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const { text, cursor } = parseFixture(marked);
  assert.ok(cursor !== undefined, 'the fixture needs a | cursor');
  const uris = writeWorkspaceFiles({ ...projectFiles, [path]: text });
  const { document } = await openInEditor(uris[path]!);
  return { document, position: document.positionAt(cursor) };
}

async function completionsAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
  );
  return list?.items ?? [];
}

/** Items offered for the given labels by this extension: they insert `name: …` as a snippet, not a bare word. */
function optionItems(items: vscode.CompletionItem[], name: string): vscode.CompletionItem[] {
  return items.filter((item) => {
    if (labelOf(item) !== name) return false;
    const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText;
    return typeof insert === 'string' && insert.startsWith(`${name}:`);
  });
}

suite('Hover and completion', () => {
  const getUserProfile = getApiById('wx.getUserProfile');

  suiteSetup(async () => {
    assert.ok(getUserProfile, 'the catalog has no wx.getUserProfile');
    await activateExtension();
  });

  suiteTeardown(async () => {
    await setSetting('docsLanguage', undefined);
  });

  test('hover on wx.getUserProfile follows miniprogramUserInfo.docsLanguage (English, then Chinese)', async () => {
    const api = getUserProfile!;
    const { document, position } = await openWithCursor(
      'e2e-wechat/pages/hover/hover.js',
      "Page({\n  onTap() {\n    wx.getUser|Profile({ desc: '用于完善会员资料' });\n  },\n});\n",
    );

    await setSetting('docsLanguage', 'en');
    const english = await ourHover(document, position, api, api.summary.en);
    assert.ok(english.includes('desc'), 'the hover lists the options (desc)');
    assert.ok(!english.includes(api.summary.zh), 'the English hover also shows the Chinese summary');

    await setSetting('docsLanguage', 'zh-cn');
    const chinese = await ourHover(document, position, api, api.summary.zh);
    assert.ok(!chinese.includes(api.summary.en), 'the Chinese hover still shows the English summary');
    assert.ok(chinese.includes('desc'), 'the Chinese hover lists the options (desc)');
  });

  test('completion after wx. offers the catalog APIs, recommended first, deprecated ones tagged', async () => {
    await setSetting('docsLanguage', 'en');
    const { document, position } = await openWithCursor(
      'e2e-wechat/pages/complete/complete.js',
      'Page({\n  onTap() {\n    wx.|\n  },\n});\n',
    );
    const apis = apisOf('wx');
    assert.ok(apis.length > 0);
    const items = await waitFor('completion items for every wx API of the catalog', async () => {
      const all = await completionsAt(document, position, '.');
      return apis.every((api) => all.some((item) => labelOf(item) === api.name)) && all;
    });
    const ours = apis.map((api) => {
      const item = items.find((i) => labelOf(i) === api.name && i.documentation !== undefined);
      assert.ok(item, `no documented completion item for ${api.id}`);
      return { api, item };
    });
    const sortKey = (item: vscode.CompletionItem) => item.sortText ?? labelOf(item);
    const first = [...ours].sort((a, b) => sortKey(a.item).localeCompare(sortKey(b.item)))[0]!;
    assert.equal(first.api.rank, Math.min(...apis.map((a) => a.rank)), `${first.api.id} sorts first, not the recommended API`);
    for (const { api, item } of ours) {
      const deprecated = item.tags?.includes(vscode.CompletionItemTag.Deprecated) ?? false;
      assert.equal(deprecated, api.deprecated !== undefined, `${api.id}: deprecated tag ${deprecated ? 'set' : 'missing'}`);
    }
  });

  test('completion inside the options object offers the missing keys, then the values of lang', async () => {
    await setSetting('docsLanguage', 'en');
    const api = getUserProfile!;
    const { document, position } = await openWithCursor(
      'e2e-wechat/pages/options/options.js',
      "Page({\n  onTap() {\n    wx.getUserProfile({ desc: '用于完善会员资料', | });\n  },\n});\n",
    );
    const missing = api.options.filter((o) => o.name !== 'desc').map((o) => o.name);
    assert.ok(missing.includes('lang'));
    const items = await waitFor('option-key completions', async () => {
      const all = await completionsAt(document, position);
      return missing.every((name) => optionItems(all, name).length === 1) && all;
    });
    assert.equal(optionItems(items, 'desc').length, 0, 'desc is already present and must not be offered again');

    const lang = api.options.find((o) => o.name === 'lang')!;
    const values = (lang.values ?? []).map((v) => String(v.value));
    assert.deepEqual([...values].sort(), ['en', 'zh_CN', 'zh_TW']);
    const valueDoc = await openWithCursor(
      'e2e-wechat/pages/values/values.js',
      "Page({\n  onTap() {\n    wx.getUserProfile({ desc: '用于完善会员资料', lang: '|' });\n  },\n});\n",
    );
    await waitFor('lang value completions en, zh_CN, zh_TW', async () => {
      const labels = (await completionsAt(valueDoc.document, valueDoc.position, "'")).map(labelOf);
      return values.every((v) => labels.includes(v));
    });
  });
});
