/**
 * Runs the compiled `*.test.js` files of one folder with mocha inside a VS Code extension host. Both hosts
 * (code-server through the smoke-test payload, and @vscode/test-electron) call an extension-tests module's
 * `run()`; a rejected promise makes the host exit non-zero.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** The prefix of the one machine-readable line the harness reads to know how many tests ran. */
export const resultLinePrefix = '[mp-e2e result]';

/** Loads every `*.test.js` beside the bundle in `dir` and runs them; rejects on any failure or on no tests. */
export function runMochaFolder(dir: string, name: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${dir}`));
  for (const file of files) mocha.addFile(join(dir, file));
  const grep = process.env.MP_E2E_GREP;
  if (grep) mocha.grep(grep);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${resultLinePrefix} ${JSON.stringify({ suite: name, passed: passes, failed, pending })}`);
      if (failures > 0) reject(new Error(`${failures} of the ${name} tests failed`));
      else if (passes === 0) reject(new Error(`no ${name} test ran`));
      else resolve();
    });
  });
}
