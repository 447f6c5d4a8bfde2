/**
 * Suppression comments and the quick fixes that write them, in the style of ESLint's directives:
 *
 *   // mp-userinfo-disable-next-line desc-too-long, not-in-tap-handler -- a reason
 *   /* mp-userinfo-disable unhandled-refusal *\/          (the whole file)
 *   <!-- mp-userinfo-disable-next-line handler-not-found -->   (markup)
 *
 * No codes means every rule. Either comment form works for either directive; in JSX children the
 * comment is written as `{/* … *\/}`. In markup, a next-line directive covers the whole start tag that
 * begins on the next line, since a comment cannot sit between the attributes of a multi-line tag.
 */
import ts from 'typescript';
import { indentationAt, newlineOf } from './edits';
import type { MarkupElement } from './markup';
import { lineStarts, positionAt } from './positions';
import type { Finding, Fix, TextEdit } from './types';

/** Every rule, for a directive that names none. */
const allRules = '*';

/** One directive comment. */
interface Directive {
  kind: 'file' | 'next-line';
  /** The rule codes it names (`*` for all). */
  codes: string[];
  /** The comment's span; its end decides which line is "next". */
  start: number;
  end: number;
}

const scriptDirective =
  /\/\/[ \t]*mp-userinfo-disable(-next-line)?(?![\w-])([^\r\n]*)|\/\*\s*mp-userinfo-disable(-next-line)?(?![\w-])([\s\S]*?)\*\//g;
const markupDirective = /<!--\s*mp-userinfo-disable(-next-line)?(?![\w-])([\s\S]*?)-->/g;

/** The codes of a directive's text: comma- or space-separated, up to an optional `-- reason`. */
function parseCodes(text: string): string[] {
  const codes = text
    .split(/\s--\s|\s--$/)[0]!
    .split(/[\s,]+/)
    .filter((c) => /^[a-z][\w-]*$/i.test(c));
  return codes.length ? codes : [allRules];
}

/**
 * Descends a syntax tree to the nodes that hold an offset. Each node's children are listed once and then
 * binary-searched, so looking up every finding of a file with thousands of siblings (a `Page({…})` with
 * thousands of methods) stays O(findings × depth × log width) instead of scanning the siblings each time.
 */
class NodeFinder {
  private readonly children = new Map<ts.Node, ts.Node[]>();

  constructor(readonly sourceFile: ts.SourceFile) {}

  /** The child of `node` whose token span (`getStart` to `getEnd`) holds `offset`. */
  childAt(node: ts.Node, offset: number): ts.Node | undefined {
    let list = this.children.get(node);
    if (!list) {
      const collected: ts.Node[] = [];
      node.forEachChild((child) => void collected.push(child));
      this.children.set(node, (list = collected));
    }
    // Children come in source order, so their ends increase: find the first that ends after `offset`.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.getEnd() > offset) high = mid;
      else low = mid + 1;
    }
    const child = list[low];
    return child && child.getStart(this.sourceFile) <= offset ? child : undefined;
  }
}

/** True when `offset` lies inside a string, template, regular expression or JSX text token (not a comment). */
function insideLiteral(finder: NodeFinder, offset: number): boolean {
  let node: ts.Node = finder.sourceFile;
  for (;;) {
    const child = finder.childAt(node, offset);
    if (!child) break;
    node = child;
  }
  return (
    ts.isStringLiteralLike(node) ||
    ts.isTemplateLiteralToken(node) ||
    ts.isTemplateExpression(node) ||
    ts.isJsxText(node) ||
    node.kind === ts.SyntaxKind.RegularExpressionLiteral
  );
}

function findDirectives(text: string, pattern: RegExp, isComment: (offset: number) => boolean): Directive[] {
  if (!text.includes('mp-userinfo-disable')) return [];
  const directives: Directive[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!isComment(match.index)) continue;
    const nextLine = match[1] ?? match[3];
    const body = match[2] ?? match[4] ?? '';
    directives.push({
      kind: nextLine ? 'next-line' : 'file',
      codes: parseCodes(body),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return directives;
}

/** The 0-based line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  return positionAt(starts, offset).line;
}

const covers = (codes: string[], code: string) => codes.includes(allRules) || codes.includes(code);

/** The document a finding sits in, as suppression needs it. */
export type SuppressionTarget =
  | { kind: 'script'; text: string; sourceFile: ts.SourceFile }
  | { kind: 'markup'; text: string; elements: readonly MarkupElement[] };

function directivesOf(target: SuppressionTarget, finder: NodeFinder | undefined): Directive[] {
  return target.kind === 'script'
    ? findDirectives(target.text, scriptDirective, (offset) => !insideLiteral(finder!, offset))
    : findDirectives(target.text, markupDirective, () => true);
}

/** What the fixes and the filter need of a document, computed once per analysis. */
interface DirectiveDocument {
  target: SuppressionTarget;
  directives: Directive[];
  starts: number[];
  /** The file's newline. */
  nl: string;
  /** For scripts. */
  finder: NodeFinder | undefined;
}

/**
 * Drops the findings that a directive comment disables, and gives each remaining finding the
 * "Disable <code> for this line" and "… for the entire file" quick fixes after its own.
 */
export function applySuppressions(findings: Finding[], target: SuppressionTarget): Finding[] {
  if (findings.length === 0) return findings;
  const finder = target.kind === 'script' ? new NodeFinder(target.sourceFile) : undefined;
  const document: DirectiveDocument = {
    target,
    directives: directivesOf(target, finder),
    starts: lineStarts(target.text),
    nl: newlineOf(target.text),
    finder,
  };
  return findings
    .filter((finding) => !suppressed(finding, document))
    .map((finding) => ({ ...finding, fixes: [...(finding.fixes ?? []), ...disableFixes(finding, document)] }));
}

/** The start tag (in markup) that holds an offset. */
function tagAt(target: SuppressionTarget, offset: number): MarkupElement | undefined {
  return target.kind === 'markup' ? target.elements.find((e) => e.start <= offset && offset < e.end) : undefined;
}

function suppressed(finding: Finding, { target, directives, starts }: DirectiveDocument): boolean {
  const tag = tagAt(target, finding.start);
  const lines = new Set([lineOf(starts, finding.start), ...(tag ? [lineOf(starts, tag.start)] : [])]);
  return directives.some((directive) => {
    if (!covers(directive.codes, finding.code)) return false;
    // A markup directive also covers the rest of a start tag that begins on its line.
    return directive.kind === 'file' || lines.has(lineOf(starts, directive.end) + 1);
  });
}

/** The first token of the line holding `offset` sits among JSX children, where `//` would be text. */
function inJsxChildren(finder: NodeFinder, offset: number): boolean {
  let node: ts.Node = finder.sourceFile;
  let parent: ts.Node | undefined;
  for (;;) {
    const child = finder.childAt(node, offset);
    if (!child) break;
    parent = node;
    node = child;
    if (node.getStart(finder.sourceFile) === offset) break;
  }
  if (ts.isJsxText(node)) return true;
  const child = ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node) || ts.isJsxExpression(node);
  return child && !!parent && (ts.isJsxElement(parent) || ts.isJsxFragment(parent));
}

/** The comment text of a directive in the form a position needs. */
function commentText(finder: NodeFinder | undefined, body: string, offset: number): string {
  if (!finder) return `<!-- ${body} -->`;
  return inJsxChildren(finder, offset) ? `{/* ${body} */}` : `// ${body}`;
}

/** Adds `code` to an existing directive comment (before its closing and any `-- reason`). */
function extendDirective(text: string, directive: Directive, code: string): TextEdit | undefined {
  if (covers(directive.codes, code)) return undefined;
  const comment = text.slice(directive.start, directive.end);
  const close = comment.endsWith('-->') ? comment.length - 3 : comment.endsWith('*/') ? comment.length - 2 : comment.length;
  const reason = comment.slice(0, close).search(/\s--(\s|$)/);
  let at = directive.start + (reason >= 0 ? reason : close);
  while (at > directive.start && /\s/.test(text[at - 1]!)) at--;
  return { start: at, end: at, newText: `, ${code}` };
}

/**
 * The quick fixes that disable a finding's rule: a directive comment above the finding's line (above the
 * start tag in markup) with the line's indentation, or the code added to a directive already there.
 */
function disableFixes(finding: Finding, { target, directives, starts, nl, finder }: DirectiveDocument): Fix[] {
  const { text } = target;
  const fixes: Fix[] = [];
  const anchor = tagAt(target, finding.start)?.start ?? finding.start;
  const line = lineOf(starts, anchor);
  const lineStart = starts[line]!;
  const indent = indentationAt(text, anchor);
  const insideToken = finder !== undefined && line > 0 && insideLiteral(finder, lineStart);
  if (!insideToken) {
    const existing = directives.find((d) => d.kind === 'next-line' && lineOf(starts, d.end) + 1 === line);
    const extend = existing ? extendDirective(text, existing, finding.code) : undefined;
    const edit = extend ?? {
      start: lineStart,
      end: lineStart,
      newText: `${indent}${commentText(finder, `mp-userinfo-disable-next-line ${finding.code}`, lineStart + indent.length)}${nl}`,
    };
    fixes.push({ title: `Disable ${finding.code} for this line`, suppression: true, edits: [edit] });
  }

  // After a `#!` line, which must stay first.
  const top = text.startsWith('#!') ? (starts[1] ?? text.length) : 0;
  const fileDirective = directives.find((d) => d.kind === 'file' && lineOf(starts, d.start) === lineOf(starts, top));
  const extendFile = fileDirective ? extendDirective(text, fileDirective, finding.code) : undefined;
  const body = `mp-userinfo-disable ${finding.code}`;
  const fileComment = target.kind === 'markup' ? `<!-- ${body} -->` : `/* ${body} */`;
  fixes.push({
    title: `Disable ${finding.code} for the entire file`,
    suppression: true,
    edits: [extendFile ?? { start: top, end: top, newText: `${fileComment}${nl}` }],
  });
  return fixes;
}
