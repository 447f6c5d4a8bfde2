// Script hover through the real server (`dist/server.js --stdio`), in English and Chinese.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
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

async function session(locale: string) {
  const client = await TestClient.start({ locale, capabilities: { workspace: { configuration: true } } });
  const opened = new Set<string>();
  return {
    client,
    async hover(uri: string, source: string): Promise<Hover | null> {
      const { text, position } = cursor(source);
      if (opened.has(uri)) await client.change(uri, text);
      else await client.open(uri, text);
      opened.add(uri);
      return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    },
  };
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

const pageJs = fixtureUri('wechat/pages/profile/scratch.js');
const taroTsx = fixtureUri('taro/src/pages/scratch/scratch.tsx');

for (const [locale, expect] of [
  [
    'en',
    {
      pitfalls: /\*\*Pitfalls\*\*/,
      link: /\[Official documentation\]/,
      field: /\(field\) res\.userInfo\.gender: 0 \| 1 \| 2/,
      gender: /`1` male/,
    },
  ],
  [
    'zh-cn',
    {
      pitfalls: /\*\*注意事项\*\*/,
      link: /\[官方文档\]/,
      field: /\(字段\) res\.userInfo\.gender: 0 \| 1 \| 2/,
      gender: /`1` 男/,
    },
  ],
] as const) {
  describe(`language server: script hover (${locale})`, () => {
    let s: Awaited<ReturnType<typeof session>>;
    before(async () => {
      s = await session(locale);
    });
    after(async () => {
      await s.client.stop();
    });

    it('documents an API with its range', async () => {
      const hover = await s.hover(pageJs, "Page({\n  onTap() {\n    wx.getUser|Profile({ desc: 'x' });\n  },\n});");
      const markdown = markdownOf(hover);
      assert.match(markdown, /^```ts\nwx\.getUserProfile\(/);
      assert.match(markdown, expect.pitfalls);
      assert.match(markdown, expect.link);
      assert.deepEqual(hover?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 21 } });
    });

    it('explains a result field', async () => {
      const markdown = markdownOf(
        await s.hover(pageJs, "wx.getUserProfile({ desc: 'x', success: (res) => { res.userInfo.gen|der; } })"),
      );
      assert.match(markdown, expect.field);
      assert.match(markdown, expect.gender);
    });

    it('shows the Taro support matrix in a TSX page', async () => {
      const markdown = markdownOf(
        await s.hover(
          taroTsx,
          "import Taro from '@tarojs/taro';\nexport default () => <Button onClick={() => Taro.getUser|Profile({ desc: 'x' })} />;",
        ),
      );
      assert.match(markdown, /`tt\.getUserProfile`/);
    });

    it('answers null where the catalog has nothing to say', async () => {
      assert.equal(await s.hover(pageJs, 'console.lo|g(1);'), null);
    });
  });
}
