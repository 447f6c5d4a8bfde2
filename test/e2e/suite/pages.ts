/**
 * Small mini-program projects the suite writes into its workspace (a temporary copy of test/fixtures).
 * Each page marks the diagnostics it must produce with `«code:text»` (see `parseFixture`), so the expected
 * codes, severities and ranges sit next to the code that causes them.
 */

/** A WeChat page: every rule the WeChat side has, with the near misses that must stay quiet. */
export const wechatPageJs = `const HINT = '用于完善会员资料';

Page({
  onLoad() {
    «not-in-tap-handler:wx.getUserProfile»({ desc: HINT });
  },
  onTapNoDesc() {
    «desc-missing:wx.getUserProfile»({ lang: 'zh_CN' });
  },
  onTapLongAscii() {
    wx.getUserProfile({ desc: «desc-too-long:'Used to show your avatar and nickname on the member card'» });
  },
  onTapLongChinese() {
    wx.getUserProfile({ desc: «desc-too-long/warning:'用于展示用户头像、昵称并完善会员信息'» });
  },
  onTapThirty() {
    wx.getUserProfile({ desc: 'Shown on your member card, ok.' });
    this.fillProfile();
  },
  fillProfile() {
    wx.getUserProfile({ desc: HINT });
  },
  onTapTimer() {
    setTimeout(() => {
      «not-in-tap-handler:wx.getUserProfile»({ desc: HINT });
    }, 0);
  },
});
`;

export const wechatPageWxml = `<view class="profile">
  <button bindtap="onTapNoDesc">No desc</button>
  <button catchtap="onTapLongAscii">Long desc</button>
  <button bind:tap="onTapLongChinese">Long Chinese desc</button>
  <button bindtap="onTapThirty">Exactly thirty</button>
  <button bindtap="onTapTimer">Later</button>
</view>
`;

/** A Taro React page: JSX `onClick`/`onTap` handlers, a hook, and a call after `await`. */
export const taroPageTsx = `import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { Button, View } from '@tarojs/components';

export default function Profile() {
  useEffect(() => {
    «not-in-tap-handler:Taro.getUserProfile»({ desc: '用于完善会员资料' });
  }, []);

  const onLogin = () => {
    Taro.getUserProfile({ desc: «desc-too-long/warning:'用于展示用户头像、昵称并完善会员信息'» });
  };

  const onSave = async () => {
    await Taro.showLoading({ title: 'Saving' });
    «not-in-tap-handler:Taro.getUserProfile»({ desc: '用于完善会员资料' });
  };

  return (
    <View>
      <Button onClick={onLogin}>Log in</Button>
      <Button onClick={onSave}>Save</Button>
      <Button onTap={() => «desc-missing:Taro.getUserProfile»()}>Quick</Button>
    </View>
  );
}
`;

/**
 * A Douyin page: `tt.getUserInfo` needs a `tt.login` first (the accepted orders stay quiet), and
 * `tt.getUserProfile` is tap-only like WeChat's (it takes no `desc`).
 */
export const douyinPageJs = `Page({
  onTapInfo() {
    «tt-login-required/warning:tt.getUserInfo»({ success: (res) => this.setData({ user: res.userInfo }) });
  },
  onTapInfoAfterLogin() {
    tt.login({
      success: () => {
        tt.getUserInfo({ success: (res) => this.setData({ user: res.userInfo }) });
      },
    });
  },
  async onTapAwaitLogin() {
    await tt.login();
    tt.getUserInfo({});
  },
  onShow() {
    tt.login({});
    «not-in-tap-handler:tt.getUserProfile»({ success: (res) => this.setData({ user: res.userInfo }) });
  },
});
`;

export const douyinPageTtml = `<view>
  <button bindtap="onTapInfo">Info</button>
  <button bindtap="onTapInfoAfterLogin">Info after login</button>
  <button bindtap="onTapAwaitLogin">Info after await</button>
</view>
`;

/**
 * A uni-app Vue 3 page (`<script setup>`) for WeChat: a button whose tap reaches `uni.getUserProfile` without
 * `data-eventsync="true"`, the call from `onLoad` and the one inside `uni.login`'s `success`; the button that has
 * the attribute and the call straight from its handler stay quiet.
 */
export const uniPageVue = `<template>
  <view class="profile">
    <button «uni-eventsync/warning:@tap»="onTapProfile">完善资料</button>
    <button data-eventsync="true" @tap="onTapLogin">微信登录</button>
  </view>
</template>

<script setup>
import { onLoad } from '@dcloudio/uni-app'

const DESC = '用于完善会员资料'

onLoad(() => {
  «not-in-tap-handler:uni.getUserProfile»({ desc: DESC, fail() {} })
})

function onTapProfile() {
  uni.getUserProfile({ desc: DESC, fail() {} })
}

function onTapLogin() {
  uni.login({
    success: () => {
      «not-in-tap-handler:uni.getUserProfile»({ desc: DESC, fail() {} })
    },
  })
}
</script>
`;

/** Project scaffolding around the pages above. */
export const projectFiles: Record<string, string> = {
  'e2e-wechat/project.config.json': JSON.stringify(
    { appid: 'wx4f4bc4dec97d474b', libVersion: '3.4.0', compileType: 'miniprogram' },
    null,
    2,
  ),
  'e2e-wechat/app.json': JSON.stringify({ pages: ['pages/profile/profile'] }, null, 2),
  'e2e-wechat/app.js': 'App({});\n',
  'e2e-wechat/pages/profile/profile.json': '{}\n',
  'e2e-taro/package.json': JSON.stringify(
    { name: 'e2e-taro', private: true, dependencies: { '@tarojs/taro': '3.6.35', react: '18.3.1' } },
    null,
    2,
  ),
  'e2e-taro/project.config.json': JSON.stringify(
    { appid: 'wx4f4bc4dec97d474b', miniprogramRoot: 'dist/', compileType: 'miniprogram' },
    null,
    2,
  ),
  'e2e-taro/src/app.config.ts': "export default { pages: ['pages/profile/index'] };\n",
  'e2e-uniapp/manifest.json': JSON.stringify(
    { name: 'e2e-uniapp', vueVersion: '3', 'mp-weixin': { appid: 'wx4f4bc4dec97d474b' } },
    null,
    2,
  ),
  'e2e-uniapp/pages.json': JSON.stringify({ pages: [{ path: 'pages/profile/profile' }] }, null, 2),
  'e2e-douyin/project.config.json': JSON.stringify({ appid: 'tt0000000000000000', compileType: 'miniprogram' }, null, 2),
  'e2e-douyin/app.json': JSON.stringify({ pages: ['pages/profile/profile'] }, null, 2),
  'e2e-douyin/app.js': 'App({\n  onLaunch() {},\n});\n',
};

/** A WeChat page that still asks for the profile with wx.getUserProfile from a tap (the fill-in quick fix replaces it). */
export const oldProfilePageJs = `Page({
  data: { userInfo: null },
  onTapLogin() {
    wx.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => this.setData({ userInfo: res.userInfo }),
      fail: () => {},
    });
  },
});
`;

export const oldProfilePageWxml = `<view class="me">
  <image src="{{userInfo.avatarUrl}}" />
  <button bindtap="onTapLogin">登录</button>
</view>
`;
