// Writes the API reference generated from the catalog: docs/api.md (English) and docs/api.zh-CN.md.
// `npx tsx scripts/generate-docs.ts` regenerates them; `--check` only reports (exit 1) when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../server/src/core/docsMarkdown';

/** The generated reference files and their contents, by path relative to the repository root. */
export const referenceFiles: Array<{ path: string; render: () => string }> = [
  { path: 'docs/api.md', render: () => renderReference('en') },
  { path: 'docs/api.zh-CN.md', render: () => renderReference('zh-cn') },
];

function main(): number {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of referenceFiles) {
    const target = join(root, file.path);
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
