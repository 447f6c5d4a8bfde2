import ts from 'typescript';
import { getApiById, getOption, type ApiEntry } from '../../catalog';
import type { ApiCall } from '../calls';
import { apiLabel, namespacePlatform } from '../callFacts';
import { propertyNameText, skipOuterExpressions } from '../parse';
import { compareVersions } from '../project';
import type { Platform } from '../types';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** Whether the project's libVersion speaks of the platform the call runs on (version numbers differ per platform). */
function comparable(call: ApiCall, platforms: readonly string[] | undefined, pagePlatform: Platform | undefined): boolean {
  const native = namespacePlatform[call.ref.namespace];
  if (native) return !pagePlatform || pagePlatform === native;
  // Taro: a version only means something for the platform the option or API belongs to.
  return pagePlatform !== undefined && (platforms ?? call.api.platforms ?? []).includes(pagePlatform);
}

/**
 * A uni call on WeChat: the `wx` API it runs there, when the call is built for WeChat and the project's libVersion is
 * WeChat's. In a uni-app project it is (the manifest's `mp-weixin` section) unless the project builds for one other
 * platform only.
 */
// uni-app's docs test `if (uni.getUserProfile)`: where the platform lacks the API, `uni.x` is missing as `wx.x` is.
function uniOnWechat(call: ApiCall, context: ScriptRuleContext): ApiEntry | undefined {
  if (call.ref.namespace !== 'uni' || !context.project.uniApp) return undefined;
  if ((context.platform ?? 'wechat') !== 'wechat' || !context.platformsOf(call).includes('wechat')) return undefined;
  const native = call.api.nativeApis?.wechat;
  return native ? getApiById(native) : undefined;
}

export const rule: Rule = {
  id: 'min-version',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'An API, option or value needs a newer base library than the project supports, and the code does not test for it first.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    rationale:
      "The project's `libVersion` (the setting, or `project.config.json`) is the oldest base library it runs on. On older clients a newer " +
      "API is `undefined` (WeChat's own sample tests `if (wx.getUserProfile)`), so calling it throws a TypeError, and a newer " +
      'option or value is not supported there. Either raise `libVersion`, or test ' +
      "first: `wx.canIUse('getUserProfile')`, `if (wx.getUserProfile)`, `typeof wx.getUserProfile === 'function'` or a comparison of " +
      '`SDKVersion`. A test guards the branch it chooses (and the functions only that branch calls); a test whose result is kept, such as ' +
      "a `canIUse` flag in `data` that shows the button with `wx:if` as in WeChat's own sample, guards the whole page.",
    wrong:
      '// project.config.json: "libVersion": "2.9.0"\nwx.getUserProfile({ desc: \'用于完善会员资料\', success: (res) => this.save(res) })',
    right:
      "if (wx.canIUse('getUserProfile')) {\n  wx.getUserProfile({ desc: '用于完善会员资料', success: (res) => this.save(res) })\n} else {\n  this.setData({ askManually: true })\n}",
  },
  checkScript(context) {
    const { calls, sourceFile, model, libVersion, platform } = context;
    if (!libVersion) return [];
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      const onWechat = uniOnWechat(call, context);
      const name = onWechat ? `\`${apiLabel(call)}\` (\`${onWechat.id}\` on WeChat)` : `\`${apiLabel(call)}\``;
      const api = onWechat ?? call.api;
      if (
        api.minVersion &&
        (onWechat || comparable(call, undefined, platform)) &&
        compareVersions(libVersion, api.minVersion) < 0 &&
        !model.featureGuarded(call.ref.name, call.node)
      ) {
        findings.push({
          ...call.callee,
          message:
            `${name} needs base library ${api.minVersion}, but the project supports ${libVersion}: on older clients it is undefined and calling it ` +
            `throws a TypeError. Test it first (\`${call.ref.namespace}.canIUse('${call.ref.name}')\`) or raise libVersion.`,
        });
      }
      if (!call.options) continue;
      for (const property of call.options.properties) {
        if (ts.isSpreadAssignment(property) || !property.name) continue;
        const key = propertyNameText(property.name);
        const option = key === undefined ? undefined : getOption(api, key);
        if (!option || !(onWechat || comparable(call, option.platforms, platform))) continue;
        const literal = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
        const value = option.values?.find(
          (v) =>
            v.minVersion &&
            literal &&
            (ts.isStringLiteralLike(literal) ? literal.text === v.value : literal.getText(sourceFile) === String(v.value)),
        );
        const needed = [option.minVersion, value?.minVersion]
          .filter((v): v is string => !!v)
          .sort(compareVersions)
          .pop();
        if (
          !needed ||
          (api.minVersion && compareVersions(needed, api.minVersion) <= 0) ||
          compareVersions(libVersion, needed) >= 0
        )
          continue;
        const path = `${call.ref.name}.object.${option.name}`;
        if (model.featureGuarded(path, call.node)) continue;
        const what = value && value.minVersion === needed ? `\`${option.name}: ${String(value.value)}\`` : `\`${option.name}\``;
        findings.push({
          start: property.name.getStart(sourceFile),
          end: property.name.getEnd(),
          message:
            `${what} of ${name} needs base library ${needed}, but the project supports ${libVersion}: older base libraries do not support it. ` +
            `Test it first (\`${call.ref.namespace}.canIUse('${path}')\`) or raise libVersion.`,
        });
      }
    }
    return findings;
  },
};
