/**
 * Whole user-info flows, offered as completion snippets: the consent step, the call and the result
 * handling in one correct piece. A flow's body is written once; the page-member and whole-page forms
 * wrap it.
 */
import type { FlowSnippet } from './types';

/** Indents every non-empty line of a template by `depth` tabs. */
function indent(text: string, depth = 1): string {
  const pad = '\t'.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** A `Page({...})` holding `members`, with an optional markup hint above it. */
function page(members: string, markupHint?: string, data?: string): string {
  return [
    ...(markupHint ? [`// ${markupHint}`] : []),
    'Page({',
    ...(data ? [`\tdata: ${data},`] : []),
    indent(members),
    '});',
  ].join('\n');
}

/** A page method called `name` running `body`. */
function method(name: string, body: string, parameter = ''): string {
  return `${name}(${parameter}) {\n${indent(body)}\n},`;
}

const wxProfileBody = `wx.getUserProfile({
	desc: '\${1:用于完善会员资料}',
	success: (res) => {
		this.setData({ userInfo: res.userInfo });$0
	},
	fail: () => {
		// The user said no: let them fill in an avatar and nickname instead.
	},
});`;

const wxProfileMarkup = '<button bindtap="onTapProfile">Use my WeChat profile</button>';

const taroProfileBody = `Taro.getUserProfile({ desc: '\${1:用于完善会员资料}' })
	.then((res) => {
		$0
	})
	.catch(() => {
		// The user said no: let them fill in an avatar and nickname instead.
	});`;

const ttLoginBody = `tt.login({
	success: () => {
		tt.getUserInfo({
			success: (res) => {
				$0
			},
			fail: (err) => {
				console.warn(err.errMsg);
			},
		});
	},
	fail: (err) => {
		console.warn(err.errMsg);
	},
});`;

const alipayBody = `my.getOpenUserInfo({
	success: (res) => {
		const info = JSON.parse(res.response).response;
		if (info.code === '10000') {
			this.setData({ nickName: info.nickName, avatar: info.avatar });$0
		}
	},
	fail: (err) => {
		console.warn(err.errorMessage);
	},
});`;

const alipayMarkup =
  '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">Use my Alipay profile</button>';

const alipayMembers = `${method('onGetAuthorize', alipayBody)}
${method('onAuthError', '// The user said no: offer a form instead.')}`;

const fillInMarkup =
  '<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar"><image src="{{avatarUrl}}" /></button> <form bindsubmit="onSubmitProfile"><input type="nickname" name="nickName" /><button form-type="submit">Save</button></form>';

const fillInMembers = `${method(
  'onChooseAvatar',
  '// A temporary path: upload it to your server to keep it.\nthis.setData({ avatarUrl: e.detail.avatarUrl });$0',
  'e',
)}
${method(
  'onSubmitProfile',
  // FACTS §10: a rejected nickname is cleared asynchronously after blur, so read it from the submitted form.
  '// Read on submit: a nickname that fails the content check is cleared after blur.\nthis.setData({ nickName: e.detail.value.nickName });',
  'e',
)}`;

// The agreement prompt, after the example of the wx.requirePrivacyAuthorize page (listener registered in onLoad,
// `resolve` kept on the page, an `agreePrivacyAuthorization` button with an id) and wx.onNeedPrivacyAuthorization
// (call `resolve({ buttonId, event: 'agree' })` only after `bindagreeprivacyauthorization` fired).
const privacyMarkup =
  '<view wx:if="{{showPrivacy}}"><button bindtap="onDisagreePrivacy">Decline</button><button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgreePrivacy">Agree</button></view>';

const privacyMembers = `${method(
  'onLoad',
  `wx.onNeedPrivacyAuthorization((resolve) => {
	this.resolvePrivacy = resolve;
	this.setData({ showPrivacy: true });$0
});`,
)}
${method(
  'onAgreePrivacy',
  "// Only this event records the agreement: the base library checks that the button with this id was tapped.\nthis.resolvePrivacy({ buttonId: 'agree-btn', event: 'agree' });\nthis.setData({ showPrivacy: false });",
)}
${method(
  'onDisagreePrivacy',
  "// The pending call fails with errno 104.\nthis.resolvePrivacy({ event: 'disagree' });\nthis.setData({ showPrivacy: false });",
)}`;

export const flowSnippets: FlowSnippet[] = [
  {
    id: 'wx-profile-tap',
    label: { en: 'getUserProfile in a tap handler', zh: '在点击事件中调用 getUserProfile' },
    description: {
      en: 'A button bound with `bindtap` whose handler calls `wx.getUserProfile` synchronously with a short `desc` and handles refusal.',
      zh: '按钮用 `bindtap` 绑定处理函数，在其中同步调用 `wx.getUserProfile`，填写简短的 `desc` 并处理用户拒绝。',
    },
    platforms: ['wechat'],
    namespace: 'wx',
    apis: ['wx.getUserProfile'],
    markup: wxProfileMarkup,
    templates: {
      module: page(method('onTapProfile', wxProfileBody), wxProfileMarkup, '{ userInfo: null }'),
      member: method('onTapProfile', wxProfileBody),
      body: wxProfileBody,
    },
  },
  {
    id: 'taro-profile-click',
    label: { en: 'Taro.getUserProfile in an onClick handler', zh: '在 onClick 中调用 Taro.getUserProfile' },
    description: {
      en: 'A Taro component whose `onClick` handler calls `Taro.getUserProfile` right away (WeChat and Douyin) and handles refusal.',
      zh: 'Taro 组件在 `onClick` 处理函数中直接调用 `Taro.getUserProfile`（微信、抖音），并处理用户拒绝。',
    },
    platforms: ['wechat', 'douyin'],
    namespace: 'Taro',
    jsx: true,
    apis: ['Taro.getUserProfile'],
    templates: {
      module: `import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';

export default function \${2:Profile}() {
	const onClick = () => {
${indent(taroProfileBody, 2)}
	};
	return <Button onClick={onClick}>Use my profile</Button>;
}`,
      body: taroProfileBody,
    },
  },
  {
    id: 'tt-login-user-info',
    label: { en: 'tt.login then tt.getUserInfo', zh: '先 tt.login 再 tt.getUserInfo' },
    description: {
      en: 'Logs in with `tt.login` and only then calls `tt.getUserInfo` from its `success`, handling both failures.',
      zh: '先调用 `tt.login`，在其 `success` 中再调用 `tt.getUserInfo`，并处理两处失败。',
    },
    platforms: ['douyin'],
    namespace: 'tt',
    apis: ['tt.login', 'tt.getUserInfo'],
    templates: {
      module: page(method('onTapLogin', ttLoginBody), '<button bindtap="onTapLogin">Log in with Douyin</button>'),
      member: method('onTapLogin', ttLoginBody),
      body: ttLoginBody,
    },
  },
  {
    id: 'alipay-authorize-open-user-info',
    label: {
      en: 'Alipay getAuthorize button + my.getOpenUserInfo + JSON.parse',
      zh: '支付宝 getAuthorize 按钮 + my.getOpenUserInfo + JSON.parse',
    },
    description: {
      en: 'An `open-type="getAuthorize"` button with `scope="userInfo"`; its `onGetAuthorize` handler calls `my.getOpenUserInfo`, parses `res.response` and checks `code === "10000"`; `onError` handles refusal.',
      zh: '`open-type="getAuthorize"`、`scope="userInfo"` 的按钮；`onGetAuthorize` 中调用 `my.getOpenUserInfo`，解析 `res.response` 并判断 `code === "10000"`；`onError` 处理用户拒绝。',
    },
    platforms: ['alipay'],
    namespace: 'my',
    apis: ['my.getOpenUserInfo'],
    markup: alipayMarkup,
    templates: {
      module: page(alipayMembers, alipayMarkup),
      member: alipayMembers,
      body: alipayBody,
    },
  },
  {
    id: 'wx-avatar-nickname-fill-in',
    label: { en: 'avatar/nickname fill-in', zh: '头像昵称填写' },
    description: {
      en: 'The replacement for `getUserProfile`: an `open-type="chooseAvatar"` button and an `<input type="nickname">`, with handlers that keep the chosen avatar and the nickname.',
      zh: '`getUserProfile` 的替代方案：`open-type="chooseAvatar"` 按钮和 `<input type="nickname">`，并在处理函数中保存所选头像和昵称。',
    },
    platforms: ['wechat'],
    namespace: 'wx',
    apis: [],
    markup: fillInMarkup,
    templates: {
      module: page(fillInMembers, fillInMarkup, "{ avatarUrl: '', nickName: '' }"),
      member: fillInMembers,
    },
  },
  {
    id: 'wx-privacy-agreement',
    label: { en: 'privacy agreement prompt', zh: '隐私协议授权弹窗' },
    description: {
      en: 'Shows your privacy prompt when a privacy interface needs the agreement (`wx.onNeedPrivacyAuthorization`), and settles the pending call from an `open-type="agreePrivacyAuthorization"` button (agree) or a plain button (decline).',
      zh: '在隐私接口需要用户同意时（`wx.onNeedPrivacyAuthorization`）展示隐私提示，并通过 `open-type="agreePrivacyAuthorization"` 按钮（同意）或普通按钮（拒绝）结束等待中的调用。',
    },
    platforms: ['wechat'],
    namespace: 'wx',
    apis: ['wx.onNeedPrivacyAuthorization'],
    markup: privacyMarkup,
    templates: {
      module: page(privacyMembers, privacyMarkup, '{ showPrivacy: false }'),
      member: privacyMembers,
    },
  },
];
