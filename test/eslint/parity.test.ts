/**
 * The ESLint plugin reports what `mp-userinfo check` reports: ESLint's Node API with the built plugin's `all`
 * configuration and no config file, against `mp-userinfo check --format json`, over examples/ and the test
 * fixtures, compared by (file, line, column, code) on the files ESLint lints: scripts, and `.vue` files with
 * vue-eslint-parser (findings in WXML/AXML/TTML are the checker's alone).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';
import { loadPlugin, repoRoot } from './plugin';

const plugin = loadPlugin();
const scriptExtensions = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.vue'];
const typescriptFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** A project's ESLint configuration: every script extension, TypeScript through its parser, the plugin. */
const config: Linter.Config[] = [
  { files: scriptExtensions.map((extension) => `**/*${extension}`) },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: typescriptFiles, languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  // Single-file components: vue-eslint-parser, with the TypeScript parser for `<script lang="ts">`.
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } } },
  plugin.configs.all!,
];

interface CliFinding {
  file: string;
  line: number;
  column: number;
  code: string;
}

async function eslintKeys(paths: string[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config });
  const keys: string[] = [];
  for (const result of await eslint.lintFiles(paths)) {
    const file = path.relative(repoRoot, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      // A parse error has no rule: it would show here as `null`, and fail the comparison.
      const code = message.ruleId?.replace(/^mp-userinfo\//, '') ?? `fatal: ${message.message}`;
      keys.push(`${file}:${message.line}:${message.column} ${code}`);
    }
  }
  return keys.sort();
}

function cliKeys(paths: string[]): string[] {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', ...paths, '--format', 'json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return (JSON.parse(result.stdout) as CliFinding[])
    .filter((f) => scriptExtensions.includes(path.extname(f.file)))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)
    .sort();
}

describe('ESLint with the plugin against mp-userinfo check', () => {
  for (const paths of [['examples'], ['test/fixtures']]) {
    it(`reports the same script findings over ${paths.join(' ')}`, async () => {
      const expected = cliKeys(paths);
      assert.ok(expected.length > 5, `the checker finds too little in ${paths.join(' ')} for a comparison`);
      assert.deepEqual(await eslintKeys(paths), expected);
    });
  }

  it('reports the examples at the levels of the recommended configuration', async () => {
    const eslint = new ESLint({
      cwd: repoRoot,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended!],
    });
    const levels = new Map<string, number>();
    for (const result of await eslint.lintFiles(['examples']))
      for (const message of result.messages) levels.set(message.ruleId ?? 'fatal', message.severity);
    // error → error; warning and information → warn.
    assert.equal(levels.get('mp-userinfo/not-in-tap-handler'), 2);
    assert.equal(levels.get('mp-userinfo/desc-missing'), 2);
    assert.equal(levels.get('mp-userinfo/tt-login-required'), 1);
    assert.equal(levels.get('mp-userinfo/unhandled-refusal'), 1);
    // The estimate that non-ASCII counts 2 is a warning in the checker, below desc-too-long's `error`.
    assert.equal(levels.has('mp-userinfo/desc-too-long'), false);
  });
});
