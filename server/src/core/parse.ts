/**
 * JS/TS/JSX/TSX parsing with TypeScript's parser, one parse per document text, plus the cheap text
 * pre-filter that lets most files skip parsing altogether.
 */
import { createHash } from 'node:crypto';
import ts from 'typescript';
import { catalog } from '../catalog';
import { isVueFile, noteScriptSetup, readVue } from './vue';
import { changedRange } from './positions';

const scriptKinds: Record<string, ts.ScriptKind> = {
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
};

function extensionOf(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const dot = fileName.lastIndexOf('.');
  return dot > slash ? fileName.slice(dot).toLowerCase() : '';
}

/** True for the script files the analyser reads (`.js .ts .jsx .tsx .mjs .cjs`, and `.mts`/`.cts`). */
export function isScriptFile(fileName: string): boolean {
  return extensionOf(fileName) in scriptKinds && !fileName.endsWith('.d.ts');
}

/** True for files with script the analyser reads: script files, and `.vue` single-file components. */
export function hasScript(fileName: string): boolean {
  return isScriptFile(fileName) || isVueFile(fileName);
}

/**
 * The script of a file as TypeScript parses it: a script file's text, or a `.vue` file's script blocks in a text
 * of the file's own length (see vue.ts), with the script kind of the blocks' `lang`.
 */
function scriptSource(
  fileName: string,
  text: string,
): { text: string; kind: ts.ScriptKind; setup?: { start: number; end: number } } {
  if (!isVueFile(fileName)) return { text, kind: scriptKindOf(fileName) };
  const vue = readVue(fileName, text);
  return { text: vue.script, kind: vue.scriptKind, ...(vue.setupSpan ? { setup: vue.setupSpan } : {}) };
}

/** TypeScript's script kind for a file name (JS when unknown). */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  return scriptKinds[extensionOf(fileName)] ?? ts.ScriptKind.JS;
}

/**
 * The names of every catalog API (support APIs too: their options are checked, and `my.getAuthCode` can ask
 * for consent); a file that mentions none of them cannot produce a finding.
 */
const userInfoApiPattern = new RegExp(`\\b(?:${[...new Set(catalog.apis.map((api) => api.name))].join('|') || '(?!)'})\\b`);

/**
 * The pre-filter: false when the text cannot contain a user-info API call, so parsing can be skipped.
 * It errs on the side of true (a name in a comment passes).
 */
export function mayMentionUserInfoApi(text: string): boolean {
  return userInfoApiPattern.test(text);
}

/**
 * The outcome of parsing a script. TypeScript's parser is recursive, so a text that nests a few hundred
 * to a few thousand levels deep (the exact depth depends on the construct and on the stack left)
 * overflows the stack; that is reported as `too-deep` instead of thrown. A few inputs trip one of the
 * parser's own assertions (TypeScript 5.9 on a decorator followed by `await`, `@x await`): `parser-error`.
 */
export type ParsedScript = { ok: true; sourceFile: ts.SourceFile } | { ok: false; reason: 'too-deep' | 'parser-error' };

interface CacheEntry {
  text: string;
  parsed: ParsedScript;
}

const cacheLimit = 8;
const cache = new Map<string, CacheEntry>();

/**
 * Digests of texts that overflowed the parser. Whether a text near the limit overflows depends on how far
 * the engine has optimised the parser, so it can overflow when first seen and parse later; remembering the
 * first verdict keeps the result of a text the same for the life of the process (found by fuzzing).
 */
const tooDeepTexts = new Set<string>();
const tooDeepLimit = 256;

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** True for TypeScript's failed internal assertions (`Debug Failure. …`), thrown by the parser on a few inputs. */
function isParserFailure(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Debug Failure');
}

/** True for the engine's "Maximum call stack size exceeded". */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Parses `text`, reusing the parse while the text of `fileName` is unchanged. TypeScript's parser
 * recovers from every syntax error, so a half-typed file still yields a tree; only nesting too deep
 * for the parser's recursion fails, as a value.
 */
export function parseScript(fileName: string, fileText: string): ParsedScript {
  const { text, kind, setup } = scriptSource(fileName, fileText);
  const hit = cache.get(fileName);
  if (hit && hit.text === text) {
    // Refresh the entry's place in the least-recently-used order.
    cache.delete(fileName);
    cache.set(fileName, hit);
    return hit.parsed;
  }
  let parsed: ParsedScript;
  if (tooDeepTexts.size > 0 && tooDeepTexts.has(digest(text))) {
    parsed = { ok: false, reason: 'too-deep' };
    cache.set(fileName, { text, parsed });
    return parsed;
  }
  try {
    const sourceFile =
      hit?.parsed.ok === true
        ? reparse(hit.text, hit.parsed.sourceFile, text)
        : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    parsed = { ok: true, sourceFile };
  } catch (error) {
    if (!isStackOverflow(error) && !isParserFailure(error)) throw error;
    parsed = retryParse(fileName, text, kind);
    if (!parsed.ok && parsed.reason === 'too-deep') {
      tooDeepTexts.add(digest(text));
      if (tooDeepTexts.size > tooDeepLimit) tooDeepTexts.delete(tooDeepTexts.values().next().value as string);
    }
  }
  if (parsed.ok) noteScriptSetup(parsed.sourceFile, setup);
  cache.set(fileName, { text, parsed });
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/**
 * Parses once more, from scratch, after a stack overflow or a failed assertion. The parser's frames shrink once
 * the engine has optimised it, and the first overflow usually did just that: without the retry, a text near the
 * limit was too deep when first seen and parsed fine afterwards, so the same file got different results (found by
 * fuzzing). An assertion that failed in an incremental re-parse may not fail in a full one.
 */
function retryParse(fileName: string, text: string, kind: ts.ScriptKind): ParsedScript {
  try {
    return { ok: true, sourceFile: ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind) };
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, reason: 'too-deep' };
    if (isParserFailure(error)) return { ok: false, reason: 'parser-error' };
    throw error;
  }
}

/**
 * Parses an edited text incrementally from the previous tree, as tsserver does while the user types: the
 * changed range is the text between the common prefix and suffix, and TypeScript reuses the nodes outside it.
 * The previous tree is consumed (its nodes may move into the new one), which is why only the cache holds it.
 */
function reparse(oldText: string, previous: ts.SourceFile, text: string): ts.SourceFile {
  const { start, oldEnd, newEnd } = changedRange(oldText, text);
  return ts.updateSourceFile(previous, text, { span: { start, length: oldEnd - start }, newLength: newEnd - start });
}

/**
 * The parsed source file for `text` (see {@link parseScript}). A text too deep to parse reads as an
 * empty file, so features that only look things up degrade to "nothing here" instead of throwing;
 * the analysis uses {@link parseScript} to report the skip.
 */
export function getSourceFile(fileName: string, text: string): ts.SourceFile {
  const parsed = parseScript(fileName, text);
  return parsed.ok ? parsed.sourceFile : ts.createSourceFile(fileName, '', ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
}

/** Forgets the parse of a closed document. */
export function forgetSourceFile(fileName: string): void {
  cache.delete(fileName);
}

/**
 * Visits every node below `root` in source order without recursion, so that deeply nested input cannot
 * overflow the stack. `visit` returns false to skip a node's children.
 */
export function walk(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [];
  const pushChildren = (node: ts.Node) => {
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) !== false) pushChildren(node);
  }
}

const functionKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** True for nodes that start a new function body. */
export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return functionKinds.has(node.kind);
}

/** The innermost function that contains `node` (not `node` itself), or undefined at module level. */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) return current;
  }
  return undefined;
}

/** The text of a property name that is an identifier or a string/numeric literal. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** Strips parentheses, `as`/`satisfies`/non-null assertions around an expression. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else if (ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}
