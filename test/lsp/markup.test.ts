// The markup features through the real server: completion, hover, definition and references between a
// page's markup and its script, over the fixture projects (markup documents opened with inline text).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover, Location, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { fixtureText, fixtureUri, TestClient } from './client';

/** The text without its `|` cursor, and the cursor's position. */
function cursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the fixture needs a | cursor');
  const before = source.slice(0, offset).split('\n');
  return {
    text: source.slice(0, offset) + source.slice(offset + 1),
    position: { line: before.length - 1, character: before.at(-1)!.length },
  };
}

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

describe('language server: markup features', () => {
  let client: TestClient;
  const profileWxml = fixtureUri('wechat/pages/profile/profile.wxml');
  const profileJs = fixtureUri('wechat/pages/profile/profile.js');

  before(async () => {
    client = await TestClient.start({
      capabilities: {
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
        workspace: { configuration: true },
      },
    });
  });
  after(async () => {
    await client.stop();
  });

  const opened = new Set<string>();

  /** Opens (or replaces) a document with inline text and asks `method` at its cursor. */
  async function ask<R>(method: string, uri: string, source: string, extra: object = {}): Promise<R> {
    const { text, position } = cursor(source);
    if (opened.has(uri)) await client.change(uri, text);
    else await client.open(uri, text);
    opened.add(uri);
    return client.request<R>(method, { textDocument: { uri }, position, ...extra });
  }

  it('announces completion, hover, definition and references', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['.', '"', "'", ':']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
  });

  it("completes handler names from the page's script", async () => {
    const result = items(await ask('textDocument/completion', profileWxml, '<button bindtap="|"></button>'));
    const labels = result.map((i) => i.label);
    for (const name of ['onTapProfile', 'onTapMissing', 'onTapLong', 'onTapLater', 'onTapHelper', 'askProfile'])
      assert.ok(labels.includes(name), name);
    assert.ok(!labels.includes('onLoad'), 'lifecycle hooks are not offered');
    const item = result.find((i) => i.label === 'onTapProfile')!;
    assert.equal(item.kind, 2);
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 0, character: 17 }, end: { line: 0, character: 17 } },
      newText: 'onTapProfile',
    });
    assert.equal(item.detail, 'profile.js:10');
  });

  it('completes open-type values with catalog docs, and attribute names as snippets that reopen completion', async () => {
    const values = items(await ask('textDocument/completion', profileWxml, '<button open-type="|"></button>'));
    const chooseAvatar = values.find((i) => i.label === 'chooseAvatar')!;
    assert.equal((chooseAvatar.documentation as MarkupContent).kind, 'markdown');
    assert.match((chooseAvatar.documentation as MarkupContent).value, /bind:chooseavatar/);
    assert.deepEqual(values.find((i) => i.label === 'getUserInfo')!.tags, [1]);

    const names = items(await ask('textDocument/completion', profileWxml, '<button open-type="chooseAvatar" |></button>'));
    const event = names.find((i) => i.preselect)!;
    assert.equal(event.label, 'bind:chooseavatar');
    assert.equal(event.insertTextFormat, 2);
    assert.equal(event.textEdit!.newText, 'bind:chooseavatar="$1"');
    assert.deepEqual(event.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
  });

  it('hovers an open-type value and a handler name', async () => {
    const value = await ask<Hover>('textDocument/hover', profileWxml, '<button open-type="choose|Avatar"></button>');
    assert.match(markdown(value), /^```html\n<button open-type="chooseAvatar">\n```/);
    assert.deepEqual(value.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 31 } });

    const handler = await ask<Hover>('textDocument/hover', profileWxml, '<button bindtap="onTap|Profile"></button>');
    assert.equal(
      markdown(handler).split('\n\n')[0],
      `Page method \`onTapProfile\`, defined in [profile.js line 10](${profileJs}#L10).`,
    );
    assert.equal(await ask('textDocument/hover', profileWxml, '<view cl|ass="x"></view>'), null);
  });

  it('goes from a binding to the method in the page script', async () => {
    const locations = await ask<Location[]>('textDocument/definition', profileWxml, '<button catch:tap="onTap|Long"></button>');
    assert.deepEqual(locations, [
      { uri: profileJs, range: { start: { line: 22, character: 2 }, end: { line: 22, character: 11 } } },
    ]);
  });

  it('finds the markup bindings of a page method from the script, and all bindings from the markup', async () => {
    const markup = fixtureText('wechat/pages/profile/profile.wxml');
    await ask('textDocument/hover', profileWxml, `${markup}|`);
    const script = fixtureText('wechat/pages/profile/profile.js');
    const fromScript = await ask<Location[]>(
      'textDocument/references',
      profileJs,
      script.replace('onTapProfile() {', 'onTap|Profile() {'),
      {
        context: { includeDeclaration: true },
      },
    );
    const binding = { uri: profileWxml, range: { start: { line: 1, character: 19 }, end: { line: 1, character: 31 } } };
    assert.deepEqual(fromScript, [binding]);

    const fromMarkup = await ask<Location[]>(
      'textDocument/references',
      profileWxml,
      markup.replace('"onTapProfile"', '"onTap|Profile"'),
      {
        context: { includeDeclaration: true },
      },
    );
    assert.deepEqual(fromMarkup, [
      { uri: profileJs, range: { start: { line: 9, character: 2 }, end: { line: 9, character: 14 } } },
      binding,
    ]);
  });

  it('answers in Chinese for a Chinese editor', async () => {
    const zh = await TestClient.start({ locale: 'zh-cn' });
    try {
      const uri = fixtureUri('alipay/pages/index/index.axml');
      const { text, position } = cursor(
        fixtureText('alipay/pages/index/index.axml').replace(
          'onGetAuthorize="onGetAuthorize"',
          'onGetAuthorize="onGet|Authorize"',
        ),
      );
      await zh.open(uri, text);
      const hover = await zh.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
      assert.match(markdown(hover), /^页面方法 `onGetAuthorize`，定义于 \[index\.js 第 2 行\]/);
    } finally {
      await zh.stop();
    }
  });
});
