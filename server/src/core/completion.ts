/**
 * Completion in scripts over the catalog: user-info APIs after `wx.`/`my.`/`tt.`/`Taro.`, option keys and
 * values inside a known call's options object, result fields on `res.` / `res.userInfo.`, and whole-flow
 * snippets at statement and page-member positions. Pure: offsets in, plain entries out; the server
 * converts them to LSP items. Every item says "mp-userinfo" in its detail, so it reads as ours next to
 * TypeScript's own suggestions.
 */
import ts from 'typescript';
import {
  apisOf,
  flowSnippets,
  getJsxAttribute,
  labels,
  localize,
  type ApiEntry,
  type ApiNamespace,
  type DocsLanguage,
  type FieldEntry,
  type FlowPosition,
  type FlowSnippet,
  type OptionEntry,
  type Platform,
  type ValueEntry,
} from '../catalog';
import {
  formatValue,
  renderApiCompletionDoc,
  renderField,
  renderFlow,
  renderMarkupValue,
  renderOption,
  renderOptionValue,
  type RenderContext,
} from './docsMarkdown';
import { escapeSnippet } from './edits';
import {
  aliasesOf,
  apiOfOptions,
  enclosingObjectLiteral,
  expressionShape,
  isInComment,
  jsxAttributeSite,
  namespaceOf,
  nodeAt,
} from './featureContext';
import { getSourceFile, hasScript, isFunctionLike, propertyNameText, scriptKindOf } from './parse';
import type { Span } from './types';

/** What a feature needs to know about the document and the reader. */
export interface FeatureInput {
  fileName: string;
  text: string;
  /** The documentation language (from the client locale or `miniprogramUserInfo.docsLanguage`). */
  language: DocsLanguage;
  /** The project's platform, when known (from the markup next to the page or the configuration). */
  platform?: Platform;
  /** The project's minimum base library. */
  libVersion?: string;
}

/** One completion proposal. `replace` is the span the insertion replaces (it contains the cursor). */
export interface CompletionEntry {
  label: string;
  kind: 'method' | 'property' | 'value' | 'snippet' | 'field' | 'keyword';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** `insertText` uses snippet syntax (`$1`, `${1|a,b|}`). */
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  deprecated?: boolean;
  replace?: Span;
}

/** The prefix of every detail line: marks our entries among the language service's. */
export const detailPrefix = 'mp-userinfo';

function detail(text: string): string {
  return `${detailPrefix}: ${text}`;
}

function sortKey(group: number, index: number): string {
  return `${group}${String(index).padStart(3, '0')}`;
}

/**
 * The completions at `offset` in a script. Returns an empty list outside the contexts above, inside
 * comments, and for files that are not scripts (markup completion lives elsewhere).
 */
export function getCompletions(input: FeatureInput, offset: number): CompletionEntry[] {
  if (!hasScript(input.fileName) || offset < 0 || offset > input.text.length) return [];
  const sourceFile = getSourceFile(input.fileName, input.text);
  const node = nodeAt(sourceFile, offset, true);
  if (isInComment(sourceFile, node, offset)) return [];
  const ctx: RenderContext = {
    language: input.language,
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.libVersion ? { libVersion: input.libVersion } : {}),
  };
  const access = memberAccessAt(node, offset, sourceFile);
  if (access) return memberCompletions(access, offset, sourceFile, ctx);
  const options = optionsAt(node, sourceFile);
  if (options) return optionCompletions(options.object, options.api, offset, sourceFile, ctx);
  const jsx = jsxValueCompletions(node, offset, sourceFile, ctx);
  if (jsx) return jsx;
  return flowCompletions(node, offset, sourceFile, input, ctx);
}

/**
 * The values of a Taro component's user-info prop, inside its quotes (`<Button openType='|'>`, `<Input type='|'>`),
 * for the page's platform (all platforms when it is not known); undefined elsewhere.
 */
function jsxValueCompletions(
  node: ts.Node,
  offset: number,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): CompletionEntry[] | undefined {
  const site = jsxAttributeSite(node);
  const attr = site?.literal && getJsxAttribute(site.tag, site.name);
  if (!site?.literal || !attr?.values) return undefined;
  const start = site.literal.getStart(sourceFile) + 1;
  const end = Math.max(start, site.literal.end - 1);
  if (offset < start || offset > end) return undefined;
  const platform = ctx.platform;
  return attr.values
    .filter((value) => !platform || value.platforms.includes(platform))
    .map((value, i) => ({
      label: value.value,
      kind: 'value' as const,
      insertText: value.value,
      replace: { start, end },
      detail: detail(localize(value.summary, ctx.language)),
      documentation: renderMarkupValue(attr, value, ctx),
      ...(value.deprecated ? { deprecated: true } : {}),
      sortText: sortKey(value.deprecated ? 1 : 0, i),
    }));
}

/** A property access whose name the cursor is on (or right after the dot of). */
function memberAccessAt(node: ts.Node, offset: number, sourceFile: ts.SourceFile): ts.PropertyAccessExpression | undefined {
  const candidate =
    ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
  if (!ts.isPropertyAccessExpression(candidate)) return undefined;
  if (offset <= (candidate.questionDotToken ?? candidate.expression).end) return undefined;
  const name = candidate.name;
  // `wx.` followed by a name on a later line parses as `wx.name`: the cursor is still right after the dot.
  return offset <= name.end || name.getStart(sourceFile) > offset ? candidate : undefined;
}

/** The span of the member name being typed: the name when the cursor is on it, else empty at the cursor. */
function nameSpan(access: ts.PropertyAccessExpression, offset: number, sourceFile: ts.SourceFile): Span {
  const start = access.name.getStart(sourceFile);
  return start <= offset && offset <= access.name.end && access.name.end > access.name.pos
    ? { start, end: access.name.end }
    : { start: offset, end: offset };
}

function memberCompletions(
  access: ts.PropertyAccessExpression,
  offset: number,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): CompletionEntry[] {
  const replace = nameSpan(access, offset, sourceFile);
  const object = access.expression;
  const namespace = ts.isIdentifier(object) ? namespaceOf(object, sourceFile) : undefined;
  if (namespace) return apiCompletions(namespace, access, replace, sourceFile, ctx);
  const shape = expressionShape(object, sourceFile);
  if (!shape) return [];
  const path = object.getText(sourceFile);
  return shape.fields.map((field, index) => fieldEntry(field, index, path, shape.docUrl, replace, object.end, ctx));
}

function fieldEntry(
  field: FieldEntry,
  index: number,
  path: string,
  docUrl: string,
  replace: Span,
  objectEnd: number,
  ctx: RenderContext,
): CompletionEntry {
  const entry: CompletionEntry = {
    label: field.name,
    kind: 'field',
    detail: detail(field.type),
    documentation: renderField(field, ctx, `${path}.${field.name}`, docUrl),
    sortText: sortKey(field.noLongerReturned ? 1 : 0, index),
    replace,
    ...(field.noLongerReturned ? { deprecated: true } : {}),
  };
  if (!/^[A-Za-z_$][\w$]*$/.test(field.name)) {
    // `scope.userInfo` is not an identifier: replace the dot too and write an element access.
    entry.insertText = `['${field.name}']`;
    entry.filterText = `.${field.name}`;
    entry.replace = { start: objectEnd, end: replace.end };
  }
  return entry;
}

/** True when a call snippet fits where the access stands: as a statement, awaited, returned or assigned. */
function takesCallSnippet(access: ts.PropertyAccessExpression): boolean {
  const parent = access.parent;
  return (
    ts.isExpressionStatement(parent) ||
    ts.isAwaitExpression(parent) ||
    ts.isReturnStatement(parent) ||
    (ts.isVariableDeclaration(parent) && parent.initializer === access) ||
    (ts.isArrowFunction(parent) && parent.body === access)
  );
}

/** `getUserProfile({ desc: '$1', success: … })`: the call with its required options and callbacks. */
function callSnippet(api: ApiEntry): string {
  const lines: string[] = [];
  let stop = 1;
  for (const option of api.options.filter((o) => o.required)) lines.push(`\t${optionSnippet(option, stop++)},`);
  if (api.promise && api.namespace === 'Taro') {
    return lines.length ? `${api.name}({\n${lines.join('\n')}\n})$0` : `${api.name}()$0`;
  }
  lines.push('\tsuccess: (res) => {', '\t\t$0', '\t},', '\tfail: (err) => {', `\t\t$${stop}`, '\t},');
  return `${api.name}({\n${lines.join('\n')}\n})`;
}

function apiCompletions(
  namespace: ApiNamespace,
  access: ts.PropertyAccessExpression,
  replace: Span,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): CompletionEntry[] {
  const withSnippet = takesCallSnippet(access) && !/^\s*\(/.test(sourceFile.text.slice(replace.end));
  return apisOf(namespace).map((api) => {
    const elsewhere = ctx.platform && api.platforms && !api.platforms.includes(ctx.platform);
    return {
      label: api.name,
      kind: 'method',
      detail: detail(localize(api.summary, ctx.language)),
      documentation: renderApiCompletionDoc(api, ctx),
      sortText: sortKey(elsewhere ? 2 : api.deprecated ? 1 : 0, api.rank),
      filterText: api.name,
      replace,
      ...(withSnippet ? { insertText: callSnippet(api), snippet: true } : { insertText: api.name }),
      ...(api.deprecated ? { deprecated: true } : {}),
    };
  });
}

/** The options object (and its API) around the node, when the node is inside a known call's options. */
function optionsAt(node: ts.Node, sourceFile: ts.SourceFile): { object: ts.ObjectLiteralExpression; api: ApiEntry } | undefined {
  const object = enclosingObjectLiteral(node);
  const api = object && apiOfOptions(object, sourceFile);
  return object && api ? { object, api } : undefined;
}

/** The snippet text of `name: value` for an option, with tab stop `stop` on the value. */
function optionSnippet(option: OptionEntry, stop: number): string {
  const choices = option.values?.map((v) => escapeSnippet(String(v.value)).replace(/[,|]/g, '\\$&'));
  switch (option.kind) {
    case 'string':
      return choices?.length ? `${option.name}: '\${${stop}|${choices.join(',')}|}'` : `${option.name}: '$${stop}'`;
    case 'boolean':
      return `${option.name}: \${${stop}|true,false|}`;
    case 'function':
      return `${option.name}: (${option.name === 'fail' ? 'err' : 'res'}) => {\n\t$${stop}\n}`;
    default:
      return `${option.name}: $${stop}`;
  }
}

function optionCompletions(
  object: ts.ObjectLiteralExpression,
  api: ApiEntry,
  offset: number,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): CompletionEntry[] {
  const text = sourceFile.text;
  const property = object.properties.find(
    (p) =>
      p.getStart(sourceFile) <= offset &&
      (offset <= p.end ||
        // `lang: |` parses with an empty initializer that ends at the colon: the cursor still belongs to it.
        (ts.isPropertyAssignment(p) && p.initializer.end === p.initializer.pos && !text.slice(p.end, offset).trim())),
  );
  if (property && ts.isPropertyAssignment(property)) {
    const colon = text.indexOf(':', property.name.end);
    if (colon >= 0 && colon < offset) return valueCompletions(api, property, offset, sourceFile, ctx);
  }
  if (property && !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return [];
  const typed = property ? property.name : undefined;
  const replace: Span =
    typed && ts.isIdentifier(typed) ? { start: typed.getStart(sourceFile), end: typed.end } : { start: offset, end: offset };
  const present = new Set(object.properties.filter((p) => p !== property).map((p) => propertyNameText(p.name)));
  // Only a bare key gets the `key: value` snippet; renaming the key of an existing assignment keeps its value.
  const withValue = !property || ts.isShorthandPropertyAssignment(property);
  const followed =
    object.properties.some((p) => p !== property && p.pos >= replace.end) && !/^\s*,/.test(text.slice(replace.end));
  return api.options
    .filter((o) => !present.has(o.name))
    .map((option, index) => {
      const elsewhere = ctx.platform && option.platforms && !option.platforms.includes(ctx.platform);
      const required = option.required ? ` · ${localize(labels.required, ctx.language)}` : '';
      return {
        label: option.name,
        kind: 'property',
        detail: detail(`${option.type}${required}`),
        documentation: renderOption(api, option, ctx),
        sortText: sortKey(option.required ? 0 : elsewhere ? 2 : 1, index),
        filterText: option.name,
        replace,
        ...(withValue
          ? { insertText: `${optionSnippet(option, 1)}${followed ? ',' : ''}`, snippet: true }
          : { insertText: option.name }),
      };
    });
}

function valueCompletions(
  api: ApiEntry,
  property: ts.PropertyAssignment,
  offset: number,
  sourceFile: ts.SourceFile,
  ctx: RenderContext,
): CompletionEntry[] {
  const option = api.options.find((o) => o.name === propertyNameText(property.name));
  if (!option) return [];
  // A boolean option without documented values takes `true`/`false`, each explained by the option itself.
  const values: ValueEntry[] =
    option.values ??
    (option.kind === 'boolean' ? [true, false].map((value) => ({ value, description: option.description })) : []);
  const initializer = property.initializer;
  const start = initializer.getStart(sourceFile);
  const present = initializer.end > initializer.pos && start <= offset && offset <= initializer.end;
  if (present && ts.isStringLiteralLike(initializer)) {
    // Inside quotes: complete the text only; the closing quote may be missing while typing.
    const text = sourceFile.text;
    const closed = initializer.end - start >= 2 && text[initializer.end - 1] === text[start];
    const replace = { start: start + 1, end: closed ? initializer.end - 1 : initializer.end };
    if (offset < replace.start) return [];
    return values
      .filter((v) => typeof v.value === 'string')
      .map((value, index) => valueEntry(api, option, value, String(value.value), index, replace, ctx));
  }
  const replace = present ? { start, end: initializer.end } : { start: offset, end: offset };
  return values.map((value, index) => valueEntry(api, option, value, formatValue(value.value), index, replace, ctx));
}

function valueEntry(
  api: ApiEntry,
  option: OptionEntry,
  value: ValueEntry,
  insertText: string,
  index: number,
  replace: Span,
  ctx: RenderContext,
): CompletionEntry {
  return {
    label: insertText,
    kind: typeof value.value === 'boolean' ? 'keyword' : 'value',
    detail: detail(option.values ? localize(value.description, ctx.language) : option.type),
    documentation: option.values ? renderOptionValue(api, option, value, ctx) : renderOption(api, option, ctx),
    insertText,
    filterText: insertText,
    sortText: sortKey(value.legacy ? 1 : 0, index),
    replace,
  };
}

const pageFactories = new Set(['Page', 'Component', 'App']);

/** True for the object literal of `Page({…})`/`Component({…})`/`App({…})`, or a component's `methods`. */
function isPageObject(object: ts.ObjectLiteralExpression): boolean {
  const parent = object.parent;
  if (ts.isCallExpression(parent) && parent.arguments[0] === object) {
    return ts.isIdentifier(parent.expression) && pageFactories.has(parent.expression.text);
  }
  if (
    ts.isPropertyAssignment(parent) &&
    propertyNameText(parent.name) === 'methods' &&
    ts.isObjectLiteralExpression(parent.parent)
  ) {
    return isPageObject(parent.parent);
  }
  return false;
}

/** Where a flow snippet would go at the cursor, and what it replaces (the word being typed). */
function flowPosition(
  node: ts.Node,
  offset: number,
  sourceFile: ts.SourceFile,
): { position: FlowPosition; replace: Span } | undefined {
  // At the end of the file the cursor sits in the end-of-file token's leading trivia.
  let container: ts.Node = node.kind === ts.SyntaxKind.EndOfFileToken ? sourceFile : node;
  let replace: Span = { start: offset, end: offset };
  if (ts.isIdentifier(node)) {
    const parent = node.parent;
    if (ts.isExpressionStatement(parent) && parent.expression === node) container = parent.parent;
    else if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) container = parent.parent;
    else return undefined;
    replace = { start: node.getStart(sourceFile), end: node.end };
  }
  if (isStatementList(container) && endsIncomplete(previousStatement(container, replace.start))) return undefined;
  if (ts.isSourceFile(container)) return { position: 'module', replace };
  if (ts.isBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container)) {
    for (let scope: ts.Node | undefined = container; scope; scope = scope.parent) {
      if (isFunctionLike(scope)) return { position: 'body', replace };
    }
    return undefined;
  }
  // The cursor is between members here: inside one, the innermost node would be that member.
  if (ts.isObjectLiteralExpression(container) && isPageObject(container)) return { position: 'member', replace };
  return undefined;
}

function isStatementList(node: ts.Node): node is ts.SourceFile | ts.Block | ts.CaseOrDefaultClause {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

function previousStatement(
  container: ts.SourceFile | ts.Block | ts.CaseOrDefaultClause,
  offset: number,
): ts.Statement | undefined {
  let previous: ts.Statement | undefined;
  for (const statement of container.statements) {
    if (statement.end > offset) break;
    previous = statement;
  }
  return previous;
}

/** True when a statement ends in syntax the parser had to invent (`const x = ` still waits for its value). */
function endsIncomplete(statement: ts.Node | undefined): boolean {
  for (let node = statement; node;) {
    if (node.end === node.pos) return true;
    const children = node.getChildren();
    node = children[children.length - 1];
  }
  return false;
}

function importsTaro(sourceFile: ts.SourceFile): boolean {
  const aliases = aliasesOf(sourceFile);
  for (const [local, namespace] of aliases.namespaces) if (namespace === 'Taro' && local !== 'Taro') return true;
  if ([...aliases.members.values()].some((ref) => ref.namespace === 'Taro')) return true;
  return sourceFile.statements.some(
    (s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === '@tarojs/taro',
  );
}

function flowApplies(flow: FlowSnippet, input: FeatureInput, taro: boolean, jsx: boolean): boolean {
  if (flow.jsx && !jsx) return false;
  if (taro !== (flow.namespace === 'Taro')) return false;
  return !input.platform || flow.platforms.includes(input.platform);
}

function flowCompletions(
  node: ts.Node,
  offset: number,
  sourceFile: ts.SourceFile,
  input: FeatureInput,
  ctx: RenderContext,
): CompletionEntry[] {
  const where = flowPosition(node, offset, sourceFile);
  if (!where) return [];
  const kind = scriptKindOf(input.fileName);
  const jsx = kind === ts.ScriptKind.TSX || kind === ts.ScriptKind.JSX;
  const taro = importsTaro(sourceFile);
  const entries: CompletionEntry[] = [];
  flowSnippets.forEach((flow, index) => {
    const template = flow.templates[where.position];
    if (!template || !flowApplies(flow, input, taro, jsx)) return;
    entries.push({
      label: localize(flow.label, ctx.language),
      kind: 'snippet',
      detail: detail(localize(labels.flowSnippet, ctx.language)),
      documentation: renderFlow(flow, ctx, template),
      insertText: template,
      snippet: true,
      filterText: `${flow.apis.map((id) => id.slice(id.indexOf('.') + 1)).join(' ')} ${flow.label.en}`.trim(),
      sortText: sortKey(9, index),
      replace: where.replace,
    });
  });
  return entries;
}
