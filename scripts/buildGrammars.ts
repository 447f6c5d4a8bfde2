// Writes syntaxes/<lang>.tmLanguage.json from syntaxes/src/markup.tmLanguage.jsonc.
// Run from the repository root: `npm run build:grammars`.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateGrammars, grammarSourcePath } from './grammarGenerator';

const result = generateGrammars(readFileSync(grammarSourcePath, 'utf8'));
if (!result.ok) {
  for (const problem of result.problems) console.error(`build-grammars: ${problem}`);
  process.exit(1);
}
for (const grammar of result.grammars) {
  writeFileSync(grammar.path, grammar.text);
  console.log(`build-grammars: wrote ${grammar.path} (${grammar.scopeName})`);
}
