/**
 * Hostile workspaces on disk, shared by the robustness tests and the fuzz campaign: a project whose
 * pages sit next to a 10 MB minified bundle, a binary file named `.js`, symbolic-link loops, named
 * pipes, a folder named like a script, an unreadable file, markup without its script and a script
 * without its markup; and a project of many tiny files.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../server/src/cli/io';
import { hugeLiterals } from '../fuzz/shapes';

/** A fresh temporary folder. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `mp-userinfo-${prefix}-`));
}

function write(root: string, name: string, content: string | Buffer): string {
  const full = path.join(root, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** True when permission bits do not stop this process from reading (root, or a file system without them). */
export function permissionsIgnored(root: string): boolean {
  const probe = write(root, '.probe', 'x');
  chmodSync(probe, 0o000);
  try {
    readFileSync(probe);
    return true;
  } catch {
    return false;
  } finally {
    chmodSync(probe, 0o644);
  }
}

/** The page every hostile workspace has: getUserProfile from onLoad, an error the check must still report. */
export const normalPage = {
  script: 'Page({ onLoad() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })',
  markup: '<button bindtap="onTap">Log in</button>',
};

/** Builds the hostile project under `root` and returns what is where. */
export function buildHostileProject(root: string) {
  write(root, 'project.config.json', '{ "appid": "wx0123456789abcdef", "libVersion": "2.27.1" }');
  write(root, 'pages/ok/ok.js', normalPage.script);
  write(root, 'pages/ok/ok.wxml', normalPage.markup);
  // 10 MB of minified code that does mention the API, named so that only the size limit stops it (a *.min.js is skipped as library code).
  write(root, 'vendor/big-bundle.js', hugeLiterals.minified!(10 * 1024 * 1024));
  // A PNG with a script's name: NUL bytes in the first kilobytes.
  write(
    root,
    'pages/bin/bin.js',
    Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'binary'),
      Buffer.alloc(4096, 0),
      Buffer.from('wx.getUserProfile()'),
    ]),
  );
  // Symbolic-link loops: a folder linking to its parent, two files linking to each other, a dangling link.
  mkdirSync(path.join(root, 'pages/loop'), { recursive: true });
  symlinkSync('..', path.join(root, 'pages/loop/up'));
  symlinkSync('b.js', path.join(root, 'pages/loop/a.js'));
  symlinkSync('a.js', path.join(root, 'pages/loop/b.js'));
  symlinkSync('missing.js', path.join(root, 'pages/loop/dangling.js'));
  symlinkSync('loop.wxml', path.join(root, 'pages/loop/loop.wxml'));
  // Named pipes with page names: reading one blocks until someone writes.
  mkdirSync(path.join(root, 'pages/pipe'), { recursive: true });
  execFileSync('mkfifo', [path.join(root, 'pages/pipe/pipe.js'), path.join(root, 'pages/pipe/pipe.wxml')]);
  // A folder with a script's name, and a script that cannot be read (where permissions apply).
  mkdirSync(path.join(root, 'pages/folder.js'), { recursive: true });
  const locked = write(root, 'pages/locked/locked.js', 'Page({ onLoad() { wx.getUserProfile({ desc: "x" }) } })');
  chmodSync(locked, 0o000);
  // Markup without its script, a script without its markup.
  write(
    root,
    'pages/markup-only/markup-only.wxml',
    '<button bindtap="onTap" open-type="getUserInfo" bindgetuserinfo="onInfo">Log in</button>',
  );
  write(root, 'pages/script-only/script-only.js', 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })');
  return { locked };
}

/** `count` tiny page files (a third of them mention a user-info API) in `root`; returns their number. */
export function buildManyFiles(root: string, count: number): number {
  write(root, 'project.config.json', '{ "appid": "wx0123456789abcdef" }');
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'pages', `g${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    const text =
      i % 3 === 0
        ? `Page({ onTap${i}() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })`
        : `export const value${i} = ${i};`;
    writeFileSync(path.join(dir, `p${i}.js`), text);
  }
  return count;
}

/** CLI input and output in memory, for `runCheck`: what it printed is in `out` and `err`. */
export function captureIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: () => Promise.resolve(''),
    env: {},
    cwd,
    version: '0.0.0-test',
  };
  return io;
}
