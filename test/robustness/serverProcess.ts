/**
 * The bundled language server (dist/server.js --stdio) for the robustness tests: like test/lsp/client.ts,
 * but it can preload a script into the server process, keeps the server's log messages, and reads the
 * process's resident memory.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

const languageIds: Record<string, string> = {
  '.js': 'javascript',
  '.ts': 'typescript',
  '.wxml': 'wxml',
  '.axml': 'axml',
  '.ttml': 'ttml',
};

export class ServerProcess {
  readonly logs: string[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication's document and version, in order. */
  readonly published: Array<{ uri: string; version: number | undefined }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  /** Starts the server for `root`; `preload` is a CommonJS file run in the server process first. */
  static async start(root: string, preload?: string): Promise<ServerProcess> {
    const args = [...(preload ? ['--require', preload] : []), serverPath, '--stdio'];
    const child = spawn(process.execPath, args, { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new ServerProcess(child, connection);
    child.stderr.on('data', (chunk: Buffer) => server.logs.push(`stderr: ${chunk.toString()}`));
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      server.logs.push(params.message);
      server.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      server.diagnostics.set(params.uri, params);
      server.published.push({ uri: params.uri, version: params.version });
      server.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves once `ready()` holds, checked on every message from the server. */
  until<T>(ready: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; log: ${this.logs.join(' | ').slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** The diagnostics published for `uri` at its current version. */
  diagnosticsOf(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.until(
      () => {
        const published = this.diagnostics.get(uri);
        return published && published.version === this.versions.get(uri) ? published.diagnostics : undefined;
      },
      `diagnostics of ${uri}`,
      timeoutMs,
    );
  }

  async open(fileName: string, text = readFileSync(fileName, 'utf8')): Promise<string> {
    const uri = pathToFileURL(fileName).href;
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[path.extname(fileName)] ?? 'plaintext', version: 1, text },
    });
    return uri;
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** The server process's resident set size in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (!kb) throw new Error('no VmRSS in /proc status');
    return Number(kb) * 1024;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (this.alive) this.child.kill();
  }
}
