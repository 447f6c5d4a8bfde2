/**
 * The analysis behind the ESLint rules: one run of the core per file text, shared by every rule of the
 * plugin. ESLint calls each enabled rule's `create` for every file; the first rule to ask analyses the file
 * through the language service (the entry point the language server uses, with the same settings files,
 * library-folder skips and cross-file facts read from disk as `mp-userinfo check`), and the others read the
 * cached findings. The cache is keyed by file name and text, so ESLint's re-lint after applying fixes (a new
 * text) analyses again.
 *
 * Facts from other files (the page's markup, app.js, project.config.json, .mp-userinfo.json) are cached by
 * the service's workspace index for the life of the process. ESLint in an editor stays alive across edits,
 * so the host remembers the modification time of every file it read (or found missing) and, at most once a
 * second, drops what changed since; a page's own files are released after each analysis, as the CLI does.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type Editor, type EditorSettings, type LanguageService } from '../core/languageService';
import { markupFileExtensions } from '../core/markup';
import type { FileSystemHost } from '../core/project';
import { parseSettings } from '../core/settings';
import type { Finding } from '../core/types';

/** The scripts a page pairs with its markup (as in cli/checkFiles.ts). */
const pageScriptExtensions = ['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs', '.mts', '.cts', '.vue'];

/**
 * How often the files read before are checked for changes, in milliseconds: once a second, or less often when
 * a check takes long (many folders), so that checking stays under a twentieth of the time.
 */
const recheckInterval = 1000;
const recheckShare = 20;

/** How many files' findings are kept: ESLint runs every rule on one file before the next. */
const cachedFiles = 8;

/** The signature of a file on disk: modification time and size, or `missing` (also for anything but a regular file). */
function signatureOf(fileName: string): string {
  try {
    const stats = statSync(fileName, { throwIfNoEntry: false });
    return stats?.isFile() ? `${stats.mtimeMs}:${stats.size}` : 'missing';
  } catch {
    return 'missing';
  }
}

/** What one analysis of one text gave. */
interface Analysis {
  fileName: string;
  text: string;
  settingsKey: string;
  findings: Finding[];
  /** The rules whose severity the project settings file sets: all their findings carry that severity. */
  configured: ReadonlySet<string>;
}

/** What the rules need to know of a file: its name, text, ESLint's working folder and shared settings. */
export interface AnalysisRequest {
  fileName: string;
  text: string;
  cwd: string;
  /** ESLint's `settings['mp-userinfo']`: the settings `.mp-userinfo.json` may give, which win over it. */
  settings: unknown;
}

/** The findings of a file and which rules the project settings configure. */
export interface AnalysisOutcome {
  findings: readonly Finding[];
  configured: ReadonlySet<string>;
}

/** The shared state: one language service over the disk, and the last files' findings. */
class SharedAnalysis {
  /**
   * Every file read, with its signature when read and its text (undefined when missing): a page's markup is read once
   * per analysis, not once per reader, until its signature changes.
   */
  private readonly read = new Map<string, { signature: string; text: string | undefined }>();
  private readonly service: LanguageService;
  private readonly analyses: Analysis[] = [];
  private nextCheck = 0;
  private problems: string[] = [];
  /** The file being analysed: its text is ESLint's, which may differ from the disk (a fix pass, stdin). */
  private current: { fileName: string; text: string } | undefined;

  constructor() {
    const read = this.read;
    const host: FileSystemHost = {
      readFile: (fileName) => {
        if (fileName === this.current?.fileName) return this.current.text;
        const known = read.get(fileName);
        if (known) return known.text;
        const signature = signatureOf(fileName);
        let text: string | undefined;
        if (signature !== 'missing') {
          try {
            text = readFileSync(fileName, 'utf8');
          } catch {
            text = undefined;
          }
        }
        read.set(fileName, { signature, text });
        return text;
      },
    };
    this.service = createLanguageService({ host, onSettingsProblem: (problem) => this.problems.push(problem) });
  }

  /** Drops what is cached about files that changed on disk since they were read. */
  private dropChanged(now: number): void {
    if (now < this.nextCheck) return;
    let changed = false;
    for (const [fileName, { signature }] of this.read) {
      if (signatureOf(fileName) === signature) continue;
      this.read.delete(fileName);
      this.service.fileChanged(fileName);
      changed = true;
    }
    if (changed) this.analyses.length = 0;
    const took = Date.now() - now;
    this.nextCheck = now + Math.max(recheckInterval, took * recheckShare);
  }

  /** Releases what the core cached about a page's own files (its parse and markup facts), as the CLI does. */
  private releasePage(fileName: string): void {
    const stem = fileName.slice(0, fileName.length - path.extname(fileName).length);
    for (const extension of [...pageScriptExtensions, ...markupFileExtensions]) {
      const name = stem + extension;
      this.service.fileClosed(name);
      this.read.delete(name);
    }
    this.service.fileClosed(fileName);
  }

  analyse(request: AnalysisRequest): AnalysisOutcome {
    const settingsKey = JSON.stringify([request.cwd, request.settings ?? null]);
    this.dropChanged(Date.now());
    const cached = this.analyses.find(
      (a) => a.fileName === request.fileName && a.settingsKey === settingsKey && a.text === request.text,
    );
    if (cached) return cached;

    // Which rules run, and how loudly, is ESLint's configuration: a `rules` key here is not read.
    const given = request.settings;
    const isObject = typeof given === 'object' && given !== null && !Array.isArray(given);
    const parsed = parseSettings(isObject ? { ...given, rules: undefined } : given, false);
    if (parsed.problems.length)
      throw new Error(`eslint-plugin-mp-userinfo: settings["mp-userinfo"]: ${parsed.problems.join('; ')}`);
    // A new editor object per analysis, so the service reports a settings file's problems every time.
    const editor: Editor = { settings: parsed.settings as EditorSettings, roots: [request.cwd] };
    this.problems = [];
    this.current = { fileName: request.fileName, text: request.text };
    let findings: Finding[];
    let configured: Set<string>;
    try {
      const steps = this.service.doValidation(request.fileName, request.text, editor);
      let step = steps.next();
      while (!step.done) step = steps.next();
      findings = step.value.findings;
      const severities = this.service.resolveSettings(request.fileName, editor).analysis.severities ?? {};
      configured = new Set(Object.keys(severities).filter((code) => severities[code] !== 'off'));
    } finally {
      this.current = undefined;
      this.releasePage(request.fileName);
    }
    if (this.problems.length) throw new Error(`eslint-plugin-mp-userinfo: ${this.problems.join('; ')}`);
    const analysis: Analysis = { fileName: request.fileName, text: request.text, settingsKey, findings, configured };
    this.analyses.unshift(analysis);
    if (this.analyses.length > cachedFiles) this.analyses.length = cachedFiles;
    return analysis;
  }
}

let shared: SharedAnalysis | undefined;

/** The findings of a file, analysed once for every rule that asks. */
export function analyse(request: AnalysisRequest): AnalysisOutcome {
  shared ??= new SharedAnalysis();
  return shared.analyse(request);
}
