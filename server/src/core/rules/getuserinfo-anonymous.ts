import { getMarkupAttribute } from '../../catalog';
import { wx2021Note } from '../../catalog/wechat';
import { apiLabel, callPlatforms } from '../callFacts';
import { attributeOf } from '../markup';
import type { Rule, RuleFinding } from './rule';

const replacement = 'Use the avatar/nickname fill-in (`<button open-type="chooseAvatar">`, `<input type="nickname">`) or `getUserProfile`.';

/** The WXML `open-type` value and events this rule reports, from the markup catalog. */
function openTypeEntry() {
  return getMarkupAttribute('button', 'open-type')?.values?.find((v) => v.value === 'getUserInfo');
}

export const rule: Rule = {
  id: 'getuserinfo-anonymous',
  sayOnce: true,
  defaultSeverity: 'warning',
  docs: {
    summary:
      '`wx.getUserInfo`, `Taro.getUserInfo` on WeChat, `<button open-type="getUserInfo">` / `bindgetuserinfo` in WXML and Taro\'s `<Button openType="getUserInfo">`, which only hand out anonymous data now.',
    platforms: ['wechat', 'taro'],
    rationale:
      `Versions released after ${wx2021Note.date} get a placeholder instead of the user's profile from these: the nickname "微信用户" and a grey avatar, ` +
      'in `userInfo` and in `encryptedData` alike. What counts is the release date of your version, not the base library, so the code keeps ' +
      'working in old builds and silently degrades in the next release. Ask for the avatar and nickname with the fill-in components, or with ' +
      '`wx.getUserProfile` from a tap.',
    wrong:
      '<!-- index.wxml -->\n<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">登录</button>\n\n// index.js\nwx.getUserInfo({ success: (res) => this.setData({ userInfo: res.userInfo }) })',
    right:
      '<!-- index.wxml -->\n<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">\n  <image src="{{avatarUrl}}" />\n</button>\n<input type="nickname" placeholder="昵称" bindblur="onNickname" />',
  },
  checkScript({ calls, platform, model }) {
    const findings: RuleFinding[] = [];
    // Taro's <Button openType="getUserInfo">, on a WeChat build (or one whose platform is not known).
    const entry = openTypeEntry();
    if (entry && (platform === undefined || entry.platforms.includes(platform))) {
      for (const openType of model.jsxOpenTypes) {
        if (openType.value !== entry.value) continue;
        findings.push({
          ...openType.span,
          tags: ['deprecated'],
          message: `\`openType="${entry.value}"\` gets anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
        });
      }
    }
    for (const call of calls) {
      if (!call.api.notes.includes(wx2021Note) || !callPlatforms(call, platform).includes('wechat')) continue;
      findings.push({
        ...call.callee,
        tags: ['deprecated'],
        message: `\`${apiLabel(call)}\` gets anonymous data ("微信用户", grey avatar) in versions released after ${wx2021Note.date}. ${replacement}`,
      });
    }
    return findings;
  },
  checkMarkup({ facts }) {
    const entry = openTypeEntry();
    if (!entry || !entry.platforms.includes(facts.platform)) return [];
    const events = new Set((entry.events ?? []).map((e) => e.replace(/^bind:?/, '')));
    const findings: RuleFinding[] = [];
    for (const element of facts.elements) {
      const openType = attributeOf(element, 'open-type');
      if (openType?.valueSpan && openType.value.trim() === entry.value) {
        findings.push({
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
