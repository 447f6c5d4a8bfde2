// mp-userinfo check skips code that is not the user's: library folders and minified files by default, the globs of
// --ignore and of the settings file, and x.js compiled from the x.ts beside it; the text report says what it skipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files with findings in a JSON report. */
function filesOf(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file))].sort();
}

const bad = 'Page({ onLoad() { wx.getUserProfile({ desc: "用于完善会员资料", success() {}, fail() {} }) } })\n';

describe('mp-userinfo check: library code and ignored files', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-skip-'));
  after(() => rmSync(temp, { recursive: true, force: true }));

  /** A project in a fresh folder: relative name → text. */
  function project(name: string, files: Record<string, string>): string {
    const root = path.join(temp, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  const vendored = {
    'project.config.json': '{ "appid": "wx0000000000000000" }',
    'components/vant/button/index.js': bad,
    'components/vant/button/index.wxml': '<button bindtap="onClick"><slot /></button>\n',
    'libs/sdk.min.js': bad,
    'pages/index/index.js': bad,
    'pages/other/other.js': bad,
  };

  it('skips library folders and minified files by default and says so in the text report only', () => {
    const root = project('default', vendored);
    const json = run(['check', '.', '--format', 'json'], root);
    assert.deepEqual(filesOf(json.stdout), ['pages/index/index.js', 'pages/other/other.js']);
    assert.equal(json.stderr, '');
    const text = run(['check', '.'], root);
    assert.equal(
      text.stdout.trimEnd().split('\n').at(-1),
      '3 files skipped: 2 in library folders (components/vant), 1 minified (libs/sdk.min.js). --no-default-ignore checks library code.',
    );
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], root).stdout) as { runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.runs[0]!.results.length, json.stdout.match(/"code"/g)!.length);
  });

  it('skips a library file named on the command line too', () => {
    const root = project('named', vendored);
    const { stdout } = run(['check', 'components/vant/button/index.js', 'pages/index/index.js'], root);
    assert.match(stdout, /in 1 file checked\n1 file skipped: 1 in library folders \(components\/vant\)\./);
  });

  it('checks library code with --no-default-ignore or "defaultIgnore": false', () => {
    const root = project('opt-out', vendored);
    const all = [
      'components/vant/button/index.js',
      'components/vant/button/index.wxml',
      'libs/sdk.min.js',
      'pages/index/index.js',
      'pages/other/other.js',
    ];
    const flag = run(['check', '.', '--format', 'json', '--no-default-ignore'], root);
    assert.deepEqual(filesOf(flag.stdout), all);
    assert.doesNotMatch(run(['check', '.', '--no-default-ignore'], root).stdout, /skipped/);
    writeFileSync(path.join(root, '.mp-userinfo.json'), '{ "defaultIgnore": false }');
    assert.deepEqual(filesOf(run(['check', '.', '--format', 'json'], root).stdout), all);
  });

  it('skips the globs of --ignore, relative to the working folder', () => {
    const root = project('flag', vendored);
    const json = run(['check', '.', '--format', 'json', '--ignore', 'pages/other/', '--ignore=**/nothing.js'], root);
    assert.deepEqual(filesOf(json.stdout), ['pages/index/index.js']);
    const text = run(['check', 'pages', '--ignore', 'pages/other/'], root);
    assert.match(text.stdout, /\n1 file skipped: 1 ignored by --ignore\.\n$/);
    const usage = run(['check', '.', '--ignore', 'pages\\other'], root);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--ignore takes a gitignore-style glob with forward slashes/);
  });

  it('skips the ignore globs of .mp-userinfo.json and package.json, relative to their folder', () => {
    const root = project('settings', {
      ...vendored,
      'miniprogram/.mp-userinfo.json': '{ "ignore": ["pages/generated/"] }',
      'miniprogram/pages/generated/gen.js': bad,
      'miniprogram/pages/index/index.js': bad,
      'package.json': '{ "name": "x", "mp-userinfo": { "ignore": ["pages/other/other.js"] } }',
    });
    const json = run(['check', '.', '--format', 'json'], root);
    assert.deepEqual(filesOf(json.stdout), ['miniprogram/pages/index/index.js', 'pages/index/index.js']);
    const text = run(['check', '.'], root);
    assert.match(
      text.stdout,
      /\n5 files skipped: 2 in library folders \(components\/vant\), 1 minified \(libs\/sdk\.min\.js\), 1 ignored by miniprogram\/\.mp-userinfo\.json, 1 ignored by package\.json\. --no-default-ignore checks library code\.\n$/,
    );
  });

  it('stops with exit 2 on a bad ignore entry in the settings file', () => {
    const root = project('bad-settings', {
      ...vendored,
      '.mp-userinfo.json': '{ "ignore": "pages/other/", "defaultIgnore": "no" }',
    });
    const { code, stderr } = run(['check', '.'], root);
    assert.equal(code, 2);
    assert.match(stderr, /\.mp-userinfo\.json: "ignore" must be a list of gitignore-style globs/);
    assert.match(stderr, /\.mp-userinfo\.json: "defaultIgnore" must be true or false, not "no"/);
  });

  it('reports a TypeScript page once, on the .ts, skipping the .js compiled beside it (ts-compiled-pair)', () => {
    const fixture = path.join(repoRoot, 'test', 'fixtures', 'realworld', 'ts-compiled-pair');
    const json = run(['check', '.', '--format', 'json', '--exit-zero'], fixture);
    const findings = (JSON.parse(json.stdout) as Array<{ file: string; line: number; code: string }>).map(
      (f) => `${f.file}:${f.line} ${f.code}`,
    );
    assert.ok(findings.length > 0);
    assert.deepEqual(
      findings.filter((f) => /\.js:/.test(f)),
      findings.filter((f) => f.startsWith('miniprogram/pages/legacy/legacy.js:')),
      'the hand-written legacy.js, with no .ts beside it, is the only script checked as .js',
    );
    assert.ok(
      findings.some((f) => f.startsWith('miniprogram/pages/index/index.ts:6 not-in-tap-handler')),
      findings.join('\n'),
    );
    assert.ok(
      findings.some((f) => f.startsWith('miniprogram/utils/auth.ts:6 getuserinfo-anonymous')),
      findings.join('\n'),
    );
    const text = run(['check', '.', '--exit-zero'], fixture);
    assert.match(
      text.stdout,
      /\n3 files skipped: 3 compiled from the \.ts beside them \(miniprogram\/app\.js, miniprogram\/pages\/index\/index\.js, miniprogram\/utils\/auth\.js\)\.\n$/,
    );
  });
});
