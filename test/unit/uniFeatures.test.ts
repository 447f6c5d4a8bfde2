// Hover and completion on uni-app's global `uni`, in both documentation languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCompletions, type CompletionEntry, type FeatureInput } from '../../server/src/core/completion';
import { getHover } from '../../server/src/core/hover';

function at(source: string): { text: string; offset: number } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | cursor');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

function hover(source: string, extra: Partial<FeatureInput> = {}): string {
  const { text, offset } = at(source);
  const result = getHover({ fileName: '/project/common/user.js', text, language: 'en', ...extra }, offset);
  assert.ok(result, 'expected a hover');
  return result.markdown;
}

function complete(source: string, extra: Partial<FeatureInput> = {}): CompletionEntry[] {
  const { text, offset } = at(source);
  return getCompletions({ fileName: '/project/common/user.js', text, language: 'en', ...extra }, offset);
}

function sorted(entries: CompletionEntry[]): string[] {
  return [...entries]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label))
    .map((e) => e.label);
}

describe('uni in hover', () => {
  it('shows the native API per platform, the tap and desc rules and the Vue 2/3 Promise difference (en)', () => {
    const markdown = hover("uni.getUser|Profile({ desc: 'x' })");
    assert.match(markdown, /^```ts\nuni\.getUserProfile\(options: \{ desc: string;/);
    assert.match(markdown, /\| WeChat \| ✓ runs `wx\.getUserProfile` \(Base library ≥ 2\.10\.4\) \|/);
    assert.match(markdown, /\| Alipay \| ✗ \|/);
    assert.match(markdown, /\| Douyin \| ✓ runs `tt\.getUserProfile` \(Base library ≥ 2\.30\.0\) \|/);
    assert.match(markdown, /Tap only: /);
    assert.match(
      markdown,
      /In a \*\*Vue 2\*\* project it always resolves, with an array `\[err, res\]`: the resolved value has no `userInfo`/,
    );
    assert.match(markdown, /\(https:\/\/uniapp\.dcloud\.net\.cn\/api\/plugins\/login\.html#getuserprofile\)/);
  });

  it('speaks Simplified Chinese, and says what uni.login runs on Alipay', () => {
    const profile = hover("uni.getUser|Profile({ desc: 'x' })", { language: 'zh-cn' });
    assert.match(profile, /\| 微信 \| ✓ 对应 `wx\.getUserProfile`/);
    assert.match(profile, /仅限点击事件/);
    assert.match(profile, /\*\*Vue 2\*\* 项目中总是 resolve 一个数组 `\[err, res\]`/);
    const login = hover("uni.lo|gin({ provider: 'weixin' })", { language: 'zh-cn' });
    assert.match(login, /\| 支付宝 \| ✓ 对应 `my\.getAuthCode` \|/);
    assert.match(login, /`'weixin'` 微信登录/);
    const info = hover('uni.getUser|Info({})');
    assert.match(info, /\| Alipay \| ✓ runs `my\.getOpenUserInfo`/);
    assert.match(info, /uni-app parses `response` for you/);
  });

  it('warns when the project platform lacks the API', () => {
    assert.match(hover('uni.check|Session({})', { platform: 'alipay' }), /Not available on Alipay\./);
  });

  it('is silent for a local variable named uni', () => {
    const { text, offset } = at("const uni = makeBridge();\nuni.getUser|Profile({ desc: 'x' })");
    assert.equal(getHover({ fileName: '/project/common/user.js', text, language: 'en' }, offset), undefined);
  });
});

describe('uni in completion', () => {
  it('lists the uni user-info APIs after `uni.`, recommended first and the deprecated one last', () => {
    const items = complete('uni.|');
    assert.deepEqual(sorted(items), ['getUserProfile', 'login', 'checkSession', 'getUserInfo']);
    assert.equal(items.find((i) => i.label === 'getUserInfo')?.deprecated, true);
    for (const item of items)
      assert.match(item.documentation ?? '', /\[Official documentation\]\(https:\/\/uniapp\.dcloud\.net\.cn/);
  });

  it('documents the items in Simplified Chinese', () => {
    const items = complete('uni.|', { language: 'zh-cn' });
    const profile = items.find((i) => i.label === 'getUserProfile');
    assert.match(profile?.detail ?? '', /只能在点击事件中调用/);
    assert.match(profile?.documentation ?? '', /\[官方文档\]\(https:\/\/uniapp\.dcloud\.net\.cn/);
  });

  it('inserts the call with callbacks, which behave the same in Vue 2 and Vue 3', () => {
    const item = complete('function onTap() {\n  uni.getU|\n}').find((i) => i.label === 'getUserProfile');
    assert.match(item?.insertText ?? '', /^getUserProfile\(\{\n\tdesc: '\$1',\n\tsuccess: \(res\) => \{/);
  });

  it('offers the options and the documented provider values', () => {
    assert.deepEqual(
      complete('uni.login({ | })').map((i) => i.label),
      ['provider', 'scopes', 'timeout', 'success', 'fail', 'complete'],
    );
    const values = complete("uni.login({ provider: '|' })").map((i) => i.label);
    assert.ok(values.includes('weixin') && values.includes('alipay') && values.includes('toutiao'), values.join(', '));
  });
});
