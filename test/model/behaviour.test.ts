// Behaviours of the page model, checked on small mini-program projects on disk (test/fixtures/model/<case>/).
// Each case runs the core over one page script as the CLI does (a ProjectIndex reading the disk) and asserts the
// exact findings of one rule: their lines (1-based) and, for the reported ones, what the message says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/core/analyze';
import { ProjectIndex, type FileSystemHost } from '../../server/src/core/project';

const fixtures = path.join(__dirname, '..', 'fixtures', 'model');

const diskHost: FileSystemHost = {
  readFile: (fileName) => {
    try {
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
};

interface Found {
  line: number;
  message: string;
}

/** The findings of `code` in a fixture file (`<case>/<path>`), with 1-based lines. */
function findingsOf(file: string, code: string): Found[] {
  const fileName = path.join(fixtures, file);
  const text = readFileSync(fileName, 'utf8');
  const index = new ProjectIndex(diskHost);
  return analyzeFile(fileName, text, index)
    .findings.filter((f) => f.code === code)
    .map((f) => ({ line: text.slice(0, f.start).split('\n').length, message: f.message }));
}

type Expected = Array<{ line: number; message: RegExp }>;

/**
 * Asserts exactly the expected findings of `code` in each listed file: the same lines, each message matching its
 * pattern. All files are compared in one assertion, so a failure shows every page of the case.
 */
function expectFindings(code: string, expected: Record<string, Expected>): void {
  const found = Object.fromEntries(Object.keys(expected).map((file) => [file, findingsOf(file, code)]));
  assert.deepEqual(
    Object.fromEntries(Object.entries(found).map(([file, list]) => [file, list.map((f) => f.line)])),
    Object.fromEntries(Object.entries(expected).map(([file, list]) => [file, list.map((e) => e.line)])),
    `findings of ${code}: ${JSON.stringify(found, null, 1)}`,
  );
  for (const [file, list] of Object.entries(expected)) list.forEach((e, i) => assert.match(found[file]![i]!.message, e.message));
}

describe('page model: not-in-tap-handler', () => {
  const code = 'not-in-tap-handler';

  it('accepts a call after an await that only happens in an early-return branch (tap-early-return)', () => {
    expectFindings(code, { 'tap-early-return/pages/index/index.js': [] });
  });

  it('accepts a handler bound to the click event of a UI-kit or custom component (tap-ui-kit-button)', () => {
    // van-button (declared in the page json), t-button (declared in app.json) and fancybutton (no dash, declared in
    // the page json) re-emit `click` synchronously from their own tap.
    expectFindings(code, {
      'tap-ui-kit-button/pages/vant/vant.js': [],
      'tap-ui-kit-button/pages/tdesign/tdesign.js': [],
      'tap-ui-kit-button/pages/custom/custom.js': [],
    });
  });

  it('control: accepts longpress on a native view, reports input on a native element (tap-native-contrast)', () => {
    expectFindings(code, { 'tap-native-contrast/pages/index/index.js': [{ line: 10, message: /bound to input, not to a tap/ }] });
  });

  it('reports a tap handler that a lifecycle hook also calls, naming the hook (tap-and-lifecycle)', () => {
    expectFindings(code, {
      'tap-and-lifecycle/pages/load/load.js': [{ line: 7, message: /onLoad/ }],
      'tap-and-lifecycle/pages/show/show.js': [{ line: 7, message: /onShow/ }],
    });
  });
});

describe('page model: tt-login-required', () => {
  const code = 'tt-login-required';

  it('accepts a page when App.onLaunch logs in through a helper method (tt-app-login-helper)', () => {
    expectFindings(code, { 'tt-app-login-helper/pages/index/index.js': [] });
  });

  it('accepts a login wrapped in a Promise, awaited or chained with .then (tt-login-promise)', () => {
    expectFindings(code, { 'tt-login-promise/pages/await/await.js': [], 'tt-login-promise/pages/chain/chain.js': [] });
  });

  it('control: reports a bare tt.getUserInfo in a tap handler with no login anywhere (tt-login-promise)', () => {
    expectFindings(code, { 'tt-login-promise/pages/control/control.js': [{ line: 3, message: /tt\.login/ }] });
  });
});

describe('page model: auth-on-launch', () => {
  const code = 'auth-on-launch';

  it('reports a request in the getSetting success callback that never tests scope.userInfo (launch-getsetting)', () => {
    expectFindings(code, { 'launch-getsetting/pages/unchecked/unchecked.js': [{ line: 5, message: /`onLoad`/ }] });
  });

  it('control: accepts a request made only once authSetting grants scope.userInfo (launch-getsetting)', () => {
    expectFindings(code, { 'launch-getsetting/pages/checked/checked.js': [] });
  });

  it('reports a request reached from onLoad through an aliased this in a callback (launch-self-alias)', () => {
    expectFindings(code, { 'launch-self-alias/pages/index/index.js': [{ line: 12, message: /`onLoad`.*relogin/ }] });
  });

  it('reports a request in a page onShow (launch-onshow)', () => {
    expectFindings(code, { 'launch-onshow/pages/index/index.js': [{ line: 3, message: /onShow/ }] });
  });
});

describe('page model: min-version', () => {
  const code = 'min-version';
  const below = /needs base library 2\.10\.4, but the project supports 2\.9\.0/;

  it('counts a feature test only for the call it guards (version-guard-scope)', () => {
    expectFindings(code, { 'version-guard-scope/pages/index/index.js': [{ line: 13, message: below }] });
  });

  it('reads libVersion from the project.config.json above miniprogramRoot (version-miniprogram-root)', () => {
    expectFindings(code, { 'version-miniprogram-root/miniprogram/pages/index/index.js': [{ line: 3, message: below }] });
  });
});

describe('page model: the profile fill-in and the privacy agreement (fill-in-profile)', () => {
  it('follows the avatar path through data into the method that stores and sends it', () => {
    expectFindings('avatar-not-uploaded', {
      'fill-in-profile/pages/profile/profile.js': [
        {
          line: 14,
          message: /`wx\.setStorageSync` stores the avatar's temporary path from `pickAvatar` \(through `data\.avatar`\)/,
        },
        {
          line: 15,
          message: /`wx\.request` sends the avatar's temporary path from `pickAvatar` \(through `data\.avatar`\) to a server/,
        },
      ],
      'fill-in-profile/pages/uploaded/uploaded.js': [],
    });
  });

  it('follows the nickname from a blur handler with a destructured event to storage and the server', () => {
    expectFindings('nickname-read-on-input', {
      'fill-in-profile/pages/profile/profile.js': [
        { line: 14, message: /stores the nickname read in `keepNickname` \(kept in `data\.nickname`\)/ },
        { line: 15, message: /sends the nickname read in `keepNickname`/ },
      ],
      'fill-in-profile/pages/uploaded/uploaded.js': [],
    });
  });

  it("reports the component's agree button bound to its tap and a resolve naming another id", () => {
    expectFindings('privacy-agree-event', {
      'fill-in-profile/components/privacy/privacy.wxml': [{ line: 3, message: /`bindtap`/ }],
    });
    expectFindings('privacy-button-id', {
      'fill-in-profile/components/privacy/privacy.js': [
        { line: 13, message: /has the id `agree-button` \(its agree buttons: `agree-btn`\)/ },
      ],
    });
  });
});

describe('page model: the fill-in and the privacy agreement in Taro JSX (fill-in-taro)', () => {
  it('follows the avatar and the nickname through React state into the function that stores and sends them', () => {
    expectFindings('avatar-not-uploaded', {
      'fill-in-taro/src/pages/profile/index.tsx': [
        {
          line: 13,
          message: /`Taro\.setStorageSync` stores the avatar's temporary path from `onChooseAvatar` \(through `avatarUrl`\)/,
        },
        { line: 14, message: /`Taro\.request` sends the avatar's temporary path .*Upload it first \(`Taro\.uploadFile`\)/ },
      ],
      'fill-in-taro/src/pages/uploaded/index.tsx': [],
    });
    expectFindings('nickname-read-on-input', {
      'fill-in-taro/src/pages/profile/index.tsx': [
        { line: 13, message: /stores the nickname read in `onNicknameBlur` \(kept in `nickname`\).*`<Form onSubmit>`/ },
        { line: 14, message: /sends the nickname read in `onNicknameBlur`/ },
      ],
      'fill-in-taro/src/pages/uploaded/index.tsx': [],
    });
  });

  it("reports the component's agree Button bound to onClick and a resolve naming another id", () => {
    expectFindings('privacy-agree-event', {
      'fill-in-taro/src/components/privacy/index.tsx': [{ line: 23, message: /`onClick`.*`onAgreePrivacyAuthorization`/ }],
    });
    expectFindings('privacy-button-id', {
      'fill-in-taro/src/components/privacy/index.tsx': [
        { line: 17, message: /in index\.tsx has the id `agree` \(its agree buttons: `agree-btn`\)/ },
      ],
    });
  });
});

describe('page model: the fill-in and the privacy agreement in uni-app .vue (fill-in-uniapp)', () => {
  it('follows the avatar and the nickname through <script setup> refs into the function that stores and sends them', () => {
    expectFindings('avatar-not-uploaded', {
      'fill-in-uniapp/pages/profile/profile.vue': [
        {
          line: 26,
          message:
            /`uni\.setStorageSync` stores the avatar's temporary path from `onChooseAvatar` \(through `avatarUrl\.value`\)/,
        },
      ],
      'fill-in-uniapp/pages/uploaded/uploaded.vue': [],
    });
    expectFindings('nickname-read-on-input', {
      'fill-in-uniapp/pages/profile/profile.vue': [
        {
          line: 27,
          message: /`uni\.request` sends the nickname read in `onNickname` \(kept in `nickname\.value`\).*`<form @submit>`/,
        },
      ],
      'fill-in-uniapp/pages/uploaded/uploaded.vue': [],
    });
  });

  it("reports the component's agree button bound to @click and a resolve naming another id", () => {
    expectFindings('privacy-agree-event', {
      'fill-in-uniapp/components/privacy/privacy.vue': [{ line: 3, message: /`@click`.*`@agreeprivacyauthorization`/ }],
    });
    expectFindings('privacy-button-id', {
      'fill-in-uniapp/components/privacy/privacy.vue': [
        { line: 22, message: /in privacy\.vue has the id `agree` \(its agree buttons: `agree-btn`\)/ },
      ],
    });
  });
});
