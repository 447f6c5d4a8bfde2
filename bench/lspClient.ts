/**
 * A lean JSON-RPC client for timing the language server over stdio: it spawns `dist/server.js --stdio`,
 * answers the server's own requests (configuration, capability registration), sends incremental
 * changes, and resolves a promise when the diagnostics of a given document version arrive. Memory is
 * read through the gcOnSignal preload, which reports on stderr after a forced collection.
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
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { benchRoot, distDir, profileFlags, repoRoot } from './processes';

const serverPath = path.join(distDir, 'server.js');
const gcPreload = path.join(benchRoot, 'preload', 'gcOnSignal.cjs');
const gcLine = /\[bench\] gc rss=(\d+) heapUsed=(\d+)\n/;

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

/** A zero-based LSP position. */
export interface Position {
  line: number;
  character: number;
}

/** Memory of the server process, in MiB. */
export interface MemorySample {
  /** Resident set size before the forced collection (what a process monitor shows). */
  rssMb: number;
  /** Resident set size after it. */
  rssAfterGcMb: number;
  /** Live JavaScript heap after it (what the server actually retains). */
  heapAfterGcMb: number;
}

/** The server under measurement. */
export class BenchClient {
  private readonly waiters = new Map<string, { version: number; resolve: (at: bigint) => void }>();
  private stderr = '';
  private gcWaiter: ((sample: { rss: number; heapUsed: number }) => void) | undefined;
  private readonly versions = new Map<string, number>();
  initializeResult!: InitializeResult;
  /** When the process was spawned (hrtime). */
  readonly spawnedAt: bigint;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.spawnedAt = process.hrtime.bigint();
  }

  /** Spawns the server; `memoryProbe` loads the GC preload (with --expose-gc) so {@link memory} works. */
  static start(options: { memoryProbe?: boolean } = {}): BenchClient {
    const flags = [...(options.memoryProbe ? ['--expose-gc', '--require', gcPreload] : []), ...profileFlags()];
    const child = spawn(process.execPath, [...flags, serverPath, '--stdio'], { cwd: repoRoot, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => client.onStderr(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
      client.onDiagnostics(params),
    );
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => {});
    connection.listen();
    return client;
  }

  private onStderr(text: string): void {
    this.stderr = (this.stderr + text).slice(-20000);
    const match = gcLine.exec(this.stderr);
    if (match && this.gcWaiter) {
      this.stderr = this.stderr.slice(match.index + match[0].length);
      const waiter = this.gcWaiter;
      this.gcWaiter = undefined;
      waiter({ rss: Number(match[1]), heapUsed: Number(match[2]) });
    }
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    const at = process.hrtime.bigint();
    const waiter = this.waiters.get(params.uri);
    if (waiter && params.version === waiter.version) {
      this.waiters.delete(params.uri);
      waiter.resolve(at);
    }
  }

  /** Sends initialize + initialized over a workspace folder. */
  async initialize(workspace: string): Promise<InitializeResult> {
    const uri = pathToFileURL(workspace).href;
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      workspaceFolders: [{ uri, name: path.basename(workspace) }],
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** Resolves (with the arrival time) when diagnostics for `version` of `uri` are published. */
  private diagnosticsOf(uri: string, version: number, timeoutMs = 120000): Promise<bigint> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(uri);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(uri, {
        version,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  }

  /** Opens a document (version 1); resolves with the time its first diagnostics arrive. */
  async open(fileName: string, text: string): Promise<{ uri: string; published: Promise<bigint> }> {
    const uri = pathToFileURL(fileName).href;
    this.versions.set(uri, 1);
    const published = this.diagnosticsOf(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[path.extname(fileName)] ?? 'plaintext', version: 1, text },
    });
    return { uri, published };
  }

  /**
   * Sends one incremental change (replace `start`..`end` with `text`) and resolves with the time the
   * diagnostics of the new version arrive.
   */
  async edit(uri: string, start: Position, end: Position, text: string): Promise<bigint> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.diagnosticsOf(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
    return published;
  }

  /** Sends a request and returns its answer. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  /** Forces a full collection in the server and reads its memory (needs `memoryProbe`). */
  memory(timeoutMs = 10000): Promise<MemorySample> {
    return new Promise((resolve, reject) => {
      const before = readRssMb(this.child.pid);
      const timer = setTimeout(
        () => reject(new Error('the server did not report its memory (was it started with memoryProbe?)')),
        timeoutMs,
      );
      this.gcWaiter = ({ rss, heapUsed }) => {
        clearTimeout(timer);
        const mb = (n: number) => n / 1024 / 1024;
        resolve({ rssMb: before ?? mb(rss), rssAfterGcMb: mb(rss), heapAfterGcMb: mb(heapUsed) });
      };
      this.child.kill('SIGUSR2');
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    // Let the server exit by itself (a CPU profile is written on a normal exit), then make sure.
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** The resident set size of a process from /proc (Linux), before any forced collection. */
function readRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
