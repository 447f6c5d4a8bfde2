/**
 * How the built plugin runs the checker: once per file text for all its rules, with the project's files
 * read from disk and read again when they change, with the settings of the project settings file and of
 * ESLint's shared settings, and the configurations it exports.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Linter } from 'eslint';
import ts from 'typescript';
import { loadPlugin, pluginDir, repoRoot } from './plugin';

const plugin = loadPlugin();
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'eslint');
const profileCall = (desc: string) => `Page({ onTap() { wx.getUserProfile({ desc: "${desc}", fail() {} }) } })`;

function codesOf(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

describe('the ESLint plugin', () => {
  const temp = fs.mkdtempSync(path.join(tmpdir(), 'mp-userinfo-eslint-'));
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  /** A WeChat project in the temporary folder: a page with markup and the given project files. */
  function project(name: string, files: Record<string, string>): string {
    const root = path.join(temp, name);
    fs.mkdirSync(path.join(root, 'pages', 'index'), { recursive: true });
    fs.writeFileSync(path.join(root, 'pages', 'index', 'index.wxml'), '<button bindtap="onTap">登录</button>\n');
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text);
    return path.join(root, 'pages', 'index', 'index.js');
  }

  it('runs the checker once per file text for all its rules', () => {
    const page = path.join(fixtures, 'wechat', 'pages', 'index', 'index.js');
    const markup = path.join(fixtures, 'wechat', 'pages', 'index', 'index.wxml');
    const reads = mock.method(fs, 'readFileSync');
    try {
      const markupReads = () => reads.mock.calls.filter((call) => call.arguments[0] === markup).length;
      const linter = new Linter();
      const code = 'Page({ onTap() { wx.getUserProfile({ lang: "zh_cn" }) } })';
      const messages = linter.verify(code, [plugin.configs.all!], page);
      // Four rules report on this call, fifteen ran; the page's markup was read by one analysis.
      assert.deepEqual(codesOf(messages), [
        '1:18 mp-userinfo/desc-missing',
        '1:18 mp-userinfo/getuserprofile-anonymous',
        '1:18 mp-userinfo/unhandled-refusal',
        '1:44 mp-userinfo/invalid-option-value',
      ]);
      assert.equal(markupReads(), 1);
      // The same text again: the findings are kept.
      linter.verify(code, [plugin.configs.all!], page);
      assert.equal(markupReads(), 1);
      // A new text (as after a fix): analysed again.
      linter.verify(code.replace('zh_cn', 'zh_CN'), [plugin.configs.all!], page);
      assert.equal(markupReads(), 2);
    } finally {
      reads.mock.restore();
    }
  });

  it('reads a project file again once it changes on disk', async () => {
    const page = project('changing', { 'project.config.json': '{ "libVersion": "2.0.0" }' });
    const linter = new Linter({ cwd: temp });
    const code = profileCall('用于完善会员资料');
    const config: Linter.Config[] = [{ plugins: { 'mp-userinfo': plugin }, rules: { 'mp-userinfo/min-version': 'warn' } }];
    assert.deepEqual(codesOf(linter.verify(code, config, page)), ['1:18 mp-userinfo/min-version']);
    fs.writeFileSync(path.join(temp, 'changing', 'project.config.json'), '{ "libVersion": "2.30.0" }');
    // Files read before are checked for changes at most once a second.
    await sleep(1100);
    assert.deepEqual(codesOf(linter.verify(code, config, page)), []);
  });

  it('follows .mp-userinfo.json: a rule it turns off reports nothing, a severity it sets covers every finding', () => {
    const page = project('settings', {
      'project.config.json': '{}',
      '.mp-userinfo.json': '{ "rules": { "unhandled-refusal": "off", "desc-too-long": "warning" } }',
    });
    const code = profileCall('用于完善会员资料以及展示头像和昵称').replace(', fail() {}', '');
    const messages = new Linter({ cwd: temp }).verify(code, [plugin.configs.recommended!], page);
    // desc-too-long's estimate (a warning in the checker) shows: the settings file sets the rule's severity.
    assert.deepEqual(codesOf(messages), ['1:18 mp-userinfo/getuserprofile-anonymous', '1:44 mp-userinfo/desc-too-long']);
  });

  it('stops on a broken settings file or shared setting, as the CLI does', () => {
    const page = project('broken', { 'project.config.json': '{}', '.mp-userinfo.json': '{ "libVersion": "two" }' });
    assert.throws(
      () => new Linter({ cwd: temp }).verify(profileCall('x'), [plugin.configs.recommended!], page),
      /\.mp-userinfo\.json: .*libVersion/,
    );
    const linter = new Linter();
    const good = path.join(fixtures, 'wechat', 'pages', 'index', 'index.js');
    assert.throws(
      () =>
        linter.verify(
          profileCall('x'),
          [plugin.configs.recommended!, { settings: { 'mp-userinfo': { platforms: ['qq'] } } }],
          good,
        ),
      /settings\["mp-userinfo"\]: .*platforms/,
    );
  });

  it('takes libVersion from ESLint shared settings but not rules, which ESLint configures', () => {
    const page = path.join(fixtures, 'wechat', 'pages', 'index', 'index.js');
    const code = 'Page({ onTap() { wx.getUserProfile({ fail() {} }) } })';
    const config: Linter.Config[] = [
      { plugins: { 'mp-userinfo': plugin }, rules: { 'mp-userinfo/desc-missing': 'error', 'mp-userinfo/min-version': 'warn' } },
      { settings: { 'mp-userinfo': { libVersion: '2.9.0', rules: { 'desc-missing': 'off' } } } },
    ];
    assert.deepEqual(codesOf(new Linter().verify(code, config, page)), [
      '1:18 mp-userinfo/desc-missing',
      '1:18 mp-userinfo/min-version',
    ]);
  });

  it('leaves files it cannot check alone', () => {
    const linter = new Linter();
    const code = profileCall('');
    // No file name ESLint gives a script extension to (stdin without --stdin-filename).
    assert.deepEqual(linter.verify(code, [plugin.configs.all!]), []);
    // Library code below the working folder.
    const library = path.join(repoRoot, 'miniprogram_npm', 'kit', 'index.js');
    assert.deepEqual(linter.verify(code, [plugin.configs.all!], library), []);
  });

  it('exports recommended and per-platform configurations', () => {
    const recommended = plugin.configs.recommended!.rules!;
    assert.equal(recommended['mp-userinfo/desc-missing'], 'error');
    assert.equal(recommended['mp-userinfo/tt-login-required'], 'warn');
    assert.equal(recommended['mp-userinfo/unhandled-refusal'], 'warn'); // information → warn
    assert.equal(recommended['mp-userinfo/handler-not-found'], 'warn'); // in .vue templates
    assert.equal(Object.keys(recommended).length, Object.keys(plugin.rules).length);
    // uni-app's rule applies to whatever platform a uni-app project builds for.
    assert.equal(plugin.configs.wechat!.rules!['mp-userinfo/uni-eventsync'], 'warn');

    // On a Douyin page, the WeChat configuration checks WeChat calls only.
    const douyin = path.join(fixtures, 'douyin', 'pages', 'me', 'me.js');
    const code = 'Page({ onTap() { tt.getUserInfo({ success() {} }); wx.getUserInfo({ success() {} }) } })';
    const linter = new Linter();
    assert.equal(plugin.configs.wechat!.rules!['mp-userinfo/tt-login-required'], 'off');
    assert.deepEqual(codesOf(linter.verify(code, [plugin.configs.wechat!], douyin)), [
      '1:52 mp-userinfo/getuserinfo-anonymous',
      '1:52 mp-userinfo/unhandled-refusal',
    ]);
    assert.deepEqual(codesOf(linter.verify(code, [plugin.configs.douyin!], douyin)), [
      '1:18 mp-userinfo/tt-login-required',
      '1:18 mp-userinfo/unhandled-refusal',
    ]);
  });

  it('ships a package ready to publish', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'dist', 'eslint-plugin-mp-userinfo', 'package.json'), 'utf8'),
    );
    const root = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'eslint-plugin-mp-userinfo');
    assert.equal(manifest.version, root.version);
    assert.equal(manifest.main, 'index.js');
    assert.equal(manifest.license, root.license);
    assert.deepEqual(manifest.peerDependencies, { eslint: '^9.0.0 || ^10.0.0' });
    assert.deepEqual(manifest.dependencies, { typescript: root.dependencies.typescript });
    for (const file of manifest.files as string[])
      assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'eslint-plugin-mp-userinfo', file)), file);
    assert.equal(plugin.meta?.name, 'eslint-plugin-mp-userinfo');
    assert.equal(plugin.meta?.version, root.version);
  });

  it('ships types an eslint.config.ts type-checks against', () => {
    const config = path.join(temp, 'eslint.config.ts');
    const body = (use: string) =>
      `import type { Linter } from 'eslint';\nimport mpUserinfo = require(${JSON.stringify(pluginDir)});\n` +
      `const config: Linter.Config[] = [${use}];\nexport default config;\n`;
    const errorsOf = (use: string) => {
      fs.writeFileSync(config, body(use));
      const program = ts.createProgram([config], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: [],
        typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
        baseUrl: repoRoot,
        paths: { eslint: [path.join(repoRoot, 'node_modules', 'eslint')] },
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    assert.deepEqual(
      errorsOf(
        "mpUserinfo.configs.recommended, mpUserinfo.configs.wechat, { plugins: { 'mp-userinfo': mpUserinfo }, rules: { 'mp-userinfo/desc-missing': 'error' } }",
      ),
      [],
    );
    assert.match(errorsOf('mpUserinfo.configs.wechatt').join('\n'), /wechatt/);
  });
});
