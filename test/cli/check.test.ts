import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

describe('mp-userinfo check', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-cli-'));
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('reports the fixtures as JSON with ESLint-style positions and exits 1 on errors', () => {
    const { code, stdout } = run([
      'check',
      'test/fixtures/alipay',
      'test/fixtures/douyin',
      'test/fixtures/taro',
      'test/fixtures/wechat',
      '--format',
      'json',
    ]);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const keys = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`);
    // Every finding of the fixtures: the core rules, the policy rules that apply to the same calls
    // (libVersion 2.30.0 anonymises getUserProfile; calls without `fail` leave a refusal unhandled), and
    // the pages made to show the other rules (wechat account, alipay member, douyin launch, taro account).
    assert.deepEqual(keys, [
      'test/fixtures/alipay/pages/member/member.axml:3:22 alipay-authorize-flow',
      'test/fixtures/alipay/pages/member/member.js:3:5 alipay-authorize-flow',
      'test/fixtures/alipay/pages/member/member.js:5:34 alipay-response-string',
      'test/fixtures/douyin/pages/launch/launch.js:5:9 auth-on-launch',
      'test/fixtures/douyin/pages/launch/launch.js:14:5 tt-login-required',
      'test/fixtures/douyin/pages/launch/launch.js:15:7 min-version',
      'test/fixtures/douyin/pages/me/me.js:3:5 auth-on-launch',
      'test/fixtures/douyin/pages/me/me.js:3:5 tt-login-required',
      'test/fixtures/douyin/pages/me/me.js:3:5 unhandled-refusal',
      'test/fixtures/douyin/pages/me/me.js:9:5 tt-login-required',
      'test/fixtures/taro/src/pages/account/account.tsx:6:5 auth-on-launch',
      'test/fixtures/taro/src/pages/account/account.tsx:6:5 getuserinfo-anonymous',
      'test/fixtures/taro/src/pages/account/account.tsx:6:30 invalid-option-value',
      'test/fixtures/taro/src/pages/account/account.tsx:10:54 alipay-response-string',
      'test/fixtures/taro/src/pages/index/index.tsx:7:5 getuserprofile-anonymous',
      'test/fixtures/taro/src/pages/index/index.tsx:7:5 not-in-tap-handler',
      'test/fixtures/taro/src/pages/index/index.tsx:7:5 unhandled-refusal',
      'test/fixtures/taro/src/pages/index/index.tsx:19:11 not-in-tap-handler',
      'test/fixtures/taro/src/pages/index/index.tsx:19:11 unhandled-refusal',
      'test/fixtures/taro/src/pages/index/index.tsx:26:30 desc-missing',
      'test/fixtures/wechat/pages/account/account.js:3:23 getuserinfo-anonymous',
      'test/fixtures/wechat/pages/account/account.js:3:23 promise-unsupported',
      'test/fixtures/wechat/pages/account/account.js:3:23 unhandled-refusal',
      'test/fixtures/wechat/pages/account/account.js:3:46 invalid-option-value',
      'test/fixtures/wechat/pages/account/account.js:8:5 getuserprofile-anonymous',
      'test/fixtures/wechat/pages/account/account.js:8:5 not-in-tap-handler',
      'test/fixtures/wechat/pages/account/account.js:10:7 unknown-option',
      'test/fixtures/wechat/pages/account/account.wxml:3:20 handler-not-found',
      'test/fixtures/wechat/pages/account/account.wxml:4:22 getuserinfo-anonymous',
      'test/fixtures/wechat/pages/index/index.js:3:5 getuserprofile-anonymous',
      'test/fixtures/wechat/pages/profile/profile.js:7:5 getuserprofile-anonymous',
      'test/fixtures/wechat/pages/profile/profile.js:7:5 not-in-tap-handler',
      'test/fixtures/wechat/pages/profile/profile.js:7:5 unhandled-refusal',
      'test/fixtures/wechat/pages/profile/profile.js:18:5 desc-missing',
      'test/fixtures/wechat/pages/profile/profile.js:24:31 desc-too-long',
      'test/fixtures/wechat/pages/profile/profile.js:29:7 not-in-tap-handler',
    ]);
    const first = findings.find((f) => f.code === 'desc-too-long')!;
    assert.deepEqual(
      { endLine: first.endLine, endColumn: first.endColumn, severity: first.severity },
      { endLine: 24, endColumn: 31 + "'用于展示用户头像、昵称并完善会员信息'".length, severity: 'warning' },
    );
    assert.deepEqual(Object.keys(findings[0]!), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'code',
      'message',
    ]);
  });

  it('detects uni-app projects (manifest.json + pages.json) and checks their scripts per build target and region', () => {
    const { code, stdout } = run(['check', 'test/fixtures/uniapp', '--format', 'json']);
    const keys = (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`);
    assert.deepEqual(keys, [
      'test/fixtures/uniapp/cli-vue3/src/common/auth.ts:3:28 getuserprofile-anonymous',
      'test/fixtures/uniapp/cli-vue3/src/common/auth.ts:3:28 promise-unsupported',
      'test/fixtures/uniapp/cli-vue3/src/common/auth.ts:3:28 unhandled-refusal',
      'test/fixtures/uniapp/cli-vue3/src/common/auth.ts:23:3 promise-unsupported',
      'test/fixtures/uniapp/cli-vue3/src/common/auth.ts:23:15 unknown-option',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:6:7 getuserprofile-anonymous',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:6:7 min-version',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:6:7 not-in-tap-handler',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:14:32 desc-too-long',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:19:21 min-version',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:19:21 promise-unsupported',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:24:28 min-version',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:31:3 getuserinfo-anonymous',
      'test/fixtures/uniapp/hbuilder-vue2/common/user.js:38:3 tt-login-required',
    ]);
    // The Vue 3 project's destructured Promise and the Vue 2 project's getUserProfile outside a tap are errors.
    assert.equal(code, 1);
    const douyin = run(['check', 'test/fixtures/uniapp/hbuilder-vue2', '--platform', 'douyin', '--format', 'json']);
    assert.deepEqual(
      (JSON.parse(douyin.stdout) as JsonFinding[]).map((f) => `${f.line}:${f.column} ${f.code}`),
      ['6:7 not-in-tap-handler', '19:21 promise-unsupported', '38:3 tt-login-required'],
    );
  });

  it('makes file paths relative to the working folder', () => {
    const { stdout } = run(['check', '.', '--format', 'json'], path.join(repoRoot, 'test/fixtures/douyin'));
    assert.deepEqual(
      (JSON.parse(stdout) as JsonFinding[]).map((f) => f.file),
      [...Array(3).fill('pages/launch/launch.js'), ...Array(4).fill('pages/me/me.js')],
    );
  });

  it('exits 0 when only warnings are found, and with --exit-zero', () => {
    assert.equal(run(['check', 'test/fixtures/douyin']).code, 0);
    assert.equal(run(['check', 'test/fixtures', '--exit-zero']).code, 0);
  });

  it('prints a readable text report', () => {
    const { stdout } = run(['check', 'test/fixtures/wechat']);
    assert.match(
      stdout,
      /^test\/fixtures\/wechat\/pages\/profile\/profile\.js\n {2}7:5 {4}error {8}`wx\.getUserProfile` runs from the lifecycle hook `onLoad`.*not-in-tap-handler$/m,
    );
    assert.match(stdout, /✖ 14 problems \(5 errors, 5 warnings, 4 info\) in 7 files checked/);
    // Advice that holds for every call is said once in the report, at the first call, naming the others.
    assert.match(
      stdout,
      /^test\/fixtures\/wechat\/pages\/account\/account\.js\n(?:.*\n)*? {2}8:5 {4}information {2}`wx\.getUserProfile` returns a grey avatar.*\(also at test\/fixtures\/wechat\/pages\/index\/index\.js:3:5, test\/fixtures\/wechat\/pages\/profile\/profile\.js:7:5, 11:5, 18:5, 24:5, 29:7, 38:5\) {2}getuserprofile-anonymous$/m,
    );
    assert.equal(stdout.match(/returns a grey avatar/g)?.length, 1, 'the grey-avatar sentence is said once');
  });

  it('writes SARIF 2.1.0 with rules and locations', () => {
    const { stdout } = run(['check', 'test/fixtures/wechat', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const runLog = sarif.runs[0];
    assert.equal(runLog.tool.driver.name, 'mp-userinfo');
    assert.ok(runLog.tool.driver.rules.some((r: { id: string }) => r.id === 'not-in-tap-handler'));
    const result = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'desc-too-long');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 24, startColumn: 31, endLine: 24, endColumn: 51 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/wechat/pages/profile/profile.js');
    assert.equal(runLog.tool.driver.rules[result.ruleIndex].id, 'desc-too-long');
  });

  it('applies --rule and --lib-version', () => {
    const off = JSON.parse(
      run(['check', 'test/fixtures/wechat', '--format', 'json', '--rule', 'not-in-tap-handler=off']).stdout,
    ) as JsonFinding[];
    assert.ok(off.every((f) => f.code !== 'not-in-tap-handler'));
    const lib = JSON.parse(
      run(['check', 'test/fixtures/douyin', '--format', 'json', '--lib-version', '2.60.0']).stdout,
    ) as JsonFinding[];
    // From base library 2.54.0 tt.getUserProfile logs in by itself; tt.getUserInfo still needs tt.login.
    assert.deepEqual(
      lib.filter((f) => f.code === 'tt-login-required').map((f) => f.line),
      [3],
    );
  });

  it('reads .mp-userinfo.json and the mp-userinfo key of package.json, with flags winning over them', () => {
    const page = "Page({ onTapLogin() { wx.getUserProfile({ desc: '用于完善会员资料', success: () => {} }) } })";
    const project = (name: string, settings: Record<string, string>) => {
      const dir = path.join(temp, name);
      mkdirSync(path.join(dir, 'pages', 'index'), { recursive: true });
      writeFileSync(path.join(dir, 'pages', 'index', 'index.js'), page);
      writeFileSync(path.join(dir, 'pages', 'index', 'index.wxml'), '<button bindtap="onTapLogin">登录</button>');
      for (const [file, text] of Object.entries(settings)) writeFileSync(path.join(dir, file), text);
      return dir;
    };
    const codes = (dir: string, ...flags: string[]) => {
      const { code, stdout, stderr } = run(['check', '.', '--format', 'json', ...flags], dir);
      assert.equal(code, 0, stderr);
      return (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.code} ${f.severity}`);
    };

    const plain = project('settings-none', {});
    // Without a libVersion the grey-avatar advice depends on the client; without `fail` a refusal is unhandled.
    assert.deepEqual(codes(plain), ['getuserprofile-anonymous information', 'unhandled-refusal information']);

    const dotFile = project('settings-file', {
      '.mp-userinfo.json': '{ "rules": { "unhandled-refusal": "off" }, "libVersion": "2.30.0" }',
    });
    const [advice] = JSON.parse(run(['check', '.', '--format', 'json'], dotFile).stdout) as JsonFinding[];
    assert.equal(advice!.code, 'getuserprofile-anonymous');
    assert.match(advice!.message, /on base library 2\.30\.0/);
    assert.deepEqual(codes(dotFile, '--rule', 'unhandled-refusal=warning'), [
      'getuserprofile-anonymous information',
      'unhandled-refusal warning',
    ]);

    const packageKey = project('settings-package', {
      'package.json': JSON.stringify({ name: 'x', 'mp-userinfo': { rules: { 'getuserprofile-anonymous': 'off' } } }),
    });
    assert.deepEqual(codes(packageKey), ['unhandled-refusal information']);
    assert.deepEqual(codes(packageKey, '--platform', 'alipay'), []);

    const broken = project('settings-broken', { '.mp-userinfo.json': '{ "rules": { "no-such-rule": "off" } }' });
    const { code, stderr } = run(['check', '.'], broken);
    assert.equal(code, 2);
    assert.match(stderr, /\.mp-userinfo\.json: unknown rule "no-such-rule" in "rules"/);
  });

  it('rejects bad usage with exit code 2 and a specific message', () => {
    const cases: Array<[string[], RegExp]> = [
      [['check', '--format', 'xml'], /unknown format "xml"/],
      [['check', '--rule', 'nope=error'], /unknown rule "nope"/],
      [['check', '--rule', 'desc-missing=loud'], /unknown severity "loud"/],
      [['check', '--lib-version', 'latest'], /--lib-version takes a version/],
      [['check', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
      [['check', '--bogus'], /unknown option "--bogus"/],
      [['check', '--jobs', '0'], /--jobs takes a positive whole number of threads, not "0"/],
      [['check', '--jobs', '-2'], /--jobs takes a positive whole number of threads, not "-2"/],
      [['check', '--jobs=1.5'], /--jobs takes a positive whole number of threads, not "1\.5"/],
      [['check', '--jobs', 'all'], /--jobs takes a positive whole number of threads, not "all"/],
      [['check', '--jobs', '2x'], /--jobs takes a positive whole number of threads, not "2x"/],
      [['check', '--jobs='], /--jobs needs a value/],
      [['check', '--jobs'], /--jobs needs a value/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });

  it('respects .gitignore and skips node_modules, dist and miniprogram_npm', () => {
    const root = path.join(temp, 'ignored');
    for (const dir of ['node_modules/x', 'dist', 'miniprogram_npm/y', 'generated', 'pages'])
      mkdirSync(path.join(root, dir), { recursive: true });
    const bad = 'Page({ onLoad() { wx.getUserProfile() } })';
    for (const file of ['node_modules/x/a.js', 'dist/a.js', 'miniprogram_npm/y/a.js', 'generated/a.js', 'pages/a.js'])
      writeFileSync(path.join(root, file), bad);
    writeFileSync(path.join(root, '.gitignore'), 'generated/\n');
    const findings = JSON.parse(run(['check', '.', '--format', 'json'], root).stdout) as JsonFinding[];
    assert.deepEqual([...new Set(findings.map((f) => f.file))], ['pages/a.js']);
  });

  it('skips oversize, binary and looping inputs with notices and keeps going', () => {
    const root = path.join(temp, 'hostile');
    mkdirSync(path.join(root, 'pages'), { recursive: true });
    writeFileSync(path.join(root, 'big.js'), `wx.getUserProfile();\n${'x'.repeat(5 * 1024 * 1024)}`);
    writeFileSync(path.join(root, 'binary.js'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0x77, 0x78]));
    writeFileSync(path.join(root, 'pages', 'ok.js'), 'Page({ onLoad() { wx.getUserProfile() } })');
    writeFileSync(path.join(root, 'half.js'), 'Page({ onLoad() { wx.getUserProfile({ desc: `');
    symlinkSync(root, path.join(root, 'pages', 'loop'));
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json'], root);
    assert.equal(code, 1);
    assert.match(stderr, /Skipped big\.js: 5\.0 MB is over the 2\.0 MB limit/);
    assert.match(stderr, /Skipped binary\.js: it looks like a binary file/);
    const files = new Set((JSON.parse(stdout) as JsonFinding[]).map((f) => f.file));
    assert.deepEqual([...files].sort(), ['half.js', 'pages/ok.js']);
  });

  it('prints help and the version', () => {
    assert.match(run(['check', '--help']).stdout, /Usage: mp-userinfo check/);
    assert.equal(run(['--help']).code, 0);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });

  describe('--jobs', () => {
    /** Every output of a run: the report in each format, the notices and the exit code. */
    const outputs = (args: string[], cwd: string, jobs: number, env: Record<string, string> = {}) =>
      (['json', 'text', 'sarif'] as const).map((format) =>
        run(['check', ...args, '--format', format, '--jobs', String(jobs)], cwd, env),
      );

    it('gives the fixtures the same report, notices and exit code on worker threads as on the main thread', () => {
      // The fixtures are fewer files than a run needs to start workers: lower the threshold to use them anyway.
      const env = { MP_USERINFO_PARALLEL_FILES: '1' };
      const single = outputs(['test/fixtures'], repoRoot, 1);
      assert.equal(single[0]!.code, 1, single[0]!.stderr);
      assert.ok((JSON.parse(single[0]!.stdout) as JsonFinding[]).length > 40);
      for (const jobs of [2, 3]) assert.deepEqual(outputs(['test/fixtures'], repoRoot, jobs, env), single, `--jobs ${jobs}`);
    });

    it('gives a generated project of 120 files the same report, notices and exit code for every --jobs', () => {
      const root = path.join(temp, 'jobs');
      const page = (dir: string, name: string, script: string, markup?: [string, string]) => {
        mkdirSync(path.join(root, dir, name), { recursive: true });
        writeFileSync(path.join(root, dir, name, `${name}.js`), script);
        if (markup) writeFileSync(path.join(root, dir, name, `${name}.${markup[0]}`), markup[1]);
      };
      mkdirSync(path.join(root, 'wechat'), { recursive: true });
      writeFileSync(
        path.join(root, 'wechat', 'project.config.json'),
        '{ "appid": "wx0123456789abcdef", "libVersion": "2.20.0" }',
      );
      mkdirSync(path.join(root, 'alipay'), { recursive: true });
      writeFileSync(path.join(root, 'alipay', 'mini.project.json'), '{}');
      writeFileSync(path.join(root, 'alipay', '.mp-userinfo.json'), '{ "rules": { "unhandled-refusal": "warning" } }');
      let files = 0;
      for (let i = 0; i < 40; i++) {
        // Lifecycle calls (errors), tap handlers, a missing desc, a handler the markup names wrongly, and plain pages.
        const call =
          i % 4 === 0
            ? "wx.getUserProfile({ desc: '用于完善会员资料' })"
            : i % 4 === 1
              ? 'wx.getUserProfile({ success() {} })'
              : 'wx.showToast({ title: "hi" })';
        const hook = i % 2 === 0 ? 'onLoad' : 'onTapLogin';
        page(
          'wechat/pages',
          `p${i}`,
          `Page({\n  ${hook}() {\n    ${call}\n  },\n  onTapLogin${i % 5 === 0 ? 'X' : ''}() {},\n})\n`,
          ['wxml', '<button bindtap="onTapLogin">登录</button>\n'],
        );
        files += 2;
      }
      for (let i = 0; i < 20; i++) {
        const call =
          i % 3 === 0
            ? 'my.getOpenUserInfo({ success: (res) => this.setData({ name: res.response.nickName }) })'
            : 'my.alert({ content: "hi" })';
        page('alipay/pages', `m${i}`, `Page({\n  onTapMember() {\n    ${call}\n  },\n})\n`, [
          'axml',
          '<button onTap="onTapMember">会员</button>\n',
        ]);
        files += 2;
      }
      // Files skipped with a notice, between the others.
      writeFileSync(path.join(root, 'wechat', 'pages', 'p20', 'binary.js'), Buffer.from([0, 1, 2, 3, 0, 0x77]));
      writeFileSync(
        path.join(root, 'alipay', 'pages', 'm9', 'deep.js'),
        `my.getOpenUserInfo(${'{a:'.repeat(3000)}1${'}'.repeat(3000)})`,
      );
      files += 2;
      assert.equal(files, 122);

      const single = outputs(['.'], root, 1);
      const [json] = single;
      assert.equal(json!.code, 1, json!.stderr);
      const findings = JSON.parse(json!.stdout) as JsonFinding[];
      const codes = new Set(findings.map((f) => f.code));
      for (const code of ['not-in-tap-handler', 'desc-missing', 'handler-not-found', 'alipay-response-string'])
        assert.ok(codes.has(code), code);
      const filesWithFindings = new Set(findings.map((f) => f.file)).size;
      assert.ok(filesWithFindings > 30, `${filesWithFindings} files with findings`);
      assert.match(json!.stderr, /Skipped wechat\/pages\/p20\/binary\.js: it looks like a binary file/);
      assert.match(json!.stderr, /Skipped alipay\/pages\/m9\/deep\.js: it nests expressions or blocks too deeply/);
      assert.match(single[1]!.stdout, /in 122 files checked/);
      for (const jobs of [2, 4]) assert.deepEqual(outputs(['.'], root, jobs), single, `--jobs ${jobs}`);
      // The default (one thread per core) too, and a run with only warnings and notes (exit 0) alike.
      assert.deepEqual(run(['check', '.', '--format', 'json'], root), json);
      const quiet = [
        '.',
        '--rule',
        'not-in-tap-handler=off',
        '--rule',
        'desc-missing=warning',
        '--rule',
        'handler-not-found=hint',
      ];
      const quietSingle = outputs(quiet, root, 1);
      assert.equal(quietSingle[0]!.code, 0, quietSingle[0]!.stdout);
      assert.deepEqual(outputs(quiet, root, 2), quietSingle);
    });
  });
});
