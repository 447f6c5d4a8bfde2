/** Douyin / ByteDance (`tt`) APIs of the login and user-info flow. */
import { callbackOptions, errMsgField, urls } from './common';
import type { ApiEntry, ErrorEntry, FieldEntry, OptionEntry } from './types';

const apiBase = 'https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface';

/** Shared by `tt.getUserProfile` and `Taro.getUserProfile` on Douyin. */
export const ttTapGestureError: ErrorEntry = {
  platform: 'douyin',
  errMsg: 'getUserProfile:fail must be invoked by user tap gesture',
  pattern: 'getUserProfile:fail[ :]*must be invoked by user tap gesture',
  cause: {
    en: 'The call did not run synchronously inside a tap handler (Douyin words it differently from WeChat: "must be", lowercase "tap", no period).',
    zh: '调用没有在点击事件处理函数中同步执行（抖音的措辞与微信不同：“must be”、小写 “tap”、没有句号）。',
  },
  fix: {
    en: 'Call it directly in the handler bound with `bindtap`, before any `await` or callback.',
    zh: '在 `bindtap` 绑定的处理函数里、任何 `await` 或回调之前直接调用。',
  },
};

/** Shared by `tt.getUserProfile` and `Taro.getUserProfile` on Douyin. */
export const ttInvalidSessionError: ErrorEntry = {
  errMsg: 'getUserProfile:fail invalid session',
  pattern: 'getUserProfile:fail[ :]*invalid session',
  cause: {
    en: 'Reported by forum users when no `tt.login` happened before the call (needed below base library 2.54.0).',
    zh: '论坛用户反馈：调用前没有执行过 `tt.login` 时出现（基础库 2.54.0 以下需要登录）。',
  },
  fix: {
    en: 'Call `tt.login` first (e.g. in `App.onLaunch`), or require base library 2.54.0+, where login is built in.',
    zh: '先调用 `tt.login`（例如在 `App.onLaunch` 中），或要求基础库 2.54.0 及以上（已内置登录）。',
  },
};

/** Douyin's `force`: whether to open the host's login dialog for a logged-out user (defaults differ per API). */
export function ttForceOption(facts: Pick<OptionEntry, 'default' | 'minVersion' | 'platforms'>): OptionEntry {
  return {
    name: 'force',
    type: 'boolean',
    kind: 'boolean',
    required: false,
    ...facts,
    description: {
      en: 'When the user is not logged in to the host app, whether to open its login dialog.',
      zh: '宿主未登录时，是否强制拉起登录框。',
    },
  };
}

function ttSensitiveFields(note: { en: string; zh: string }): FieldEntry[] {
  return [
    {
      name: 'signature',
      type: 'string',
      description: {
        en: `\`sha1(rawData + session_key)\` for checking the data on your server. ${note.en}`,
        zh: `用于在服务端校验数据的 \`sha1(rawData + session_key)\`。${note.zh}`,
      },
    },
    {
      name: 'encryptedData',
      type: 'string',
      description: {
        en: `Base64 AES-128-CBC ciphertext of the user data; decrypt it on your server with \`session_key\` and \`iv\`. ${note.en}`,
        zh: `用户数据的 AES-128-CBC 密文（base64），在服务端用 \`session_key\` 和 \`iv\` 解密。${note.zh}`,
      },
    },
    {
      name: 'iv',
      type: 'string',
      description: {
        en: `Base64 initialisation vector for \`encryptedData\`. ${note.en}`,
        zh: `\`encryptedData\` 的初始向量（base64）。${note.zh}`,
      },
    },
  ];
}

const rawDataField: FieldEntry = {
  name: 'rawData',
  type: 'string',
  description: {
    en: '`userInfo` as a JSON string; send it unchanged when verifying `signature`.',
    zh: '`userInfo` 的 JSON 字符串形式；校验 `signature` 时请原样发送。',
  },
};

const userInfoField: FieldEntry = {
  name: 'userInfo',
  type: 'UserInfo',
  typeRef: 'tt.UserInfo',
  description: { en: 'Nickname, avatar, gender and region.', zh: '昵称、头像、性别和地区。' },
};

export const douyinApis: ApiEntry[] = [
  {
    id: 'tt.getUserProfile',
    namespace: 'tt',
    name: 'getUserProfile',
    summary: {
      en: 'Asks the user for their Douyin profile; tap handlers only; needs `tt.login` first below 2.54.0.',
      zh: '请求用户授权抖音资料；只能在点击事件中调用；基础库 2.54.0 以下需先 `tt.login`。',
    },
    details: {
      en: "Shows a consent dialog on every call and returns `userInfo` when the user agrees. It must run synchronously in a tap handler. Before base library 2.54.0 it needs a prior `tt.login`; from 2.54.0 login is built in, and `force` decides whether to open the host's login dialog for a logged-out user. Unlike WeChat's API it takes no `desc`. The encrypted data holds no openId or unionId.",
      zh: '每次调用都会弹出授权窗口，用户同意后返回 `userInfo`。必须在点击事件处理函数中同步调用。基础库 2.54.0 之前需先调用 `tt.login`；从 2.54.0 起已内置登录，`force` 决定宿主未登录时是否拉起登录框。与微信不同，它没有 `desc` 参数。加密数据不含 openId 和 unionId。',
    },
    signature: 'tt.getUserProfile(options: { force?: boolean; success?; fail?; complete? }): void',
    minVersion: '2.30.0',
    promise: false,
    plugin: { supported: false },
    options: [
      ttForceOption({ default: false, minVersion: '2.54.0' }),
      ...callbackOptions('GetUserProfileResult', undefined, '2.30.0'),
    ],
    result: [
      userInfoField,
      rawDataField,
      ...ttSensitiveFields({
        en: 'The encrypted data contains no openId or unionId.',
        zh: '加密数据中不含 openId 和 unionId。',
      }),
      errMsgField('getUserProfile'),
    ],
    errors: [ttTapGestureError, ttInvalidSessionError],
    notes: [
      {
        date: '2021-11-25',
        url: urls.douyinProfileBulletin,
        text: {
          en: 'Douyin introduced `tt.getUserProfile` (base library 2.30.0) and began moving `tt.getUserInfo` towards anonymous data.',
          zh: '抖音推出 `tt.getUserProfile`（基础库 2.30.0），并开始让 `tt.getUserInfo` 逐步返回匿名数据。',
        },
      },
    ],
    rank: 0,
    constraints: { tapOnly: true, loginFirst: { api: 'tt.login', until: '2.54.0' } },
    docUrl: urls.douyinGetUserProfile,
    example: `// TTML: <button bindtap="onTapProfile">Use my Douyin profile</button>
App({ onLaunch() { tt.login({ force: false }); } });
Page({
  onTapProfile() {
    tt.getUserProfile({
      success: (res) => this.setData({ userInfo: res.userInfo }),
      fail: (err) => console.warn(err.errMsg),
    });
  },
});`,
  },
  {
    id: 'tt.login',
    namespace: 'tt',
    name: 'login',
    role: 'support',
    summary: {
      en: 'Gets a login code (and an anonymous code) to exchange for openid and session_key on your server.',
      zh: '获取登录凭证 code（及匿名 code），由服务端换取 openid 和 session_key。',
    },
    details: {
      en: "Returns `code` when the user is logged in to the host app, otherwise only `anonymousCode`. With `force: true` (the default) a logged-out user sees the host's login dialog, and cancelling it goes to `fail`. `tt.getUserInfo`, and `tt.getUserProfile` below base library 2.54.0, need a successful login first.",
      zh: '用户已登录宿主时返回 `code`，否则只有 `anonymousCode`。`force: true`（默认）时，未登录用户会看到宿主登录框，取消则进入 `fail`。`tt.getUserInfo`，以及基础库 2.54.0 以下的 `tt.getUserProfile`，都需要先成功登录。',
    },
    signature: 'tt.login(options?: { force?: boolean; success?; fail?; complete? }): void',
    promise: false,
    plugin: { supported: false },
    options: [
      ttForceOption({ default: true }),
      ...callbackOptions('{ code: string; anonymousCode: string; isLogin: boolean; errMsg: string }'),
    ],
    result: [
      {
        name: 'code',
        type: 'string',
        description: {
          en: 'Temporary login code; present only for users logged in to the host. Exchange it on your server.',
          zh: '临时登录凭证，仅在用户已登录宿主时返回。请在服务端换取。',
        },
      },
      {
        name: 'anonymousCode',
        type: 'string',
        description: {
          en: 'Code for the device-scoped anonymous openid, returned even without a host login.',
          zh: '用于换取设备维度匿名 openid 的凭证，未登录宿主时也会返回。',
        },
      },
      {
        name: 'isLogin',
        type: 'boolean',
        description: { en: 'Whether the user is logged in to the host app.', zh: '用户是否已登录宿主。' },
      },
      errMsgField('login'),
    ],
    errors: [
      {
        errMsg: 'login:fail host login fail',
        pattern: 'login:fail[ :]*host login fail',
        cause: {
          en: 'The host login did not complete, e.g. the user cancelled the login dialog (error code 113001).',
          zh: '宿主登录未完成，例如用户取消了登录框（错误码 113001）。',
        },
        fix: {
          en: 'Let the user continue without logging in, or call `tt.login` again from a user action.',
          zh: '允许用户在未登录状态下继续使用，或在用户操作时再次调用 `tt.login`。',
        },
      },
      {
        errMsg: 'login:fail app in background',
        pattern: 'login:fail[ :]*app in background',
        cause: {
          en: 'The mini-program was in the background when it called `tt.login`.',
          zh: '调用 `tt.login` 时小程序处于后台。',
        },
        fix: { en: 'Call it again once the app is in the foreground (`onShow`).', zh: '在小程序回到前台（`onShow`）后再调用。' },
      },
    ],
    notes: [],
    rank: 1,
    docUrl: `${apiBase}/log-in/tt-login`,
    example: `tt.login({
  force: true,
  success: ({ code, anonymousCode }) => {
    tt.request({ url: 'https://example.com/api/login', method: 'POST', data: { code, anonymousCode } });
  },
});`,
  },
  {
    id: 'tt.checkSession',
    namespace: 'tt',
    name: 'checkSession',
    role: 'support',
    summary: {
      en: 'Checks whether the session from the last `tt.login` is still valid.',
      zh: '检查上次 `tt.login` 建立的登录态是否仍然有效。',
    },
    details: {
      en: '`success` means the session is valid; `fail` means call `tt.login` again. A session exists only after a successful `tt.login`, and logging out of the host clears it. After an anonymous login (`force: false` without a host login) it keeps failing.',
      zh: '进入 `success` 表示登录态有效；进入 `fail` 则需重新调用 `tt.login`。只有成功调用 `tt.login` 才会产生登录态，用户退出宿主登录会清除它。匿名登录（`force: false` 且未登录宿主）后它会一直失败。',
    },
    signature: 'tt.checkSession(options?: { success?; fail?; complete? }): void',
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ errMsg: string }'),
    result: [errMsgField('checkSession')],
    errors: [],
    notes: [],
    rank: 2,
    docUrl: `${apiBase}/log-in/tt-check-session`,
    example: `tt.checkSession({
  success: () => { /* still logged in */ },
  fail: () => tt.login({ success: ({ code }) => sendCodeToServer(code) }),
});`,
  },
  {
    id: 'tt.getUserInfo',
    namespace: 'tt',
    name: 'getUserInfo',
    summary: {
      en: 'Old profile API being phased out for `tt.getUserProfile`; needs `tt.login` first.',
      zh: '正在逐步废弃的旧用户信息接口，请改用 `tt.getUserProfile`；调用前需先 `tt.login`。',
    },
    details: {
      en: "Returns the logged-in user's profile, asking for consent the first time. It depends on `tt.login`: call it in the login's `success` or after `await`-ing a login. `withCredentials: true` adds `encryptedData`, `iv` and `signature`; `withRealNameAuthenticationInfo: true` (1.80.0) adds whether the user passed real-name verification. Douyin is moving it to anonymous data (the devtools return anonymous data from 3.2.0). The exact `errMsg` for a missing login is not documented.",
      zh: '返回已登录用户的资料，首次调用会请求授权。依赖 `tt.login`：请在登录的 `success` 中或 `await` 登录之后调用。`withCredentials: true` 会额外返回 `encryptedData`、`iv`、`signature`；`withRealNameAuthenticationInfo: true`（1.80.0）会额外返回实名认证状态。抖音正在让它返回匿名数据（开发者工具 3.2.0 起已返回匿名数据）。未登录时的确切 `errMsg` 文档未给出。',
    },
    signature:
      'tt.getUserInfo(options: { withCredentials?: boolean; withRealNameAuthenticationInfo?: boolean; success?; fail?; complete? }): void',
    minVersion: '1.0.0',
    promise: false,
    plugin: { supported: false },
    options: [
      {
        name: 'withCredentials',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        default: false,
        description: {
          en: 'Also return `encryptedData`, `iv` and `signature` (sensitive data, decrypted on your server).',
          zh: '同时返回 `encryptedData`、`iv`、`signature`（敏感数据，在服务端解密）。',
        },
      },
      {
        name: 'withRealNameAuthenticationInfo',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        default: false,
        minVersion: '1.80.0',
        description: {
          en: 'Also return `realNameAuthenticationStatus`, whether the user passed real-name verification.',
          zh: '同时返回 `realNameAuthenticationStatus`，即用户是否已通过实名认证。',
        },
      },
      ...callbackOptions('GetUserInfoResult'),
    ],
    result: [
      userInfoField,
      rawDataField,
      ...ttSensitiveFields({
        en: 'Only with `withCredentials: true`.',
        zh: '仅在 `withCredentials: true` 时返回。',
      }),
      {
        name: 'realNameAuthenticationStatus',
        type: "'certified' | 'uncertified'",
        minVersion: '1.80.0',
        description: {
          en: 'Real-name verification status; only with `withRealNameAuthenticationInfo: true`.',
          zh: '实名认证状态；仅在 `withRealNameAuthenticationInfo: true` 时返回。',
        },
        values: [
          { value: 'certified', description: { en: 'verified', zh: '已通过实名认证' } },
          { value: 'uncertified', description: { en: 'not verified', zh: '未通过实名认证' } },
        ],
      },
      errMsgField('getUserInfo'),
    ],
    errors: [],
    notes: [
      {
        date: '2021-11-25',
        url: urls.douyinProfileBulletin,
        text: {
          en: 'Being phased out towards anonymous data in favour of `tt.getUserProfile`; the devtools return anonymous data from version 3.2.0.',
          zh: '将逐步改为返回匿名数据，由 `tt.getUserProfile` 取代；开发者工具 3.2.0 起已返回匿名数据。',
        },
      },
    ],
    deprecated: {
      en: 'Douyin is phasing it out; call `tt.getUserProfile` from a tap handler instead.',
      zh: '抖音正在逐步废弃该接口；请在点击事件中改用 `tt.getUserProfile`。',
    },
    rank: 9,
    constraints: { loginFirst: { api: 'tt.login' } },
    docUrl: `${apiBase}/user-information/tt-get-user-info`,
    example: `tt.login({
  success: () => {
    tt.getUserInfo({
      withCredentials: true,
      success: (res) => console.log(res.userInfo.nickName),
      fail: (err) => console.warn(err.errMsg),
    });
  },
});`,
  },
];
