// The client's file watcher covers every file whose change the server's index turns into re-checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { markupFileExtensions } from '../../server/src/core/markup';
import { projectFileNames } from '../../server/src/core/project';

const extensionSource = readFileSync(path.join(__dirname, '..', '..', 'client', 'src', 'extension.ts'), 'utf8');

describe('client file watcher', () => {
  it('watches markup, app files, and every project configuration and settings file', () => {
    const glob = /const watchedFiles =\s*'\*\*\/\{([^}]+)\}'/.exec(extensionSource)?.[1];
    assert.ok(glob, 'watchedFiles is a **/{…} glob in client/src/extension.ts');
    const watched = new Set(glob.split(','));
    const expected = [
      ...markupFileExtensions.map((extension) => `*${extension}`),
      ...['app.js', 'app.ts', 'app.jsx', 'app.tsx'],
      ...projectFileNames,
    ];
    assert.deepEqual(
      expected.filter((name) => !watched.has(name)),
      [],
    );
  });
});
