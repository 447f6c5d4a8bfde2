import ts from 'typescript';
import { getOption, type OptionEntry } from '../../catalog';
import { resolveStaticString } from '../calls';
import { pageModelOf } from '../model';
import { apiLabel } from '../callFacts';
import { propertyNameText, skipOuterExpressions } from '../parse';
import { closestMatch } from '../spelling';
import type { Fix, Span } from '../types';
import type { Rule, RuleFinding } from './rule';

type Kind = OptionEntry['kind'] | 'array';

/** What a written value is, as far as the source shows. */
interface Literal {
  kind: Kind;
  /** The value, when it is a known primitive. */
  value?: string | number | boolean;
  /** True when the expression is the literal itself (so a fix may replace it). */
  literal: boolean;
  node: ts.Node;
}

function describe(kind: Kind): string {
  return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : kind === 'function' ? 'a function' : `a ${kind}`;
}

function show(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** Reads what an expression is; undefined for anything the source does not pin down (variables, calls). */
function literalOf(expression: ts.Expression, sourceFile: ts.SourceFile): Literal | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { kind: 'string', value: node.text, literal: true, node };
  if (ts.isTemplateExpression(node)) return { kind: 'string', literal: true, node };
  if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text), literal: true, node };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { kind: 'number', value: -Number(node.operand.text), literal: true, node };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
    return { kind: 'boolean', value: node.kind === ts.SyntaxKind.TrueKeyword, literal: true, node };
  }
  if (ts.isObjectLiteralExpression(node)) return { kind: 'object', literal: true, node };
  if (ts.isArrayLiteralExpression(node)) return { kind: 'array', literal: true, node };
  if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return { kind: 'function', literal: true, node };
  if (ts.isIdentifier(node) && node.text !== 'undefined') {
    const text = resolveStaticString(node, pageModelOf(sourceFile));
    if (text !== undefined) return { kind: 'string', value: text, literal: false, node };
  }
  return undefined;
}

/** The expressions a value may evaluate to: both branches of `c ? a : b`. */
function branches(expression: ts.Expression): ts.Expression[] {
  const node = skipOuterExpressions(expression);
  return ts.isConditionalExpression(node) ? [...branches(node.whenTrue), ...branches(node.whenFalse)] : [node];
}

/** A value written as source text, in the quote style of the literal it replaces. */
function sourceText(value: string | number | boolean, replaced: ts.Node, sourceFile: ts.SourceFile): string {
  if (typeof value !== 'string') return String(value);
  const quote = sourceFile.text[replaced.getStart(sourceFile)];
  const q = quote === '"' || quote === '`' ? quote : "'";
  return `${q}${value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`)}${q}`;
}

/** One "Change to …" fix per allowed value; the closest one is preferred. */
function valueFixes(allowed: Array<string | number | boolean>, found: Literal, sourceFile: ts.SourceFile): Fix[] {
  if (!found.literal) return [];
  const span: Span = { start: found.node.getStart(sourceFile), end: found.node.getEnd() };
  const written = found.value === undefined ? undefined : String(found.value);
  const match = written === undefined ? undefined : (closestMatch(written, allowed.map(String)) ?? written);
  const closest = allowed.find((v) => String(v) === match);
  return allowed.map((value) => ({
    title: `Change to ${show(value)}`,
    ...(value === closest ? { preferred: true } : {}),
    edits: [{ ...span, newText: sourceText(value, found.node, sourceFile) }],
  }));
}

/** The problem with one value, with its fixes, or undefined when it is fine. */
function checkValue(
  api: string,
  option: OptionEntry,
  found: Literal,
  sourceFile: ts.SourceFile,
): { message: string; fixes: Fix[]; severity?: 'hint' } | undefined {
  const allowed: Array<string | number | boolean> | undefined =
    option.kind === 'boolean' ? [true, false] : option.values?.map((v) => v.value);
  const acceptsArray = option.type.includes('[]');
  if (found.kind === 'array' && acceptsArray) return undefined;
  if (found.kind !== option.kind) {
    if (option.kind === 'object') return undefined;
    const fixes = allowed ? valueFixes(allowed, found, sourceFile) : [];
    const expected = option.kind === 'function' ? 'a function (or the name of one)' : describe(option.kind);
    return { message: `\`${option.name}\` of \`${api}\` takes ${expected}, not ${describe(found.kind)}.`, fixes };
  }
  if (!allowed || found.value === undefined || option.kind === 'boolean') return undefined;
  if (allowed.some((v) => v === found.value)) return undefined;
  const list = allowed.map(show).join(', ');
  const suggestion = typeof found.value === 'string' ? closestMatch(found.value, allowed.map(String)) : undefined;
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  if (option.openValues) {
    // An open set (Alipay's scopes): the value may be right for a product the catalog does not list.
    return {
      severity: 'hint',
      message: `${show(found.value)} is not one of the documented values of \`${option.name}\` of \`${api}\` (${list}); check it against the platform's documentation.${hint}`,
      fixes: suggestion ? valueFixes(allowed, found, sourceFile).filter((f) => f.preferred) : [],
    };
  }
  return {
    message: `\`${option.name}\` of \`${api}\` must be one of ${list}, not ${show(found.value)}.${hint}`,
    fixes: valueFixes(allowed, found, sourceFile),
  };
}

export const rule: Rule = {
  id: 'invalid-option-value',
  defaultSeverity: 'error',
  docs: {
    summary:
      "An option is given a literal outside its allowed values (`lang: 'zh_cn'`) or of the wrong kind (`withCredentials: 'true'`).",
    platforms: ['wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    rationale:
      'A value outside the documented set has no documented effect: an unknown `lang` is none of the three documented languages, a ' +
      "string `'false'` is truthy, and a callback given as a string is never called. The allowed values come from the API catalog; each quick fix writes " +
      'one of them, the closest first.',
    wrong: "wx.getUserInfo({ lang: 'zh_cn', withCredentials: 'true', success: (res) => {} })",
    right: "wx.getUserInfo({ lang: 'zh_CN', withCredentials: true, success: (res) => {} })",
  },
  checkScript({ calls, sourceFile }) {
    const findings: RuleFinding[] = [];
    const checked = new Set<ts.ObjectLiteralExpression>();
    for (const call of calls) {
      if (!call.options || checked.has(call.options)) continue;
      checked.add(call.options);
      for (const property of call.options.properties) {
        if (ts.isSpreadAssignment(property) || !property.name) continue;
        const key = propertyNameText(property.name);
        const option = key === undefined ? undefined : getOption(call.api, key);
        if (!option) continue;
        const values: Literal[] = [];
        if (ts.isPropertyAssignment(property)) {
          for (const branch of branches(property.initializer)) {
            const found = literalOf(branch, sourceFile);
            if (found) values.push(found);
            if (found?.kind === 'array' && option.type.includes('[]') && ts.isArrayLiteralExpression(found.node)) {
              for (const element of found.node.elements) {
                const item = literalOf(element, sourceFile);
                if (item) values.push(item);
              }
            }
          }
        } else if (ts.isMethodDeclaration(property)) {
          values.push({ kind: 'function', literal: false, node: property.name });
        }
        for (const found of values) {
          const problem = checkValue(apiLabel(call), option, found, sourceFile);
          if (!problem) continue;
          findings.push({
            start: found.node.getStart(sourceFile),
            end: found.node.getEnd(),
            message: problem.message,
            ...(problem.severity ? { severity: problem.severity } : {}),
            ...(problem.fixes.length ? { fixes: problem.fixes } : {}),
          });
        }
      }
    }
    return findings;
  },
};
