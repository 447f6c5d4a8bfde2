// Runs every `*.test.ts` under test/ (except the editor suites in test/e2e, which need a VS Code host)
// with Node's test runner and tsx, so a new test folder needs no change to package.json.
// `node test/run.mjs unit lsp` limits the run to those folders.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('.', import.meta.url).pathname;
const skip = new Set(['e2e', 'fixtures']);
const only = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skip.has(name)) collect(full, out);
    } else if (name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

const folders = only.length ? only.map((f) => join(root, f)) : [root];
const files = folders.flatMap((f) => collect(f, []));
if (files.length === 0) {
  console.error(`test/run.mjs: no test files found under ${folders.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
