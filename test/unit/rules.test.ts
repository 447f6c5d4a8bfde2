// The rule registry as a whole: every rule is one module with its own test file, its documentation,
// its section of docs/rules.md and its row of the README; and its documented examples are true (the
// wrong one is reported by the rule, the right one is not).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/core/rules';
import { readmeRulesMarkers } from '../../server/src/core/rulesReference';
import { MemoryProject } from './helpers';

const root = join(__dirname, '..', '..');
const rulesFolder = join(root, 'server', 'src', 'core', 'rules');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/**
 * A documented example as files of a page: a `<!-- index.vue -->` example is a uni-app Vue 3 page; a markup example (`<!-- index.wxml -->` …) may carry its page
 * script after a `// index.js` line; a `// project.config.json: "libVersion": "x"` first line sets the project's libVersion.
 */
function exampleProject(example: string): { project: MemoryProject; files: string[] } {
  const files: Record<string, string> = {};
  // `<!-- index.vue -->`: a uni-app Vue 3 single-file component.
  if (example.startsWith('<!-- index.vue -->\n')) {
    files['manifest.json'] = '{ "vueVersion": "3", "mp-weixin": {} }';
    files['pages.json'] = '{ "pages": [{ "path": "pages/index/index" }] }';
    files['pages/index/index.vue'] = example.slice('<!-- index.vue -->\n'.length);
    return { project: new MemoryProject(files), files: ['pages/index/index.vue'] };
  }
  let script = example;
  const markup = /^<!-- index\.(wxml|axml|ttml) -->\n/.exec(example);
  if (markup) {
    const split = example.indexOf('\n// index.js\n');
    files[`pages/index/index.${markup[1]}`] = split < 0 ? example : example.slice(0, split);
    script = split < 0 ? '' : example.slice(split + '\n// index.js\n'.length);
    if (markup[1] === 'axml') files['mini.project.json'] = '{}';
  }
  const libVersion = /^\/\/ project\.config\.json: "libVersion": "([\d.]+)"/.exec(script)?.[1];
  files['project.config.json'] = JSON.stringify(libVersion ? { libVersion } : {});
  if (script) files['pages/index/index.js'] = script;
  return { project: new MemoryProject(files), files: Object.keys(files).filter((f) => f.startsWith('pages/')) };
}

function codesOf(example: string): string[] {
  const { project, files } = exampleProject(example);
  return files.flatMap((file) => project.analyze(file).map((f) => f.code));
}

describe('rule registry', () => {
  it('registers every rule module, each under its file name, once', () => {
    const modules = readdirSync(rulesFolder)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepEqual(rules.map((r) => r.id).sort(), modules);
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has its own test file', () => {
        assert.ok(existsSync(join(root, 'test', 'unit', `${rule.id}.test.ts`)), `test/unit/${rule.id}.test.ts`);
        assert.match(read(`test/unit/${rule.id}.test.ts`), new RegExp(`'${rule.id}'`));
      });

      it('is documented, with its section in docs/rules.md', () => {
        const { docs } = rule;
        for (const field of ['summary', 'rationale', 'wrong', 'right'] as const) assert.ok(docs[field].trim().length > 0, field);
        assert.ok(docs.platforms.length > 0);
        assert.notEqual(docs.wrong, docs.right);
        assert.match(
          read('docs/rules.md'),
          new RegExp(`^## ${rule.id}\\n\\n\\*\\*Default severity:\\*\\* ${rule.defaultSeverity} `, 'm'),
        );
      });

      it('is reported by its wrong example and not by its right one', () => {
        assert.ok(codesOf(rule.docs.wrong).includes(rule.id), `the wrong example of ${rule.id} is not reported`);
        assert.ok(!codesOf(rule.docs.right).includes(rule.id), `the right example of ${rule.id} is reported`);
      });

      const uniApp = rule.docs.uniApp;
      if (uniApp) {
        it('is reported by its uni-app wrong example and not by its right one, both .vue pages', () => {
          for (const example of [uniApp.wrong, uniApp.right]) assert.match(example, /^<!-- index\.vue -->\n<template>/);
          assert.ok(codesOf(uniApp.wrong).includes(rule.id), `the uni-app wrong example of ${rule.id} is not reported`);
          assert.ok(!codesOf(uniApp.right).includes(rule.id), `the uni-app right example of ${rule.id} is reported`);
        });
      }
    });
  }

  it('lists exactly the registered codes in the README rules table', () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf(readmeRulesMarkers.start), readme.indexOf(readmeRulesMarkers.end));
    assert.deepEqual(
      [...table.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\.md#\1\) \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`),
      rules.map((r) => `${r.id} ${r.defaultSeverity}`),
    );
  });
});
