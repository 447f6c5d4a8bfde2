/**
 * Figures 1, 2, 5 and 6: `mp-userinfo check` against the parse-only baseline and against ESLint (both
 * single-threaded, so check runs with `--jobs 1`), and check on every core against `--jobs 1`; each pair
 * run back to back in alternating order so that load from other processes hits both alike; the headline
 * is the median of the per-pair ratios. Figure 6 also compares the peak memory of runs of 2,000 and
 * 10,000 files.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { formatCount, formatMb, formatMs, formatRatio, type Figure } from './figures';
import type { CorpusInfo } from './generateCorpus';
import { benchRoot, distDir, repoRoot, runNode, type ProcessRun } from './processes';
import { linearFit, median } from './stats';

const cliPath = path.join(distDir, 'cli.js');
/** Where run.ts bundles the parse-only baseline. */
export const parseOnlyPath = path.join(benchRoot, '.build', 'parseOnly.js');
const eslintPath = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
const eslintConfig = path.join(benchRoot, 'eslint.baseline.config.mjs');

/** A run of one program over a corpus, with what it reported. */
export interface CheckedRun extends ProcessRun {
  /** Findings (CLI), messages (ESLint) or parsed scripts (parse-only). */
  results: number;
}

/** The threads `check` uses by default: one per core. */
export const allCores = os.availableParallelism?.() ?? os.cpus().length;

/**
 * `mp-userinfo check <target> --format json --jobs <jobs>`; fails unless the output is a JSON list of
 * findings. `jobs` 1 checks on the main thread only, like the single-threaded baselines.
 */
export async function runCheck(target: string, jobs: number): Promise<CheckedRun> {
  const run = await runNode(cliPath, ['check', target, '--format', 'json', '--exit-zero', '--jobs', String(jobs)]);
  const findings: unknown = JSON.parse(run.stdout);
  if (!Array.isArray(findings)) throw new Error('mp-userinfo check --format json did not print a list');
  return { ...run, results: findings.length };
}

/** The parse-only baseline; fails unless it saw the corpus's files. */
export async function runParseOnly(target: string, expectedFiles: number): Promise<CheckedRun> {
  const run = await runNode(parseOnlyPath, [target]);
  const summary = JSON.parse(run.stdout) as { files: number; parsed: number };
  if (summary.files !== expectedFiles) throw new Error(`parse-only saw ${summary.files} files, expected ${expectedFiles}`);
  return { ...run, results: summary.parsed };
}

/** ESLint with the approximating selectors; fails unless it linted every script. */
export async function runEslint(target: string, expectedScripts: number): Promise<CheckedRun> {
  const run = await runNode(eslintPath, ['--no-config-lookup', '--config', eslintConfig, '--format', 'json', target], {
    okCodes: [0, 1],
  });
  const results = JSON.parse(run.stdout) as Array<{ messages: unknown[] }>;
  if (results.length !== expectedScripts) throw new Error(`ESLint linted ${results.length} files, expected ${expectedScripts}`);
  return { ...run, results: results.reduce((n, r) => n + r.messages.length, 0) };
}

/** Paired samples of two programs. */
export interface Paired {
  ours: CheckedRun[];
  baseline: CheckedRun[];
  /** ours.ms / baseline.ms per pair. */
  ratios: number[];
}

/** Runs both programs `runs` times, alternating which goes first. */
export async function paired(
  ours: () => Promise<CheckedRun>,
  baseline: () => Promise<CheckedRun>,
  runs: number,
): Promise<Paired> {
  const result: Paired = { ours: [], baseline: [], ratios: [] };
  for (let i = 0; i < runs; i++) {
    let a: CheckedRun;
    let b: CheckedRun;
    if (i % 2 === 0) {
      b = await baseline();
      a = await ours();
    } else {
      a = await ours();
      b = await baseline();
    }
    result.ours.push(a);
    result.baseline.push(b);
    result.ratios.push(a.ms / b.ms);
  }
  return result;
}

const ms = (runs: readonly ProcessRun[]) => median(runs.map((r) => r.ms));
const rss = (runs: readonly ProcessRun[]) => median(runs.map((r) => r.maxRssMb));

function describe(corpus: CorpusInfo): string {
  const vue = corpus.spec.vue ? ' .vue' : '';
  if (corpus.spec.kind === 'large-file') return `one ${formatCount(corpus.spec.lines)}-line${vue} page`;
  return `${formatCount(corpus.spec.files)}${vue} files, ${Math.round(corpus.spec.share * 100)} % user-info pages`;
}

/**
 * Figure 1 (7 for the `.vue` slice) for one corpus: check (`--jobs 1`) vs parse-only, which for `.vue` files is
 * the SFC parse plus the script blocks' TypeScript parse (baselines/vueParse.ts).
 */
export function checkVsParseFigure(id: string, corpus: CorpusInfo, samples: Paired): Figure {
  const share = corpus.spec.kind === 'workspace' ? corpus.spec.share : 1;
  const limit = share >= 1 ? 1.3 : 0.3;
  const ratio = median(samples.ratios);
  return {
    id,
    name: `check --jobs 1 vs parse-only, ${describe(corpus)}`,
    measured: `${formatMs(ms(samples.ours))} (${formatCount(samples.ours[0]!.results)} findings)`,
    baseline: `${corpus.spec.vue ? 'SFC + script parse-only' : 'parse-only'} ${formatMs(ms(samples.baseline))}`,
    ratio: formatRatio(ratio),
    target: `≤ ${limit}`,
    met: ratio <= limit,
    data: {
      corpus: path.basename(corpus.root),
      files: corpus.files,
      runs: samples.ratios.length,
      oursMs: samples.ours.map((r) => r.ms),
      baselineMs: samples.baseline.map((r) => r.ms),
      ratios: samples.ratios,
      ratio,
      findings: samples.ours[0]!.results,
      oursMaxRssMb: samples.ours.map((r) => r.maxRssMb),
      baselineMaxRssMb: samples.baseline.map((r) => r.maxRssMb),
    },
  };
}

/** Figure 2 for one corpus: check (`--jobs 1`) vs ESLint (the ratio is how many times faster we are). */
export function checkVsEslintFigure(id: string, corpus: CorpusInfo, samples: Paired): Figure {
  const speedups = samples.ratios.map((r) => 1 / r);
  const speedup = median(speedups);
  return {
    id,
    name: `check --jobs 1 vs ESLint (no-restricted-syntax), ${describe(corpus)}`,
    measured: formatMs(ms(samples.ours)),
    baseline: `ESLint ${formatMs(ms(samples.baseline))} (${formatCount(samples.baseline[0]!.results)} reports)`,
    ratio: `${formatRatio(speedup)} faster`,
    target: '≥ 5× faster',
    met: speedup >= 5,
    data: {
      corpus: path.basename(corpus.root),
      runs: speedups.length,
      oursMs: samples.ours.map((r) => r.ms),
      eslintMs: samples.baseline.map((r) => r.ms),
      speedups,
      speedup,
      eslintReports: samples.baseline[0]!.results,
      eslintMaxRssMb: samples.baseline.map((r) => r.maxRssMb),
    },
  };
}

/** One size of a scaling series. */
export interface ScalingPoint {
  files: number;
  samples: Paired;
}

/**
 * Figure 5 for one share: how time and peak memory grow with the workspace. The per-file cost is the
 * slope of a least-squares line through the medians (startup drops out); the curve is called linear
 * when the marginal cost per file from the middle to the largest size is within 1.5× of that from the
 * smallest to the middle size.
 */
export function scalingFigures(idPrefix: string, share: number, points: readonly ScalingPoint[]): Figure[] {
  const sizes = points.map((p) => formatCount(p.files)).join(' / ');
  const label = `${Math.round(share * 100)} % user-info pages`;
  const series = (pick: (runs: readonly ProcessRun[]) => number, side: 'ours' | 'baseline') =>
    points.map((p) => [p.files, pick(p.samples[side])] as const);
  const marginal = (values: ReadonlyArray<readonly [number, number]>) => {
    if (values.length < 3) return undefined;
    const [a, b, c] = values as [readonly [number, number], readonly [number, number], readonly [number, number]];
    return (c[1] - b[1]) / (c[0] - b[0]) / ((b[1] - a[1]) / (b[0] - a[0]));
  };
  const figure = (kind: 'time' | 'memory'): Figure => {
    const pick = kind === 'time' ? ms : rss;
    const ours = series(pick, 'ours');
    const base = series(pick, 'baseline');
    const fitOurs = linearFit(ours);
    const fitBase = linearFit(base);
    const curve = marginal(ours);
    const unit = kind === 'time' ? (v: number) => `${v.toFixed(2)} ms` : (v: number) => `${(v * 1024).toFixed(0)} KB`;
    const format = kind === 'time' ? formatMs : formatMb;
    return {
      id: `${idPrefix}${kind === 'time' ? 'a' : 'b'}`,
      name: `scaling, ${kind === 'time' ? 'time' : 'peak memory'} at ${sizes} files, ${label}`,
      measured: `${ours.map(([, v]) => format(v)).join(' / ')}; ${unit(fitOurs.slope)} per file`,
      baseline: `parse-only ${base.map(([, v]) => format(v)).join(' / ')}; ${unit(fitBase.slope)} per file`,
      ratio: curve === undefined ? `R² ${fitOurs.r2.toFixed(3)}` : `marginal ${formatRatio(curve)}, R² ${fitOurs.r2.toFixed(3)}`,
      target: 'linear (marginal ≤ 1.5×)',
      met: curve === undefined ? null : curve <= 1.5,
      ...(curve === undefined ? { note: 'two sizes in quick mode: no curve' } : {}),
      data: {
        share,
        sizes: points.map((p) => p.files),
        ours,
        baseline: base,
        perFileOurs: fitOurs.slope,
        perFileBaseline: fitBase.slope,
        r2: fitOurs.r2,
        marginal: curve,
      },
    };
  };
  return [figure('time'), figure('memory')];
}

/**
 * Figures 6a (2,000 files) and 6d (10,000): check on every core (`--jobs <cores>`, the default) against
 * `--jobs 1` on the same corpus; the ratio is the speed-up. The target is 0.8× the cores (1.6× on two);
 * none on one core. Fails unless both print the same report.
 */
export function jobsSpeedupFigure(id: string, corpus: CorpusInfo, samples: Paired): Figure {
  const speedups = samples.ratios.map((r) => 1 / r);
  const speedup = median(speedups);
  const target = allCores >= 2 ? 0.8 * allCores : undefined;
  const parallel = samples.ours[0]!;
  const single = samples.baseline[0]!;
  if (parallel.results !== single.results)
    throw new Error(`--jobs ${allCores} found ${parallel.results} findings, --jobs 1 ${single.results}`);
  if (parallel.stdout !== single.stdout) throw new Error(`--jobs ${allCores} and --jobs 1 printed different reports`);
  return {
    id,
    name: `check --jobs ${allCores} (all cores) vs --jobs 1, ${describe(corpus)}`,
    measured: `${formatMs(ms(samples.ours))} (${formatCount(parallel.results)} findings, peak RSS ${formatMb(rss(samples.ours))})`,
    baseline: `--jobs 1 ${formatMs(ms(samples.baseline))} (peak RSS ${formatMb(rss(samples.baseline))})`,
    ratio: `${formatRatio(speedup)} faster`,
    target: target === undefined ? '' : `≥ ${formatRatio(target)} on ${allCores} cores`,
    met: target === undefined ? null : speedup >= target,
    ...(target === undefined ? { note: 'one core: no target' } : {}),
    data: {
      corpus: path.basename(corpus.root),
      cores: allCores,
      runs: speedups.length,
      oursMs: samples.ours.map((r) => r.ms),
      singleMs: samples.baseline.map((r) => r.ms),
      speedups,
      speedup,
      oursMaxRssMb: samples.ours.map((r) => r.maxRssMb),
      singleMaxRssMb: samples.baseline.map((r) => r.maxRssMb),
    },
  };
}

/**
 * Figures 6b–c: the peak RSS of check over 10,000 files against 2,000 (same share), with `jobs` threads.
 * The check keeps only each file's findings, so the ratio should stay near 1 and the marginal memory per
 * file small.
 */
export function cliMemoryFigure(
  id: string,
  jobs: number,
  small: CorpusInfo,
  smallRuns: readonly CheckedRun[],
  large: CorpusInfo,
  largeRuns: readonly CheckedRun[],
): Figure {
  const smallMb = rss(smallRuns);
  const largeMb = rss(largeRuns);
  const ratio = largeMb / smallMb;
  const perFileKb = ((largeMb - smallMb) * 1024) / (large.files - small.files);
  return {
    id,
    name: `check --jobs ${jobs}${jobs === allCores ? ' (all cores)' : ''} peak RSS, ${formatCount(large.files)} vs ${formatCount(small.files)} files`,
    measured: `${formatMb(largeMb)} (${formatCount(largeRuns[0]!.results)} findings); ${perFileKb.toFixed(1)} KB per extra file`,
    baseline: `${formatCount(small.files)} files ${formatMb(smallMb)}`,
    ratio: formatRatio(ratio),
    target: '≤ 1.2×, ≤ 5 KB per file',
    met: ratio <= 1.2 && perFileKb <= 5,
    data: {
      jobs,
      corpora: [path.basename(small.root), path.basename(large.root)],
      smallMaxRssMb: smallRuns.map((r) => r.maxRssMb),
      largeMaxRssMb: largeRuns.map((r) => r.maxRssMb),
      smallMs: smallRuns.map((r) => r.ms),
      largeMs: largeRuns.map((r) => r.ms),
      ratio,
      perFileKb,
    },
  };
}
