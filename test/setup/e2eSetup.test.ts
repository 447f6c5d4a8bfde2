// scripts/e2e/setup.sh never calls sudo: as another user it stops with the apt-get command to run, as root it
// installs the missing Debian packages itself. Runs the real script with stand-ins first on PATH: `id` (the
// user), `dpkg-query` (every package missing), `apt-get` and `sudo` (which only record their calls) and `npm`
// (which fails, so nothing is downloaded after the Debian step).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../lsp/client';

let work: string;

/** Runs setup.sh as user `uid` (as `id -u` reports it) with every Debian package missing. */
function runSetup(uid: number): { status: number | null; stderr: string; calls: string[] } {
  const bin = mkdtempSync(path.join(work, 'bin-'));
  const calls = path.join(bin, 'calls.log');
  const stub = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  stub('id', `[ "$1" = -u ] && echo ${uid} && exit 0\necho "uid=${uid}"`);
  stub('dpkg-query', 'exit 1');
  for (const name of ['apt-get', 'sudo']) stub(name, `echo "${name} $*" >> "${calls}"`);
  stub('npm', `echo "npm $*" >> "${calls}"; exit 7`);
  const run = spawnSync('bash', [path.join(repoRoot, 'scripts', 'e2e', 'setup.sh')], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, MP_E2E_CACHE: path.join(bin, 'cache') },
    encoding: 'utf8',
    timeout: 30000,
  });
  assert.ifError(run.error);
  return {
    status: run.status,
    stderr: run.stderr,
    calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [],
  };
}

describe('scripts/e2e/setup.sh and Debian packages', () => {
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-setup-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('stops as another user with the command to run, calling neither sudo nor apt-get', () => {
    const { status, stderr, calls } = runSetup(1000);
    assert.equal(status, 1);
    const missing = stderr.match(/missing Debian packages: ([^.]+)\./);
    const command = stderr.match(/sudo apt-get update && sudo apt-get install -y --no-install-recommends (.+)/);
    assert.ok(missing && command, `no list of packages or no command in: ${stderr}`);
    assert.equal(command[1], missing[1]);
    assert.ok(missing[1]!.split(' ').includes('neovim'), missing[1]);
    assert.deepEqual(calls, []);
  });

  it('installs the packages itself as root, without sudo', () => {
    const { calls } = runSetup(0);
    assert.ok(!calls.some((c) => c.startsWith('sudo')), calls.join('\n'));
    const install = calls.find((c) => c.startsWith('apt-get install'));
    assert.ok(calls.includes('apt-get update -qq'), calls.join('\n'));
    assert.match(install ?? '', /^apt-get install -y -qq --no-install-recommends .*\bneovim\b/);
  });
});
