/**
 * Files that are not the user's own code, and so are not checked, in the CLI and in the editor alike:
 *
 * - **library folders**: a folder named like a UI kit or rich-text library committed into the project
 *   (`components/vant/…`, `libs/towxml/…`, `miniprogram_npm/…`), matched as a folder of the path below
 *   the root (the folder the CLI walks, the editor's workspace folder), case-insensitively, except a
 *   page's own folder (`pages/vant/`);
 * - **minified files**: `*.min.js` (vendored SDKs);
 * - **compiled scripts**: `x.js` next to `x.ts` when the `.js` was compiled from it (WeChat's TypeScript
 *   template commits both): the page is checked once, on its `.ts`;
 * - **ignored files**: gitignore-style globs from the `ignore` key of the nearest settings file (relative
 *   to its folder) and from the editor setting `miniprogramUserInfo.ignore` or `--ignore` (relative to the
 *   workspace folder or the working folder).
 *
 * `"defaultIgnore": false` (settings file or editor) or `--no-default-ignore` checks library folders and
 * minified files too; ignore globs and compiled scripts are still skipped.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileSystemHost } from './project';
import type { ProjectSettings, SettingsFiles } from './settings';

/** Folder names of UI kits, rich-text libraries and installed packages, lower-case. */
export const libraryFolderNames: readonly string[] = [
  'node_modules',
  'miniprogram_npm',
  'vant',
  '@vant',
  'vant-weapp',
  'tdesign',
  'tdesign-miniprogram',
  'iview',
  'iview-weapp',
  'wux',
  'wux-weapp',
  'lin-ui',
  'colorui',
  'towxml',
  'mp-html',
  'weui',
  'weui-miniprogram',
  'wxparse',
  // uni-app: plugins installed from its plugin market as source (uni-id-pages, uni-ui), the uView kits, and
  // HBuilderX's build output (`unpackage/dist/dev/mp-weixin`: the compiled copy of the project's own pages).
  'uni_modules',
  'uview-ui',
  'uview-plus',
  'unpackage',
];

const libraryFolders = new Set(libraryFolderNames);

/** Why a file is not checked. */
export type SkipKind = 'ignored' | 'library' | 'minified' | 'compiled';

/** A file (or folder) that is not checked, and why. */
export interface Skip {
  kind: SkipKind;
  /**
   * `library`: the library folder, relative to the root with `/` (`components/vant`); `ignored`: the
   * settings file (absolute) or the label of the other list (`--ignore`); `compiled`: the `.ts` file
   * (absolute); `minified`: empty.
   */
  where: string;
}

/** Globs given outside a settings file: the editor setting or `--ignore`. */
export interface IgnoreList {
  /** The folder the globs are relative to. */
  base: string;
  globs: readonly string[];
  /** How the list is named in messages: `--ignore`, `setting miniprogramUserInfo.ignore`. */
  source: string;
}

/** What decides, besides the file's settings file. */
export interface SkipOptions {
  /** Library folders count below this folder only: the folder the CLI walks, the editor's workspace folder. */
  root: string;
  /** The editor's or the command line's globs. */
  ignore?: IgnoreList;
  /** `false` checks library folders and minified files (so does `"defaultIgnore": false` in the settings file). */
  defaultIgnore?: boolean;
}

/** `fileName` relative to `base` with `/`, or undefined when it is not below it. */
export function relativePath(base: string, fileName: string): string | undefined {
  const relative = path.relative(base, fileName);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The library folder a path lies in, as the path up to and including it (`components/vant`). Only
 * folders count: the last segment of a file's path is its name; a folder's own name counts. A folder
 * directly in a `pages` folder is the user's page named after a kit (`pages/vant/vant.js`, a demo page).
 */
export function libraryFolderOf(relative: string, isFolder = false): string | undefined {
  const segments = relative.split('/');
  const folders = isFolder ? segments.length : segments.length - 1;
  for (let i = 0; i < folders; i++) {
    if (i > 0 && segments[i - 1]!.toLowerCase() === 'pages') continue;
    if (libraryFolders.has(segments[i]!.toLowerCase())) return segments.slice(0, i + 1).join('/');
  }
  return undefined;
}

/** A minified script by its name: `*.min.js`. */
export function isMinified(fileName: string): boolean {
  return /\.min\.js$/i.test(fileName);
}

/** What `tsc` leaves in its output: `"use strict"` (alwaysStrict), the ES-module marker, a source map link. */
const compiledMarkers =
  /^\s*["']use strict["'];?\s*$|Object\.defineProperty\(exports, ["']__esModule["']|^\/\/# sourceMappingURL=/m;

/**
 * Whether `jsText` looks compiled by tsc from a `.ts`: it has tsc's markers, or a `tsconfig.json` is set up
 * for the project (`hasTsconfig`). Callers check that the `.ts` exists beside it.
 */
export function looksCompiled(jsText: string, hasTsconfig: () => boolean): boolean {
  return (
    compiledMarkers.test(jsText.slice(0, 64 * 1024)) || /^\/\/# sourceMappingURL=/m.test(jsText.slice(-1024)) || hasTsconfig()
  );
}

function compile(globs: readonly string[]): Ignore {
  return ignore().add([...globs]);
}

/** Whether the globs of `base` ignore a path; a path outside `base` is never ignored. */
function ignores(ig: Ignore, base: string, fileName: string, isFolder: boolean): boolean {
  const relative = relativePath(base, fileName);
  return relative !== undefined && ig.ignores(isFolder ? `${relative}/` : relative);
}

/**
 * Decides which files are not checked. One per CLI run or language service; reads settings through the
 * same {@link SettingsFiles} as the analysis options.
 */
export class SkipRules {
  private readonly fromSettings = new WeakMap<ProjectSettings, Ignore>();
  private readonly fromList = new WeakMap<readonly string[], Ignore>();
  /** Whether a folder or one above it (up to the root) has a tsconfig.json, by folder. */
  private readonly tsconfig = new Map<string, boolean>();

  constructor(
    private readonly host: FileSystemHost,
    private readonly settingsFiles: SettingsFiles,
  ) {}

  /** Drops what is cached about a changed file (a tsconfig.json; settings files are the SettingsFiles' own). */
  invalidate(fileName: string): void {
    if (path.basename(fileName) === 'tsconfig.json') this.tsconfig.clear();
  }

  /**
   * Why a file (or, with `isFolder`, everything below a folder) is not checked; undefined when it is.
   * For a folder only globs and library folders count.
   */
  skipOf(fileName: string, options: SkipOptions, isFolder = false): Skip | undefined {
    // A folder is judged by the settings of the files directly in it.
    const project = this.settingsFiles.settingsFor(isFolder ? path.join(fileName, '_') : fileName);
    const fileGlobs = project?.settings.ignore;
    if (project && fileGlobs) {
      let ig = this.fromSettings.get(project);
      if (!ig) this.fromSettings.set(project, (ig = compile(fileGlobs)));
      if (ignores(ig, path.dirname(project.file), fileName, isFolder)) return { kind: 'ignored', where: project.file };
    }
    const list = options.ignore;
    if (list && list.globs.length) {
      let ig = this.fromList.get(list.globs);
      if (!ig) this.fromList.set(list.globs, (ig = compile(list.globs)));
      if (ignores(ig, list.base, fileName, isFolder)) return { kind: 'ignored', where: list.source };
    }
    if (options.defaultIgnore !== false && project?.settings.defaultIgnore !== false) {
      const relative = relativePath(options.root, fileName);
      const folder = relative === undefined ? undefined : libraryFolderOf(relative, isFolder);
      if (folder !== undefined) return { kind: 'library', where: folder };
      if (!isFolder && isMinified(fileName)) return { kind: 'minified', where: '' };
    }
    if (!isFolder && path.extname(fileName) === '.js') {
      const ts = `${fileName.slice(0, -3)}.ts`;
      const jsText = this.host.readFile(ts) === undefined ? undefined : this.host.readFile(fileName);
      if (jsText !== undefined && looksCompiled(jsText, () => this.hasTsconfig(path.dirname(fileName), options.root)))
        return { kind: 'compiled', where: ts };
    }
    return undefined;
  }

  /** A tsconfig.json in `dir` or a folder above it, up to `root` (or up to 8 folders when `dir` is not below it). */
  private hasTsconfig(dir: string, root: string): boolean {
    const visited: string[] = [];
    let found = false;
    for (let depth = 0; depth < 40; depth++) {
      const cached = this.tsconfig.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      if (this.host.readFile(path.join(dir, 'tsconfig.json')) !== undefined) {
        found = true;
        break;
      }
      const parent = path.dirname(dir);
      if (dir === root || parent === dir || (relativePath(root, dir) === undefined && depth >= 8)) break;
      dir = parent;
    }
    for (const folder of visited) this.tsconfig.set(folder, found);
    return found;
  }
}

/** One sentence for a skipped file, as the CLI's and the server's notices say it. */
export function skipMessage(displayName: string, skip: Skip, where = skip.where): string {
  switch (skip.kind) {
    case 'ignored':
      return `Skipped ${displayName}: ignored by ${where}.`;
    case 'library':
      return `Skipped ${displayName}: it is in the library folder ${where} (set "defaultIgnore": false to check library code).`;
    case 'minified':
      return `Skipped ${displayName}: it is a minified file (set "defaultIgnore": false to check library code).`;
    case 'compiled':
      return `Skipped ${displayName}: it is compiled from ${path.basename(where)} beside it, which is checked instead.`;
  }
}
