import { wx2022Note } from '../../catalog/wechat';
import type ts from 'typescript';
import { apiLabel, featureMinVersion } from '../callFacts';
import { fillInFixForCall } from '../fillInFix';
import type { PageModel } from '../model';
import { compareVersions, type ProjectIndex } from '../project';
import { rendersOnlyWithoutFlag } from '../renderConditions';
import type { Rule, RuleFinding } from './rule';

/** The base library from which WeChat anonymises `getUserProfile` (FACTS §5.6). */
export const anonymousFrom = '2.27.1';
const fillIn = 'Use `<button open-type="chooseAvatar">` and `<input type="nickname">` instead.';

/**
 * True when the call runs only from a page method that the page's WXML binds under a condition that fails on every
 * client with a feature WeChat added before it anonymised `getUserProfile`: a `data` flag kept from
 * `wx.canIUse('input.type.nickname')` (2.21.2) and never set again. Where that branch renders the client is older
 * than 2.27.1, so the API still returns the real profile, and the page shows the fill-in on the other branch (WeChat's
 * project template; real-world study, fill-in-template-fallback).
 */
function onlyBeforeAnonymous(model: PageModel, fileName: string, node: ts.Node, index: ProjectIndex): boolean {
  const member = model.memberFunctionOf(node)?.member;
  if (!member?.fn || (model.functions.get(member.fn)?.callers.length ?? 0) > 0) return false;
  const flags = [...model.keptCanIUseFlags()].flatMap(([flag, feature]) => {
    const since = featureMinVersion('wx', feature);
    return since !== undefined && compareVersions(since, anonymousFrom) <= 0 ? [flag] : [];
  });
  if (flags.length === 0) return false;
  const markups = index.pageMarkupOf(fileName);
  if (markups.some((markup) => markup.facts.hasDynamicBindings)) return false;
  const bound = markups.flatMap((markup) =>
    markup.facts.bindings.filter((b) => b.handler === member.name).map((binding) => ({ binding, markup })),
  );
  return (
    bound.length > 0 &&
    bound.every(({ binding, markup }) => {
      const text = index.readFile(markup.fileName);
      return text !== undefined && flags.some((flag) => rendersOnlyWithoutFlag(text, binding.element, flag));
    })
  );
}

export const rule: Rule = {
  id: 'getuserprofile-anonymous',
  sayOnce: true,
  defaultSeverity: 'information',
  docs: {
    summary:
      '`wx.getUserProfile` (and `Taro.getUserProfile` or `uni.getUserProfile` on WeChat), which returns a grey avatar and the nickname "微信用户" to versions released after 2022-11-08 on base library 2.27.1 or newer.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      `For versions released after ${wx2022Note.date}, WeChat answers \`getUserProfile\` with a default grey avatar and the nickname "微信用户" ` +
      `whenever the client runs base library ${anonymousFrom} or newer; only older base libraries still get the real profile. The project's ` +
      "`libVersion` is only the oldest base library it supports: what decides is each user's client, and current clients run newer " +
      'base libraries, so practically every user gets the anonymous data. The replacement is the avatar/nickname fill-in: ' +
      '`<button open-type="chooseAvatar">` returns the avatar the user picks (a temporary path to upload) and `<input type="nickname">` offers ' +
      'their nickname, best read when a form is submitted, because a nickname that fails the content check is cleared after blur.' +
      " A call made only from a button that the page shows while a `data` flag kept from `wx.canIUse('input.type.nickname')` is false (the fallback of WeChat's project template) is not reported: that branch renders only below base library 2.21.2, where the API still returns the real profile." +
      " When the call sits in a handler that one tap names (a `bindtap` of the page's WXML, `@tap`/`@click` in a uni-app `.vue` template, `onClick` in Taro JSX) and nothing else uses, the quick fix replaces that element with a `chooseAvatar` button and a form holding a `nickname` input and a submit button, in the page's own spelling, and the handler with two stubs: one that uploads the avatar (`wx.uploadFile` to a placeholder URL, `wx.cloud.uploadFile` on a cloud project, `uni.uploadFile`, `Taro.uploadFile`) and one that reads `e.detail.value.nickname` on submit. In Taro it adds `Form` and `Input` to the `@tarojs/components` import.",
    wrong: "wx.getUserProfile({\n  desc: '用于完善会员资料',\n  success: (res) => this.setData({ userInfo: res.userInfo }),\n})",
    right:
      '<!-- index.wxml -->\n<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">\n  <image src="{{avatarUrl}}" />\n</button>\n<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" placeholder="昵称" />\n  <button form-type="submit">保存</button>\n</form>\n\n// index.js\nPage({\n  onChooseAvatar(e) {\n    // A temporary path: upload it before storing it.\n    this.setData({ avatarUrl: e.detail.avatarUrl });\n  },\n  onSubmit(e) {\n    // Read on submit: a nickname that fails the content check is cleared after blur.\n    this.setData({ nickName: e.detail.value.nickName });\n  },\n})',
  },
  checkScript({ calls, platformsOf, libVersion, model, fileName, index }) {
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      if (!call.api.notes.includes(wx2022Note) || !platformsOf(call).includes('wechat')) continue;
      if (onlyBeforeAnonymous(model, fileName, call.node, index)) continue;
      const name = apiLabel(call);
      const released = `versions released after ${wx2022Note.date}`;
      const grey = 'returns a grey avatar and the nickname "微信用户"';
      // libVersion is only the oldest base library the project supports; each user's client decides, and
      // current clients run far newer ones (FACTS §5.6, §10).
      const message =
        libVersion && compareVersions(libVersion, anonymousFrom) >= 0
          ? `\`${name}\` ${grey} on base library ${libVersion} (${released}).`
          : `\`${name}\` ${grey} to ${released} on clients with base library ${anonymousFrom} or newer, which today is nearly every client.`;
      const fix = fillInFixForCall(model, fileName, call.node, index);
      findings.push({ ...call.callee, message: `${message} ${fillIn}`, ...(fix ? { fixes: [fix] } : {}) });
    }
    return findings;
  },
};
