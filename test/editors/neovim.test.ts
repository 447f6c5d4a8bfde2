// Neovim's built-in LSP client against `dist/server.js --stdio`: headless `nvim --clean` runs
// neovim-client.lua, which opens a fixture page, waits for the diagnostics, asks for a hover and writes what
// Neovim holds as JSON. Debian's Neovim (0.7) advertises neither workspace/configuration nor dynamic
// registration, so this is the server's push-only path, through a real client.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesRoot, repoRoot, serverPath } from '../lsp/client';

const clientScript = path.join(__dirname, 'neovim-client.lua');
const root = path.join(fixturesRoot, 'wechat');
const page = path.join(root, 'pages', 'profile', 'profile.js');

interface NeovimResult {
  nvim?: string;
  error?: string;
  diagnostics: Array<{ line: number; character: number; code: string; severity: number; source: string; message: string }>;
  hover: string | null;
}

let home: string;

/** Runs the client script in `nvim --headless --clean` with the given settings; its XDG folders are temporary. */
function runNeovim(settings: Record<string, unknown> = {}): NeovimResult {
  const out = path.join(home, `result-${Date.now()}.json`);
  const params = {
    node: process.execPath,
    server: serverPath,
    root,
    file: page,
    hover: { line: 6, character: 10 },
    settings,
    out,
  };
  const xdg = Object.fromEntries(
    ['CONFIG', 'DATA', 'STATE', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(home, k.toLowerCase())]),
  );
  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${clientScript}`], {
    cwd: repoRoot,
    env: { ...process.env, ...xdg, MP_NVIM_TEST: JSON.stringify(params) },
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.ifError(run.error);
  const result = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as NeovimResult) : undefined;
  assert.ok(result, `nvim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
  assert.equal(result.error, undefined, `the Neovim client failed: ${result.error}`);
  assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
  return result;
}

const found = (result: NeovimResult) =>
  result.diagnostics.map((d) => `${d.line + 1}:${d.character + 1} ${d.code} ${d.severity}`).sort();

describe('Neovim (built-in LSP client, headless)', () => {
  before(() => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error)
      assert.fail(
        `nvim is not installed (${version.error.message}). The Neovim test needs Debian's neovim package: ` +
          'run `sudo apt-get install -y neovim` (`bash scripts/e2e/setup.sh` installs it when run as root, and prints the ' +
          'command for every missing package otherwise).',
      );
    assert.ok(existsSync(serverPath), `${serverPath} is missing: run \`npm run build\` first`);
    home = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-nvim-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('shows the diagnostics of a WeChat page and a hover, with default settings', () => {
    const result = runNeovim();
    // Lines and columns 1-based, as the CLI prints them for this page; severities 1 error … 4 hint.
    assert.deepEqual(found(result), [
      '18:5 desc-missing 1',
      '24:31 desc-too-long 2',
      '29:7 not-in-tap-handler 1',
      '7:5 getuserprofile-anonymous 3',
      '7:5 not-in-tap-handler 1',
      '7:5 unhandled-refusal 3',
    ]);
    assert.ok(result.diagnostics.every((d) => d.source === 'mp-userinfo'));
    const onLoad = result.diagnostics.find((d) => d.line === 6 && d.code === 'not-in-tap-handler');
    assert.match(onLoad?.message ?? '', /runs from the lifecycle hook `onLoad`, not from a user tap/);
    assert.match(result.hover ?? '', /^```ts\nwx\.getUserProfile\(options: \{ desc: string;/);
    assert.match(result.hover ?? '', /Tap only: call it synchronously inside a tap handler/);
  });

  it('applies the settings Neovim pushes with workspace/didChangeConfiguration', () => {
    const result = runNeovim({ miniprogramUserInfo: { rules: { 'unhandled-refusal': 'off', 'desc-too-long': 'hint' } } });
    assert.deepEqual(found(result), [
      '18:5 desc-missing 1',
      '24:31 desc-too-long 4',
      '29:7 not-in-tap-handler 1',
      '7:5 getuserprofile-anonymous 3',
      '7:5 not-in-tap-handler 1',
    ]);
  });
});
