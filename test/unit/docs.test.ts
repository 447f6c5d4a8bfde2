// The generated API reference: it must match the catalog (regenerate with `npm run docs`), and the
// rendering shared by hover, completion, markup and the reference must keep its shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalog, flowSnippets, getMarkupAttribute } from '../../server/src/catalog/index';
import {
  renderMarkupAttribute,
  renderMarkupValue,
  renderReference,
  snippetToPlainText,
} from '../../server/src/core/docsMarkdown';
import { referenceFiles } from '../../scripts/generate-docs';

const root = join(__dirname, '..', '..');

describe('generated API reference', () => {
  for (const file of referenceFiles) {
    it(`${file.path} is up to date (run npm run docs)`, () => {
      const current = readFileSync(join(root, file.path), 'utf8');
      assert.ok(current === file.render(), `${file.path} is stale: run npm run docs`);
    });
  }

  it('documents every API, type, markup attribute and flow, with resolving anchors', () => {
    const reference = renderReference('en');
    for (const api of catalog.apis) assert.match(reference, new RegExp(`^### ${api.id.replace('.', '\\.')}$`, 'm'));
    for (const type of catalog.types) assert.ok(reference.includes(`### ${type.id}\n`), type.id);
    for (const attr of catalog.markup) assert.ok(reference.includes(`### \`<${attr.tag} ${attr.name}>\``), attr.name);
    for (const flow of flowSnippets) assert.ok(reference.includes(`### ${flow.label.en}\n`), flow.id);
    const headings = new Set(
      [...reference.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s-]/gu, '')
          .trim()
          .replace(/\s/g, '-'),
      ),
    );
    for (const [, target] of reference.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(headings.has(target!), `dangling #${target}`);
    assert.doesNotMatch(reference, /undefined|\[object Object\]/);
  });

  it('writes the Chinese reference in Chinese', () => {
    const zh = renderReference('zh-cn');
    assert.match(zh, /^# API 参考\n/);
    assert.match(zh, /\*\*注意事项\*\*/);
    assert.doesNotMatch(zh, /\*\*Pitfalls\*\*|Official documentation/);
  });
});

describe('markup rendering for the markup features', () => {
  it('renders an attribute with its values per platform', () => {
    const openType = getMarkupAttribute('button', 'open-type');
    assert.ok(openType);
    const markdown = renderMarkupAttribute(openType, { language: 'en' });
    assert.match(markdown, /^```html\n<button open-type>\n```/);
    assert.match(
      markdown,
      /\| `chooseAvatar` \| Lets the user pick an avatar .*\(WeChat · Base library ≥ 2\.21\.2 · Events: `bind:chooseavatar`\) \|/,
    );
    assert.match(markdown, /\| `getAuthorize` \| .*\(Alipay · Events: `onGetAuthorize`, `onError`\) \|/);
    assert.match(markdown, /\| `getUserInfo` \| ⚠️ /);
  });

  it('renders a value with deprecation, details and example', () => {
    const openType = getMarkupAttribute('button', 'open-type');
    const getUserInfo = openType?.values?.find((v) => v.value === 'getUserInfo');
    assert.ok(openType && getUserInfo);
    const markdown = renderMarkupValue(openType, getUserInfo, { language: 'zh-cn' });
    assert.match(
      markdown,
      /^```html\n<button open-type="getUserInfo">\n```\n\n⚠️ \*\*已废弃\*\*：2021-04-28 之后发布的版本只返回匿名数据/,
    );
    assert.match(markdown, /```html\n<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">Log in<\/button>\n```/);
    assert.match(markdown, /\[官方文档\]\(https:\/\/developers\.weixin\.qq\.com\/miniprogram\/dev\/component\/button\.html\)$/);
  });

  it('shows aliases of an event attribute', () => {
    const attr = getMarkupAttribute('button', 'bindchooseavatar');
    assert.ok(attr);
    assert.match(
      renderMarkupAttribute(attr, { language: 'en' }),
      /^```html\n<button bind:chooseavatar \| bindchooseavatar>\n```/,
    );
  });
});

describe('snippet text', () => {
  it('drops tab stops and keeps placeholder defaults', () => {
    assert.equal(snippetToPlainText("desc: '${1:用于完善会员资料}',$0\n\t$2 ${3}"), "desc: '用于完善会员资料',\n\t ");
    assert.equal(snippetToPlainText('cost: \\$5'), 'cost: $5');
  });
});
