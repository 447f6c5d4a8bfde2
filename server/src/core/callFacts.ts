/**
 * Small facts about API calls that several rules share: the call's display name, the platforms it can
 * run on, and how its result is reached (callbacks, `.then`, `await`).
 */
import ts from 'typescript';
import { getApi, getMarkupAttribute, getOption, type ApiNamespace, type OptionEntry } from '../catalog';
import { callbackOf, findProperty, type ApiCall } from './calls';
import { skipOuterExpressions } from './parse';
import type { Platform } from './types';

/** The platform each native namespace belongs to; `Taro` and `uni` run on whichever platform they are built for. */
export const namespacePlatform: Record<ApiNamespace, Platform | undefined> = {
  wx: 'wechat',
  my: 'alipay',
  tt: 'douyin',
  Taro: undefined,
  uni: undefined,
};

/** True for a cross-platform namespace (`Taro`, `uni`), whose calls run the native API of the build's platform. */
export function isCrossPlatform(namespace: ApiNamespace): boolean {
  return namespacePlatform[namespace] === undefined;
}

/** True when a call is the login `loginApi` names (`tt.login`), or `Taro.login`/`uni.login`, which run it on that platform. */
export function isLogin(call: ApiCall, loginApi: string): boolean {
  const [namespace, name] = loginApi.split('.');
  return call.ref.name === name && (call.ref.namespace === namespace || isCrossPlatform(call.ref.namespace));
}

/** `wx.getUserProfile`, `Taro.getOpenUserInfo`: how messages name a call's API. */
export function apiLabel(call: ApiCall): string {
  return `${call.ref.namespace}.${call.ref.name}`;
}

/**
 * The platforms a call can run on: its namespace's platform, or for Taro the page's platform when the
 * project says, else every platform the catalog lists for the Taro API.
 */
export function callPlatforms(call: ApiCall, pagePlatform: Platform | undefined): Platform[] {
  const native = namespacePlatform[call.ref.namespace];
  if (native) return [native];
  const supported = call.api.platforms ?? [];
  if (pagePlatform) return supported.includes(pagePlatform) ? [pagePlatform] : [];
  return supported;
}

/**
 * True when an option matters where the call runs: it has no platform list, or one of the call's platforms reads
 * it. A call whose platforms are unknown (none of them supports the API) keeps every option.
 */
export function optionMattersOn(option: OptionEntry | undefined, platforms: readonly Platform[]): boolean {
  return !option?.platforms || platforms.length === 0 || platforms.some((p) => option.platforms!.includes(p));
}

/** The call expression's outermost wrapper: parentheses, `as`, `!` around it. */
export function outerExpression(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  while (
    current.parent &&
    (ts.isParenthesizedExpression(current.parent) ||
      ts.isAsExpression(current.parent) ||
      ts.isNonNullExpression(current.parent) ||
      ts.isSatisfiesExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current;
}

/** The `.then(…)`/`.catch(…)`/`.finally(…)` calls chained on an expression, in order. */
export function promiseChain(node: ts.Expression): Array<{ method: 'then' | 'catch' | 'finally'; call: ts.CallExpression }> {
  const chain: Array<{ method: 'then' | 'catch' | 'finally'; call: ts.CallExpression }> = [];
  let current = outerExpression(node);
  for (;;) {
    const access = current.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== current) break;
    const method = access.name.text;
    const call = access.parent;
    if (
      (method !== 'then' && method !== 'catch' && method !== 'finally') ||
      !call ||
      !ts.isCallExpression(call) ||
      call.expression !== access
    )
      break;
    chain.push({ method, call });
    current = outerExpression(call);
  }
  return chain;
}

/** The options callback named `key` (`success`, `fail`, `complete`) written as a function, if any. */
export function optionCallback(call: ApiCall, key: string): ts.FunctionLikeDeclaration | undefined {
  return call.options ? callbackOf(findProperty(call.options, key)) : undefined;
}

/** True when the options object has a `key` property of any form (`fail: onFail` counts). */
export function hasOption(call: ApiCall, key: string): boolean {
  return call.options !== undefined && findProperty(call.options, key) !== undefined;
}

/** True when the expression is `await <node>` (through parentheses). */
export function isAwaited(node: ts.Expression): boolean {
  const parent = outerExpression(node).parent;
  return parent !== undefined && ts.isAwaitExpression(parent);
}

/** How messages name a platform. */
export const platformLabel: Record<Platform, string> = { wechat: 'WeChat', alipay: 'Alipay', douyin: 'Douyin' };

/**
 * The base library from which a tested feature exists, as `canIUse` names it: an API (`getUserProfile`),
 * an option (`getUserProfile.object.desc`) or a component attribute value (`button.open-type.getUserInfo`).
 * Undefined when the catalog does not say.
 */
export function featureMinVersion(namespace: ApiNamespace, path: string): string | undefined {
  const [first, second, third] = path.split('.');
  if (!first) return undefined;
  const api = getApi(namespace, first);
  if (api) {
    if (second === undefined) return api.minVersion;
    return second === 'object' && third !== undefined ? (getOption(api, third)?.minVersion ?? api.minVersion) : undefined;
  }
  const attribute = second === undefined ? undefined : getMarkupAttribute(first, second);
  if (!attribute) return undefined;
  const platform = namespacePlatform[namespace];
  if (third === undefined) return attribute.minVersion;
  const value = attribute.values?.find((v) => v.value === third && (!platform || v.platforms.includes(platform)));
  return value?.minVersion;
}

/**
 * True when the call asks the user for their data: every non-support API, and a support API whose scope
 * option names a consent scope (`my.getAuthCode({ scopes: 'auth_user' })`). A scope that is not written as a
 * literal counts as silent, since the code does not say.
 */
export function asksForConsent(call: ApiCall): boolean {
  if (call.api.role !== 'support') return true;
  const consent = call.api.constraints?.consentScopes;
  if (!consent || !call.options) return false;
  const property = findProperty(call.options, consent.option);
  const value = property && ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
  if (!value) return false;
  const scopes = ts.isStringLiteralLike(value)
    ? [value.text]
    : ts.isArrayLiteralExpression(value)
      ? value.elements.flatMap((e) => (ts.isStringLiteralLike(e) ? [e.text] : []))
      : [];
  return scopes.some((scope) => !consent.silent.includes(scope));
}
