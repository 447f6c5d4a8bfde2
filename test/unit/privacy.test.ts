// The avatar/nickname fill-in and the privacy agreement in the catalog, as the editor shows them: script hover and
// completion of the privacy APIs, markup hover and completion of the fill-in and agree-button attributes, the
// pointer from the old profile APIs to the fill-in, and the errno 104/112 errors. English and Chinese throughout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalog, findErrors, getApiById, getMarkupAttribute, getType } from '../../server/src/catalog';
import { getCompletions, type FeatureInput } from '../../server/src/core/completion';
import { getHover } from '../../server/src/core/hover';
import {
  findPageMethods,
  markupCompletions,
  markupDocument,
  markupHover,
  type MarkupFeatureOptions,
  type PageContext,
} from '../../server/src/core/markupFeatures';

const fillInUrl = 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html';
const privacyGuideUrl = 'https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html';

function at(source: string): { text: string; offset: number } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | cursor');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

function scriptHover(source: string, extra: Partial<FeatureInput> = {}): string {
  const { text, offset } = at(source);
  const result = getHover({ fileName: '/p/pages/index/index.js', text, language: 'en', ...extra }, offset);
  assert.ok(result, `expected a hover in ${source}`);
  return result.markdown;
}

function scriptCompletions(source: string, extra: Partial<FeatureInput> = {}) {
  const { text, offset } = at(source);
  return getCompletions({ fileName: '/p/pages/index/index.js', text, language: 'en', ...extra }, offset);
}

const zh = { language: 'zh-cn' } as const;

function markupPage(markup: string, script = 'Page({ onAgree() {}, onChooseAvatar(e) {}, onSubmit(e) {} })') {
  const { text, offset } = at(markup);
  const document = markupDocument('/p/pages/index/index.wxml', text)!;
  const context: PageContext = {
    markups: [document],
    scripts: ['/p/pages/index/index.js'],
    methods: findPageMethods('/p/pages/index/index.js', script),
  };
  return { document, offset, context };
}

function markupHoverText(markup: string, options: MarkupFeatureOptions = { language: 'en' }): string {
  const { document, offset, context } = markupPage(markup);
  const result = markupHover(document, offset, context, options);
  assert.ok(result, `expected a hover in ${markup}`);
  return result.markdown;
}

function markupItems(markup: string, options: MarkupFeatureOptions = { language: 'en' }) {
  const { document, offset, context } = markupPage(markup);
  return markupCompletions(document, offset, context, options);
}

describe('privacy APIs in the catalog', () => {
  const ids = ['getPrivacySetting', 'requirePrivacyAuthorize', 'onNeedPrivacyAuthorization', 'openPrivacyContract'];

  it('has the four WeChat APIs at base library 2.32.3, callback-only, not in plugins, as support APIs', () => {
    for (const name of ids) {
      const api = getApiById(`wx.${name}`);
      assert.ok(api, name);
      assert.equal(api.minVersion, '2.32.3', name);
      assert.equal(api.promise, false, name);
      assert.deepEqual(api.plugin, { supported: false }, name);
      assert.equal(api.role, 'support', name);
    }
    assert.deepEqual(
      getApiById('wx.getPrivacySetting')!.result.map((f) => f.name),
      ['needAuthorization', 'privacyContractName', 'errMsg'],
    );
    const listener = getApiById('wx.onNeedPrivacyAuthorization')!.listener!;
    assert.deepEqual(
      listener.map((f) => [f.name, f.typeRef]),
      [
        ['resolve', 'wx.PrivacyResolveOption'],
        ['eventInfo', 'wx.PrivacyEventInfo'],
      ],
    );
    assert.deepEqual(
      getType('wx.PrivacyResolveOption')!
        .fields.find((f) => f.name === 'event')!
        .values!.map((v) => v.value),
      ['exposureAuthorization', 'agree', 'disagree'],
    );
    assert.deepEqual(
      getType('wx.PrivacyEventInfo')!.fields.map((f) => f.name),
      ['referrer'],
    );
  });

  it("has Taro's wrappers on WeChat only, running the native API", () => {
    for (const name of ids) {
      const api = getApiById(`Taro.${name}`);
      assert.ok(api, name);
      assert.deepEqual(api.platforms, ['wechat']);
      assert.deepEqual(api.nativeApis, { wechat: `wx.${name}` });
      assert.equal(api.minVersion, undefined, 'a Taro entry takes its base library from the native API');
      assert.ok(api.example.includes(`Taro.${name}(`));
      assert.ok(!api.example.includes('wx.'), `${name}: the Taro example calls Taro only`);
    }
  });

  it('marks the privacy interfaces of the profile flow', () => {
    assert.equal(getApiById('wx.getUserProfile')!.constraints?.privacyInterface, true);
    assert.equal(getApiById('wx.getUserInfo')!.constraints?.privacyInterface, true);
    const openType = getMarkupAttribute('button', 'open-type')!;
    for (const value of ['chooseAvatar', 'getUserInfo']) {
      assert.equal(openType.values!.find((v) => v.value === value)!.privacyInterface, true, value);
    }
    const nickname = getMarkupAttribute('input', 'type')!.values!.find((v) => v.value === 'nickname')!;
    assert.equal(nickname.privacyInterface, true);
    assert.equal(nickname.minVersion, '2.21.2');
  });

  it('records the fill-in and agree-button markup with versions, events, e.detail and framework spellings', () => {
    const openType = getMarkupAttribute('button', 'open-type')!;
    const agree = openType.values!.find((v) => v.value === 'agreePrivacyAuthorization')!;
    assert.equal(agree.minVersion, '2.32.3');
    assert.deepEqual(agree.events, ['bindagreeprivacyauthorization']);
    assert.equal(openType.values!.find((v) => v.value === 'chooseAvatar')!.minVersion, '2.21.2');
    assert.deepEqual(openType.spellings, { taro: 'openType', uniApp: 'open-type' });

    const chooseAvatar = getMarkupAttribute('button', 'bindchooseavatar')!;
    assert.equal(chooseAvatar.name, 'bind:chooseavatar');
    assert.deepEqual(chooseAvatar.spellings, { taro: 'onChooseAvatar', uniApp: '@chooseavatar' });
    assert.deepEqual(
      chooseAvatar.detail!.map((f) => f.name),
      ['avatarUrl'],
    );

    const agreeEvent = getMarkupAttribute('button', 'bind:agreeprivacyauthorization')!;
    assert.equal(agreeEvent.name, 'bindagreeprivacyauthorization');
    assert.equal(agreeEvent.minVersion, '2.32.3');
    assert.deepEqual(agreeEvent.spellings, { taro: 'onAgreePrivacyAuthorization', uniApp: '@agreeprivacyauthorization' });

    const review = getMarkupAttribute('input', 'bindnicknamereview')!;
    assert.deepEqual(
      review.detail!.map((f) => f.name),
      ['pass', 'timeout'],
    );
    assert.equal(review.spellings?.taro, 'onNickNameReview');
    for (const name of ['bindinput', 'bind:input', 'bindblur', 'bind:blur']) {
      assert.ok(
        getMarkupAttribute('input', name)?.detail?.some((f) => f.name === 'value'),
        name,
      );
    }
    assert.ok(getMarkupAttribute('form', 'bindsubmit')?.detail?.some((f) => f.name === 'value'));
    assert.deepEqual(
      getMarkupAttribute('button', 'form-type')!.values!.map((v) => v.value),
      ['submit', 'reset'],
    );
  });

  it('points every old profile API and button at the fill-in', () => {
    for (const id of ['wx.getUserProfile', 'wx.getUserInfo', 'Taro.getUserProfile', 'Taro.getUserInfo']) {
      assert.equal(getApiById(id)!.replacedBy?.url, fillInUrl, id);
    }
    assert.equal(getMarkupAttribute('button', 'bindgetuserinfo')!.replacedBy?.url, fillInUrl);
    assert.equal(
      getMarkupAttribute('button', 'open-type')!.values!.find((v) => v.value === 'getUserInfo')!.replacedBy?.url,
      fillInUrl,
    );
    const replaced = catalog.apis.filter((a) => a.replacedBy).map((a) => a.id);
    assert.deepEqual(replaced.sort(), ['Taro.getUserInfo', 'Taro.getUserProfile', 'wx.getUserInfo', 'wx.getUserProfile']);
  });
});

describe('hover on the privacy APIs', () => {
  it('shows versions, callback style, the result and the link (en)', () => {
    const markdown = scriptHover('wx.getPrivacy|Setting({ success: (res) => {} })');
    assert.match(markdown, /^```ts\nwx\.getPrivacySetting\(/);
    assert.match(markdown, /Base library ≥ 2\.32\.3 · Promise style: no · Plugins: no/);
    assert.match(markdown, /No Promise style: pass `success` and `fail`/);
    assert.match(
      markdown,
      /\[Official documentation\]\(https:\/\/developers\.weixin\.qq\.com\/miniprogram\/dev\/api\/open-api\/privacy\/wx\.getPrivacySetting\.html\)$/,
    );
  });

  it('explains the listener of onNeedPrivacyAuthorization, without the callback advice (zh)', () => {
    const markdown = scriptHover('wx.onNeedPrivacy|Authorization((resolve) => {})', zh);
    assert.match(markdown, /基础库 ≥ 2\.32\.3 · Promise 风格：不支持 · 小程序插件：不支持/);
    assert.match(markdown, /\*\*监听函数参数\*\*/);
    assert.match(markdown, /\| `resolve` \|/);
    assert.match(markdown, /\| `eventInfo` \| `\{ referrer: string \}` \|/);
    assert.match(markdown, /bindagreeprivacyauthorization/);
    assert.doesNotMatch(markdown, /请传入 `success` 和 `fail` 回调/);
  });

  it('warns when the project targets a base library below 2.32.3', () => {
    const markdown = scriptHover('wx.requirePrivacy|Authorize({})', { libVersion: '2.30.0' });
    assert.match(markdown, /Needs base library 2\.32\.3; the project targets 2\.30\.0/);
  });

  it('shows the Taro wrapper with its WeChat row and the native base library', () => {
    const markdown = scriptHover("import Taro from '@tarojs/taro';\nTaro.openPrivacy|Contract({})");
    assert.match(markdown, /\| WeChat \| ✓ runs `wx\.openPrivacyContract` \(Base library ≥ 2\.32\.3\) \|/);
    assert.match(markdown, /\| Alipay \| ✗ \|/);
  });
});

describe('hover on the old APIs links the fill-in', () => {
  for (const [source, extra] of [
    ["wx.getUser|Profile({ desc: 'x' })", {}],
    ['wx.getUser|Info({})', {}],
    ["import Taro from '@tarojs/taro';\nTaro.getUser|Profile({ desc: 'x' })", {}],
  ] as const) {
    it(`${source.split('\n').pop()} (en and zh)`, () => {
      const en = scriptHover(source, extra);
      assert.match(en, /➡️ \*\*Use instead\*\*: To get a real avatar and nickname today, let the user fill them in: /);
      assert.ok(en.includes(`([avatar/nickname fill-in](${fillInUrl}))`), en);
      const chinese = scriptHover(source, { ...extra, ...zh });
      assert.match(chinese, /➡️ \*\*替代方案\*\*：如今要拿到真实的头像和昵称，请让用户自行填写/);
      assert.ok(chinese.includes(`([头像昵称填写](${fillInUrl}))`), chinese);
    });
  }

  it('adds the privacy-interface pitfall to getUserProfile', () => {
    assert.match(
      scriptHover("wx.getUser|Profile({ desc: 'x' })"),
      /- A privacy interface \(from base library 2\.32\.3\).*errno 112.*errno 104/,
    );
  });

  it('links the fill-in from open-type="getUserInfo" and bindgetuserinfo in WXML (en and zh)', () => {
    const value = markupHoverText('<button open-type="getUser|Info" bindgetuserinfo="onGet">');
    assert.ok(value.includes(`([avatar/nickname fill-in](${fillInUrl}))`), value);
    const attribute = markupHoverText('<button open-type="getUserInfo" bindgetuser|info="onGet">', { language: 'zh-cn' });
    assert.match(attribute, /➡️ \*\*替代方案\*\*：/);
    assert.match(attribute, /框架写法：Taro `onGetUserInfo` · uni-app `@getuserinfo`/);
  });
});

describe('markup hover on the fill-in and the agree button', () => {
  it('describes open-type="agreePrivacyAuthorization" with its version and event (en and zh)', () => {
    const en = markupHoverText('<button id="agree-btn" open-type="agreePrivacy|Authorization">');
    assert.match(en, /^```html\n<button open-type="agreePrivacyAuthorization">\n```/);
    assert.match(en, /WeChat · Base library ≥ 2\.32\.3 · Events: `bindagreeprivacyauthorization`/);
    assert.match(en, /not by `bindtap`/);
    assert.ok(en.endsWith(`[Official documentation](${privacyGuideUrl})`), en);
    const chinese = markupHoverText('<button id="agree-btn" open-type="agreePrivacy|Authorization">', { language: 'zh-cn' });
    assert.match(chinese, /微信 · 基础库 ≥ 2\.32\.3 · 事件：`bindagreeprivacyauthorization`/);
    assert.match(chinese, /而不是 `bindtap`/);
  });

  it('describes bindagreeprivacyauthorization and its framework spellings', () => {
    const en = markupHoverText('<button open-type="agreePrivacyAuthorization" bindagree|privacyauthorization="onAgree" >');
    assert.match(en, /<button bindagreeprivacyauthorization \| bind:agreeprivacyauthorization>/);
    assert.match(en, /In frameworks: Taro `onAgreePrivacyAuthorization` · uni-app `@agreeprivacyauthorization`/);
  });

  it('describes bindchooseavatar with e.detail.avatarUrl (en and zh)', () => {
    const en = markupHoverText('<button open-type="chooseAvatar" bindchoose|avatar="onChooseAvatar" >');
    assert.match(en, /WeChat · Base library ≥ 2\.21\.2/);
    assert.match(en, /\*\*Event detail \(`e\.detail`\)\*\*/);
    assert.match(en, /\| `avatarUrl` \| `string` \| Temporary local path/);
    assert.match(en, /In frameworks: Taro `onChooseAvatar` · uni-app `@chooseavatar`/);
    const chinese = markupHoverText('<button open-type="chooseAvatar" bindchoose|avatar="onChooseAvatar" >', {
      language: 'zh-cn',
    });
    assert.match(chinese, /\*\*事件参数（`e\.detail`）\*\*/);
    assert.match(chinese, /\| `avatarUrl` \| `string` \| 所选头像的本地临时路径/);
  });

  it('marks open-type="chooseAvatar" and type="nickname" as privacy interfaces', () => {
    assert.match(markupHoverText('<button open-type="choose|Avatar">'), /🔒 A privacy interface/);
    const nickname = markupHoverText('<input type="nick|name" />', { language: 'zh-cn' });
    assert.match(nickname, /微信 · 基础库 ≥ 2\.21\.2/);
    assert.match(nickname, /🔒 隐私接口/);
  });

  it('explains the content check on bindblur and the review event of a nickname input', () => {
    assert.match(
      markupHoverText('<input type="nickname" bind|blur="onBlur" />'),
      /read the nickname from the `<form>` submit instead/,
    );
    const review = markupHoverText('<input type="nickname" bindnickname|review="onReview" />');
    assert.match(review, /\| `pass` \| `boolean` \|/);
    assert.match(review, /In frameworks: Taro `onNickNameReview` · uni-app `@nicknamereview`/);
    assert.match(markupHoverText('<form bind|submit="onSubmit">'), /\| `value` \| `Record<string, unknown>` \|/);
  });
});

describe('uni-app template spellings', () => {
  const vuePage = `<template>
  <button id="agree-btn" open-type="agreePrivacyAuthorization" @agreeprivacyauthorization="onAgree">Agree</button>
  <button open-type="chooseAvatar" @chooseavatar="onChoose"><image :src="avatarUrl" /></button>
  <input type="nickname" @blur="onBlur" />
</template>
<script>
export default { methods: { onAgree() {}, onChoose() {}, onBlur() {} } }
</script>
`;

  function vueHover(needle: string, language: 'en' | 'zh-cn' = 'en'): string {
    const document = markupDocument('/p/pages/index/index.vue', vuePage)!;
    const offset = vuePage.indexOf(needle) + 2;
    const context: PageContext = { markups: [document], scripts: [], methods: [] };
    const result = markupHover(document, offset, context, { language, vue: true });
    assert.ok(result, `expected a hover on ${needle}`);
    return result.markdown;
  }

  it('finds the catalog attribute under its uni-app spelling, and no spelling twice on a tag', () => {
    assert.equal(getMarkupAttribute('button', '@chooseavatar')?.name, 'bind:chooseavatar');
    assert.equal(getMarkupAttribute('button', '@agreeprivacyauthorization')?.name, 'bindagreeprivacyauthorization');
    assert.equal(getMarkupAttribute('input', '@nicknamereview')?.name, 'bindnicknamereview');
    assert.equal(getMarkupAttribute('view', '@chooseavatar'), undefined);
    for (const tag of new Set(catalog.markup.map((m) => m.tag))) {
      const names = catalog.markup
        .filter((m) => m.tag === tag)
        .flatMap((m) => [...new Set([m.name, ...(m.aliases ?? []), ...(m.spellings?.uniApp ? [m.spellings.uniApp] : [])])]);
      assert.equal(new Set(names).size, names.length, `${tag}: ${names.join(', ')}`);
    }
  });

  it('explains @chooseavatar and @agreeprivacyauthorization in a .vue template (en and zh)', () => {
    assert.match(vueHover('@chooseavatar'), /\| `avatarUrl` \| `string` \| Temporary local path/);
    assert.match(vueHover('@agreeprivacyauthorization', 'zh-cn'), /记录同意的是这个事件，而不是 `bindtap`/);
    assert.match(vueHover('@blur'), /read the nickname from the `<form>` submit instead/);
  });
});

describe('markup completion of the fill-in and the agree button', () => {
  it('offers agreePrivacyAuthorization among the WeChat open-type values', () => {
    const items = markupItems('<button open-type="|">');
    const agree = items.find((i) => i.label === 'agreePrivacyAuthorization');
    assert.ok(agree);
    assert.equal(agree.detail, "The user's agreement to the privacy guide: one tap lets every declared privacy interface run.");
    const chinese = markupItems('<button open-type="|">', { language: 'zh-cn' }).find(
      (i) => i.label === 'agreePrivacyAuthorization',
    )!;
    assert.equal(chinese.detail, '用户同意隐私保护指引的按钮：点击一次后，所有已声明的隐私接口都可以正常调用。');
  });

  it('puts the agree event first on an agree button, in the spelling being typed', () => {
    const items = markupItems('<button open-type="agreePrivacyAuthorization" |>');
    const first = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText))[0]!;
    assert.equal(first.label, 'bindagreeprivacyauthorization');
    assert.equal(first.preselect, true);
    assert.equal(first.insertText, 'bindagreeprivacyauthorization="$1"');
    const colon = markupItems('<button open-type="agreePrivacyAuthorization" bind:agr|>');
    assert.ok(colon.some((i) => i.label === 'bind:agreeprivacyauthorization'));
  });

  it('offers the nickname input events and the form submit', () => {
    const labels = markupItems('<input type="nickname" |/>').map((i) => i.label);
    for (const name of ['bindinput', 'bindblur', 'bindnicknamereview']) assert.ok(labels.includes(name), name);
    assert.ok(markupItems('<form |>').some((i) => i.label === 'bindsubmit'));
    assert.deepEqual(
      markupItems('<button form-type="|">').map((i) => i.label),
      ['submit', 'reset'],
    );
  });

  it('offers nothing of it on Alipay markup', () => {
    const { document, offset, context } = (() => {
      const { text, offset: o } = at('<button open-type="|">');
      const doc = markupDocument('/p/pages/index/index.axml', text)!;
      return { document: doc, offset: o, context: { markups: [doc], scripts: [], methods: [] } };
    })();
    const labels = markupCompletions(document, offset, context, { language: 'en' }).map((i) => i.label);
    assert.deepEqual(labels, ['getAuthorize']);
  });
});

describe('script completion of the privacy APIs', () => {
  it('offers them after wx. with their docs (en and zh)', () => {
    const items = scriptCompletions('wx.|');
    const setting = items.find((i) => i.label === 'getPrivacySetting');
    assert.ok(setting);
    assert.equal(
      setting.detail,
      'mp-userinfo: Tells whether the user still has to agree to the privacy guide (`needAuthorization`).',
    );
    assert.match(setting.documentation ?? '', /Base library ≥ 2\.32\.3/);
    const chinese = scriptCompletions('wx.|', zh).find((i) => i.label === 'onNeedPrivacyAuthorization')!;
    assert.equal(chinese.detail, 'mp-userinfo: 监听需要用户同意隐私协议的隐私调用；展示你的隐私提示后调用 `resolve`。');
  });

  it('inserts a callback call for the callback APIs', () => {
    const call = scriptCompletions('function f() {\n  wx.requirePriv|\n}').find((i) => i.label === 'requirePrivacyAuthorize')!;
    assert.equal(
      call.insertText,
      'requirePrivacyAuthorize({\n\tsuccess: (res) => {\n\t\t$0\n\t},\n\tfail: (err) => {\n\t\t$1\n\t},\n})',
    );
  });

  it("offers Taro's wrappers after an import of @tarojs/taro", () => {
    const labels = scriptCompletions("import Taro from '@tarojs/taro';\nTaro.|").map((i) => i.label);
    for (const name of ['getPrivacySetting', 'requirePrivacyAuthorize', 'onNeedPrivacyAuthorization', 'openPrivacyContract']) {
      assert.ok(labels.includes(name), name);
    }
  });
});

describe('the privacy errors (errno 104 and 112)', () => {
  it('recognise any API prefix, the bare reason and a misspelt variant', () => {
    for (const message of [
      'getPhoneNumber:fail privacy permission is not authorized',
      'chooseMedia:fail privacy permission is not authroized',
      'getUserInfo:fail:privacy permission is not authorized',
      'privacy permission is not authorized',
    ]) {
      const found = findErrors(message);
      assert.equal(found[0]?.error.errno, 104, message);
    }
    assert.equal(findErrors('chooseAvatar:fail api scope is not declared in the privacy agreement')[0]?.error.errno, 112);
    assert.deepEqual(findErrors('getPhoneNumber:fail user deny'), []);
  });

  it('hover on an errMsg string says the errno, any API, cause, fix and the guide (en and zh)', () => {
    const en = scriptHover("if (err.errMsg === 'getPhoneNumber:fail privacy permission is not au|thorized') {}");
    assert.match(
      en,
      /^`API:fail privacy permission is not authorized` \(errno 104\) · any API: the name before ":fail" is the call that failed/,
    );
    assert.match(en, /\*\*Cause\*\*: The user has not agreed to the privacy guide/);
    assert.match(en, /\*\*Fix\*\*: Ask for the agreement first/);
    assert.ok(en.endsWith(`[Official documentation](${privacyGuideUrl})`), en);
    const chinese = scriptHover("err.errMsg.includes('api scope is not declared in the privacy agr|eement')", zh);
    assert.match(chinese, /\(errno 112\) · 任一接口/);
    assert.match(chinese, /\*\*原因\*\*：小程序的隐私保护指引/);
    assert.match(chinese, /\*\*解决\*\*：在隐私保护指引中声明该信息类型/);
  });
});
