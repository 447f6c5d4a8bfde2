/**
 * A test client for the real language server: spawns the bundled `dist/server.js --stdio`, speaks
 * JSON-RPC with vscode-languageserver-protocol, and waits for published diagnostics by event, never by sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');
export const fixturesRoot = path.join(repoRoot, 'test', 'fixtures');

/** The file URI of a fixture file. */
export function fixtureUri(relative: string): string {
  return pathToFileURL(path.join(fixturesRoot, relative)).href;
}

/** The text of a fixture file. */
export function fixtureText(relative: string): string {
  return readFileSync(path.join(fixturesRoot, relative), 'utf8');
}

const languageIds: Record<string, string> = {
  '.js': 'javascript',
  '.ts': 'typescript',
  '.jsx': 'javascriptreact',
  '.tsx': 'typescriptreact',
  '.wxml': 'wxml',
  '.axml': 'axml',
  '.ttml': 'ttml',
  '.vue': 'vue',
};

export interface StartOptions {
  locale?: string;
  /** The `miniprogramUserInfo` settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** Answer workspace/configuration and client/registerCapability with an error, as a client without them may. */
  refuseServerRequests?: boolean;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  /** The methods of the requests the server sent (`workspace/configuration`, `client/registerCapability`), in order. */
  readonly serverRequests: string[] = [];
  /** The server's window/logMessage texts, in order. */
  readonly logMessages: string[] = [];
  initializeResult!: InitializeResult;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    public settings: Record<string, unknown>,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options.settings ?? {});
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
      for (const listener of client.listeners) listener();
    });
    const refused = (method: string) => new ResponseError(ErrorCodes.MethodNotFound, `${method} is not supported`);
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      client.serverRequests.push('workspace/configuration');
      if (options.refuseServerRequests) return refused('workspace/configuration');
      return params.items.map((item) => (item.section === 'miniprogramUserInfo' ? client.settings : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      client.serverRequests.push('client/registerCapability', ...params.registrations.map((r) => r.method));
      return options.refuseServerRequests ? refused('client/registerCapability') : null;
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logMessages.push(params.message);
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(fixturesRoot).href,
      locale: options.locale ?? 'en',
      capabilities: options.capabilities ?? { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
      workspaceFolders: [{ uri: pathToFileURL(fixturesRoot).href, name: 'fixtures' }],
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens a document (the fixture's text unless given). */
  async open(uri: string, text?: string): Promise<void> {
    const fileName = new URL(uri).pathname;
    const content = text ?? readFileSync(fileName, 'utf8');
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[path.extname(fileName)] ?? 'plaintext', version: 1, text: content },
    });
  }

  /** Replaces a document's whole text. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the diagnostics of a document once `accept` holds for a published set. */
  waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const published = this.diagnostics.get(uri);
        if (published && accept(published.diagnostics)) {
          this.listeners.delete(check);
          clearTimeout(timer);
          resolve(published.diagnostics);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Applies LSP text edits (given in any order) to a text. */
export function applyTextEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const offsetAt = (line: number, character: number) => {
    let offset = 0;
    for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    return offset + character;
  };
  const resolved = edits
    .map((e) => ({
      start: offsetAt(e.range.start.line, e.range.start.character),
      end: offsetAt(e.range.end.line, e.range.end.character),
      text: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of resolved) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}
