/**
 * The mini-program project around a file: its root and configuration (`project.config.json`,
 * `project.private.config.json`, `mini.project.json`), the page's markup next to a script
 * (`pages/x/x.js` ↔ `x.wxml`/`x.axml`/`x.ttml`), and the app file. Cross-file facts are cached per file
 * and dropped with {@link ProjectIndex.invalidate} when a file changes, never rebuilt per keystroke; the
 * same call answers which other files must be checked again ({@link Invalidation}).
 */
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import {
  attributeOf,
  isNicknameInput,
  markupFileExtensions,
  markupPlatform,
  openTypesOf,
  parseMarkup,
  tapEvents,
  type MarkupFacts,
} from './markup';
import { isLogin } from './callFacts';
import { parseScript } from './parse';
import { isVueFile, isVueTap, vueMarkupFacts } from './vue';
import { vueNames } from './conditional';
import { pageModelOf, type MarkupHandlers } from './model';
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
  /** Set for a uni-app project (a `manifest.json` beside a `pages.json`). */
  uniApp?: UniAppConfig;
}

/**
 * What a uni-app project's `manifest.json` says (uniapp.dcloud.net.cn/collocation/manifest.html). Its `libVersion`
 * is WeChat's: uni-app copies `libVersion` (with `appid` and `setting`) from the manifest's `mp-weixin` section into
 * the `project.config.json` it generates (dcloudio/uni-app `packages/uni-cli-shared/src/json/mp/project.ts`,
 * `projectKeys`); the manifest reference itself lists no such key for `mp-weixin`.
 */
export interface UniAppConfig {
  /**
   * The mini-program platforms the manifest has a section for (`mp-weixin`, `mp-alipay`, `mp-toutiao`): the builds
   * the project is set up for. All three when it has none of them.
   */
  targets: Platform[];
  /**
   * The major Vue version: the manifest's `vueVersion` (uniapp.dcloud.net.cn/tutorial/platform.html: Vue 3 needs
   * `"vueVersion": "3"` at the manifest's root), else package.json's `vue` dependency or the Vue 3 CLI's build plugin
   * (`@dcloudio/vite-plugin-uni`), else 2.
   */
  vueVersion: 2 | 3;
}

/** What one folder's configuration files say. */
interface FolderConfig {
  project: ProjectConfig;
  /** Only an `app.json`: a project configuration further up may name this folder its `miniprogramRoot`. */
  appJsonOnly: boolean;
  /** The configuration names its `miniprogramRoot` (else the app root is the folder, or `src/` for Taro). */
  miniprogramRoot: boolean;
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
/** The manifest section of each platform in a uni-app project. */
const uniSections: Record<Platform, string> = { wechat: 'mp-weixin', alipay: 'mp-alipay', douyin: 'mp-toutiao' };
const scriptExtensions = ['.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs'];
const appFileNames = ['app.js', 'app.ts', 'app.jsx', 'app.tsx', 'App.vue'];

/**
 * The files whose change can change what every file below their folder is told: the project
 * configurations, the app configuration and the settings files (`package.json` also tells Taro).
 */
export const projectFileNames: readonly string[] = [
  ...configFiles.map((c) => c.name),
  'project.private.config.json',
  'package.json',
  '.mp-userinfo.json',
  'manifest.json',
  'pages.json',
];

/**
 * What a file change makes stale besides the file itself: some named files (a page's markup ↔ its
 * scripts), or every file below a folder (an app file's pages, a configuration's project).
 */
export type Invalidation = { kind: 'files'; files: ReadonlySet<string> } | { kind: 'below'; folder: string };

/** True when a file must be checked again after a change that returned `invalidation`. */
export function isInvalidated(invalidation: Invalidation, fileName: string): boolean {
  if (invalidation.kind === 'files') return invalidation.files.has(fileName);
  const relative = path.relative(invalidation.folder, fileName);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The other files of a page: the scripts and markup files with the same stem (`x.js` ↔ `x.wxml`). */
function pageSiblings(fileName: string): Set<string> {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length);
  const siblings = new Set([...scriptExtensions, ...markupFileExtensions].map((extension) => stem + extension));
  siblings.delete(fileName);
  return siblings;
}

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

const taroTypes: Record<string, Platform> = { weapp: 'wechat', tt: 'douyin', alipay: 'alipay' };

/** The mini-program platforms a Taro project's package.json scripts build for (`taro build --type weapp`). */
function taroTargets(packageJson: Record<string, unknown> | undefined): Platform[] {
  const scripts = packageJson?.['scripts'];
  if (!scripts || typeof scripts !== 'object') return [];
  const targets = new Set<Platform>();
  for (const command of Object.values(scripts)) {
    if (typeof command !== 'string') continue;
    for (const match of command.matchAll(/--type[= ]+(\w+)/g)) {
      const platform = taroTypes[match[1]!];
      if (platform) targets.add(platform);
    }
  }
  return [...targets];
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
  /** The project of each folder holding a checked file. */
  private readonly projects = new Map<string, ProjectConfig>();
  /** What each folder's configuration files say (null: none), shared by every page below it. */
  private readonly configs = new Map<string, FolderConfig | null>();
  private readonly markups = new Map<string, PageMarkup | null>();
  /** Per app file, per login API (`tt.login`): whether the app logs in while it launches. */
  private readonly appLogin = new Map<string, Map<string, boolean>>();

  constructor(private readonly host: FileSystemHost) {}

  /**
   * Drops what is cached about a file (call on every change, create or delete, of any file, open or on
   * disk) and says which other files must be checked again: the paired files of a page's markup or
   * script; every file below the app root for an app file (`app.js`, `app.ts`, …); every file below the
   * folder of a configuration or settings file ({@link projectFileNames}).
   */
  invalidate(fileName: string): Invalidation {
    const base = path.basename(fileName);
    const folder = path.dirname(fileName);
    this.forget(fileName);
    if (projectFileNames.includes(base)) return { kind: 'below', folder };
    if (appFileNames.includes(base) && this.projectOf(fileName).appRoot === folder) return { kind: 'below', folder };
    // A Vue app's entry installs global mixins, which decide what its templates may name.
    if (base === 'main.js' || base === 'main.ts') return { kind: 'below', folder };
    return { kind: 'files', files: pageSiblings(fileName) };
  }

  /**
   * Drops what is cached about a file, as {@link invalidate} does, without working out what to check again (the CLI
   * forgets each page once it is checked).
   */
  forget(fileName: string): void {
    this.markups.delete(fileName);
    this.appLogin.delete(fileName);
    if (projectFileNames.includes(path.basename(fileName))) {
      this.projects.clear();
      this.configs.clear();
      this.appLogin.clear();
    }
  }

  /**
   * The project a file belongs to: the nearest folder above it with a project configuration. When that
   * is only an `app.json`, a project configuration further up whose `miniprogramRoot` holds the file
   * (WeChat's cloud and TypeScript templates: `"miniprogramRoot": "miniprogram/"`) is the project.
   */
  projectOf(fileName: string): ProjectConfig {
    const start = path.dirname(fileName);
    const cached = this.projects.get(start);
    if (cached) return cached;
    let found = this.nearestConfig(start, false);
    if (found?.appJsonOnly) {
      const outer = this.nearestConfig(path.dirname(found.project.root), true);
      if (outer?.miniprogramRoot && isInvalidated({ kind: 'below', folder: outer.project.appRoot }, fileName)) found = outer;
    }
    const project = found?.project ?? { root: start, appRoot: start, taro: false };
    this.projects.set(start, project);
    return project;
  }

  /** The configuration of the nearest folder at or above `start` that has one (with `projectOnly`, more than an `app.json`). */
  private nearestConfig(start: string, projectOnly: boolean): FolderConfig | undefined {
    for (let dir = start, depth = 0; depth < 30; depth++) {
      const config = this.configOf(dir);
      if (config && !(projectOnly && config.appJsonOnly)) return config;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return undefined;
  }

  private configOf(dir: string): FolderConfig | undefined {
    let config = this.configs.get(dir);
    if (config === undefined) {
      config = this.readProject(dir) ?? null;
      this.configs.set(dir, config);
    }
    return config ?? undefined;
  }

  private readProject(dir: string): FolderConfig | undefined {
    const uni = this.readUniApp(dir);
    if (uni) return uni;
    for (const config of configFiles) {
      const json = readJson(this.host, path.join(dir, config.name));
      if (!json) continue;
      const privateJson =
        config.name === 'project.config.json' ? readJson(this.host, path.join(dir, 'project.private.config.json')) : undefined;
      const miniprogramRoot = stringField(privateJson, 'miniprogramRoot') ?? stringField(json, 'miniprogramRoot');
      const packageJson = readJson(this.host, path.join(dir, 'package.json'));
      const taro = JSON.stringify(packageJson?.['dependencies'] ?? {}).includes('@tarojs/taro');
      const appRoot = miniprogramRoot
        ? path.join(dir, miniprogramRoot).replace(/(.)[\\/]+$/, '$1')
        : taro
          ? path.join(dir, 'src')
          : dir;
      const appid = stringField(json, 'appid') ?? stringField(json, 'appId');
      const libVersion = stringField(privateJson, 'libVersion') ?? stringField(json, 'libVersion');
      const configured = config.platform ?? (appid?.startsWith('tt') ? 'douyin' : appid?.startsWith('wx') ? 'wechat' : undefined);
      // A Taro project builds for the targets its scripts name (`taro build --type weapp`, `--type tt`); one of its
      // platform configuration files does not make it single-platform.
      const targets = taro ? taroTargets(packageJson) : [];
      const platform = targets.length === 1 ? targets[0] : targets.length > 1 ? undefined : configured;
      const project: ProjectConfig = {
        root: dir,
        appRoot,
        taro,
        ...(appid ? { appid } : {}),
        ...(libVersion ? { libVersion } : {}),
        ...(platform ? { platform } : {}),
      };
      return { project, appJsonOnly: config.name === 'app.json', miniprogramRoot: miniprogramRoot !== undefined };
    }
    return undefined;
  }

  /**
   * A uni-app project: `manifest.json` and `pages.json` side by side. HBuilderX projects keep them at the root; CLI
   * projects in `src/` (uniapp.dcloud.net.cn/collocation/manifest.html), whose parent holding package.json is the
   * root. Either way the folder with the manifest is the app root, where `App.vue` and `main.js` live.
   */
  private readUniApp(dir: string): FolderConfig | undefined {
    const manifest = readJson(this.host, path.join(dir, 'manifest.json'));
    if (!manifest || this.host.readFile(path.join(dir, 'pages.json')) === undefined) return undefined;
    const parent = path.dirname(dir);
    const cli = path.basename(dir) === 'src' && readJson(this.host, path.join(parent, 'package.json')) !== undefined;
    const root = cli ? parent : dir;
    const section = (platform: Platform) => {
      const value = manifest[uniSections[platform]];
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    };
    const configured = (Object.keys(uniSections) as Platform[]).filter((p) => section(p) !== undefined);
    const targets = configured.length ? configured : (Object.keys(uniSections) as Platform[]);
    const declared = String(manifest['vueVersion'] ?? '').trim();
    const packageJson = readJson(this.host, path.join(root, 'package.json'));
    const dependencies = { ...(packageJson?.['devDependencies'] as object), ...(packageJson?.['dependencies'] as object) };
    const vueMajor = /\d+/.exec(String((dependencies as Record<string, unknown>)['vue'] ?? ''))?.[0];
    const vueVersion: 2 | 3 =
      declared === '3' || (declared !== '2' && ('@dcloudio/vite-plugin-uni' in dependencies || vueMajor === '3')) ? 3 : 2;
    const appid = stringField(section('wechat'), 'appid');
    const libVersion = stringField(section('wechat'), 'libVersion');
    const project: ProjectConfig = {
      root,
      appRoot: dir,
      taro: false,
      uniApp: { targets, vueVersion },
      ...(appid ? { appid } : {}),
      ...(libVersion ? { libVersion } : {}),
      ...(targets.length === 1 ? { platform: targets[0]! } : {}),
    };
    return { project, appJsonOnly: false, miniprogramRoot: false };
  }

  /**
   * The platform a page's file is written for: a markup file's own; for a script, that of its one markup
   * file, else the project's (a page with `.wxml` and `.ttml` is for both).
   */
  platformOf(fileName: string): Platform | undefined {
    const own = markupPlatform(fileName);
    if (own) return own;
    // A `.vue` page is its own markup; it runs where the project builds for.
    if (isVueFile(fileName)) return this.projectOf(fileName).platform;
    const markup = this.pageMarkupOf(fileName);
    return markup.length === 1 ? markup[0]!.facts.platform : this.projectOf(fileName).platform;
  }

  /** The markup files paired with a page script (`x.js` ↔ `x.wxml`, `x.axml`, `x.ttml` in the same folder). */
  pageMarkupOf(scriptFile: string): PageMarkup[] {
    if (isVueFile(scriptFile)) {
      const template = this.markupFile(scriptFile);
      return template ? [template] : [];
    }
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
      if (isVueFile(fileName)) {
        // The template of a single-file component, read for the platform the project builds for.
        const text = this.host.readFile(fileName);
        const project = this.projectOf(fileName);
        const facts =
          text === undefined
            ? undefined
            : vueMarkupFacts(fileName, text, project.platform ?? 'wechat', vueNames(project.uniApp?.vueVersion));
        cached = facts ? { fileName, facts } : null;
      } else {
        const platform = markupPlatform(fileName);
        const text = platform ? this.host.readFile(fileName) : undefined;
        cached = platform && text !== undefined ? { fileName, facts: parseMarkup(text, platform) } : null;
      }
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
    if (isVueFile(markupFile)) return [markupFile];
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
    // The page JSON's components, read once per call and only when a `click` on a plain tag asks.
    let components: ReadonlySet<string> | undefined;
    const isCustomComponent = (tag: string) => tag.includes('-') || (components ??= this.pageComponents(scriptFile)).has(tag);
    for (const markup of markups) {
      for (const binding of markup.facts.bindings) {
        if (!binding.handler) continue;
        if (
          isVueTap(binding) ||
          tapEvents.has(binding.event) ||
          (binding.event === 'click' && isCustomComponent(binding.element.tag))
        )
          tap.add(binding.handler);
        // Each event once, appended in place: copying the list per binding was quadratic (20,000 bindings of one handler took 38 s).
        const events = bound.get(binding.handler);
        if (!events) bound.set(binding.handler, [binding.event]);
        else if (!events.includes(binding.event)) events.push(binding.event);
      }
    }
    const { nicknameHandlers, agreeButtons } = fillInFacts(markups);
    return { tap, bound, fileName: markups.map((m) => path.basename(m.fileName)).join(', '), nicknameHandlers, agreeButtons };
  }

  /**
   * The tags the page's JSON declares in `usingComponents`. With a tag holding `-` (`van-button`), these are the
   * custom components: a UI kit's button re-emits `click` synchronously from its own tap, so a handler bound to
   * its `click` still runs inside the user's gesture.
   */
  private pageComponents(scriptFile: string): ReadonlySet<string> {
    const stem = scriptFile.slice(0, scriptFile.length - path.extname(scriptFile).length);
    const using = readJson(this.host, `${stem}.json`)?.['usingComponents'];
    return new Set(typeof using === 'object' && using !== null ? Object.keys(using) : []);
  }

  /** True when the project's app file calls `<namespace>.login` while the app launches. */
  appLogsInOnLaunch(project: ProjectConfig, loginApi: string): boolean {
    for (const name of appFileNames) {
      const fileName = path.join(project.appRoot, name);
      let byApi = this.appLogin.get(fileName);
      if (!byApi) this.appLogin.set(fileName, (byApi = new Map()));
      let result = byApi.get(loginApi);
      if (result === undefined) {
        const text = this.host.readFile(fileName);
        result = text !== undefined && text.includes('login') && callsOnLaunch(fileName, text, loginApi);
        byApi.set(loginApi, result);
      }
      if (result) return true;
    }
    return false;
  }
}

/** Nickname inputs whose `input`/`blur` handlers read an unchecked nickname, and the privacy agree buttons of a page. */
function fillInFacts(markups: readonly PageMarkup[]): Pick<MarkupHandlers, 'nicknameHandlers' | 'agreeButtons'> {
  const nicknameHandlers = new Set<string>();
  const ids = new Set<string>();
  let count = 0;
  let unknownId = false;
  for (const { facts } of markups) {
    if (!facts.fillIn) continue;
    const bindingsOf = new Map<MarkupFacts['elements'][number], MarkupFacts['bindings']>();
    for (const binding of facts.bindings) {
      const list = bindingsOf.get(binding.element);
      if (list) list.push(binding);
      else bindingsOf.set(binding.element, [binding]);
    }
    for (const element of facts.elements) {
      if (isNicknameInput(element)) {
        const bindings = bindingsOf.get(element) ?? [];
        if (bindings.some((b) => b.event === 'nicknamereview')) continue;
        for (const b of bindings) if ((b.event === 'input' || b.event === 'blur') && b.handler) nicknameHandlers.add(b.handler);
      } else if (openTypesOf(element).includes('agreePrivacyAuthorization')) {
        count++;
        const id = attributeOf(element, 'id')?.value.trim();
        if (!id || id.includes('{{')) unknownId = true;
        else ids.add(id);
      }
    }
  }
  return { nicknameHandlers, agreeButtons: { ids, count, unknownId } };
}

/**
 * True when the app file logs in while the app launches: a login call that App `onLaunch`/`onShow` (or Taro's
 * launch hooks, or the app class's mount) reaches through any chain of calls, or one at module level.
 */
function callsOnLaunch(fileName: string, text: string, loginApi: string): boolean {
  const parsed = parseScript(fileName, text);
  if (!parsed.ok) return false;
  const model = pageModelOf(parsed.sourceFile);
  return model.calls.some((call) => isLogin(call, loginApi) && model.runsAtAppLaunch(call.node));
}
