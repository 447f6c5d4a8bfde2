/**
 * Deep nesting. TypeScript's parser is recursive and overflows the stack somewhere between a few
 * hundred and a few thousand levels, depending on the construct. Regression: before the fix, a file
 * with 3,000 nested object literals made `mp-userinfo check` exit 2 with "internal error: Maximum call
 * stack size exceeded", and the server logged an analysis failure instead of a notice.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { runCheck } from '../../server/src/cli/check';
import { analyzeFile } from '../../server/src/core/analyze';
import { getSourceFile, parseScript } from '../../server/src/core/parse';
import { apiCall, nestingShapes, shapeFileName } from '../fuzz/shapes';
import { MemoryProject } from '../unit/helpers';
import { captureIo } from './hostileWorkspace';

const depth = 10_000;

describe('deep nesting', () => {
  for (const [shape, make] of Object.entries(nestingShapes)) {
    it(`analyses or skips ${depth}-deep ${shape} without throwing`, () => {
      const file = shapeFileName(shape);
      const project = new MemoryProject({ [file]: make(depth, apiCall) });
      const result = analyzeFile(project.path(file), project.files.get(project.path(file))!, project.index);
      if (result.skipped) {
        assert.equal(result.skipped.reason, 'too-deep');
        assert.match(result.skipped.message, /deep\.jsx?: it nests expressions or blocks too deeply for the parser/);
        assert.deepEqual(result.findings, []);
      } else {
        // Chains TypeScript parses with loops (a + a + …, a.a.a…) are analysed normally.
        assert.ok(['binary', 'memberChain'].includes(shape), `${shape} was expected to be too deep`);
        assert.ok(result.findings.some((f) => f.code === 'not-in-tap-handler'));
      }
    });
  }

  it('skips the nested objects that crashed the CLI, with a notice, and checks the other files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-deep-'));
    after(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(path.join(root, 'pages'));
    writeFileSync(path.join(root, 'pages', 'deep.js'), `wx.getUserProfile(${'{a:'.repeat(3000)}1${'}'.repeat(3000)})`);
    writeFileSync(path.join(root, 'pages', 'ok.js'), 'Page({ onLoad() { wx.getUserProfile() } })');
    const io = captureIo(root);
    const code = await runCheck(['.', '--format', 'json'], io);
    assert.equal(code, 1);
    assert.match(io.err, /Skipped pages\/deep\.js: it nests expressions or blocks too deeply/);
    const files = new Set((JSON.parse(io.out) as Array<{ file: string }>).map((f) => f.file));
    assert.deepEqual([...files], ['pages/ok.js']);
  });

  it('reads a too-deep app file as not logging in, instead of failing the page', () => {
    const files = (app: string) => ({
      'project.config.json': '{ "appid": "tt07e3715e98c9aac0" }',
      'app.js': app,
      'pages/a/a.js': 'Page({ onTap() { tt.getUserInfo({}) } })',
    });
    const shallow = new MemoryProject(files('tt.login(); x = [[]]'));
    const loginFindings = (project: MemoryProject) =>
      project.analyze('pages/a/a.js').filter((f) => f.code === 'tt-login-required');
    assert.deepEqual(loginFindings(shallow), []);
    const deep = new MemoryProject(files(`tt.login(); x = ${'['.repeat(depth)}${']'.repeat(depth)}`));
    assert.deepEqual(
      loginFindings(deep).map((f) => f.code),
      ['tt-login-required'],
    );
  });

  it('caches the failed parse and gives features an empty tree', () => {
    const text = nestingShapes.objects!(depth, apiCall);
    const first = parseScript('/deep/cached.js', text);
    assert.deepEqual(first, { ok: false, reason: 'too-deep' });
    assert.equal(parseScript('/deep/cached.js', text), first);
    const empty = getSourceFile('/deep/cached.js', text);
    assert.equal(empty.statements.length, 0);
    assert.equal(empty.kind, ts.SyntaxKind.SourceFile);
  });

  it('parses normally after a stack overflow (the parser state is reset)', () => {
    parseScript('/deep/overflow.js', nestingShapes.parentheses!(depth, '1'));
    const parsed = parseScript('/deep/after.js', 'wx.getUserProfile({ desc: "x" })');
    assert.ok(parsed.ok);
    assert.equal(parsed.sourceFile.statements.length, 1);
    assert.equal(parsed.sourceFile.getText(), 'wx.getUserProfile({ desc: "x" })');
  });
});
