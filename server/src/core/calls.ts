/**
 * Finds user-info API references and calls in a script: `wx.getUserProfile(...)`, `wx['getUserProfile']`,
 * `Taro.getUserProfile` through a default or namespace import of `@tarojs/taro`, named imports
 * (`import { getUserProfile } from '@tarojs/taro'`) and destructured aliases (`const { getUserProfile } = wx`).
 */
import ts from 'typescript';
import { getApi, type ApiEntry, type ApiNamespace } from '../catalog';
import { propertyNameText, skipOuterExpressions, walk } from './parse';
import type { Span } from './types';

/** A reference to an API by namespace and name, whether or not the catalog knows it. */
export interface ApiRef {
  namespace: ApiNamespace;
  name: string;
}

/** One call of a catalog API. */
export interface ApiCall {
  ref: ApiRef;
  api: ApiEntry;
  node: ts.CallExpression;
  /** The callee as written (`wx.getUserProfile`, `getUserProfile`): most findings point here. */
  callee: Span;
  /** The options object literal: the first argument, or a `const` in the same file it names. */
  options?: ts.ObjectLiteralExpression;
  /** True when the first argument exists but is not an object literal we can read. */
  opaqueOptions: boolean;
}

/** The local names that stand for a namespace (`Taro`, `wx`) or for one API (`getUserProfile`). */
export interface AliasTable {
  namespaces: Map<string, ApiNamespace>;
  members: Map<string, ApiRef>;
}

const globalNamespaces: Record<string, ApiNamespace> = { wx: 'wx', my: 'my', tt: 'tt', Taro: 'Taro' };
const taroModules = new Set(['@tarojs/taro']);

function isTaroRequire(node: ts.Expression): boolean {
  const expr = skipOuterExpressions(node);
  return (
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'require' &&
    expr.arguments.length === 1 &&
    ts.isStringLiteralLike(expr.arguments[0]!) &&
    taroModules.has(expr.arguments[0].text)
  );
}

/** Collects the file's aliases of platform namespaces and APIs. Scopes are not modelled: names are file-wide. */
export function collectAliases(sourceFile: ts.SourceFile): AliasTable {
  const namespaces = new Map<string, ApiNamespace>(Object.entries(globalNamespaces));
  const members = new Map<string, ApiRef>();
  const pending: ts.VariableDeclaration[] = [];

  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!taroModules.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause) continue;
    if (clause.name) namespaces.set(clause.name.text, 'Taro');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, 'Taro');
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (imported === 'default') namespaces.set(element.name.text, 'Taro');
        else members.set(element.name.text, { namespace: 'Taro', name: imported });
      }
    }
  }

  walk(sourceFile, (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) pending.push(node);
  });

  // Two rounds so that `const T = require('@tarojs/taro'); const { getUserProfile } = T;` resolves.
  for (let round = 0; round < 2; round++) {
    for (const declaration of pending) {
      const init = skipOuterExpressions(declaration.initializer!);
      const namespace = isTaroRequire(init)
        ? 'Taro'
        : ts.isIdentifier(init)
          ? namespaces.get(init.text)
          : undefined;
      if (ts.isIdentifier(declaration.name)) {
        if (namespace) namespaces.set(declaration.name.text, namespace);
        else {
          const ref = resolveApiReference(init, { namespaces, members });
          if (ref) members.set(declaration.name.text, ref);
        }
      } else if (ts.isObjectBindingPattern(declaration.name) && namespace) {
        for (const element of declaration.name.elements) {
          if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
          const imported = propertyNameText(element.propertyName) ?? element.name.text;
          members.set(element.name.text, { namespace, name: imported });
        }
      }
    }
  }
  return { namespaces, members };
}

/**
 * Resolves an expression that names an API: `wx.getUserProfile`, `wx['getUserProfile']`, `Taro.x` through
 * an import alias, or a local alias. Returns undefined for anything else.
 */
export function resolveApiReference(node: ts.Expression, aliases: AliasTable): ApiRef | undefined {
  const expr = skipOuterExpressions(node);
  if (ts.isIdentifier(expr)) return aliases.members.get(expr.text);
  let objectExpr: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) {
    objectExpr = expr.expression;
    name = expr.name.text;
  } else if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
    objectExpr = expr.expression;
    name = expr.argumentExpression.text;
  } else {
    return undefined;
  }
  const object = skipOuterExpressions(objectExpr);
  if (!ts.isIdentifier(object)) return undefined;
  const namespace = aliases.namespaces.get(object.text);
  return namespace ? { namespace, name } : undefined;
}

/** The object literal a `const` identifier is initialised with, in the same file. */
function resolveConstObject(identifier: ts.Identifier, sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  const initializer = constInitializer(identifier, sourceFile);
  const value = initializer && skipOuterExpressions(initializer);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

/** Finds every call of a catalog API in the file, in source order. */
export function findApiCalls(sourceFile: ts.SourceFile, aliases: AliasTable = collectAliases(sourceFile)): ApiCall[] {
  const calls: ApiCall[] = [];
  walk(sourceFile, (node) => {
    if (!ts.isCallExpression(node)) return;
    const ref = resolveApiReference(node.expression, aliases);
    if (!ref) return;
    const api = getApi(ref.namespace, ref.name);
    if (!api) return;
    const first = node.arguments[0];
    let options: ts.ObjectLiteralExpression | undefined;
    if (first) {
      const arg = skipOuterExpressions(first);
      if (ts.isObjectLiteralExpression(arg)) options = arg;
      else if (ts.isIdentifier(arg)) options = resolveConstObject(arg, sourceFile);
    }
    calls.push({
      ref,
      api,
      node,
      callee: { start: node.expression.getStart(sourceFile), end: node.expression.getEnd() },
      ...(options ? { options } : {}),
      opaqueOptions: first !== undefined && options === undefined,
    });
  });
  return calls;
}

/** The property assignment (or method/shorthand) named `name` in an object literal. */
export function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((p) => !ts.isSpreadAssignment(p) && propertyNameText(p.name) === name);
}

/** True when the object literal spreads another object, so missing keys may come from elsewhere. */
export function hasSpread(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some(ts.isSpreadAssignment);
}

/** The function value of a callback property (`success: (res) => {}`, `success(res) {}`, `success: onOk`). */
export function callbackOf(property: ts.ObjectLiteralElementLike | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!property) return undefined;
  if (ts.isMethodDeclaration(property)) return property;
  if (ts.isPropertyAssignment(property)) {
    const value = skipOuterExpressions(property.initializer);
    if (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) return value;
  }
  return undefined;
}

/**
 * Resolves an expression to a string when it is statically known: string literals, templates without
 * substitutions, `const` identifiers bound to such values in the same file, and `+` of those.
 */
export function resolveStaticString(node: ts.Expression, sourceFile: ts.SourceFile, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const expr = skipOuterExpressions(node);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = resolveStaticString(expr.left, sourceFile, depth + 1);
    if (left === undefined) return undefined;
    const right = resolveStaticString(expr.right, sourceFile, depth + 1);
    return right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(expr)) {
    const initializer = constInitializer(expr, sourceFile);
    return initializer ? resolveStaticString(initializer, sourceFile, depth + 1) : undefined;
  }
  return undefined;
}

/** The `const` declarations of each parsed file by name, in source order, built on first use. */
const constDeclarationsByFile = new WeakMap<ts.SourceFile, Map<string, ts.VariableDeclaration[]>>();

/**
 * The `const` declarations named `name` in the file, in source order. Looking names up here instead
 * of walking the whole file once per reference keeps a file with thousands of calls linear.
 */
function constDeclarationsNamed(name: string, sourceFile: ts.SourceFile): readonly ts.VariableDeclaration[] {
  let byName = constDeclarationsByFile.get(sourceFile);
  if (!byName) {
    const index = new Map<string, ts.VariableDeclaration[]>();
    walk(sourceFile, (node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isVariableDeclarationList(node.parent) &&
        node.parent.flags & ts.NodeFlags.Const
      ) {
        const list = index.get(node.name.text);
        if (list) list.push(node);
        else index.set(node.name.text, [node]);
      }
    });
    constDeclarationsByFile.set(sourceFile, index);
    byName = index;
  }
  return byName.get(name) ?? [];
}

/** The initializer of the `const` declaration an identifier names (the last one in scope). */
export function constInitializer(identifier: ts.Identifier, sourceFile: ts.SourceFile): ts.Expression | undefined {
  let best: ts.Expression | undefined;
  for (const declaration of constDeclarationsNamed(identifier.text, sourceFile)) {
    if (containsScope(declaration.parent.parent, identifier)) best = declaration.initializer;
  }
  return best;
}

/** True when `identifier` sits inside the block that declares a variable (so the declaration is in scope). */
function containsScope(declarationStatement: ts.Node, identifier: ts.Node): boolean {
  const scope = declarationStatement.parent ?? declarationStatement;
  return identifier.pos >= scope.pos && identifier.end <= scope.end;
}
