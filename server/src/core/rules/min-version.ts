import ts from 'typescript';
import { getOption } from '../../catalog';
import { resolveApiReference, type AliasTable, type ApiCall } from '../calls';
import { apiLabel, namespacePlatform } from '../callFacts';
import { propertyNameText, skipOuterExpressions, walk } from '../parse';
import { compareVersions } from '../project';
import type { Platform } from '../types';
import type { Rule, RuleFinding } from './rule';

const conditionOperators = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** True when an uncalled API reference sits where a truth test reads it (`if (wx.getUserProfile)`, `!x`, `x && …`). */
function isTruthTest(node: ts.Node): boolean {
  let current = node;
  while (current.parent && ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent)) return parent.expression === current;
  if (ts.isConditionalExpression(parent)) return parent.condition === current;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(parent)) return conditionOperators.has(parent.operatorToken.kind);
  return false;
}

const testsByFile = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * What the file feature-tests anywhere: `canIUse('getUserProfile')` paths, `typeof wx.getUserProfile`,
 * `if (wx.getUserProfile)`, `'getUserProfile' in wx`. A test anywhere in the file counts, because the
 * common pattern tests once (in `onLoad`) and hides the button with `wx:if` rather than guarding the call.
 */
function featureTests(sourceFile: ts.SourceFile, aliases: AliasTable): Set<string> {
  let tests = testsByFile.get(sourceFile);
  if (tests) return tests;
  const found = new Set<string>();
  walk(sourceFile, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      const argument = node.arguments[0];
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'canIUse' && argument && ts.isStringLiteralLike(argument)) {
        const object = skipOuterExpressions(callee.expression);
        if (ts.isIdentifier(object) && aliases.namespaces.has(object.text)) found.add(argument.text);
      }
    } else if (ts.isTypeOfExpression(node)) {
      const ref = resolveApiReference(node.expression, aliases);
      if (ref) found.add(ref.name);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(node.left)) {
      const object = skipOuterExpressions(node.right);
      if (ts.isIdentifier(object) && aliases.namespaces.has(object.text)) found.add(node.left.text);
    } else if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isTruthTest(node)) {
      const ref = resolveApiReference(node, aliases);
      if (ref) found.add(ref.name);
    }
  });
  tests = found;
  testsByFile.set(sourceFile, tests);
  return tests;
}

/** True when the call sits in a branch chosen by a base-library version comparison. */
function insideVersionCheck(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const condition = ts.isIfStatement(current) ? current.expression : ts.isConditionalExpression(current) ? current.condition : undefined;
    if (condition && /SDKVersion|compareVersion/i.test(condition.getText(sourceFile))) return true;
  }
  return false;
}

/** Whether the project's libVersion speaks of the platform the call runs on (version numbers differ per platform). */
function comparable(call: ApiCall, platforms: readonly string[] | undefined, pagePlatform: Platform | undefined): boolean {
  const native = namespacePlatform[call.ref.namespace];
  if (native) return !pagePlatform || pagePlatform === native;
  // Taro: a version only means something for the platform the option or API belongs to.
  return pagePlatform !== undefined && (platforms ?? call.api.platforms ?? []).includes(pagePlatform);
}

export const rule: Rule = {
  id: 'min-version',
  defaultSeverity: 'warning',
  docs: {
    summary: 'An API, option or value needs a newer base library than the project supports, and the code does not test for it first.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro'],
    rationale:
      'The project\'s `libVersion` (the setting, or `project.config.json`) is the oldest base library it runs on. On older clients a newer ' +
      'API is `undefined`, so calling it throws a TypeError, and a newer option is silently ignored. Either raise `libVersion`, or test ' +
      'first: `wx.canIUse(\'getUserProfile\')`, `if (wx.getUserProfile)`, `typeof wx.getUserProfile === \'function\'` or a comparison of ' +
      '`SDKVersion`. A test anywhere in the file counts, as in WeChat\'s own sample that tests in `onLoad` and shows the button with `wx:if`.',
    wrong: "// project.config.json: \"libVersion\": \"2.9.0\"\nwx.getUserProfile({ desc: '用于完善会员资料', success: (res) => this.save(res) })",
    right:
      "if (wx.canIUse('getUserProfile')) {\n  wx.getUserProfile({ desc: '用于完善会员资料', success: (res) => this.save(res) })\n} else {\n  this.setData({ askManually: true })\n}",
  },
  checkScript({ calls, sourceFile, aliases, libVersion, platform }) {
    if (!libVersion) return [];
    const findings: RuleFinding[] = [];
    const tests = featureTests(sourceFile, aliases);
    for (const call of calls) {
      const name = apiLabel(call);
      const apiTested = [...tests].some((t) => t === call.ref.name || t.startsWith(`${call.ref.name}.`));
      const guarded = (test: boolean) => test || insideVersionCheck(call.node, sourceFile);
      const api = call.api;
      if (api.minVersion && comparable(call, undefined, platform) && compareVersions(libVersion, api.minVersion) < 0 && !guarded(apiTested)) {
        findings.push({
          ...call.callee,
          message:
            `\`${name}\` needs base library ${api.minVersion}, but the project supports ${libVersion}: on older clients it is undefined and calling it ` +
            `throws a TypeError. Test it first (\`${call.ref.namespace}.canIUse('${call.ref.name}')\`) or raise libVersion.`,
        });
      }
      if (!call.options) continue;
      for (const property of call.options.properties) {
        if (ts.isSpreadAssignment(property) || !property.name) continue;
        const key = propertyNameText(property.name);
        const option = key === undefined ? undefined : getOption(api, key);
        if (!option || !comparable(call, option.platforms, platform)) continue;
        const literal = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
        const value = option.values?.find(
          (v) => v.minVersion && literal && (ts.isStringLiteralLike(literal) ? literal.text === v.value : literal.getText(sourceFile) === String(v.value)),
        );
        const needed = [option.minVersion, value?.minVersion].filter((v): v is string => !!v).sort(compareVersions).pop();
        if (!needed || (api.minVersion && compareVersions(needed, api.minVersion) <= 0) || compareVersions(libVersion, needed) >= 0) continue;
        const path = `${call.ref.name}.object.${option.name}`;
        if (guarded([...tests].some((t) => t.startsWith(path)))) continue;
        const what = value && value.minVersion === needed ? `\`${option.name}: ${String(value.value)}\`` : `\`${option.name}\``;
        findings.push({
          start: property.name.getStart(sourceFile),
          end: property.name.getEnd(),
          message:
            `${what} of \`${name}\` needs base library ${needed}, but the project supports ${libVersion}: older clients ignore it. ` +
            `Test it first (\`${call.ref.namespace}.canIUse('${path}')\`) or raise libVersion.`,
        });
      }
    }
    return findings;
  },
};
