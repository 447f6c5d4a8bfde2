import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getMarkupAttribute } from '../../server/src/catalog';
import { renderMarkupAttribute, renderMarkupValue } from '../../server/src/core/docsMarkdown';
import {
  findPageMethods,
  handlerReferences,
  markupCompletions,
  markupDefinition,
  markupDocument,
  markupHover,
  pageContextOf,
  type MarkupDocument,
  type MarkupFeatureOptions,
  type PageContext,
} from '../../server/src/core/markupFeatures';
import { MemoryProject } from './helpers';

const en: MarkupFeatureOptions = { language: 'en' };

const wechatScript = `Page({
  data: { avatarUrl: '' },
  title: 'Profile',
  onLoad() {},
  onShareAppMessage() {},
  onTapProfile() {},
  onGetUserInfo: function (e) {},
  onChooseAvatar: (e) => {},
});
`;

/**
 * A page of an in-memory project: `markup` holds a `|` cursor; the script (if any) sits next to it with
 * the same stem. Returns the document, the cursor offset and the page context.
 */
function page(markupName: string, markup: string, script?: string, scriptName = markupName.replace(/\.\w+$/, '.js')) {
  const offset = markup.indexOf('|');
  assert.ok(offset >= 0, 'the markup fixture needs a | cursor');
  const text = markup.slice(0, offset) + markup.slice(offset + 1);
  const document = markupDocument(`/p/${markupName}`, text)!;
  const methods = script === undefined ? [] : findPageMethods(`/p/${scriptName}`, script);
  const context: PageContext = { markups: [document], scripts: script === undefined ? [] : [`/p/${scriptName}`], methods };
  return { document, offset, context };
}

function complete(markupName: string, markup: string, script?: string, options = en) {
  const { document, offset, context } = page(markupName, markup, script);
  return markupCompletions(document, offset, context, options);
}

function hover(markupName: string, markup: string, script?: string, options = en) {
  const { document, offset, context } = page(markupName, markup, script);
  return markupHover(document, offset, context, options);
}

function sorted<T extends { sortText: string; label: string }>(items: T[]): string[] {
  return [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
}

function spanText(document: MarkupDocument, span: { start: number; end: number }): string {
  return document.text.slice(span.start, span.end);
}

describe('findPageMethods', () => {
  it('collects Page members that are functions or refer to one, and flags framework hooks', () => {
    const script = `const shared = () => {};
Page({
  data: { a: 1 },
  title: 'x',
  nested: { inner() {} },
  onLoad() {},
  onTap() {},
  onArrow: () => {},
  onExpr: function () {},
  onRef: shared,
  shared,
});`;
    const methods = findPageMethods('/p/a.js', script);
    assert.deepEqual(
      methods.map((m) => [m.name, m.frameworkHook]),
      [
        ['onLoad', true],
        ['onTap', false],
        ['onArrow', false],
        ['onExpr', false],
        ['onRef', false],
        ['shared', false],
      ],
    );
    const onTap = methods.find((m) => m.name === 'onTap')!;
    assert.equal(script.slice(onTap.span.start, onTap.span.end), 'onTap');
    assert.deepEqual(
      [onTap.start, onTap.end],
      [
        { line: 6, character: 2 },
        { line: 6, character: 7 },
      ],
    );
  });

  it('collects the methods of a Component, not its lifetimes or properties', () => {
    const script = `Component({
  properties: { size: String },
  lifetimes: { attached() {} },
  attached() {},
  methods: { onChoose(e) {}, onClear: () => {} },
});`;
    assert.deepEqual(
      findPageMethods('/p/c.js', script).map((m) => m.name),
      ['onChoose', 'onClear'],
    );
  });

  it('follows the text of the script', () => {
    assert.deepEqual(
      findPageMethods('/p/cache.js', 'Page({ onA() {} });').map((m) => m.name),
      ['onA'],
    );
    assert.deepEqual(
      findPageMethods('/p/cache.js', 'Page({ onB() {} });').map((m) => m.name),
      ['onB'],
    );
  });

  it('finds nothing in a script without a page or component definition', () => {
    assert.deepEqual(findPageMethods('/p/util.js', 'export function onTap() {}\nconst o = { onTap() {} };'), []);
  });
});

describe('completion of attribute values', () => {
  it('offers the WeChat open-type values of the catalog, deprecated ones last, with rendered docs', () => {
    const { document, offset, context } = page('a.wxml', '<button open-type="|"></button>');
    const items = markupCompletions(document, offset, context, en);
    assert.deepEqual(sorted(items), ['chooseAvatar', 'getPhoneNumber', 'agreePrivacyAuthorization', 'getUserInfo']);
    const attr = getMarkupAttribute('button', 'open-type')!;
    const chooseAvatar = items.find((i) => i.label === 'chooseAvatar')!;
    assert.equal(chooseAvatar.kind, 'value');
    assert.equal(
      chooseAvatar.documentation,
      renderMarkupValue(
        attr,
        attr.values!.find((v) => v.value === 'chooseAvatar')!,
        { language: 'en', platform: 'wechat' },
      ),
    );
    assert.deepEqual(chooseAvatar.replace, { start: 19, end: 19 });
    assert.equal(items.find((i) => i.label === 'getUserInfo')!.deprecated, true);
  });

  it('offers the Alipay consent button and its scopes on AXML', () => {
    assert.deepEqual(sorted(complete('a.axml', '<button open-type="|">')), ['getAuthorize']);
    assert.deepEqual(sorted(complete('a.axml', '<button open-type="getAuthorize" scope="u|">')), ['userInfo', 'phoneNumber']);
  });

  it('replaces the whole value and offers nothing the platform lacks', () => {
    const { document, offset, context } = page('a.wxml', '<button open-type="get|User">');
    const [first] = markupCompletions(document, offset, context, en);
    assert.equal(spanText(document, first!.replace), 'getUser');
    assert.deepEqual(complete('a.ttml', '<button open-type="|">'), []);
  });

  it('offers nothing for an attribute the catalog does not describe, or outside a start tag', () => {
    assert.deepEqual(complete('a.wxml', '<view class="|">'), []);
    assert.deepEqual(complete('a.wxml', '<view>text |</view>'), []);
    assert.deepEqual(complete('a.wxml', '<vi|ew>'), []);
  });

  it('uses the documentation language', () => {
    const [item] = complete('a.axml', '<button open-type="|">', undefined, { language: 'zh-cn' });
    assert.match(item!.detail!, /支付宝/);
  });
});

describe('completion of handler names', () => {
  it("offers the page's own methods, the one named after the event first, without framework hooks or data", () => {
    const items = complete('pages/me/me.wxml', '<button open-type="getUserInfo" bindgetuserinfo="|">', wechatScript);
    assert.deepEqual(sorted(items), ['onGetUserInfo', 'onChooseAvatar', 'onTapProfile']);
    const best = items.find((i) => i.preselect)!;
    assert.equal(best.label, 'onGetUserInfo');
    assert.equal(best.kind, 'handler');
    assert.equal(best.detail, 'me.js:7');
    assert.match(
      best.documentation!,
      /^Page method `onGetUserInfo`, defined in \[me\.js line 7\]\(file:\/\/\/p\/pages\/me\/me\.js#L7\)\.$/,
    );
  });

  it('works for Alipay on* and Douyin bind: bindings, and with a value already typed', () => {
    const script = 'Page({ onGetAuthorize() {}, onAuthError() {} });';
    assert.deepEqual(sorted(complete('a.axml', '<button onGetAuthorize="on|">', script)), ['onGetAuthorize', 'onAuthError']);
    assert.deepEqual(sorted(complete('a.ttml', '<button bind:tap="|">', 'Page({ onTapLogin() {} });')), ['onTapLogin']);
  });

  it('offers nothing inside a {{ }} expression or without a page script', () => {
    assert.deepEqual(complete('a.wxml', '<button bindtap="{{ h| }}">', wechatScript), []);
    assert.deepEqual(complete('a.wxml', '<button bindtap="|">'), []);
  });

  it('treats on* as a plain attribute in WXML', () => {
    assert.deepEqual(complete('a.wxml', '<button onTap="|">', wechatScript), []);
  });
});

describe('completion of attribute names', () => {
  it("puts the event that delivers the button's open-type result first, as a snippet that reopens completion", () => {
    const items = complete('a.wxml', '<button open-type="chooseAvatar" |></button>');
    const first = sorted(items)[0];
    assert.equal(first, 'bind:chooseavatar');
    const item = items.find((i) => i.label === 'bind:chooseavatar')!;
    assert.deepEqual(
      {
        kind: item.kind,
        insertText: item.insertText,
        snippet: item.snippet,
        retrigger: item.retrigger,
        preselect: item.preselect,
      },
      { kind: 'event', insertText: 'bind:chooseavatar="$1"', snippet: true, retrigger: true, preselect: true },
    );
    assert.equal(
      item.documentation,
      renderMarkupAttribute(getMarkupAttribute('button', 'bind:chooseavatar')!, { language: 'en', platform: 'wechat' }),
    );
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('open-type'), 'an attribute already present is not offered again');
    for (const expected of ['bindgetuserinfo', 'bindgetphonenumber', 'bindtap', 'catchtap', 'bindlongpress'])
      assert.ok(labels.includes(expected), expected);
    assert.equal(items.find((i) => i.label === 'bindgetuserinfo')!.deprecated, true);
  });

  it('follows the colon style the user is typing', () => {
    const { document, offset, context } = page('a.wxml', '<button bind:|>');
    const items = markupCompletions(document, offset, context, en);
    const labels = items.map((i) => i.label);
    for (const expected of ['bind:tap', 'catch:tap', 'bind:longpress', 'bind:getuserinfo', 'bind:chooseavatar'])
      assert.ok(labels.includes(expected), expected);
    assert.ok(!labels.includes('bindtap'));
    assert.equal(spanText(document, items[0]!.replace), 'bind:');
    const plain = complete('a.wxml', '<button bindch|>').map((i) => i.label);
    assert.ok(plain.includes('bindchooseavatar') && !plain.includes('bind:chooseavatar'));
  });

  it('offers Alipay camel-case events and properties, never bind*', () => {
    const labels = complete('a.axml', '<button on|>').map((i) => i.label);
    assert.deepEqual(labels.sort(), ['catchTap', 'onError', 'onGetAuthorize', 'onLongTap', 'onTap', 'open-type', 'scope']);
  });

  it('offers only the tap events on other elements and on Douyin', () => {
    assert.deepEqual(
      complete('a.wxml', '<view |>').map((i) => i.label),
      ['bindtap', 'catchtap', 'bindlongpress'],
    );
    assert.deepEqual(
      complete('a.ttml', '<button |>').map((i) => i.label),
      ['bindtap', 'catchtap', 'bindlongpress'],
    );
  });

  it('explains the tap gesture with the APIs of the platform that need it', () => {
    const [bindtap] = complete('a.wxml', '<view |>');
    assert.equal(bindtap!.detail, 'Tap handler; the event bubbles up');
    assert.match(bindtap!.documentation!, /`wx\.getUserProfile`/);
    const [onTap] = complete('a.axml', '<view |>');
    assert.equal(onTap!.documentation, undefined, 'no Alipay API needs the tap gesture');
  });

  it('skips events already bound, and inserts only the name when a value follows', () => {
    assert.deepEqual(
      complete('a.wxml', '<view bindtap="a" |>').map((i) => i.label),
      ['bindlongpress'],
    );
    const items = complete('a.wxml', '<view catch|="go">');
    assert.equal(items.find((i) => i.label === 'catchtap')!.insertText, 'catchtap');
    assert.equal(items.find((i) => i.label === 'catchtap')!.snippet, undefined);
  });

  it('works in a start tag that is not closed yet', () => {
    assert.deepEqual(
      complete('a.wxml', '<view |').map((i) => i.label),
      ['bindtap', 'catchtap', 'bindlongpress'],
    );
  });
});

describe('hover', () => {
  const wechat = { language: 'en', platform: 'wechat' } as const;

  it('renders a catalog value and its range', () => {
    const { document, offset, context } = page('a.wxml', '<button open-type="choose|Avatar">');
    const result = markupHover(document, offset, context, en)!;
    const attr = getMarkupAttribute('button', 'open-type')!;
    assert.equal(
      result.markdown,
      renderMarkupValue(
        attr,
        attr.values!.find((v) => v.value === 'chooseAvatar')!,
        wechat,
      ),
    );
    assert.equal(spanText(document, result.span), 'chooseAvatar');
  });

  it('renders user-info attributes, by name or alias', () => {
    const byName = hover('a.wxml', '<button bindget|userinfo="x">')!;
    assert.equal(byName.markdown, renderMarkupAttribute(getMarkupAttribute('button', 'bindgetuserinfo')!, wechat));
    assert.match(byName.markdown, /⚠️/);
    const alias = hover('a.wxml', '<button bindchoose|avatar="x">')!;
    assert.equal(alias.markdown, renderMarkupAttribute(getMarkupAttribute('button', 'bind:chooseavatar')!, wechat));
    const alipay = { language: 'en', platform: 'alipay' } as const;
    assert.equal(
      hover('a.axml', '<button sc|ope="userInfo">')!.markdown,
      renderMarkupAttribute(getMarkupAttribute('button', 'scope')!, alipay),
    );
    assert.equal(
      hover('a.axml', '<button onGet|Authorize="x">')!.markdown,
      renderMarkupAttribute(getMarkupAttribute('button', 'onGetAuthorize')!, alipay),
    );
  });

  it('says where a handler is defined, with a link to the line, and that a tap keeps the gesture', () => {
    const result = hover('pages/me/me.wxml', '<button bindtap="onTap|Profile">', wechatScript)!;
    assert.equal(
      result.markdown,
      "Page method `onTapProfile`, defined in [me.js line 6](file:///p/pages/me/me.js#L6).\n\nBound to a tap: it runs with the user's gesture, so user-info calls that need one may be made in it synchronously.",
    );
    const other = hover('pages/me/me.wxml', '<button bindgetuserinfo="onGet|UserInfo">', wechatScript)!;
    assert.equal(other.markdown, 'Page method `onGetUserInfo`, defined in [me.js line 7](file:///p/pages/me/me.js#L7).');
  });

  it('says when the handler does not exist, or cannot be looked up', () => {
    assert.equal(
      hover('a.wxml', '<button bindtap="onMiss|ing">', wechatScript)!.markdown,
      'No method `onMissing` in `a.js`: the event has no handler to call.',
    );
    assert.equal(
      hover('a.wxml', '<button bindtap="on|Tap">')!.markdown,
      'No page script next to this markup, so `onTap` cannot be looked up.',
    );
    assert.equal(
      hover('a.wxml', '<button bindtap="onMiss|ing">', wechatScript, { language: 'zh-cn' })!.markdown,
      '`a.js` 中没有方法 `onMissing`：事件触发时找不到处理函数。',
    );
  });

  it('is silent elsewhere', () => {
    assert.equal(hover('a.wxml', '<view cl|ass="a">'), undefined);
    assert.equal(hover('a.wxml', '<button open-type="sha|re">'), undefined);
    assert.equal(hover('a.wxml', '<button bindtap="{{ on|Tap }}">', wechatScript), undefined);
  });
});

describe('definition and references', () => {
  const markup = `<view>
  <button bindtap="onTapProfile">Profile</button>
  <view catch:longpress="onTapProfile" bindtap="onGetUserInfo"></view>
</view>`;

  it('goes from a handler name to the page method', () => {
    const { document, offset, context } = page('pages/me/me.wxml', '<button bindtap="onTap|Profile">', wechatScript);
    assert.deepEqual(markupDefinition(document, offset, context), [
      {
        fileName: '/p/pages/me/me.js',
        span: { start: wechatScript.indexOf('onTapProfile'), end: wechatScript.indexOf('onTapProfile') + 12 },
        start: { line: 5, character: 2 },
        end: { line: 5, character: 14 },
      },
    ]);
  });

  it('has no definition for a computed or unknown handler', () => {
    for (const fixture of [
      '<button bindtap="{{ on|TapProfile }}">',
      '<button bindtap="onMiss|ing">',
      '<button class="on|TapProfile">',
    ]) {
      const { document, offset, context } = page('pages/me/me.wxml', fixture, wechatScript);
      assert.deepEqual(markupDefinition(document, offset, context), [], fixture);
    }
  });

  it('finds every binding of a handler from the markup, with the declaration when asked', () => {
    const { document, context } = page('pages/me/me.wxml', markup.replace('"onTapProfile"', '"onTap|Profile"'), wechatScript);
    const offset = document.text.indexOf('onTapProfile') + 3;
    const without = handlerReferences(document.fileName, offset, context, false);
    assert.deepEqual(
      without.map((l) => [l.fileName, l.start, spanText(document, l.span)]),
      [
        ['/p/pages/me/me.wxml', { line: 1, character: 19 }, 'onTapProfile'],
        ['/p/pages/me/me.wxml', { line: 2, character: 25 }, 'onTapProfile'],
      ],
    );
    const withDeclaration = handlerReferences(document.fileName, offset, context, true);
    assert.deepEqual(
      withDeclaration.map((l) => l.fileName),
      ['/p/pages/me/me.js', '/p/pages/me/me.wxml', '/p/pages/me/me.wxml'],
    );
  });

  it('finds the markup bindings from the method name in the script', () => {
    const { context } = page('pages/me/me.wxml', `${markup}|`, wechatScript);
    const inName = wechatScript.indexOf('onGetUserInfo') + 2;
    const refs = handlerReferences('/p/pages/me/me.js', inName, context, true);
    assert.deepEqual(
      refs.map((l) => [l.fileName, l.start, l.end]),
      [['/p/pages/me/me.wxml', { line: 2, character: 48 }, { line: 2, character: 61 }]],
    );
    assert.deepEqual(handlerReferences('/p/pages/me/me.js', wechatScript.indexOf('avatarUrl'), context, true), []);
  });
});

describe('pageContextOf', () => {
  it('pairs a markup file with its script, and a script with its markup, through the project index', () => {
    const project = new MemoryProject({
      'project.config.json': '{ "appid": "wx0000000000000000" }',
      'pages/me/me.wxml': '<button bindtap="onTapProfile">Me</button>',
      'pages/me/me.js': wechatScript,
    });
    const host = { readFile: (f: string) => project.files.get(f) };
    const fromMarkup = pageContextOf(project.path('pages/me/me.wxml'), project.index, host);
    assert.deepEqual(fromMarkup.scripts, [project.path('pages/me/me.js')]);
    assert.deepEqual(
      fromMarkup.methods.map((m) => m.name),
      ['onLoad', 'onShareAppMessage', 'onTapProfile', 'onGetUserInfo', 'onChooseAvatar'],
    );
    assert.deepEqual(
      fromMarkup.markups.map((m) => m.fileName),
      [project.path('pages/me/me.wxml')],
    );
    const fromScript = pageContextOf(project.path('pages/me/me.js'), project.index, host);
    assert.deepEqual(
      fromScript.markups.map((m) => m.facts.bindings.map((b) => b.handler)),
      [['onTapProfile']],
    );
    assert.deepEqual(pageContextOf(project.path('pages/me/readme.md'), project.index, host), {
      markups: [],
      scripts: [],
      methods: [],
    });
  });
});
