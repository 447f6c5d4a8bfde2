// The settings the extension declares in package.json: every setting the language server (and the
// client's LanguageClient) reads is declared, every declared setting is read, the per-rule severities
// follow the rule registry, and every %key% resolves in both translations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { rules } from '../../server/src/core/rules';

const root = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const manifest = readJson('package.json') as {
  contributes: { configuration: { title: string; properties: Record<string, Setting> } };
};
const configuration = manifest.contributes.configuration;
const nls = {
  en: readJson('package.nls.json') as Record<string, string>,
  'zh-cn': readJson('package.nls.zh-cn.json') as Record<string, string>,
};

interface Setting {
  type: string;
  default?: unknown;
  enum?: string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Setting>;
}

/** The member names of an interface declared in a source file. */
function interfaceMembers(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  assert.ok(declaration, `${file} declares ${name}`);
  return declaration.members.map((m) => m.name!.getText(source));
}

/** The settings read under `miniprogramUserInfo.`: the editor's own, the project-file ones it shares, and the client's trace. */
function readSettings(): string[] {
  const server = interfaceMembers('server/src/core/languageService.ts', 'EditorSettings');
  const shared = interfaceMembers('server/src/core/settings.ts', 'Settings');
  // vscode-languageclient reads `<client id>.trace.server`; the id is the first argument of `new LanguageClient`.
  const client = readFileSync(join(root, 'client/src/extension.ts'), 'utf8').match(/new LanguageClient\('([^']+)'/)?.[1];
  assert.equal(client, 'miniprogramUserInfo');
  return [...new Set([...server, ...shared, 'trace.server'])].map((key) => `miniprogramUserInfo.${key}`).sort();
}

/** Every `%key%` placeholder in a JSON value. */
function placeholders(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
}

describe('package.json configuration', () => {
  it('declares exactly the settings the server and client read', () => {
    assert.deepEqual(Object.keys(configuration.properties).sort(), readSettings());
  });

  it('describes every setting', () => {
    for (const [key, setting] of Object.entries(configuration.properties)) {
      assert.ok(setting.description ?? setting.markdownDescription, `${key} has a description`);
    }
  });

  it('has one severity property per registered rule, defaulting to the rule severity', () => {
    const setting = configuration.properties['miniprogramUserInfo.rules']!;
    assert.deepEqual(setting.default, {}, 'an empty default, so rules with per-finding severities keep them');
    assert.deepEqual(
      Object.keys(setting.properties!),
      rules.map((r) => r.id),
    );
    for (const rule of rules) {
      const property = setting.properties![rule.id]!;
      assert.deepEqual(property.enum, ['off', 'error', 'warning', 'information', 'hint'], rule.id);
      assert.equal(property.default, rule.defaultSeverity, rule.id);
      assert.equal(property.description, `%miniprogramUserInfo.rules.${rule.id}.description%`);
      // The English text is the rule's own summary, written once in the rule module.
      assert.equal(nls.en[`miniprogramUserInfo.rules.${rule.id}.description`], rule.docs.summary, rule.id);
    }
  });

  for (const [language, strings] of Object.entries(nls)) {
    it(`resolves every %key% of the manifest in the ${language} strings`, () => {
      const keys = placeholders(manifest);
      assert.ok(keys.length > rules.length, 'the manifest uses placeholders');
      const missing = keys.filter((key) => typeof strings[key] !== 'string' || strings[key] === '');
      assert.deepEqual(missing, []);
    });
  }

  it('translates every English string and leaves no unused one', () => {
    assert.deepEqual(Object.keys(nls['zh-cn']).sort(), Object.keys(nls.en).sort());
    const used = new Set(placeholders(manifest));
    assert.deepEqual(
      Object.keys(nls.en).filter((key) => !used.has(key)),
      [],
    );
    for (const [key, text] of Object.entries(nls['zh-cn'])) {
      if (key.endsWith('.description')) assert.match(text, /\p{Script=Han}/u, `${key} is in Chinese`);
    }
  });
});
