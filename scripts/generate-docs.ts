// Writes the references generated from the code: docs/api.md (English) and docs/api.zh-CN.md from the
// catalog, docs/rules.md and the README's rules table from the rule modules.
// `npx tsx scripts/generate-docs.ts` regenerates them; `--check` only reports (exit 1) when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../server/src/core/docsMarkdown';
import { readmeRulesMarkers, renderReadmeRules, renderRulesReference } from '../server/src/core/rulesReference';

const repoRoot = join(__dirname, '..');

/** The README with its generated rules table; the rest of the README is left as it is. */
function renderReadme(): string {
  const rendered = renderReadmeRules(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  if (rendered === undefined)
    throw new Error(`README.md lacks the markers ${readmeRulesMarkers.start} … ${readmeRulesMarkers.end}`);
  return rendered;
}

/** The generated reference files and their contents, by path relative to the repository root. */
export const referenceFiles: Array<{ path: string; render: () => string }> = [
  { path: 'docs/api.md', render: () => renderReference('en') },
  { path: 'docs/api.zh-CN.md', render: () => renderReference('zh-cn') },
  { path: 'docs/rules.md', render: renderRulesReference },
  { path: 'README.md', render: renderReadme },
];

function main(): number {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of referenceFiles) {
    const target = join(repoRoot, file.path);
    const expected = file.render();
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === expected) continue;
    if (check) {
      stale++;
      console.error(`${file.path} is stale: run npm run docs`);
    } else {
      writeFileSync(target, expected);
      console.log(`wrote ${file.path}`);
    }
  }
  return stale ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
