import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { ensureCorpus, type CorpusSpec } from '../../bench/generateCorpus';
import { linearFit, median, percentile } from '../../bench/stats';
import { mayMentionUserInfoApi, scriptKindOf } from '../../server/src/core/parse';

const scratch = mkdtempSync(path.join(tmpdir(), 'mp-bench-corpus-'));
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

const scripts = (root: string) => files(root).filter((f) => /\.(js|ts|tsx)$/.test(f));
const analysable = (root: string) => files(root).filter((f) => /\.(js|ts|tsx|wxml|axml|ttml)$/.test(f));

function syntaxErrors(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file)) as ts.SourceFile & {
    parseDiagnostics: ts.Diagnostic[];
  };
  return sourceFile.parseDiagnostics.map(
    (d) => `${path.basename(file)}:${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

describe('benchmark corpus', () => {
  const worst: CorpusSpec = { kind: 'workspace', files: 200, share: 1 };
  const realistic: CorpusSpec = { kind: 'workspace', files: 200, share: 0.05 };

  it('writes exactly the asked number of analysable files, deterministically', () => {
    const a = ensureCorpus(path.join(scratch, 'a'), worst);
    const b = ensureCorpus(path.join(scratch, 'b'), worst);
    assert.equal(a.generated, true);
    assert.equal(a.info.files, 200);
    assert.equal(analysable(a.info.root).length, 200);
    assert.equal(digest(a.info.root), digest(b.info.root));
  });

  it('reuses a corpus whose manifest matches and regenerates one written by another generator', () => {
    const first = ensureCorpus(path.join(scratch, 'c'), worst);
    const before = digest(first.info.root);
    const again = ensureCorpus(path.join(scratch, 'c'), worst);
    assert.equal(again.generated, false);
    assert.equal(again.info.files, 200);
    const manifest = path.join(first.info.root, 'corpus.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"generatorVersion": "\w+"/, '"generatorVersion": "older"'));
    writeFileSync(path.join(first.info.root, 'stale.js'), 'wx.getUserProfile({})\n');
    const regenerated = ensureCorpus(path.join(scratch, 'c'), worst);
    assert.equal(regenerated.generated, true);
    assert.equal(digest(regenerated.info.root), before);
  });

  it('produces scripts TypeScript parses without a syntax error', () => {
    const root = ensureCorpus(path.join(scratch, 'a'), worst).info.root;
    const errors = scripts(root).flatMap(syntaxErrors);
    assert.deepEqual(errors, []);
  });

  it('makes every page a user-info page at 100 % and 1 in 20 at 5 %, as the pre-filter sees them', () => {
    const all = ensureCorpus(path.join(scratch, 'a'), worst).info;
    // Pages only: the app files log in (wx.login, my.getAuthCode), which the pre-filter also admits.
    const pages = (root: string) => scripts(root).filter((f) => f.includes(`${path.sep}pages${path.sep}`));
    const mentioning = (root: string) => pages(root).filter((f) => mayMentionUserInfoApi(readFileSync(f, 'utf8'))).length;
    assert.equal(all.userInfoPages, all.pages);
    assert.equal(mentioning(all.root), all.pages);
    const some = ensureCorpus(path.join(scratch, 'a'), realistic).info;
    assert.equal(some.userInfoPages, Math.floor(some.pages * 0.05));
    assert.equal(mentioning(some.root), some.userInfoPages);
  });

  it('covers every platform: WeChat JS and TS, Alipay, Douyin and Taro pages with their markup', () => {
    const root = ensureCorpus(path.join(scratch, 'a'), worst).info.root;
    const extensions = new Set(analysable(root).map((f) => path.extname(f)));
    assert.deepEqual([...extensions].sort(), ['.axml', '.js', '.ts', '.tsx', '.ttml', '.wxml']);
    for (const script of scripts(root).filter((f) => f.includes(`${path.sep}pages${path.sep}`) && !f.endsWith('.tsx'))) {
      const stem = script.slice(0, -path.extname(script).length);
      assert.ok(
        ['.wxml', '.axml', '.ttml'].some((ext) => files(path.dirname(script)).includes(stem + ext)),
        `${script} has no markup`,
      );
    }
  });

  it('writes a large page of exactly the asked number of lines, with markup binding its handlers', () => {
    const info = ensureCorpus(scratch, { kind: 'large-file', lines: 1000 }).info;
    const text = readFileSync(info.script!, 'utf8');
    assert.equal(text.split('\n').length - 1, 1000);
    assert.deepEqual(syntaxErrors(info.script!), []);
    const markup = readFileSync(info.script!.replace(/\.js$/, '.wxml'), 'utf8');
    for (const [, handler] of markup.matchAll(/bindtap="(\w+)"/g))
      assert.match(text, new RegExp(`\\b${handler}\\(`), `${handler} is bound but not defined`);
  });
});

describe('benchmark statistics', () => {
  it('takes medians and interpolated percentiles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(percentile([1, 2, 3, 4, 5], 50), 3);
    assert.equal(percentile([10, 20], 95), 19.5);
    assert.equal(percentile([7], 95), 7);
    assert.throws(() => median([]));
  });

  it('fits a line and reports how well it fits', () => {
    const fit = linearFit([
      [200, 500],
      [2000, 2300],
      [10000, 10300],
    ]);
    assert.ok(Math.abs(fit.slope - 1) < 1e-9);
    assert.ok(Math.abs(fit.intercept - 300) < 1e-6);
    assert.ok(Math.abs(fit.r2 - 1) < 1e-12);
  });
});
