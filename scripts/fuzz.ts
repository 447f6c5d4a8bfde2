/**
 * `npm run fuzz`: the bounded fuzz campaign. Every target of test/fuzz/targets.ts runs its campaign
 * share of generated inputs (over 100,000 in all), split into seeded shards that worker processes take
 * from a queue. Each input must pass its target's properties within its time budget (see
 * test/fuzz/properties.ts: no exception escapes, well-formed results, the same result when computed
 * again). A worker that stops reporting progress is killed and counted as a hang.
 *
 *   npm run fuzz                                  full campaign, fresh seed
 *   npm run fuzz -- --seed 42                     reproduce a campaign
 *   npm run fuzz -- --target markup --scale 0.1   one target, a tenth of its inputs
 *   npm run fuzz -- --jobs 1                      one worker (default: min(2, CPUs))
 *
 * After the targets (unless one was chosen), the built CLI (dist/cli.js, `npm run build`) checks a
 * generated project of 50,000 files, which must finish within five minutes.
 *
 * Prints the input count per target and in total, and each failure with its seed, path and input;
 * exits 1 when any input failed.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { propertyOf, targets, type FuzzTarget } from '../test/fuzz/targets';
import { buildManyFiles, tempFolder } from '../test/robustness/hostileWorkspace';

/** Inputs per shard: small enough to balance two workers, large enough to amortise start-up. */
const shardSize = 2500;
/** A worker that reports nothing for this long is stuck on one input. */
const stallMs = 120_000;

interface Shard {
  target: string;
  seed: number;
  runs: number;
}

type WorkerMessage =
  | { kind: 'progress'; inputs: number; current?: string }
  | { kind: 'done'; shard: Shard; inputs: number; unreported: number; ms: number; failure?: string };

// ---- worker ------------------------------------------------------------------------------------

function runShard(shard: Shard): WorkerMessage {
  const t = targets.find((x) => x.name === shard.target)!;
  let inputs = 0;
  let reported = 0;
  let lastSent = 0;
  // Slow targets name each input before running it, so that a hang is reported with its input.
  const slow = t.budgetMs >= 3000;
  const start = performance.now();
  const details = fc.check(
    propertyOf(t, (input) => {
      inputs++;
      const now = performance.now();
      if (!slow && now - lastSent < 1000) return;
      const message: WorkerMessage = { kind: 'progress', inputs: inputs - reported };
      if (slow) message.current = t.describe(input);
      process.send!(message);
      reported = inputs;
      lastSent = now;
    }),
    { seed: shard.seed, numRuns: shard.runs, endOnFailure: false },
  );
  const ms = performance.now() - start;
  const counted = Math.min(details.numRuns, shard.runs);
  const done: WorkerMessage = { kind: 'done', shard, inputs: counted, unreported: Math.max(0, counted - reported), ms };
  if (details.failed) done.failure = describeFailure(t, shard, details);
  return done;
}

function describeFailure(t: FuzzTarget, shard: Shard, details: fc.RunDetails<[unknown]>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const input = details.counterexample ? t.describe(details.counterexample[0]) : '(no counterexample)';
  return [
    `${t.name}: ${error.split('\n').slice(0, 6).join('\n  ')}`,
    `  input: ${input}`,
    `  reproduce: fc.assert(propertyOf(target '${t.name}'), { seed: ${shard.seed}, path: '${details.counterexamplePath ?? ''}' })`,
  ].join('\n');
}

if (process.argv.includes('--worker')) {
  process.on('message', (shard: Shard) => {
    process.send!(runShard(shard));
  });
} else {
  void main();
}

// ---- coordinator -------------------------------------------------------------------------------

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
  const scale = Number(option('scale') ?? 1);
  const only = option('target');
  const jobs = Math.max(1, Number(option('jobs') ?? Math.min(2, availableParallelism())));
  const chosen = targets.filter((t) => !only || t.name === only);
  if (chosen.length === 0 || !Number.isFinite(seed) || !(scale > 0)) {
    console.error(`usage: npm run fuzz -- [--seed n] [--scale f] [--jobs n] [--target ${targets.map((t) => t.name).join('|')}]`);
    process.exit(2);
  }

  const queue: Shard[] = [];
  for (const [i, t] of chosen.entries()) {
    const total = Math.max(1, Math.round(t.campaignRuns * scale));
    for (let done = 0, shard = 0; done < total; done += shardSize, shard++) {
      queue.push({
        target: t.name,
        seed: (seed + i * 7919 + shard * 104_729) % 2 ** 31,
        runs: Math.min(shardSize, total - done),
      });
    }
  }
  // Long shards first, so the last worker does not start the slowest target alone.
  queue.sort((a, b) => budgetOf(b) * b.runs - budgetOf(a) * a.runs);
  const planned = queue.reduce((n, s) => n + s.runs, 0);
  console.log(`fuzz: ${planned.toLocaleString('en')} inputs over ${chosen.length} targets, seed ${seed}, ${jobs} workers`);

  const started = performance.now();
  const perTarget = new Map<string, { inputs: number; ms: number; failures: number }>(
    chosen.map((t) => [t.name, { inputs: 0, ms: 0, failures: 0 }]),
  );
  const failures: string[] = [];
  let progress = 0;
  const ticker = setInterval(() => {
    console.log(
      `  … ${progress.toLocaleString('en')} / ${planned.toLocaleString('en')} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }, 30_000);

  const worker = (): Promise<void> =>
    new Promise((resolve) => {
      const child: ChildProcess = fork(__filename, ['--worker'], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current: Shard | undefined;
      let currentInput = '';
      let killed = false;
      let lastHeard = performance.now();
      const next = () => {
        current = queue.shift();
        if (current) child.send(current);
        else child.disconnect();
      };
      const watchdog = setInterval(() => {
        if (current && performance.now() - lastHeard > stallMs) {
          failures.push(
            `${current.target}: no progress for ${stallMs / 1000} s (a hang) in the shard with seed ${current.seed}` +
              (currentInput ? `\n  input: ${currentInput}` : ''),
          );
          perTarget.get(current.target)!.failures++;
          current = undefined;
          killed = true;
          child.kill('SIGKILL');
        }
      }, 5000);
      child.on('message', (message: WorkerMessage) => {
        lastHeard = performance.now();
        if (message.kind === 'progress') {
          progress += message.inputs;
          currentInput = message.current ?? '';
          return;
        }
        const stats = perTarget.get(message.shard.target)!;
        stats.inputs += message.inputs;
        stats.ms += message.ms;
        progress += message.unreported;
        if (message.failure) {
          stats.failures++;
          failures.push(message.failure);
        }
        next();
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        if (killed) {
          void worker().then(resolve);
          return;
        }
        if (current) {
          failures.push(
            `${current.target}: the worker exited (${signal ?? `code ${code}`}) in the shard with seed ${current.seed}`,
          );
          perTarget.get(current.target)!.failures++;
          // The rest of the queue goes to a fresh worker.
          void worker().then(resolve);
          return;
        }
        resolve();
      });
      next();
    });

  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
  clearInterval(ticker);

  if (!only) {
    const failure = manyFilesStage(50_000);
    if (failure) failures.push(failure);
  }

  const seconds = (performance.now() - started) / 1000;
  let total = 0;
  console.log('\ntarget               inputs   failures   ms/input');
  for (const [name, stats] of perTarget) {
    total += stats.inputs;
    const perInput = stats.inputs ? (stats.ms / stats.inputs).toFixed(2) : '-';
    console.log(
      `${name.padEnd(18)} ${stats.inputs.toLocaleString('en').padStart(8)} ${String(stats.failures).padStart(10)} ${perInput.padStart(10)}`,
    );
  }
  console.log(
    `\nfuzz: ${total.toLocaleString('en')} inputs, ${failures.length} failures, ${seconds.toFixed(0)} s (seed ${seed})`,
  );
  for (const failure of failures) console.log(`\nFAILED ${failure}`);
  process.exit(failures.length ? 1 : 0);
}

function budgetOf(shard: Shard): number {
  return targets.find((t) => t.name === shard.target)!.budgetMs;
}

/** Runs the built CLI over `count` generated files; a failure message, or undefined. */
function manyFilesStage(count: number): string | undefined {
  const root = tempFolder('fuzz-many');
  try {
    buildManyFiles(root, count);
    const start = performance.now();
    const cli = path.join(__dirname, '..', 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'check', '.', '--exit-zero'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - start) / 1000;
    const checked = new RegExp(`${count.toLocaleString('en')} files checked|${count} files checked`).test(run.stdout);
    console.log(
      `\nworkspace: mp-userinfo check over ${count.toLocaleString('en')} files, exit ${run.status}, ${seconds.toFixed(0)} s`,
    );
    if (run.status !== 0 || !checked || run.stderr) {
      return `workspace: checking ${count} files gave exit ${run.status ?? run.signal}${run.error ? ` (${run.error.message})` : ''}: ${(run.stderr || run.stdout).slice(-400)}`;
    }
    return undefined;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
