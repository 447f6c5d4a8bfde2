/**
 * `npm run bench`: generates the corpus (unless it is already there), runs every figure of issue 8,
 * prints the table and writes bench/results.json.
 *
 *   node --import tsx bench/run.ts [--quick] [--corpus-only] [--only=cli,jobs,eslint,server,memory,vue] [--out=file.json]
 *
 * `--quick` measures the 200 and 2,000-file workspaces only (and 10,000 files for figure 6), with fewer
 * runs, keystrokes and edits (about four minutes); the default is the full run (about fifteen minutes on
 * two cores). `vue` is the `.vue` slice (figure 7): uni-app pages, checked against the SFC + script parse.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import {
  allCores,
  checkVsEslintFigure,
  cliMemoryFigure,
  checkVsParseFigure,
  jobsSpeedupFigure,
  paired,
  parseOnlyPath,
  runCheck,
  runEslint,
  runParseOnly,
  scalingFigures,
  type Paired,
  type ScalingPoint,
} from './cliBench';
import { renderTable, type Figure } from './figures';
import { corpusName, ensureCorpus, type CorpusInfo, type CorpusSpec } from './generateCorpus';
import { benchRoot, repoRoot, snapshotDist, sourceDistDir } from './processes';
import { editorFigures, firstDiagnosticsFigure, memoryFigures, typingFigure } from './serverBench';

type Section = 'cli' | 'jobs' | 'eslint' | 'server' | 'memory' | 'vue';
const sections: readonly Section[] = ['cli', 'jobs', 'eslint', 'server', 'memory', 'vue'];

interface Plan {
  quick: boolean;
  sizes: number[];
  /** Workspace sizes of the `.vue` slice (figure 7). */
  vueSizes: number[];
  shares: number[];
  largeLines: number[];
  /** Paired runs per workspace size. */
  runs: (files: number) => number;
  eslintRuns: number;
  /** Paired runs of figures 6a and 6d (all cores vs --jobs 1, 2,000 and 10,000 files), runs per size of 6b–c (peak RSS). */
  jobsRuns: number;
  jobsLargeRuns: number;
  rssRuns: number;
  /** The workspace ESLint is compared on, and the one the server opens for memory. */
  eslintFiles: number;
  memoryFiles: number;
  keystrokes: number;
  curveKeystrokes: number;
  requests: number;
  starts: number;
  edits: number;
}

function planOf(quick: boolean): Plan {
  return quick
    ? {
        quick,
        sizes: [200, 2000],
        vueSizes: [200, 2000],
        shares: [1, 0.05],
        largeLines: [1000, 5000],
        runs: () => 3,
        eslintRuns: 1,
        jobsRuns: 3,
        jobsLargeRuns: 1,
        rssRuns: 1,
        eslintFiles: 2000,
        memoryFiles: 2000,
        keystrokes: 100,
        curveKeystrokes: 40,
        requests: 60,
        starts: 3,
        edits: 1000,
      }
    : {
        quick,
        sizes: [200, 2000, 10000],
        // 10,000 `.vue` files would add about four minutes to a run that should stay under ten; the curve is figure 5's.
        vueSizes: [200, 2000],
        shares: [1, 0.05],
        largeLines: [1000, 5000, 20000],
        runs: (files) => (files >= 10000 ? 2 : files >= 2000 ? 3 : 5),
        eslintRuns: 3,
        jobsRuns: 5,
        jobsLargeRuns: 2,
        rssRuns: 2,
        eslintFiles: 2000,
        memoryFiles: 2000,
        keystrokes: 300,
        curveKeystrokes: 60,
        requests: 200,
        starts: 5,
        edits: 10000,
      };
}

function parseArgs(argv: string[]): { quick: boolean; corpusOnly: boolean; only: Set<Section>; out: string } {
  let quick = false;
  let corpusOnly = false;
  let out = path.join(benchRoot, 'results.json');
  let only = new Set<Section>(sections);
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--corpus-only') corpusOnly = true;
    else if (arg.startsWith('--out=')) out = path.resolve(arg.slice('--out='.length));
    else if (arg.startsWith('--only=')) {
      const wanted = arg.slice('--only='.length).split(',');
      const unknown = wanted.filter((w) => !sections.includes(w as Section));
      if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')} (known: ${sections.join(', ')})`);
      only = new Set(wanted as Section[]);
    } else {
      throw new Error(`unknown argument ${arg} (use --quick, --corpus-only, --only=${sections.join(',')}, --out=file.json)`);
    }
  }
  return { quick, corpusOnly, only, out };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function gitState(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'server', 'esbuild.mjs', 'package.json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const plan = planOf(args.quick);
  const started = Date.now();
  const corpusRoot = path.join(benchRoot, 'corpus');

  const sliceSpecs = (vue: boolean): CorpusSpec[] => [
    ...(vue ? plan.vueSizes : plan.sizes).flatMap((files) =>
      plan.shares.map((share): CorpusSpec => ({ kind: 'workspace', files, share, ...(vue ? { vue } : {}) })),
    ),
    ...plan.largeLines.map((lines): CorpusSpec => ({ kind: 'large-file', lines, ...(vue ? { vue } : {}) })),
  ];
  const specs: CorpusSpec[] = [];
  if (sections.some((section) => section !== 'vue' && args.only.has(section))) {
    specs.push(...sliceSpecs(false));
    // Figures 6b–c compare 2,000 with 10,000 files, in quick runs too.
    for (const files of [2000, 10000]) {
      if (!plan.sizes.includes(files)) specs.push({ kind: 'workspace', files, share: 1 });
    }
  }
  if (args.only.has('vue')) specs.push(...sliceSpecs(true));
  const corpora = new Map<string, CorpusInfo>();
  for (const spec of specs) {
    const t = Date.now();
    const { info, generated } = ensureCorpus(corpusRoot, spec);
    corpora.set(corpusName(spec), info);
    log(
      `${generated ? 'generated' : 'reusing'} ${corpusName(spec)} (${info.files} files, ${(info.bytes / 1e6).toFixed(1)} MB)${generated ? ` in ${Date.now() - t} ms` : ''}`,
    );
  }
  if (args.corpusOnly) return;
  const workspace = (files: number, share: number, vue = false) =>
    corpora.get(corpusName({ kind: 'workspace', files, share, ...(vue ? { vue } : {}) }))!;
  const large = (lines: number, vue = false) => corpora.get(corpusName({ kind: 'large-file', lines, ...(vue ? { vue } : {}) }))!;

  snapshotDist();
  // The baseline is bundled like the CLI, so both processes load TypeScript the same way.
  mkdirSync(path.dirname(parseOnlyPath), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(benchRoot, 'baselines', 'parseOnly.ts')],
    outfile: parseOnlyPath,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // The CLI's entry fields (esbuild.mjs), so both load the same build of @vue/compiler-dom.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });

  const loadBefore = os.loadavg();
  const figures: Figure[] = [];
  const scaling: Figure[] = [];

  /** Figure 1 (7 for `.vue`) on one corpus: `runs` alternating pairs of check and parse-only, after a warm-up. */
  const checkVsParse = async (id: string, corpus: CorpusInfo, runs: number): Promise<Paired> => {
    const target = corpus.script ?? corpus.root;
    const files = corpus.script ? 1 : corpus.files;
    log(`figure ${id}: check vs parse-only on ${path.basename(corpus.root)} (${runs} pairs)`);
    await runParseOnly(target, files); // warm the file cache
    const samples = await paired(
      () => runCheck(target, 1),
      () => runParseOnly(target, files),
      runs,
    );
    figures.push(checkVsParseFigure(id, corpus, samples));
    return samples;
  };

  if (args.only.has('cli')) {
    let letter = 0;
    const id = () => `1${String.fromCharCode(97 + letter++)}`;
    for (const share of plan.shares) {
      const points: ScalingPoint[] = [];
      for (const files of plan.sizes) {
        points.push({ files, samples: await checkVsParse(id(), workspace(files, share), plan.runs(files)) });
      }
      scaling.push(...scalingFigures('5', share, points));
    }
    for (const lines of plan.largeLines) await checkVsParse(id(), large(lines), 5);
    // Scaling ids: 5a/5b for 100 %, 5c/5d for 5 %.
    scaling.forEach((figure, i) => (figure.id = `5${String.fromCharCode(97 + i)}`));
  }

  if (args.only.has('jobs')) {
    const small = workspace(2000, 1);
    const large = workspace(10000, 1);
    log(`figure 6a: check --jobs ${allCores} vs --jobs 1 on ${path.basename(small.root)} (${plan.jobsRuns} pairs)`);
    await runCheck(small.root, 1); // warm the file cache
    const samples = await paired(
      () => runCheck(small.root, allCores),
      () => runCheck(small.root, 1),
      plan.jobsRuns,
    );
    figures.push(jobsSpeedupFigure('6a', small, samples));
    log(`figure 6d: check --jobs ${allCores} vs --jobs 1 on ${path.basename(large.root)} (${plan.jobsLargeRuns} pairs)`);
    const largeSamples = await paired(
      () => runCheck(large.root, allCores),
      () => runCheck(large.root, 1),
      plan.jobsLargeRuns,
    );
    figures.push(jobsSpeedupFigure('6d', large, largeSamples));
    let letter = 1;
    for (const jobs of allCores > 1 ? [allCores, 1] : [1]) {
      log(
        `figure 6: peak RSS of check --jobs ${jobs} on ${path.basename(small.root)} and ${path.basename(large.root)} (${plan.rssRuns} runs each)`,
      );
      const smallRuns = [];
      const largeRuns = [];
      for (let i = 0; i < plan.rssRuns; i++) {
        smallRuns.push(await runCheck(small.root, jobs));
        largeRuns.push(await runCheck(large.root, jobs));
      }
      figures.push(cliMemoryFigure(`6${String.fromCharCode(97 + letter++)}`, jobs, small, smallRuns, large, largeRuns));
    }
  }

  if (args.only.has('eslint')) {
    let letter = 0;
    for (const share of plan.shares) {
      const corpus = workspace(plan.eslintFiles, share);
      log(`figure 2: check vs ESLint on ${path.basename(corpus.root)} (${plan.eslintRuns} pairs)`);
      const samples = await paired(
        () => runCheck(corpus.root, 1),
        () => runEslint(corpus.root, corpus.scripts),
        plan.eslintRuns,
      );
      figures.push(checkVsEslintFigure(`2${String.fromCharCode(97 + letter++)}`, corpus, samples));
    }
  }

  if (args.only.has('server')) {
    const headline = large(5000);
    log(`figure 3: time to first diagnostics (${plan.starts} starts)`);
    figures.push(await firstDiagnosticsFigure(headline, plan.starts));
    log(`figure 3: typing, hover and completion on ${path.basename(headline.root)}`);
    figures.push(
      ...(await editorFigures(headline, { keystrokes: plan.keystrokes, requests: plan.requests, starts: plan.starts })),
    );
    let letter = 6;
    for (const lines of plan.largeLines.filter((l) => l !== 5000)) {
      log(`figure 3: typing curve on ${lines} lines`);
      figures.push(await typingFigure(`3${String.fromCharCode(97 + letter++)}`, large(lines), plan.curveKeystrokes));
    }
  }

  if (args.only.has('memory')) {
    const corpus = workspace(plan.memoryFiles, 1);
    log(`figure 4: memory after opening ${path.basename(corpus.root)}, then ${plan.edits} edits`);
    figures.push(...(await memoryFigures(corpus, plan.edits)));
  }

  if (args.only.has('vue')) {
    // The `.vue` slice: figure 1's ratios on uni-app pages, then typing in the 5,000-line `.vue` page. ESLint has no
    // figure here: it needs vue-eslint-parser to read `.vue` files at all, and its selectors would still not see the
    // template events that make a handler a tap handler (bench/README.md).
    let letter = 0;
    const id = () => `7${String.fromCharCode(97 + letter++)}`;
    for (const share of plan.shares) {
      for (const files of plan.vueSizes) await checkVsParse(id(), workspace(files, share, true), plan.runs(files));
    }
    for (const lines of plan.largeLines) await checkVsParse(id(), large(lines, true), 5);
    const page = large(5000, true);
    log(`figure 7: typing in ${path.basename(page.root)} (${plan.keystrokes} keystrokes)`);
    figures.push(await typingFigure(id(), page, plan.keystrokes, { parses: 1 }));
  }

  figures.push(...scaling);
  figures.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const seconds = (Date.now() - started) / 1000;
  const git = gitState();
  const table = renderTable(figures);
  const missed = figures.filter((f) => f.met === false).map((f) => f.id);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(
    `${args.quick ? 'quick' : 'full'} run, ${seconds.toFixed(0)} s; commit ${git.commit}${git.dirty ? ' with uncommitted server changes' : ''}; ` +
      `Node ${process.version}, ${os.cpus().length} CPUs, load ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n` +
      `targets missed: ${missed.length ? missed.join(', ') : 'none'}\n`,
  );
  const results = {
    date: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    sections: [...args.only],
    seconds,
    git,
    dist: path.relative(repoRoot, sourceDistDir) || '.',
    profiling: Boolean(process.env['BENCH_PROFILE_DIR']),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      loadBefore,
      loadAfter: os.loadavg(),
    },
    corpora: [...corpora.values()].map((c) => ({
      ...c,
      root: path.relative(repoRoot, c.root),
      script: c.script && path.relative(repoRoot, c.script),
    })),
    figures,
    missed,
  };
  // Write then rename, so an interrupted run never leaves half a file.
  const target = args.out;
  writeFileSync(`${target}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
  log(`wrote ${path.relative(repoRoot, target)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
