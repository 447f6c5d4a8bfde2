/**
 * uni-app's `uni.*` user-info APIs. `uni` is a global in uni-app projects (no import). Like Taro, uni-app does not
 * build its own user-info flow: on each mini-program `uni.x` runs that platform's API (the entries say which,
 * from uni-app's own per-platform protocol tables), with a few renames on Alipay.
 *
 * Sources: uni-app documentation, uniapp.dcloud.net.cn/api/plugins/login.html (dcloudio/unidocs-zh
 * `docs/api/plugins/login.md`, commit 6db2ccd24) and /api/plugins/provider.html; the Promise rules,
 * uniapp.dcloud.net.cn/api/ ("API Promise 化", "Vue 2 和 Vue 3 的 API Promise 化"); the Alipay mapping, dcloudio/uni-app
 * `packages/uni-mp-alipay/src/api/protocols.ts` (`login` → `getAuthCode` with `authCode` → `code`, `getUserInfo` →
 * `getOpenUserInfo` with the parsed `response` as `userInfo`); the providers of each mini-program, the
 * `initGetProvider({ oauth: ['toutiao'] })` tables of dcloudio/uni-app `packages/uni-mp-*`.
 */
import { callbackOptions, crossPlatformDescOption, errMsgField, langOption, wechatUserInfoResult } from './common';
import { ttInvalidSessionError, ttTapGestureError } from './douyin';
import type { ApiEntry, ErrorEntry, OptionEntry } from './types';
import { wechatApis, wx2021Note, wx2022Note, wxDescLengthError, wxProfileDenyError, wxTapGestureError } from './wechat';

const uniDocs = 'https://uniapp.dcloud.net.cn/api/plugins';

/** The refusal WeChat reports for `getUserInfo`, shared with `wx.getUserInfo`. */
const wxUserInfoErrors: ErrorEntry[] = wechatApis.find((api) => api.id === 'wx.getUserInfo')?.errors ?? [];

/**
 * How a `uni.*` call settles without callbacks, which differs between Vue 2 and Vue 3 projects (uni-app docs,
 * "Vue 2 和 Vue 3 的 API Promise 化").
 */
const promiseDetails = {
  en: 'Without `success`/`fail`/`complete` it returns a Promise. In a **Vue 3** project it resolves with the result and rejects with the error. In a **Vue 2** project it always resolves, with an array `[err, res]`: the resolved value has no `userInfo`, and `.catch` never sees a refusal.',
  zh: '不传 `success`/`fail`/`complete` 时返回 Promise。**Vue 3** 项目中成功时 resolve 结果、失败时 reject 错误；**Vue 2** 项目中总是 resolve 一个数组 `[err, res]`：直接从结果上读不到 `userInfo`，`.catch` 也收不到用户拒绝。',
};

/** The `provider` option: on a mini-program the platform's own login service (uni-app docs, uni.getProvider). */
function providerOption(description: OptionEntry['description']): OptionEntry {
  return {
    name: 'provider',
    type: 'string',
    kind: 'string',
    required: false,
    description,
    // App providers (qq, sinaweibo, apple, …) are valid too, so another value is only a hint.
    openValues: true,
    values: [
      { value: 'weixin', description: { en: 'WeChat login', zh: '微信登录' } },
      { value: 'alipay', description: { en: 'Alipay login', zh: '支付宝登录' } },
      { value: 'toutiao', description: { en: 'Douyin (Toutiao) login', zh: '抖音（头条）登录' } },
      { value: 'univerify', description: { en: 'One-tap phone login (App only)', zh: '一键登录（仅 App）' } },
      { value: 'apple', description: { en: 'Sign in with Apple (App only)', zh: '苹果登录（仅 App）' } },
      { value: 'qq', description: { en: 'QQ login', zh: 'QQ 登录' } },
    ],
  };
}

export const uniApis: ApiEntry[] = [
  {
    id: 'uni.getUserProfile',
    namespace: 'uni',
    name: 'getUserProfile',
    summary: {
      en: '`getUserProfile` of WeChat or Douyin through uni-app; tap handlers only, `desc` required on WeChat.',
      zh: '通过 uni-app 调用微信或抖音的 `getUserProfile`；只能在点击事件中调用，微信上必须填写 `desc`。',
    },
    details: {
      en: `Runs \`wx.getUserProfile\` on WeChat (base library 2.10.4+) and \`tt.getUserProfile\` on Douyin (2.30.0+); not available on Alipay, H5 or App. Call it synchronously in the \`@tap\`/\`@click\` handler: after \`uni.login\`'s callback, an \`await\` or a timer it fails with the tap-gesture error. Test it with \`if (uni.getUserProfile)\`. ${promiseDetails.en}`,
      zh: `在微信上执行 \`wx.getUserProfile\`（基础库 2.10.4 起），在抖音上执行 \`tt.getUserProfile\`（2.30.0 起）；支付宝、H5、App 上不可用。请在 \`@tap\`/\`@click\` 处理函数中同步调用：放在 \`uni.login\` 的回调、\`await\` 或定时器之后会报点击手势错误。可用 \`if (uni.getUserProfile)\` 判断是否可用。${promiseDetails.zh}`,
    },
    signature:
      "uni.getUserProfile(options: { desc: string; lang?: 'en' | 'zh_CN' | 'zh_TW'; success?; fail?; complete? }): void | Promise<GetUserProfileRes>",
    promise: true,
    plugin: { supported: false },
    options: [crossPlatformDescOption(), langOption(['wechat']), ...callbackOptions('GetUserProfileRes')],
    result: [...wechatUserInfoResult('wx.UserInfo'), errMsgField('getUserProfile')],
    errors: [wxTapGestureError, wxDescLengthError, wxProfileDenyError, ttTapGestureError, ttInvalidSessionError],
    notes: [wx2022Note],
    rank: 0,
    platforms: ['wechat', 'douyin'],
    nativeApis: { wechat: 'wx.getUserProfile', douyin: 'tt.getUserProfile' },
    otherTargets: [
      { target: 'H5', supported: false },
      { target: 'App', supported: false },
    ],
    constraints: { tapOnly: true, descMaxLength: 30 },
    docUrl: `${uniDocs}/login.html#getuserprofile`,
    example: `// <button @tap="onTapProfile">完善资料</button>
export default {
  methods: {
    onTapProfile() {
      uni.getUserProfile({
        desc: '用于完善会员资料',
        success: (res) => (this.userInfo = res.userInfo),
        fail: () => (this.askManually = true),
      });
    },
  },
};`,
  },
  {
    id: 'uni.login',
    namespace: 'uni',
    name: 'login',
    role: 'support',
    summary: {
      en: 'Login code of the platform: `wx.login`, `tt.login`, or `my.getAuthCode` on Alipay (its `authCode` as `code`).',
      zh: '所在平台的登录凭证：微信 `wx.login`、抖音 `tt.login`，支付宝上为 `my.getAuthCode`（`authCode` 作为 `code` 返回）。',
    },
    details: {
      en: `On a mini-program \`uni.login\` runs the platform's own login and gives a \`code\` for your server to exchange with that platform. On Alipay uni-app calls \`my.getAuthCode\` and copies \`authCode\` into \`code\`; \`scopes\` (Alipay only) defaults to \`auth_base\`. \`provider\` picks the login service on App; on a mini-program it is the platform's own (\`weixin\`, \`alipay\`, \`toutiao\`). ${promiseDetails.en}`,
      zh: `在小程序上，\`uni.login\` 执行所在平台自己的登录，返回 \`code\`，由服务端向该平台换取。在支付宝上 uni-app 调用 \`my.getAuthCode\` 并把 \`authCode\` 复制到 \`code\`；\`scopes\`（仅支付宝）默认 \`auth_base\`。\`provider\` 在 App 上选择登录服务；在小程序上即平台自己的服务（\`weixin\`、\`alipay\`、\`toutiao\`）。${promiseDetails.zh}`,
    },
    signature:
      'uni.login(options?: { provider?: string; scopes?: string | string[]; timeout?: number; success?; fail?; complete? }): void | Promise<{ code: string; errMsg: string }>',
    promise: true,
    plugin: { supported: false },
    options: [
      providerOption({
        en: 'The login service, from `uni.getProvider({ service: "oauth" })`. On a mini-program it is the platform\'s own: `weixin`, `alipay`, `toutiao`.',
        zh: '登录服务提供商，可通过 `uni.getProvider({ service: "oauth" })` 获取。小程序上即平台自己的服务：`weixin`、`alipay`、`toutiao`。',
      }),
      {
        name: 'scopes',
        type: 'string | string[]',
        kind: 'string',
        required: false,
        default: 'auth_base',
        platforms: ['alipay'],
        description: {
          en: 'Alipay only: `auth_base` (silent), `auth_user` (asks the user), `auth_zhima`.',
          zh: '仅支付宝：`auth_base`（静默授权）、`auth_user`（主动授权）、`auth_zhima`。',
        },
      },
      {
        name: 'timeout',
        type: 'number',
        kind: 'number',
        required: false,
        platforms: ['wechat'],
        description: { en: 'Time-out in milliseconds (WeChat among the three).', zh: '超时时间，单位毫秒（三个平台中仅微信）。' },
      },
      ...callbackOptions('{ code: string; errMsg: string }'),
    ],
    result: [
      {
        name: 'code',
        type: 'string',
        description: {
          en: 'The login code (on Alipay, the auth code). Exchange it on your server with the platform it came from.',
          zh: '登录凭证（支付宝上为授权码），请在服务端向对应平台换取。',
        },
      },
      errMsgField('login'),
    ],
    errors: [],
    notes: [],
    rank: 1,
    platforms: ['wechat', 'alipay', 'douyin'],
    nativeApis: { wechat: 'wx.login', alipay: 'my.getAuthCode', douyin: 'tt.login' },
    otherTargets: [
      { target: 'H5', supported: false },
      { target: 'App', supported: true },
    ],
    docUrl: `${uniDocs}/login.html`,
    example: `uni.login({
  provider: 'weixin',
  success: ({ code }) => uni.request({ url: 'https://example.com/api/login', method: 'POST', data: { code } }),
  fail: (err) => console.warn(err.errMsg),
});`,
  },
  {
    id: 'uni.checkSession',
    namespace: 'uni',
    name: 'checkSession',
    role: 'support',
    summary: {
      en: 'Whether the session of the last `uni.login` is still valid (WeChat and Douyin; not Alipay).',
      zh: '上次 `uni.login` 的登录态是否仍然有效（微信、抖音；支付宝不支持）。',
    },
    details: {
      en: `Runs \`wx.checkSession\` or \`tt.checkSession\`: \`success\` means the session is valid, \`fail\` means log in again. uni-app lists it as unsupported on Alipay, H5 and App. ${promiseDetails.en}`,
      zh: `执行 \`wx.checkSession\` 或 \`tt.checkSession\`：进入 \`success\` 表示登录态有效，进入 \`fail\` 需重新登录。uni-app 标注支付宝、H5、App 不支持。${promiseDetails.zh}`,
    },
    signature: 'uni.checkSession(options?: { success?; fail?; complete? }): void | Promise<{ errMsg: string }>',
    promise: true,
    plugin: { supported: false },
    options: callbackOptions('{ errMsg: string }'),
    result: [errMsgField('checkSession')],
    errors: [],
    notes: [],
    rank: 3,
    platforms: ['wechat', 'douyin'],
    nativeApis: { wechat: 'wx.checkSession', douyin: 'tt.checkSession' },
    otherTargets: [
      { target: 'H5', supported: false },
      { target: 'App', supported: false },
    ],
    docUrl: `${uniDocs}/login.html#checksession`,
    example: `uni.checkSession({
  success: () => this.loadProfile(),
  fail: () => this.login(),
});`,
  },
  {
    id: 'uni.getUserInfo',
    namespace: 'uni',
    name: 'getUserInfo',
    summary: {
      en: 'The old `getUserInfo`: anonymous on new WeChat versions, `my.getOpenUserInfo` on Alipay, being phased out on Douyin.',
      zh: '旧的 `getUserInfo`：微信新版本只返回匿名数据，支付宝上为 `my.getOpenUserInfo`，抖音上正在逐步废弃。',
    },
    details: {
      en: `Runs \`wx.getUserInfo\` on WeChat (anonymous for versions released after 2021-04-28; without earlier consent it goes straight to \`fail\`), \`tt.getUserInfo\` on Douyin (needs \`uni.login\` first and is being phased out) and \`my.getOpenUserInfo\` on Alipay, where uni-app parses \`response\` for you and gives \`userInfo\` with \`avatarUrl\` (call it after \`<button open-type="getAuthorize" scope="userInfo">\`). ${promiseDetails.en}`,
      zh: `在微信上执行 \`wx.getUserInfo\`（2021-04-28 之后发布的版本返回匿名数据；用户未授权过时直接进入 \`fail\`），在抖音上执行 \`tt.getUserInfo\`（需先 \`uni.login\`，且正在逐步废弃），在支付宝上执行 \`my.getOpenUserInfo\`，uni-app 会替你解析 \`response\`，返回带 \`avatarUrl\` 的 \`userInfo\`（请在 \`<button open-type="getAuthorize" scope="userInfo">\` 授权后调用）。${promiseDetails.zh}`,
    },
    signature:
      "uni.getUserInfo(options?: { provider?: string; withCredentials?: boolean; lang?: 'en' | 'zh_CN' | 'zh_TW'; timeout?: number; success?; fail?; complete? }): void | Promise<GetUserInfoRes>",
    promise: true,
    plugin: { supported: false },
    options: [
      providerOption({
        en: 'The login service, from `uni.getProvider({ service: "oauth" })`.',
        zh: '登录服务提供商，可通过 `uni.getProvider({ service: "oauth" })` 获取。',
      }),
      {
        name: 'withCredentials',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        platforms: ['wechat', 'douyin'],
        description: {
          en: 'Also return `encryptedData`, `iv` and `signature`; needs a valid login session (`uni.login` before).',
          zh: '同时返回 `encryptedData`、`iv`、`signature`；需要有效的登录态（先调用 `uni.login`）。',
        },
      },
      langOption(['wechat']),
      {
        name: 'timeout',
        type: 'number',
        kind: 'number',
        required: false,
        platforms: ['wechat'],
        description: { en: 'WeChat only: time-out in milliseconds.', zh: '仅微信：超时时间，单位毫秒。' },
      },
      ...callbackOptions('GetUserInfoRes'),
    ],
    result: [...wechatUserInfoResult('wx.UserInfo'), errMsgField('getUserInfo')],
    errors: wxUserInfoErrors,
    notes: [wx2021Note],
    deprecated: {
      en: 'Anonymous on WeChat for versions released after 2021-04-28 and being phased out on Douyin. Use the avatar/nickname fill-in on WeChat and `uni.getUserProfile` on Douyin.',
      zh: '微信上 2021-04-28 之后发布的版本返回匿名数据，抖音上正在逐步废弃。微信上请改用头像昵称填写，抖音上请改用 `uni.getUserProfile`。',
    },
    rank: 9,
    platforms: ['wechat', 'alipay', 'douyin'],
    nativeApis: { wechat: 'wx.getUserInfo', alipay: 'my.getOpenUserInfo', douyin: 'tt.getUserInfo' },
    otherTargets: [
      { target: 'H5', supported: false },
      { target: 'App', supported: true },
    ],
    docUrl: `${uniDocs}/login.html#getuserinfo`,
    example: `uni.getUserInfo({
  success: (res) => console.log(res.userInfo.nickName),
  fail: (err) => console.warn(err.errMsg),
});`,
  },
];
