/**
 * WeChat's privacy agreement (2023): the APIs that query and drive the user's agreement, the two errors a
 * privacy interface fails with when the agreement flow is missing, and Taro's wrappers of those APIs.
 *
 * Sources: the API pages under developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/ (base library
 * 2.32.3, no Promise style, not in plugins), the guide framework/user-privacy/PrivacyAuthorize.html and
 * ../shared/FACTS.md §11; Taro: docs.taro.zone/docs/apis/open-api/privacy/* and the `@supported weapp` tags of
 * NervJS/taro `packages/taro/types/api/open-api/privacy.d.ts` (each returns `void`).
 */
import { callbackOptions, errMsgField, urls } from './common';
import type { ApiEntry, ErrorEntry, FieldEntry, TypeEntry } from './types';

const privacySince = '2.32.3';

/**
 * `API:fail privacy permission is not authorized`, errno 104. The wx.onNeedPrivacyAuthorization page documents
 * the message for a `resolve({ event: 'disagree' })`; FACTS §11 gives errno 104 for "the user has not agreed".
 * Community reports show it with each API's own name (`getUserInfo:fail …`, `getPhoneNumber:fail …`) and once
 * misspelt "authroized" (community/develop/doc/00042e3ef54940ce8520e38db61801), hence the loose pattern.
 */
export const wxPrivacyNotAuthorizedError: ErrorEntry = {
  errMsg: 'API:fail privacy permission is not authorized',
  // The reason alone identifies the error: code that tests `err.errMsg.includes('privacy permission …')` gets the hover.
  pattern: 'privacy permission is not auth',
  errno: 104,
  anyApi: true,
  cause: {
    en: 'The user has not agreed to the privacy guide, and the call collects data it covers (avatar, nickname, phone number, location, album …). Either no agreement flow ran before the call, or it ended with `resolve({ event: "disagree" })`. Base libraries from 2.32.3 check this.',
    zh: '用户尚未同意隐私保护指引，而本次调用会收集指引所涵盖的信息（头像、昵称、手机号、位置、相册等）。要么调用前没有走同意流程，要么流程以 `resolve({ event: "disagree" })` 结束。基础库 2.32.3 起会做此检查。',
  },
  fix: {
    en: 'Ask for the agreement first: show your privacy prompt from `wx.onNeedPrivacyAuthorization` (or when `wx.getPrivacySetting` reports `needAuthorization`), with a `<button open-type="agreePrivacyAuthorization">`, and call `resolve({ buttonId, event: "agree" })` only from that button\'s `bindagreeprivacyauthorization` handler.',
    zh: '先征得同意：在 `wx.onNeedPrivacyAuthorization` 中（或 `wx.getPrivacySetting` 返回 `needAuthorization` 时）弹出隐私提示，放一个 `<button open-type="agreePrivacyAuthorization">`，并且只在该按钮的 `bindagreeprivacyauthorization` 处理函数中调用 `resolve({ buttonId, event: "agree" })`。',
  },
  docUrl: urls.wxPrivacyGuide,
};

/**
 * `API:fail api scope is not declared in the privacy agreement`, errno 112: FACTS §11 and the "常见错误" of the
 * PrivacyAuthorize guide (quoted in community/develop/article/doc/00046224e00c88f523907869962813 and
 * community/personal/oCJUsw0Pc6c33wzP-y0maPqCHRIU/fav: an updated guide takes effect once it passes review).
 */
export const wxPrivacyNotDeclaredError: ErrorEntry = {
  errMsg: 'API:fail api scope is not declared in the privacy agreement',
  pattern: 'api scope is not declared in the privacy agreement',
  errno: 112,
  anyApi: true,
  cause: {
    en: "The mini-program's privacy guide (admin console: Settings → Service content declaration → User privacy protection guide) does not declare the kind of data this interface collects, so WeChat refuses the call whatever the user does.",
    zh: '小程序的隐私保护指引（mp 后台“设置 - 服务内容声明 - 用户隐私保护指引”）没有声明该接口收集的信息类型，因此无论用户如何操作，微信都会拒绝调用。',
  },
  fix: {
    en: 'Declare that data type in the privacy guide (for the avatar/nickname fill-in and the profile APIs: user information, avatar and nickname) and wait until the updated guide passes review. No code change fixes it.',
    zh: '在隐私保护指引中声明该信息类型（头像昵称填写和用户信息接口对应“用户信息（头像、昵称）”），并等待更新后的指引审核通过。改代码无法解决此问题。',
  },
  docUrl: urls.wxPrivacyGuide,
};

/** The privacy errors every privacy interface can report. */
export const wxPrivacyErrors: ErrorEntry[] = [wxPrivacyNotAuthorizedError, wxPrivacyNotDeclaredError];

const privacySettingResult: FieldEntry[] = [
  {
    name: 'needAuthorization',
    type: 'boolean',
    description: {
      en: 'True when the privacy guide declares data the user has not agreed to yet (also after new data types were added to a guide the user agreed to earlier); false when the guide declares nothing or the user already agreed.',
      zh: '隐私保护指引中声明了用户尚未同意的信息类型时为 true（用户同意后指引又新增了类型也为 true）；指引未声明任何类型或用户已同意时为 false。',
    },
  },
  {
    name: 'privacyContractName',
    type: 'string',
    description: {
      en: 'The name of the privacy guide, e.g. "《xxx隐私保护指引》", to show in your prompt.',
      zh: '隐私保护指引的名称，例如“《xxx隐私保护指引》”，可在提示中展示。',
    },
  },
];

const privacyListener: FieldEntry[] = [
  {
    name: 'resolve',
    type: "(option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void",
    typeRef: 'wx.PrivacyResolveOption',
    description: {
      en: "Settles the pending privacy call. `{ event: 'agree', buttonId }` lets it continue, but only after the `<button open-type=\"agreePrivacyAuthorization\">` whose `id` is `buttonId` fired `bindagreeprivacyauthorization` (the base library checks that the button was tapped); `{ event: 'disagree' }` makes it fail with errno 104; `{ event: 'exposureAuthorization' }` reports that your prompt was shown.",
      zh: "结束处于等待状态的隐私调用。`{ event: 'agree', buttonId }` 让调用继续，但必须在 `id` 为 `buttonId` 的 `<button open-type=\"agreePrivacyAuthorization\">` 触发 `bindagreeprivacyauthorization` 之后调用（基础库会检查该按钮是否被点击过）；`{ event: 'disagree' }` 让调用以 errno 104 失败；`{ event: 'exposureAuthorization' }` 告知平台隐私弹窗已展示。",
    },
  },
  {
    name: 'eventInfo',
    type: '{ referrer: string }',
    typeRef: 'wx.PrivacyEventInfo',
    description: {
      en: 'What triggered the event: `referrer` names the API or component, e.g. "getUserProfile" or "button.getPhoneNumber".',
      zh: '触发本次事件的信息：`referrer` 为接口或组件名，例如 "getUserProfile"、"button.getPhoneNumber"。',
    },
  },
];

const onNeedUrl = `${urls.wxPrivacyApi}/wx.onNeedPrivacyAuthorization.html`;

/** The argument of `resolve` and the listener's `eventInfo`, from the wx.onNeedPrivacyAuthorization page. */
export const privacyTypes: TypeEntry[] = [
  {
    id: 'wx.PrivacyResolveOption',
    name: 'PrivacyResolveOption',
    summary: {
      en: "What `resolve` of `wx.onNeedPrivacyAuthorization` is told: the user's answer and the agree button.",
      zh: '传给 `wx.onNeedPrivacyAuthorization` 的 `resolve` 的参数：用户的选择以及同意按钮。',
    },
    fields: [
      {
        name: 'event',
        type: "'exposureAuthorization' | 'agree' | 'disagree'",
        description: { en: 'What the user did (required).', zh: '用户的操作类型（必填）。' },
        values: [
          {
            value: 'exposureAuthorization',
            description: { en: 'your privacy prompt was shown', zh: '自定义隐私弹窗已曝光' },
          },
          {
            value: 'agree',
            description: {
              en: 'the user agreed; needs `buttonId`, and only counts after that button fired `bindagreeprivacyauthorization`',
              zh: '用户同意；需要 `buttonId`，且只有在该按钮触发 `bindagreeprivacyauthorization` 之后才有效',
            },
          },
          {
            value: 'disagree',
            description: {
              en: 'the user refused; the pending call fails with errno 104',
              zh: '用户拒绝；等待中的调用以 errno 104 失败',
            },
          },
        ],
      },
      {
        name: 'buttonId',
        type: 'string',
        description: {
          en: 'The `id` of the `<button open-type="agreePrivacyAuthorization">` the user tapped; required when `event` is "agree".',
          zh: '用户点击的 `<button open-type="agreePrivacyAuthorization">` 的 `id`；`event` 为 "agree" 时必填。',
        },
      },
    ],
    docUrl: onNeedUrl,
  },
  {
    id: 'wx.PrivacyEventInfo',
    name: 'PrivacyEventInfo',
    summary: {
      en: 'Which call triggered `wx.onNeedPrivacyAuthorization`.',
      zh: '触发 `wx.onNeedPrivacyAuthorization` 的调用信息。',
    },
    fields: [
      {
        name: 'referrer',
        type: 'string',
        description: {
          en: 'The API or component that needs the agreement, e.g. "getUserProfile" or "button.getPhoneNumber".',
          zh: '需要用户同意的接口或组件名，例如 "getUserProfile"、"button.getPhoneNumber"。',
        },
      },
    ],
    docUrl: onNeedUrl,
  },
];

const requireDetails = {
  en: 'Acts as a privacy interface without collecting anything. If the user already agreed, `success` runs at once. Otherwise it fires the `wx.onNeedPrivacyAuthorization` listener: `resolve({ event: "agree", buttonId })` then runs `success`, `resolve({ event: "disagree" })` runs `fail`. Use it to ask for the agreement before the first real privacy call; it is optional.',
  zh: '相当于一次不收集任何信息的隐私接口调用。若用户已同意，立即执行 `success`；否则触发 `wx.onNeedPrivacyAuthorization` 的监听函数：之后调用 `resolve({ event: "agree", buttonId })` 会执行 `success`，`resolve({ event: "disagree" })` 会执行 `fail`。可在第一次真正调用隐私接口之前用它征求同意；并非必须调用。',
};

export const wechatPrivacyApis: ApiEntry[] = [
  {
    id: 'wx.getPrivacySetting',
    namespace: 'wx',
    name: 'getPrivacySetting',
    role: 'support',
    summary: {
      en: 'Tells whether the user still has to agree to the privacy guide (`needAuthorization`).',
      zh: '查询用户是否还需要同意隐私保护指引（`needAuthorization`）。',
    },
    details: {
      en: 'Reads the agreement state without asking anything: show your privacy prompt when `needAuthorization` is true. Optional: `wx.onNeedPrivacyAuthorization` tells you the same at the moment a privacy call needs it.',
      zh: '只读取同意状态，不会弹窗：`needAuthorization` 为 true 时展示你的隐私提示。此接口并非必须：`wx.onNeedPrivacyAuthorization` 会在隐私调用需要时通知你。',
    },
    signature:
      'wx.getPrivacySetting(options?: { success?: (res: { needAuthorization: boolean; privacyContractName: string }) => void; fail?; complete? }): void',
    minVersion: privacySince,
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ needAuthorization: boolean; privacyContractName: string }'),
    result: [...privacySettingResult, errMsgField('getPrivacySetting')],
    errors: [],
    notes: [],
    rank: 4,
    docUrl: `${urls.wxPrivacyApi}/wx.getPrivacySetting.html`,
    example: `// WXML: <button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">Agree</button>
Page({
  onLoad() {
    wx.getPrivacySetting({
      success: (res) => this.setData({ showPrivacy: res.needAuthorization, contract: res.privacyContractName }),
    });
  },
});`,
  },
  {
    id: 'wx.requirePrivacyAuthorize',
    namespace: 'wx',
    name: 'requirePrivacyAuthorize',
    role: 'support',
    summary: {
      en: 'Runs the privacy agreement flow now, as a privacy call would; `success` once the user agreed.',
      zh: '像隐私接口调用一样立即触发隐私同意流程；用户同意后执行 `success`。',
    },
    details: requireDetails,
    signature: 'wx.requirePrivacyAuthorize(options?: { success?; fail?; complete? }): void',
    minVersion: privacySince,
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ errMsg: string }'),
    result: [errMsgField('requirePrivacyAuthorize')],
    errors: [],
    notes: [],
    rank: 5,
    docUrl: `${urls.wxPrivacyApi}/wx.requirePrivacyAuthorize.html`,
    example: `wx.requirePrivacyAuthorize({
  success: () => {
    // The user agreed: privacy interfaces work from here on.
  },
  fail: () => wx.showToast({ title: 'Agree to the privacy guide to continue', icon: 'none' }),
});`,
  },
  {
    id: 'wx.onNeedPrivacyAuthorization',
    namespace: 'wx',
    name: 'onNeedPrivacyAuthorization',
    role: 'support',
    summary: {
      en: 'Listens for a privacy call that needs the user to agree; show your prompt, then `resolve` it.',
      zh: '监听需要用户同意隐私协议的隐私调用；展示你的隐私提示后调用 `resolve`。',
    },
    details: {
      en: 'The call or component that triggered the event stays pending until you call `resolve`. Show your privacy prompt with a `<button id="agree-btn" open-type="agreePrivacyAuthorization">`; in its `bindagreeprivacyauthorization` handler call `resolve({ buttonId: "agree-btn", event: "agree" })`, which the base library only accepts after that button was tapped. `resolve({ event: "disagree" })` makes the pending call fail with `…:fail privacy permission is not authorized` (errno 104). Registering the listener again replaces the previous one (community report).',
      // "Registering again replaces": community/develop/article/doc/000c0690728730511d40ba9056ac13 (覆盖式注册监听).
      zh: '触发事件的接口或组件会一直处于等待状态，直到你调用 `resolve`。展示带有 `<button id="agree-btn" open-type="agreePrivacyAuthorization">` 的隐私提示；在它的 `bindagreeprivacyauthorization` 处理函数中调用 `resolve({ buttonId: "agree-btn", event: "agree" })`，基础库只有在该按钮被点击过后才认可。`resolve({ event: "disagree" })` 会让等待中的调用以 `…:fail privacy permission is not authorized`（errno 104）失败。重复注册会覆盖之前的监听（社区反馈）。',
    },
    signature:
      "wx.onNeedPrivacyAuthorization(listener: (resolve: (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void, eventInfo: { referrer: string }) => void): void",
    minVersion: privacySince,
    promise: false,
    plugin: { supported: false },
    options: [],
    result: [],
    listener: privacyListener,
    errors: [wxPrivacyNotAuthorizedError],
    notes: [],
    rank: 6,
    docUrl: onNeedUrl,
    example: `// WXML: <button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">Agree</button>
let resolvePrivacy;
wx.onNeedPrivacyAuthorization((resolve) => {
  resolvePrivacy = resolve;
  // Show your privacy prompt here.
});
Page({
  onAgree() {
    resolvePrivacy?.({ buttonId: 'agree-btn', event: 'agree' });
  },
});`,
  },
  {
    id: 'wx.openPrivacyContract',
    namespace: 'wx',
    name: 'openPrivacyContract',
    role: 'support',
    summary: {
      en: "Opens the mini-program's privacy guide page.",
      zh: '打开小程序的隐私保护指引页面。',
    },
    details: {
      en: 'Link it from your privacy prompt so the user can read the guide before agreeing. WeChat recommends it, though you may show the full guide in your own page instead.',
      zh: '可在隐私提示中提供入口，让用户同意前阅读指引。微信推荐使用此接口，也可以在自己的页面中展示完整指引。',
    },
    signature: 'wx.openPrivacyContract(options?: { success?; fail?; complete? }): void',
    minVersion: privacySince,
    promise: false,
    plugin: { supported: false },
    options: callbackOptions('{ errMsg: string }'),
    result: [errMsgField('openPrivacyContract')],
    errors: [],
    notes: [],
    rank: 7,
    docUrl: `${urls.wxPrivacyApi}/wx.openPrivacyContract.html`,
    example: `Page({
  onTapContract() {
    wx.openPrivacyContract({ fail: () => wx.showToast({ title: 'Could not open the guide', icon: 'none' }) });
  },
});`,
  },
];

const taroPrivacyDocs = 'https://docs.taro.zone/docs/apis/open-api/privacy';

/** Taro's wrappers: one entry per WeChat API, `@supported weapp`, typed as returning `void`. */
export const taroPrivacyApis: ApiEntry[] = wechatPrivacyApis.map(({ minVersion: _nativeOnly, ...native }) => ({
  ...native,
  id: `Taro.${native.name}`,
  namespace: 'Taro',
  signature: native.signature.replace(/^wx\./, 'Taro.'),
  summary: {
    en: `WeChat only: runs \`${native.id}\`. ${native.summary.en}`,
    zh: `仅微信：执行 \`${native.id}\`。${native.summary.zh}`,
  },
  plugin: { supported: false },
  platforms: ['wechat'],
  nativeApis: { wechat: native.id },
  docUrl: `${taroPrivacyDocs}/${native.name}`,
  example: native.example.replace(/\bwx\./g, 'Taro.').replace(/^\/\/ WXML: .*\n/, ''),
}));
