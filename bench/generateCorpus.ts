/**
 * The benchmark corpus: deterministic (seeded) mini-program workspaces and single large pages, written
 * under bench/corpus/ (git-ignored). A workspace of N files holds five projects (WeChat JS, WeChat
 * TypeScript, Alipay, Douyin, Taro) whose analysable files (scripts and markup) number exactly N. The
 * `share` knob sets the fraction of pages that call user-info APIs, spread evenly over the pages.
 * The `.vue` slice (`vue: true`) holds uni-app projects instead: a Vue 2 Options API project in JavaScript and a
 * Vue 3 `<script setup lang="ts">` project, each with manifest.json, pages.json, App.vue and utility modules.
 * A corpus is regenerated only when its manifest differs from what is asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Random, seedOf } from './random';
import {
  appScript,
  dialects,
  largePage,
  nativePage,
  pageIdentity,
  taroApp,
  taroPage,
  utilityModule,
  type Dialect,
} from './templates';
import { largeVuePage, vueApp, vuePage, type VueStyle } from './vueTemplates';

/** A digest of the generator's own sources: when they change, stale corpora are regenerated. */
const generatorVersion = createHash('sha256')
  .update(
    ['random.ts', 'templates.ts', 'vueTemplates.ts', 'generateCorpus.ts']
      .map((f) => readFileSync(path.join(__dirname, f), 'utf8'))
      .join('\0'),
  )
  .digest('hex')
  .slice(0, 16);
const baseSeed = 20240611;

/** A workspace of `files` analysable files, `share` of whose pages call user-info APIs. */
export interface WorkspaceSpec {
  kind: 'workspace';
  files: number;
  /** Fraction of pages calling user-info APIs, 0..1. */
  share: number;
  /** uni-app `.vue` projects instead of native and Taro ones. */
  vue?: true;
}

/** A WeChat project with one page script of `lines` lines (and its WXML), or a uni-app project with one `.vue` page. */
export interface LargeFileSpec {
  kind: 'large-file';
  lines: number;
  vue?: true;
}

export type CorpusSpec = WorkspaceSpec | LargeFileSpec;

/** What a generated corpus holds. */
export interface CorpusInfo {
  spec: CorpusSpec;
  /** The corpus folder. */
  root: string;
  /** Analysable files written (scripts and markup). */
  files: number;
  scripts: number;
  pages: number;
  /** Pages that call user-info APIs. */
  userInfoPages: number;
  bytes: number;
  /** For a large file: the page script (the `.vue` page in the `.vue` slice). */
  script?: string;
}

/** The folder name of a corpus: `workspace-2000-5pct`, `large-5000-lines`, `vue-workspace-2000-5pct`. */
export function corpusName(spec: CorpusSpec): string {
  const name =
    spec.kind === 'workspace' ? `workspace-${spec.files}-${Math.round(spec.share * 100)}pct` : `large-${spec.lines}-lines`;
  return spec.vue ? `vue-${name}` : name;
}

type ProjectKind = 'wechat' | 'wechat-ts' | 'alipay' | 'douyin' | 'taro';
const pageWeights: Readonly<Record<ProjectKind, number>> = { wechat: 35, 'wechat-ts': 15, alipay: 15, douyin: 15, taro: 20 };

class Writer {
  files = 0;
  scripts = 0;
  bytes = 0;

  constructor(readonly root: string) {}

  /** Writes a file; `counted` files are those the analyser reads. */
  write(relative: string, text: string, counted = true): void {
    const full = path.join(this.root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (!counted) return;
    this.files++;
    this.bytes += Buffer.byteLength(text);
    if (/\.(js|ts|tsx|vue)$/.test(relative)) this.scripts++;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function hex(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += random.int(0, 15).toString(16);
  return text;
}

/** The configuration files and the two fixed scripts (app, format utilities) of a project. */
function writeProjectShell(writer: Writer, kind: ProjectKind, random: Random): void {
  const dir = kind;
  const ts = kind === 'wechat-ts' || kind === 'taro';
  const ext = ts ? 'ts' : 'js';
  switch (kind) {
    case 'wechat':
    case 'wechat-ts':
      writer.write(
        `${dir}/project.config.json`,
        json({ appid: `wx${hex(random, 16)}`, libVersion: '2.30.4', compileType: 'miniprogram', projectname: dir }),
        false,
      );
      writer.write(`${dir}/app.json`, json({ pages: [], window: { navigationBarTitleText: 'Bench' } }), false);
      break;
    case 'alipay':
      writer.write(`${dir}/mini.project.json`, json({ format: 2, compileOptions: { component2: true } }), false);
      writer.write(`${dir}/app.json`, json({ pages: [] }), false);
      break;
    case 'douyin':
      writer.write(
        `${dir}/project.config.json`,
        json({ appid: `tt${hex(random, 16)}`, libVersion: '2.50.0', projectname: dir }),
        false,
      );
      writer.write(`${dir}/app.json`, json({ pages: [] }), false);
      break;
    case 'taro':
      writer.write(
        `${dir}/package.json`,
        json({
          name: 'bench-taro',
          private: true,
          dependencies: { '@tarojs/taro': '4.0.0', '@tarojs/components': '4.0.0', react: '18.3.1' },
        }),
        false,
      );
      writer.write(
        `${dir}/project.config.json`,
        json({ miniprogramRoot: 'dist/', appid: `wx${hex(random, 16)}`, libVersion: '2.30.4' }),
        false,
      );
      writer.write(`${dir}/src/app.ts`, taroApp());
      writer.write(`${dir}/src/utils/format.ts`, utilityModule(random, true, 'Taro', 0));
      return;
  }
  writer.write(`${dir}/app.${ext}`, appScript(dialectOf(kind), ts));
  writer.write(`${dir}/utils/format.${ext}`, utilityModule(random, ts, dialectOf(kind).ns, 0));
}

function dialectOf(kind: Exclude<ProjectKind, 'taro'>): Dialect {
  return kind === 'wechat-ts' ? dialects.wechat : dialects[kind];
}

type PlannedFile = { kind: ProjectKind; type: 'page' } | { kind: ProjectKind; type: 'utility' };

function generateWorkspace(
  writer: Writer,
  spec: WorkspaceSpec,
  random: Random,
): Omit<CorpusInfo, 'spec' | 'root' | 'files' | 'scripts' | 'bytes'> {
  const kinds = Object.keys(pageWeights) as ProjectKind[];
  for (const kind of kinds) writeProjectShell(writer, kind, random);
  // Plan first, so that user-info pages can be spread evenly over the final page count.
  const plan: PlannedFile[] = [];
  let remaining = spec.files - writer.files;
  if (remaining < 0) throw new Error(`a workspace needs at least ${writer.files} files`);
  while (remaining > 0) {
    const kind = random.weighted(pageWeights);
    const cost = kind === 'taro' ? 1 : 2;
    if (cost <= remaining) {
      plan.push({ kind, type: 'page' });
      remaining -= cost;
    } else {
      plan.push({ kind, type: 'utility' });
      remaining -= 1;
    }
  }
  const pages = plan.filter((p) => p.type === 'page').length;
  let pageIndex = 0;
  let userInfoPages = 0;
  plan.forEach((entry, serial) => {
    const { kind } = entry;
    const ts = kind === 'wechat-ts' || kind === 'taro';
    if (entry.type === 'utility') {
      const folder = kind === 'taro' ? 'taro/src/utils' : `${kind}/utils`;
      const ns = kind === 'taro' ? 'Taro' : dialectOf(kind).ns;
      writer.write(`${folder}/request-${serial}.${ts ? 'ts' : 'js'}`, utilityModule(random, ts, ns, 1));
      return;
    }
    const userInfo = isUserInfoPage(pageIndex, spec.share);
    pageIndex++;
    if (userInfo) userInfoPages++;
    const identity = pageIdentity(random, serial);
    if (kind === 'taro') {
      writer.write(`taro/src/pages/${identity.stem}/index.tsx`, taroPage(random, identity, userInfo));
      return;
    }
    const dialect = dialectOf(kind);
    const page = nativePage(random, { dialect, ts, identity, userInfo });
    const base = `${kind}/pages/${identity.stem}/${identity.stem}`;
    writer.write(`${base}.${ts ? 'ts' : 'js'}`, page.script);
    writer.write(`${base}.${dialect.markupExt}`, page.markup);
  });
  return { pages, userInfoPages };
}

/** Page i calls user-info APIs when ⌊(i+1)·share⌋ > ⌊i·share⌋: exactly round-down(pages·share), evenly spread. */
function isUserInfoPage(pageIndex: number, share: number): boolean {
  return Math.floor((pageIndex + 1) * share + 1e-9) > Math.floor(pageIndex * share + 1e-9);
}

type VueProject = 'uni-vue2' | 'uni-vue3';
const vueStyles: Readonly<Record<VueProject, VueStyle>> = { 'uni-vue2': 'options', 'uni-vue3': 'setup' };
const vuePageWeights: Readonly<Record<VueProject, number>> = { 'uni-vue2': 45, 'uni-vue3': 55 };

/** uni-app's project files: manifest.json (the Vue version, the WeChat build) and pages.json (the page list). */
function writeUniAppConfig(writer: Writer, dir: string, style: VueStyle, pages: readonly string[], random: Random): void {
  writer.write(
    `${dir}/manifest.json`,
    json({
      name: `bench-${dir}`,
      appid: `__UNI__${hex(random, 7).toUpperCase()}`,
      versionName: '1.0.0',
      vueVersion: style === 'setup' ? '3' : '2',
      'mp-weixin': { appid: `wx${hex(random, 16)}`, setting: { urlCheck: false }, usingComponents: true },
    }),
    false,
  );
  writer.write(
    `${dir}/pages.json`,
    json({
      pages: pages.map((page) => ({ path: page, style: { navigationBarTitleText: 'Bench', enablePullDownRefresh: true } })),
      globalStyle: { navigationBarTextStyle: 'black', navigationBarBackgroundColor: '#ffffff' },
    }),
    false,
  );
}

function generateVueWorkspace(
  writer: Writer,
  spec: WorkspaceSpec,
  random: Random,
): Omit<CorpusInfo, 'spec' | 'root' | 'files' | 'scripts' | 'bytes'> {
  const projects = Object.keys(vuePageWeights) as VueProject[];
  for (const dir of projects) {
    const style = vueStyles[dir];
    const ext = style === 'setup' ? 'ts' : 'js';
    writer.write(`${dir}/App.vue`, vueApp(style));
    writer.write(`${dir}/utils/format.${ext}`, utilityModule(random, ext === 'ts', 'uni', 0));
    writer.write(`${dir}/utils/request.${ext}`, utilityModule(random, ext === 'ts', 'uni', 1));
  }
  const remaining = spec.files - writer.files;
  if (remaining < 0) throw new Error(`a workspace needs at least ${writer.files} files`);
  const pageLists: Record<VueProject, string[]> = { 'uni-vue2': [], 'uni-vue3': [] };
  let userInfoPages = 0;
  for (let pageIndex = 0; pageIndex < remaining; pageIndex++) {
    const dir = random.weighted(vuePageWeights);
    const userInfo = isUserInfoPage(pageIndex, spec.share);
    if (userInfo) userInfoPages++;
    const identity = pageIdentity(random, pageIndex);
    const page = `pages/${identity.stem}/${identity.stem}`;
    pageLists[dir].push(page);
    writer.write(`${dir}/${page}.vue`, vuePage(random, { style: vueStyles[dir], identity, userInfo }).text);
  }
  for (const dir of projects) writeUniAppConfig(writer, dir, vueStyles[dir], pageLists[dir], random);
  return { pages: remaining, userInfoPages };
}

function manifestPath(root: string): string {
  return path.join(root, 'corpus.json');
}

/**
 * Generates a corpus under `corpusRoot` unless an identical one is already there; returns what it holds.
 * The same spec always yields byte-identical files.
 */
export function ensureCorpus(corpusRoot: string, spec: CorpusSpec): { info: CorpusInfo; generated: boolean } {
  const root = path.join(corpusRoot, corpusName(spec));
  const wanted = { generatorVersion, spec };
  if (existsSync(manifestPath(root))) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath(root), 'utf8')) as { generatorVersion: string; info: CorpusInfo };
      if (JSON.stringify({ generatorVersion: manifest.generatorVersion, spec: manifest.info.spec }) === JSON.stringify(wanted)) {
        return { info: { ...manifest.info, root }, generated: false };
      }
    } catch {
      // A damaged manifest: regenerate below.
    }
  }
  rmSync(root, { recursive: true, force: true });
  const random = new Random(seedOf(corpusName(spec), baseSeed));
  const writer = new Writer(root);
  let info: CorpusInfo;
  if (spec.kind === 'workspace') {
    const counts = spec.vue ? generateVueWorkspace(writer, spec, random) : generateWorkspace(writer, spec, random);
    info = { spec, root, files: writer.files, scripts: writer.scripts, bytes: writer.bytes, ...counts };
  } else {
    // One large page: a uni-app `.vue` page, or a native script with its WXML.
    let script: string;
    if (spec.vue) {
      writeUniAppConfig(writer, '.', 'options', ['pages/big/big'], random);
      writer.write('pages/big/big.vue', largeVuePage(random, spec.lines));
      script = 'pages/big/big.vue';
    } else {
      writer.write(
        'project.config.json',
        json({ appid: `wx${hex(random, 16)}`, libVersion: '2.30.4', compileType: 'miniprogram' }),
        false,
      );
      const page = largePage(random, spec.lines);
      writer.write('pages/big/big.js', page.script);
      writer.write('pages/big/big.wxml', page.markup);
      script = 'pages/big/big.js';
    }
    info = {
      spec,
      root,
      files: writer.files,
      scripts: writer.scripts,
      bytes: writer.bytes,
      pages: 1,
      userInfoPages: 1,
      script: path.join(root, script),
    };
  }
  writeFileSync(manifestPath(root), json({ ...wanted, info: { ...info, root: undefined } }));
  return { info, generated: true };
}
