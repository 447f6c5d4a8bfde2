/**
 * Loads the extension's markup grammars the way VS Code does: from the `contributes.grammars` entries of
 * package.json (path, scope name, embedded languages, token types), with the vendored JavaScript grammar
 * standing in for VS Code's built-in `source.js`. Renders a document's tokens as a readable snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type StateStack } from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  embeddedLanguages?: Record<string, string>;
  tokenTypes?: Record<string, 'string' | 'comment' | 'other'>;
}

interface Manifest {
  contributes: { grammars: GrammarContribution[]; languages: Array<{ id: string; configuration?: string }> };
}

export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/** The markup language ids this extension contributes grammars for. */
export const markupLanguages = ['wxml', 'axml', 'ttml'] as const;
export type MarkupLanguage = (typeof markupLanguages)[number];

const javascriptGrammarPath = join(__dirname, 'vendor', 'JavaScript.tmLanguage.json');

// vscode-textmate identifies languages by number; 0 is reserved.
const languageNumbers = new Map<string, number>([...markupLanguages, 'javascript'].map((id, i) => [id, i + 1]));
const languageNames = new Map([...languageNumbers].map(([name, n]) => [n, name]));
const tokenTypeNumbers = { other: 0, comment: 1, string: 2 } as const;
const tokenTypeNames = ['other', 'comment', 'string', 'regex'];

function contributionFor(language: MarkupLanguage): GrammarContribution {
  const contribution = manifest.contributes.grammars.find((g) => g.language === language);
  if (!contribution) throw new Error(`package.json contributes no grammar for '${language}'`);
  return contribution;
}

let onigLib: Promise<IOnigLib> | undefined;

function loadOniguruma(): Promise<IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** Compiles a regular expression with the same engine as VS Code; returns the error message, if any. */
export async function onigurumaError(source: string): Promise<string | undefined> {
  await loadOniguruma();
  try {
    new oniguruma.OnigScanner([source]).dispose();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const grammars = new Map<MarkupLanguage, Promise<IGrammar>>();

/** The grammar VS Code would load for a markup language, configured from package.json. */
export function loadGrammar(language: MarkupLanguage): Promise<IGrammar> {
  let grammar = grammars.get(language);
  if (!grammar) {
    grammar = (async () => {
      const contribution = contributionFor(language);
      const registry = new Registry({
        onigLib: loadOniguruma(),
        loadGrammar: async (scopeName) => {
          if (scopeName === 'source.js') return parseRawGrammar(readFileSync(javascriptGrammarPath, 'utf8'), javascriptGrammarPath);
          if (scopeName === contribution.scopeName) {
            const path = join(repoRoot, contribution.path);
            return parseRawGrammar(readFileSync(path, 'utf8'), path);
          }
          return null;
        },
      });
      const embeddedLanguages: Record<string, number> = {};
      for (const [scope, id] of Object.entries(contribution.embeddedLanguages ?? {})) {
        const n = languageNumbers.get(id);
        if (n === undefined) throw new Error(`embedded language '${id}' has no number in the test harness`);
        embeddedLanguages[scope] = n;
      }
      const tokenTypes: Record<string, number> = {};
      for (const [selector, type] of Object.entries(contribution.tokenTypes ?? {})) tokenTypes[selector] = tokenTypeNumbers[type];
      const loaded = await registry.loadGrammarWithConfiguration(contribution.scopeName, languageNumbers.get(language)!, {
        embeddedLanguages,
        tokenTypes,
      });
      if (!loaded) throw new Error(`grammar ${contribution.scopeName} did not load`);
      return loaded;
    })();
    grammars.set(language, grammar);
  }
  return grammar;
}

/** One token of one line, with what VS Code derives from its scopes. */
export interface Token {
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  /** Scopes from outermost to innermost, including the grammar's root scope. */
  scopes: string[];
  /** The language VS Code considers the token to be in (`wxml`, `javascript`…). */
  language: string;
  /** `other`, `comment`, `string` or `regex`: decides where brackets and quotes auto-close. */
  tokenType: string;
}

// Layout of vscode-textmate's encoded token metadata: bits 0-7 the language id, bits 8-9 the token type.
const languageIdMask = 0xff;
const tokenTypeOffset = 8;
const tokenTypeMask = 0x3;

/** Tokenizes a whole document line by line, carrying the rule stack across lines like the editor does. */
export async function tokenize(text: string, language: MarkupLanguage): Promise<Token[]> {
  const grammar = await loadGrammar(language);
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const scoped = grammar.tokenizeLine(lineText, state);
    const encoded = grammar.tokenizeLine2(lineText, state).tokens;
    let e = 0;
    for (const token of scoped.tokens) {
      // Both token lists cover the line; the encoded one merges neighbours with equal metadata.
      while (e + 2 < encoded.length && encoded[e + 2]! <= token.startIndex) e += 2;
      const metadata = encoded[e + 1]!;
      tokens.push({
        line,
        startIndex: token.startIndex,
        endIndex: Math.min(token.endIndex, lineText.length),
        text: lineText.slice(token.startIndex, token.endIndex),
        scopes: token.scopes,
        language: languageNames.get(metadata & languageIdMask) ?? `#${metadata & languageIdMask}`,
        tokenType: tokenTypeNames[(metadata >>> tokenTypeOffset) & tokenTypeMask]!,
      });
    }
    state = scoped.ruleStack;
  });
  return tokens;
}

/**
 * Renders tokens as a snapshot: each source line prefixed with `>`, then one line per token with carets
 * under its characters, its scopes (without the root scope), and, when they differ from the markup
 * language's own, the embedded language and the token type. Whitespace-only tokens are left out.
 */
export function renderSnapshot(text: string, tokens: Token[], language: MarkupLanguage): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((lineText, line) => {
    out.push(`>${lineText}`);
    for (const token of tokens) {
      if (token.line !== line || token.text.trim() === '') continue;
      const marks = ' '.repeat(token.startIndex) + '^'.repeat(token.endIndex - token.startIndex);
      const notes = [token.language !== language ? token.language : '', token.tokenType !== 'other' ? token.tokenType : '']
        .filter(Boolean)
        .map((note) => `[${note}]`)
        .join(' ');
      out.push(`#${marks} ${[...token.scopes.slice(1), notes].join(' ').trim()}`);
    }
  });
  return `${out.join('\n')}\n`;
}

/**
 * The token under the `|` cursor of an inline fixture (the `|` is removed before tokenizing), e.g.
 * `tokenAt('<view |bindtap="x">', 'wxml')` is the `bind` token.
 */
export async function tokenAt(fixture: string, language: MarkupLanguage): Promise<Token> {
  const cursor = fixture.indexOf('|');
  if (cursor < 0) throw new Error('fixture has no | cursor');
  const text = fixture.slice(0, cursor) + fixture.slice(cursor + 1);
  const before = text.slice(0, cursor).split('\n');
  const line = before.length - 1;
  const column = before[line]!.length;
  const token = (await tokenize(text, language)).find((t) => t.line === line && t.startIndex <= column && column < t.endIndex);
  if (!token) throw new Error(`no token at line ${line}, column ${column}`);
  return token;
}
