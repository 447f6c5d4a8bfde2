/** Helpers that build the text edits of quick fixes with the file's own layout. */
import ts from 'typescript';
import type { TextEdit } from './types';

/** Removes snippet tab stops (`$1`, `${1:text}` → `text`) for clients that cannot take snippet edits. */
export function stripSnippet(text: string): string {
  return text
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** The whitespace that starts the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** One level of indentation as the file uses it (two spaces when it cannot tell). */
export function indentUnit(text: string): string {
  const match = /\n( +|\t)\S/.exec(text);
  if (!match) return '  ';
  return match[1]!.startsWith('\t') ? '\t' : match[1]!.length >= 4 && match[1]!.length % 4 === 0 ? '    ' : '  ';
}

let lastText: string | undefined;
let lastNewline = '\n';

/** The line break the file uses (remembered for the last text: a page's fixes all ask about the same one). */
export function newlineOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastNewline = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastNewline;
}

/**
 * An edit that adds `property` (e.g. `desc: '$1'`) as the first property of an object literal, on its own
 * line when the object spans lines, inline otherwise.
 */
export function insertFirstProperty(object: ts.ObjectLiteralExpression, property: string, sourceFile: ts.SourceFile): TextEdit {
  const text = sourceFile.text;
  const open = object.getStart(sourceFile);
  const first = object.properties[0];
  if (!first) {
    return { start: open, end: object.getEnd(), newText: `{ ${property} }`, snippet: true };
  }
  const firstStart = first.getStart(sourceFile);
  const multiline = text.slice(open, firstStart).includes('\n');
  const newText = multiline ? `${property},${newlineOf(text)}${indentationAt(text, firstStart)}` : `${property}, `;
  return { start: firstStart, end: firstStart, newText, snippet: true };
}

/** Escapes `$`, `}` and `\` so text can sit inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * An edit that adds `property` (e.g. `fail: (err) => {}`) as the last property of an object literal: on
 * its own line after the last property when the object spans lines (keeping a trailing comma), inline
 * otherwise.
 */
export function insertLastProperty(
  object: ts.ObjectLiteralExpression,
  property: string,
  sourceFile: ts.SourceFile,
  snippet = true,
): TextEdit {
  const text = sourceFile.text;
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    return {
      start: object.getStart(sourceFile),
      end: object.getEnd(),
      newText: `{ ${property} }`,
      ...(snippet ? { snippet } : {}),
    };
  }
  const lastEnd = last.getEnd();
  const trailingComma = object.properties.hasTrailingComma;
  const multiline = text.slice(object.getStart(sourceFile), last.getStart(sourceFile)).includes('\n');
  if (!multiline) return { start: lastEnd, end: lastEnd, newText: `, ${property}`, ...(snippet ? { snippet } : {}) };
  const indent = indentationAt(text, last.getStart(sourceFile));
  const nl = newlineOf(text);
  if (trailingComma) {
    const comma = text.indexOf(',', lastEnd) + 1;
    return { start: comma, end: comma, newText: `${nl}${indent}${property},`, ...(snippet ? { snippet } : {}) };
  }
  return { start: lastEnd, end: lastEnd, newText: `,${nl}${indent}${property}`, ...(snippet ? { snippet } : {}) };
}
