/**
 * Figures 1, 2 and 5: `mp-userinfo check` against the parse-only baseline and against ESLint, each
 * pair run back to back in alternating order so that load from other processes hits both alike; the
 * headline is the median of the per-pair ratios.
 */
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

/** `mp-userinfo check <target> --format json`; fails unless the output is a JSON list of findings. */
export async function runCheck(target: string): Promise<CheckedRun> {
  const run = await runNode(cliPath, ['check', target, '--format', 'json', '--exit-zero']);
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
  if (corpus.spec.kind === 'large-file') return `one ${formatCount(corpus.spec.lines)}-line page`;
  return `${formatCount(corpus.spec.files)} files, ${Math.round(corpus.spec.share * 100)} % user-info pages`;
}

/** Figure 1 for one corpus: check vs parse-only. */
export function checkVsParseFigure(id: string, corpus: CorpusInfo, samples: Paired): Figure {
  const share = corpus.spec.kind === 'workspace' ? corpus.spec.share : 1;
  const limit = share >= 1 ? 1.3 : 0.3;
  const ratio = median(samples.ratios);
  return {
    id,
    name: `check vs parse-only, ${describe(corpus)}`,
    measured: `${formatMs(ms(samples.ours))} (${formatCount(samples.ours[0]!.results)} findings)`,
    baseline: `parse-only ${formatMs(ms(samples.baseline))}`,
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

/** Figure 2 for one corpus: check vs ESLint (the ratio is how many times faster we are). */
export function checkVsEslintFigure(id: string, corpus: CorpusInfo, samples: Paired): Figure {
  const speedups = samples.ratios.map((r) => 1 / r);
  const speedup = median(speedups);
  return {
    id,
    name: `check vs ESLint (no-restricted-syntax), ${describe(corpus)}`,
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
