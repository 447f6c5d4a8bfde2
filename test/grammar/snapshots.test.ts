// Grammar snapshots: every sample under fixtures/ is tokenized with the grammar package.json contributes
// for its extension, and the rendered scopes must equal the committed `<sample>.snap` file.
// `UPDATE_SNAPSHOTS=1 node --import tsx --test test/grammar/snapshots.test.ts` rewrites the snapshots;
// review the diff before committing it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { markupLanguages, renderSnapshot, tokenize, type MarkupLanguage } from './textmate';

const fixtures = join(__dirname, 'fixtures');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const samples = readdirSync(fixtures).filter((name) => (markupLanguages as readonly string[]).includes(extname(name).slice(1)));

test('there is a sample for every markup language', () => {
  const covered = new Set(samples.map((name) => extname(name).slice(1)));
  assert.deepEqual([...covered].sort(), [...markupLanguages].sort());
});

test('every snapshot belongs to a sample', () => {
  const orphans = readdirSync(fixtures).filter((name) => name.endsWith('.snap') && !samples.includes(name.slice(0, -'.snap'.length)));
  assert.deepEqual(orphans, []);
});

for (const sample of samples) {
  test(`snapshot of ${sample}`, async () => {
    const language = extname(sample).slice(1) as MarkupLanguage;
    const text = readFileSync(join(fixtures, sample), 'utf8');
    const actual = renderSnapshot(text, await tokenize(text, language), language);
    const snapshotPath = join(fixtures, `${sample}.snap`);
    if (update) {
      writeFileSync(snapshotPath, actual);
      return;
    }
    assert.ok(existsSync(snapshotPath), `${sample}.snap is missing: run with UPDATE_SNAPSHOTS=1 and review it`);
    assert.equal(actual, readFileSync(snapshotPath, 'utf8'), `${sample}: the grammar output changed (UPDATE_SNAPSHOTS=1 rewrites the snapshot)`);
  });
}
