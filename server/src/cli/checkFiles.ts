/**
 * Checking files one at a time for `mp-userinfo check`, keeping only the findings: the same code runs on
 * the main thread (`--jobs 1`, small runs) and in each worker (checkWorker.ts), so the two give the same
 * findings and notices for the same files.
 *
 * Memory stays flat as the file count grows: nothing per file outlives its page. The core caches a parse
 * per script (parse.ts) and a page's markup facts per file (ProjectIndex); the checker drops both as soon
 * as the next file belongs to another page, so at most one page's trees are alive at a time. A page's
 * script and markup sort next to each other (`x.js`, `x.wxml`), so the markup rules still find the script
 * parsed by the script pass instead of parsing it again.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, defaultMaxFileSize, type AnalysisOptions } from '../core/analyze';
import { markupFileExtensions } from '../core/markup';
import { forgetSourceFile } from '../core/parse';
import { lineStarts, positionAt } from '../core/positions';
import { ProjectIndex, type FileSystemHost } from '../core/project';
import { mergeOptions, SettingsFiles, toAnalysisOptions } from '../core/settings';
import type { Finding } from '../core/types';
import type { ReportedFinding } from './report';

/** What checking some files produced, in file order: findings to report and notices for standard error. */
export interface CheckOutput {
  findings: ReportedFinding[];
  notices: string[];
}

/** The scripts a page's markup pairs with (ProjectIndex.scriptsOfMarkup reads and parses these). */
const pairedScriptExtensions = ['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs'];
/** The files of a page the index may hold facts about: its scripts and markup files. */
const pageExtensions = [...pairedScriptExtensions, ...markupFileExtensions];

/** A file's text, or undefined for anything but a readable regular file (a named pipe would block for ever). */
export function readText(fileName: string): string | undefined {
  try {
    if (!statSync(fileName, { throwIfNoEntry: false })?.isFile()) return undefined;
    return readFileSync(fileName, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from. Messages quote names and
 * values from the source, and V8 keeps a substring as a view of its parent, so a kept message would keep
 * its whole file's text alive.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
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
    message: detached(finding.message),
    ...(finding.related?.length
      ? {
          related: finding.related.map((r) => {
            const at = positionAt(starts, r.start);
            const to = positionAt(starts, r.end);
            return {
              line: at.line + 1,
              column: at.character + 1,
              endLine: to.line + 1,
              endColumn: to.character + 1,
              message: detached(r.message),
            };
          }),
        }
      : {}),
  };
}

/** Checks files from disk with one ProjectIndex, the project settings files and the command-line flags. */
export class FileChecker {
  private readonly host: FileSystemHost;
  private readonly index: ProjectIndex;
  private readonly settingsFiles: SettingsFiles;
  private readonly maxFileSize: number;
  /** The page (file name without extension) whose caches are alive, and its files checked so far. */
  private page: string | undefined;
  private pageFiles: string[] = [];
  /** The texts read while checking the current page (its rules may ask for the same file once per call they report). */
  private readonly texts = new Map<string, string | undefined>();

  /**
   * @param cwd paths are reported relative to it
   * @param flags the command-line options, which win over each file's project settings
   */
  constructor(
    private readonly cwd: string,
    private readonly flags: AnalysisOptions,
  ) {
    const maxFileSize = (this.maxFileSize = flags.maxFileSize ?? defaultMaxFileSize);
    const texts = this.texts;
    const read = (fileName: string): string | undefined => {
      try {
        // Most files asked for do not exist (a page's markup for other platforms, configuration files up
        // the tree): no exception is built for those.
        const stats = statSync(fileName, { throwIfNoEntry: false });
        if (!stats?.isFile() || stats.size > maxFileSize) return undefined;
        return readFileSync(fileName, 'utf8');
      } catch {
        return undefined;
      }
    };
    this.host = {
      readFile(fileName) {
        if (texts.has(fileName)) return texts.get(fileName);
        const text = read(fileName);
        texts.set(fileName, text);
        return text;
      },
    };
    this.index = new ProjectIndex(this.host);
    this.settingsFiles = new SettingsFiles(this.host);
  }

  /**
   * The problems of the project settings files that apply to `files`, each as `file: problem`. A broken
   * settings file stops the run (exit 2) rather than checking with settings the team did not mean.
   */
  settingsProblems(files: readonly string[]): Set<string> {
    const problems = new Set<string>();
    for (const fileName of files) {
      const project = this.settingsFiles.settingsFor(fileName);
      for (const problem of project?.problems ?? [])
        problems.add(`${path.relative(this.cwd, project!.file) || project!.file}: ${problem}`);
    }
    return problems;
  }

  /** A file's options: its project settings file under the command-line flags. */
  private optionsOf(fileName: string): AnalysisOptions {
    const project = this.settingsFiles.settingsFor(fileName);
    return project ? mergeOptions(toAnalysisOptions(project.settings), this.flags) : this.flags;
  }

  /** Checks files in order, appending to `out`; the caches are released afterwards. */
  checkAll(files: readonly string[], out: CheckOutput): void {
    try {
      for (const fileName of files) this.check(fileName, out);
    } finally {
      this.release();
    }
  }

  /** Checks one file, appending its findings and notices to `out`. */
  check(fileName: string, out: CheckOutput): void {
    const page = fileName.slice(0, fileName.length - path.extname(fileName).length);
    if (page !== this.page) {
      this.release();
      this.page = page;
    }
    this.pageFiles.push(fileName);
    const { notices } = out;
    const options = this.optionsOf(fileName);
    const fileMaxSize = options.maxFileSize ?? this.maxFileSize;
    const relative = path.relative(this.cwd, fileName).split(path.sep).join('/') || path.basename(fileName);
    let size: number;
    try {
      const stats = statSync(fileName);
      if (!stats.isFile()) {
        notices.push(`Skipped ${relative}: it is not a regular file.`);
        return;
      }
      size = stats.size;
    } catch (error) {
      notices.push(`Skipped ${relative}: ${(error as Error).message}`);
      return;
    }
    if (size > fileMaxSize) {
      notices.push(
        `Skipped ${relative}: ${(size / 1024 / 1024).toFixed(1)} MB is over the ${(fileMaxSize / 1024 / 1024).toFixed(1)} MB limit (--max-file-size).`,
      );
      return;
    }
    let text: string;
    try {
      text = readFileSync(fileName, 'utf8');
    } catch {
      notices.push(`Skipped ${relative}: it cannot be read.`);
      return;
    }
    this.texts.set(fileName, text);
    const result = analyzeFile(fileName, text, this.index, options);
    if (result.skipped) {
      notices.push(detached(result.skipped.message.replace(fileName, relative)));
      return;
    }
    const starts = result.findings.length ? lineStarts(text) : [];
    for (const finding of result.findings) out.findings.push(report(relative, finding, starts));
  }

  /**
   * Drops what the core cached about the current page: the parse of each of its scripts and the index's
   * facts about its files, including the markup and scripts it looked up next to them (found or not).
   */
  release(): void {
    if (this.page === undefined) return;
    const names = new Set(this.pageFiles);
    for (const extension of pageExtensions) names.add(this.page + extension);
    for (const name of names) {
      forgetSourceFile(name);
      this.index.forget(name);
    }
    this.texts.clear();
    this.page = undefined;
    this.pageFiles = [];
  }
}
