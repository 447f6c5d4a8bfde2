/** WeChat (`wx`) APIs of the login and user-info flow. */
import { callbackOptions, errMsgField, fillInReplacement, langOption, urls, wechatUserInfoResult } from './common';
import { wxPrivacyErrors } from './privacy';
import type { ApiEntry, ErrorEntry, PolicyNote } from './types';

const apiBase = 'https://developers.weixin.qq.com/miniprogram/dev/api/open-api';

/** Shared by `wx.getUserProfile` and `Taro.getUserProfile` on WeChat. */
export const wxTapGestureError: ErrorEntry = {
  platform: 'wechat',
  errMsg: 'getUserProfile:fail can only be invoked by user TAP gesture.',
  pattern: 'getUserProfile:fail[ :]*can only be invoked by user tap gesture',
  cause: {
    en: 'The call did not run synchronously inside a tap handler: it ran on page load, after `await`, in a `.then`, in `setTimeout`, or in the callback of another API such as `wx.login`.',
    zh: '调用没有在点击事件处理函数中同步执行：可能在页面加载时、`await` 之后、`.then` 中、`setTimeout` 中，或在 `wx.login` 等其他 API 的回调里。',
  },
  fix: {
    en: 'Call it directly in the handler bound with `bindtap` (or Taro `onClick`), before any `await` or callback. Fetch the login code separately.',
    zh: '在 `bindtap`（或 Taro 的 `onClick`）绑定的处理函数里、任何 `await` 或回调之前直接调用。登录 code 请另行获取。',
  },
};

/** Shared by `wx.getUserProfile` and `Taro.getUserProfile` on WeChat. */
export const wxDescLengthError: ErrorEntry = {
  errMsg: 'getUserProfile:fail desc length does not meet the requirements',
  pattern: 'getUserProfile:fail[ :]*desc length',
  cause: {
    en: '`desc` is too long. Community reports fit a count of 2 for a Chinese character and 1 for an ASCII character, with a limit of 30 (so at most 15 Chinese characters); the documentation itself only says "30 characters".',
    zh: '`desc` 过长。社区反馈的实测结果符合：中文字符计 2、ASCII 字符计 1，上限 30（即最多 15 个汉字）；官方文档只写了“不超过 30 个字符”。',
  },
  fix: {
    en: 'Shorten `desc` to a brief purpose, e.g. "用于完善会员资料".',
    zh: '把 `desc` 缩短为简短的用途说明，例如“用于完善会员资料”。',
  },
};

const wxInvalidScopeError: ErrorEntry = {
  errMsg: 'getUserProfile:fail invalid scope',
  pattern: 'getUserProfile:fail[ :]*invalid scope',
  cause: {
    en: "Reported with `err_code: -12001` when the appid in the developer tools differs from the project's appid.",
    zh: '开发者工具中的 appid 与项目 appid 不一致时出现，同时带有 `err_code: -12001`。',
  },
  fix: {
    en: 'Open the project with its own appid (check `project.config.json`).',
    zh: '使用项目自己的 appid 打开项目（检查 `project.config.json`）。',
  },
};

export const wxProfileDenyError: ErrorEntry = {
  errMsg: 'getUserProfile:fail auth deny',
  pattern: 'getUserProfile:fail[ :]*(auth|user) deny',
  cause: {
    en: 'The user closed the dialog or refused. Code in the wild checks both "auth deny" and "user deny"; which one current clients send is not confirmed, so match both.',
    zh: '用户关闭了弹窗或拒绝授权。现有代码同时判断 "auth deny" 和 "user deny"；当前客户端返回哪一种尚未确认，请两者都匹配。',
  },
  fix: {
    en: 'Carry on without the profile: let the user fill in an avatar and nickname, and offer the button again later.',
    zh: '在没有用户资料的情况下继续：让用户自行填写头像昵称，稍后再提供授权按钮。',
  },
};

/** The 2021 change that made `wx.getUserInfo` anonymous; shared with the markup catalog. */
export const wx2021Note: PolicyNote = {
  date: '2021-04-28',
  url: urls.wx2021Announcement,
  text: {
    en: 'Versions released after 2021-04-28 24:00 get anonymous data from `wx.getUserInfo` and `<button open-type="getUserInfo">` (nickname "微信用户", grey avatar), in both `userInfo` and `encryptedData`. What counts is the release date of your version, not the base library. `wx.getUserProfile` (base library 2.10.4) replaced them.',
    zh: '2021-04-28 24:00 之后发布的版本，通过 `wx.getUserInfo` 和 `<button open-type="getUserInfo">` 拿到的是匿名数据（昵称“微信用户”、灰色头像），`userInfo` 与 `encryptedData` 皆然。判断依据是版本的发布时间而不是基础库版本。替代方案是 `wx.getUserProfile`（基础库 2.10.4）。',
  },
};

/** The 2022 change that made `wx.getUserProfile` anonymous; shared with Taro. */
export const wx2022Note: PolicyNote = {
  date: '2022-11-08',
  url: urls.wx2022Announcement,
  text: {
    en: 'For versions released after 2022-11-08 24:00 (first announced for 2022-10-25), `wx.getUserProfile` returns a grey default avatar and the nickname "微信用户" when the base library is 2.27.1 or newer; older base libraries still get real data. Use the avatar/nickname fill-in instead: `<button open-type="chooseAvatar">` and `<input type="nickname">` (base library 2.21.2).',
    zh: '2022-11-08 24:00（最初公告为 2022-10-25）之后发布的版本，在基础库 2.27.1 及以上调用 `wx.getUserProfile` 只会得到灰色默认头像和昵称“微信用户”；更低的基础库仍返回真实数据。请改用头像昵称填写能力：`<button open-type="chooseAvatar">` 和 `<input type="nickname">`（基础库 2.21.2）。',
  },
};

const wxFieldsNote: PolicyNote = {
  date: '2021-10-20',
  url: urls.wxUserInfoFieldsAnnouncement,
  text: {
    en: '`gender`, `country`, `province` and `city` of `UserInfo` are no longer returned, and `language` is always "zh_CN". (The date comes from a third-party timeline; the official page gives none.)',
    zh: '`UserInfo` 的 `gender`、`country`、`province`、`city` 不再返回，`language` 固定为 "zh_CN"。（日期来自第三方整理的时间线，官方页面未给出。）',
  },
};

export const wechatApis: ApiEntry[] = [
  {
    id: 'wx.getUserProfile',
    namespace: 'wx',
    name: 'getUserProfile',
    summary: {
      en: 'Asks the user for their avatar and nickname; tap handlers only, `desc` required.',
      zh: '请求用户授权头像和昵称；只能在点击事件中调用，必须填写 `desc`。',
    },
    details: {
      en: 'Shows a consent dialog every time it is called and, if the user agrees, returns `userInfo`. It only works synchronously inside a tap handler, and `desc` (the purpose shown in the dialog) is required. The encrypted data holds no openid or unionid: get those from `wx.login` on your server.\n\nVersions released after 2022-11-08 get a grey avatar and the nickname "微信用户" on base library 2.27.1+; prefer the avatar/nickname fill-in (`open-type="chooseAvatar"`, `type="nickname"`).',
      zh: '每次调用都会弹出授权窗口，用户同意后返回 `userInfo`。只能在点击事件处理函数中同步调用，且必须填写 `desc`（弹窗中展示的用途说明）。加密数据不含 openid 和 unionid：请在服务端通过 `wx.login` 获取。\n\n2022-11-08 之后发布的版本在基础库 2.27.1 及以上只能拿到灰色头像和昵称“微信用户”；建议改用头像昵称填写（`open-type="chooseAvatar"`、`type="nickname"`）。',
    },
    signature:
      'wx.getUserProfile(options: { desc: string; lang?: "en" | "zh_CN" | "zh_TW"; success?; fail?; complete? }): Promise<GetUserProfileResult>',
    minVersion: '2.10.4',
    promise: true,
    plugin: { supported: false },
    options: [
      {
        name: 'desc',
        type: 'string',
        kind: 'string',
        required: true,
        description: {
          en: 'Why you need the profile; shown in the consent dialog. Required and non-empty; at most 30 units, where a Chinese character counts 2 (observed behaviour).',
          zh: '获取用户信息的用途，会展示在授权弹窗中。必填且不能为空；最多 30 个单位，一个汉字计 2（实测行为）。',
        },
      },
      langOption(),
      ...callbackOptions('GetUserProfileResult'),
    ],
    result: [...wechatUserInfoResult('wx.UserInfo', '2.10.4'), errMsgField('getUserProfile')],
    errors: [wxTapGestureError, wxDescLengthError, wxInvalidScopeError, wxProfileDenyError, ...wxPrivacyErrors],
    notes: [wxFieldsNote, wx2022Note],
    replacedBy: fillInReplacement,
    rank: 0,
    // A privacy interface: FACTS §11 (and community/develop/doc/00042e3ef54940ce8520e38db61801 for errno 112).
    constraints: { tapOnly: true, descMaxLength: 30, privacyInterface: true },
    docUrl: `${apiBase}/user-info/wx.getUserProfile.html`,
    example: `// WXML: <button bindtap="onTapProfile">Use my WeChat profile</button>
Page({
  onTapProfile() {
    wx.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => this.setData({ userInfo: res.userInfo }),
      fail: () => wx.showToast({ title: 'You can fill it in yourself', icon: 'none' }),
    });
  },
});`,
  },
  {
    id: 'wx.login',
    namespace: 'wx',
    name: 'login',
    role: 'support',
    summary: {
      en: 'Gets a one-time login code to exchange for openid and session_key on your server.',
      zh: '获取一次性登录凭证 code，由服务端换取 openid 和 session_key。',
    },
    details: {
      en: 'Returns a `code` that your server exchanges, through `auth.code2Session`, for the `openid`, the `session_key` and (when the app is bound to an Open Platform account) the `unionid`. No dialog is shown. Each call may replace the `session_key`, so call it before, not after, asking for data you will decrypt with that key. The documentation lists no Promise style for it: pass `success`. In a plugin it needs the user-info feature page first.',
      zh: '返回 `code`，由服务端调用 `auth.code2Session` 换取 `openid`、`session_key`，以及（绑定开放平台时）`unionid`。不会弹窗。每次调用都可能刷新 `session_key`，所以请在获取需要用该密钥解密的数据之前调用，而不是之后。文档未标明支持 Promise 风格：请传入 `success`。在插件中需先经过用户信息功能页授权。',
    },
    signature: 'wx.login(options: { timeout?: number; success?; fail?; complete? }): void',
    promise: false,
    plugin: { supported: true, minVersion: '2.3.1' },
    options: [
      {
        name: 'timeout',
        type: 'number',
        kind: 'number',
        required: false,
        minVersion: '1.9.90',
        description: { en: 'Time-out in milliseconds.', zh: '超时时间，单位毫秒。' },
      },
      ...callbackOptions('{ code: string; errMsg: string }'),
    ],
    result: [
      {
        name: 'code',
        type: 'string',
        description: {
          en: 'One-time login code, valid for five minutes. Send it to your server; never exchange it in the client (that needs the app secret).',
          zh: '一次性登录凭证，有效期五分钟。发给服务端换取；不要在前端换取（那需要 AppSecret）。',
        },
      },
      errMsgField('login'),
    ],
    errors: [],
    notes: [
      {
        date: '2021-02-23',
        url: urls.wx2021Announcement,
        text: {
          en: 'From this date the `wx.login` code can be exchanged for the unionid directly, without decrypting user data.',
          zh: '自该日起，可直接用 `wx.login` 的 code 换取 unionid，无需解密用户数据。',
        },
      },
    ],
    rank: 1,
    docUrl: `${apiBase}/login/wx.login.html`,
    example: `wx.login({
  success: ({ code }) => {
    wx.request({ url: 'https://example.com/api/login', method: 'POST', data: { code } });
  },
});`,
  },
  {
    id: 'wx.checkSession',
    namespace: 'wx',
    name: 'checkSession',
    role: 'support',
    summary: {
      en: 'Checks whether the session_key from the last `wx.login` is still valid.',
      zh: '检查上次 `wx.login` 得到的 session_key 是否仍然有效。',
    },
    details: {
      en: '`success` means the login state is still valid; `fail` means it expired and you should call `wx.login` again. Calling it does not refresh the session.',
      zh: '进入 `success` 表示登录态仍然有效；进入 `fail` 表示已过期，应重新调用 `wx.login`。调用本身不会刷新登录态。',
    },
    signature: 'wx.checkSession(options?: { success?; fail?; complete? }): Promise<{ errMsg: string }>',
    promise: true,
    plugin: { supported: false },
    options: callbackOptions('{ errMsg: string }'),
    result: [errMsgField('checkSession')],
    errors: [],
    notes: [],
    rank: 2,
    docUrl: `${apiBase}/login/wx.checkSession.html`,
    example: `wx.checkSession({
  success: () => { /* session_key still valid */ },
  fail: () => wx.login({ success: ({ code }) => sendCodeToServer(code) }),
});`,
  },
  {
    id: 'wx.getSetting',
    namespace: 'wx',
    name: 'getSetting',
    role: 'support',
    summary: {
      en: "Reads which scopes the user has granted, e.g. `authSetting['scope.userInfo']`.",
      zh: "读取用户已授权的权限，如 `authSetting['scope.userInfo']`。",
    },
    details: {
      en: 'Returns only the scopes the app has asked for before. `scope.userInfo` being true no longer means real profile data: versions released after 2021-04-28 get anonymous data from `wx.getUserInfo`.',
      zh: '只返回小程序曾经请求过的权限。`scope.userInfo` 为 true 已不代表能拿到真实资料：2021-04-28 之后发布的版本通过 `wx.getUserInfo` 只能拿到匿名数据。',
    },
    signature:
      'wx.getSetting(options?: { withSubscriptions?: boolean; success?; fail?; complete? }): Promise<{ authSetting: AuthSetting }>',
    minVersion: '1.2.0',
    promise: true,
    plugin: { supported: true, minVersion: '2.6.3' },
    options: [
      {
        name: 'withSubscriptions',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        default: false,
        minVersion: '2.10.1',
        description: {
          en: 'Also return the subscription-message settings in `subscriptionsSetting`.',
          zh: '同时在 `subscriptionsSetting` 中返回订阅消息设置。',
        },
      },
      ...callbackOptions('{ authSetting: AuthSetting }'),
    ],
    result: [
      {
        name: 'authSetting',
        type: 'AuthSetting',
        typeRef: 'wx.AuthSetting',
        description: { en: 'The answered scopes.', zh: '用户已作答的授权项。' },
      },
      {
        name: 'subscriptionsSetting',
        type: 'object',
        minVersion: '2.10.1',
        description: {
          en: 'Subscription-message settings; present only with `withSubscriptions: true`.',
          zh: '订阅消息设置；仅在 `withSubscriptions: true` 时返回。',
        },
      },
      errMsgField('getSetting'),
    ],
    errors: [],
    notes: [],
    rank: 3,
    docUrl: `${apiBase}/setting/wx.getSetting.html`,
    example: `wx.getSetting({
  success: (res) => {
    const granted = res.authSetting['scope.userInfo'] === true;
    this.setData({ granted });
  },
});`,
  },
  {
    id: 'wx.getUserInfo',
    namespace: 'wx',
    name: 'getUserInfo',
    summary: {
      en: 'Old profile API: anonymous data for versions released after 2021-04-28; no Promise style.',
      zh: '旧的用户信息接口：2021-04-28 之后发布的版本只返回匿名数据；不支持 Promise 调用。',
    },
    details: {
      en: 'Without earlier consent it shows no dialog and fails (since 2018); with consent, new versions still receive anonymous data (nickname "微信用户", grey avatar). It does not support Promise-style calls: pass `success`/`fail`. With `withCredentials: true` (after a valid `wx.login`) the result also carries `encryptedData` and `iv`, whose encrypted openid and unionid remain real.',
      zh: '未曾授权时不再弹窗而是直接失败（2018 年起）；即使已授权，新版本拿到的也是匿名数据（昵称“微信用户”、灰色头像）。不支持 Promise 风格调用：请传入 `success`/`fail`。`withCredentials: true`（且 `wx.login` 登录态有效）时还会返回 `encryptedData` 和 `iv`，其中加密的 openid、unionid 仍是真实的。',
    },
    signature:
      'wx.getUserInfo(options: { withCredentials?: boolean; lang?: "en" | "zh_CN" | "zh_TW"; success?; fail?; complete? }): void',
    promise: false,
    plugin: { supported: true, minVersion: '2.3.1' },
    options: [
      {
        name: 'withCredentials',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        description: {
          en: 'When true, also return `encryptedData`, `iv` and `signature`; requires an unexpired `wx.login` session. When false, no login is needed and no sensitive data is returned.',
          zh: '为 true 时额外返回 `encryptedData`、`iv`、`signature`，要求此前调用过 `wx.login` 且登录态未过期；为 false 时无需登录，也不返回敏感数据。',
        },
      },
      langOption(),
      ...callbackOptions('GetUserInfoResult'),
    ],
    result: [...wechatUserInfoResult('wx.UserInfo', '2.7.0'), errMsgField('getUserInfo')],
    errors: [
      {
        errMsg: 'getUserInfo:fail auth deny',
        pattern: 'getUserInfo:fail[ :]*(auth deny|auth denied|scope unauthorized)',
        cause: {
          en: 'The user has not granted `scope.userInfo` (no dialog appears since 2018) or refused it. The devtools once said "scope unauthorized".',
          zh: '用户尚未授予 `scope.userInfo`（2018 年起不会再弹窗）或已拒绝。开发者工具曾提示 "scope unauthorized"。',
        },
        fix: {
          en: 'Stop relying on this API: use the avatar/nickname fill-in (`wx.getUserProfile` is anonymous too for versions released after 2022-11-08).',
          zh: '不要再依赖该接口：改用头像昵称填写（2022-11-08 之后发布的版本，`wx.getUserProfile` 同样只返回匿名数据）。',
        },
      },
      ...wxPrivacyErrors,
    ],
    // A privacy interface (FACTS §11); `getUserInfo:fail privacy permission is not authorized` errno 104 is reported
    // in community/develop/doc/00042e3ef54940ce8520e38db61801.
    constraints: { privacyInterface: true },
    notes: [
      {
        date: '2018',
        url: urls.wx2018Announcement,
        text: {
          en: 'Calling `wx.getUserInfo` without earlier consent no longer opens a dialog; it goes straight to `fail`. Consent has to come from `<button open-type="getUserInfo">`.',
          zh: '未经授权调用 `wx.getUserInfo` 不再弹出授权窗口，而是直接进入 `fail`。授权必须通过 `<button open-type="getUserInfo">` 获得。',
        },
      },
      wx2021Note,
      {
        date: '2022-11-08',
        url: urls.wx2022Announcement,
        text: {
          en: 'Inside mini-program plugins, `wx.getUserInfo` also returns the grey avatar and "微信用户" for versions released after this date.',
          zh: '在小程序插件中，该日期之后发布的版本调用 `wx.getUserInfo` 同样只返回灰色头像和“微信用户”。',
        },
      },
    ],
    deprecated: {
      en: 'Returns anonymous data for versions released after 2021-04-28. Use the avatar/nickname fill-in (`open-type="chooseAvatar"`, `type="nickname"`); `wx.getUserProfile` is anonymous too for versions released after 2022-11-08.',
      zh: '2021-04-28 之后发布的版本只返回匿名数据。请改用头像昵称填写（`open-type="chooseAvatar"`、`type="nickname"`）；2022-11-08 之后发布的版本，`wx.getUserProfile` 同样只返回匿名数据。',
    },
    replacedBy: fillInReplacement,
    rank: 9,
    docUrl: `${apiBase}/user-info/wx.getUserInfo.html`,
    example: `// Callbacks only: wx.getUserInfo returns no Promise.
wx.getUserInfo({
  lang: 'zh_CN',
  success: (res) => console.log(res.userInfo.nickName),
  fail: (err) => console.warn(err.errMsg),
});`,
  },
];
