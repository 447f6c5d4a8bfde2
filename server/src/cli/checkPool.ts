/**
 * `mp-userinfo check --jobs N`: the sorted files are cut into batches of neighbouring files (a page's
 * script and markup stay together), which N threads take from one queue as they finish the previous one:
 * the main thread and N−1 worker threads (checkWorker.ts), each with its own ProjectIndex. Batches are
 * reported in queue order, so the output is the same as checking the files one by one.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/analyze';
import type { CheckOutput, FileChecker } from './checkFiles';

/** What a worker is started with. */
export interface WorkerSetup {
  cwd: string;
  options: AnalysisOptions;
}

/** A batch sent to a worker: `files` are absolute paths, in order. */
export interface ToWorker {
  batch: number;
  files: string[];
}

/** A worker's answer for a batch: its findings and notices, or the error that stopped it. */
export type FromWorker = ({ batch: number } & CheckOutput) | { batch: number; error: string };

/**
 * Runs with fewer files than this are checked on the main thread alone: starting a worker (loading the
 * bundle, about 0.4 s of CPU) costs more than it saves. The tests lower it (MP_USERINFO_PARALLEL_FILES)
 * to run the fixtures on workers.
 */
export const parallelThreshold = 50;

/** Batches a worker holds at once, so it never waits for the (busy) main thread to send the next. */
const inFlight = 2;

/**
 * The worker: dist/checkWorker.js beside the bundled CLI, never a path or code chosen at run time. Running
 * from source (the tests call runCheck in-process under tsx) there is none, and the check runs on the main
 * thread.
 */
function workerScript(): string | undefined {
  const bundled = path.join(__dirname, 'checkWorker.js');
  return existsSync(bundled) ? bundled : undefined;
}

/** How many neighbouring files go in a batch: small enough for the threads to finish together, large enough to keep messages few. */
function batchSizeFor(files: number, jobs: number): number {
  return Math.max(8, Math.min(64, Math.ceil(files / (jobs * 8))));
}

/**
 * Checks `files` (sorted) on up to `jobs` threads and returns the findings and notices in file order.
 * `checker` is the main thread's; the workers make their own from `setup`.
 */
export async function checkFiles(
  files: readonly string[],
  jobs: number,
  checker: FileChecker,
  setup: WorkerSetup,
  threshold = parallelThreshold,
): Promise<CheckOutput> {
  const worker = jobs > 1 && files.length >= threshold ? workerScript() : undefined;
  if (!worker) {
    const out: CheckOutput = { findings: [], notices: [] };
    checker.checkAll(files, out);
    return out;
  }
  const size = batchSizeFor(files.length, jobs);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const results: Array<CheckOutput | undefined> = new Array(batches.length);
  let next = 0;
  let pending = batches.length;
  let failure: Error | undefined;
  let settle: (() => void) | undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const finished = (batch: number, output: CheckOutput) => {
    results[batch] = output;
    if (--pending === 0) settle!();
  };
  const fail = (error: Error) => {
    failure ??= error;
    settle!();
  };

  const threads: Worker[] = [];
  const dispatch = (thread: Worker) => {
    if (failure || next >= batches.length) return;
    const batch = next++;
    thread.postMessage({ batch, files: batches[batch]! } satisfies ToWorker);
  };
  const workerCount = Math.min(jobs - 1, batches.length - 1);
  for (let i = 0; i < workerCount; i++) {
    const thread = new Worker(worker, { workerData: setup satisfies WorkerSetup });
    threads.push(thread);
    thread.on('message', (reply: FromWorker) => {
      if ('error' in reply) return fail(new Error(reply.error));
      finished(reply.batch, { findings: reply.findings, notices: reply.notices });
      dispatch(thread);
    });
    thread.on('error', fail);
    thread.on('exit', (code) => {
      if (pending > 0) fail(new Error(`a check worker stopped (exit code ${code}) before its files were checked`));
    });
    for (let k = 0; k < inFlight; k++) dispatch(thread);
  }

  try {
    // The main thread takes batches too, yielding between them so that workers' answers get their next batch.
    while (!failure && next < batches.length) {
      const batch = next++;
      const out: CheckOutput = { findings: [], notices: [] };
      checker.checkAll(batches[batch]!, out);
      finished(batch, out);
      await turn();
    }
    await done;
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  if (failure) throw failure;
  const out: CheckOutput = { findings: [], notices: [] };
  for (const result of results) {
    for (const finding of result!.findings) out.findings.push(finding);
    for (const notice of result!.notices) out.notices.push(notice);
  }
  return out;
}
