// Cases from the real-world precision study (docs/real-world.md), one small project each under
// test/fixtures/realworld/<pattern>/, written for this suite (no third-party code). Every case states the behaviour the
// study found right: a false positive the core must drop, or a miss it must report. Most run the core over one file as
// the CLI does; the vendored-library case runs the built CLI (`npm run build`) over the whole project, since which
// files are checked is decided by the walk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/core/analyze';
import { ProjectIndex, type FileSystemHost } from '../../server/src/core/project';

const realworld = path.join(__dirname, '..', 'fixtures', 'realworld');

const diskHost: FileSystemHost = { readFile: (fileName) => (existsSync(fileName) ? readFileSync(fileName, 'utf8') : undefined) };

interface Reported {
  line: number;
  severity: string;
  message: string;
}

/** What the core reports for `code` in `<case>/<path>`, with 1-based lines; `severity` narrows it to one level. */
function reported(file: string, code: string, severity?: string): Reported[] {
  const fileName = path.join(realworld, file);
  const text = readFileSync(fileName, 'utf8');
  return analyzeFile(fileName, text, new ProjectIndex(diskHost))
    .findings.filter((f) => f.code === code && (severity === undefined || f.severity === severity))
    .map((f) => ({ line: text.slice(0, f.start).split('\n').length, severity: f.severity, message: f.message }));
}

/** Asserts the lines `code` is reported on in each listed file (all files in one comparison), and the messages. */
function expectLines(code: string, expected: Record<string, Array<{ line: number; message?: RegExp }>>, severity?: string): void {
  const found = Object.fromEntries(Object.keys(expected).map((file) => [file, reported(file, code, severity)]));
  assert.deepEqual(
    Object.fromEntries(Object.entries(found).map(([file, list]) => [file, list.map((f) => f.line)])),
    Object.fromEntries(Object.entries(expected).map(([file, list]) => [file, list.map((e) => e.line)])),
    `${code}${severity ? ` (${severity})` : ''}: ${JSON.stringify(found, null, 1)}`,
  );
  for (const [file, list] of Object.entries(expected)) {
    list.forEach((e, i) => {
      if (e.message) assert.match(found[file]![i]!.message, e.message);
    });
  }
}

describe('real-world study: false positives the core must drop', () => {
  it('handler-not-found stays quiet for handlers a component assigns onto `this` under computed keys (hnf-dynamic-members)', () => {
    // The component adds `_tap` and `_longpress` in attached(); the page's own missing method is still reported.
    expectLines('handler-not-found', {
      'hnf-dynamic-members/components/rich/rich.wxml': [],
      'hnf-dynamic-members/pages/index/index.wxml': [{ line: 2, message: /onMissing/ }],
    });
  });

  it('handler-not-found stays quiet when the computed-key members are assigned through an alias of `this` (hnf-dynamic-members-alias)', () => {
    // Found on re-measuring: a rich-text component writes `const self = this; self['_' + name] = …` in attached(); the
    // page's own missing method is still reported.
    expectLines('handler-not-found', {
      'hnf-dynamic-members-alias/components/md-view/md-view.wxml': [],
      'hnf-dynamic-members-alias/pages/index/index.wxml': [{ line: 2, message: /onMissing/ }],
    });
  });

  it('getuserinfo-anonymous skips a component whose open-type is an expression and reports the page that sets getUserInfo (component-forwards-getuserinfo)', () => {
    expectLines('getuserinfo-anonymous', {
      'component-forwards-getuserinfo/components/auth-button/auth-button.wxml': [],
      'component-forwards-getuserinfo/pages/index/index.wxml': [{ line: 2, message: /open-type="getUserInfo"/ }],
    });
  });

  it('unhandled-refusal is silent for a call made only once authSetting grants scope.userInfo (refusal-under-auth-guard)', () => {
    // Line 6 runs only when the scope is granted, so it cannot be refused; line 14, in a tap handler, can.
    expectLines('unhandled-refusal', { 'refusal-under-auth-guard/pages/index/index.js': [{ line: 14 }] });
  });

  it('unhandled-refusal is silent for a call reached only from the success of wx.authorize({ scope: "scope.userInfo" }) (refusal-after-authorize)', () => {
    // Found on re-measuring: line 14 runs only once authorize succeeded, so it cannot be refused; line 20, in a tap
    // handler with nothing granted, can.
    expectLines('unhandled-refusal', { 'refusal-after-authorize/pages/index/index.js': [{ line: 20 }] });
  });

  it("the WeChat template's canIUse('button.open-type.getUserInfo') fallback is dead code at libVersion 2.4.2 (template-dead-fallback)", () => {
    for (const code of ['auth-on-launch', 'getuserinfo-anonymous', 'unhandled-refusal']) {
      expectLines(code, { 'template-dead-fallback/current/pages/index/index.js': [] });
    }
  });

  it('control: the same fallback runs on libVersion 1.2.0, below the button, and is reported from onLoad (template-dead-fallback)', () => {
    expectLines('auth-on-launch', { 'template-dead-fallback/ancient/pages/index/index.js': [{ line: 10, message: /`onLoad`/ }] });
  });

  it('not-in-tap-handler raises no error for a method that nothing binds or calls (tap-unreferenced-method)', () => {
    // profile.wxml only binds onSave (the askProfile button is commented out); open.js calls the same method from onLoad.
    expectLines(
      'not-in-tap-handler',
      {
        'tap-unreferenced-method/pages/profile/profile.js': [],
        'tap-unreferenced-method/pages/open/open.js': [{ line: 6, message: /onLoad/ }],
      },
      'error',
    );
  });

  it("tt-login-required ignores a `tt` imported from the project's own module in a WeChat project (shadowed-platform-global)", () => {
    expectLines('tt-login-required', { 'shadowed-platform-global/pages/index/index.js': [] });
  });

  it('getuserprofile-anonymous does not tell a project on libVersion 2.19.4 that it still gets real data (profile-anon-libversion-message)', () => {
    const file = 'profile-anon-libversion-message/pages/index/index.js';
    expectLines('getuserprofile-anonymous', { [file]: [{ line: 3, message: /微信用户/ }] });
    // libVersion is the oldest client supported; the user's client decides, and current ones get the grey avatar.
    assert.doesNotMatch(reported(file, 'getuserprofile-anonymous')[0]!.message, /still gets real data/);
  });

  it("getuserprofile-anonymous is silent for the profile button WeChat's template shows only without the nickname input (fill-in-template-fallback)", () => {
    // Fill-in study: home.wxml shows the button in the wx:elif after `hasNicknameInput && !profileReady`, a flag kept
    // from wx.canIUse('input.type.nickname'); it renders only below 2.21.2, where getUserProfile is not anonymous yet.
    // The control's button does not depend on the flag and is reported.
    expectLines('getuserprofile-anonymous', {
      'fill-in-template-fallback/pages/home/home.js': [],
      'fill-in-template-fallback/pages/plain/plain.js': [{ line: 9, message: /微信用户/ }],
    });
  });

  it('mp-userinfo check reports nothing in a vendored UI-kit copy (components/vant) or a minified SDK (vendored-library)', () => {
    const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    const run = spawnSync(
      process.execPath,
      [cli, 'check', path.join(realworld, 'vendored-library'), '--format', 'json', '--exit-zero'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const files = (JSON.parse(run.stdout) as Array<{ file: string; line: number; code: string }>).map(
      (f) => `${path.relative(path.join(realworld, 'vendored-library'), path.resolve(f.file))}:${f.line} ${f.code}`,
    );
    assert.deepEqual(files, []);
  });
});

describe('real-world study: misses the core must report', () => {
  it('getuserinfo-anonymous reports a Taro JSX <Button openType="getUserInfo"> (taro-jsx-getuserinfo-button)', () => {
    expectLines('getuserinfo-anonymous', {
      'taro-jsx-getuserinfo-button/src/pages/auth/auth.jsx': [{ line: 9, message: /getUserInfo/ }],
    });
  });

  it('a Taro project with project.tt.json and a WeChat devtools config still gets the WeChat getUserProfile advice (taro-tt-config-hides-wechat)', () => {
    expectLines('getuserprofile-anonymous', {
      'taro-tt-config-hides-wechat/src/pages/me/me.tsx': [{ line: 6, message: /微信用户/ }],
    });
  });

  it('auth-on-launch reports my.getAuthCode with scope auth_user in onLoad and not the silent auth_base (alipay-authcode-on-load)', () => {
    expectLines('auth-on-launch', {
      'alipay-authcode-on-load/pages/scan/scan.js': [{ line: 3, message: /`onLoad`/ }],
      'alipay-authcode-on-load/pages/silent/silent.js': [],
    });
  });

  it('avatar-not-uploaded reports the temporary path stored beside its own upload, not the uploaded file ID (avatar-stored-beside-upload)', () => {
    // Fill-in study: the handler uploads the path and also stores the path itself (me.js:17); the control page keeps
    // the path in data, uploads it and stores data once the upload has replaced it, which cannot be told apart.
    expectLines('avatar-not-uploaded', {
      'avatar-stored-beside-upload/pages/me/me.js': [
        {
          line: 17,
          message: /stores the avatar's temporary path from `pickAvatar`.*Keep the URL or file ID its upload returns instead/,
        },
      ],
      'avatar-stored-beside-upload/pages/draft/draft.js': [],
    });
  });
});
