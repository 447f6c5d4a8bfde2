/**
 * Hover in scripts over the catalog: an API name (`wx.getUserProfile`, `Taro.x` through imports and
 * aliases), an option key or value of a known call, a result field access (`res.userInfo.gender`), and a
 * known `errMsg` string. Pure: offsets in, Markdown and a span out.
 */
import ts from 'typescript';
import { findErrors, getApi, getJsxAttribute, knownApiNames, type ApiEntry, type OptionEntry } from '../catalog';
import type { FeatureInput } from './completion';
import {
  renderApi,
  renderError,
  renderField,
  renderMarkupAttribute,
  renderMarkupValue,
  renderOption,
  renderOptionValue,
  type RenderContext,
} from './docsMarkdown';
import { apiOfOptions, fieldOfAccess, isInComment, jsxAttributeSite, nodeAt, resolveRef } from './featureContext';
import { getSourceFile, hasScript, propertyNameText } from './parse';
import type { Span } from './types';

/** What a hover shows, and the text it is about. */
export interface HoverResult {
  markdown: string;
  span: Span;
}

function spanOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** The hover at `offset` in a script, or undefined when the catalog has nothing to say there. */
export function getHover(input: FeatureInput, offset: number): HoverResult | undefined {
  if (!hasScript(input.fileName) || offset < 0 || offset >= input.text.length) return undefined;
  const sourceFile = getSourceFile(input.fileName, input.text);
  const node = nodeAt(sourceFile, offset, false);
  if (isInComment(sourceFile, node, offset)) return undefined;
  const ctx: RenderContext = {
    language: input.language,
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.libVersion ? { libVersion: input.libVersion } : {}),
  };
  return (
    apiHover(node, sourceFile, ctx) ??
    optionHover(node, sourceFile, ctx) ??
    fieldHover(node, sourceFile, ctx) ??
    errorHover(node, sourceFile, ctx) ??
    jsxHover(node, sourceFile, ctx)
  );
}

/** A Taro component's user-info prop (`openType`, `onChooseAvatar`) or its value (`openType='chooseAvatar'`). */
function jsxHover(node: ts.Node, sourceFile: ts.SourceFile, ctx: RenderContext): HoverResult | undefined {
  const site = jsxAttributeSite(node);
  const attr = site && getJsxAttribute(site.tag, site.name);
  if (!site || !attr) return undefined;
  if (!site.literal) return { markdown: renderMarkupAttribute(attr, ctx), span: spanOf(site.attribute.name, sourceFile) };
  const written = site.literal.text;
  const value = attr.values?.find((v) => v.value === written);
  return value ? { markdown: renderMarkupValue(attr, value, ctx), span: spanOf(site.literal, sourceFile) } : undefined;
}

/** `wx.getUserProfile`, `wx['getUserProfile']`, or a local alias / named import of an API. */
function apiHover(node: ts.Node, sourceFile: ts.SourceFile, ctx: RenderContext): HoverResult | undefined {
  const parent = node.parent;
  let access: ts.Expression | undefined;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    (ts.isIdentifier(node) || ts.isStringLiteralLike(node))
  ) {
    // The cursor may be on the namespace (`wx`) or on the member name: both describe the API.
    access = parent;
  } else if (ts.isIdentifier(node) && knownApiNames.has(node.text) && !isDeclarationName(node)) {
    access = node;
  }
  if (!access) return undefined;
  const ref = resolveRef(access, sourceFile);
  const api = ref && getApi(ref.namespace, ref.name);
  return api ? { markdown: renderApi(api, ctx), span: spanOf(access, sourceFile) } : undefined;
}

/** True when the identifier declares something (a property key, a parameter) rather than refers to it. */
function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.name === node
  );
}

/** The option whose key is `node`, or whose value `node` is, in a known call's options object. */
function optionHover(node: ts.Node, sourceFile: ts.SourceFile, ctx: RenderContext): HoverResult | undefined {
  const property = node.parent;
  if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property) && !ts.isMethodDeclaration(property)) {
    return undefined;
  }
  if (!ts.isObjectLiteralExpression(property.parent)) return undefined;
  const api = apiOfOptions(property.parent, sourceFile);
  const option = api?.options.find((o) => o.name === propertyNameText(property.name));
  if (!api || !option) return undefined;
  if (property.name === node) return { markdown: renderOption(api, option, ctx), span: spanOf(node, sourceFile) };
  if (ts.isPropertyAssignment(property) && property.initializer === node) return valueHover(api, option, node, sourceFile, ctx);
  return undefined;
}

function literalValue(node: ts.Node): string | number | boolean | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

function valueHover(
  api: ApiEntry,
  option: OptionEntry,
  node: ts.Node,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): HoverResult | undefined {
  const literal = literalValue(node);
  if (literal === undefined) return undefined;
  const value = option.values?.find((v) => v.value === literal);
  const markdown = value ? renderOptionValue(api, option, value, ctx) : renderOption(api, option, ctx);
  return { markdown, span: spanOf(node, sourceFile) };
}

/** `res.userInfo.gender`, `info.nickName`, `res.authSetting['scope.userInfo']`. */
function fieldHover(node: ts.Node, sourceFile: ts.SourceFile, ctx: RenderContext): HoverResult | undefined {
  const access = node.parent;
  const onName =
    (ts.isPropertyAccessExpression(access) && access.name === node) ||
    (ts.isElementAccessExpression(access) && access.argumentExpression === node && ts.isStringLiteralLike(node));
  if (!onName) return undefined;
  const found = fieldOfAccess(access, sourceFile);
  if (!found) return undefined;
  return {
    markdown: renderField(found.field, ctx, access.getText(sourceFile), found.owner.docUrl),
    span: spanOf(node, sourceFile),
  };
}

/** A string that is a known runtime error (`'getUserProfile:fail auth deny'`): its cause and fix. */
function errorHover(node: ts.Node, sourceFile: ts.SourceFile, ctx: RenderContext): HoverResult | undefined {
  if (!ts.isStringLiteralLike(node) || node.text.length < 5) return undefined;
  const matches = findErrors(node.text);
  if (!matches.length) return undefined;
  return {
    markdown: matches.map((m) => renderError(m.api, m.error, ctx)).join('\n\n---\n\n'),
    span: spanOf(node, sourceFile),
  };
}
