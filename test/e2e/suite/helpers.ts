/**
 * Helpers for the extension-host suite: polling, fixture files with range markers, and reading the
 * extension's diagnostics. Everything waits by polling for a condition, never by sleeping a fixed time.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { ApiEntry } from '../../../server/src/catalog/types';
import { projectFiles } from './pages';

/** The `source` of every diagnostic the language server publishes. */
export const diagnosticSource = 'mp-userinfo';

/** `publisher.name` from the manifest. */
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** How long a single expectation may take to come true (the server starts, parses, publishes). */
export const defaultTimeoutMs = 20_000;

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, and returns that. On timeout,
 * fails with `what` and the last value `describe` gives, so a failure shows what was there instead.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number; describe?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? defaultTimeoutMs);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seen = options.describe ? `\nlast seen: ${JSON.stringify(options.describe(), null, 2)}` : '';
  const error = lastError ? `\nlast error: ${String(lastError)}` : '';
  throw new assert.AssertionError({ message: `timed out waiting for ${what}${seen}${error}` });
}

/** The folder the suite's workspace was opened on (a temporary copy of test/fixtures). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must run with a workspace folder open');
  return folder.uri.fsPath;
}

/** An expected diagnostic: rule code, severity and the range it covers. */
export interface ExpectedDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  start: number;
  end: number;
}

/**
 * Strips range markers from a fixture. `«code:text»` marks `text` as the range of a `code` error;
 * `«code/warning:text»` a warning. `|` (outside markers) marks the cursor. Returns the plain text, the
 * expected diagnostics in order, and the cursor offset.
 */
export function parseFixture(marked: string): { text: string; expected: ExpectedDiagnostic[]; cursor?: number } {
  let text = '';
  let cursor: number | undefined;
  const expected: ExpectedDiagnostic[] = [];
  const pattern = /«([a-z-]+)(?:\/(error|warning))?:([\s\S]*?)»|\|/g;
  let last = 0;
  for (let match = pattern.exec(marked); match; match = pattern.exec(marked)) {
    text += marked.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === '|') {
      cursor = text.length;
      continue;
    }
    const [, code, severity, inner] = match;
    expected.push({
      code: code!,
      severity: (severity as 'error' | 'warning' | undefined) ?? 'error',
      start: text.length,
      end: text.length + inner!.length,
    });
    text += inner;
  }
  text += marked.slice(last);
  return { text, expected, cursor };
}

/** Writes files (paths relative to the workspace root), creating folders. Returns their URIs by path. */
export function writeWorkspaceFiles(files: Record<string, string>): Record<string, vscode.Uri> {
  const root = workspaceRoot();
  const uris: Record<string, vscode.Uri> = {};
  for (const [relative, content] of Object.entries(files)) {
    const full = join(root, relative);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    uris[relative] = vscode.Uri.file(full);
  }
  return uris;
}

/**
 * Writes a page of the suite's own projects (`e2e-wechat` pairs with `.wxml`, `e2e-douyin` with `.ttml`):
 * `pages/<name>/<name>.js` and its markup, plus the project files; opens the script and returns its editor.
 */
export async function openPage(
  project: 'e2e-wechat' | 'e2e-douyin',
  name: string,
  script: string,
  markup: string,
): Promise<vscode.TextEditor> {
  const base = `${project}/pages/${name}/${name}`;
  const markupExtension = project === 'e2e-wechat' ? 'wxml' : 'ttml';
  const uris = writeWorkspaceFiles({ ...projectFiles, [`${base}.js`]: script, [`${base}.${markupExtension}`]: markup });
  return openInEditor(uris[`${base}.js`]!);
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The rule code of a diagnostic (`code` may be a plain value or `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** This extension's diagnostics on a document. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === diagnosticSource);
}

/** A diagnostic as comparable text: `code error 3:4-3:21`. */
export function describeDiagnostic(d: { code: string; severity: string; range: vscode.Range }): string {
  const { start, end } = d.range;
  return `${d.code} ${d.severity} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

const severityNames: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/**
 * The rules the page fixtures spell out (issue 2's four). Other rules (information-level advice and
 * the like) may also report on those pages; the exact comparisons look at these codes only, while the
 * CLI-parity test compares every code.
 */
export const pageFixtureCodes: ReadonlySet<string> = new Set([
  'desc-missing',
  'desc-too-long',
  'not-in-tap-handler',
  'tt-login-required',
]);

/** The document's diagnostics from this extension (only `codes`, when given) as sorted comparable lines. */
export function actualLines(uri: vscode.Uri, codes?: ReadonlySet<string>): string[] {
  return ourDiagnostics(uri)
    .filter((d) => !codes || codes.has(codeOf(d)))
    .map((d) => describeDiagnostic({ code: codeOf(d), severity: severityNames[d.severity] ?? 'unknown', range: d.range }))
    .sort();
}

/** Expected diagnostics of a document as sorted comparable lines. */
export function expectedLines(document: vscode.TextDocument, expected: ExpectedDiagnostic[]): string[] {
  return expected
    .map((e) => describeDiagnostic({ ...e, range: new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)) }))
    .sort();
}

/**
 * Waits until the document's diagnostics of the page-fixture rules (or of `codes`) are exactly `expected` (codes,
 * severities, ranges).
 */
export async function waitForExactDiagnostics(
  uri: vscode.Uri,
  expected: string[],
  what: string,
  codes: ReadonlySet<string> = pageFixtureCodes,
): Promise<void> {
  const want = JSON.stringify(expected);
  const actual = () => actualLines(uri, codes);
  await waitFor(what, () => JSON.stringify(actual()) === want, { describe: () => ({ expected, actual: actual() }) });
}

/** Activates the extension under test (idempotent) and returns it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  await extension.activate();
  return extension;
}

/** The text of a hover's contents, joined. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Our hover at a position: the one that links the API's official page (the built-in TS hover does not). */
export async function ourHover(
  document: vscode.TextDocument,
  position: vscode.Position,
  api: ApiEntry,
  mustContain: string,
): Promise<string> {
  return waitFor(`the ${api.id} hover containing "${mustContain}"`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = (hovers ?? []).map(hoverText).find((t) => t.includes(api.docUrl));
    return text?.includes(mustContain) ? text : undefined;
  });
}

/** A completion item's label as text. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Sets a `miniprogramUserInfo.*` setting for the workspace (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('miniprogramUserInfo').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Waits for a diagnostic with this code, applies the quick fix offered on its range whose title matches
 * `title`, and returns the new text. (`vscode.executeCodeActionProvider` drops the actions' diagnostics,
 * so the title tells our fix from other providers' actions.)
 */
export async function applyQuickFix(document: vscode.TextDocument, code: string, title: RegExp): Promise<string> {
  const diagnostic = await waitFor(`a ${code} diagnostic`, () => ourDiagnostics(document.uri).find((d) => codeOf(d) === code), {
    describe: () => actualLines(document.uri),
  });
  let offered: vscode.CodeAction[] = [];
  const actions = await waitFor(
    `a quick fix for ${code}`,
    async () => {
      offered = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const ours = (offered ?? []).filter((a) => title.test(a.title));
      return ours.length > 0 && ours;
    },
    { describe: () => ({ offered: (offered ?? []).map((a) => ({ title: a.title, kind: a.kind?.value })) }) },
  );
  const action = actions.find((a) => a.isPreferred) ?? actions[0]!;
  assert.ok(action.edit || action.command, `the quick fix "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return document.getText();
}
