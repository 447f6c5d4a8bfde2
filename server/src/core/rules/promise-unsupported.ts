import ts from 'typescript';
import type { ApiCall } from '../calls';
import { apiLabel, hasOption, isAwaited, outerExpression, promiseChain } from '../callFacts';
import { insertLastProperty } from '../edits';
import { skipOuterExpressions } from '../parse';
import type { Fix } from '../types';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

const callbackKeys = ['success', 'fail', 'complete'];

/** How the call is used as if it returned a Promise, or undefined when it is not. */
function promiseUse(call: ApiCall): string | undefined {
  const chain = promiseChain(call.node);
  if (chain.length > 0) return `\`.${chain[0]!.method}()\` on it throws a TypeError (it returns \`undefined\`)`;
  if (isAwaited(call.node)) {
    return callbackKeys.some((key) => hasOption(call, key))
      ? '`await` does not wait for it: it returns `undefined` at once and the callbacks run later'
      : '`await` gets `undefined`, not the result';
  }
  const parent = outerExpression(call.node).parent;
  const returned =
    parent && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === outerExpression(call.node)));
  if (returned && !callbackKeys.some((key) => hasOption(call, key)))
    return 'returning it hands the caller `undefined`, not a Promise';
  return undefined;
}

/** `new Promise((resolve, reject) => wx.getUserInfo({ …, success: resolve, fail: reject }))`, when the options allow it. */
function wrapInPromise(call: ApiCall, context: ScriptRuleContext): Fix | undefined {
  const first = call.node.arguments[0];
  const inline = first && skipOuterExpressions(first);
  if (call.node.arguments.length > 1 || (inline && !ts.isObjectLiteralExpression(inline))) return undefined;
  if (inline && (inline as ts.ObjectLiteralExpression).properties.some(ts.isSpreadAssignment)) return undefined;
  if (callbackKeys.some((key) => hasOption(call, key))) return undefined;
  const sourceFile = context.sourceFile;
  const start = call.node.getStart(sourceFile);
  const end = call.node.getEnd();
  const settle = 'success: resolve, fail: reject';
  const optionsEdit = inline
    ? insertLastProperty(inline as ts.ObjectLiteralExpression, settle, sourceFile, false)
    : { start: call.node.arguments.pos, end: call.node.arguments.end, newText: `{ ${settle} }` };
  return {
    title: 'Wrap in new Promise(…)',
    edits: [{ start, end: start, newText: 'new Promise((resolve, reject) => ' }, optionsEdit, { start: end, end, newText: ')' }],
  };
}

export const rule: Rule = {
  id: 'promise-unsupported',
  defaultSeverity: 'error',
  docs: {
    summary:
      'A callback-only API such as `wx.getUserInfo` is awaited, chained with `.then`, or returned as if it gave a Promise.',
    platforms: ['wechat', 'alipay', 'douyin'],
    rationale:
      'Some user-info APIs have no Promise style (WeChat documents this for `wx.getUserInfo`): called without callbacks they return `undefined`. ' +
      "`await` then resolves at once with `undefined`, `.then` throws a TypeError, and a caller that receives the call's value gets " +
      "nothing. Pass `success`/`fail` callbacks, or wrap the call in `new Promise`. Taro's APIs (`Taro.getUserInfo`) are promisified and fine.",
    wrong: 'const res = await wx.getUserInfo()\nthis.setData({ userInfo: res.userInfo })',
    right:
      'const res = await new Promise((resolve, reject) => wx.getUserInfo({ success: resolve, fail: reject }))\nthis.setData({ userInfo: res.userInfo })',
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (call.api.promise || call.api.role === 'support') continue;
      const use = promiseUse(call);
      if (!use) continue;
      const fix = wrapInPromise(call, context);
      findings.push({
        ...call.callee,
        message: `\`${apiLabel(call)}\` returns no Promise: ${use}. Pass \`success\` and \`fail\` callbacks, or wrap it in \`new Promise\`.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};
