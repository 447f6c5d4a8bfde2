// Completion in scripts. Each case is an inline source with a `|` cursor and the proposals expected there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { flowSnippets } from '../../server/src/catalog/index';
import { getCompletions, type CompletionEntry, type FeatureInput } from '../../server/src/core/completion';
import { snippetToPlainText } from '../../server/src/core/docsMarkdown';

function complete(source: string, extra: Partial<FeatureInput> = {}): CompletionEntry[] {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | cursor');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return getCompletions({ fileName: '/project/pages/index/index.js', text, language: 'en', ...extra }, offset);
}

/** Labels in the order the editor shows them (by sortText, then label). */
function sorted(entries: CompletionEntry[]): string[] {
  return [...entries]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label))
    .map((e) => e.label);
}

function labelsOf(entries: CompletionEntry[]): string[] {
  return entries.map((e) => e.label);
}

function entry(entries: CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((e) => e.label === label);
  assert.ok(found, `no ${label} among ${labelsOf(entries).join(', ')}`);
  return found;
}

describe('APIs after a platform object', () => {
  it('lists the WeChat user-info APIs, recommended first and the deprecated one last', () => {
    const items = complete('wx.|');
    assert.deepEqual(sorted(items), [
      'getUserProfile',
      'login',
      'checkSession',
      'getSetting',
      'getPrivacySetting',
      'requirePrivacyAuthorize',
      'onNeedPrivacyAuthorization',
      'openPrivacyContract',
      'getUserInfo',
    ]);
    assert.equal(entry(items, 'getUserInfo').deprecated, true);
    assert.equal(entry(items, 'getUserProfile').deprecated, undefined);
    for (const item of items) {
      assert.equal(item.kind, 'method');
      assert.match(item.detail ?? '', /^mp-userinfo: /);
      assert.deepEqual(item.replace, { start: 3, end: 3 });
      assert.match(item.documentation ?? '', /\[Official documentation\]\(https:/);
    }
  });

  it('replaces the partially typed name', () => {
    const items = complete('function onTap() {\n  wx.getU|\n}');
    const start = 'function onTap() {\n  wx.'.length;
    assert.deepEqual(entry(items, 'getUserProfile').replace, { start, end: start + 4 });
  });

  it('inserts a whole call at statement position, and only the name elsewhere', () => {
    const statement = entry(complete('function onTap() {\n  wx.getU|\n}'), 'getUserProfile');
    assert.equal(statement.snippet, true);
    assert.match(statement.insertText ?? '', /^getUserProfile\(\{\n\tdesc: '\$1',\n\tsuccess: \(res\) => \{/);
    const condition = entry(complete('if (wx.getU|) {}'), 'getUserProfile');
    assert.equal(condition.insertText, 'getUserProfile');
    assert.equal(condition.snippet, undefined);
    const beforeParen = entry(complete("wx.getU|({ desc: 'x' })"), 'getUserProfile');
    assert.equal(beforeParen.insertText, 'getUserProfile');
  });

  it('gives promisified Taro calls no callbacks', () => {
    const item = entry(complete("import Taro from '@tarojs/taro';\nasync function f() { await Taro.|; }"), 'getUserProfile');
    assert.equal(item.insertText, "getUserProfile({\n\tdesc: '$1',\n})$0");
  });

  it('follows Taro imports under another name', () => {
    assert.deepEqual(sorted(complete("import T from '@tarojs/taro';\nT.|")), [
      'getUserProfile',
      'login',
      'getOpenUserInfo',
      'getPrivacySetting',
      'requirePrivacyAuthorize',
      'onNeedPrivacyAuthorization',
      'openPrivacyContract',
      'getUserInfo',
    ]);
    assert.deepEqual(sorted(complete("import * as Tx from '@tarojs/taro';\nTx.|")), [
      'getUserProfile',
      'login',
      'getOpenUserInfo',
      'getPrivacySetting',
      'requirePrivacyAuthorize',
      'onNeedPrivacyAuthorization',
      'openPrivacyContract',
      'getUserInfo',
    ]);
  });

  it('puts the APIs of the project platform first for Taro', () => {
    const items = complete("import Taro from '@tarojs/taro';\nTaro.|", { platform: 'alipay' });
    assert.deepEqual(sorted(items).slice(0, 2), ['login', 'getOpenUserInfo']);
  });

  it('answers for Alipay and Douyin, and in Chinese', () => {
    assert.equal(sorted(complete('my.|'))[0], 'getOpenUserInfo');
    assert.deepEqual(sorted(complete('tt.|')), ['getUserProfile', 'login', 'checkSession', 'getUserInfo']);
    assert.match(entry(complete('wx.|', { language: 'zh-cn' }), 'getUserProfile').detail ?? '', /^mp-userinfo: 请求用户授权/);
  });

  it('stays quiet on other objects, in comments and in markup files', () => {
    assert.deepEqual(complete('foo.|'), []);
    assert.deepEqual(complete('// wx.|'), []);
    assert.deepEqual(complete('/* wx.| */'), []);
    assert.deepEqual(complete('wx.|', { fileName: '/project/pages/index/index.wxml' }), []);
  });
});

describe('options of a known call', () => {
  it('offers the keys, required first, as key: value snippets', () => {
    const items = complete('wx.getUserProfile({ | })');
    assert.deepEqual(sorted(items), ['desc', 'lang', 'success', 'fail', 'complete']);
    assert.equal(entry(items, 'desc').insertText, "desc: '$1'");
    assert.equal(entry(items, 'lang').insertText, "lang: '${1|en,zh_CN,zh_TW|}'");
    assert.equal(entry(items, 'success').insertText, 'success: (res) => {\n\t$1\n}');
    assert.match(entry(items, 'desc').detail ?? '', /^mp-userinfo: string · Required$/);
    assert.match(entry(items, 'desc').documentation ?? '', /30 units/);
  });

  it('leaves out the keys already present', () => {
    const items = complete("wx.getUserProfile({\n  desc: 'For your profile',\n  |\n})");
    assert.deepEqual(sorted(items), ['lang', 'success', 'fail', 'complete']);
  });

  it('replaces a key being typed and adds a comma before a following key', () => {
    const source = 'wx.getUserProfile({ de|, success() {} })';
    const items = complete(source);
    const desc = entry(items, 'desc');
    assert.deepEqual(desc.replace, { start: 20, end: 22 });
    assert.equal(desc.insertText, "desc: '$1'");
    const typedBefore = complete('wx.getUserProfile({ de| success() {} })');
    assert.equal(entry(typedBefore, 'desc').insertText, "desc: '$1',");
  });

  it('renames an existing key without touching its value', () => {
    const item = entry(complete('wx.getUserInfo({ witC|: true })'), 'withCredentials');
    assert.equal(item.insertText, 'withCredentials');
    assert.equal(item.snippet, undefined);
  });

  it('completes string values inside the quotes', () => {
    const source = "wx.getUserProfile({ desc: 'x', lang: 'zh|' })";
    const items = complete(source);
    assert.deepEqual(labelsOf(items), ['en', 'zh_CN', 'zh_TW']);
    const open = source.indexOf("'zh") + 1;
    assert.deepEqual(entry(items, 'zh_CN').replace, { start: open, end: open + 2 });
    assert.equal(entry(items, 'zh_CN').insertText, 'zh_CN');
    assert.match(entry(items, 'zh_CN').detail ?? '', /Simplified Chinese/);
  });

  it('completes quoted values after the colon, and booleans', () => {
    assert.deepEqual(labelsOf(complete('wx.getUserInfo({ lang: | })')), ["'en'", "'zh_CN'", "'zh_TW'"]);
    const booleans = complete('tt.getUserInfo({ withCredentials: t| })');
    assert.deepEqual(labelsOf(booleans), ['true', 'false']);
    assert.equal(entry(booleans, 'true').kind, 'keyword');
    const at = 'tt.getUserInfo({ withCredentials: '.length;
    assert.deepEqual(entry(booleans, 'true').replace, { start: at, end: at + 1 });
  });

  it('offers nothing for unknown options and nested objects', () => {
    assert.deepEqual(complete("wx.getUserProfile({ nope: '|' })"), []);
    assert.deepEqual(complete('wx.getUserProfile({ success: (res) => { foo({ | }); } })'), []);
    assert.deepEqual(complete('console.log({ | })'), []);
  });

  it('offers the Douyin-only option of Taro last for a WeChat project', () => {
    const items = complete("import Taro from '@tarojs/taro';\nTaro.getUserProfile({ | })", { platform: 'wechat' });
    assert.equal(sorted(items).at(-1), 'force');
  });
});

describe('result fields', () => {
  it('completes res. and res.userInfo. in a success callback', () => {
    const res = complete("wx.getUserProfile({ desc: 'x', success: (res) => { res.| } })");
    assert.deepEqual(labelsOf(res), ['userInfo', 'rawData', 'signature', 'encryptedData', 'iv', 'cloudID', 'errMsg']);
    const userInfo = complete("wx.getUserProfile({ desc: 'x', success(res) { res.userInfo.| } })");
    assert.deepEqual(
      sorted(userInfo),
      ['avatarUrl', 'nickName', 'city', 'country', 'gender', 'language', 'province'].sort(
        (a, b) => sorted(userInfo).indexOf(a) - sorted(userInfo).indexOf(b),
      ),
    );
    assert.equal(entry(userInfo, 'gender').deprecated, true);
    assert.equal(entry(userInfo, 'nickName').deprecated, undefined);
    assert.match(entry(userInfo, 'gender').documentation ?? '', /`1` male/);
    assert.equal(entry(userInfo, 'nickName').kind, 'field');
  });

  it('follows await, .then and destructuring', () => {
    const awaited = complete(
      "import Taro from '@tarojs/taro';\nasync function f() {\n  const res = await Taro.getUserProfile({ desc: 'x' });\n  res.userInfo.|\n}",
    );
    assert.ok(labelsOf(awaited).includes('nickName'));
    const then = complete("import Taro from '@tarojs/taro';\nTaro.getUserProfile({ desc: 'x' }).then((res) => res.|)");
    assert.ok(labelsOf(then).includes('userInfo'));
    const destructured = complete('tt.getUserInfo({ success: ({ userInfo }) => { userInfo.| } })');
    assert.ok(labelsOf(destructured).includes('nickName'));
    const declared = complete(
      "async function f() {\n  const { userInfo } = await wx.getUserProfile({ desc: 'x' });\n  userInfo.|\n}",
    );
    assert.ok(labelsOf(declared).includes('avatarUrl'));
  });

  it('knows no result for a non-Promise API that is awaited', () => {
    assert.deepEqual(complete('async function f() {\n  const res = await wx.getUserInfo();\n  res.|\n}'), []);
  });

  it("reads Alipay's response only after JSON.parse", () => {
    const raw = complete('my.getOpenUserInfo({ success: (res) => { res.response.| } })');
    assert.deepEqual(raw, []);
    const parsed = complete(
      'my.getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response; info.| } })',
    );
    assert.deepEqual(sorted(parsed).slice(0, 6), ['code', 'msg', 'subCode', 'subMsg', 'nickName', 'avatar']);
    assert.equal(entry(parsed, 'gender').deprecated, true);
  });

  it('writes non-identifier fields as element access', () => {
    const source = 'wx.getSetting({ success: (res) => { res.authSetting.| } })';
    const item = entry(complete(source), 'scope.userInfo');
    const dot = source.indexOf('authSetting.') + 'authSetting'.length;
    assert.equal(item.insertText, "['scope.userInfo']");
    assert.deepEqual(item.replace, { start: dot, end: dot + 1 });
  });

  it('does not guess for a res that is not a callback result', () => {
    assert.deepEqual(complete('function f(res) { res.| }'), []);
    assert.deepEqual(complete("wx.getUserProfile({ desc: 'x', fail: (res) => { res.| } })"), []);
  });
});

describe('flow snippets', () => {
  it('offers the native flows as whole pages at the top of a page file', () => {
    const items = complete('|');
    assert.deepEqual(labelsOf(items), [
      'getUserProfile in a tap handler',
      'tt.login then tt.getUserInfo',
      'Alipay getAuthorize button + my.getOpenUserInfo + JSON.parse',
      'avatar/nickname fill-in',
      'privacy agreement prompt',
    ]);
    for (const item of items) {
      assert.equal(item.kind, 'snippet');
      assert.equal(item.snippet, true);
      assert.match(item.insertText ?? '', /Page\(\{/);
    }
  });

  it('offers page methods inside Page({...}) and call bodies inside a function', () => {
    const members = complete('Page({\n  |\n})');
    assert.match(entry(members, 'getUserProfile in a tap handler').insertText ?? '', /^onTapProfile\(\) \{/);
    const body = complete('Page({\n  onTap() {\n    |\n  },\n})');
    assert.match(entry(body, 'getUserProfile in a tap handler').insertText ?? '', /^wx\.getUserProfile\(\{/);
    assert.ok(!labelsOf(body).includes('avatar/nickname fill-in'), 'the fill-in flow has no body form');
  });

  it('replaces the word being typed and filters by platform', () => {
    const source = 'function f() {\n  getpro|\n}';
    const items = complete(source, { platform: 'wechat' });
    assert.deepEqual(labelsOf(items), ['getUserProfile in a tap handler']);
    assert.deepEqual(items[0]?.replace, { start: source.indexOf('getpro'), end: source.indexOf('|') });
    assert.deepEqual(labelsOf(complete('|', { platform: 'alipay' })), [
      'Alipay getAuthorize button + my.getOpenUserInfo + JSON.parse',
    ]);
  });

  it('offers only the Taro flow in a Taro file, and only in JSX files at the top', () => {
    const taro = "import Taro from '@tarojs/taro';\n|";
    assert.deepEqual(labelsOf(complete(taro, { fileName: '/p/src/pages/index/index.tsx' })), [
      'Taro.getUserProfile in an onClick handler',
    ]);
    assert.deepEqual(complete(taro, { fileName: '/p/src/pages/index/index.ts' }), []);
  });

  it('stays out of expressions', () => {
    assert.deepEqual(complete('const x = |'), []);
    assert.deepEqual(complete('foo(|)'), []);
  });

  it('labels flows in Chinese for zh-cn', () => {
    assert.ok(labelsOf(complete('|', { language: 'zh-cn' })).includes('在点击事件中调用 getUserProfile'));
  });

  it('has templates that are valid code once the tab stops are filled', () => {
    for (const flow of flowSnippets) {
      for (const [position, template] of Object.entries(flow.templates)) {
        const code = snippetToPlainText(template);
        const wrapped =
          position === 'member' ? `Page({\n${code}\n});` : position === 'body' ? `function f() {\n${code}\n}` : code;
        const out = ts.transpileModule(wrapped, {
          fileName: flow.jsx ? 'flow.tsx' : 'flow.ts',
          reportDiagnostics: true,
          compilerOptions: { jsx: ts.JsxEmit.Preserve },
        });
        assert.deepEqual(
          out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
          [],
          `${flow.id} ${position}`,
        );
        assert.doesNotMatch(code, /\$\{|\$\d/, `${flow.id} ${position} has a tab stop left`);
      }
    }
  });
});

describe("values of Taro components' user-info props (JSX)", () => {
  const tsx = { fileName: '/project/src/pages/me/index.tsx' };
  const page = (jsx: string) => `import { Button, Input } from '@tarojs/components'\nexport default () => ${jsx}\n`;

  it("offers the open-type values inside openType's quotes, replacing what is there", () => {
    const source = page("<Button openType='choose|'>头像</Button>");
    const items = complete(source, tsx);
    const avatar = entry(items, 'chooseAvatar');
    const text = source.replace('|', '');
    assert.equal(text.slice(avatar.replace!.start, avatar.replace!.end), 'choose');
    assert.ok(labelsOf(items).includes('agreePrivacyAuthorization'));
    assert.equal(entry(items, 'getUserInfo').deprecated, true);
  });

  it("narrows to the page's platform and offers nickname for an Input's type", () => {
    const alipay = labelsOf(complete(page("<Button openType='|' />"), { ...tsx, platform: 'alipay' }));
    assert.ok(alipay.includes('getAuthorize') && !alipay.includes('chooseAvatar'), alipay.join(', '));
    assert.ok(labelsOf(complete(page("<Input type='|' />"), tsx)).includes('nickname'));
  });

  it('offers nothing in other props', () => {
    assert.deepEqual(complete(page("<Button className='|' />"), tsx), []);
  });
});
