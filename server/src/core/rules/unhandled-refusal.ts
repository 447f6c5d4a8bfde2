import ts from 'typescript';
import type { ApiCall } from '../calls';
import { apiLabel, asksForConsent, hasOption, isAwaited, outerExpression, promiseChain } from '../callFacts';
import { insertLastProperty } from '../edits';
import { isFunctionLike } from '../parse';
import type { Fix } from '../types';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** True when a `try` with a `catch` around the call, in the same function, sees its failure. */
function insideTry(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (isFunctionLike(parent)) return false;
    if (ts.isTryStatement(parent) && parent.tryBlock === current && parent.catchClause) return true;
  }
  return false;
}

/**
 * True when the call's value leaves the function (`return x()`, `() => x()`), so a caller may handle it.
 * An arrow written as a JSX event handler (`onClick={() => x()}`) returns to the framework, which does not.
 */
function returned(call: ts.CallExpression): boolean {
  let value: ts.Node = outerExpression(call);
  if (value.parent && ts.isAwaitExpression(value.parent)) value = outerExpression(value.parent);
  const parent = value.parent;
  if (!parent) return false;
  if (ts.isReturnStatement(parent)) return true;
  if (!ts.isArrowFunction(parent) || parent.body !== value) return false;
  return !(parent.parent && ts.isJsxExpression(parent.parent));
}

/** How the refusal can go unnoticed, or undefined when something handles it or the code cannot tell. */
function unhandled(call: ApiCall): 'callback' | 'promise' | undefined {
  if (call.opaqueOptions || call.options?.properties.some(ts.isSpreadAssignment)) return undefined;
  if (hasOption(call, 'fail') || hasOption(call, 'complete')) return undefined;
  const chain = promiseChain(call.node);
  if (chain.some((link) => link.method === 'catch' || (link.method === 'then' && link.call.arguments.length > 1)))
    return undefined;
  if (insideTry(call.node) || returned(call.node)) return undefined;
  if (chain.length > 0 || isAwaited(call.node)) return 'promise';
  // A promise-capable call whose value is kept may be handled later; a discarded one is not.
  const parent = outerExpression(call.node).parent;
  const discarded =
    !!parent &&
    (ts.isExpressionStatement(parent) || (ts.isArrowFunction(parent) && !!parent.parent && ts.isJsxExpression(parent.parent)));
  if (call.api.promise && !hasOption(call, 'success') && !discarded) return undefined;
  return 'callback';
}

function addFail(call: ApiCall, context: ScriptRuleContext): Fix | undefined {
  const property = 'fail: (err) => {$1}';
  if (call.options)
    return { title: 'Add a fail callback', edits: [insertLastProperty(call.options, property, context.sourceFile)] };
  if (call.node.arguments.length > 0) return undefined;
  return {
    title: 'Add a fail callback',
    edits: [{ start: call.node.arguments.pos, end: call.node.arguments.end, newText: `{ ${property} }`, snippet: true }],
  };
}

function addCatch(call: ApiCall): Fix | undefined {
  const last = promiseChain(call.node).pop();
  if (!last) return undefined;
  const end = last.call.getEnd();
  return { title: 'Add .catch(…)', edits: [{ start: end, end, newText: '.catch((err) => {$1})', snippet: true }] };
}

export const rule: Rule = {
  id: 'unhandled-refusal',
  sayOnce: true,
  defaultSeverity: 'information',
  docs: {
    summary:
      'A user-info call has no `fail` (or `complete`) callback, no `.catch` and no surrounding `try`, so a refusal goes unnoticed.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    rationale:
      // FACTS §6.4 (refusal errMsgs; auth deny vs user deny unconfirmed for getUserProfile), §4.5 and §6.7 (Alipay).
      // Douyin: a refused authorisation goes to `fail` (developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/
      // tutorial/open-capabilities/general-capabilities/user-authorization, "用户拒绝：本次调用失败，直接进入接口 fail 回调").
      'Users can always say no, and WeChat and Douyin report it as a failure (on WeChat `getUserInfo:fail auth deny`, and ' +
      '`getUserProfile:fail auth deny` or `user deny`), which Taro turns into a rejected Promise. With nothing to catch it the page ' +
      "just stops, with no fallback such as letting the user type a nickname. On Alipay a refusal fires the consent button's " +
      '`onError`, and Alipay also ' +
      'reports a missing consent inside `success` (code 40003), so check the parsed `code` there as well. A call whose Promise is ' +
      'returned is left to its caller, and a call made only once `authSetting` shows the scope granted cannot be refused.',
    wrong: "wx.getUserProfile({\n  desc: '用于完善会员资料',\n  success: (res) => this.setData({ userInfo: res.userInfo }),\n})",
    right:
      "wx.getUserProfile({\n  desc: '用于完善会员资料',\n  success: (res) => this.setData({ userInfo: res.userInfo }),\n  fail: () => this.setData({ askManually: true }),\n})",
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (!asksForConsent(call)) continue;
      // Once the user has granted the scope the call does not ask, so it cannot be refused.
      if (context.model.authGuarded(call.node, call.api.constraints?.authorizeScope ?? 'userInfo')) continue;
      const style = unhandled(call);
      if (!style) continue;
      // A Vue 2 uni-app Promise never rejects: the refusal is the `err` of `[err, res]` (promise-unsupported).
      if (style === 'promise' && call.ref.namespace === 'uni' && context.project.uniApp?.vueVersion !== 3) continue;
      const refusal = call.api.errors.find((e) => /deny/i.test(e.pattern))?.errMsg;
      const alipay = call.api.errors.find((e) => e.code === '40003');
      const refused = refusal ? `a refusal ("${refusal}")` : 'a refusal';
      const name = apiLabel(call);
      const message =
        style === 'promise'
          ? `\`${name}\` has no \`.catch\` or \`try\`, so ${refused} rejects unhandled. Catch it and let the user carry on without the data.`
          : alipay
            ? // On Alipay a refusal fires the consent button's onError, not this call's fail (FACTS §4.5, §6.7).
              `\`${name}\` has no \`fail\` callback, so its failures go unnoticed. Add \`fail\` and let the user carry on without the data. ` +
              `A refusal fires the consent button's \`onError\`, and a missing consent arrives in \`success\` as code ${alipay.code}: check \`code\` there too.`
            : `\`${name}\` has no \`fail\` callback, so ${refused} goes unnoticed. Add \`fail\` and let the user carry on without the data.`;
      const fix = style === 'promise' ? addCatch(call) : addFail(call, context);
      // Said once per page for each way of missing it, whichever API the calls name.
      findings.push({ ...call.callee, message, group: `${style}${alipay ? ' alipay' : ''}`, ...(fix ? { fixes: [fix] } : {}) });
    }
    return findings;
  },
};
