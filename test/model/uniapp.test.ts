// uni-app projects on disk (test/fixtures/uniapp/<case>/): the project is found from manifest.json + pages.json, its
// build targets and Vue version from the manifest, and every finding of a script is asserted at its exact position
// (1-based line:column of the span's start, and the text the span covers), with its rule and what the message says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/core/analyze';
import { ProjectIndex, type FileSystemHost } from '../../server/src/core/project';

const fixtures = path.join(__dirname, '..', 'fixtures', 'uniapp');

const diskHost: FileSystemHost = {
  readFile: (fileName) => {
    try {
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Every finding of a fixture file as `line:column code «covered text»`, in order. */
function findingsOf(file: string, options: Parameters<typeof analyzeFile>[3] = {}): { lines: string[]; messages: string[] } {
  const fileName = path.join(fixtures, file);
  const text = readFileSync(fileName, 'utf8');
  const findings = analyzeFile(fileName, text, new ProjectIndex(diskHost), options).findings;
  return {
    lines: findings.map((f) => {
      const before = text.slice(0, f.start).split('\n');
      return `${before.length}:${before[before.length - 1]!.length + 1} ${f.code} «${text.slice(f.start, f.end)}»`;
    }),
    messages: findings.map((f) => f.message),
  };
}

describe('uni-app projects', () => {
  it('reads an HBuilderX project: root = app root, targets from the mp-* sections, libVersion from mp-weixin, Vue 2', () => {
    const index = new ProjectIndex(diskHost);
    const project = index.projectOf(path.join(fixtures, 'hbuilder-vue2/common/user.js'));
    const root = path.join(fixtures, 'hbuilder-vue2');
    assert.deepEqual(
      {
        root: project.root,
        appRoot: project.appRoot,
        uniApp: project.uniApp,
        libVersion: project.libVersion,
        platform: project.platform,
      },
      {
        root,
        appRoot: root,
        uniApp: { targets: ['wechat', 'alipay', 'douyin'], vueVersion: 2 },
        libVersion: '2.9.0',
        platform: undefined,
      },
    );
  });

  it('reads a CLI project: src/ is the app root, its parent the root; one mp-* section makes it single-platform; Vue 3', () => {
    const index = new ProjectIndex(diskHost);
    const project = index.projectOf(path.join(fixtures, 'cli-vue3/src/common/auth.ts'));
    assert.deepEqual(
      { root: project.root, appRoot: project.appRoot, uniApp: project.uniApp, platform: project.platform },
      {
        root: path.join(fixtures, 'cli-vue3'),
        appRoot: path.join(fixtures, 'cli-vue3/src'),
        uniApp: { targets: ['wechat'], vueVersion: 3 },
        platform: 'wechat',
      },
    );
  });

  it('checks uni.* and wx.* per conditional-compilation region in a Vue 2 project', () => {
    const { lines, messages } = findingsOf('hbuilder-vue2/common/user.js');
    assert.deepEqual(lines, [
      // getUserProfile inside uni.login's success: gesture lost; WeChat's 2022 change; below the manifest's libVersion.
      '6:7 getuserprofile-anonymous «uni.getUserProfile»',
      '6:7 min-version «uni.getUserProfile»',
      '6:7 not-in-tap-handler «uni.getUserProfile»',
      // Behind `if (uni.getUserProfile)`: no min-version; the desc is over 30 units.
      "14:32 desc-too-long «'用于展示用户头像、昵称并完善会员信息'»",
      // Vue 2: `res.userInfo` read off the resolved value, which is [err, res].
      '19:21 min-version «uni.getUserProfile»',
      '19:21 promise-unsupported «uni.getUserProfile»',
      // `const [err, res] = await …` is right in Vue 2.
      '24:28 min-version «uni.getUserProfile»',
      // #ifdef MP-WEIXIN: wx.getUserInfo is WeChat's; #ifdef MP-ALIPAY: neither uni.getUserInfo nor wx.getUserInfo is WeChat's.
      '31:3 getuserinfo-anonymous «wx.getUserInfo»',
      // #ifdef MP-TOUTIAO: uni.getUserInfo runs tt.getUserInfo, which needs a login; no WeChat rule fires there.
      '38:3 tt-login-required «uni.getUserInfo»',
      // #ifdef H5: nothing; the Douyin-only getUserProfile without desc is fine (Douyin takes none).
    ]);
    assert.match(messages[0]!, /`uni\.getUserProfile` returns a grey avatar/);
    assert.match(
      messages[1]!,
      /`uni\.getUserProfile` \(`wx\.getUserProfile` on WeChat\) needs base library 2\.10\.4, but the project supports 2\.9\.0/,
    );
    assert.match(messages[2]!, /runs inside the success callback of uni\.login/);
    assert.match(messages[5]!, /In a Vue 2 uni-app project `uni\.getUserProfile` resolves with `\[err, res\]`/);
    assert.match(messages[8]!, /`uni\.getUserInfo` \(on Douyin `tt\.getUserInfo`\) runs with no `uni\.login` before it/);
  });

  it('narrows the targets to the platforms setting: a Douyin-only check applies no WeChat fact', () => {
    const { lines } = findingsOf('hbuilder-vue2/common/user.js', { platforms: ['douyin'] });
    assert.deepEqual(lines, [
      '6:7 not-in-tap-handler «uni.getUserProfile»',
      '19:21 promise-unsupported «uni.getUserProfile»',
      '38:3 tt-login-required «uni.getUserInfo»',
    ]);
  });

  it('checks the Vue 3 Promise rules and drops code for platforms the project does not build', () => {
    const { lines, messages } = findingsOf('cli-vue3/src/common/auth.ts');
    assert.deepEqual(lines, [
      '3:28 getuserprofile-anonymous «uni.getUserProfile»',
      '3:28 promise-unsupported «uni.getUserProfile»',
      '3:28 unhandled-refusal «uni.getUserProfile»',
      // The #ifdef MP-TOUTIAO call is not built: the manifest has only mp-weixin.
      '23:3 promise-unsupported «uni.login»',
      '23:15 unknown-option «scopes»',
    ]);
    assert.match(
      messages[1]!,
      /In a Vue 3 uni-app project `uni\.getUserProfile` resolves with the result object, not `\[err, res\]`/,
    );
    assert.match(messages[2]!, /rejects unhandled/);
    assert.match(
      messages[3]!,
      /`uni\.login` returns no Promise when it is given callbacks: `\.then\(\)` on it throws a TypeError/,
    );
    assert.match(messages[4]!, /`scopes` of `uni\.login` only has an effect on Alipay; WeChat ignores it\./);
  });
});
