/**
 * `mp-userinfo check [paths…]`: the same analysis as the language server, over files on disk, for CI.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { analyzeFile, defaultMaxFileSize, isAnalysable, type AnalysisOptions, type SeveritySetting } from '../core/analyze';
import { lineStarts, positionAt } from '../core/positions';
import { ProjectIndex, type FileSystemHost } from '../core/project';
import { getRule, rules } from '../core/rules';
import { mergeOptions, SettingsFiles, toAnalysisOptions } from '../core/settings';
import type { Finding, Platform } from '../core/types';
import type { CliIo } from './io';
import { formatReport, type ReportFormat, type ReportedFinding } from './report';

const usage = `Usage: mp-userinfo check [paths…] [options]

Checks JS/TS/JSX/TSX and WXML/AXML/TTML files for user-info API mistakes.
Folders are walked recursively; .gitignore is respected and node_modules, dist and
miniprogram_npm are skipped. Without paths, the current folder is checked.

Options:
  --format <text|json|sarif>   Output format (default: text)
  --lib-version <x.y.z>        Minimum base library, overriding project.config.json
  --rule <code>=<severity>     Set a rule's severity: off, error, warning, information, hint (repeatable)
  --platform <name>            Check only this platform: wechat, alipay, douyin (repeatable)
  --max-file-size <bytes>      Skip larger files with a notice (default: ${defaultMaxFileSize})
  --exit-zero                  Exit 0 even when errors are reported
  -h, --help                   Show this help

Settings: the nearest .mp-userinfo.json (or "mp-userinfo" key of a package.json) above
each file may set "rules", "libVersion", "platforms" and "maxFileSize"; flags win.

Exit codes: 0 no errors, 1 errors reported, 2 usage or settings error.`;

const skippedFolders = new Set(['node_modules', 'dist', 'miniprogram_npm', '.git']);
const severityValues = new Set(['off', 'error', 'warning', 'information', 'hint']);
const platformValues = new Set<string>(['wechat', 'alipay', 'douyin']);

interface CheckArgs {
  paths: string[];
  format: ReportFormat;
  options: AnalysisOptions;
  exitZero: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CheckArgs | 'help' {
  const paths: string[] = [];
  let format: ReportFormat = 'text';
  const severities: Record<string, SeveritySetting> = {};
  const platforms: Platform[] = [];
  const options: AnalysisOptions = {};
  let exitZero = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format "${v}" (use text, json or sarif)`);
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
        if (!severityValues.has(match[2]!)) throw new UsageError(`unknown severity "${match[2]}" (use off, error, warning, information or hint)`);
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
  return { paths: paths.length ? paths : ['.'], format, options, exitZero };
}

/** Collects the analysable files below the given paths, honouring .gitignore files on the way. */
function collectFiles(roots: string[], cwd: string, notices: string[]): string[] {
  const files = new Set<string>();
  const visitDir = (dir: string, rules: Array<{ base: string; ig: Ignore }>, seen: Set<string>) => {
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
      if (isDir) visitDir(full, active, seen);
      else if (isAnalysable(name)) files.add(full);
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
    if (stats.isDirectory()) visitDir(full, [], new Set());
    else files.add(full);
  }
  return [...files];
}

function readText(fileName: string): string | undefined {
  try {
    // Only regular files: reading a named pipe (or a device) with a source file's name would block for ever.
    if (!statSync(fileName).isFile()) return undefined;
    return readFileSync(fileName, 'utf8');
  } catch {
    return undefined;
  }
}

/** A finding with 1-based line/column positions (ESLint's convention). */
function report(file: string, finding: Finding, starts: number[]): ReportedFinding {
  const start = positionAt(starts, finding.start);
  const end = positionAt(starts, finding.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}

/** Runs `mp-userinfo check` and returns the exit code. */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  let args: CheckArgs | 'help';
  let files: string[];
  const notices: string[] = [];
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(`${usage}\n`);
      return 0;
    }
    files = collectFiles(args.paths, io.cwd, notices);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mp-userinfo check: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
  const maxFileSize = args.options.maxFileSize ?? defaultMaxFileSize;
  const host: FileSystemHost = {
    readFile(fileName) {
      try {
        const stats = statSync(fileName);
        if (!stats.isFile() || stats.size > maxFileSize) return undefined;
        return readFileSync(fileName, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const index = new ProjectIndex(host);
  // Each file's options: its project settings file under the command-line flags. A broken settings file
  // stops the run (exit 2) rather than checking with settings the team did not mean.
  const settingsFiles = new SettingsFiles(host);
  const optionsOf = new Map<string, AnalysisOptions>();
  const settingsProblems = new Set<string>();
  for (const fileName of files) {
    const project = settingsFiles.settingsFor(fileName);
    for (const problem of project?.problems ?? []) settingsProblems.add(`${path.relative(io.cwd, project!.file) || project!.file}: ${problem}`);
    optionsOf.set(fileName, project ? mergeOptions(toAnalysisOptions(project.settings), args.options) : args.options);
  }
  if (settingsProblems.size) {
    for (const problem of settingsProblems) io.stderr(`mp-userinfo check: ${problem}\n`);
    return 2;
  }
  const results: ReportedFinding[] = [];
  for (const fileName of files.sort()) {
    const options = optionsOf.get(fileName)!;
    const fileMaxSize = options.maxFileSize ?? maxFileSize;
    const relative = path.relative(io.cwd, fileName).split(path.sep).join('/') || path.basename(fileName);
    let size: number;
    try {
      const stats = statSync(fileName);
      if (!stats.isFile()) {
        notices.push(`Skipped ${relative}: it is not a regular file.`);
        continue;
      }
      size = stats.size;
    } catch (error) {
      notices.push(`Skipped ${relative}: ${(error as Error).message}`);
      continue;
    }
    if (size > fileMaxSize) {
      notices.push(`Skipped ${relative}: ${(size / 1024 / 1024).toFixed(1)} MB is over the ${(fileMaxSize / 1024 / 1024).toFixed(1)} MB limit (--max-file-size).`);
      continue;
    }
    const text = readText(fileName);
    if (text === undefined) {
      notices.push(`Skipped ${relative}: it cannot be read.`);
      continue;
    }
    const result = analyzeFile(fileName, text, index, options);
    if (result.skipped) {
      notices.push(result.skipped.message.replace(fileName, relative));
      continue;
    }
    const starts = result.findings.length ? lineStarts(text) : [];
    for (const finding of result.findings) results.push(report(relative, finding, starts));
  }
  for (const notice of notices) io.stderr(`mp-userinfo: ${notice}\n`);
  io.stdout(formatReport(results, args.format, { version: io.version, filesChecked: files.length }));
  const errors = results.filter((r) => r.severity === 'error').length;
  return errors > 0 && !args.exitZero ? 1 : 0;
}
