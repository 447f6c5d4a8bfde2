// The pieces every code-server run shares: finding what scripts/e2e/setup.sh installed, starting
// code-server isolated from $HOME in its own process group, opening the workbench in headless Chromium,
// and building the extension-host suites. See shared/E2E.md for the recipe these follow.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A failure the run reports as one clear line (no stack): a missing install, a timeout, a failed check. */
export class E2eError extends Error {}

/** The cache folder scripts/e2e/setup.sh installs into (same rule as the script). */
export function e2eCacheDir() {
  return process.env.MP_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mp-userinfo-e2e');
}

/**
 * What setup.sh installed: `{ chromium, codeServers }`, where `codeServers` lists every code-server the run
 * uses, newest first, each `{ node, codeServer, codeServerVersion, vscodeVersion }` (the newest VS Code and the
 * oldest that package.json's engines.vscode claims). Throws an E2eError that says to run the setup script when
 * anything is missing, so a bare machine fails plainly instead of passing.
 */
export function readReady() {
  const file = join(e2eCacheDir(), 'ready.json');
  const again = 'run `bash scripts/e2e/setup.sh` again';
  if (!existsSync(file)) {
    throw new E2eError(
      `${file} does not exist: run \`bash scripts/e2e/setup.sh\` first (installs chromium, Node and code-server)`,
    );
  }
  const ready = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof ready.chromium !== 'string' || !existsSync(ready.chromium)) {
    throw new E2eError(`chromium (${ready.chromium}) named in ${file} is missing: ${again}`);
  }
  if (!Array.isArray(ready.codeServers) || ready.codeServers.length < 2) {
    throw new E2eError(`${file} names fewer than two code-servers (the newest and the oldest we claim): ${again}`);
  }
  for (const server of ready.codeServers) {
    for (const key of ['node', 'codeServer']) {
      if (typeof server[key] !== 'string' || !existsSync(server[key])) {
        throw new E2eError(`${key} (${server[key]}) named in ${file} is missing: ${again}`);
      }
    }
    if (!/^\d+\.\d+\.\d+$/.test(server.vscodeVersion ?? '')) {
      throw new E2eError(`${file} names no VS Code version for ${server.codeServer}: ${again}`);
    }
  }
  return { chromium: ready.chromium, codeServers: ready.codeServers };
}

/** Checks that the bundles the extension runs from exist (`npm run build` makes them). */
export function requireBuild() {
  for (const file of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
    if (!existsSync(join(repoRoot, file))) throw new E2eError(`${file} is missing: run \`npm run build\` first`);
  }
}

/** A fresh temporary folder for one run; removed by the caller's cleanup. */
export function makeTempRoot() {
  return mkdtempSync(join(tmpdir(), 'mp-userinfo-e2e-'));
}

/**
 * Copies test/fixtures to `<root>/workspace`, so that what the suites edit never touches the repository.
 * Fails when there are no fixture projects: the suites check them.
 */
export function makeWorkspace(root) {
  const source = join(repoRoot, 'test/fixtures');
  if (!existsSync(source) || readdirSync(source).length === 0) {
    throw new E2eError('test/fixtures holds no fixture projects to open');
  }
  const workspace = join(root, 'workspace');
  cpSync(source, workspace, { recursive: true });
  return workspace;
}

/** A TCP port nobody listens on at the moment (the OS picks it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Polls `probe` until it returns a truthy value; throws an E2eError naming `what` after `timeoutMs`.
 * Other errors from the probe count as "not yet"; an E2eError from it ends the wait at once.
 */
export async function poll(what, probe, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      if (error instanceof E2eError) throw error;
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new E2eError(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`,
  );
}

/** The code-server settings that keep a test run quiet and offline. */
const userSettings = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
};

/**
 * Starts code-server on 127.0.0.1 with a free port, isolated from $HOME, in a new process group (spawn's
 * `detached` calls setsid(2)) so that `stop()` can end it and every extension host and language server
 * it started, by the group's id. Resolves once `/healthz` answers.
 *
 * @param {object} options
 * @param {ReturnType<typeof readReady>['codeServers'][number]} options.ready  the code-server to start
 * @param {string} options.root  a temporary folder owned by this run
 * @param {string} options.name  names the sub-folder, so several servers can share a root
 * @param {string} [options.extensionsDir]  defaults to an empty folder under the root
 * @param {Record<string, string>} [options.env]  extra environment for code-server and its extension hosts
 */
export async function startCodeServer({ ready, root, name, extensionsDir, env = {} }) {
  const base = join(root, name);
  const userDataDir = join(base, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  const exts = extensionsDir ?? join(base, 'extensions');
  mkdirSync(exts, { recursive: true });
  const port = await freePort();
  const config = join(base, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const xdg = join(base, 'xdg');
  const logFile = join(base, 'code-server.log');
  const log = createWriteStream(logFile);

  const options = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config',
    config,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    exts,
  ];
  // Older code-servers (4.93) lack these two flags: their extension hosts keep VS Code's fixed grace time
  // (stop() kills them with the process group anyway), and the smoke-test switch goes in through a launcher.
  if (declaresOption(ready.codeServer, 'reconnection-grace-time')) options.push('--reconnection-grace-time', '10');
  // Without the smoke-test driver the workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
  const command = declaresOption(ready.codeServer, 'vscode-option')
    ? [ready.codeServer, ...options, '--vscode-option', 'enable-smoke-test-driver']
    : [
        join(dirname(fileURLToPath(import.meta.url)), 'legacyCodeServer.mjs'),
        ready.codeServer,
        ...options,
        '--enable-smoke-test-driver',
      ];

  const child = spawn(ready.node, command, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      PATH: `${dirname(ready.node)}:${process.env.PATH}`,
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      // npm sets these for scripts; they would leak into the extension host as its configuration.
      npm_config_nodedir: undefined,
      NODE_OPTIONS: undefined,
    },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => r((exited = { code, signal }))));

  const origin = `http://127.0.0.1:${port}`;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // the whole group is gone already
    }
  };
  const stop = async () => {
    if (!exited && killGroup('SIGTERM')) {
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5000))]);
    }
    // Extension hosts and language servers of the group may outlive the server itself.
    killGroup('SIGKILL');
    await exitPromise;
  };
  activeServers.add(stop);

  try {
    await poll(
      `code-server on port ${port} (log: ${logFile})`,
      async () => {
        if (exited) throw new E2eError(`code-server exited (${JSON.stringify(exited)}); log: ${logFile}\n${tail(logFile)}`);
        const res = await fetch(`${origin}/healthz`).catch(() => null);
        return res?.ok;
      },
      30_000,
      200,
    );
  } catch (error) {
    activeServers.delete(stop);
    await stop();
    throw error;
  }
  return {
    origin,
    port,
    logFile,
    userDataDir,
    async stop() {
      activeServers.delete(stop);
      await stop();
    },
  };
}

/** Whether the code-server at `entry` (out/node/entry.js) declares the option `--name` (in out/node/cli.js). */
function declaresOption(entry, name) {
  return readFileSync(join(dirname(entry), 'cli.js'), 'utf8').includes(`"${name}": {`);
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const activeServers = new Set();

/** Stops every server still running (for signal handlers and the final cleanup). */
export async function stopAllServers() {
  await Promise.all([...activeServers].map((stop) => stop()));
  activeServers.clear();
}

/**
 * The workbench URL that opens `folder`; with `extensionDevelopmentPath`/`extensionTestsPath`, it loads the
 * extension from source and runs the suite (the smoke-test-driver payload). Paths are absolute server paths.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query}`;
}

/** Launches Debian's Chromium headless, with the flags this offline machine needs. */
export async function launchBrowser(ready) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: ready.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the workbench with an extension-tests payload and relays the extension host's console (mocha's
 * reporter) to `onLog`. Resolves with the exit code the suite hands to `codeAutomationExit`.
 */
export async function runExtensionTests(browser, url, { onLog, timeoutMs }) {
  const page = await browser.newPage();
  try {
    let settle;
    const exit = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      for (const line of format(...(Array.isArray(args) ? args : [args])).split('\n')) onLog(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('pageerror', (error) => onLog(`[workbench page error] ${error.message}`));
    await page.goto(url);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new E2eError(`the extension-host suite did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Bundles the extension-host suites (test/e2e/suite, test/e2e/installed) to out/e2e with esbuild, and returns
 * `{ suite, installed, installedHost }`: the two extensionTestsPath modules and the installed checks' host folder.
 * `vscode` is provided by the extension host; mocha is bundled in so the suite loads in any host.
 */
export async function buildSuites() {
  const esbuild = await import('esbuild');
  const outdir = join(repoRoot, 'out/e2e');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = [];
  for (const dir of ['suite', 'installed']) {
    const full = join(repoRoot, 'test/e2e', dir);
    for (const file of readdirSync(full)) {
      if (file === 'index.ts' || file.endsWith('.test.ts'))
        entryPoints.push({ in: join(full, file), out: `${dir}/${file.replace(/\.ts$/, '')}` });
    }
  }
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha loads test files with a computed require(); esbuild leaves those alone, which is what we want.
    logOverride: { 'unsupported-require-call': 'silent', 'indirect-require': 'silent', 'require-resolve-not-external': 'silent' },
  });
  // The workbench runs extension tests only for a development extension, so the installed-.vsix checks come
  // with an empty one of their own: the tests then see the extension under test as an installed extension.
  const installedHost = join(outdir, 'installed');
  writeFileSync(
    join(installedHost, 'package.json'),
    JSON.stringify(
      { name: 'mp-userinfo-e2e-host', publisher: 'mp-userinfo-tests', version: '0.0.0', engines: { vscode: '*' } },
      null,
      2,
    ),
  );
  return { suite: join(outdir, 'suite/index.js'), installed: join(installedHost, 'index.js'), installedHost };
}

/** Formats milliseconds as seconds with one decimal. */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
