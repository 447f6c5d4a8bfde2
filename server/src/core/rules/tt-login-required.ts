import ts from 'typescript';
import { callbackOf, findProperty, type ApiCall } from '../calls';
import { indentationAt, indentUnit, newlineOf } from '../edits';
import { enclosingFunction, isFunctionLike, skipOuterExpressions } from '../parse';
import { compareVersions } from '../project';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** True when a call is a login call (`tt.login`, or `Taro.login` as Taro maps it per platform). */
function isLogin(call: ApiCall, loginApi: string): boolean {
  const [namespace, name] = loginApi.split('.');
  return call.ref.name === name && (call.ref.namespace === namespace || call.ref.namespace === 'Taro');
}

/** The function that owns a node's code (arrows included). */
function ownerOf(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  return enclosingFunction(node);
}

/** True when `fn` is the success/complete callback of, or a `.then` callback on, one of the login calls. */
function isLoginContinuation(fn: ts.FunctionLikeDeclaration, logins: ApiCall[]): boolean {
  for (const login of logins) {
    if (login.options) {
      for (const key of ['success', 'complete']) {
        if (callbackOf(findProperty(login.options, key)) === fn) return true;
      }
    }
    // tt.login().then(() => …)
    const access = login.node.parent;
    if (access && ts.isPropertyAccessExpression(access) && access.name.text === 'then') {
      const thenCall = access.parent;
      if (thenCall && ts.isCallExpression(thenCall) && thenCall.arguments.some((a) => skipOuterExpressions(a) === fn)) return true;
    }
  }
  return false;
}

/** True when a login has happened before `call` on every path the file shows. */
function loggedInBefore(call: ApiCall, logins: ApiCall[], sourceFile: ts.SourceFile): boolean {
  const start = call.node.getStart(sourceFile);
  const owner = ownerOf(call.node);
  // A login earlier in the same function (awaited or not: its order is what the platform needs).
  if (logins.some((login) => ownerOf(login.node) === owner && login.node.getEnd() <= start)) return true;
  for (let node: ts.Node | undefined = call.node; node; node = node.parent) {
    if (isFunctionLike(node) && isLoginContinuation(node, logins)) return true;
  }
  return false;
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
      'Douyin hands out user data only to a mini-program with a login session. Without a prior `tt.login` the call fails ' +
      '(`getUserProfile:fail invalid session` for `tt.getUserProfile`). Since base library 2.54.0 `tt.getUserProfile` logs in by itself.',
    wrong: "tt.getUserInfo({\n  success: (res) => console.log(res.userInfo),\n});",
    right:
      "tt.login({\n  success: () => {\n    tt.getUserInfo({\n      success: (res) => console.log(res.userInfo),\n    });\n  },\n});",
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
      const logins = context.calls.filter((c) => isLogin(c, requirement.api));
      if (loggedInBefore(call, logins, context.sourceFile)) continue;
      if (context.index.appLogsInOnLaunch(context.project, requirement.api)) continue;
      const name = `${call.ref.namespace}.${call.ref.name}`;
      const runtime = call.api.errors.find((e) => /session|login/i.test(e.errMsg))?.errMsg;
      const failure = runtime ? `; without a session it fails with "${runtime}"` : '; without a session it fails';
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
