/**
 * Building blocks shared by the per-platform tables: the callback options every asynchronous API takes,
 * the result fields WeChat-style user-info calls return, and the well-known documentation addresses.
 * Defined once so a wording fix reaches every API at the same time.
 */
import type { FieldEntry, OptionEntry, Replacement, ValueEntry } from './types';

/** Official documentation addresses used by more than one entry. */
export const urls = {
  wxSignature: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html',
  wxUserProfileFillIn: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html',
  wxButton: 'https://developers.weixin.qq.com/miniprogram/dev/component/button.html',
  wxInput: 'https://developers.weixin.qq.com/miniprogram/dev/component/input.html',
  wxForm: 'https://developers.weixin.qq.com/miniprogram/dev/component/form.html',
  wxPrivacyGuide: 'https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html',
  wxPrivacyApi: 'https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy',
  taroButton: 'https://docs.taro.zone/docs/components/forms/button',
  taroInput: 'https://docs.taro.zone/docs/components/forms/input',
  wx2021Announcement: 'https://developers.weixin.qq.com/community/develop/doc/000cacfa20ce88df04cb468bc52801',
  wx2022Announcement: 'https://developers.weixin.qq.com/community/develop/doc/00022c683e8a80b29bed2142b56c01',
  wx2018Announcement: 'https://developers.weixin.qq.com/community/develop/doc/0000a26e1aca6012e896a517556c01',
  wxUserInfoFieldsAnnouncement: 'https://developers.weixin.qq.com/community/develop/doc/00028edbe3c58081e7cc834705b801',
  alipayButton: 'https://opendocs.alipay.com/mini/component/button',
  douyinGetUserProfile:
    'https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/user-information/tt-get-user-profile',
  douyinProfileBulletin: 'https://developer.open-douyin.com/forum/bulletin/post/619f48152f3fc040d11e4a69',
} as const;

/**
 * The `success`, `fail` and `complete` callbacks of an asynchronous API.
 * `resultType` names the success payload in the signature text; `failType` the failure payload
 * (WeChat and Douyin pass `{ errMsg }`, Alipay `{ error, errorMessage }`).
 */
export function callbackOptions(resultType: string, failType = '{ errMsg: string }', minVersion?: string): OptionEntry[] {
  const since = minVersion ? { minVersion } : {};
  return [
    {
      name: 'success',
      type: `(res: ${resultType}) => void`,
      kind: 'function',
      required: false,
      description: {
        en: 'Called with the result when the call succeeds.',
        zh: '调用成功时执行，参数为返回结果。',
      },
      ...since,
    },
    {
      name: 'fail',
      type: `(err: ${failType}) => void`,
      kind: 'function',
      required: false,
      description: {
        en: 'Called when the call fails, including when the user refuses. Handle it: users can always say no.',
        zh: '调用失败时执行，用户拒绝授权也会走到这里。请务必处理：用户随时可能拒绝。',
      },
      ...since,
    },
    {
      name: 'complete',
      type: '(res: unknown) => void',
      kind: 'function',
      required: false,
      description: {
        en: 'Called after `success` or `fail`, whichever happened.',
        zh: '无论成功还是失败，都会在 `success` 或 `fail` 之后执行。',
      },
      ...since,
    },
  ];
}

/**
 * `desc` of a cross-platform `getUserProfile` (Taro, uni-app): required by the wrappers' types, used by WeChat's
 * consent dialog only. FACTS §8 for the 30-unit limit, counted as observed.
 */
export function crossPlatformDescOption(): OptionEntry {
  return {
    name: 'desc',
    type: 'string',
    kind: 'string',
    required: true,
    platforms: ['wechat'],
    description: {
      en: "Why you need the profile; shown in WeChat's consent dialog. Required; at most 30 units, where a Chinese character counts 2 (observed behaviour).",
      zh: '获取用户信息的用途，展示在微信授权弹窗中。必填；最多 30 个单位，一个汉字计 2（实测行为）。',
    },
  };
}

/** The `lang` option of WeChat's user-info calls. */
export function langOption(platforms?: OptionEntry['platforms']): OptionEntry {
  return {
    name: 'lang',
    type: "'en' | 'zh_CN' | 'zh_TW'",
    kind: 'string',
    required: false,
    default: 'en',
    description: {
      en: 'Language of the region names (`country`, `province`, `city`) in the returned `userInfo`.',
      zh: '返回的 `userInfo` 中地区名称（`country`、`province`、`city`）所用的语言。',
    },
    values: languageValues,
    ...(platforms ? { platforms } : {}),
  };
}

/** The three languages WeChat describes user information in. */
export const languageValues: ValueEntry[] = [
  { value: 'en', description: { en: 'English', zh: '英文' } },
  { value: 'zh_CN', description: { en: 'Simplified Chinese', zh: '简体中文' } },
  { value: 'zh_TW', description: { en: 'Traditional Chinese', zh: '繁体中文' } },
];

/** WeChat and Douyin's numeric `gender`. */
export const numericGenderValues: ValueEntry[] = [
  { value: 0, description: { en: 'unknown (also what anonymous data carries)', zh: '未知（匿名数据也是这个值）' } },
  { value: 1, description: { en: 'male', zh: '男' } },
  { value: 2, description: { en: 'female', zh: '女' } },
];

/**
 * The success fields of WeChat's `getUserProfile` / `getUserInfo` (and Taro's wrappers of them).
 * `cloudSince` is the base library that added `cloudID` for that API.
 */
export function wechatUserInfoResult(userInfoType: string, cloudSince?: string): FieldEntry[] {
  return [
    {
      name: 'userInfo',
      type: 'UserInfo',
      typeRef: userInfoType,
      description: {
        en: 'Nickname, avatar and (formerly) region of the user. Holds no openid: get that on your server from a `wx.login` code.',
        zh: '用户昵称、头像及（早期的）地区信息。不含 openid：openid 需由服务端用 `wx.login` 的 code 换取。',
      },
    },
    {
      name: 'rawData',
      type: 'string',
      description: {
        en: 'The non-sensitive user data as a compact JSON string. Send it unchanged to your server to check `signature`; re-serialising it breaks the check.',
        zh: '不含敏感信息的用户数据，紧凑的 JSON 字符串。原样发给服务端校验 `signature`；重新序列化后校验会失败。',
      },
    },
    {
      name: 'signature',
      type: 'string',
      description: {
        en: 'Lowercase hex `sha1(rawData + session_key)`, where `session_key` is appended as its base64 text. Verify it on the server.',
        zh: '小写十六进制的 `sha1(rawData + session_key)`，其中 `session_key` 以 base64 文本直接拼接。请在服务端校验。',
      },
    },
    {
      name: 'encryptedData',
      type: 'string',
      description: {
        en: 'Base64 AES-128-CBC ciphertext of the full user data. Decrypt it on the server with `session_key` and `iv`; never send `session_key` to the client.',
        zh: '完整用户数据的 AES-128-CBC 密文（base64）。在服务端用 `session_key` 和 `iv` 解密；切勿把 `session_key` 下发到前端。',
      },
    },
    {
      name: 'iv',
      type: 'string',
      description: {
        en: 'Base64 initialisation vector (16 bytes) for decrypting `encryptedData`.',
        zh: '解密 `encryptedData` 用的初始向量（base64，16 字节）。',
      },
    },
    {
      name: 'cloudID',
      type: 'string',
      description: {
        en: 'An id that lets a cloud function read the open data directly. Only returned when Cloud Development is enabled.',
        zh: '敏感数据对应的云 ID，云函数可凭它直接获取开放数据。仅开通云开发的小程序返回。',
      },
      ...(cloudSince ? { minVersion: cloudSince } : {}),
    },
  ];
}

/** The `errMsg` every WeChat/Douyin result carries. */
export function errMsgField(apiName: string): FieldEntry {
  return {
    name: 'errMsg',
    type: 'string',
    description: {
      en: `\`"${apiName}:ok"\` on success; \`"${apiName}:fail …"\` with the reason otherwise.`,
      zh: `成功时为 \`"${apiName}:ok"\`，失败时为 \`"${apiName}:fail …"\` 加上原因。`,
    },
  };
}

/**
 * The pointer from the old profile APIs and `open-type="getUserInfo"` to the avatar/nickname fill-in
 * (base library 2.21.2; FACTS §5.6 and §10, framework/open-ability/userProfile.html).
 */
export const fillInReplacement: Replacement = {
  text: {
    en: 'To get a real avatar and nickname today, let the user fill them in: `<button open-type="chooseAvatar">` for the avatar (upload the temporary file it returns) and `<input type="nickname">` inside a `<form>` for the nickname (base library 2.21.2).',
    zh: '如今要拿到真实的头像和昵称，请让用户自行填写：头像用 `<button open-type="chooseAvatar">`（返回的是临时文件，需上传），昵称用放在 `<form>` 中的 `<input type="nickname">`（基础库 2.21.2）。',
  },
  title: { en: 'avatar/nickname fill-in', zh: '头像昵称填写' },
  url: urls.wxUserProfileFillIn,
};
