/**
 * Running the measured programs as child processes: wall time from spawn to exit, peak RSS (reported
 * by a preload script, so any Node program can be measured unchanged), and the captured output.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

export const benchRoot = __dirname;
export const repoRoot = path.resolve(__dirname, '..');
/**
 * The bundles to measure: dist/ of this checkout, or BENCH_DIST (the dist/ of another checkout, to
 * compare a change against the same corpus and harness).
 */
export const sourceDistDir = path.resolve(process.env['BENCH_DIST'] ?? path.join(repoRoot, 'dist'));
/**
 * Where {@link snapshotDist} copies them: every measured process runs this copy, so a rebuild of dist/
 * during the run (others' tests build it too) cannot change what is measured halfway through.
 */
export const distDir = path.join(benchRoot, '.build', 'dist');
const bundles = ['cli.js', 'checkWorker.js', 'server.js'];

/** Copies the bundles (and the rules document the server links to, `../docs/rules.md`) to {@link distDir}. */
export function snapshotDist(): void {
  for (const bundle of bundles) {
    const from = path.join(sourceDistDir, bundle);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm run build first`);
  }
  mkdirSync(distDir, { recursive: true });
  for (const bundle of bundles) copyFileSync(path.join(sourceDistDir, bundle), path.join(distDir, bundle));
  const rules = path.join(repoRoot, 'docs', 'rules.md');
  mkdirSync(path.join(distDir, '..', 'docs'), { recursive: true });
  if (existsSync(rules)) copyFileSync(rules, path.join(distDir, '..', 'docs', 'rules.md'));
}
const maxRssPreload = path.join(benchRoot, 'preload', 'reportMaxRss.cjs');
const maxRssLine = /\n\[bench\] maxrss-kib=(\d+)\n$/;

/**
 * `--cpu-prof` flags when BENCH_PROFILE_DIR is set: every measured program then writes a CPU profile
 * there (and runs slower, so the figures of such a run are for locating costs, not for reporting).
 */
export function profileFlags(): string[] {
  const dir = process.env['BENCH_PROFILE_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/** One finished run of a Node program. */
export interface ProcessRun {
  ms: number;
  /** Peak resident set size in MiB. */
  maxRssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> <args…>` and measures it. Rejects when it exits with a code not in `okCodes`. */
export function runNode(
  script: string,
  args: readonly string[],
  options: { cwd?: string; okCodes?: readonly number[] } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', maxRssPreload, ...profileFlags(), script, ...args], {
      cwd: options.cwd ?? repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const stderrAll = Buffer.concat(err).toString();
      const match = maxRssLine.exec(stderrAll);
      const stderr = match ? stderrAll.slice(0, match.index) : stderrAll;
      const run = {
        ms,
        maxRssMb: match ? Number(match[1]) / 1024 : Number.NaN,
        code,
        stdout: Buffer.concat(out).toString(),
        stderr,
      };
      if (!(options.okCodes ?? [0]).includes(code ?? -1)) {
        reject(new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 2000)}`));
      } else {
        resolve(run);
      }
    });
  });
}
