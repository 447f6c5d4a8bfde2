/**
 * The language server: LSP wiring only. Each handler delegates to the core and converts the result.
 * Runs over IPC when the VS Code client starts it and over stdio with `--stdio`.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisSteps, defaultMaxFileSize, isAnalysable, type AnalysisOptions, type SeveritySetting } from './core/analyze';
import { getCompletions, type FeatureInput } from './core/completion';
import { getHover } from './core/hover';
import { markupPlatform } from './core/markup';
import { handlerReferences, markupCompletions, markupDefinition, markupHover, pageContextOf, type MarkupFeatureOptions } from './core/markupFeatures';
import { forgetSourceFile, isScriptFile } from './core/parse';
import { ProjectIndex, type FileSystemHost } from './core/project';
import { ruleDocUrl } from './core/rules';
import { mergeOptions, parseSettings, SettingsFiles, toAnalysisOptions } from './core/settings';
import type { Finding, Platform } from './core/types';
import type { DocsLanguage } from './catalog';
import { interruptibleFrom, nextTurn, RunScheduler, runSteps, straightOn } from './scheduler';
import { diagnosticSource, toCodeAction, toDiagnostic, toHover, toLocation, toMarkupCompletionItem, toScriptCompletionItem } from './convert';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** The settings under `miniprogramUserInfo.` that the server reads. */
interface ServerSettings {
  libVersion?: string;
  rules?: Record<string, SeveritySetting>;
  maxFileSize?: number;
  /** The platforms to check; a project settings file can narrow them further. */
  platforms?: Platform[];
  docsLanguage?: 'auto' | 'en' | 'zh-cn';
}

let settings: ServerSettings = {};
let pullConfiguration = false;
let snippetEdits = false;
let completionSnippets = false;
let clientLocale = 'en';
const rulesDocument = path.join(__dirname, '..', 'docs', 'rules.md');

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
      if (!stats.isFile() || stats.size > (settings.maxFileSize ?? defaultMaxFileSize)) return undefined;
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
};
const index = new ProjectIndex(host);

const settingsFiles = new SettingsFiles(host);
/** Settings problems already written to the log, so each is reported once. */
const loggedProblems = new Set<string>();

/** The options for a file: its project settings file (`.mp-userinfo.json`, `package.json`) under the editor settings. */
function analysisOptions(fileName: string): AnalysisOptions {
  const editor = parseSettings(settings, false);
  const project = settingsFiles.settingsFor(fileName);
  const problems = [...editor.problems.map((p) => `setting ${p}`), ...(project?.problems ?? []).map((p) => `${project!.file}: ${p}`)];
  for (const problem of problems) {
    if (loggedProblems.has(problem)) continue;
    loggedProblems.add(problem);
    connection.console.warn(`Ignored ${problem}.`);
  }
  return mergeOptions(project ? toAnalysisOptions(project.settings) : {}, toAnalysisOptions(editor.settings));
}

/** The latest findings per document, for code actions. */
const findingsByUri = new Map<string, { version: number; findings: Finding[] }>();

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
  let diagnostics: Diagnostic[] = [];
  try {
    const text = document.getText();
    const pause = text.length >= interruptibleFrom ? nextTurn : straightOn;
    const result = await runSteps(analysisSteps(fileName, text, index, analysisOptions(fileName)), () => !current(), pause);
    if (result === undefined) return;
    findingsByUri.set(uri, { version, findings: result.findings });
    diagnostics = result.findings.map((f) => toDiagnostic(document, f, (code) => ruleDocUrl(code, rulesDocument)));
    if (result.skipped) {
      connection.console.info(result.skipped.message);
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: diagnosticSource,
        code: 'file-skipped',
        message: result.skipped.message,
      });
    }
  } catch (error) {
    // A bug in a rule must not take the server down or leave stale squiggles behind.
    connection.console.error(`Analysis of ${fileName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    findingsByUri.delete(uri);
  }
  // The user may have typed on while we worked; a newer run will publish.
  if (!current()) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

/** Coalesces bursts of changes into one run per document, so typing never waits for analysis. */
const scheduler = new RunScheduler(validate);
const schedule = (document: TextDocument, first = false) => scheduler.schedule(document.uri, first);

/**
 * Re-checks the open files a changed page file pairs with: the scripts of a markup file (the handler graph
 * changed), the markup of a script (the methods its bindings name changed).
 */
function revalidatePaired(changedFile: string): void {
  const stem = changedFile.slice(0, changedFile.length - path.extname(changedFile).length);
  for (const document of documents.all()) {
    const fileName = fileNameOf(document.uri);
    if (fileName !== changedFile && fileName.slice(0, fileName.length - path.extname(fileName).length) === stem) schedule(document);
  }
}

/** True for the files whose edits change what their paired files are told. */
function isPageFile(fileName: string): boolean {
  return markupPlatform(fileName) !== undefined || isScriptFile(fileName);
}

function revalidateAll(): void {
  for (const document of documents.all()) schedule(document);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  snippetEdits =
    (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
  completionSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  clientLocale = params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale ?? 'en';
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
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'miniprogramUserInfo' });
    void refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  if (!pullConfiguration) return;
  try {
    const value: unknown = await connection.workspace.getConfiguration('miniprogramUserInfo');
    settings = value && typeof value === 'object' ? (value as ServerSettings) : {};
    loggedProblems.clear();
  } catch (error) {
    connection.console.warn(`Could not read the settings: ${String(error)}`);
  }
  revalidateAll();
}

connection.onDidChangeConfiguration((change) => {
  if (pullConfiguration) {
    void refreshSettings();
    return;
  }
  const section = (change.settings as { miniprogramUserInfo?: ServerSettings } | undefined)?.miniprogramUserInfo;
  settings = section ?? {};
  loggedProblems.clear();
  revalidateAll();
});

documents.onDidOpen(({ document }) => {
  const fileName = fileNameOf(document.uri);
  openByPath.set(fileName, document);
  index.invalidate(fileName);
  if (markupPlatform(fileName)) revalidatePaired(fileName);
});

documents.onDidChangeContent(({ document }) => {
  const fileName = fileNameOf(document.uri);
  openByPath.set(fileName, document);
  index.invalidate(fileName);
  if (isPageFile(fileName)) revalidatePaired(fileName);
  if (isAnalysable(fileName)) schedule(document, true);
});

documents.onDidClose(({ document }) => {
  const fileName = fileNameOf(document.uri);
  openByPath.delete(fileName);
  index.invalidate(fileName);
  forgetSourceFile(fileName);
  findingsByUri.delete(document.uri);
  scheduler.cancel(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  if (isPageFile(fileName)) revalidatePaired(fileName);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  let all = false;
  for (const change of changes) {
    const fileName = fileNameOf(change.uri);
    if (openByPath.has(fileName) && change.type !== FileChangeType.Deleted) continue;
    index.invalidate(fileName);
    settingsFiles.invalidate(fileName);
    if (markupPlatform(fileName)) revalidatePaired(fileName);
    else all = true; // project configuration, settings or the app file: every page may change
  }
  if (all) revalidateAll();
});

connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
  const document = documents.get(params.textDocument.uri);
  const stored = findingsByUri.get(params.textDocument.uri);
  if (!document || !stored || stored.version !== document.version) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const finding = stored.findings.find((f) => f.code === diagnostic.code && f.start === start && f.end === end);
    for (const fix of finding?.fixes ?? []) actions.push(toCodeAction(document, fix, diagnostic, snippetEdits));
  }
  return actions;
});

/** The documentation language: the setting, or the editor's display language under `auto`. */
function docsLanguage(): DocsLanguage {
  const setting = settings.docsLanguage;
  if (setting === 'en' || setting === 'zh-cn') return setting;
  return clientLocale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * A request's document, the page around it and, for markup, the markup document and the features' options.
 * Undefined for scripts unless `scripts` is set (only references start from a script).
 */
function pageRequest(params: TextDocumentPositionParams, scripts = false) {
  const document = documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const fileName = fileNameOf(document.uri);
  if (!markupPlatform(fileName) && !(scripts && isScriptFile(fileName))) return undefined;
  const page = pageContextOf(fileName, index, host);
  // An empty setting (the manifest's default) means "use the project's".
  const libVersion = settings.libVersion || index.projectOf(fileName).libVersion;
  const options: MarkupFeatureOptions = { language: docsLanguage(), ...(libVersion ? { libVersion } : {}) };
  const markup = page.markups.find((m) => m.fileName === fileName);
  return { document, fileName, offset: document.offsetAt(params.position), page, markup, options };
}

/** The features' view of a script: its text, the documentation language, the page's platform and libVersion. */
function scriptFeatureInput(params: TextDocumentPositionParams): { document: TextDocument; input: FeatureInput; offset: number } | undefined {
  const document = documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const fileName = fileNameOf(document.uri);
  if (!isScriptFile(fileName)) return undefined;
  const project = index.projectOf(fileName);
  const libVersion = settings.libVersion || project.libVersion;
  const platform = index.pageMarkupOf(fileName)[0]?.facts.platform ?? project.platform;
  const input: FeatureInput = {
    fileName,
    text: document.getText(),
    language: docsLanguage(),
    ...(platform ? { platform } : {}),
    ...(libVersion ? { libVersion } : {}),
  };
  return { document, input, offset: document.offsetAt(params.position) };
}

connection.onCompletion((params): CompletionItem[] => {
  const script = scriptFeatureInput(params);
  if (script) {
    return getCompletions(script.input, script.offset).map((entry) => toScriptCompletionItem(script.document, entry, completionSnippets));
  }
  const request = pageRequest(params);
  if (!request?.markup) return [];
  const { document, markup, offset, page, options } = request;
  return markupCompletions(markup, offset, page, options).map((item) => toMarkupCompletionItem(document, item, completionSnippets));
});

connection.onHover((params): Hover | null => {
  const script = scriptFeatureInput(params);
  if (script) {
    const hover = getHover(script.input, script.offset);
    return hover ? toHover(script.document, hover) : null;
  }
  const request = pageRequest(params);
  if (!request?.markup) return null;
  const hover = markupHover(request.markup, request.offset, request.page, request.options);
  return hover ? toHover(request.document, hover) : null;
});

connection.onDefinition((params): Location[] => {
  const request = pageRequest(params);
  if (!request?.markup) return [];
  return markupDefinition(request.markup, request.offset, request.page).map(toLocation);
});

connection.onReferences((params): Location[] => {
  const request = pageRequest(params, true);
  if (!request) return [];
  return handlerReferences(request.fileName, request.offset, request.page, params.context.includeDeclaration).map(toLocation);
});

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unhandled rejection: ${String(reason)}`);
});

documents.listen(connection);
connection.listen();

