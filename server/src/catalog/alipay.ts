/** Alipay (`my`) APIs of the login and member-information flow. */
import { callbackOptions } from './common';
import type { ApiEntry, ErrorEntry, FieldEntry } from './types';

/** The failure payload of Alipay callbacks. */
export const alipayFail = '{ error: number; errorMessage: string }';

/** The JSON-string result of `my.getOpenUserInfo`; shared with `Taro.getOpenUserInfo`. */
export const openUserInfoResponse: FieldEntry = {
  name: 'response',
  type: 'string',
  typeRef: 'my.OpenUserInfoEnvelope',
  description: {
    en: 'A JSON **string**. Parse it: `JSON.parse(res.response).response` holds `code`, `nickName` and `avatar`.',
    zh: 'JSON **字符串**。需先解析：`JSON.parse(res.response).response` 中才有 `code`、`nickName`、`avatar`。',
  },
};

/** Shared by `my.getOpenUserInfo`, `my.getPhoneNumber` and `Taro.getOpenUserInfo`. */
export const alipayNoAuthError: ErrorEntry = {
  errMsg: 'isv.invalid-auth-relations',
  code: '40003',
  pattern: 'isv\\.invalid-auth-relations|无效的授权关系|Insufficient Conditions',
  cause: {
    en: 'The user has not agreed through `<button open-type="getAuthorize">` with the matching `scope`. It arrives in `success` (code "40003", msg "Insufficient Conditions"), not in `fail`.',
    zh: '用户尚未通过带对应 `scope` 的 `<button open-type="getAuthorize">` 同意授权。该错误出现在 `success` 中（code "40003"，msg "Insufficient Conditions"），而不是 `fail`。',
  },
  fix: {
    en: 'Call the API from the button\'s `onGetAuthorize` handler, and check `code === "10000"` after parsing `res.response`.',
    zh: '在按钮的 `onGetAuthorize` 回调中调用该接口，并在解析 `res.response` 后判断 `code === "10000"`。',
  },
};

/** Shared by `my.getOpenUserInfo`, `my.getPhoneNumber` and `Taro.getOpenUserInfo`. */
export const alipayNotBoundError: ErrorEntry = {
  errMsg: 'isv.insufficient-isv-permissions',
  code: '40006',
  pattern: 'isv\\.insufficient-isv-permissions|ISV权限不足|Insufficient Permissions',
  cause: {
    en: 'The feature ("member basic information" or "member phone number") has not been added to the mini-program in the Alipay developer console.',
    zh: '尚未在支付宝开发者后台为小程序添加对应功能（“获取会员基础信息”或“获取会员手机号”）。',
  },
  fix: {
    en: 'Add the feature to the mini-program in the console, then try again.',
    zh: '在开发者后台为小程序添加该功能后重试。',
  },
};

export const alipayApis: ApiEntry[] = [
  {
    id: 'my.getOpenUserInfo',
    namespace: 'my',
    name: 'getOpenUserInfo',
    summary: {
      en: 'Reads the member\'s avatar and nickname after `open-type="getAuthorize"` consent; `res.response` is a JSON string.',
      zh: '在 `open-type="getAuthorize"` 授权后读取会员头像和昵称；`res.response` 是 JSON 字符串。',
    },
    details: {
      en: 'The user must first agree through `<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="…">`; call this API from that handler. `res.response` is a **string**: the profile is at `JSON.parse(res.response).response`, and only `code === "10000"` (a string) means success — a missing authorisation still arrives in `success` with code "40003". Since 2022-06-13 only `nickName` and `avatar` are filled. It cannot give the Alipay user id: use `my.getAuthCode` for that. Real data comes from a real device only.',
      zh: '用户须先通过 `<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="…">` 同意授权，并在该回调中调用本接口。`res.response` 是**字符串**：资料位于 `JSON.parse(res.response).response`，只有 `code === "10000"`（字符串）表示成功——未授权时同样进入 `success`，code 为 "40003"。自 2022-06-13 起只返回 `nickName` 和 `avatar`。本接口拿不到支付宝用户 id，请使用 `my.getAuthCode`。真实数据只在真机上返回。',
    },
    signature: 'my.getOpenUserInfo(options: { success?: (res: { response: string }) => void; fail?; complete? }): void',
    minVersion: '1.16.4',
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ response: string }', alipayFail),
    result: [openUserInfoResponse],
    errors: [alipayNoAuthError, alipayNotBoundError],
    notes: [
      {
        date: '2022-06-13',
        url: 'https://opendocs.alipay.com/mini/api/ch8chh',
        text: {
          en: 'Only `avatar` and `nickName` are returned from this date; `gender`, `countryCode`, `province` and `city` are legacy fields and always "".',
          zh: '自该日起只返回 `avatar` 和 `nickName`；`gender`、`countryCode`、`province`、`city` 为历史遗留字段，恒为 ""。',
        },
      },
    ],
    rank: 0,
    constraints: { responseIsJsonString: true, authorizeScope: 'userInfo' },
    docUrl: 'https://opendocs.alipay.com/mini/api/ch8chh',
    example: `// AXML: <button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">Use my Alipay profile</button>
Page({
  onGetAuthorize() {
    my.getOpenUserInfo({
      success: (res) => {
        const info = JSON.parse(res.response).response;
        if (info.code === '10000') this.setData({ nickName: info.nickName, avatar: info.avatar });
      },
    });
  },
  onAuthError() {
    my.showToast({ content: 'You can fill in your profile yourself' });
  },
});`,
  },
  {
    id: 'my.getAuthCode',
    namespace: 'my',
    name: 'getAuthCode',
    role: 'support',
    summary: {
      en: "Gets an auth code your server exchanges for the Alipay user id (Alipay's login).",
      zh: '获取授权码，由服务端换取支付宝用户 id（支付宝的登录方式）。',
    },
    details: {
      en: "Returns `authCode`, which your server exchanges through `alipay.system.oauth.token` for the user id and an access token. With `scopes: 'auth_base'` it is silent; `auth_user` asks the user for consent. Taro's `Taro.login` calls this API with `auth_base` on Alipay.",
      zh: "返回 `authCode`，由服务端调用 `alipay.system.oauth.token` 换取用户 id 和访问令牌。`scopes: 'auth_base'` 为静默授权；`auth_user` 会请求用户同意。Taro 在支付宝上的 `Taro.login` 即以 `auth_base` 调用本接口。",
    },
    signature: "my.getAuthCode(options: { scopes?: 'auth_base' | 'auth_user' | string[]; success?; fail?; complete? }): void",
    // Any scope but auth_base shows a consent dialog; the set of scopes is open (FACTS §12).
    constraints: { consentScopes: { option: 'scopes', silent: ['auth_base'] } },
    promise: false,
    plugin: { supported: false },
    options: [
      {
        name: 'scopes',
        type: "'auth_base' | 'auth_user' | string[]",
        kind: 'string',
        required: false,
        default: 'auth_base',
        description: {
          en: 'What the code will grant. A single scope or an array of scopes. Any scope but `auth_base` shows a consent dialog; the set of scopes is open (more are documented for other products).',
          zh: '授权码可换取的权限范围，可传单个或数组。除 `auth_base` 外的任何权限都会弹出授权框；权限范围不是封闭的集合（其他产品另有文档）。',
        },
        openValues: true,
        values: [
          {
            value: 'auth_base',
            description: { en: 'silent: the user id only, no dialog', zh: '静默授权：仅用户 id，不弹窗' },
          },
          {
            value: 'auth_user',
            description: {
              en: 'asks for consent; lets the server read member information',
              zh: '主动授权：弹窗请求同意，服务端可读取会员信息',
            },
          },
          {
            value: 'auth_zhima',
            description: {
              en: 'asks for consent to Zhima (Sesame) credit data',
              zh: '主动授权：弹窗请求同意，可读取芝麻信用数据',
            },
          },
        ],
      },
      ...callbackOptions('{ authCode: string; authErrorScopes: object; authSuccessScopes: string[] }', alipayFail),
    ],
    result: [
      {
        name: 'authCode',
        type: 'string',
        description: {
          en: 'The authorisation code. Send it to your server; it can be used once.',
          zh: '授权码。发送给服务端使用，只能使用一次。',
        },
      },
      {
        name: 'authSuccessScopes',
        type: 'string[]',
        description: { en: 'The scopes that were granted.', zh: '授权成功的权限范围。' },
      },
      {
        name: 'authErrorScopes',
        type: 'object',
        description: { en: 'The scopes that failed, with an error code each.', zh: '授权失败的权限范围及各自的错误码。' },
      },
    ],
    errors: [],
    notes: [],
    rank: 1,
    docUrl: 'https://opendocs.alipay.com/mini/api/openapi-authorize',
    example: `my.getAuthCode({
  scopes: 'auth_base',
  success: ({ authCode }) => {
    my.request({ url: 'https://example.com/api/login', method: 'POST', data: { authCode } });
  },
});`,
  },
  {
    id: 'my.getPhoneNumber',
    namespace: 'my',
    name: 'getPhoneNumber',
    summary: {
      en: "Gets the member's phone number as an encrypted string (enterprise mini-programs only).",
      zh: '以加密字符串形式获取会员手机号（仅限企业主体小程序）。',
    },
    details: {
      en: 'Ask for consent with `<button open-type="getAuthorize" scope="phoneNumber">` and call this API from `onGetAuthorize`. `res.response` is a JSON string whose `response` is base64 AES ciphertext (or a plain JSON error). Verify `sign` and decrypt on your server with the console\'s AES key; the IV is 16 zero bytes. The phone number and the profile cannot be requested in the same dialog.',
      zh: '通过 `<button open-type="getAuthorize" scope="phoneNumber">` 获得授权，并在 `onGetAuthorize` 中调用本接口。`res.response` 是 JSON 字符串，其中的 `response` 为 base64 的 AES 密文（出错时为明文 JSON）。请在服务端验签并用开发者后台的 AES 密钥解密，IV 为 16 个零字节。手机号与会员基础信息不能在同一个弹窗中申请。',
    },
    signature: 'my.getPhoneNumber(options: { success?: (res: { response: string }) => void; fail?; complete? }): void',
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ response: string }', alipayFail),
    result: [
      {
        name: 'response',
        type: 'string',
        description: {
          en: 'A JSON string `{"response": "<ciphertext>", "sign": "…", "sign_type": "RSA2", "encrypt_type": "AES", "charset": "UTF-8"}`. Send it whole to your server.',
          zh: 'JSON 字符串 `{"response": "<密文>", "sign": "…", "sign_type": "RSA2", "encrypt_type": "AES", "charset": "UTF-8"}`，请整体发给服务端。',
        },
      },
    ],
    errors: [
      {
        errMsg: 'isv.missing-encrypt-key',
        code: '40001',
        pattern: 'isv\\.missing-encrypt-key|缺少加密配置',
        cause: {
          en: 'No AES key is configured for the mini-program.',
          zh: '小程序未配置 AES 密钥。',
        },
        fix: {
          en: 'Set the content-encryption (AES) key in the Alipay developer console.',
          zh: '在支付宝开发者后台设置内容加密（AES）密钥。',
        },
      },
      alipayNotBoundError,
      alipayNoAuthError,
      {
        errMsg: 'aop.unknow-error',
        code: '20000',
        pattern: 'aop\\.unknow-error|系统繁忙',
        cause: { en: "A transient error on Alipay's side.", zh: '支付宝侧的临时错误。' },
        fix: { en: 'Retry later.', zh: '稍后重试。' },
      },
    ],
    notes: [],
    rank: 2,
    constraints: { authorizeScope: 'phoneNumber' },
    docUrl: 'https://opendocs.alipay.com/mini/api/getphonenumber',
    example: `// AXML: <button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onGetPhone" onError="onAuthError">Use my phone number</button>
Page({
  onGetPhone() {
    my.getPhoneNumber({
      success: (res) => {
        my.request({ url: 'https://example.com/api/phone', method: 'POST', data: { encrypted: res.response } });
      },
    });
  },
  onAuthError() {},
});`,
  },
];
