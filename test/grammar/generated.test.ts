// The committed grammars are exactly what the generator makes of the source, every rule compiles with
// the editor's regular-expression engine, and package.json contributes them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generateGrammars, grammarSourcePath } from '../../scripts/grammarGenerator';
import { manifest, markupLanguages, onigurumaError, repoRoot } from './textmate';

const source = generateGrammars(readFileSync(join(repoRoot, grammarSourcePath), 'utf8'));
const grammars = source.ok ? source.grammars : [];

describe('generated grammars', () => {
  test('one grammar per markup language', () => {
    assert.deepEqual(source.ok ? [] : source.problems, [], 'the grammar source has problems');
    assert.deepEqual(grammars.map((g) => [g.languageId, g.scopeName, g.path]), [
      ['wxml', 'text.html.wxml', 'syntaxes/wxml.tmLanguage.json'],
      ['axml', 'text.html.axml', 'syntaxes/axml.tmLanguage.json'],
      ['ttml', 'text.html.ttml', 'syntaxes/ttml.tmLanguage.json'],
    ]);
  });

  for (const grammar of grammars) {
    test(`${grammar.path} is up to date with ${grammarSourcePath}`, () => {
      const committed = readFileSync(join(repoRoot, grammar.path), 'utf8');
      assert.ok(committed === grammar.text, `${grammar.path} is stale: run \`npm run build:grammars\``);
    });

    test(`every regular expression of ${grammar.path} compiles`, async () => {
      const failures: string[] = [];
      const visit = async (node: unknown, key: string): Promise<void> => {
        if (typeof node === 'string') {
          if (key === 'match' || key === 'begin' || key === 'end' || key === 'while') {
            // `end` may refer back to `begin` captures (\1), which the engine resolves before compiling.
            const source = key === 'end' || key === 'while' ? node.replace(/\\(\d)/g, 'x') : node;
            const error = await onigurumaError(source);
            if (error) failures.push(`${key}: ${node}: ${error}`);
          }
        } else if (Array.isArray(node)) {
          for (const item of node) await visit(item, '');
        } else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) await visit(v, k);
        }
      };
      await visit(JSON.parse(grammar.text), '');
      assert.deepEqual(failures, []);
    });
  }
});

describe('the generator reports problems instead of writing a broken grammar', () => {
  const minimal = (grammar: object, languages: object = { wxml: {} }) => JSON.stringify({ languages, grammar });

  test('an unknown ${variable}', () => {
    const result = generateGrammars(minimal({ scopeName: 'text.html.${lang}', patterns: [{ match: '${nope}' }] }));
    assert.deepEqual(result, { ok: false, problems: ["unknown variable ${nope} for language 'wxml'"] });
  });

  test('an include that names no rule', () => {
    const result = generateGrammars(minimal({ scopeName: 'x', patterns: [{ include: '#missing' }], repository: {} }));
    assert.deepEqual(result, { ok: false, problems: ["include '#missing' names no rule of the repository"] });
  });

  test('a syntax error in the source', () => {
    const result = generateGrammars('{ "languages": { ');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problems[0]!, /^syntaxes\/src\/markup\.tmLanguage\.jsonc: \w+ at offset \d+$/);
  });

  test('a non-string language variable', () => {
    const result = generateGrammars(minimal({ scopeName: 'x' }, { wxml: { name: 1 } }));
    assert.deepEqual(result, { ok: false, problems: ["language 'wxml': variable 'name' must be a string"] });
  });

  test('substitutes every variable, with lang as the language id', () => {
    const result = generateGrammars(minimal({ scopeName: 'text.html.${lang}', patterns: [{ match: '(${prefix}):' }] }, { ttml: { prefix: 'tt' } }));
    assert.ok(result.ok);
    const grammar = JSON.parse(result.grammars[0]!.text);
    assert.equal(grammar.scopeName, 'text.html.ttml');
    assert.deepEqual(grammar.patterns, [{ match: '(tt):' }]);
  });
});

describe('package.json contributes the markup languages', () => {
  for (const language of markupLanguages) {
    test(`${language}: grammar, embedded JavaScript and configuration`, () => {
      const grammar = manifest.contributes.grammars.find((g) => g.language === language);
      assert.ok(grammar, `no grammar for ${language}`);
      assert.equal(grammar.scopeName, `text.html.${language}`);
      assert.equal(grammar.path, `./syntaxes/${language}.tmLanguage.json`);
      assert.equal(JSON.parse(readFileSync(join(repoRoot, grammar.path), 'utf8')).scopeName, grammar.scopeName);
      assert.deepEqual(grammar.embeddedLanguages, { 'source.js': 'javascript' });
      const contribution = manifest.contributes.languages.find((l) => l.id === language);
      assert.ok(contribution?.configuration, `no language configuration for ${language}`);
      assert.ok(existsSync(join(repoRoot, contribution.configuration)));
    });
  }
});
