/**
 * Converts between the core's plain types (offsets, findings, fixes) and LSP types. The only place
 * that knows both.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity, Span, TextEdit } from './core/types';

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
  return diagnostic;
}

/** Removes snippet tab stops (`$1`, `${1:text}` → `text`) for clients that cannot take snippet edits. */
export function stripSnippet(text: string): string {
  return text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(document, edit), newText: edit.snippet ? stripSnippet(edit.newText) : edit.newText };
}

/**
 * A fix as a quick-fix code action. With `snippets` the edits go out as LSP 3.18 snippet text edits so the
 * cursor lands in the placeholder (`desc: '|'`); otherwise as plain text.
 */
export function toCodeAction(document: TextDocument, fix: Fix, diagnostic: Diagnostic, snippets: boolean): CodeAction {
  const edits = fix.edits.map((edit) =>
    snippets && edit.snippet
      ? { range: toRange(document, edit), snippet: { kind: 'snippet' as const, value: edit.newText } }
      : toLspEdit(document, edit),
  );
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  };
}
