/** Markup (WXML / AXML / TTML) components and attributes of the user-info flow. */
import { fillInReplacement, urls } from './common';
import type { FieldEntry, Localized, MarkupAttributeEntry, MarkupValueEntry } from './types';

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
    // A privacy interface: FACTS §11; `chooseAvatar:fail api scope is not declared in the privacy agreement` is
    // reported in community/personal/oCJUsw0l_xdej4-UD3wOt9_V5niE/question.
    privacyInterface: true,
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
    replacedBy: fillInReplacement,
    privacyInterface: true,
    events: ['bindgetuserinfo'],
    docUrl: urls.wxButton,
    example: '<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">Log in</button>',
  },
  {
    value: 'agreePrivacyAuthorization',
    platforms: ['wechat'],
    // button.html lists it from base library 2.32.3; FACTS §11; wx.onNeedPrivacyAuthorization page.
    minVersion: '2.32.3',
    summary: {
      en: "The user's agreement to the privacy guide: one tap lets every declared privacy interface run.",
      zh: '用户同意隐私保护指引的按钮：点击一次后，所有已声明的隐私接口都可以正常调用。',
    },
    details: {
      en: 'Put it in your privacy prompt and give it an `id`. The agreement is delivered by `bindagreeprivacyauthorization`, not by `bindtap`: call `resolve({ buttonId, event: "agree" })` of `wx.onNeedPrivacyAuthorization` from that handler, since the base library checks that the button with that `id` was tapped.',
      zh: '放在隐私提示中并设置 `id`。同意通过 `bindagreeprivacyauthorization` 传递，而不是 `bindtap`：请在该处理函数中调用 `wx.onNeedPrivacyAuthorization` 的 `resolve({ buttonId, event: "agree" })`，基础库会检查该 `id` 的按钮是否被点击过。',
    },
    events: ['bindagreeprivacyauthorization'],
    docUrl: urls.wxPrivacyGuide,
    example:
      '<button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgreePrivacy">Agree</button>',
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

const nicknameCheck: Localized = {
  en: 'On a `type="nickname"` input, WeChat checks the text after the input loses focus (base library 2.24.4+) and clears a rejected nickname asynchronously, so the value seen here may still be thrown away: read the nickname from the `<form>` submit instead.',
  zh: '在 `type="nickname"` 的输入框上，微信会在失焦后检测内容（基础库 2.24.4 起），并异步清空未通过的昵称，因此这里拿到的值仍可能被丢弃：请改为在 `<form>` 提交时读取昵称。',
};

const valueDetail: FieldEntry = {
  name: 'value',
  type: 'string',
  description: { en: 'The text in the input.', zh: '输入框中的文本。' },
};

/**
 * The events of `<input>` that a nickname fill-in uses. `bindinput`/`bindblur` and their `detail.value`: input.html;
 * the content check after blur: userProfile.html (FACTS §10). `bindnicknamereview` with `detail = { pass, timeout }`:
 * WeChat's input.html as quoted by uni-helper/uni-typed PR #24 and Taro's Input types (`onNickNameReview`,
 * `@supported weapp`); its minimum base library is not stated in a source we have, so none is given.
 */
function nicknameInputEvents(): MarkupAttributeEntry[] {
  const base = { tag: 'input', kind: 'event' as const, platforms: ['wechat' as const], docUrl: urls.wxInput };
  return [
    {
      ...base,
      name: 'bindinput',
      aliases: ['bind:input'],
      summary: {
        en: 'Handler called on every keystroke; `e.detail.value` is the current text.',
        zh: '每次输入时调用的处理函数；`e.detail.value` 为当前文本。',
      },
      details: nicknameCheck,
      spellings: { taro: 'onInput', uniApp: '@input' },
      detail: [valueDetail],
      example: '<input type="nickname" name="nickName" bindinput="onNicknameInput" />',
    },
    {
      ...base,
      name: 'bindblur',
      aliases: ['bind:blur'],
      summary: {
        en: 'Handler called when the input loses focus; `e.detail.value` is the text.',
        zh: '输入框失去焦点时调用的处理函数；`e.detail.value` 为文本。',
      },
      details: nicknameCheck,
      spellings: { taro: 'onBlur', uniApp: '@blur' },
      detail: [valueDetail],
      example: '<input type="nickname" name="nickName" bindblur="onNicknameBlur" />',
    },
    {
      ...base,
      name: 'bindnicknamereview',
      aliases: ['bind:nicknamereview'],
      summary: {
        en: 'Handler called when WeChat has finished checking a `type="nickname"` input; `e.detail.pass` says whether it passed.',
        zh: '微信完成对 `type="nickname"` 输入框的内容检测后调用的处理函数；`e.detail.pass` 表示是否通过。',
      },
      spellings: { taro: 'onNickNameReview', uniApp: '@nicknamereview' },
      detail: [
        {
          name: 'pass',
          type: 'boolean',
          description: { en: 'Whether the nickname passed the content check.', zh: '昵称是否通过内容安全检测。' },
        },
        {
          name: 'timeout',
          type: 'boolean',
          description: { en: 'Whether the check timed out.', zh: '检测是否超时。' },
        },
      ],
      example: '<input type="nickname" name="nickName" bindnicknamereview="onNicknameReview" />',
    },
  ];
}

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
    // Taro: docs.taro.zone/docs/components/forms/button (`openType`); uni-app keeps the mini-program name.
    spellings: { taro: 'openType', uniApp: 'open-type' },
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
    // Taro's Button types (`onGetUserInfo`); uni-app `@getuserinfo` (FACTS §9).
    spellings: { taro: 'onGetUserInfo', uniApp: '@getuserinfo' },
    deprecated: getUserInfoDeprecated,
    replacedBy: fillInReplacement,
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
    details: {
      en: 'It fires only when the user picked an image that passed the content check (base library 2.24.4+); cancelling fires nothing (a WeChat community thread asks for a cancel event). Upload the file (`wx.uploadFile`, `wx.cloud.uploadFile`) before storing the address or sending it to your server: the temporary path is only valid on this device.',
      zh: '只有用户选择了通过内容安全检测的图片时才会触发（基础库 2.24.4 起）；取消选择不会触发任何事件（微信社区有帖子请求增加取消事件）。在保存地址或发给服务端之前请先上传文件（`wx.uploadFile`、`wx.cloud.uploadFile`）：临时路径只在本机有效。',
    },
    // Taro's Button types (`onChooseAvatar`, 获取用户头像回调); uni-app `@chooseavatar` (FACTS §9).
    // No cancel event: community/develop/doc/0006081d7485507c3dce2cb0551400.
    spellings: { taro: 'onChooseAvatar', uniApp: '@chooseavatar' },
    detail: [
      {
        name: 'avatarUrl',
        type: 'string',
        description: {
          en: 'Temporary local path of the chosen avatar. Upload it to keep it; a stored or sent temporary path stops working.',
          zh: '所选头像的本地临时路径。需上传才能长期保存；直接保存或发送临时路径，之后将无法使用。',
        },
      },
    ],
    docUrl: urls.wxUserProfileFillIn,
    example: '<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">Choose avatar</button>',
  },
  {
    tag: 'button',
    name: 'bindagreeprivacyauthorization',
    aliases: ['bind:agreeprivacyauthorization'],
    kind: 'event',
    platforms: ['wechat'],
    minVersion: '2.32.3',
    summary: {
      en: 'Handler for `open-type="agreePrivacyAuthorization"`: the user agreed to the privacy guide. Call `resolve({ buttonId, event: "agree" })` from it.',
      zh: '`open-type="agreePrivacyAuthorization"` 的处理函数：用户同意了隐私保护指引。请在其中调用 `resolve({ buttonId, event: "agree" })`。',
    },
    details: {
      en: 'This event, not `bindtap`, is what records the agreement: the base library accepts `resolve({ buttonId, event: "agree" })` only after the button with that `id` fired it.',
      zh: '记录同意的是这个事件，而不是 `bindtap`：只有在该 `id` 的按钮触发此事件之后，基础库才认可 `resolve({ buttonId, event: "agree" })`。',
    },
    // Taro's Button types (`onAgreePrivacyAuthorization`, 用户同意隐私协议事件回调); uni-app must write
    // `@agreeprivacyauthorization` (community/develop/article/doc/0004ca3ee287e884fc30e9ef566413).
    spellings: { taro: 'onAgreePrivacyAuthorization', uniApp: '@agreeprivacyauthorization' },
    docUrl: urls.wxPrivacyGuide,
    example:
      '<button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgreePrivacy">Agree</button>',
  },
  {
    tag: 'button',
    name: 'form-type',
    kind: 'property',
    platforms: ['wechat'],
    summary: {
      en: 'Makes the button submit or reset the `<form>` around it.',
      zh: '让按钮提交或重置外层的 `<form>`。',
    },
    values: [
      {
        value: 'submit',
        platforms: ['wechat'],
        summary: {
          en: "Submits the form: its `bindsubmit` handler receives every named field in `e.detail.value`. WeChat's advice for reading the nickname.",
          zh: '提交表单：`bindsubmit` 处理函数在 `e.detail.value` 中收到所有带 `name` 的字段。微信建议用这种方式读取昵称。',
        },
        docUrl: urls.wxButton,
        example: '<button form-type="submit">Save</button>',
      },
      {
        value: 'reset',
        platforms: ['wechat'],
        summary: { en: 'Resets the form.', zh: '重置表单。' },
        docUrl: urls.wxButton,
        example: '<button form-type="reset">Clear</button>',
      },
    ],
    spellings: { taro: 'formType', uniApp: 'form-type' },
    docUrl: urls.wxButton,
    example:
      '<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" />\n  <button form-type="submit">Save</button>\n</form>',
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
        // input.html lists `nickname` from base library 2.21.2; a privacy interface (FACTS §11).
        privacyInterface: true,
        docUrl: urls.wxUserProfileFillIn,
        example:
          '<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" placeholder="Nickname" />\n  <button form-type="submit">Save</button>\n</form>',
      },
    ],
    spellings: { taro: 'type', uniApp: 'type' },
    docUrl: urls.wxInput,
    example: '<input type="nickname" name="nickName" placeholder="Nickname" />',
  },
  ...nicknameInputEvents(),
  {
    tag: 'form',
    name: 'bindsubmit',
    aliases: ['bind:submit'],
    kind: 'event',
    platforms: ['wechat'],
    summary: {
      en: 'Handler called when a `form-type="submit"` button submits the form; `e.detail.value` holds each field by its `name`.',
      zh: '`form-type="submit"` 按钮提交表单时调用的处理函数；`e.detail.value` 以 `name` 为键包含各字段的值。',
    },
    details: {
      en: 'The place to read a `type="nickname"` input: by the time the user submits, WeChat\'s content check has run and a rejected nickname is already cleared.',
      zh: '读取 `type="nickname"` 输入框的推荐位置：用户提交时微信的内容安全检测已经完成，未通过的昵称已被清空。',
    },
    // form.html: bindsubmit, event.detail = { value: { name: value }, formId }; userProfile.html for the nickname.
    spellings: { taro: 'onSubmit', uniApp: '@submit' },
    detail: [
      {
        name: 'value',
        type: 'Record<string, unknown>',
        description: {
          en: 'The value of every form control that has a `name`, keyed by that name (`e.detail.value.nickName`).',
          zh: '所有设置了 `name` 的表单控件的值，以 `name` 为键（如 `e.detail.value.nickName`）。',
        },
      },
    ],
    docUrl: urls.wxForm,
    example:
      '<form bindsubmit="onSubmit">\n  <input type="nickname" name="nickName" />\n  <button form-type="submit">Save</button>\n</form>',
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
