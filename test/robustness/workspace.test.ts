/**
 * `mp-userinfo check` over hostile workspaces: everything odd is skipped with a notice (or read, when
 * it can be), nothing hangs or throws, and the ordinary page next to it is still checked.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCheck } from '../../server/src/cli/check';
import { buildHostileProject, buildManyFiles, captureIo, permissionsIgnored, tempFolder } from './hostileWorkspace';

describe('check: hostile workspace', () => {
  const root = tempFolder('hostile');
  after(() => rmSync(root, { recursive: true, force: true }));
  const { locked } = buildHostileProject(root);
  const permissive = permissionsIgnored(root);

  it('skips the oversize, binary, looping, piped and unreadable files with notices and checks the rest', async () => {
    const io = captureIo(root);
    const start = performance.now();
    const code = await runCheck(['.', '--format', 'json'], io);
    const ms = performance.now() - start;
    assert.equal(code, 1, io.err);
    const notices = io.err.split('\n').filter(Boolean);
    const noticeFor = (file: string) => notices.find((n) => n.includes(`Skipped ${file}:`));
    assert.match(noticeFor('vendor/big-bundle.js') ?? '', /10\.0 MB is over the 2\.0 MB limit/);
    assert.match(noticeFor('pages/bin/bin.js') ?? '', /looks like a binary file/);
    assert.match(noticeFor('pages/pipe/pipe.js') ?? '', /not a regular file/);
    assert.match(noticeFor('pages/pipe/pipe.wxml') ?? '', /not a regular file/);
    // Links that loop or dangle, the link back up the tree and the folder named like a script are not
    // files to check: the walk passes them by without a notice (and without walking the loop).
    assert.equal(noticeFor('pages/folder.js'), undefined);
    const findings = JSON.parse(io.out) as Array<{ file: string; code: string }>;
    const files = new Set(findings.map((f) => f.file));
    assert.ok(files.has('pages/ok/ok.js'), 'the ordinary page is still checked');
    assert.ok(
      findings.some((f) => f.file === 'pages/ok/ok.js' && f.code === 'not-in-tap-handler'),
      'and its error reported',
    );
    for (const file of files) assert.doesNotMatch(file, /big|bin|pipe|loop|up\//, `${file} should have been skipped`);
    if (permissive) {
      // Running as root: mode 000 does not stop reads, so the locked file is read and checked like any other.
      assert.ok(files.has(path.relative(root, locked)), 'a readable (root) locked file is checked');
    } else {
      assert.match(noticeFor('pages/locked/locked.js') ?? '', /cannot be read|EACCES|permission/i);
      assert.ok(!files.has('pages/locked/locked.js'));
    }
    assert.ok(ms < 30_000, `the check took ${ms.toFixed(0)} ms`);
  });

  it('checks markup without its script and a script without its markup', async () => {
    const io = captureIo(root);
    const code = await runCheck(['pages/markup-only', 'pages/script-only', '--format', 'json'], io);
    assert.ok(code === 0 || code === 1, io.err);
    assert.equal(io.err, '', 'no notices: both files are ordinary');
    assert.ok(Array.isArray(JSON.parse(io.out)));
  });

  it('skips a named pipe given by name instead of waiting on it', async () => {
    const io = captureIo(root);
    const code = await runCheck(['pages/pipe/pipe.js'], io);
    assert.equal(code, 0);
    assert.match(io.err, /Skipped pages\/pipe\/pipe\.js: it is not a regular file/);
  });
});

describe('check: many files', () => {
  it('checks 5,000 files in one run', async () => {
    const root = tempFolder('many');
    after(() => rmSync(root, { recursive: true, force: true }));
    const count = buildManyFiles(root, 5000);
    const io = captureIo(root);
    const start = performance.now();
    const code = await runCheck(['.', '--exit-zero'], io);
    const ms = performance.now() - start;
    assert.equal(code, 0, io.err);
    assert.equal(io.err, '');
    assert.match(io.out, new RegExp(`${count.toLocaleString('en')} files checked|${count} files checked`));
    assert.ok(ms < 60_000, `5,000 files took ${ms.toFixed(0)} ms`);
  });
});
