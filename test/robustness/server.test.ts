/**
 * The language server (dist/server.js over stdio) in a hostile workspace: it skips what it cannot
 * analyse with a visible notice, keeps answering while it does, survives rejections and exceptions it
 * did not expect, and does not grow over thousands of open/change/close cycles.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildHostileProject, normalPage, tempFolder } from './hostileWorkspace';
import { ServerProcess } from './serverProcess';

const skipped = (text: string) => (d: Diagnostic) =>
  d.code === 'file-skipped' && d.severity === 3 && typeof d.message === 'string' && d.message.includes(text);

describe('server: hostile workspace', () => {
  const root = tempFolder('server');
  let server: ServerProcess;
  before(async () => {
    buildHostileProject(root);
    server = await ServerProcess.start(root);
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });
  const file = (name: string) => path.join(root, name);

  it('skips a 10 MB bundle (not named .min.js) with an information diagnostic, and answers hover on another file meanwhile', async () => {
    const ok = await server.open(file('pages/ok/ok.js'));
    await server.diagnosticsOf(ok);
    const start = performance.now();
    const big = await server.open(file('vendor/big-bundle.js'));
    const hover = await server.hover(ok, 0, normalPage.script.indexOf('getUserProfile') + 3);
    const hoverMs = performance.now() - start;
    assert.ok(hover, 'hover on the other file answers');
    assert.match(JSON.stringify(hover.contents), /getUserProfile/);
    const diagnostics = await server.diagnosticsOf(big);
    assert.equal(diagnostics.length, 1);
    assert.ok(skipped('10.0 MB is over the 2.0 MB limit')(diagnostics[0]!), JSON.stringify(diagnostics[0]));
    assert.ok(hoverMs < 10_000, `hover took ${hoverMs.toFixed(0)} ms behind the 10 MB file`);
    assert.ok(
      server.logs.some((l) => l.includes('big-bundle.js: 10.0 MB is over')),
      'the notice is also in the log',
    );
  });

  it('answers a hover between the steps of a long analysis, and publishes only for the latest edit', async () => {
    const ok = await server.open(file('pages/ok/ok.js'));
    await server.diagnosticsOf(ok);
    // 3,000 tap handlers, each calling getUserProfile with an empty desc from a timer: 12,000 findings.
    const methods = Array.from(
      { length: 3000 },
      (_, i) => `  onTap${i}() {\n    setTimeout(() => wx.getUserProfile({ desc: '', lang: 'fr' }), 0);\n  },`,
    );
    const longPage = `Page({\n${methods.join('\n')}\n});\n`;
    const long = await server.open(file('pages/long/long.js'), longPage);
    const hover = await server.hover(ok, 0, normalPage.script.indexOf('getUserProfile') + 3);
    assert.ok(hover, 'hover answers');
    assert.equal(server.diagnostics.has(long), false, 'the hover was answered before the long analysis finished');
    const diagnostics = await server.diagnosticsOf(long, 60_000);
    assert.equal(diagnostics.filter((d) => d.code === 'desc-missing').length, 3000);

    // An edit during the next long run: only the edited version is published, and it is right.
    await server.change(long, `${longPage}// edited\n`);
    await server.change(long, 'Page({ onLoad() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })');
    const latest = await server.diagnosticsOf(long, 60_000);
    assert.ok(
      latest.some((d) => d.code === 'not-in-tap-handler'),
      JSON.stringify(latest.map((d) => d.code)),
    );
    assert.ok(!latest.some((d) => d.code === 'desc-missing'));
    assert.equal(
      server.published
        .filter((p) => p.uri === long)
        .map((p) => p.version)
        .join(','),
      '1,3',
    );
  });

  it('skips a binary file named .js with a notice', async () => {
    const uri = await server.open(file('pages/bin/bin.js'));
    const diagnostics = await server.diagnosticsOf(uri);
    assert.ok(diagnostics.some(skipped('looks like a binary file')), JSON.stringify(diagnostics));
  });

  it('analyses a page whose markup is a named pipe without waiting on the pipe', async () => {
    const uri = await server.open(file('pages/pipe/pipe.js'), normalPage.script);
    const diagnostics = await server.diagnosticsOf(uri, 10_000);
    assert.ok(diagnostics.some((d) => d.code === 'not-in-tap-handler'));
  });

  it('analyses a page whose markup is a symbolic link to itself', async () => {
    const uri = await server.open(file('pages/loop/loop.js'), normalPage.script);
    const diagnostics = await server.diagnosticsOf(uri);
    assert.ok(diagnostics.some((d) => d.code === 'not-in-tap-handler'));
  });

  it('analyses markup without its script and a script without its markup', async () => {
    const markup = await server.open(file('pages/markup-only/markup-only.wxml'));
    assert.ok(Array.isArray(await server.diagnosticsOf(markup)));
    const script = await server.open(file('pages/script-only/script-only.js'));
    assert.ok(Array.isArray(await server.diagnosticsOf(script)));
    const hover = await server.hover(markup, 0, '<button bindtap="onTap" open-type="getUser'.length);
    assert.ok(hover, 'hover works on markup without its script');
  });

  it('logged no analysis failure and is still running', () => {
    assert.deepEqual(
      server.logs.filter((l) => /failed|Unexpected error|Unhandled rejection/.test(l)),
      [],
    );
    assert.ok(server.alive);
  });
});

describe('server: unexpected errors', () => {
  it('logs an unhandled rejection and an uncaught exception, and keeps serving', async () => {
    const root = tempFolder('errors');
    after(() => rmSync(root, { recursive: true, force: true }));
    // Preloaded into the server process: on SIGUSR2, a promise rejects unhandled and a callback throws.
    const preload = path.join(root, 'trouble.cjs');
    writeFileSync(
      preload,
      `process.on('SIGUSR2', () => {
        Promise.reject(new Error('probe rejection'));
        setTimeout(() => { throw new Error('probe exception'); }, 0);
      });`,
    );
    const server = await ServerProcess.start(root, preload);
    after(() => server.stop());
    server.child.kill('SIGUSR2');
    await server.until(
      () => (server.logs.some((l) => l.includes('Unhandled rejection: Error: probe rejection')) ? true : undefined),
      'the rejection in the log',
    );
    await server.until(
      () => (server.logs.some((l) => l.includes('Unexpected error: Error: probe exception')) ? true : undefined),
      'the exception in the log',
    );
    const uri = await server.open(path.join(root, 'pages/a/a.js'), normalPage.script);
    const diagnostics = await server.diagnosticsOf(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'not-in-tap-handler'),
      'still analysing',
    );
    assert.ok(server.alive);
  });
});

/**
 * Opens, edits and closes `cycles` documents (each a new file, so every per-document cache is touched),
 * and returns the server's resident memory after warm-up and at the end.
 */
async function lifecycleCycles(server: ServerProcess, root: string, cycles: number, warmup: number) {
  let afterWarmup = 0;
  for (let i = 0; i < warmup + cycles; i++) {
    if (i === warmup) {
      await server.hover(pathToFileURL(path.join(root, 'none.js')).href, 0, 0);
      afterWarmup = server.rss();
    }
    const name = path.join(root, `pages/c${i}/c${i}.js`);
    const uri = await server.open(
      name,
      `Page({ onLoad() { wx.getUserProfile({ desc: "${i}" }) } })\n${'// padding\n'.repeat(100)}`,
    );
    await server.change(uri, `Page({ onTap${i}() { wx.getUserProfile({ desc: "用于完善会员资料 ${i}" }) } })`);
    if (i % 100 === 0) await server.diagnosticsOf(uri);
    await server.close(uri);
  }
  await server.hover(pathToFileURL(path.join(root, 'none.js')).href, 0, 0);
  return { afterWarmup, end: server.rss() };
}

describe('server: lifecycle', () => {
  it('does not grow over 10,000 open/change/close cycles', async (t) => {
    const root = tempFolder('lifecycle');
    after(() => rmSync(root, { recursive: true, force: true }));
    const server = await ServerProcess.start(root);
    after(() => server.stop());
    const { afterWarmup, end } = await lifecycleCycles(server, root, 10_000, 1000);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    t.diagnostic(`resident memory after 1,000 warm-up cycles ${mb(afterWarmup)}, after 10,000 more ${mb(end)}`);
    assert.ok(end < afterWarmup * 1.5 + 20 * 1024 * 1024, `resident memory grew from ${mb(afterWarmup)} to ${mb(end)}`);
    assert.ok(server.alive);
  });
});
