/**
 * The client's answer to a crashed language server (client/src/serverRestart.ts, wired into
 * vscode-languageclient's error handler in client/src/extension.ts): restart, tell the user once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashMessages, ServerRestartPolicy } from '../../client/src/serverRestart';

function policy() {
  let now = 1_000_000;
  const p = new ServerRestartPolicy({ maxCrashes: 5, windowMs: 180_000, now: () => now });
  return { p, advance: (ms: number) => void (now += ms) };
}

describe('server crash policy', () => {
  it('restarts after a crash and tells the user on the first one only', () => {
    const { p, advance } = policy();
    assert.deepEqual(p.closed(), { restart: true, notify: crashMessages.restarted });
    for (let i = 0; i < 3; i++) {
      advance(10_000);
      assert.deepEqual(p.closed(), { restart: true }, `crash ${i + 2} restarts quietly`);
    }
  });

  it('keeps restarting a server that crashes now and then, without telling again', () => {
    const { p, advance } = policy();
    const decisions = Array.from({ length: 50 }, () => {
      advance(60_000);
      return p.closed();
    });
    assert.ok(
      decisions.every((d) => d.restart),
      'one crash a minute never exhausts five in three minutes',
    );
    assert.equal(decisions.filter((d) => d.notify).length, 1);
  });

  it('gives up after six crashes within three minutes, and says so once', () => {
    const { p, advance } = policy();
    const decisions = Array.from({ length: 8 }, () => {
      advance(1000);
      return p.closed();
    });
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true, true, true, false, false, false],
    );
    assert.deepEqual(
      decisions.map((d) => d.notify),
      [crashMessages.restarted, undefined, undefined, undefined, undefined, crashMessages.gaveUp(6, 3), undefined, undefined],
    );
    assert.match(crashMessages.gaveUp(6, 3), /crashed 6 times in 3 minutes and will not be restarted/);
  });

  it('tells again after the user restarted the server by hand', () => {
    const { p } = policy();
    assert.ok(p.closed().notify);
    assert.equal(p.closed().notify, undefined);
    p.reset();
    assert.equal(p.closed().notify, crashMessages.restarted);
  });

  it('tolerates three write or read errors in a row, then shuts the connection down', () => {
    const { p } = policy();
    assert.deepEqual(
      [1, 2, 3, 4, undefined].map((count) => p.error(count)),
      ['continue', 'continue', 'continue', 'shutdown', 'shutdown'],
    );
  });

  it('is what the extension hands to the language client', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../client/src/extension.ts', import.meta.url), 'utf8');
    assert.match(source, /new ServerRestartPolicy\(\)/);
    assert.match(source, /errorHandler,/);
    assert.match(source, /restartPolicy\.closed\(\)/);
  });
});
