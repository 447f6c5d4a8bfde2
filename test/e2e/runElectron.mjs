#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite as `npm run test:e2e`, in VS Code desktop through
// @vscode/test-electron. It downloads VS Code (stable, or MP_VSCODE_VERSION) on first use, so it runs only
// where update.code.visualstudio.com is reachable; elsewhere it says so and exits 1, never passing silently.
// Linux without a display needs a virtual one: `xvfb-run -a npm run test:electron`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { E2eError, buildSuites, e2eCacheDir, repoRoot, requireBuild } from './codeServer.mjs';

const version = process.env.MP_VSCODE_VERSION || 'stable';
const root = mkdtempSync(join(tmpdir(), 'mp-userinfo-electron-'));
let exitCode = 1;
try {
  requireBuild();
  const bundles = await buildSuites();
  const workspace = join(root, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures'), workspace, { recursive: true });

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(e2eCacheDir(), 'vscode-test') });
  } catch (error) {
    throw new E2eError(
      `could not download VS Code ${version} (${error instanceof Error ? error.message : String(error)}). ` +
        'This machine cannot run the Electron suite; run `npm run test:e2e` (code-server) instead.',
    );
  }
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: bundles.suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(root, 'user-data'),
      ],
    });
  } catch (error) {
    // runTests rejects with TestRunFailedError when VS Code exits non-zero (a failed test or a crash).
    throw new E2eError(error instanceof Error ? error.message : String(error));
  }
  if (exitCode !== 0) throw new E2eError(`VS Code exited with ${exitCode}`);
  console.log('test:electron: passed');
} catch (error) {
  console.error(
    `test:electron: FAILED: ${error instanceof E2eError ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
