/**
 * Generates the WXML, AXML and TTML TextMate grammars from one source, `syntaxes/src/markup.tmLanguage.jsonc`.
 *
 * The source holds a `grammar` template and a `languages` table. For each language the generator replaces
 * every `${variable}` in the template's strings with that language's value (`lang` is the language id
 * itself) and checks that every `#rule` include names a rule of the repository, because a grammar engine
 * silently ignores a dangling include. Problems come back as messages, never as exceptions.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Where the source lives and where the grammars go, relative to the repository root. */
export const grammarSourcePath = 'syntaxes/src/markup.tmLanguage.jsonc';

/** The repository-relative path of a generated grammar. */
export function grammarPath(languageId: string): string {
  return `syntaxes/${languageId}.tmLanguage.json`;
}

/** One generated grammar: where it goes and its exact file text. */
export interface GeneratedGrammar {
  languageId: string;
  scopeName: string;
  path: string;
  text: string;
}

/** The generator's outcome: every grammar, or the list of problems that stopped it. */
export type GenerateResult = { ok: true; grammars: GeneratedGrammar[] } | { ok: false; problems: string[] };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const placeholder = /\$\{(\w+)\}/g;

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function substitute(value: Json, variables: Record<string, string>, problems: Set<string>): Json {
  if (typeof value === 'string') {
    return value.replace(placeholder, (whole, name: string) => {
      const replacement = variables[name];
      if (replacement === undefined) {
        problems.add(`unknown variable ${whole} for language '${variables.lang}'`);
        return whole;
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, variables, problems));
  if (isObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = substitute(item, variables, problems);
    return out;
  }
  return value;
}

function collectIncludes(value: Json, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectIncludes(item, out);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'include' && typeof item === 'string' && item.startsWith('#')) out.add(item.slice(1));
      else collectIncludes(item, out);
    }
  }
  return out;
}

/** Builds every grammar from the source text. Pure: reads and writes no files. */
export function generateGrammars(sourceText: string): GenerateResult {
  const errors: ParseError[] = [];
  const source: unknown = parse(sourceText, errors, { allowTrailingComma: false });
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((e) => `${grammarSourcePath}: ${printParseErrorCode(e.error)} at offset ${e.offset}`),
    };
  }
  if (!isObject(source) || !isObject(source.languages) || !isObject(source.grammar)) {
    return { ok: false, problems: [`${grammarSourcePath}: expected an object with 'languages' and 'grammar'`] };
  }
  const template = source.grammar;
  const repository = isObject(template.repository) ? template.repository : {};
  const problems = new Set<string>();
  for (const name of collectIncludes(template, new Set())) {
    if (!(name in repository)) problems.add(`include '#${name}' names no rule of the repository`);
  }

  const grammars: GeneratedGrammar[] = [];
  for (const [languageId, settings] of Object.entries(source.languages)) {
    if (!isObject(settings)) {
      problems.add(`language '${languageId}': expected an object of variables`);
      continue;
    }
    const variables: Record<string, string> = { lang: languageId };
    for (const [name, value] of Object.entries(settings)) {
      if (typeof value === 'string') variables[name] = value;
      else problems.add(`language '${languageId}': variable '${name}' must be a string`);
    }
    const grammar = substitute(template, variables, problems);
    if (!isObject(grammar) || typeof grammar.scopeName !== 'string') {
      problems.add(`language '${languageId}': the grammar has no scopeName`);
      continue;
    }
    const path = grammarPath(languageId);
    const generated = {
      information_for_contributors: [
        `Generated from ${grammarSourcePath} by scripts/buildGrammars.ts; do not edit.`,
        'Change the source, then run `npm run build:grammars`.',
      ],
      ...grammar,
    };
    grammars.push({ languageId, scopeName: grammar.scopeName, path, text: `${JSON.stringify(generated, null, 2)}\n` });
  }
  return problems.size > 0 ? { ok: false, problems: [...problems] } : { ok: true, grammars };
}
