/** Markup (WXML / AXML / TTML) components and attributes of the user-info flow. */
import { urls } from './common';
import type { Localized, MarkupAttributeEntry, MarkupValueEntry } from './types';

const getUserInfoDeprecated: Localized = {
  en: 'Anonymous data for versions released after 2021-04-28. Use `open-type="chooseAvatar"` with `<input type="nickname">` instead.',
  zh: '2021-04-28 之后发布的版本只返回匿名数据。请改用 `open-type="chooseAvatar"` 配合 `<input type="nickname">`。',
};

const openDataDeprecated: Localized = {
  en: 'Withdrawn from 2022-02-21 24:00: it shows a grey avatar, the nickname "微信用户" and empty gender, region and language. Use the avatar/nickname fill-in instead.',
  zh: '2022-02-21 24:00 起已下线：只显示灰色头像、昵称“微信用户”，性别、地区、语言为空。请改用头像昵称填写。',
};

const openTypeValues: MarkupValueEntry[] = [
  {
    value: 'chooseAvatar',
    platforms: ['wechat'],
    minVersion: '2.21.2',
    summary: {
      en: 'Lets the user pick an avatar (their WeChat one, a photo, or the camera).',
      zh: '让用户选择头像（微信头像、相册或拍照）。',
    },
    details: {
      en: 'The recommended way to get an avatar since WeChat made `getUserProfile` anonymous. `bind:chooseavatar` receives `e.detail.avatarUrl`, a **temporary** file path: upload it to your server to keep it. Since base library 2.24.4 the image is content-checked and a rejected one does not fire the event.',
      zh: '自微信让 `getUserProfile` 返回匿名数据后，这是获取头像的推荐方式。`bind:chooseavatar` 收到的 `e.detail.avatarUrl` 是**临时**文件路径：需上传到服务端保存。自基础库 2.24.4 起图片会经过内容安全检测，未通过时不会触发该事件。',
    },
    events: ['bind:chooseavatar'],
    docUrl: urls.wxUserProfileFillIn,
    example: '<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">\n  <image src="{{avatarUrl}}" />\n</button>',
  },
  {
    value: 'getPhoneNumber',
    platforms: ['wechat'],
    minVersion: '1.2.0',
    summary: {
      en: 'Asks for the phone number bound to the WeChat account.',
      zh: '请求获取用户微信绑定的手机号。',
    },
    details: {
      en: '`bindgetphonenumber` receives the result in `e.detail` (a `code` to exchange on the server, or encrypted data on older base libraries). A refusal shows up as an `errMsg` such as "getPhoneNumber:fail user deny".',
      zh: '`bindgetphonenumber` 在 `e.detail` 中收到结果（需在服务端换取的 `code`，旧基础库上为加密数据）。用户拒绝时 `errMsg` 类似 "getPhoneNumber:fail user deny"。',
    },
    events: ['bindgetphonenumber'],
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html',
    example: '<button open-type="getPhoneNumber" bindgetphonenumber="onGetPhoneNumber">Use my phone number</button>',
  },
  {
    value: 'getUserInfo',
    platforms: ['wechat'],
    // The button reference lists open-type getUserInfo from base library 1.3.0 (developers.weixin.qq.com
    // miniprogram/dev/component/button.html; restated in the WeChat developer community thread
    // community/develop/doc/7c929f51a9bf9d4f9cadab83c245e8c5).
    minVersion: '1.3.0',
    summary: {
      en: 'Old consent button for the user profile; anonymous for new versions.',
      zh: '旧的用户信息授权按钮；新版本只返回匿名数据。',
    },
    details: {
      en: '`bindgetuserinfo` receives `e.detail.userInfo`, which is anonymous (nickname "微信用户", grey avatar) for versions released after 2021-04-28.',
      zh: '`bindgetuserinfo` 收到 `e.detail.userInfo`；2021-04-28 之后发布的版本得到的是匿名数据（昵称“微信用户”、灰色头像）。',
    },
    deprecated: getUserInfoDeprecated,
    events: ['bindgetuserinfo'],
    docUrl: urls.wxButton,
    example: '<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">Log in</button>',
  },
  {
    value: 'getAuthorize',
    platforms: ['alipay'],
    summary: {
      en: 'Alipay consent button; `scope` says what is asked (`userInfo` or `phoneNumber`).',
      zh: '支付宝授权按钮；`scope` 指定申请的内容（`userInfo` 或 `phoneNumber`）。',
    },
    details: {
      en: 'On consent `onGetAuthorize` fires; call `my.getOpenUserInfo` (scope `userInfo`) or `my.getPhoneNumber` (scope `phoneNumber`) from it. A refusal or system error fires `onError` with `event.detail.type === "getAuthorize"`. Profile and phone number cannot be asked for in the same dialog.',
      zh: '用户同意后触发 `onGetAuthorize`，在其中调用 `my.getOpenUserInfo`（scope 为 `userInfo`）或 `my.getPhoneNumber`（scope 为 `phoneNumber`）。用户拒绝或系统异常时触发 `onError`，`event.detail.type` 为 "getAuthorize"。基础信息和手机号不能在同一个弹窗中申请。',
    },
    events: ['onGetAuthorize', 'onError'],
    docUrl: urls.alipayButton,
    example:
      '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">Use my Alipay profile</button>',
  },
];

export const markupAttributes: MarkupAttributeEntry[] = [
  {
    tag: 'button',
    name: 'open-type',
    kind: 'property',
    platforms: ['wechat', 'alipay'],
    summary: {
      en: 'Turns the button into a platform capability, such as a consent dialog.',
      zh: '让按钮触发平台开放能力，例如授权弹窗。',
    },
    values: openTypeValues,
    docUrl: urls.wxButton,
    example: '<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">Choose avatar</button>',
  },
  {
    tag: 'button',
    name: 'scope',
    kind: 'property',
    platforms: ['alipay'],
    summary: {
      en: 'What an `open-type="getAuthorize"` button asks for.',
      zh: '`open-type="getAuthorize"` 按钮申请的授权内容。',
    },
    values: [
      {
        value: 'userInfo',
        platforms: ['alipay'],
        summary: {
          en: 'Avatar and nickname; then call `my.getOpenUserInfo`.',
          zh: '头像和昵称；授权后调用 `my.getOpenUserInfo`。',
        },
        events: ['onGetAuthorize'],
        docUrl: 'https://opendocs.alipay.com/mini/api/ch8chh',
        example:
          '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">Authorise</button>',
      },
      {
        value: 'phoneNumber',
        platforms: ['alipay'],
        summary: {
          en: 'Phone number (enterprise mini-programs); then call `my.getPhoneNumber`.',
          zh: '手机号（企业主体小程序）；授权后调用 `my.getPhoneNumber`。',
        },
        events: ['onGetAuthorize'],
        docUrl: 'https://opendocs.alipay.com/mini/api/getphonenumber',
        example:
          '<button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onGetPhone" onError="onAuthError">Use my phone number</button>',
      },
    ],
    docUrl: urls.alipayButton,
    example: '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize">Authorise</button>',
  },
  {
    tag: 'button',
    name: 'onGetAuthorize',
    kind: 'event',
    platforms: ['alipay'],
    summary: {
      en: 'Handler called when the user agrees in the `getAuthorize` dialog; call `my.getOpenUserInfo` or `my.getPhoneNumber` from it.',
      zh: '用户在 `getAuthorize` 弹窗中同意后调用的处理函数；在其中调用 `my.getOpenUserInfo` 或 `my.getPhoneNumber`。',
    },
    docUrl: urls.alipayButton,
    example: '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize">Authorise</button>',
  },
  {
    tag: 'button',
    name: 'onError',
    kind: 'event',
    platforms: ['alipay'],
    summary: {
      en: 'Handler called when the user refuses or the authorisation fails; `event.detail.type` is "getAuthorize". Offer a manual fallback.',
      zh: '用户拒绝或授权失败时调用的处理函数；`event.detail.type` 为 "getAuthorize"。请提供手动填写等降级方案。',
    },
    docUrl: urls.alipayButton,
    example:
      '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">Authorise</button>',
  },
  {
    tag: 'button',
    name: 'bindgetuserinfo',
    aliases: ['bind:getuserinfo'],
    kind: 'event',
    platforms: ['wechat'],
    summary: {
      en: 'Handler for `open-type="getUserInfo"`; receives `e.detail.userInfo`, anonymous for new versions.',
      zh: '`open-type="getUserInfo"` 的处理函数；收到 `e.detail.userInfo`，新版本为匿名数据。',
    },
    deprecated: getUserInfoDeprecated,
    docUrl: urls.wxButton,
    example: '<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">Log in</button>',
  },
  {
    tag: 'button',
    name: 'bind:chooseavatar',
    aliases: ['bindchooseavatar'],
    kind: 'event',
    platforms: ['wechat'],
    minVersion: '2.21.2',
    summary: {
      en: 'Handler for `open-type="chooseAvatar"`; `e.detail.avatarUrl` is a temporary path to upload.',
      zh: '`open-type="chooseAvatar"` 的处理函数；`e.detail.avatarUrl` 是需要上传的临时路径。',
    },
    docUrl: urls.wxUserProfileFillIn,
    example: '<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">Choose avatar</button>',
  },
  {
    tag: 'button',
    name: 'bindgetphonenumber',
    aliases: ['bind:getphonenumber'],
    kind: 'event',
    platforms: ['wechat'],
    summary: {
      en: 'Handler for `open-type="getPhoneNumber"`; the result is in `e.detail`.',
      zh: '`open-type="getPhoneNumber"` 的处理函数；结果在 `e.detail` 中。',
    },
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html',
    example: '<button open-type="getPhoneNumber" bindgetphonenumber="onGetPhoneNumber">Use my phone number</button>',
  },
  {
    tag: 'input',
    name: 'type',
    kind: 'property',
    platforms: ['wechat'],
    summary: { en: 'Input type; `nickname` offers the WeChat nickname.', zh: '输入框类型；`nickname` 会提供微信昵称。' },
    values: [
      {
        value: 'nickname',
        platforms: ['wechat'],
        minVersion: '2.21.2',
        summary: {
          en: "Shows the user's WeChat nickname above the keyboard for one-tap fill-in.",
          zh: '在键盘上方展示用户的微信昵称，一键填入。',
        },
        details: {
          en: 'Part of the avatar/nickname fill-in that replaced `getUserProfile`. Since base library 2.24.4 the text is content-checked, and a rejected nickname is cleared asynchronously after the input loses focus: read the value from a `<form>` submitted by a `form-type="submit"` button, not from `bindinput` or `bindblur`.',
          zh: '属于替代 `getUserProfile` 的头像昵称填写能力。自基础库 2.24.4 起会进行内容安全检测，未通过的昵称会在失焦后被异步清空：请在由 `form-type="submit"` 按钮提交的 `<form>` 中读取值，而不要在 `bindinput` 或 `bindblur` 中读取。',
        },
        docUrl: urls.wxUserProfileFillIn,
        example:
          '<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" placeholder="Nickname" />\n  <button form-type="submit">Save</button>\n</form>',
      },
    ],
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/component/input.html',
    example: '<input type="nickname" name="nickName" placeholder="Nickname" />',
  },
  {
    tag: 'open-data',
    name: 'type',
    kind: 'property',
    platforms: ['wechat'],
    summary: {
      en: "Which piece of the user's data `<open-data>` displays (withdrawn in 2022).",
      zh: '`<open-data>` 展示的用户数据类型（2022 年已下线）。',
    },
    deprecated: openDataDeprecated,
    values: (
      [
        ['userNickName', 'nickname', '昵称'],
        ['userAvatarUrl', 'avatar', '头像'],
        ['userGender', 'gender', '性别'],
        ['userCity', 'city', '城市'],
        ['userProvince', 'province', '省份'],
        ['userCountry', 'country', '国家'],
        ['userLanguage', 'language', '语言'],
      ] as const
    ).map(([value, en, zh]) => ({
      value,
      platforms: ['wechat'],
      summary: { en: `Displays the user's ${en}.`, zh: `展示用户的${zh}。` },
      deprecated: openDataDeprecated,
      docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/component/open-data.html',
      example: `<open-data type="${value}"></open-data>`,
    })),
    docUrl: 'https://developers.weixin.qq.com/miniprogram/dev/component/open-data.html',
    example: '<open-data type="userNickName"></open-data>',
  },
];
