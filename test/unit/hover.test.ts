// Hover in scripts. Each case is an inline source with a `|` cursor, the Markdown expected there and the
// span it describes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureInput } from '../../server/src/core/completion';
import { getHover, type HoverResult } from '../../server/src/core/hover';

function hoverAt(source: string, extra: Partial<FeatureInput> = {}): { result: HoverResult | undefined; text: string } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | cursor');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const result = getHover({ fileName: '/project/pages/index/index.js', text, language: 'en', ...extra }, offset);
  return { result, text };
}

function hover(source: string, extra: Partial<FeatureInput> = {}): HoverResult {
  const { result } = hoverAt(source, extra);
  assert.ok(result, 'expected a hover');
  return result;
}

function spanText(source: string, extra: Partial<FeatureInput> = {}): string {
  const { result, text } = hoverAt(source, extra);
  assert.ok(result);
  return text.slice(result.span.start, result.span.end);
}

describe('hover on an API', () => {
  it('shows nothing for a `tt` the file imports from its own module, as the rules see it', () => {
    assert.equal(hoverAt("import { tt } from '../../utils/bridge'\ntt.getUser|Info({})").result, undefined);
    assert.ok(hover('tt.getUser|Info({})').markdown.includes('getUserInfo'));
  });

  it('shows signature, description, versions, pitfalls, options and the link', () => {
    const { markdown } = hover("wx.getUser|Profile({ desc: 'x' })");
    assert.match(markdown, /^```ts\nwx\.getUserProfile\(options: \{ desc: string;/);
    assert.match(markdown, /Base library ≥ 2\.10\.4 · Promise style: yes · Plugins: no/);
    assert.match(markdown, /Tap only: .*`getUserProfile:fail can only be invoked by user TAP gesture\.`/);
    assert.match(markdown, /`desc` is required and must not be empty\. Keep it within 30 units/);
    assert.match(markdown, /\*\*2022-11-08\*\* .*grey default avatar/);
    assert.match(markdown, /\| `desc` \*\*\(Required\)\*\* \| `string` \|/);
    assert.match(markdown, /\| `lang` \| `'en' \\\| 'zh_CN' \\\| 'zh_TW'` \|/);
    assert.match(
      markdown,
      /\[Official documentation\]\(https:\/\/developers\.weixin\.qq\.com\/miniprogram\/dev\/api\/open-api\/user-info\/wx\.getUserProfile\.html\)$/,
    );
  });

  it('covers the whole access, from the namespace or the name', () => {
    assert.equal(spanText("wx.getUser|Profile({ desc: 'x' })"), 'wx.getUserProfile');
    assert.equal(spanText("w|x.getUserProfile({ desc: 'x' })"), 'wx.getUserProfile');
    assert.equal(spanText("wx['getUser|Profile']({ desc: 'x' })"), "wx['getUserProfile']");
  });

  it('speaks Chinese for zh-cn', () => {
    const { markdown } = hover("wx.getUser|Profile({ desc: 'x' })", { language: 'zh-cn' });
    assert.match(markdown, /基础库 ≥ 2\.10\.4 · Promise 风格：支持 · 小程序插件：不支持/);
    assert.match(markdown, /仅限点击事件/);
    assert.match(markdown, /\[官方文档\]\(https:/);
    assert.doesNotMatch(markdown, /Official documentation|Pitfalls/);
  });

  it('marks deprecated APIs and the missing Promise style', () => {
    const { markdown } = hover('wx.getUser|Info({ success() {} })');
    assert.match(markdown, /⚠️ \*\*Deprecated\*\*: Returns anonymous data for versions released after 2021-04-28/);
    assert.match(markdown, /No Promise style: pass `success` and `fail`/);
    assert.match(markdown, /Plugins: yes \(≥ 2\.3\.1\)/);
  });

  it('explains the login requirement and the JSON string response', () => {
    assert.match(hover('tt.getUser|Profile({})').markdown, /Call `tt\.login` first \(not needed from base library 2\.54\.0/);
    assert.match(hover('tt.getUser|Info({})').markdown, /Call `tt\.login` first\./);
    const alipay = hover('my.getOpen|UserInfo({})').markdown;
    assert.match(alipay, /`res\.response` is a JSON string: read `JSON\.parse\(res\.response\)\.response`/);
    assert.match(alipay, /scope="userInfo"/);
  });

  it('shows the Taro support matrix through an import alias and a named import', () => {
    const { markdown } = hover("import T from '@tarojs/taro';\nT.getUser|Profile({ desc: 'x' })");
    assert.match(markdown, /\| WeChat \| ✓ runs `wx\.getUserProfile` \(Base library ≥ 2\.10\.4\) \|/);
    assert.match(markdown, /\| Alipay \| ✗ \|/);
    assert.match(markdown, /\| Douyin \| ✓ runs `tt\.getUserProfile` \(Base library ≥ 2\.30\.0\) \|/);
    assert.match(markdown, /\| H5 \| ✗ \|/);
    assert.match(markdown, /Taro 2\.2\.17\+ \/ 3\.0\.29\+/);
    const named = hoverAt("import { getUserProfile } from '@tarojs/taro';\ngetUser|Profile({ desc: 'x' })");
    assert.match(named.result?.markdown ?? '', /^```ts\nTaro\.getUserProfile/);
    assert.equal(named.text.slice(named.result!.span.start, named.result!.span.end), 'getUserProfile');
  });

  it('warns when the project targets an older base library or another platform', () => {
    assert.match(
      hover("wx.getUser|Profile({ desc: 'x' })", { libVersion: '2.9.0' }).markdown,
      /Needs base library 2\.10\.4; the project targets 2\.9\.0/,
    );
    assert.doesNotMatch(hover("wx.getUser|Profile({ desc: 'x' })", { libVersion: '2.10.4' }).markdown, /Needs base library/);
    assert.match(
      hover("import Taro from '@tarojs/taro';\nTaro.getUser|Profile({ desc: 'x' })", { platform: 'alipay' }).markdown,
      /Not available on Alipay\./,
    );
    assert.match(
      hover("import Taro from '@tarojs/taro';\nTaro.getUser|Profile({ desc: 'x' })", { platform: 'douyin', libVersion: '2.20.0' })
        .markdown,
      /Needs base library 2\.30\.0/,
    );
  });
});

describe('hover on options', () => {
  it('describes an option key', () => {
    const result = hover("wx.getUserProfile({ de|sc: 'x' })");
    assert.match(result.markdown, /^```ts\n\(option\) wx\.getUserProfile\(\{ desc: string \}\)\n```/);
    assert.match(result.markdown, /Keep it within 30 units/);
    assert.equal(spanText("wx.getUserProfile({ de|sc: 'x' })"), 'desc');
    assert.match(hover('tt.getUserInfo({ withRealName|AuthenticationInfo: true })').markdown, /Base library ≥ 1\.80\.0/);
    assert.match(hover('wx.getUserProfile({ su|ccess(res) {} })').markdown, /\(option\) wx\.getUserProfile\(\{ success\?: /);
  });

  it('describes a value and lists the others', () => {
    const result = hover("wx.getUserProfile({ desc: 'x', lang: 'zh|_CN' })");
    assert.match(result.markdown, /^```ts\nlang: 'zh_CN'\n```\n\nSimplified Chinese/);
    assert.match(result.markdown, /Allowed values: `'en'` English; `'zh_TW'` Traditional Chinese/);
    assert.equal(spanText("wx.getUserProfile({ desc: 'x', lang: 'zh|_CN' })"), "'zh_CN'");
  });

  it('falls back to the option for a value outside the set, or a boolean', () => {
    assert.match(hover("wx.getUserProfile({ lang: 'fr|' })").markdown, /^```ts\n\(option\) wx\.getUserProfile\(\{ lang\?:/);
    assert.match(
      hover('tt.getUserInfo({ withCredentials: tr|ue })').markdown,
      /\(option\) tt\.getUserInfo\(\{ withCredentials\?: boolean \}\)/,
    );
  });

  it("ignores keys of objects that are not a known call's options", () => {
    assert.equal(hoverAt("foo({ de|sc: 'x' })").result, undefined);
    assert.equal(hoverAt("wx.getUserProfile({ no|pe: 'x' })").result, undefined);
  });
});

describe('hover on result fields', () => {
  it('explains gender values and that WeChat no longer fills the field', () => {
    const source = "wx.getUserProfile({ desc: 'x', success: (res) => { console.log(res.userInfo.gen|der); } })";
    const result = hover(source);
    assert.match(result.markdown, /^```ts\n\(field\) res\.userInfo\.gender: 0 \| 1 \| 2\n```/);
    assert.match(result.markdown, /`0` unknown \(also what anonymous data carries\); `1` male; `2` female/);
    assert.match(result.markdown, /No longer returned: WeChat now always gives 0/);
    assert.equal(spanText(source), 'gender');
  });

  it('shows the fields of the type a field holds', () => {
    const result = hover("wx.getUserProfile({ desc: 'x', success: (res) => { res.user|Info; } })");
    assert.match(result.markdown, /\| `nickName` \| `string` \|/);
    assert.match(result.markdown, /UserInfo\.html\)$/);
  });

  it("explains Alipay's legacy letters and the JSON string", () => {
    const parsed = hover(
      'my.getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response; info.gen|der; } })',
    );
    assert.match(parsed.markdown, /`'m'` male \(legacy\); `'f'` female \(legacy\)/);
    assert.match(parsed.markdown, /always "" since 2022-06-13/);
    const raw = hover('my.getOpenUserInfo({ success: (res) => { res.resp|onse; } })');
    assert.match(raw.markdown, /\(field\) res\.response: string/);
    assert.match(raw.markdown, /A JSON \*\*string\*\*/);
  });

  it('reads element access and awaited results', () => {
    assert.match(
      hover("wx.getSetting({ success: (res) => { res.authSetting['scope.user|Info']; } })").markdown,
      /\(field\) res\.authSetting\['scope\.userInfo'\]: boolean/,
    );
    assert.match(
      hover(
        "import Taro from '@tarojs/taro';\nasync function f() { const res = await Taro.getUserProfile({ desc: 'x' }); res.userInfo.nick|Name; }",
      ).markdown,
      /\(field\) res\.userInfo\.nickName: string/,
    );
  });
});

describe('hover elsewhere', () => {
  it('explains a known errMsg string', () => {
    const { markdown } = hover("if (err.errMsg === 'getUserProfile:fail can only be invoked by user TAP gesture|.') {}");
    assert.match(markdown, /\*\*Cause\*\*: The call did not run synchronously inside a tap handler/);
    assert.match(markdown, /`wx\.getUserProfile`/);
    assert.match(hover("if (res.code === '4000|3') {}").markdown, /isv\.invalid-auth-relations/);
  });

  it('stays quiet in comments, on unknown code and out of range', () => {
    assert.equal(hoverAt("// wx.getUser|Profile({ desc: 'x' })").result, undefined);
    assert.equal(hoverAt('foo.ba|r()').result, undefined);
    assert.equal(hoverAt('wx.navigate|To({})').result, undefined);
    assert.equal(hoverAt('const getUser|Profile = 1;').result, undefined);
    assert.equal(getHover({ fileName: '/p/a.js', text: 'wx', language: 'en' }, 5), undefined);
    assert.equal(getHover({ fileName: '/p/a.wxml', text: '<button open-type="getUserInfo"/>', language: 'en' }, 20), undefined);
  });
});

describe("hover on Taro components' user-info props (JSX)", () => {
  const tsx = { fileName: '/project/src/pages/me/index.tsx' };
  const page = (jsx: string) => `import { Button, Input } from '@tarojs/components'\nexport default () => ${jsx}\n`;

  it('documents openType and its value, in English and Chinese', () => {
    const name = hover(page("<Button open|Type='chooseAvatar' onChooseAvatar={pick}>头像</Button>"), tsx);
    assert.match(name.markdown, /open-type/);
    assert.equal(spanText(page("<Button open|Type='chooseAvatar' onChooseAvatar={pick}>头像</Button>"), tsx), 'openType');
    const value = hover(page("<Button openType='choose|Avatar' onChooseAvatar={pick}>头像</Button>"), tsx);
    assert.match(value.markdown, /open-type="chooseAvatar"/);
    assert.match(value.markdown, /2\.21\.2/);
    assert.match(value.markdown, /temporary/);
    const zh = hover(page("<Button openType='choose|Avatar'>头像</Button>"), { ...tsx, language: 'zh-cn' });
    assert.match(zh.markdown, /临时/);
  });

  it("documents the event props and the nickname input's type", () => {
    assert.match(hover(page("<Button openType='chooseAvatar' onChoose|Avatar={pick} />"), tsx).markdown, /avatarUrl/);
    assert.match(
      hover(page("<Button openType='agreePrivacyAuthorization' onAgreePrivacy|Authorization={agree} />"), tsx).markdown,
      /agreeprivacyauthorization/i,
    );
    assert.match(hover(page("<Input type='nick|name' onBlur={keep} />"), tsx).markdown, /nickname/);
  });

  it('says nothing on props and values the catalog does not describe', () => {
    assert.equal(hoverAt(page("<Button on|Click={pick} openType='share' />"), tsx).result, undefined);
    assert.equal(hoverAt(page("<Button openType='sh|are' />"), tsx).result, undefined);
    assert.equal(hoverAt(page("<View open|Type='chooseAvatar' />"), tsx).result, undefined);
  });
});
