import ts from 'typescript';
import { getApiById } from '../../catalog';
import type { ApiCall } from '../calls';
import { isLogin } from '../callFacts';
import { indentationAt, indentUnit, newlineOf } from '../edits';
import { compareVersions } from '../project';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/**
 * The Douyin login a call needs: `tt.x`'s own, or for `uni.x` built for Douyin (its targets and conditional-compilation
 * regions say) that of the `tt` API it runs there, to be done with `uni.login`. A uni-app project's `libVersion` is
 * WeChat's (the manifest's `mp-weixin`), so a requirement that ends at a Douyin base library is left alone there.
 */
function douyinLogin(call: ApiCall, context: ScriptRuleContext) {
  if (call.ref.namespace === 'tt') {
    const requirement = call.api.constraints?.loginFirst;
    return requirement ? { requirement, login: requirement.api, runs: '' } : undefined;
  }
  if (call.ref.namespace !== 'uni' || !context.platformsOf(call).includes('douyin')) return undefined;
  const native = call.api.nativeApis?.douyin;
  const requirement = native ? getApiById(native)?.constraints?.loginFirst : undefined;
  return requirement && !requirement.until ? { requirement, login: 'uni.login', runs: ` (on Douyin \`${native}\`)` } : undefined;
}

/** The quick fix: wrap the statement in `tt.login({ success: () => { … } })`. */
function wrapInLogin(call: ApiCall, loginApi: string, context: ScriptRuleContext) {
  const statement = call.node.parent;
  if (!statement || !ts.isExpressionStatement(statement) || statement.expression !== call.node) return undefined;
  const text = context.text;
  const nl = newlineOf(text);
  const start = statement.getStart(context.sourceFile);
  const indent = indentationAt(text, start);
  const unit = indentUnit(text);
  const body = text
    .slice(start, statement.getEnd())
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? `${indent}${unit}${unit}${line}` : line.length ? `${unit}${unit}${line}` : line))
    .join(nl);
  const newText = `${loginApi}({${nl}${indent}${unit}success: () => {${nl}${body}${nl}${indent}${unit}},${nl}${indent}});`;
  return { title: `Wrap in ${loginApi}({ success })`, edits: [{ start, end: statement.getEnd(), newText }] };
}

export const rule: Rule = {
  id: 'tt-login-required',
  defaultSeverity: 'warning',
  docs: {
    summary:
      '`tt.getUserInfo` (and `tt.getUserProfile` below base library 2.54.0), or `uni.getUserInfo` built for Douyin, is called with no login before it.',
    platforms: ['douyin', 'uni-app'],
    rationale:
      // FACTS §3.4 and seed 004 (the documented dependency), §6.5 (forum reports), §6.6 (no errMsg found for tt.getUserInfo).
      'Douyin documents that `tt.getUserInfo` depends on `tt.login` and must come after it, and that `tt.getUserProfile` did too ' +
      'before base library 2.54.0, which builds the login in. Forum users report `getUserProfile:fail invalid session` for a ' +
      '`tt.getUserProfile` without a login; what `tt.getUserInfo` returns then is not documented.',
    wrong: 'tt.getUserInfo({\n  success: (res) => console.log(res.userInfo),\n});',
    right:
      'tt.login({\n  success: () => {\n    tt.getUserInfo({\n      success: (res) => console.log(res.userInfo),\n    });\n  },\n});',
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      const needs = douyinLogin(call, context);
      if (!needs) continue;
      const { requirement, login, runs } = needs;
      if (requirement.until) {
        // Below `until` login is needed; at or above it (or when the version is unknown) it is built in.
        if (!context.libVersion || compareVersions(context.libVersion, requirement.until) >= 0) continue;
      }
      if (context.model.loggedInBefore(call.node, (c) => isLogin(c, requirement.api))) continue;
      if (context.index.appLogsInOnLaunch(context.project, requirement.api)) continue;
      const name = `${call.ref.namespace}.${call.ref.name}`;
      const runtime = getApiById(`tt.${call.ref.name}`)?.errors.find((e) => /session|login/i.test(e.errMsg))?.errMsg;
      // Only the tt.getUserProfile errMsg is known, from forum reports (FACTS §6.5, §6.6).
      const failure = runtime
        ? `; without a session it is reported to fail with "${runtime}"`
        : '; the documentation says it depends on a login';
      const fix = wrapInLogin(call, login, context);
      findings.push({
        ...call.callee,
        message: `\`${name}\`${runs} runs with no \`${login}\` before it${failure}. Call it in the success callback of \`${login}\` or after \`await ${login}()\`, or log in from App.onLaunch.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};
