#!/usr/bin/env node
// `npm run test:e2e`: the extension inside a real VS Code (code-server's Node extension host, driven by
// headless Chromium). Three phases, each against its own temporary copy of test/fixtures:
//   suite  the mocha suite (test/e2e/suite) loaded through the extensionDevelopmentPath/extensionTestsPath payload;
//   vsix   `vsce package`, `code-server --install-extension`, then test/e2e/installed against the installed copy;
//   ui     the Playwright run of test/e2e/ui.mjs: squiggle, Problems view, hover, the decoder panel; screenshots.
// The phases run on each code-server setup.sh installed: the newest (VS Code 1.139), then the oldest VS Code
// package.json's engines.vscode claims (1.93).
// Needs `bash scripts/e2e/setup.sh` and `npm run build` first; fails plainly (exit 1) when either is missing.
//
// Options: --phases suite,vsix,ui   run only these phases
//          --vscode newest,oldest   run only on these code-servers (by role, or by VS Code version: 1.93.1)
//          --update-screenshots     also copy the UI run's screenshots of the checks that passed over the README's
//                                   pictures in docs/images/ (`npm run screenshots`); a test run writes only to
//                                   test-results/, so it leaves the tree clean
// Environment: MP_E2E_TIMEOUT_MS (whole run, default 900000), MP_E2E_GREP (mocha grep), MP_E2E_KEEP=1 (keep temp files).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  E2eError,
  buildSuites,
  launchBrowser,
  makeTempRoot,
  makeWorkspace,
  readReady,
  repoRoot,
  requireBuild,
  runExtensionTests,
  seconds,
  startCodeServer,
  stopAllServers,
  workbenchUrl,
} from './codeServer.mjs';
import { runUi } from './ui.mjs';

const allPhases = ['suite', 'vsix', 'ui'];
const { values: args } = parseArgs({
  options: {
    phases: { type: 'string', default: allPhases.join(',') },
    vscode: { type: 'string', default: 'newest,oldest' },
    'update-screenshots': { type: 'boolean', default: false },
  },
});
const phases = args.phases
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
for (const phase of phases) {
  if (!allPhases.includes(phase)) {
    console.error(`test:e2e: unknown phase "${phase}" (phases: ${allPhases.join(', ')})`);
    process.exit(2);
  }
}
const overallTimeoutMs = Number(process.env.MP_E2E_TIMEOUT_MS ?? 900_000);
const resultPrefix = '[mp-e2e result]';

let root;
let browser;
let cleaningUp = false;

/** Stops every server, closes the browser, removes the temp folder. Safe to call twice. */
async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  // Servers first: their process groups hold the extension hosts and language servers.
  await stopAllServers();
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (root && !process.env.MP_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  else if (root) console.log(`test:e2e: kept ${root}`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`test:e2e: ${signal}, stopping code-server`);
    const started = Date.now();
    void cleanup().finally(() => {
      console.error(`test:e2e: stopped in ${seconds(Date.now() - started)}`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  });
}
const hardTimeout = setTimeout(() => {
  console.error(`test:e2e: FAILED: the whole run exceeded ${overallTimeoutMs} ms`);
  void cleanup().finally(() => process.exit(1));
}, overallTimeoutMs);

/**
 * Workbench chatter relayed with the suite's output that says nothing about the extension: connection set-up,
 * the gallery lookups that fail offline (and their stack lines), agent and policy services.
 */
const noise =
  /^(Resolv(ing|ed) connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|\[lifecycle\] Long running operations|getaddrinfo ENOTFOUND open-vsx\.org|Failed to execute 'abort' on 'IDBTransaction')/;

/** Returns a line filter that drops `noise` lines and the stack frames that follow them. */
function quietLog(print) {
  let inNoise = false;
  return (line) => {
    if (noise.test(line)) inNoise = true;
    else if (!(inNoise && /^\s+at /.test(line))) inNoise = false;
    if (!inNoise) print(line);
  };
}

/** Runs an extension-tests bundle in a fresh code-server and returns { passed, failed }. */
async function runSuiteIn({ ready, name, extensionsDir, extensionDevelopmentPath, extensionTestsPath }) {
  const workspace = makeWorkspace(join(root, name));
  const server = await startCodeServer({ ready, root, name, extensionsDir });
  try {
    let result;
    const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, extensionTestsPath });
    const print = quietLog((line) => console.log(`  ${line}`));
    const exitCode = await runExtensionTests(browser, url, {
      timeoutMs: 180_000,
      onLog(line) {
        if (line.startsWith(resultPrefix)) result = JSON.parse(line.slice(resultPrefix.length));
        else print(line);
      },
    });
    if (!result) {
      throw new E2eError(
        `the ${name} suite reported no result (exit code ${exitCode}): it did not load or crashed; see ${server.logFile}`,
      );
    }
    if (exitCode !== 0 && result.failed === 0) {
      throw new E2eError(`the ${name} suite exited with ${exitCode} although no test failed; see ${server.logFile}`);
    }
    return { passed: result.passed, failed: result.failed };
  } finally {
    await server.stop();
  }
}

/** Runs a command to completion; throws an E2eError with its output when it fails. */
function run(command, commandArgs, what) {
  const result = spawnSync(command, commandArgs, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new E2eError(`${what} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

const phaseRunners = {
  async suite(ready, bundles, name) {
    return runSuiteIn({ ready, name, extensionDevelopmentPath: repoRoot, extensionTestsPath: bundles.suite });
  },

  async vsix(ready, bundles, name) {
    // The same command a release uses: a production build, then vsce with the project's flags. Packaged once
    // per run; each code-server installs that same file.
    const vsix = join(root, 'mp-userinfo-tools.vsix');
    if (!existsSync(vsix)) {
      run('npm', ['run', '-s', 'package', '--', '--out', vsix], 'npm run package');
      if (!existsSync(vsix)) throw new E2eError('vsce package produced no .vsix');
    }
    const extensionsDir = join(root, `${name}-extensions`);
    const cli = [ready.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', join(root, `${name}-cli-user-data`)];
    const env = { XDG_CONFIG_HOME: join(root, `${name}-xdg`), XDG_DATA_HOME: join(root, `${name}-xdg`) };
    const install = spawnSync(ready.node, [...cli, '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (install.status !== 0) throw new E2eError(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);
    const listed = spawnSync(ready.node, [...cli, '--list-extensions', '--show-versions'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    console.log(`  installed: ${listed.stdout.trim().split('\n').join(', ')}`);
    return runSuiteIn({
      ready,
      name,
      extensionsDir,
      extensionDevelopmentPath: bundles.installedHost,
      extensionTestsPath: bundles.installed,
    });
  },

  async ui(ready, _bundles, name, newest) {
    const workspace = makeWorkspace(join(root, name));
    const server = await startCodeServer({ ready, root, name });
    try {
      return await runUi({
        browser,
        server,
        workspace,
        root,
        // The newest VS Code's pictures go to test-results/e2e/ui/ (and to the README with --update-screenshots).
        shotsDir: join(repoRoot, 'test-results/e2e', newest ? 'ui' : `ui-vscode-${ready.vscodeVersion}`),
        updateScreenshots: newest && args['update-screenshots'],
        log: (line) => console.log(`  ${line}`),
      });
    } finally {
      await server.stop();
    }
  },
};

/** The code-servers named by --vscode: `newest`, `oldest`, or a VS Code version such as 1.93.1. */
function pickServers(codeServers, wanted) {
  const picked = new Set();
  for (const name of wanted
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)) {
    const server =
      name === 'newest'
        ? codeServers[0]
        : name === 'oldest'
          ? codeServers.at(-1)
          : codeServers.find((s) => s.vscodeVersion === name);
    if (!server) {
      const known = ['newest', 'oldest', ...codeServers.map((s) => s.vscodeVersion)].join(', ');
      throw new E2eError(`--vscode ${name}: no such code-server (${known})`);
    }
    picked.add(server);
  }
  if (picked.size === 0) throw new E2eError('--vscode names no code-server');
  return codeServers.filter((s) => picked.has(s));
}

let exitCode = 1;
const totals = { passed: 0, failed: 0 };
const started = Date.now();
try {
  const ready = readReady();
  const servers = pickServers(ready.codeServers, args.vscode);
  requireBuild();
  const bundles = await buildSuites();
  root = makeTempRoot();
  browser = await launchBrowser(ready);
  console.log(`test:e2e: ${servers.map((s) => `code-server ${s.codeServerVersion}`).join('; ')}; phases: ${phases.join(', ')}`);
  const failures = [];
  for (const server of servers) {
    const newest = server === ready.codeServers[0];
    for (const phase of phases) {
      const label = `${phase} (VS Code ${server.vscodeVersion})`;
      const name = newest ? phase : `${phase}-${server.vscodeVersion}`;
      const phaseStarted = Date.now();
      console.log(`\n== ${label} ==`);
      try {
        const { passed, failed } = await phaseRunners[phase](server, bundles, name, newest);
        totals.passed += passed;
        totals.failed += failed;
        if (failed > 0) failures.push(`${label}: ${failed} failed`);
        console.log(`== ${label}: ${passed} passed, ${failed} failed in ${seconds(Date.now() - phaseStarted)}`);
      } catch (error) {
        // A phase that could not run counts as one failure; the next phase still runs.
        if (!(error instanceof E2eError)) throw error;
        totals.failed += 1;
        failures.push(`${label}: ${error.message}`);
        console.error(`== ${label}: FAILED: ${error.message}`);
      }
    }
  }
  exitCode = failures.length === 0 && totals.passed > 0 ? 0 : 1;
  if (failures.length) console.error(`\ntest:e2e: FAILED\n  ${failures.join('\n  ')}`);
} catch (error) {
  // Nothing could run (no setup, no build, no browser): that is one failure, not an empty pass.
  totals.failed += 1;
  console.error(`test:e2e: FAILED: ${error instanceof E2eError ? error.message : error.stack}`);
} finally {
  await cleanup();
  clearTimeout(hardTimeout);
}
console.log(`test:e2e finished in ${seconds(Date.now() - started)}`);
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
