/**
 * Taro (`@tarojs/taro`) wrappers. Taro does not translate user-info APIs between platforms: on each
 * platform `Taro.x` is that platform's own `x`, promisified. The entries say which native API runs where.
 */
import { alipayFail, alipayNoAuthError, alipayNotBoundError, openUserInfoResponse } from './alipay';
import {
  callbackOptions,
  crossPlatformDescOption,
  errMsgField,
  fillInReplacement,
  langOption,
  wechatUserInfoResult,
} from './common';
import { ttForceOption, ttInvalidSessionError, ttTapGestureError } from './douyin';
import type { ApiEntry } from './types';
import { wx2021Note, wx2022Note, wxDescLengthError, wxTapGestureError } from './wechat';

const taroDocs = 'https://docs.taro.zone/docs/apis';

export const taroApis: ApiEntry[] = [
  {
    id: 'Taro.getUserProfile',
    namespace: 'Taro',
    name: 'getUserProfile',
    summary: {
      en: 'Promisified `getUserProfile` for WeChat and Douyin; tap handlers only, `desc` required.',
      zh: 'Promise 化的 `getUserProfile`，支持微信和抖音；只能在点击事件中调用，必须填写 `desc`。',
    },
    details: {
      en: "Runs `wx.getUserProfile` on WeChat and `tt.getUserProfile` on Douyin, returning a Promise. It is not available on Alipay (use `Taro.getOpenUserInfo`), H5 or React Native. Call it synchronously from an `onClick`/`onTap` handler; `desc` is required by Taro's types and by WeChat. `force` only has an effect on Douyin.",
      zh: '在微信上执行 `wx.getUserProfile`，在抖音上执行 `tt.getUserProfile`，返回 Promise。支付宝（请用 `Taro.getOpenUserInfo`）、H5、React Native 上不可用。请在 `onClick`/`onTap` 处理函数中同步调用；Taro 的类型定义和微信都要求填写 `desc`。`force` 只在抖音上生效。',
    },
    signature:
      "Taro.getUserProfile(option: { desc: string; lang?: 'en' | 'zh_CN' | 'zh_TW'; force?: boolean; success?; fail?; complete? }): Promise<SuccessCallbackResult>",
    promise: true,
    plugin: { supported: false },
    options: [
      crossPlatformDescOption(),
      langOption(['wechat']),
      ttForceOption({ default: false, minVersion: '2.54.0', platforms: ['douyin'] }),
      ...callbackOptions('SuccessCallbackResult'),
    ],
    result: [...wechatUserInfoResult('wx.UserInfo'), errMsgField('getUserProfile')],
    errors: [wxTapGestureError, wxDescLengthError, ttTapGestureError, ttInvalidSessionError],
    notes: [wx2022Note],
    replacedBy: fillInReplacement,
    rank: 0,
    platforms: ['wechat', 'douyin'],
    nativeApis: { wechat: 'wx.getUserProfile', douyin: 'tt.getUserProfile' },
    otherTargets: [
      { target: 'H5', supported: false },
      { target: 'React Native', supported: false },
      { target: 'Harmony', supported: false },
    ],
    minTaroVersions: ['2.2.17', '3.0.29'],
    constraints: { tapOnly: true, descMaxLength: 30 },
    docUrl: `${taroDocs}/open-api/user-info/getUserProfile`,
    example: `import Taro from '@tarojs/taro';

export default function Profile() {
  const onClick = () => {
    Taro.getUserProfile({ desc: '用于完善会员资料' })
      .then((res) => console.log(res.userInfo.nickName))
      .catch(() => Taro.showToast({ title: 'You can fill it in yourself', icon: 'none' }));
  };
  return <Button onClick={onClick}>Use my profile</Button>;
}`,
  },
  {
    id: 'Taro.login',
    namespace: 'Taro',
    name: 'login',
    role: 'support',
    summary: {
      en: 'Promisified login: `wx.login`, `tt.login`, or `my.getAuthCode` (scope `auth_base`) on Alipay.',
      zh: 'Promise 化的登录：微信 `wx.login`、抖音 `tt.login`，支付宝上为 `my.getAuthCode`（`auth_base`）。',
    },
    details: {
      en: "Resolves with `{ code }` to send to your server. On Alipay Taro calls `my.getAuthCode` with `scopes: 'auth_base'` and copies `authCode` into `code`, so your server must exchange it with Alipay, not WeChat.",
      zh: "返回 `{ code }`，发送给服务端即可。在支付宝上，Taro 以 `scopes: 'auth_base'` 调用 `my.getAuthCode`，并把 `authCode` 复制到 `code`，因此服务端要向支付宝而不是微信换取。",
    },
    signature: 'Taro.login(option?: { timeout?: number; success?; fail?; complete? }): Promise<{ code: string; errMsg: string }>',
    promise: true,
    plugin: { supported: false },
    options: [
      {
        name: 'timeout',
        type: 'number',
        kind: 'number',
        required: false,
        platforms: ['wechat'],
        description: { en: 'WeChat only: time-out in milliseconds.', zh: '仅微信：超时时间，单位毫秒。' },
      },
      ...callbackOptions('{ code: string; errMsg: string }'),
    ],
    result: [
      {
        name: 'code',
        type: 'string',
        description: {
          en: 'The login code (on Alipay, the auth code). Exchange it on your server.',
          zh: '登录凭证（支付宝上为授权码），请在服务端换取。',
        },
      },
      errMsgField('login'),
    ],
    errors: [],
    notes: [],
    rank: 1,
    platforms: ['wechat', 'alipay', 'douyin'],
    nativeApis: { wechat: 'wx.login', alipay: 'my.getAuthCode', douyin: 'tt.login' },
    docUrl: `${taroDocs}/open-api/login/`,
    example: `const { code } = await Taro.login();
await Taro.request({ url: 'https://example.com/api/login', method: 'POST', data: { code } });`,
  },
  {
    id: 'Taro.getOpenUserInfo',
    namespace: 'Taro',
    name: 'getOpenUserInfo',
    summary: {
      en: 'Alipay only: promisified `my.getOpenUserInfo`; `res.response` is a JSON string.',
      zh: '仅支付宝：Promise 化的 `my.getOpenUserInfo`；`res.response` 是 JSON 字符串。',
    },
    details: {
      en: 'Runs `my.getOpenUserInfo` and resolves with `{ response: string }`. Parse it: the profile is at `JSON.parse(res.response).response`, and only `code === "10000"` means success. Call it after the user agreed through `<Button openType="getAuthorize" scope="userInfo">`.',
      zh: '执行 `my.getOpenUserInfo`，返回 `{ response: string }`。需先解析：资料位于 `JSON.parse(res.response).response`，只有 `code === "10000"` 表示成功。请在用户通过 `<Button openType="getAuthorize" scope="userInfo">` 同意后调用。',
    },
    signature: 'Taro.getOpenUserInfo(option?: { success?; fail?; complete? }): Promise<{ response: string }>',
    promise: true,
    plugin: { supported: false },
    options: callbackOptions('{ response: string }', alipayFail),
    result: [openUserInfoResponse],
    errors: [alipayNoAuthError, alipayNotBoundError],
    notes: [],
    rank: 2,
    platforms: ['alipay'],
    nativeApis: { alipay: 'my.getOpenUserInfo' },
    constraints: { responseIsJsonString: true, authorizeScope: 'userInfo' },
    docUrl: `${taroDocs}/alipay/getOpenUserInfo`,
    example: `const onGetAuthorize = async () => {
  const res = await Taro.getOpenUserInfo();
  const info = JSON.parse(res.response).response;
  if (info.code === '10000') setProfile({ nickName: info.nickName, avatar: info.avatar });
};
// <Button openType="getAuthorize" scope="userInfo" onGetAuthorize={onGetAuthorize}>Authorise</Button>`,
  },
  {
    id: 'Taro.getUserInfo',
    namespace: 'Taro',
    name: 'getUserInfo',
    summary: {
      en: 'Promisified old `getUserInfo`: anonymous data for new WeChat versions; being phased out on Douyin.',
      zh: 'Promise 化的旧 `getUserInfo`：微信上新发布的版本只返回匿名数据；抖音上正在逐步废弃。',
    },
    details: {
      en: "Runs the platform's own `getUserInfo` (WeChat, Douyin, also QQ and JD). On WeChat versions released after 2021-04-28 get anonymous data; on Douyin it needs `tt.login` first and is being phased out. Not available on Alipay, H5 or React Native.",
      zh: '执行所在平台自己的 `getUserInfo`（微信、抖音，以及 QQ、京东）。微信上 2021-04-28 之后发布的版本只能拿到匿名数据；抖音上需先 `tt.login`，且正在逐步废弃。支付宝、H5、React Native 上不可用。',
    },
    signature:
      "Taro.getUserInfo(option?: { withCredentials?: boolean; lang?: 'en' | 'zh_CN' | 'zh_TW'; success?; fail?; complete? }): Promise<SuccessCallbackResult>",
    promise: true,
    plugin: { supported: false },
    options: [
      {
        name: 'withCredentials',
        type: 'boolean',
        kind: 'boolean',
        required: false,
        description: {
          en: 'Also return `encryptedData`, `iv` and `signature`; needs a valid login session.',
          zh: '同时返回 `encryptedData`、`iv`、`signature`；需要有效的登录态。',
        },
      },
      langOption(['wechat']),
      ...callbackOptions('SuccessCallbackResult'),
    ],
    result: [...wechatUserInfoResult('wx.UserInfo'), errMsgField('getUserInfo')],
    errors: [],
    notes: [wx2021Note],
    deprecated: {
      en: 'Anonymous on WeChat for versions released after 2021-04-28, and being phased out on Douyin. Use the avatar/nickname fill-in on WeChat (`Taro.getUserProfile` is anonymous there too after 2022-11-08) and `Taro.getUserProfile` on Douyin.',
      zh: '微信上 2021-04-28 之后发布的版本返回匿名数据，抖音上正在逐步废弃。微信上请改用头像昵称填写（2022-11-08 之后 `Taro.getUserProfile` 在微信上同样返回匿名数据），抖音上请改用 `Taro.getUserProfile`。',
    },
    replacedBy: fillInReplacement,
    rank: 9,
    platforms: ['wechat', 'douyin'],
    nativeApis: { wechat: 'wx.getUserInfo', douyin: 'tt.getUserInfo' },
    otherTargets: [
      { target: 'QQ', supported: true },
      { target: 'JD', supported: true },
      { target: 'H5', supported: false },
      { target: 'React Native', supported: false },
      { target: 'Harmony', supported: false },
    ],
    docUrl: `${taroDocs}/open-api/user-info/getUserInfo`,
    example: `Taro.getUserInfo({ lang: 'zh_CN' })
  .then((res) => console.log(res.userInfo.nickName))
  .catch((err) => console.warn(err.errMsg));`,
  },
];
