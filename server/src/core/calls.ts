/**
 * The shapes of user-info API references and calls, and small helpers over them. The page model (model.ts)
 * finds the calls and aliases: `wx.getUserProfile(...)`, `wx['getUserProfile']`, `Taro.getUserProfile` through
 * an import of `@tarojs/taro`, named imports and destructured aliases (`const { getUserProfile } = wx`).
 */
import ts from 'typescript';
import type { ApiEntry, ApiNamespace } from '../catalog';
import { propertyNameText, skipOuterExpressions } from './parse';
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

/** Looks up the initializer of the `const` an identifier names (the page model answers it). */
export interface ConstLookup {
  constInitializer(identifier: ts.Identifier): ts.Expression | undefined;
}

/**
 * Resolves an expression to a string when it is statically known: string literals, templates without
 * substitutions, `const` identifiers bound to such values in the same file, and `+` of those.
 */
export function resolveStaticString(node: ts.Expression, constants: ConstLookup, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const expr = skipOuterExpressions(node);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = resolveStaticString(expr.left, constants, depth + 1);
    if (left === undefined) return undefined;
    const right = resolveStaticString(expr.right, constants, depth + 1);
    return right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(expr)) {
    const initializer = constants.constInitializer(expr);
    return initializer ? resolveStaticString(initializer, constants, depth + 1) : undefined;
  }
  return undefined;
}
