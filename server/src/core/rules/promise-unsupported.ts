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

/** Where the value a call's Promise settles with is bound: `const x = await call` or `call.then((x) => …)`. */
function settledBinding(call: ApiCall): { name: ts.BindingName; scope: ts.Node } | undefined {
  if (isAwaited(call.node)) {
    const awaited = outerExpression(call.node).parent as ts.AwaitExpression;
    const declaration = outerExpression(awaited).parent;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.parent?.parent?.parent)
      return { name: declaration.name, scope: declaration.parent.parent.parent };
    return undefined;
  }
  const then = promiseChain(call.node)[0];
  const argument = then?.method === 'then' && then.call.arguments[0] ? skipOuterExpressions(then.call.arguments[0]) : undefined;
  const onFulfilled = argument && (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) ? argument : undefined;
  const parameter = onFulfilled?.parameters[0];
  return onFulfilled && parameter ? { name: parameter.name, scope: onFulfilled.body } : undefined;
}

/**
 * A uni call used as a Promise the wrong way for the project's Vue version (uniapp.dcloud.net.cn/api/, "Vue 2 和
 * Vue 3 的 API Promise 化"): with callbacks it returns no Promise at all; without, Vue 3 resolves with the result
 * and Vue 2 with `[err, res]`.
 */
function uniMisuse(call: ApiCall, context: ScriptRuleContext): RuleFinding | undefined {
  const vue = context.project.uniApp?.vueVersion;
  if (!vue) return undefined;
  const name = apiLabel(call);
  if (callbackKeys.some((key) => hasOption(call, key))) {
    const use = promiseUse(call);
    // `.then` on `undefined` throws; an `await` only stops waiting, which breaks the code after it when that code
    // needs the call's result or its callbacks to have run, not always.
    return use
      ? {
          ...call.callee,
          ...(promiseChain(call.node).length === 0 ? { severity: 'warning' as const } : {}),
          message: `\`${name}\` returns no Promise when it is given callbacks: ${use}. Drop the callbacks or the \`await\`/\`.then\`.`,
        }
      : undefined;
  }
  const bound = settledBinding(call);
  if (!bound) return undefined;
  if (vue === 3 && ts.isArrayBindingPattern(bound.name)) {
    return {
      ...call.callee,
      message: `In a Vue 3 uni-app project \`${name}\` resolves with the result object, not \`[err, res]\`: destructuring it as an array throws a TypeError. Bind the result itself and catch the refusal (\`try\`/\`.catch\`).`,
    };
  }
  if (vue !== 2) return undefined;
  const fields = new Set(call.api.result.map((f) => f.name));
  const misread =
    ts.isObjectBindingPattern(bound.name) ||
    (ts.isIdentifier(bound.name) &&
      context.model.references(bound.name.text, bound.scope).some((id) => {
        const access = id.parent;
        return ts.isPropertyAccessExpression(access) && access.expression === id && fields.has(access.name.text);
      }));
  if (!misread) return undefined;
  return {
    ...call.callee,
    severity: 'warning',
    message: `In a Vue 2 uni-app project \`${name}\` resolves with \`[err, res]\`, so the result's fields are not on the resolved value (a refusal is \`err\`; it never rejects). Write \`const [err, res] = await ${name}(…)\`.`,
  };
}

export const rule: Rule = {
  id: 'promise-unsupported',
  defaultSeverity: 'error',
  docs: {
    summary:
      'A callback-only API such as `wx.getUserInfo` is awaited, chained with `.then`, or returned as if it gave a Promise.',
    platforms: ['wechat', 'alipay', 'douyin', 'uni-app'],
    rationale:
      'Some user-info APIs have no Promise style (WeChat documents this for `wx.getUserInfo`): called without callbacks they return `undefined`. ' +
      "`await` then resolves at once with `undefined`, `.then` throws a TypeError, and a caller that receives the call's value gets " +
      "nothing. Pass `success`/`fail` callbacks, or wrap the call in `new Promise`. Taro's APIs (`Taro.getUserInfo`) are promisified and fine. " +
      // uniapp.dcloud.net.cn/api/ ("API Promise 化", "Vue 2 和 Vue 3 的 API Promise 化").
      "uni-app's APIs return a Promise only without `success`/`fail`/`complete`, and it settles differently by Vue version: in Vue 3 " +
      'it resolves with the result and rejects on failure; in Vue 2 it always resolves with `[err, res]`, so `res.userInfo` read off the ' +
      "resolved value is `undefined`. The rule reports, per the manifest's `vueVersion`, a Vue 2 result read as an object and a Vue 3 " +
      'result destructured as `[err, res]`.',
    wrong: 'const res = await wx.getUserInfo()\nthis.setData({ userInfo: res.userInfo })',
    right:
      'const res = await new Promise((resolve, reject) => wx.getUserInfo({ success: resolve, fail: reject }))\nthis.setData({ userInfo: res.userInfo })',
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (call.ref.namespace === 'uni') {
        const misuse = uniMisuse(call, context);
        if (misuse) findings.push(misuse);
        continue;
      }
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
