/**
 * `mp-userinfo check [paths…]`: the same analysis as the language server, over files on disk, for CI.
 */
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import ignore, { type Ignore } from 'ignore';
import { defaultMaxFileSize, isAnalysable, type AnalysisOptions, type SeveritySetting } from '../core/analyze';
import { SkipRules, type IgnoreList, type Skip } from '../core/libraryFiles';
import { getRule, rules } from '../core/rules';
import type { Platform } from '../core/types';
import { SettingsFiles } from '../core/settings';
import { FileChecker, readText } from './checkFiles';
import { checkFiles, parallelThreshold } from './checkPool';
import type { CliIo } from './io';
import { formatReport, plural, type ReportFormat } from './report';

const usage = `Usage: mp-userinfo check [paths…] [options]

Checks JS/TS/JSX/TSX and WXML/AXML/TTML files for user-info API mistakes.
Folders are walked recursively; .gitignore is respected and node_modules, dist and
miniprogram_npm are skipped. Without paths, the current folder is checked.
Library code is skipped by default: folders named like a UI kit (vant, @vant, tdesign,
iview, wux, lin-ui, colorui, towxml, mp-html, weui, wxParse, …) below a checked folder,
*.min.js files, and x.js compiled from an x.ts beside it (the .ts is checked).

Options:
  --format <text|json|sarif>   Output format (default: text)
  --lib-version <x.y.z>        Minimum base library, overriding project.config.json
  --rule <code>=<severity>     Set a rule's severity: off, error, warning, information, hint (repeatable)
  --platform <name>            Check only this platform: wechat, alipay, douyin (repeatable)
  --max-file-size <bytes>      Skip larger files with a notice (default: ${defaultMaxFileSize})
  --ignore <glob>              Skip files matching a gitignore-style glob, relative to the current
                               folder (repeatable), e.g. --ignore 'components/my-kit/'
  --no-default-ignore          Check library folders and *.min.js files too
  --jobs <n>                   Check on n threads (default: one per CPU core, here ${defaultJobs()}); 1 checks
                               on the main thread only. Runs of fewer than ${parallelThreshold} files always do.
                               The report is the same for every n.
  --exit-zero                  Exit 0 even when errors are reported
  -h, --help                   Show this help

Settings: the nearest .mp-userinfo.json (or "mp-userinfo" key of a package.json) above
each file may set "rules", "libVersion", "platforms", "maxFileSize", "ignore" (globs relative
to that file's folder) and "defaultIgnore" (false checks library code); flags win.

Exit codes: 0 no errors, 1 errors reported, 2 usage or settings error.`;

/** The default of --jobs: the CPU cores Node may use. */
function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

const skippedFolders = new Set(['node_modules', 'dist', 'miniprogram_npm', '.git']);
const severityValues = new Set(['off', 'error', 'warning', 'information', 'hint']);
const platformValues = new Set<string>(['wechat', 'alipay', 'douyin']);

interface CheckArgs {
  paths: string[];
  format: ReportFormat;
  options: AnalysisOptions;
  exitZero: boolean;
  jobs: number;
  /** --ignore globs, relative to the working folder. */
  ignore: string[];
  /** False with --no-default-ignore. */
  defaultIgnore: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CheckArgs | 'help' {
  const paths: string[] = [];
  let format: ReportFormat = 'text';
  const severities: Record<string, SeveritySetting> = {};
  const platforms: Platform[] = [];
  const options: AnalysisOptions = {};
  let exitZero = false;
  let jobs = defaultJobs();
  const ignoreGlobs: string[] = [];
  let defaultIgnore = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif')
          throw new UsageError(`unknown format "${v}" (use text, json or sarif)`);
        format = v;
        break;
      }
      case '--lib-version': {
        const v = value();
        if (!/^\d+(\.\d+){0,2}$/.test(v)) throw new UsageError(`--lib-version takes a version such as 2.27.1, not "${v}"`);
        options.libVersion = v;
        break;
      }
      case '--rule': {
        const v = inline !== undefined ? inline : argv[++i];
        const match = v ? /^([\w-]+)=(\w+)$/.exec(v) : null;
        if (!match) throw new UsageError('--rule takes <code>=<severity>, e.g. --rule desc-too-long=warning');
        if (!getRule(match[1]!)) throw new UsageError(`unknown rule "${match[1]}" (known: ${rules.map((r) => r.id).join(', ')})`);
        if (!severityValues.has(match[2]!))
          throw new UsageError(`unknown severity "${match[2]}" (use off, error, warning, information or hint)`);
        severities[match[1]!] = match[2] as SeveritySetting;
        break;
      }
      case '--platform': {
        const v = value();
        if (!platformValues.has(v)) throw new UsageError(`unknown platform "${v}" (use wechat, alipay or douyin)`);
        platforms.push(v as Platform);
        break;
      }
      case '--max-file-size': {
        const n = Number(value());
        if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
        options.maxFileSize = n;
        break;
      }
      case '--jobs': {
        const v = value();
        const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < 1)
          throw new UsageError(`--jobs takes a positive whole number of threads, not "${v}"`);
        jobs = n;
        break;
      }
      case '--ignore': {
        const v = value().trim();
        if (v === '' || v.includes('\\'))
          throw new UsageError(
            `--ignore takes a gitignore-style glob with forward slashes, such as components/my-kit/, not "${v}"`,
          );
        ignoreGlobs.push(v);
        break;
      }
      case '--no-default-ignore':
        defaultIgnore = false;
        break;
      case '--exit-zero':
        exitZero = true;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        paths.push(arg);
    }
  }
  if (Object.keys(severities).length) options.severities = severities;
  if (platforms.length) options.platforms = [...new Set(platforms)];
  return { paths: paths.length ? paths : ['.'], format, options, exitZero, jobs, ignore: ignoreGlobs, defaultIgnore };
}

/** An analysable file that is not checked, and why. */
interface SkippedFile {
  file: string;
  skip: Skip;
  /** The library folder (absolute) for `library`. */
  folder?: string;
}

/** What decides which files are not the user's code: the settings files' `ignore`, --ignore, --no-default-ignore. */
interface SkipSetup {
  rules: SkipRules;
  ignore: IgnoreList;
  defaultIgnore: boolean;
}

/**
 * Collects the analysable files below the given paths, honouring .gitignore files on the way; library
 * code and ignored files go to `skipped` (a skipped folder is still walked, to count its files).
 */
function collectFiles(roots: string[], cwd: string, notices: string[], setup: SkipSetup, skipped: SkippedFile[]): string[] {
  const files = new Set<string>();
  const options = (root: string) => ({ root, ignore: setup.ignore, defaultIgnore: setup.defaultIgnore });
  const record = (file: string, skip: Skip, root: string) =>
    skipped.push({ file, skip, ...(skip.kind === 'library' ? { folder: path.join(root, skip.where) } : {}) });
  const visitDir = (
    dir: string,
    rules: Array<{ base: string; ig: Ignore }>,
    seen: Set<string>,
    root: string,
    inSkipped: Skip | undefined,
  ) => {
    let realKey: string;
    try {
      realKey = `${statSync(dir).dev}:${statSync(dir).ino}`;
    } catch {
      return;
    }
    if (seen.has(realKey)) return;
    seen.add(realKey);
    const gitignore = readText(path.join(dir, '.gitignore'));
    const active = gitignore === undefined ? rules : [...rules, { base: dir, ig: ignore().add(gitignore) }];
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      notices.push(`Skipped ${path.relative(cwd, dir) || '.'}: ${(error as Error).message}`);
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      let stats: Stats;
      try {
        stats = lstatSync(full);
      } catch {
        continue;
      }
      const isDir = stats.isDirectory();
      // Symbolic links to folders are not followed: they can loop.
      if (stats.isSymbolicLink()) {
        try {
          if (statSync(full).isDirectory()) continue;
        } catch {
          continue;
        }
      }
      if (isDir && skippedFolders.has(name)) continue;
      const ignored = active.some(({ base, ig }) => {
        const relative = path.relative(base, full).split(path.sep).join('/');
        return relative !== '' && !relative.startsWith('..') && ig.ignores(isDir ? `${relative}/` : relative);
      });
      if (ignored) continue;
      if (isDir) visitDir(full, active, seen, root, inSkipped ?? setup.rules.skipOf(full, options(root), true));
      else if (isAnalysable(name)) {
        const skip = inSkipped ?? setup.rules.skipOf(full, options(root));
        if (skip) record(full, skip, root);
        else files.add(full);
      }
    }
  };
  for (const root of roots) {
    const full = path.resolve(cwd, root);
    let stats: Stats;
    try {
      stats = statSync(full);
    } catch {
      throw new UsageError(`no such file or folder: ${root}`);
    }
    if (stats.isDirectory()) visitDir(full, [], new Set(), full, undefined);
    else {
      // A file named on the command line is judged like one found in the working folder (lint-staged passes files).
      const skip = setup.rules.skipOf(full, options(cwd));
      if (skip) record(full, skip, cwd);
      else files.add(full);
    }
  }
  return [...files];
}

/** Up to three names, then an ellipsis. */
function someOf(names: Iterable<string>): string {
  const all = [...new Set(names)];
  return all.length > 3 ? `${all.slice(0, 3).join(', ')}, …` : all.join(', ');
}

/**
 * One sentence on the files not checked, for the text report: "12 files skipped: 10 in library folders
 * (components/vant), 2 ignored by .mp-userinfo.json."
 */
function skippedSummary(skipped: SkippedFile[], cwd: string): string {
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  const of = (kind: Skip['kind']) => skipped.filter((s) => s.skip.kind === kind);
  const parts: string[] = [];
  const library = of('library');
  if (library.length) parts.push(`${library.length} in library folders (${someOf(library.map((s) => display(s.folder!)))})`);
  const minified = of('minified');
  if (minified.length) parts.push(`${minified.length} minified (${someOf(minified.map((s) => display(s.file)))})`);
  const bySource = new Map<string, number>();
  for (const { skip } of of('ignored')) {
    const source = path.isAbsolute(skip.where) ? display(skip.where) : skip.where;
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  for (const [source, n] of bySource) parts.push(`${n} ignored by ${source}`);
  const compiled = of('compiled');
  if (compiled.length)
    parts.push(
      `${compiled.length} compiled from the .ts beside ${compiled.length === 1 ? 'it' : 'them'} (${someOf(compiled.map((s) => display(s.file)))})`,
    );
  const hint = library.length || minified.length ? ' --no-default-ignore checks library code.' : '';
  return `${plural(skipped.length, 'file')} skipped: ${parts.join(', ')}.${hint}`;
}

/** Runs `mp-userinfo check` and returns the exit code. */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  let args: CheckArgs | 'help';
  let files: string[];
  const notices: string[] = [];
  const skipped: SkippedFile[] = [];
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const setup: SkipSetup = {
      rules: new SkipRules({ readFile: readText }, new SettingsFiles({ readFile: readText })),
      ignore: { base: io.cwd, globs: args.ignore, source: '--ignore' },
      defaultIgnore: args.defaultIgnore,
    };
    files = collectFiles(args.paths, io.cwd, notices, setup, skipped);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mp-userinfo check: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
  // A broken settings file stops the run (exit 2) rather than checking with settings the team did not mean.
  const checker = new FileChecker(io.cwd, args.options);
  const settingsProblems = checker.settingsProblems([...files, ...skipped.map((s) => s.file)]);
  if (settingsProblems.size) {
    for (const problem of settingsProblems) io.stderr(`mp-userinfo check: ${problem}\n`);
    return 2;
  }
  // What the check keeps is flat (about 45 MB of heap per thread after a full collection, at 10,000 files as
  // at 2,000), but V8 lets a heap grow to up to 4× its live size between full collections, so the peak RSS
  // still rose with the length of the run. Capping the growth at 2× (V8 reads the flag at every collection,
  // and the workers started after this share it) took the peak RSS of 10,000 against 2,000 files from
  // 1.17–1.24× to 1.05–1.17× on two threads, at about the same CPU time.
  v8.setFlagsFromString('--heap-growing-percent=100');
  // Files in path order, each page's findings kept and its trees dropped as the check moves on.
  const threshold = Number(io.env['MP_USERINFO_PARALLEL_FILES']) || parallelThreshold;
  const { findings: results, notices: fileNotices } = await checkFiles(
    files.sort(),
    args.jobs,
    checker,
    { cwd: io.cwd, options: args.options },
    threshold,
  );
  for (const notice of [...notices, ...fileNotices]) io.stderr(`mp-userinfo: ${notice}\n`);
  io.stdout(
    formatReport(results, args.format, {
      version: io.version,
      filesChecked: files.length,
      ...(skipped.length ? { skippedSummary: skippedSummary(skipped, io.cwd) } : {}),
    }),
  );
  const errors = results.filter((r) => r.severity === 'error').length;
  return errors > 0 && !args.exitZero ? 1 : 0;
}
