import ts from 'typescript';
import type { ApiCall } from '../calls';
import { indentationAt, indentUnit, newlineOf } from '../edits';
import { compareVersions } from '../project';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** True when a call is a login call (`tt.login`, or `Taro.login` as Taro maps it per platform). */
function isLogin(call: ApiCall, loginApi: string): boolean {
  const [namespace, name] = loginApi.split('.');
  return call.ref.name === name && (call.ref.namespace === namespace || call.ref.namespace === 'Taro');
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
    summary: '`tt.getUserInfo` (and `tt.getUserProfile` below base library 2.54.0) is called with no `tt.login` before it.',
    platforms: ['douyin'],
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
      if (call.ref.namespace !== 'tt') continue;
      const requirement = call.api.constraints?.loginFirst;
      if (!requirement) continue;
      if (requirement.until) {
        // Below `until` login is needed; at or above it (or when the version is unknown) it is built in.
        if (!context.libVersion || compareVersions(context.libVersion, requirement.until) >= 0) continue;
      }
      if (context.model.loggedInBefore(call.node, (c) => isLogin(c, requirement.api))) continue;
      if (context.index.appLogsInOnLaunch(context.project, requirement.api)) continue;
      const name = `${call.ref.namespace}.${call.ref.name}`;
      const runtime = call.api.errors.find((e) => /session|login/i.test(e.errMsg))?.errMsg;
      // Only the tt.getUserProfile errMsg is known, from forum reports (FACTS §6.5, §6.6).
      const failure = runtime
        ? `; without a session it is reported to fail with "${runtime}"`
        : '; the documentation says it depends on a login';
      const fix = wrapInLogin(call, requirement.api, context);
      findings.push({
        ...call.callee,
        message: `\`${name}\` runs with no \`${requirement.api}\` before it${failure}. Call it in the success callback of \`${requirement.api}\` or after \`await ${requirement.api}()\`, or log in from App.onLaunch.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};
