/**
 * The language service: every editor feature of a mini-program file behind one object, in the manner of
 * vscode-css-languageservice. Diagnostics, hover, completion, definition, references and code actions all
 * read the same {@link ResolvedSettings} of the file — the editor settings over the project's settings
 * file (`.mp-userinfo.json`, `package.json`) over the project configuration — so a hover's base-library
 * note and the diagnostics never disagree about the project's `libVersion`. File changes go through
 * {@link LanguageService.fileChanged}, which answers the files to check again.
 *
 * Pure like the rest of the core: file names, texts and offsets in, plain results out. The language
 * server converts them to LSP; scheduling the checks is the server's business.
 */
import type { DocsLanguage } from '../catalog';
import { analysisSteps, type AnalysisOptions, type AnalysisSteps } from './analyze';
import { getCompletions, type CompletionEntry } from './completion';
import { getHover } from './hover';
import { relativePath, SkipRules, type Skip } from './libraryFiles';
import { markupPlatform } from './markup';
import {
  handlerReferences,
  markupCompletions,
  markupDefinition,
  markupDocument,
  markupHover,
  pageContextOf,
  type FileLocation,
  type MarkupCompletion,
  type MarkupDocument,
  type MarkupFeatureOptions,
  type PageContext,
} from './markupFeatures';
import { forgetSourceFile, hasScript, isScriptFile } from './parse';
import { isVueFile, readVue } from './vue';
import { ProjectIndex, type FileSystemHost, type Invalidation } from './project';
import { mergeOptions, parseSettings, SettingsFiles, toAnalysisOptions, type Settings } from './settings';
import type { Finding, Fix, Platform, Span } from './types';

/**
 * The editor's `miniprogramUserInfo.` settings as the editor sent them (validated when read): those a
 * project settings file may give too, and the editor's own.
 */
export interface EditorSettings extends Settings {
  /** `auto` (the default) follows the editor's display language. */
  docsLanguage?: 'auto' | 'en' | 'zh-cn';
}

/** What the features are told about the editor: its settings and its display language. */
export interface Editor {
  settings: EditorSettings;
  /** The editor's display language, e.g. `zh-cn`; English when not given. */
  locale?: string;
  /**
   * The workspace folders: library folders count below them, and the `ignore` setting is relative to them.
   * Outside them, the file's project root stands in.
   */
  roots?: readonly string[];
}

/** The settings that apply to one file, shared by every feature. */
export interface ResolvedSettings {
  /** What the analysis is told: severities, platforms, size limit and the resolved `libVersion`. */
  analysis: AnalysisOptions;
  /** The minimum base library: the editor's setting, else the settings file's, else the project configuration's. */
  libVersion?: string;
  /** The page's platform: its markup's, else the project's. */
  platform?: Platform;
  /** The documentation language. */
  language: DocsLanguage;
}

/** A completion result: script entries (catalog APIs, options, fields, flows) or markup items. */
export type Completions = { kind: 'script'; entries: CompletionEntry[] } | { kind: 'markup'; items: MarkupCompletion[] };

/** A reported problem whose quick fixes are asked for: its rule code and its span in the file. */
export interface ProblemAt extends Span {
  code: string;
}

/** What the service needs. */
export interface LanguageServiceOptions {
  /** Reads files: the server overlays open documents on the disk. */
  host: FileSystemHost;
  /** The workspace index; one over `host` unless given (tests share one with a memory project). */
  index?: ProjectIndex;
  /** Told each problem of the settings (editor or settings file) once per {@link Editor} object. */
  onSettingsProblem?: (message: string) => void;
}

/** Every feature over one workspace index and one settings resolution. */
export interface LanguageService {
  /** The workspace index the features read. */
  readonly index: ProjectIndex;
  /** The settings of a file: editor settings over its project settings file over its project configuration. */
  resolveSettings(fileName: string, editor: Editor): ResolvedSettings;
  /**
   * The analysis of a file as steps (see `analyze.ts`); its findings are kept, with the text, for
   * {@link doCodeActions}. Library code, ignored files and scripts compiled from a `.ts` beside them
   * (libraryFiles.ts) get no findings and no notice: they are not the user's to fix.
   */
  doValidation(fileName: string, text: string, editor: Editor): AnalysisSteps;
  /** Hover in a script or markup file. */
  doHover(fileName: string, text: string, offset: number, editor: Editor): { markdown: string; span: Span } | undefined;
  /** Completion in a script or markup file; undefined for other files. */
  doComplete(fileName: string, text: string, offset: number, editor: Editor): Completions | undefined;
  /** From a handler name in markup to the page method(s). */
  findDefinition(fileName: string, text: string, offset: number): FileLocation[];
  /** The markup bindings of a page method (from markup or from the script), and the method with `includeDeclaration`. */
  findReferences(fileName: string, text: string, offset: number, includeDeclaration: boolean): FileLocation[];
  /** The fixes of a problem of the last validation of exactly this text; none once the text changed. */
  doCodeActions(fileName: string, text: string, problem: ProblemAt): Fix[];
  /**
   * Call on every change of any file (opened, edited, saved, created, deleted): drops what is cached
   * about it and answers which other files to check again.
   */
  fileChanged(fileName: string): Invalidation;
  /** Call when the editor closes a file: as {@link fileChanged}, and its parse and findings are dropped. */
  fileClosed(fileName: string): Invalidation;
}

/** The documentation language: the setting, or the editor's display language under `auto`. */
function docsLanguageOf(editor: Editor): DocsLanguage {
  const setting = editor.settings.docsLanguage;
  if (setting === 'en' || setting === 'zh-cn') return setting;
  return (editor.locale ?? 'en').toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Creates the language service of a workspace. */
export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { host } = options;
  const index = options.index ?? new ProjectIndex(host);
  const settingsFiles = new SettingsFiles(host);
  const validated = new Map<string, { text: string; findings: Finding[] }>();
  const skipRules = new SkipRules(host, settingsFiles);
  /** The editor settings parsed for skipping, per editor object (so the `ignore` globs compile once). */
  let skipSettingsOf: { editor: Editor; settings: Settings } | undefined;
  let reportedFor: Editor | undefined;
  const reported = new Set<string>();

  function report(editor: Editor, problems: string[]): void {
    if (!options.onSettingsProblem) return;
    // Reported again after the editor settings change: the user may be looking at them now.
    if (editor !== reportedFor) {
      reportedFor = editor;
      reported.clear();
    }
    for (const problem of problems) {
      if (reported.has(problem)) continue;
      reported.add(problem);
      options.onSettingsProblem(problem);
    }
  }

  function resolveSettings(fileName: string, editor: Editor): ResolvedSettings {
    const fromEditor = parseSettings(editor.settings, false);
    const file = settingsFiles.settingsFor(fileName);
    report(editor, [
      ...fromEditor.problems.map((p) => `setting ${p}`),
      ...(file?.problems ?? []).map((p) => `${file!.file}: ${p}`),
    ]);
    const merged = mergeOptions(file ? toAnalysisOptions(file.settings) : {}, toAnalysisOptions(fromEditor.settings));
    const libVersion = merged.libVersion ?? index.projectOf(fileName).libVersion;
    const platform = index.platformOf(fileName);
    return {
      analysis: { ...merged, ...(libVersion ? { libVersion } : {}) },
      ...(libVersion ? { libVersion } : {}),
      ...(platform ? { platform } : {}),
      language: docsLanguageOf(editor),
    };
  }

  /** The page around a markup file, with the markup document of `text`; undefined for other files. */
  function markupRequest(fileName: string, text: string): { page: PageContext; markup: MarkupDocument } | undefined {
    if (!markupPlatform(fileName) && !isVueFile(fileName)) return undefined;
    const page = pageContextOf(fileName, index, host);
    const others = page.markups.filter((m) => m.fileName !== fileName);
    // The index holds the facts of the host's text (the same in the server); another text is tokenized anew.
    const markup =
      page.markups.find((m) => m.fileName === fileName && m.text === text) ??
      markupDocument(fileName, text, index.platformOf(fileName));
    return markup && { page: { ...page, markups: [markup, ...others] }, markup };
  }

  function featureOptions(settings: ResolvedSettings, fileName: string): MarkupFeatureOptions {
    return {
      language: settings.language,
      ...(settings.libVersion ? { libVersion: settings.libVersion } : {}),
      ...(isVueFile(fileName) ? { vue: true } : {}),
    };
  }

  /** True for an offset inside a `.vue` file's template (where the markup features answer, not the script's). */
  function inVueTemplate(fileName: string, text: string, offset: number): boolean {
    const span = isVueFile(fileName) ? readVue(fileName, text).templateSpan : undefined;
    return span !== undefined && span.start <= offset && offset <= span.end;
  }

  function scriptInput(fileName: string, text: string, settings: ResolvedSettings) {
    return {
      fileName,
      text,
      language: settings.language,
      ...(settings.platform ? { platform: settings.platform } : {}),
      ...(settings.libVersion ? { libVersion: settings.libVersion } : {}),
    };
  }

  /** Why a file is not checked in the editor; undefined when it is. */
  function skipOf(fileName: string, editor: Editor): Skip | undefined {
    if (skipSettingsOf?.editor !== editor) skipSettingsOf = { editor, settings: parseSettings(editor.settings, false).settings };
    const { settings } = skipSettingsOf;
    const inRoots = (editor.roots ?? []).filter((r) => relativePath(r, fileName) !== undefined);
    const root = inRoots.sort((a, b) => b.length - a.length)[0] ?? index.projectOf(fileName).root;
    return skipRules.skipOf(fileName, {
      root,
      ignore: { base: root, globs: settings.ignore ?? [], source: 'the setting miniprogramUserInfo.ignore' },
      ...(settings.defaultIgnore !== undefined ? { defaultIgnore: settings.defaultIgnore } : {}),
    });
  }

  function* doValidation(fileName: string, text: string, editor: Editor): AnalysisSteps {
    const settings = resolveSettings(fileName, editor);
    if (skipOf(fileName, editor)) {
      validated.set(fileName, { text, findings: [] });
      return { findings: [] };
    }
    const result = yield* analysisSteps(fileName, text, index, settings.analysis);
    validated.set(fileName, { text, findings: result.findings });
    return result;
  }

  function fileChanged(fileName: string): Invalidation {
    settingsFiles.invalidate(fileName);
    skipRules.invalidate(fileName);
    return index.invalidate(fileName);
  }

  return {
    index,
    resolveSettings,
    doValidation,
    doHover(fileName, text, offset, editor) {
      if (hasScript(fileName) && !inVueTemplate(fileName, text, offset))
        return getHover(scriptInput(fileName, text, resolveSettings(fileName, editor)), offset);
      const request = markupRequest(fileName, text);
      return (
        request && markupHover(request.markup, offset, request.page, featureOptions(resolveSettings(fileName, editor), fileName))
      );
    },
    doComplete(fileName, text, offset, editor) {
      if (hasScript(fileName) && !inVueTemplate(fileName, text, offset)) {
        return {
          kind: 'script',
          entries: getCompletions(scriptInput(fileName, text, resolveSettings(fileName, editor)), offset),
        };
      }
      const request = markupRequest(fileName, text);
      if (!request) return undefined;
      return {
        kind: 'markup',
        items: markupCompletions(
          request.markup,
          offset,
          request.page,
          featureOptions(resolveSettings(fileName, editor), fileName),
        ),
      };
    },
    findDefinition(fileName, text, offset) {
      // In a `.vue` template, Vue's own tooling resolves handler names.
      if (isVueFile(fileName)) return [];
      const request = markupRequest(fileName, text);
      return request ? markupDefinition(request.markup, offset, request.page) : [];
    },
    findReferences(fileName, text, offset, includeDeclaration) {
      if (isVueFile(fileName)) return [];
      if (isScriptFile(fileName))
        return handlerReferences(fileName, offset, pageContextOf(fileName, index, host), includeDeclaration);
      const request = markupRequest(fileName, text);
      return request ? handlerReferences(fileName, offset, request.page, includeDeclaration) : [];
    },
    doCodeActions(fileName, text, problem) {
      const stored = validated.get(fileName);
      if (stored?.text !== text) return [];
      const finding = stored.findings.find((f) => f.code === problem.code && f.start === problem.start && f.end === problem.end);
      // A fix that also edits another file of the page is offered only while that file is as the fix read it.
      return (finding?.fixes ?? []).filter((fix) =>
        (fix.otherFiles ?? []).every((other) => host.readFile(other.fileName) === other.text),
      );
    },
    fileChanged,
    fileClosed(fileName) {
      validated.delete(fileName);
      forgetSourceFile(fileName);
      return fileChanged(fileName);
    },
  };
}
