import { getMarkupAttribute } from '../../catalog';
import { wx2021Note } from '../../catalog/wechat';
import { apiLabel } from '../callFacts';
import { fillInFixForButton, fillInFixForCall, fillInFixForJsxButton } from '../fillInFix';
import { attributeOf } from '../markup';
import { pageModelOf } from '../model';
import { getSourceFile } from '../parse';
import type { ProjectIndex } from '../project';
import type { Rule, RuleFinding } from './rule';

// Not `getUserProfile`: it is anonymous too for versions released after 2022-11-08 (FACTS §5.6, §10).
const replacement = 'Use the avatar/nickname fill-in (`<button open-type="chooseAvatar">`, `<input type="nickname">`).';

/** The WXML `open-type` value and events this rule reports, from the markup catalog. */
function openTypeEntry() {
  return getMarkupAttribute('button', 'open-type')?.values?.find((v) => v.value === 'getUserInfo');
}

/** Reads a page script's model through the index (the open document's text in the editor). */
function modelOfScript(index: ProjectIndex) {
  return (scriptFile: string) => {
    const text = index.readFile(scriptFile);
    return text === undefined ? undefined : pageModelOf(getSourceFile(scriptFile, text));
  };
}

export const rule: Rule = {
  id: 'getuserinfo-anonymous',
  sayOnce: true,
  defaultSeverity: 'warning',
  docs: {
    summary:
      '`wx.getUserInfo`, `Taro.getUserInfo` and `uni.getUserInfo` on WeChat, `<button open-type="getUserInfo">` / `bindgetuserinfo` in WXML and Taro\'s `<Button openType="getUserInfo">`, which give anonymous data to versions released after 2021-04-28.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // FACTS §5.2 (the 2021 change), §1 "Shapes seen in real decrypted payloads" (the placeholder), §5.6 and §10 (getUserProfile since 2022).
      `Versions released after ${wx2021Note.date} get anonymous profile data from these, in \`userInfo\` and in \`encryptedData\` alike ` +
      '(real payloads show the nickname "微信用户" and a grey avatar; the encrypted openId and unionId stay real). What counts is the release ' +
      'date of your version, not the base library, so versions released before keep working and the next release silently degrades. Ask for ' +
      'the avatar and nickname with the fill-in components; `wx.getUserProfile` is no way out, since it is anonymous too for versions released ' +
      'after 2022-11-08 on base library 2.27.1 or newer.' +
      ' For a call in a handler that one tap names (WXML `bindtap`, `@tap`/`@click` in a uni-app `.vue` template, `onClick` in Taro JSX), and for an `open-type="getUserInfo"` button (Taro: `openType="getUserInfo"`), when nothing else uses the handler, the quick fix replaces the element with a `chooseAvatar` button and a form holding a `nickname` input and a submit button, in the page\'s own spelling, and the handler with two stubs: one that uploads the avatar (`wx.uploadFile` to a placeholder URL, `wx.cloud.uploadFile` on a cloud project, `uni.uploadFile`, `Taro.uploadFile`) and one that reads `e.detail.value.nickname` on submit.',
    wrong:
      '<!-- index.wxml -->\n<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">登录</button>\n\n// index.js\nwx.getUserInfo({ success: (res) => this.setData({ userInfo: res.userInfo }) })',
    right:
      '<!-- index.wxml -->\n<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">\n  <image src="{{avatarUrl}}" />\n</button>\n<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" placeholder="昵称" />\n  <button form-type="submit">保存</button>\n</form>',
    // uni-app writes WeChat's events as Vue listeners: `@chooseavatar`, `@submit` with `e.detail.value` (uni-app's
    // button and form components, uniapp.dcloud.net.cn/component/button.html and /component/form.html).
    uniApp: {
      wrong:
        '<!-- index.vue -->\n<template>\n  <button open-type="getUserInfo" @getuserinfo="onGetUserInfo">登录</button>\n</template>\n\n<script setup>\nfunction onGetUserInfo(e) {\n  console.log(e.detail.userInfo)\n}\n</script>',
      right:
        '<!-- index.vue -->\n<template>\n  <button open-type="chooseAvatar" @chooseavatar="onChooseAvatar">\n    <image :src="avatarUrl" />\n  </button>\n  <form @submit="onSubmit">\n    <input type="nickname" name="nickName" placeholder="昵称" />\n    <button form-type="submit">保存</button>\n  </form>\n</template>\n\n<script setup>\nimport { ref } from \'vue\'\n\nconst avatarUrl = ref(\'\')\nconst onChooseAvatar = (e) => (avatarUrl.value = e.detail.avatarUrl)\nconst onSubmit = (e) => console.log(e.detail.value.nickName)\n</script>',
    },
  },
  checkScript({ calls, platform, platformsOf, model, fileName, index }) {
    const findings: RuleFinding[] = [];
    // Taro's <Button openType="getUserInfo">, on a WeChat build (or one whose platform is not known).
    const entry = openTypeEntry();
    if (entry && (platform === undefined || entry.platforms.includes(platform))) {
      for (const openType of model.jsxOpenTypes) {
        if (openType.value !== entry.value) continue;
        const fix = fillInFixForJsxButton(model, openType.element);
        findings.push({
          ...(fix ? { fixes: [fix] } : {}),
          ...openType.span,
          tags: ['deprecated'],
          message: `\`openType="${entry.value}"\` gets anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
        });
      }
    }
    for (const call of calls) {
      if (!call.api.notes.includes(wx2021Note) || !platformsOf(call).includes('wechat')) continue;
      const fix = fillInFixForCall(model, fileName, call.node, index);
      findings.push({
        ...call.callee,
        tags: ['deprecated'],
        message: `\`${apiLabel(call)}\` gets anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
  checkMarkup({ facts, fileName, index }) {
    const entry = openTypeEntry();
    if (!entry || !entry.platforms.includes(facts.platform)) return [];
    const events = new Set((entry.events ?? []).map((e) => e.replace(/^bind:?/, '')));
    const findings: RuleFinding[] = [];
    for (const element of facts.elements) {
      const openType = attributeOf(element, 'open-type');
      if (openType?.valueSpan && openType.value.trim() === entry.value) {
        const fix = facts.platform === 'wechat' ? fillInFixForButton(fileName, element, index, modelOfScript(index)) : undefined;
        findings.push({
          ...(fix ? { fixes: [fix] } : {}),
          ...openType.valueSpan,
          tags: ['deprecated'],
          message: `\`open-type="${entry.value}"\` gets anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
        });
        continue;
      }
      // A component that takes its open-type from a property (`open-type="{{openType}}"`) only relays the
      // event; the page that sets the literal value is where the request is made and reported.
      if (openType && openType.value.includes('{{')) continue;
      const binding = facts.bindings.find((b) => b.element === element && events.has(b.event));
      if (binding) {
        findings.push({
          ...binding.attribute.nameSpan,
          tags: ['deprecated'],
          message: `\`${binding.attribute.name}\` receives anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
        });
      }
    }
    return findings;
  },
};
