/**
 * The seed corpus the mutation fuzzers start from: every page, app file, Vue single-file component and
 * configuration of the test fixtures and the examples (real mini-program code for all four platforms), read once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** One seed file, named relative to its project root (`pages/index/index.js`). */
export interface SeedFile {
  project: string;
  name: string;
  text: string;
}

function collect(dir: string, root: string, out: SeedFile[]): void {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) collect(full, root, out);
    else if (/\.(js|ts|jsx|tsx|wxml|axml|ttml|vue|json)$/.test(entry)) {
      out.push({
        project: path.relative(repoRoot, root),
        name: path.relative(root, full).split(path.sep).join('/'),
        text: readFileSync(full, 'utf8'),
      });
    }
  }
}

function projects(): string[] {
  const roots: string[] = [];
  for (const base of ['test/fixtures', 'examples']) {
    const dir = path.join(repoRoot, base);
    for (const entry of readdirSync(dir).sort()) {
      if (statSync(path.join(dir, entry)).isDirectory()) roots.push(path.join(dir, entry));
    }
  }
  return roots;
}

/** Every seed file of every fixture and example project. */
export const seedFiles: readonly SeedFile[] = projects().flatMap((root) => {
  const out: SeedFile[] = [];
  collect(root, root, out);
  return out;
});

/** The seed scripts (JS/TS/JSX/TSX). */
export const seedScripts = seedFiles.filter((f) => /\.(js|ts|jsx|tsx)$/.test(f.name));

/** The seed markup files (WXML/AXML/TTML). */
export const seedMarkup = seedFiles.filter((f) => /\.(wxml|axml|ttml)$/.test(f.name));

/** The seed Vue single-file components (uni-app and Taro + Vue pages, App.vue). */
export const seedVue = seedFiles.filter((f) => f.name.endsWith('.vue'));

/** The seed projects as file maps, for whole-project mutation. */
export const seedProjects: ReadonlyArray<Record<string, string>> = [...new Set(seedFiles.map((f) => f.project))].map((project) =>
  Object.fromEntries(seedFiles.filter((f) => f.project === project).map((f) => [f.name, f.text])),
);
