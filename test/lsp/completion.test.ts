// Script completion through the real server (`dist/server.js --stdio`): the catalog's APIs, options and
// result fields as LSP items, in English and Chinese.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { fixtureUri, TestClient } from './client';

function cursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the fixture needs a | cursor');
  const lines = source.slice(0, offset).split('\n');
  return {
    text: source.slice(0, offset) + source.slice(offset + 1),
    position: { line: lines.length - 1, character: lines.at(-1)!.length },
  };
}

function itemsOf(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
  return found;
}

const capabilities = {
  textDocument: { completion: { completionItem: { snippetSupport: true } } },
  workspace: { configuration: true },
};

async function session(locale: string, settings: Record<string, unknown> = {}) {
  const client = await TestClient.start({ locale, settings, capabilities });
  const opened = new Set<string>();
  return {
    client,
    async complete(uri: string, source: string): Promise<CompletionItem[]> {
      const { text, position } = cursor(source);
      if (opened.has(uri)) await client.change(uri, text);
      else await client.open(uri, text);
      opened.add(uri);
      return itemsOf(await client.request('textDocument/completion', { textDocument: { uri }, position }));
    },
  };
}

const pageJs = fixtureUri('wechat/pages/profile/scratch.js');

describe('language server: script completion (en)', () => {
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => {
    s = await session('en');
  });
  after(async () => {
    await s.client.stop();
  });

  it('triggers on a dot', () => {
    assert.ok(s.client.initializeResult.capabilities.completionProvider?.triggerCharacters?.includes('.'));
  });

  it('lists the wx user-info APIs after wx., marked as ours', async () => {
    const items = await s.complete(pageJs, 'Page({\n  onTap() {\n    wx.|\n  },\n});');
    const profile = item(items, 'getUserProfile');
    assert.equal(profile.kind, CompletionItemKind.Method);
    assert.match(profile.detail ?? '', /^mp-userinfo: /);
    assert.match((profile.documentation as MarkupContent).value, /\[Official documentation\]\(https:/);
    assert.equal(profile.insertTextFormat, InsertTextFormat.Snippet);
    const edit = profile.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } });
    assert.match(edit.newText, /^getUserProfile\(\{\n\tdesc: '\$1',/);
    assert.deepEqual(item(items, 'getUserInfo').tags, [CompletionItemTag.Deprecated]);
    assert.ok((item(items, 'getUserProfile').sortText ?? '') < (item(items, 'getUserInfo').sortText ?? ''));
  });

  it('offers option keys as snippets and values inside quotes', async () => {
    const keys = await s.complete(pageJs, 'wx.getUserProfile({ | })');
    const desc = item(keys, 'desc');
    assert.equal(desc.kind, CompletionItemKind.Property);
    assert.equal((desc.textEdit as TextEdit).newText, "desc: '$1'");
    const values = await s.complete(pageJs, "wx.getUserProfile({ desc: 'x', lang: 'z|' })");
    assert.deepEqual(
      values.map((i) => i.label),
      ['en', 'zh_CN', 'zh_TW'],
    );
    assert.deepEqual((item(values, 'zh_CN').textEdit as TextEdit).range, {
      start: { line: 0, character: 38 },
      end: { line: 0, character: 39 },
    });
  });

  it('offers result fields in a success callback', async () => {
    const items = await s.complete(pageJs, "wx.getUserProfile({ desc: 'x', success: (res) => { res.userInfo.| } })");
    assert.equal(item(items, 'nickName').kind, CompletionItemKind.Field);
    assert.deepEqual(item(items, 'gender').tags, [CompletionItemTag.Deprecated]);
  });
});

describe('language server: script completion (zh-cn)', () => {
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => {
    s = await session('zh-cn');
  });
  after(async () => {
    await s.client.stop();
  });

  it('writes details and docs in Chinese', async () => {
    const profile = item(await s.complete(pageJs, 'wx.|'), 'getUserProfile');
    assert.match(profile.detail ?? '', /^mp-userinfo: 请求用户授权头像和昵称/);
    assert.match((profile.documentation as MarkupContent).value, /\[官方文档\]\(https:/);
  });
});

describe('language server: docsLanguage setting', () => {
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => {
    s = await session('zh-cn', { docsLanguage: 'en' });
  });
  after(async () => {
    await s.client.stop();
  });

  it('overrides the locale', async () => {
    // The server pulls its settings after `initialized`; ask until the answer reflects them.
    const deadline = Date.now() + 10000;
    let detail = '';
    while (Date.now() < deadline) {
      detail = item(await s.complete(pageJs, 'wx.|'), 'getUserProfile').detail ?? '';
      if (!/请求/.test(detail)) break;
    }
    assert.match(detail, /^mp-userinfo: Asks the user/);
  });
});
