/**
 * What the code around an offset means to the editor features: the node under the cursor, whether it
 * sits in a comment, the catalog API a call resolves to, the options object of a known call, and the
 * result shape an expression holds (`res`, `res.userInfo`, `JSON.parse(res.response).response`).
 * Completion and hover read these; nothing here knows about LSP.
 */
import ts from 'typescript';
import { getApi, getType, type ApiEntry, type FieldEntry } from '../catalog';
import { resolveApiReference, type AliasTable, type ApiRef } from './calls';
import { pageModelOf } from './model';
import { isFunctionLike, propertyNameText, skipOuterExpressions } from './parse';

/** The innermost node containing `offset`. `inclusiveEnd` also accepts a node ending at the offset (completion). */
export function nodeAt(sourceFile: ts.SourceFile, offset: number, inclusiveEnd: boolean): ts.Node {
  let current: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(current, (child) => {
      const start = child.getStart(sourceFile);
      const inside = inclusiveEnd ? start <= offset && offset <= child.end : start <= offset && offset < child.end;
      // Zero-width nodes are parser placeholders for missing syntax; they never hold the cursor.
      if (inside && child.end > child.pos) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return current;
    current = next;
  }
}

/** True when `offset` lies inside a comment (where no feature should answer). */
export function isInComment(sourceFile: ts.SourceFile, node: ts.Node, offset: number): boolean {
  const text = sourceFile.text;
  // The cursor is in the leading trivia of the node itself (e.g. the end-of-file token) or of one of its tokens.
  for (const child of [node, ...node.getChildren(sourceFile)]) {
    if (child.pos > offset) break;
    const start = child.getStart(sourceFile);
    if (offset > start) continue;
    const ranges = ts.getLeadingCommentRanges(text, child.pos) ?? [];
    for (const r of ranges) {
      const isLine = r.kind === ts.SyntaxKind.SingleLineCommentTrivia;
      if (r.pos < offset && (offset < r.end || (isLine && offset === r.end))) return true;
    }
  }
  return false;
}

/** The file's namespace and API aliases, from its page model (built once per parse). */
export function aliasesOf(sourceFile: ts.SourceFile): AliasTable {
  return pageModelOf(sourceFile).aliases;
}

/**
 * Resolves an expression naming an API through the file's aliases, as the rules do: a `tt` the file imports
 * or declares is its own, not the platform's.
 */
export function resolveRef(expr: ts.Expression, sourceFile: ts.SourceFile): ApiRef | undefined {
  return resolveApiReference(skipOuterExpressions(expr), aliasesOf(sourceFile));
}

/** The namespace a local name stands for (`wx`, or `Taro` through an import alias). */
export function namespaceOf(identifier: ts.Identifier, sourceFile: ts.SourceFile) {
  return aliasesOf(sourceFile).namespaces.get(identifier.text);
}

/** The catalog API a call expression calls, if any. */
export function apiOfCall(call: ts.CallExpression, sourceFile: ts.SourceFile): ApiEntry | undefined {
  const ref = resolveRef(call.expression, sourceFile);
  return ref ? getApi(ref.namespace, ref.name) : undefined;
}

/** The known API whose options object literal this is (the call's first argument), if any. */
export function apiOfOptions(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): ApiEntry | undefined {
  let argument: ts.Node = object;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const call = argument.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== argument) return undefined;
  return apiOfCall(call, sourceFile);
}

/** The nearest object literal around a node (the node itself when it is one). */
export function enclosingObjectLiteral(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isObjectLiteralExpression(current)) return current;
    // Stop at boundaries: a function or a nested expression statement is no longer the options object.
    if (isFunctionLike(current) || ts.isBlock(current) || ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** The fields an expression is known to hold, and the page that documents them. */
export interface Shape {
  fields: FieldEntry[];
  docUrl: string;
}

const maxDepth = 12;

function typeShape(field: FieldEntry | undefined): Shape | undefined {
  const type = field?.typeRef ? getType(field.typeRef) : undefined;
  return type ? { fields: type.fields, docUrl: type.docUrl } : undefined;
}

function resultShape(api: ApiEntry): Shape {
  return { fields: api.result, docUrl: api.docUrl };
}

/**
 * The result an API hands to a callback function: `success` of its options, or the `.then` of its
 * Promise. Undefined for any other function.
 */
function callbackResult(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): ApiEntry | undefined {
  let holder: ts.Node = fn;
  if (ts.isMethodDeclaration(fn)) {
    if (propertyNameText(fn.name) !== 'success' || !ts.isObjectLiteralExpression(fn.parent)) return undefined;
    return apiOfOptions(fn.parent, sourceFile);
  }
  while (ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
  const parent = holder.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === holder) {
    if (propertyNameText(parent.name) !== 'success' || !ts.isObjectLiteralExpression(parent.parent)) return undefined;
    return apiOfOptions(parent.parent, sourceFile);
  }
  if (ts.isCallExpression(parent) && parent.arguments[0] === holder) {
    const callee = skipOuterExpressions(parent.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') {
      const target = skipOuterExpressions(callee.expression);
      if (ts.isCallExpression(target)) {
        const api = apiOfCall(target, sourceFile);
        return api?.promise ? api : undefined;
      }
    }
  }
  return undefined;
}

/** The shape bound to `name` by a binding pattern element, given the shape of the whole value. */
function bindingShape(pattern: ts.ObjectBindingPattern, name: string, whole: Shape | undefined): Shape | undefined {
  for (const element of pattern.elements) {
    if (ts.isIdentifier(element.name) && element.name.text === name) {
      const key = propertyNameText(element.propertyName) ?? name;
      return typeShape(whole?.fields.find((f) => f.name === key));
    }
  }
  return undefined;
}

function patternBinds(pattern: ts.ObjectBindingPattern, name: string): boolean {
  return pattern.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === name);
}

/** The shape of the variable or parameter an identifier refers to, looked up through the enclosing scopes. */
function identifierShape(identifier: ts.Identifier, sourceFile: ts.SourceFile, depth: number): Shape | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name) {
          const api = callbackResult(scope, sourceFile);
          return api ? resultShape(api) : undefined;
        }
        if (ts.isObjectBindingPattern(parameter.name) && patternBinds(parameter.name, name)) {
          const api = callbackResult(scope, sourceFile);
          return bindingShape(parameter.name, name, api && resultShape(api));
        }
      }
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (statement.pos >= identifier.pos) break;
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (!declaration.initializer) continue;
          if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
            return expressionShape(declaration.initializer, sourceFile, depth + 1);
          }
          if (ts.isObjectBindingPattern(declaration.name) && patternBinds(declaration.name, name)) {
            return bindingShape(declaration.name, name, expressionShape(declaration.initializer, sourceFile, depth + 1));
          }
        }
      }
    }
  }
  return undefined;
}

/**
 * The field an expression reads (`res.userInfo`, `info.gender`), when its object's shape is known.
 * Returns the field with the shape it was found in.
 */
export function fieldOfAccess(
  access: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  sourceFile: ts.SourceFile,
  depth = 0,
): { field: FieldEntry; owner: Shape } | undefined {
  const name = ts.isPropertyAccessExpression(access)
    ? access.name.text
    : ts.isStringLiteralLike(access.argumentExpression)
      ? access.argumentExpression.text
      : undefined;
  if (name === undefined) return undefined;
  const owner = expressionShape(access.expression, sourceFile, depth + 1);
  const field = owner?.fields.find((f) => f.name === name);
  return field && owner ? { field, owner } : undefined;
}

/** The shape an expression holds, when the catalog can tell. */
export function expressionShape(expression: ts.Expression, sourceFile: ts.SourceFile, depth = 0): Shape | undefined {
  if (depth > maxDepth) return undefined;
  const expr = skipOuterExpressions(expression);
  if (ts.isIdentifier(expr)) return identifierShape(expr, sourceFile, depth);
  if (ts.isAwaitExpression(expr)) {
    const awaited = skipOuterExpressions(expr.expression);
    if (!ts.isCallExpression(awaited)) return undefined;
    const api = apiOfCall(awaited, sourceFile);
    return api?.promise ? resultShape(api) : undefined;
  }
  if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
    const found = fieldOfAccess(expr, sourceFile, depth);
    // A string field that documents its parsed shape (Alipay's `response`) only has it after JSON.parse.
    if (!found || found.field.type === 'string') return undefined;
    return typeShape(found.field);
  }
  if (ts.isCallExpression(expr) && isJsonParse(expr.expression) && expr.arguments[0]) {
    const argument = skipOuterExpressions(expr.arguments[0]);
    if (ts.isPropertyAccessExpression(argument) || ts.isElementAccessExpression(argument)) {
      return typeShape(fieldOfAccess(argument, sourceFile, depth)?.field);
    }
  }
  return undefined;
}

function isJsonParse(callee: ts.Expression): boolean {
  const expr = skipOuterExpressions(callee);
  return (
    ts.isPropertyAccessExpression(expr) &&
    expr.name.text === 'parse' &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'JSON'
  );
}

/**
 * The JSX attribute a node is the name or the string value of (`openType='chooseAvatar'`, `type={'nickname'}`), with
 * the element's tag, the attribute's name and the literal when the node is the value.
 */
export function jsxAttributeSite(
  node: ts.Node,
): { tag: string; name: string; attribute: ts.JsxAttribute; literal?: ts.StringLiteral } | undefined {
  let attribute: ts.JsxAttribute | undefined;
  let literal: ts.StringLiteral | undefined;
  if (ts.isIdentifier(node) && ts.isJsxAttribute(node.parent) && node.parent.name === node) attribute = node.parent;
  else if (ts.isStringLiteral(node)) {
    const holder = ts.isJsxExpression(node.parent) ? node.parent.parent : node.parent;
    if (holder && ts.isJsxAttribute(holder)) {
      attribute = holder;
      literal = node;
    }
  }
  if (!attribute || !ts.isIdentifier(attribute.name)) return undefined;
  const tag = attribute.parent.parent.tagName;
  if (!ts.isIdentifier(tag)) return undefined;
  return { tag: tag.text, name: attribute.name.text, attribute, ...(literal ? { literal } : {}) };
}
