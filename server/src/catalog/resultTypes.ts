/**
 * Named result types: the objects inside a success result (`res.userInfo`), the Alipay response that
 * must be parsed, and the plaintext of decrypted payloads (read by the decoder to explain fields).
 */
import { languageValues, numericGenderValues } from './common';
import type { FieldEntry, TypeEntry, ValueEntry } from './types';

const wxUserInfoUrl = 'https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/UserInfo.html';
const ttUserInfoUrl =
  'https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/user-information/tt-get-user-info';
const alipayOpenUserInfoUrl = 'https://opendocs.alipay.com/mini/api/ch8chh';

const wxRegionGone = {
  en: 'No longer returned: WeChat now leaves it empty.',
  zh: '已不再返回：微信现在返回空值。',
};

const watermarkField: FieldEntry = {
  name: 'watermark',
  type: 'Watermark',
  typeRef: 'Watermark',
  description: {
    en: 'Which app the data was issued to, and when. Compare `watermark.appid` with your own appid.',
    zh: '数据属于哪个小程序、何时获取。请将 `watermark.appid` 与自己的 appid 比对。',
  },
};

const openIdField: FieldEntry = {
  name: 'openId',
  type: 'string',
  description: {
    en: "The user's id within this app. Present in `getUserInfo` payloads; `getUserProfile` payloads leave it out.",
    zh: '用户在本小程序内的唯一标识。`getUserInfo` 的解密数据包含它，`getUserProfile` 的不包含。',
  },
};

/**
 * The placeholder nickname of anonymous WeChat data. Listed as a value of `nickName` so that hover and
 * the decoder can say what it means; the decoder treats a match as "this payload is anonymous".
 */
const anonymousNickName: ValueEntry[] = [
  {
    value: '微信用户',
    description: {
      en: '"微信用户" ("WeChat user") is the placeholder WeChat puts in anonymous data instead of the real nickname.',
      zh: '“微信用户”是微信在匿名数据中代替真实昵称的占位昵称。',
    },
  },
];

/** The grey default avatar of anonymous WeChat data: in no official doc, but what real payloads carry. */
const anonymousAvatar: ValueEntry[] = [
  {
    value:
      'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132',
    description: {
      en: 'The grey default avatar WeChat puts in anonymous data (seen in real payloads; not documented).',
      zh: '微信在匿名数据中使用的灰色默认头像（实际数据中可见，官方文档未记载）。',
    },
  },
];

export const resultTypes: TypeEntry[] = [
  {
    id: 'wx.UserInfo',
    name: 'UserInfo',
    summary: {
      en: "WeChat user's public profile, as returned in `res.userInfo`.",
      zh: '微信用户的公开资料，即 `res.userInfo`。',
    },
    docUrl: wxUserInfoUrl,
    fields: [
      {
        name: 'nickName',
        type: 'string',
        values: anonymousNickName,
        description: {
          en: 'Nickname. Anonymous data (see the policy notes) carries "微信用户" ("WeChat user") instead of the real one.',
          zh: '昵称。匿名数据（见政策说明）中为“微信用户”。',
        },
      },
      {
        name: 'avatarUrl',
        type: 'string',
        values: anonymousAvatar,
        description: {
          en: 'Avatar URL. The last path segment picks the size: 0 (640×640), 46, 64, 96 or 132 pixels square. Anonymous data carries a grey default avatar. Empty when the user has none.',
          zh: '头像地址。最后一段数字表示尺寸：0（640×640）、46、64、96、132 像素见方。匿名数据中为灰色默认头像。用户没有头像时为空。',
        },
      },
      {
        name: 'gender',
        type: '0 | 1 | 2',
        values: numericGenderValues,
        description: { en: 'Gender.', zh: '性别。' },
        noLongerReturned: {
          en: 'No longer returned: WeChat now always gives 0.',
          zh: '已不再返回：微信现在固定返回 0。',
        },
      },
      {
        name: 'country',
        type: 'string',
        description: { en: 'Country, in the language chosen by `lang`.', zh: '国家，语言由 `lang` 决定。' },
        noLongerReturned: wxRegionGone,
      },
      {
        name: 'province',
        type: 'string',
        description: { en: 'Province, in the language chosen by `lang`.', zh: '省份，语言由 `lang` 决定。' },
        noLongerReturned: wxRegionGone,
      },
      {
        name: 'city',
        type: 'string',
        description: { en: 'City, in the language chosen by `lang`.', zh: '城市，语言由 `lang` 决定。' },
        noLongerReturned: wxRegionGone,
      },
      {
        name: 'language',
        type: "'en' | 'zh_CN' | 'zh_TW'",
        values: languageValues,
        description: { en: 'Language of the region fields.', zh: '地区字段所用的语言。' },
        noLongerReturned: {
          en: 'No longer meaningful: WeChat now always returns "zh_CN".',
          zh: '已无实际意义：微信现在固定返回 "zh_CN"。',
        },
      },
    ],
  },
  {
    id: 'wx.AuthSetting',
    name: 'AuthSetting',
    summary: {
      en: 'The scopes the user has answered so far (`res.authSetting`): `true` granted, `false` refused, absent never asked.',
      zh: '用户已作答的授权项（`res.authSetting`）：`true` 为已授权，`false` 为已拒绝，不存在则表示从未询问。',
    },
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/AuthSetting.html',
    fields: [
      {
        name: 'scope.userInfo',
        type: 'boolean',
        description: {
          en: "Whether the user granted access to their profile (read with `res.authSetting['scope.userInfo']`). Even when true, profile data for new releases is anonymous since 2021; use the avatar/nickname fill-in instead.",
          zh: "用户是否授权了用户信息（用 `res.authSetting['scope.userInfo']` 读取）。即使为 true，2021 年后发布的版本拿到的也是匿名数据；请改用头像昵称填写能力。",
        },
        values: [
          { value: true, description: { en: 'granted', zh: '已授权' } },
          { value: false, description: { en: 'refused', zh: '已拒绝' } },
        ],
      },
    ],
  },
  {
    id: 'Watermark',
    name: 'Watermark',
    summary: {
      en: 'The stamp inside decrypted WeChat and Douyin payloads.',
      zh: '微信、抖音解密数据中的水印。',
    },
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html',
    fields: [
      {
        name: 'appid',
        type: 'string',
        description: {
          en: 'The app the data was issued to. Reject the payload when it differs from your appid.',
          zh: '数据所属的小程序 appid。与自己的 appid 不一致时应拒绝该数据。',
        },
      },
      {
        name: 'timestamp',
        type: 'number',
        description: {
          en: 'Unix time in seconds when the data was fetched; use it to reject stale payloads.',
          zh: '获取数据时的 Unix 时间戳（秒），可用来拒绝过期数据。',
        },
      },
    ],
  },
  {
    id: 'wx.DecryptedUserInfo',
    name: 'DecryptedUserInfo',
    summary: {
      en: 'The plaintext of a WeChat user-info `encryptedData`, decrypted on the server.',
      zh: '微信用户信息 `encryptedData` 在服务端解密后的明文。',
    },
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html',
    fields: [
      openIdField,
      {
        name: 'unionId',
        type: 'string',
        description: {
          en: "The user's id across the apps bound to one Open Platform account. Only present when such a binding exists; `getUserProfile` payloads leave it out (use `wx.login` on the server).",
          zh: '用户在同一开放平台账号下各应用间的统一标识。仅在绑定了开放平台时返回；`getUserProfile` 的数据不包含它（请通过 `wx.login` 在服务端获取）。',
        },
      },
      { name: 'nickName', type: 'string', values: anonymousNickName, description: { en: 'Nickname.', zh: '昵称。' } },
      { name: 'avatarUrl', type: 'string', values: anonymousAvatar, description: { en: 'Avatar URL.', zh: '头像地址。' } },
      {
        name: 'gender',
        type: '0 | 1 | 2',
        values: numericGenderValues,
        description: { en: 'Gender.', zh: '性别。' },
      },
      {
        name: 'language',
        type: 'string',
        values: languageValues,
        description: { en: 'Language of the region fields.', zh: '地区字段所用的语言。' },
      },
      { name: 'city', type: 'string', description: { en: 'City.', zh: '城市。' } },
      { name: 'province', type: 'string', description: { en: 'Province.', zh: '省份。' } },
      { name: 'country', type: 'string', description: { en: 'Country.', zh: '国家。' } },
      watermarkField,
    ],
  },
  {
    id: 'wx.PhoneNumber',
    name: 'PhoneNumber',
    summary: {
      en: 'The plaintext of a WeChat phone-number `encryptedData`.',
      zh: '微信手机号 `encryptedData` 解密后的明文。',
    },
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html',
    fields: [
      {
        name: 'phoneNumber',
        type: 'string',
        description: {
          en: 'The number with its country code for numbers outside mainland China.',
          zh: '用户绑定的手机号（境外号码带区号）。',
        },
      },
      {
        name: 'purePhoneNumber',
        type: 'string',
        description: { en: 'The number without country code.', zh: '不带区号的手机号。' },
      },
      { name: 'countryCode', type: 'string', description: { en: 'The country calling code, e.g. "86".', zh: '区号，如 "86"。' } },
      watermarkField,
    ],
  },
  {
    id: 'tt.UserInfo',
    name: 'UserInfo',
    summary: {
      en: "Douyin user's public profile, as returned in `res.userInfo`.",
      zh: '抖音用户的公开资料，即 `res.userInfo`。',
    },
    docUrl: ttUserInfoUrl,
    fields: [
      { name: 'avatarUrl', type: 'string', description: { en: 'Avatar URL.', zh: '头像地址。' } },
      { name: 'nickName', type: 'string', description: { en: 'Nickname.', zh: '昵称。' } },
      {
        name: 'gender',
        type: '0 | 1 | 2',
        values: numericGenderValues,
        description: { en: 'Gender.', zh: '性别。' },
      },
      { name: 'city', type: 'string', description: { en: 'City.', zh: '城市。' } },
      { name: 'province', type: 'string', description: { en: 'Province.', zh: '省份。' } },
      { name: 'country', type: 'string', description: { en: 'Country.', zh: '国家。' } },
      {
        name: 'language',
        type: 'string',
        description: { en: 'Language. Douyin currently leaves it empty.', zh: '语言。抖音目前返回空字符串。' },
      },
    ],
  },
  {
    id: 'tt.DecryptedUserInfo',
    name: 'DecryptedUserInfo',
    summary: {
      en: 'The plaintext of a Douyin user-info `encryptedData`, decrypted on the server (same algorithm as WeChat).',
      zh: '抖音用户信息 `encryptedData` 在服务端解密后的明文（算法与微信相同）。',
    },
    docUrl:
      'https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/tutorial/basic-ability/sensitive-data-process',
    fields: [
      openIdField,
      { name: 'nickName', type: 'string', description: { en: 'Nickname.', zh: '昵称。' } },
      { name: 'avatarUrl', type: 'string', description: { en: 'Avatar URL.', zh: '头像地址。' } },
      { name: 'gender', type: '0 | 1 | 2', values: numericGenderValues, description: { en: 'Gender.', zh: '性别。' } },
      { name: 'city', type: 'string', description: { en: 'City.', zh: '城市。' } },
      { name: 'province', type: 'string', description: { en: 'Province.', zh: '省份。' } },
      { name: 'country', type: 'string', description: { en: 'Country.', zh: '国家。' } },
      watermarkField,
    ],
  },
  {
    id: 'my.OpenUserInfoEnvelope',
    name: 'OpenUserInfoEnvelope',
    summary: {
      en: 'What `JSON.parse(res.response)` gives for `my.getOpenUserInfo`: the user object is one level further down, in `.response`.',
      zh: '`my.getOpenUserInfo` 中 `JSON.parse(res.response)` 的结果：用户对象还要再取一层 `.response`。',
    },
    docUrl: alipayOpenUserInfoUrl,
    fields: [
      {
        name: 'response',
        type: 'OpenUserInfo',
        typeRef: 'my.OpenUserInfo',
        description: {
          en: 'The result object: check `code === "10000"` before reading `nickName` and `avatar`.',
          zh: '结果对象：先判断 `code === "10000"`，再读取 `nickName` 和 `avatar`。',
        },
      },
    ],
  },
  {
    id: 'my.OpenUserInfo',
    name: 'OpenUserInfo',
    summary: {
      en: 'Alipay member profile inside `JSON.parse(res.response).response`.',
      zh: '支付宝会员基础信息，位于 `JSON.parse(res.response).response`。',
    },
    docUrl: alipayOpenUserInfoUrl,
    fields: [
      {
        name: 'code',
        type: 'string',
        description: {
          en: 'Result code, a string. Anything but "10000" is an error, even though it arrives in `success`.',
          zh: '结果码（字符串）。只要不是 "10000" 就是失败，即使它出现在 `success` 回调里。',
        },
        values: [
          { value: '10000', description: { en: 'success', zh: '成功' } },
          {
            value: '40003',
            description: {
              en: 'no valid authorisation: the user has not agreed through an `open-type="getAuthorize"` button',
              zh: '授权关系无效：用户尚未通过 `open-type="getAuthorize"` 按钮同意授权',
            },
          },
          {
            value: '40006',
            description: {
              en: 'the "member basic information" feature is not added to this mini-program',
              zh: '小程序尚未添加“获取会员基础信息”功能',
            },
          },
        ],
      },
      { name: 'msg', type: 'string', description: { en: 'Result message, e.g. "Success".', zh: '结果描述，如 "Success"。' } },
      {
        name: 'subCode',
        type: 'string',
        description: { en: 'Detailed error code when `code` is not "10000".', zh: '`code` 不是 "10000" 时的明细错误码。' },
      },
      { name: 'subMsg', type: 'string', description: { en: 'Detailed error message.', zh: '明细错误描述。' } },
      { name: 'nickName', type: 'string', description: { en: 'Nickname.', zh: '昵称。' } },
      {
        name: 'avatar',
        type: 'string',
        description: {
          en: 'Avatar URL (note: `avatar`, not `avatarUrl`).',
          zh: '头像地址（注意字段名是 `avatar`，不是 `avatarUrl`）。',
        },
      },
      {
        name: 'gender',
        type: 'string',
        description: { en: 'Gender as a letter (legacy).', zh: '性别，字母表示（历史字段）。' },
        values: [
          { value: 'm', legacy: true, description: { en: 'male', zh: '男' } },
          { value: 'f', legacy: true, description: { en: 'female', zh: '女' } },
        ],
        noLongerReturned: {
          en: 'Legacy: always "" since 2022-06-13 on mainland Alipay.',
          zh: '历史字段：自 2022-06-13 起（中国大陆支付宝）恒为 ""。',
        },
      },
      {
        name: 'countryCode',
        type: 'string',
        description: { en: 'ISO 3166-1 alpha-2 country code (legacy).', zh: 'ISO 3166-1 两位国家码（历史字段）。' },
        noLongerReturned: { en: 'Legacy: always "" since 2022-06-13.', zh: '历史字段：自 2022-06-13 起恒为 ""。' },
      },
      {
        name: 'province',
        type: 'string',
        description: { en: 'Province (legacy).', zh: '省份（历史字段）。' },
        noLongerReturned: { en: 'Legacy: always "" since 2022-06-13.', zh: '历史字段：自 2022-06-13 起恒为 ""。' },
      },
      {
        name: 'city',
        type: 'string',
        description: { en: 'City (legacy).', zh: '城市（历史字段）。' },
        noLongerReturned: { en: 'Legacy: always "" since 2022-06-13.', zh: '历史字段：自 2022-06-13 起恒为 ""。' },
      },
    ],
  },
  {
    id: 'my.PhoneNumber',
    name: 'PhoneNumber',
    summary: {
      en: 'The plaintext of the AES-encrypted `response` of `my.getPhoneNumber`, decrypted on the server.',
      zh: '`my.getPhoneNumber` 加密 `response` 在服务端解密后的明文。',
    },
    docUrl: 'https://opendocs.alipay.com/mini/api/getphonenumber',
    fields: [
      {
        name: 'code',
        type: 'string',
        description: { en: 'Result code, a string; "10000" is success.', zh: '结果码（字符串），"10000" 表示成功。' },
        values: [{ value: '10000', description: { en: 'success', zh: '成功' } }],
      },
      { name: 'msg', type: 'string', description: { en: 'Result message, e.g. "Success".', zh: '结果描述，如 "Success"。' } },
      {
        name: 'subCode',
        type: 'string',
        description: { en: 'Detailed error code when `code` is not "10000".', zh: '`code` 不是 "10000" 时的明细错误码。' },
      },
      { name: 'subMsg', type: 'string', description: { en: 'Detailed error message.', zh: '明细错误描述。' } },
      { name: 'mobile', type: 'string', description: { en: "The member's mobile phone number.", zh: '会员的手机号。' } },
    ],
  },
];
