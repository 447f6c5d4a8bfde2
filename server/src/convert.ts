/**
 * Converts between the core's plain types (offsets, findings, fixes) and LSP types. The only place
 * that knows both.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Location,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from './core/analyze';
import type { Completions, ProblemAt } from './core/languageService';
import type { FileLocation, MarkupCompletion } from './core/markupFeatures';
import type { CompletionEntry } from './core/completion';
import type { Finding, Fix, Severity, Span, TextEdit } from './core/types';
import { stripSnippet } from './core/edits';

/** The `source` of every diagnostic. */
export const diagnosticSource = 'mp-userinfo';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An offset span as an LSP range. */
export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A finding as an LSP diagnostic; `data` keeps the fixes' identity for code actions. */
export function toDiagnostic(document: TextDocument, finding: Finding, docUrl: (code: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.code,
    codeDescription: { href: docUrl(finding.code) },
    message: finding.message,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: document.uri, range: toRange(document, r) },
      message: r.message,
    }));
  }
  return diagnostic;
}

/** An analysis as LSP diagnostics: its findings, or a `file-skipped` note at the top when the file was skipped. */
export function toDiagnostics(document: TextDocument, result: AnalysisResult, docUrl: (code: string) => string): Diagnostic[] {
  const diagnostics = result.findings.map((f) => toDiagnostic(document, f, docUrl));
  if (result.skipped) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: diagnosticSource,
      code: 'file-skipped',
      message: result.skipped.message,
    });
  }
  return diagnostics;
}

/** The problem a diagnostic of ours stands for, to look its fixes up; undefined for other sources' diagnostics. */
export function toProblem(document: TextDocument, diagnostic: Diagnostic): ProblemAt | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined;
  return {
    code: String(diagnostic.code),
    start: document.offsetAt(diagnostic.range.start),
    end: document.offsetAt(diagnostic.range.end),
  };
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(document, edit), newText: edit.snippet ? stripSnippet(edit.newText) : edit.newText };
}

/** A file the editor has not opened, as the target of a code action's edits (no version to check). */
export function closedDocument(fileName: string, text: string): { document: TextDocument; version: number | null } {
  return { document: TextDocument.create(pathToFileURL(fileName).href, 'plaintext', 0, text), version: null };
}

/**
 * A fix as a quick-fix code action. With `snippets` the edits go out as LSP 3.18 snippet text edits so the
 * cursor lands in the placeholder (`desc: '|'`); otherwise as plain text.
 */
export function toCodeAction(
  document: TextDocument,
  fix: Fix,
  diagnostic: Diagnostic,
  snippets: boolean,
  otherDocument: (fileName: string, text: string) => { document: TextDocument; version: number | null } = closedDocument,
): CodeAction {
  const edits = fix.edits.map((edit) =>
    snippets && edit.snippet
      ? { range: toRange(document, edit), snippet: { kind: 'snippet' as const, value: edit.newText } }
      : toLspEdit(document, edit),
  );
  // The page's other files: positions from the text the fix was made against, the version when the file is open.
  const others = (fix.otherFiles ?? []).map((other) => {
    const { document: target, version } = otherDocument(other.fileName, other.text);
    return { textDocument: { uri: target.uri, version }, edits: other.edits.map((edit) => toLspEdit(target, edit)) };
  });
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }, ...others] },
  };
}

const markupCompletionKinds: Record<MarkupCompletion['kind'], CompletionItemKind> = {
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  event: CompletionItemKind.Event,
  handler: CompletionItemKind.Method,
};

/**
 * A markup completion as an LSP item. Without client snippet support the tab stops are stripped and the
 * item does not reopen completion afterwards.
 */
function toMarkupCompletionItem(document: TextDocument, item: MarkupCompletion, snippets: boolean): CompletionItem {
  const snippet = item.snippet === true && snippets;
  return {
    label: item.label,
    kind: markupCompletionKinds[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    ...(item.preselect ? { preselect: true } : {}),
    sortText: item.sortText,
    textEdit: {
      range: toRange(document, item.replace),
      newText: item.snippet && !snippets ? stripSnippet(item.insertText) : item.insertText,
    },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(item.retrigger && snippet ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
  };
}

const scriptCompletionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  method: CompletionItemKind.Method,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  field: CompletionItemKind.Field,
  keyword: CompletionItemKind.Keyword,
};

/** A script completion (API, option, value, result field, flow snippet) as an LSP item. */
function toScriptCompletionItem(document: TextDocument, entry: CompletionEntry, snippets: boolean): CompletionItem {
  const insert = entry.insertText ?? entry.label;
  const newText = entry.snippet && !snippets ? stripSnippet(insert) : insert;
  return {
    label: entry.label,
    kind: scriptCompletionKinds[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    ...(entry.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.replace ? { textEdit: { range: toRange(document, entry.replace), newText } } : { insertText: newText }),
    insertTextFormat: entry.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

/** A completion result of the language service as LSP items. */
export function toCompletionItems(
  document: TextDocument,
  completions: Completions | undefined,
  snippets: boolean,
): CompletionItem[] {
  if (!completions) return [];
  if (completions.kind === 'script') return completions.entries.map((entry) => toScriptCompletionItem(document, entry, snippets));
  return completions.items.map((item) => toMarkupCompletionItem(document, item, snippets));
}

/** Markdown for a span of a document as an LSP hover. */
export function toHover(document: TextDocument, hover: { markdown: string; span: Span } | undefined): Hover | null {
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.span) };
}

/** A file path as a URI (`file:`); other names (unsaved documents) are URIs already. */
export function uriOf(fileName: string): string {
  return path.isAbsolute(fileName) ? pathToFileURL(fileName).href : fileName;
}

/** A location in any file, which the core gives with line/character positions. */
export function toLocation(location: FileLocation): Location {
  return { uri: uriOf(location.fileName), range: { start: location.start, end: location.end } };
}
