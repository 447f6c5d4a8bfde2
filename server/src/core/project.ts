/**
 * The mini-program project around a file: its root and configuration (`project.config.json`,
 * `project.private.config.json`, `mini.project.json`), the page's markup next to a script
 * (`pages/x/x.js` ↔ `x.wxml`/`x.axml`/`x.ttml`), and the app file. Cross-file facts are cached per file
 * and dropped with {@link ProjectIndex.invalidate} when a file changes, never rebuilt per keystroke.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { parse as parseJsonc } from 'jsonc-parser';
import { collectAliases, findApiCalls } from './calls';
import { markupFileExtensions, markupPlatform, parseMarkup, tapEvents, type MarkupFacts } from './markup';
import { enclosingFunction, parseScript, propertyNameText, skipOuterExpressions } from './parse';
import type { MarkupHandlers } from './handlers';
import type { Platform } from './types';

/** How the core reads files: the CLI reads the disk, the server overlays open documents. */
export interface FileSystemHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(fileName: string): string | undefined;
}

/** What a project's configuration says. */
export interface ProjectConfig {
  /** The folder holding the project configuration (or the file's own folder when none was found). */
  root: string;
  /** The folder holding `app.json`/`app.js` (`miniprogramRoot`, `src/` for Taro, else the root). */
  appRoot: string;
  appid?: string;
  /** The minimum base library the project targets (`libVersion`). */
  libVersion?: string;
  /** The platform the configuration file implies, when it does. */
  platform?: Platform;
  /** True for a Taro project (`@tarojs/taro` in package.json). */
  taro: boolean;
}

/** A page's markup file with its facts. */
export interface PageMarkup {
  fileName: string;
  facts: MarkupFacts;
}

const configFiles: Array<{ name: string; platform?: Platform }> = [
  { name: 'project.config.json' },
  { name: 'mini.project.json', platform: 'alipay' },
  { name: 'project.tt.json', platform: 'douyin' },
  { name: 'app.json' },
];
const scriptExtensions = ['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs'];
const appFileNames = ['app.js', 'app.ts', 'app.jsx', 'app.tsx'];
const launchFunctions = new Set(['onLaunch', 'componentDidMount', 'componentWillMount', 'useLaunch', 'onShow']);

function readJson(host: FileSystemHost, fileName: string): Record<string, unknown> | undefined {
  const text = host.readFile(fileName);
  if (text === undefined) return undefined;
  const value: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringField(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Compares dotted version strings numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Cross-file facts of the workspace, cached per file. */
export class ProjectIndex {
  private readonly projects = new Map<string, ProjectConfig>();
  /** What each folder's configuration files say (null: none), shared by every page below it. */
  private readonly configs = new Map<string, ProjectConfig | null>();
  private readonly markups = new Map<string, PageMarkup | null>();
  private readonly appLogin = new Map<string, boolean>();

  constructor(private readonly host: FileSystemHost) {}

  /** Drops what is cached about a file (call on every change, create or delete). */
  invalidate(fileName: string): void {
    const base = path.basename(fileName);
    this.markups.delete(fileName);
    this.appLogin.delete(fileName);
    if (configFiles.some((c) => c.name === base) || base === 'project.private.config.json' || base === 'package.json') {
      this.projects.clear();
      this.configs.clear();
      this.appLogin.clear();
    }
  }

  /** The project a file belongs to: the nearest folder above it with a project configuration. */
  projectOf(fileName: string): ProjectConfig {
    const start = path.dirname(fileName);
    const cached = this.projects.get(start);
    if (cached) return cached;
    let found: ProjectConfig | undefined;
    for (let dir = start, depth = 0; depth < 30; depth++) {
      found = this.configOf(dir);
      if (found) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    const project = found ?? { root: start, appRoot: start, taro: false };
    this.projects.set(start, project);
    return project;
  }

  private configOf(dir: string): ProjectConfig | undefined {
    let config = this.configs.get(dir);
    if (config === undefined) {
      config = this.readProject(dir) ?? null;
      this.configs.set(dir, config);
    }
    return config ?? undefined;
  }

  private readProject(dir: string): ProjectConfig | undefined {
    for (const config of configFiles) {
      const json = readJson(this.host, path.join(dir, config.name));
      if (!json) continue;
      const privateJson = config.name === 'project.config.json' ? readJson(this.host, path.join(dir, 'project.private.config.json')) : undefined;
      const miniprogramRoot = stringField(json, 'miniprogramRoot');
      const packageJson = readJson(this.host, path.join(dir, 'package.json'));
      const taro = JSON.stringify(packageJson?.['dependencies'] ?? {}).includes('@tarojs/taro');
      const appRoot = miniprogramRoot ? path.join(dir, miniprogramRoot).replace(/(.)[\\/]+$/, '$1') : taro ? path.join(dir, 'src') : dir;
      const appid = stringField(json, 'appid') ?? stringField(json, 'appId');
      const libVersion = stringField(privateJson, 'libVersion') ?? stringField(json, 'libVersion');
      const platform = config.platform ?? (appid?.startsWith('tt') ? 'douyin' : appid?.startsWith('wx') ? 'wechat' : undefined);
      return {
        root: dir,
        appRoot,
        taro,
        ...(appid ? { appid } : {}),
        ...(libVersion ? { libVersion } : {}),
        ...(platform ? { platform } : {}),
      };
    }
    return undefined;
  }

  /** The markup files paired with a page script (`x.js` ↔ `x.wxml`, `x.axml`, `x.ttml` in the same folder). */
  pageMarkupOf(scriptFile: string): PageMarkup[] {
    const stem = scriptFile.slice(0, scriptFile.length - path.extname(scriptFile).length);
    const result: PageMarkup[] = [];
    for (const extension of markupFileExtensions) {
      const markup = this.markupFile(stem + extension);
      if (markup) result.push(markup);
    }
    return result;
  }

  /** The parsed markup file, or undefined when it does not exist. */
  markupFile(fileName: string): PageMarkup | undefined {
    let cached = this.markups.get(fileName);
    if (cached === undefined) {
      const platform = markupPlatform(fileName);
      const text = platform ? this.host.readFile(fileName) : undefined;
      cached = platform && text !== undefined ? { fileName, facts: parseMarkup(text, platform) } : null;
      this.markups.set(fileName, cached);
    }
    return cached ?? undefined;
  }

  /** A file's text through the host (open documents first), e.g. the script paired with a markup file. */
  readFile(fileName: string): string | undefined {
    return this.host.readFile(fileName);
  }

  /** The scripts a markup file pairs with (those that exist). */
  scriptsOfMarkup(markupFile: string): string[] {
    const stem = markupFile.slice(0, markupFile.length - path.extname(markupFile).length);
    return scriptExtensions.map((ext) => stem + ext).filter((f) => this.host.readFile(f) !== undefined);
  }

  /**
   * The handler facts of a page's markup for the gesture analysis; undefined when the page has no markup
   * or binds handlers dynamically, since then any method might be a tap handler.
   */
  markupHandlersOf(scriptFile: string): MarkupHandlers | undefined {
    const markups = this.pageMarkupOf(scriptFile);
    if (markups.length === 0 || markups.some((m) => m.facts.hasDynamicBindings)) return undefined;
    const tap = new Set<string>();
    const bound = new Map<string, string[]>();
    for (const markup of markups) {
      for (const binding of markup.facts.bindings) {
        if (!binding.handler) continue;
        if (tapEvents.has(binding.event)) tap.add(binding.handler);
        // Each event once, appended in place: copying the list per binding was quadratic (20,000 bindings of one handler took 38 s).
        const events = bound.get(binding.handler);
        if (!events) bound.set(binding.handler, [binding.event]);
        else if (!events.includes(binding.event)) events.push(binding.event);
      }
    }
    return { tap, bound, fileName: markups.map((m) => path.basename(m.fileName)).join(', ') };
  }

  /** True when the project's app file calls `<namespace>.login` while the app launches. */
  appLogsInOnLaunch(project: ProjectConfig, loginApi: string): boolean {
    for (const name of appFileNames) {
      const fileName = path.join(project.appRoot, name);
      const key = `${fileName}#${loginApi}`;
      const cached = this.appLogin.get(key);
      if (cached !== undefined) {
        if (cached) return true;
        continue;
      }
      const text = this.host.readFile(fileName);
      const result = text !== undefined && text.includes('login') && callsOnLaunch(fileName, text, loginApi);
      this.appLogin.set(key, result);
      if (result) return true;
    }
    return false;
  }
}

/** True when the app file calls the login API inside `onLaunch` (or Taro's launch hooks) or at module level. */
function callsOnLaunch(fileName: string, text: string, loginApi: string): boolean {
  const parsed = parseScript(fileName, text);
  if (!parsed.ok) return false;
  const sourceFile = parsed.sourceFile;
  const [namespace, name] = loginApi.split('.');
  const aliases = collectAliases(sourceFile);
  return findApiCalls(sourceFile, aliases).some((call) => {
    if (call.ref.name !== name || (call.ref.namespace !== namespace && call.ref.namespace !== 'Taro')) return false;
    for (let fn = enclosingFunction(call.node); fn; fn = enclosingFunction(fn)) {
      const member = fn.parent && (ts.isPropertyAssignment(fn.parent) ? fn.parent.name : undefined);
      const own = ts.isMethodDeclaration(fn) ? propertyNameText(fn.name) : propertyNameText(member);
      if (own && launchFunctions.has(own)) return true;
      const host = fn.parent;
      if (host && ts.isCallExpression(host)) {
        const callee = skipOuterExpressions(host.expression);
        if (ts.isIdentifier(callee) && launchFunctions.has(callee.text)) return true;
      }
    }
    return enclosingFunction(call.node) === undefined;
  });
}
