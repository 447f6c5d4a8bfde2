/**
 * The parse-only baseline: what `mp-userinfo check` would cost if it did nothing but find the files,
 * read them and parse every script with TypeScript. It walks the folders the way the CLI does (same
 * skipped folders, same file kinds), reads markup files too (the CLI reads them), and parses each script
 * with `ts.createSourceFile` (parent pointers on, as the analyser's parse). A `.vue` file is parsed as any
 * Vue-aware checker must parse it (`vueParse.ts`): the component with @vue/compiler-dom, its script blocks with
 * TypeScript. Bundled by esbuild like the CLI (same entry fields, so the same build of @vue/compiler-dom), so
 * both start the same way: one Node process, TypeScript and the Vue parser inlined in the bundle.
 *
 * Usage: node parseOnly.js <paths…>; prints a JSON summary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { parseVueFile } from './vueParse';

const skippedFolders = new Set(['node_modules', 'dist', 'miniprogram_npm', '.git']);
const scriptKinds: Record<string, ts.ScriptKind> = {
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
  '.ts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
};
const markupExtensions = new Set(['.wxml', '.axml', '.ttml']);

function collect(target: string, out: string[]): void {
  if (!statSync(target).isDirectory()) {
    out.push(target);
    return;
  }
  for (const name of readdirSync(target).sort()) {
    const full = path.join(target, name);
    if (statSync(full).isDirectory()) {
      if (!skippedFolders.has(name)) collect(full, out);
    } else {
      const ext = path.extname(name);
      if ((ext in scriptKinds && !name.endsWith('.d.ts')) || markupExtensions.has(ext) || ext === '.vue') out.push(full);
    }
  }
}

const files: string[] = [];
for (const target of process.argv.slice(2)) collect(path.resolve(target), files);
let parsed = 0;
let statements = 0;
for (const file of files.sort()) {
  const text = readFileSync(file, 'utf8');
  if (path.extname(file) === '.vue') {
    statements += parseVueFile(file, text);
    parsed++;
    continue;
  }
  const kind = scriptKinds[path.extname(file)];
  if (kind === undefined) continue;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  parsed++;
  statements += sourceFile.statements.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, parsed, statements })}\n`);
