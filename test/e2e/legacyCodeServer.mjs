// Starts a code-server that predates its --vscode-option flag (4.93 has none; 4.139 has it) with VS Code's
// `enable-smoke-test-driver` switch, without which the workbench ignores the extensionDevelopmentPath/
// extensionTestsPath payload. VS Code's server reads that switch from the arguments code-server hands it,
// and code-server hands on every option its table (out/node/cli.js `options`) declares but refuses any other:
// this declares the one more option, then runs code-server's own entry point in this process.
//
// Usage: node legacyCodeServer.mjs <code-server's out/node/entry.js> [code-server options] --enable-smoke-test-driver
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  console.error('usage: node legacyCodeServer.mjs <code-server out/node/entry.js> [options]');
  process.exit(2);
}
const require = createRequire(entry);
require(join(dirname(entry), 'cli.js')).options['enable-smoke-test-driver'] = { type: 'boolean' };
require(entry);
