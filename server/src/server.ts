/**
 * The language server: LSP wiring only. Each handler asks the core's language service and converts the
 * result; the server itself only keeps the open documents, the editor settings and the scheduler of checks.
 * Runs over IPC when the VS Code client starts it and over stdio with `--stdio`.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultMaxFileSize, isAnalysable } from './core/analyze';
import { createLanguageService, type Editor, type EditorSettings } from './core/languageService';
import { isInvalidated, type FileSystemHost, type Invalidation } from './core/project';
import { ruleDocUrl } from './core/rules';
import { interruptibleFrom, nextTurn, RunScheduler, runSteps, straightOn } from './scheduler';
import { closedDocument, toCodeAction, toCompletionItems, toDiagnostics, toHover, toLocation, toProblem } from './convert';

// An editor's server lives for hours with a small live heap (about 80 MB with 2,000 pages open) but V8 lets
// the heap grow to several times that between collections. Collecting sooner keeps the resident memory near
// what is alive (flags V8 reads at each collection; the CLI does the same).
v8.setFlagsFromString('--heap-growing-percent=50');
v8.setFlagsFromString('--max-semi-space-size=2');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** What every feature is told: the `miniprogramUserInfo.` settings and the locale, one object until either changes. */
let editor: Editor = { settings: {} };
let pullConfiguration = false;
let registerConfiguration = false;
let snippetEdits = false;
let completionSnippets = false;
const rulesDocument = path.join(__dirname, '..', 'docs', 'rules.md');
const docUrl = (code: string) => ruleDocUrl(code, rulesDocument);

/** A document URI as a file path (`file:` URIs), or the URI itself for unsaved documents. */
function fileNameOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

const openByPath = new Map<string, TextDocument>();

/** Reads open documents from the editor and everything else from disk, skipping huge files. */
const host: FileSystemHost = {
  readFile(fileName) {
    const open = openByPath.get(fileName);
    if (open) return open.getText();
    try {
      // Only regular files: a named pipe with a page file's name would block the server for ever.
      const stats = statSync(fileName);
      if (!stats.isFile() || stats.size > (editor.settings.maxFileSize ?? defaultMaxFileSize)) return undefined;
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const service = createLanguageService({ host, onSettingsProblem: (problem) => connection.console.warn(`Ignored ${problem}.`) });

/**
 * Analyses an open document (see `scheduler.ts`): step by step, answering other messages in between, and
 * dropped without publishing once a newer edit or re-check superseded it.
 */
async function validate(uri: string, isLatest: () => boolean): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const fileName = fileNameOf(uri);
  const version = document.version;
  const current = () => isLatest() && documents.get(uri)?.version === version;
  let diagnostics = toDiagnostics(document, { findings: [] }, docUrl);
  try {
    const text = document.getText();
    const pause = text.length >= interruptibleFrom ? nextTurn : straightOn;
    const result = await runSteps(service.doValidation(fileName, text, editor), () => !current(), pause);
    if (result === undefined) return;
    if (result.skipped) connection.console.info(result.skipped.message);
    diagnostics = toDiagnostics(document, result, docUrl);
  } catch (error) {
    // A bug in a rule must not take the server down or leave stale squiggles behind.
    connection.console.error(
      `Analysis of ${fileName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  // The user may have typed on while we worked; a newer run will publish.
  if (!current()) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

/** Coalesces bursts of changes into one run per document, so typing never waits for analysis. */
const scheduler = new RunScheduler(validate);
const schedule = (document: TextDocument, first = false) => scheduler.schedule(document.uri, first);

/** Checks again the open documents a file change made stale. */
function recheck(invalidation: Invalidation): void {
  for (const document of documents.all()) if (isInvalidated(invalidation, fileNameOf(document.uri))) schedule(document);
}

function recheckAll(): void {
  for (const document of documents.all()) schedule(document);
}

/** Takes a new settings section or locale, and checks every open document again under it. */
function configure(value: unknown): void {
  editor = { ...editor, settings: value && typeof value === 'object' ? (value as EditorSettings) : {} };
  recheckAll();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const { workspace, textDocument } = params.capabilities;
  pullConfiguration = workspace?.configuration === true;
  registerConfiguration = pullConfiguration && workspace?.didChangeConfiguration?.dynamicRegistration === true;
  snippetEdits = (workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
  completionSnippets = textDocument?.completion?.completionItem?.snippetSupport === true;
  const locale = params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale;
  if (locale) editor = { ...editor, locale };
  // Library folders and the ignore setting are relative to the workspace folders.
  const roots = params.workspaceFolders?.map((f) => fileNameOf(f.uri)) ?? (params.rootUri ? [fileNameOf(params.rootUri)] : []);
  if (roots.length) editor = { ...editor, roots };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      // A quote opens an attribute value (open-type values, handler names).
      // `.` after wx/my/tt/Taro and res; quotes and `:` for option values; the rest for markup.
      completionProvider: { triggerCharacters: ['.', '"', "'", ':'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
    },
    serverInfo: { name: 'mp-userinfo', version: typeof MP_USERINFO_VERSION === 'string' ? MP_USERINFO_VERSION : '0.0.0-dev' },
  };
});

declare const MP_USERINFO_VERSION: string | undefined;

connection.onInitialized(() => {
  // Without dynamic registration a client still pushes didChangeConfiguration (VS Code does), or never does.
  if (registerConfiguration)
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'miniprogramUserInfo' })
      .catch((error: unknown) => connection.console.warn(`Could not register for settings changes: ${String(error)}`));
  if (pullConfiguration) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    configure(await connection.workspace.getConfiguration('miniprogramUserInfo'));
  } catch (error) {
    connection.console.warn(`Could not read the settings: ${String(error)}`);
    recheckAll();
  }
}

connection.onDidChangeConfiguration((change) => {
  if (pullConfiguration) void refreshSettings();
  else configure((change.settings as { miniprogramUserInfo?: unknown } | undefined)?.miniprogramUserInfo);
});

// Fired on open too, after the document is known.
documents.onDidChangeContent(({ document }) => {
  const fileName = fileNameOf(document.uri);
  openByPath.set(fileName, document);
  if (isAnalysable(fileName)) schedule(document, true);
  recheck(service.fileChanged(fileName));
});

documents.onDidClose(({ document }) => {
  const fileName = fileNameOf(document.uri);
  openByPath.delete(fileName);
  scheduler.cancel(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  recheck(service.fileClosed(fileName));
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    const fileName = fileNameOf(change.uri);
    // An open document's text is the editor's until it is deleted.
    if (openByPath.has(fileName) && change.type !== FileChangeType.Deleted) continue;
    recheck(service.fileChanged(fileName));
  }
});

/** Runs a feature on the document of a request, at its position; undefined when the document is not open. */
function atPosition<T>(
  params: TextDocumentPositionParams,
  feature: (document: TextDocument, fileName: string, text: string, offset: number) => T,
): T | undefined {
  const document = documents.get(params.textDocument.uri);
  return document && feature(document, fileNameOf(document.uri), document.getText(), document.offsetAt(params.position));
}

connection.onCompletion(
  (params) =>
    atPosition(params, (document, fileName, text, offset) =>
      toCompletionItems(document, service.doComplete(fileName, text, offset, editor), completionSnippets),
    ) ?? [],
);

connection.onHover(
  (params) =>
    atPosition(params, (document, fileName, text, offset) =>
      toHover(document, service.doHover(fileName, text, offset, editor)),
    ) ?? null,
);

connection.onDefinition(
  (params) =>
    atPosition(params, (_, fileName, text, offset) => service.findDefinition(fileName, text, offset).map(toLocation)) ?? [],
);

connection.onReferences(
  (params) =>
    atPosition(params, (_, fileName, text, offset) =>
      service.findReferences(fileName, text, offset, params.context.includeDeclaration).map(toLocation),
    ) ?? [],
);

/** Another file of a page a fix edits: the open document (with its version), else the text the fix was made against. */
function otherDocument(fileName: string, text: string) {
  const open = documents.all().find((d) => fileNameOf(d.uri) === fileName);
  return open ? { document: open, version: open.version } : closedDocument(fileName, text);
}

connection.onCodeAction(({ textDocument, context }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  const fileName = fileNameOf(document.uri);
  return context.diagnostics.flatMap((diagnostic) => {
    const problem = toProblem(document, diagnostic);
    const fixes = problem ? service.doCodeActions(fileName, document.getText(), problem) : [];
    return fixes.map((fix) => toCodeAction(document, fix, diagnostic, snippetEdits, otherDocument));
  });
});

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unhandled rejection: ${String(reason)}`);
});

documents.listen(connection);
connection.listen();
