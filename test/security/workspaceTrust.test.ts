/**
 * Workspace trust: the extension declares that it works in untrusted workspaces, which is honest only
 * while the analyser reads files and never runs anything from the workspace. These tests hold the code
 * to that, and check the virtual-workspace declaration says what is limited.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string };
    virtualWorkspaces?: { supported: boolean | 'limited'; description?: string };
  };
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe('workspace trust', () => {
  it('declares untrusted workspaces supported and virtual workspaces limited, with a reason', () => {
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces, { supported: true });
    const virtual = manifest.capabilities?.virtualWorkspaces;
    assert.equal(virtual?.supported, 'limited');
    assert.match(virtual?.description ?? '', /read from disk/);
  });

  it('runs no process, evaluates no string and loads no module chosen at run time (server, CLI, client)', () => {
    const files = [...sources(path.join(repoRoot, 'server', 'src')), ...sources(path.join(repoRoot, 'client'))];
    assert.ok(files.length > 20, 'the sources were found');
    for (const file of files) {
      // Comments may talk about require(…) in the code they analyse.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
      const name = path.relative(repoRoot, file);
      if (name === path.join('server', 'src', 'cli', 'checkPool.ts')) {
        // The one thread the CLI starts: its own bundled worker beside it, never code or a path from input.
        assert.match(text, /path\.join\(__dirname, 'checkWorker\.js'\)/);
        assert.deepEqual(text.match(/new Worker\([^,]*/g), ['new Worker(worker'], `${name} starts only the bundled worker`);
        assert.doesNotMatch(text, /\beval\b|child_process|node:vm/, `${name} may run code given as a string`);
        continue;
      }
      // The worker's side of that thread only reads its messages: no other use of worker_threads.
      const threads =
        name === path.join('server', 'src', 'cli', 'checkWorker.ts')
          ? text.replace("import { parentPort, workerData } from 'node:worker_threads';", '')
          : text;
      assert.doesNotMatch(threads, /child_process|node:vm|from 'vm'|worker_threads/, `${name} may start a process or run code`);
      assert.doesNotMatch(
        text,
        /\beval\s*\(|new Function\b|\bimport\s*\(|\brequire\s*\(/,
        `${name} evaluates or loads code at run time`,
      );
      // vscode-languageserver's Files helpers spawn npm/yarn to find global modules; the server must not use them.
      assert.doesNotMatch(
        text,
        /\bFiles\.|resolveModulePath|resolveGlobalNodePath/,
        `${name} uses the module resolver that spawns npm`,
      );
    }
  });

  it('ships a CLI bundle that cannot start a process', () => {
    const cli = readFileSync(path.join(repoRoot, 'dist', 'cli.js'), 'utf8');
    assert.doesNotMatch(cli, /require\("(node:)?child_process"\)/);
  });
});
