import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'auth-on-launch';

describe('auth-on-launch', () => {
  const valid: Array<[string, string, string?]> = [
    ['a request from a tap handler', 'Page({ onTap() { tt.getUserInfo({ fail() {} }) } })'],
    ['onHide (the page is closing, not opening)', 'Page({ onHide() { tt.getUserInfo({ fail() {} }) } })'],
    [
      'wx.login in onLaunch (a support API)',
      "App({ onLaunch() { wx.login({ success() {} }) } })\nwx.getUserProfile({ desc: 'x' })",
      'app.js',
    ],
    ['getUserProfile in onLoad (left to not-in-tap-handler)', "Page({ onLoad() { wx.getUserProfile({ desc: 'x' }) } })"],
    [
      'a request after checking the granted scope',
      "Page({ onLoad() { wx.getSetting({ success: (res) => { if (res.authSetting['scope.userInfo']) wx.getUserInfo({ fail() {} }) } }) } })",
    ],
    [
      'a request after checking the scope with a negated early return',
      "Page({ onLoad() { wx.getSetting({ success: (res) => { if (!res.authSetting['scope.userInfo']) return; wx.getUserInfo({ fail() {} }) } }) } })",
    ],
    [
      'a helper only called after checking the granted scope',
      "Page({ onLoad() { wx.getSetting({ success: (res) => { if (res.authSetting['scope.userInfo']) this.load() } }) }, load() { wx.getUserInfo({ fail() {} }) } })",
    ],
    [
      'the silent my.getAuthCode (auth_base, or no scopes) in onLoad',
      "Page({ onLoad() { my.getAuthCode({ scopes: 'auth_base' }); my.getAuthCode({}) } })",
    ],
    ['a method called onLoad outside a page definition', 'const helpers = { onLoad() { my.getOpenUserInfo({ fail() {} }) } }'],
    [
      'a Component lifetime named onLoad outside methods',
      'Component({ lifetimes: { attached() {} }, onLoad() { my.getOpenUserInfo({ fail() {} }) } })',
    ],
  ];
  for (const [name, source, file] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source, file ? { file } : {}).findings, []));
  }

  const invalid: Array<[string, string, RegExp, string?]> = [
    [
      'a request in App.onLaunch',
      'App({ onLaunch() { «tt.getUserInfo»({ fail() {} }) } })',
      /runs from `App\.onLaunch`/,
      'app.js',
    ],
    [
      'a request in a page onLoad',
      'Page({ onLoad() { «my.getOpenUserInfo»({ fail() {} }) } })',
      /^`my\.getOpenUserInfo` runs from `onLoad`: it asks for user information as the app or page opens, before the user asked for anything \(Alipay's rules forbid this\)\. Ask when the user taps something that needs it\.$/,
    ],
    [
      'a request in a callback inside onLoad',
      'Page({ onLoad() { tt.login({ success: () => { «tt.getUserInfo»({ fail() {} }) } }) } })',
      /runs from `onLoad`/,
    ],
    ['a request in page onShow', 'Page({ onShow() { «tt.getUserInfo»({ fail() {} }) } })', /runs from `onShow`/],
    ['a request in App.onShow', 'App({ onShow() { «tt.getUserInfo»({ fail() {} }) } })', /runs from `App\.onShow`/, 'app.js'],
    [
      'a getSetting success callback that never tests the scope',
      'Page({ onLoad() { wx.getSetting({ success: () => { «wx.getUserInfo»({ fail() {} }) } }) } })',
      /runs from `onLoad`/,
    ],
    [
      'a getSetting callback that tests another scope',
      "Page({ onLoad() { wx.getSetting({ success: (res) => { if (res.authSetting['scope.userLocation']) «wx.getUserInfo»({ fail() {} }) } }) } })",
      /runs from `onLoad`/,
    ],
    [
      'a helper reached through const self = this in a function callback',
      'Page({ onLoad() { const self = this; wx.checkSession({ fail() { self.relogin() } }) }, relogin() { «wx.getUserInfo»({ fail() {} }) } })',
      /runs from `onLoad` \(through `relogin`\)/,
    ],
    [
      'my.getAuthCode with a consent scope in onLoad',
      "Page({ onLoad() { «my.getAuthCode»({ scopes: ['auth_user'], fail() {} }) } })",
      /runs from `onLoad`/,
    ],
    [
      'my.getAuthCode with a consent scope in onShow, which loops',
      "Page({ onShow() { «my.getAuthCode»({ scopes: 'auth_user', fail() {} }) } })",
      /asks again and again/,
    ],
    [
      'a helper onLoad calls',
      'Page({ onLoad() { this.init() }, init() { «wx.getUserInfo»({ fail() {} }) } })',
      /runs from `onLoad` \(through `init`\)/,
    ],
    [
      'a helper called through that = this',
      'Page({ onLoad() { const that = this; that.init() }, init() { «wx.getUserInfo»({ fail() {} }) } })',
      /through `init`/,
    ],
    [
      'a module function onLoad calls',
      'function init() { «tt.getUserInfo»({ fail() {} }) }\nPage({ onLoad() { init() } })',
      /runs from `onLoad`/,
    ],
    [
      'onLoad in Component methods (a page built with Component)',
      'Component({ methods: { onLoad() { «my.getOpenUserInfo»({ fail() {} }) } } })',
      /`onLoad`/,
    ],
    [
      'Taro useLoad',
      "import Taro, { useLoad } from '@tarojs/taro'\nexport default function P() { useLoad(() => { «Taro.getUserInfo»().catch(() => {}) }) }",
      /runs from `useLoad`/,
      'src/pages/index/index.tsx',
    ],
    [
      'Taro useLaunch',
      "import Taro, { useLaunch } from '@tarojs/taro'\nexport default function App() { useLaunch(() => { «Taro.getOpenUserInfo»().catch(() => {}) }) }",
      /runs from `useLaunch`/,
      'src/app.tsx',
    ],
    [
      'a Taro class page onLoad',
      "import Taro from '@tarojs/taro'\nclass P extends Component { onLoad() { «Taro.getUserInfo»().catch(() => {}) } }",
      /runs from `onLoad`/,
      'src/pages/index/index.tsx',
    ],
  ];
  for (const [name, source, message, file] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source, file ? { file } : {});
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, message);
    });
  }

  it('warns of the onShow loop only for my.getAuthCode, whose consent dialog closing shows the page again', () => {
    const { findings } = check(code, 'Page({ onShow() { my.getOpenUserInfo({ fail() {} }) } })');
    assert.equal(findings.length, 1);
    assert.doesNotMatch(findings[0]!.message, /again and again/);
  });
});
