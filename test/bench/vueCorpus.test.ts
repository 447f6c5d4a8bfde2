// The `.vue` slice of the benchmark corpus (uni-app projects): deterministic, exact in size, parseable by the Vue
// parser and TypeScript, with the asked share of user-info pages, and read by the checker: every template handler is
// found in its script (both styles), and the seeded mistakes the checker can see are reported where they were seeded.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse, type ElementNode } from '@vue/compiler-dom';
import ts from 'typescript';
import { ensureCorpus, type CorpusSpec } from '../../bench/generateCorpus';
import { analyzeFile } from '../../server/src/core/analyze';
import { mayMentionUserInfoApi } from '../../server/src/core/parse';
import { ProjectIndex } from '../../server/src/core/project';
import type { Finding } from '../../server/src/core/types';

const scratch = mkdtempSync(path.join(tmpdir(), 'mp-bench-vue-corpus-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function files(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(full);
    }
  };
  visit(root);
  return out;
}

function digest(root: string): string {
  const hash = createHash('sha256');
  for (const file of files(root)) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const analysable = (root: string) => files(root).filter((f) => /\.(js|ts|vue)$/.test(f));
const pages = (root: string) => files(root).filter((f) => f.endsWith('.vue') && f.includes(`${path.sep}pages${path.sep}`));

/** The Vue parser's errors, then TypeScript's syntax errors in each script block. */
function syntaxErrors(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const errors: string[] = [];
  const root = parse(text, { parseMode: 'sfc', onError: (e) => errors.push(`${path.basename(file)}: ${e.message}`) });
  for (const node of root.children) {
    if (node.type !== 1 || node.tag !== 'script') continue;
    const element = node as ElementNode;
    const content = text.slice(element.children[0]!.loc.start.offset, element.children.at(-1)!.loc.end.offset);
    const lang = element.props.some((p) => p.type === 6 && p.name === 'lang' && p.value?.content === 'ts');
    const sourceFile = ts.createSourceFile(
      file,
      content,
      ts.ScriptTarget.Latest,
      false,
      lang ? ts.ScriptKind.TS : ts.ScriptKind.JS,
    ) as ts.SourceFile & { parseDiagnostics: ts.Diagnostic[] };
    for (const d of sourceFile.parseDiagnostics)
      errors.push(`${path.basename(file)}:${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return errors;
}

/** Every finding of the checker over a corpus, per file, read from disk as the CLI reads it. */
function checkAll(root: string): Map<string, Finding[]> {
  const index = new ProjectIndex({
    readFile: (fileName) => {
      try {
        return readFileSync(fileName, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  return new Map(analysable(root).map((f) => [f, analyzeFile(f, readFileSync(f, 'utf8'), index).findings]));
}

/** Offsets of every occurrence of `needle` in `text`, plus `shift`. */
function offsetsOf(text: string, needle: string, shift = 0): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i + shift);
  return found;
}

describe('benchmark corpus: the .vue slice', () => {
  const worst: CorpusSpec = { kind: 'workspace', files: 200, share: 1, vue: true };
  const realistic: CorpusSpec = { kind: 'workspace', files: 200, share: 0.05, vue: true };

  it('writes exactly the asked number of analysable files, deterministically, apart from the script corpus', () => {
    const a = ensureCorpus(path.join(scratch, 'a'), worst);
    const b = ensureCorpus(path.join(scratch, 'b'), worst);
    assert.equal(a.generated, true);
    assert.equal(path.basename(a.info.root), 'vue-workspace-200-100pct');
    assert.equal(a.info.files, 200);
    assert.equal(analysable(a.info.root).length, 200);
    assert.equal(digest(a.info.root), digest(b.info.root));
    const script = ensureCorpus(path.join(scratch, 'a'), { kind: 'workspace', files: 200, share: 1 });
    assert.notEqual(script.info.root, a.info.root);
    assert.equal(ensureCorpus(path.join(scratch, 'a'), worst).generated, false);
  });

  it('writes uni-app projects: manifest.json and pages.json listing every page, Vue 2 Options and Vue 3 <script setup lang="ts">', () => {
    const root = ensureCorpus(path.join(scratch, 'a'), worst).info.root;
    for (const [project, vueVersion, opening] of [
      ['uni-vue2', '2', '<script>\nimport'],
      ['uni-vue3', '3', '<script setup lang="ts">'],
    ] as const) {
      const manifest = JSON.parse(readFileSync(path.join(root, project, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(manifest['vueVersion'], vueVersion);
      assert.ok(manifest['mp-weixin']);
      const listed = (
        JSON.parse(readFileSync(path.join(root, project, 'pages.json'), 'utf8')) as { pages: Array<{ path: string }> }
      ).pages
        .map((p) => path.join(root, project, `${p.path}.vue`))
        .sort();
      const written = pages(path.join(root, project));
      assert.deepEqual(listed, written);
      assert.ok(written.length > 50, `${project} has ${written.length} pages`);
      for (const page of written) assert.ok(readFileSync(page, 'utf8').includes(opening), `${page} is not ${project}'s style`);
    }
    const all = pages(root).map((f) => readFileSync(f, 'utf8'));
    for (const syntax of [
      '@tap="',
      '@click="',
      '@tap.stop="',
      ':open-type="\'getUserInfo\'"',
      '<!-- #ifdef MP-WEIXIN -->',
      '// #ifdef MP-WEIXIN',
      'data-eventsync="true"',
    ])
      assert.ok(
        all.some((text) => text.includes(syntax)),
        `no page uses ${syntax}`,
      );
  });

  it('produces pages the Vue parser and TypeScript read without a syntax error', () => {
    const root = ensureCorpus(path.join(scratch, 'a'), worst).info.root;
    assert.deepEqual(
      files(root)
        .filter((f) => f.endsWith('.vue'))
        .flatMap(syntaxErrors),
      [],
    );
  });

  it('makes every page a user-info page at 100 % and 1 in 20 at 5 %, as the pre-filter sees them', () => {
    const mentioning = (root: string) => pages(root).filter((f) => mayMentionUserInfoApi(readFileSync(f, 'utf8'))).length;
    const all = ensureCorpus(path.join(scratch, 'a'), worst).info;
    assert.equal(all.userInfoPages, all.pages);
    assert.equal(pages(all.root).length, all.pages);
    assert.equal(mentioning(all.root), all.pages);
    const some = ensureCorpus(path.join(scratch, 'a'), realistic).info;
    assert.equal(some.userInfoPages, Math.floor(some.pages * 0.05));
    assert.equal(mentioning(some.root), some.userInfoPages);
  });

  it('is read by the checker: every template handler is found, and the seeded template and onLoad mistakes are reported where they are', () => {
    const root = ensureCorpus(path.join(scratch, 'a'), worst).info.root;
    const findings = checkAll(root);
    const all = [...findings.values()].flat();
    assert.deepEqual(
      all.filter((f) => f.code === 'handler-not-found').map((f) => f.message),
      [],
    );
    let legacy = 0;
    let onLoad = 0;
    for (const page of pages(root)) {
      const text = readFileSync(page, 'utf8');
      const at = (code: string) =>
        findings
          .get(page)!
          .filter((f) => f.code === code)
          .map((f) => f.start);
      // `:open-type="'getUserInfo'"`: reported on the literal's text.
      const literals = offsetsOf(text, ':open-type="\'getUserInfo\'"', ':open-type="\''.length);
      for (const start of literals) assert.ok(at('getuserinfo-anonymous').includes(start), `${page}: open-type at ${start}`);
      // The WeChat-only `wx.getUserProfile` in onLoad (the one-line call only that case writes).
      const hooks = offsetsOf(text, 'wx.getUserProfile({ desc:');
      for (const start of hooks) assert.ok(at('not-in-tap-handler').includes(start), `${page}: onLoad call at ${start}`);
      legacy += literals.length;
      onLoad += hooks.length;
    }
    assert.ok(legacy > 0 && onLoad > 0, `the sample seeds both mistakes (${legacy}, ${onLoad})`);
  });

  it('writes a large .vue page of exactly the asked number of lines whose template handlers the checker all finds', () => {
    const info = ensureCorpus(scratch, { kind: 'large-file', lines: 1000, vue: true }).info;
    const text = readFileSync(info.script!, 'utf8');
    assert.equal(text.split('\n').length - 1, 1000);
    assert.deepEqual(syntaxErrors(info.script!), []);
    const findings = checkAll(info.root).get(info.script!)!;
    assert.deepEqual(
      findings.filter((f) => f.code === 'handler-not-found'),
      [],
    );
    assert.ok(findings.some((f) => f.code === 'getuserinfo-anonymous'));
  });
});
