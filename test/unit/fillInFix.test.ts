import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFix, MemoryProject } from './helpers';
import type { Fix } from '../../server/src/core/types';

const project = (script: string, wxml: string, extra: Record<string, string> = {}) =>
  new MemoryProject({
    'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b' }),
    'pages/me/me.js': script,
    'pages/me/me.wxml': wxml,
    ...extra,
  });

const profilePage = `Page({
  data: { userInfo: null },
  onShow() {},
  getProfile() {
    wx.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => this.setData({ userInfo: res.userInfo }),
      fail: () => {},
    })
  },
})
`;
const profileMarkup = `<view class="me">
  <button class="login" bindtap="getProfile">
    <text>登录</text>
  </button>
</view>
`;

function fixOf(p: MemoryProject, file: string, code: string): Fix | undefined {
  return p
    .analyze(file)
    .find((f) => f.code === code)
    ?.fixes?.find((f) => f.title.startsWith('Replace with the avatar/nickname fill-in'));
}

/** Applies a fix to its own file and its other files, and returns the new texts by file name. */
function applyAll(p: MemoryProject, file: string, fix: Fix): Record<string, string> {
  const result: Record<string, string> = { [file]: applyFix(p.files.get(p.path(file))!, fix) };
  for (const other of fix.otherFiles ?? [])
    result[other.fileName.slice(p.root.length + 1)] = applyFix(other.text, { title: '', edits: other.edits });
  return result;
}

describe('the fill-in fix of getuserprofile-anonymous and getuserinfo-anonymous', () => {
  it('replaces the tap button and its getUserProfile handler in both files of the page', () => {
    const p = project(profilePage, profileMarkup);
    const fix = fixOf(p, 'pages/me/me.js', 'getuserprofile-anonymous');
    assert.ok(fix);
    assert.equal(
      fix.title,
      'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form) in me.js and me.wxml',
    );
    const texts = applyAll(p, 'pages/me/me.js', fix);
    assert.equal(
      texts['pages/me/me.wxml'],
      `<view class="me">
  <button class="avatar-wrapper" open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">
    <image class="avatar" src="{{avatarUrl}}" mode="aspectFill" />
  </button>
  <form bindsubmit="onSubmitProfile">
    <input type="nickname" name="nickname" placeholder="请输入昵称" />
    <button form-type="submit">保存</button>
  </form>
</view>
`,
    );
    assert.equal(
      texts['pages/me/me.js'],
      `Page({
  data: { userInfo: null },
  onShow() {},
  onChooseAvatar(e) {
    // A temporary path: show it, and upload it before storing or sending it.
    const { avatarUrl } = e.detail
    this.setData({ avatarUrl })
    wx.uploadFile({
      url: 'https://example.com/upload', // your upload endpoint
      filePath: avatarUrl,
      name: 'file',
      success: (res) => {
        // Keep the URL your server returns (not the temporary path) with the user's profile.
      },
    })
  },
  onSubmitProfile(e) {
    // Read on submit: WeChat clears a nickname that fails its content check after blur.
    const { nickname } = e.detail.value
  },
})
`,
    );
    // The page after the fix: no anonymous-data finding, and the new code passes the fill-in rules.
    const after = project(texts['pages/me/me.js']!, texts['pages/me/me.wxml']!);
    const codes = [...after.analyze('pages/me/me.js'), ...after.analyze('pages/me/me.wxml')].map((f) => f.code);
    assert.deepEqual(codes, []);
  });

  it('uploads to cloud storage on a page that uses wx.cloud, with semicolons where the handler has them', () => {
    const script =
      "const db = wx.cloud.database();\nPage({\n  getProfile() {\n    wx.getUserProfile({ desc: '用于完善会员资料', fail() {} });\n  },\n});\n";
    const p = project(script, '<button bindtap="getProfile">登录</button>');
    const texts = applyAll(p, 'pages/me/me.js', fixOf(p, 'pages/me/me.js', 'getuserprofile-anonymous')!);
    assert.match(texts['pages/me/me.js']!, /wx\.cloud\.uploadFile\(\{\n {6}cloudPath: `avatars\/\$\{Date\.now\(\)\}\.png`,/);
    assert.match(texts['pages/me/me.js']!, /const \{ nickname \} = e\.detail\.value;\n/);
  });

  it('replaces an open-type="getUserInfo" button from the WXML finding, and its handler in the script', () => {
    const script = 'Page({\n  onGetUserInfo(e) {\n    this.setData({ userInfo: e.detail.userInfo })\n  },\n})\n';
    const p = project(script, '<button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">登录</button>\n');
    const fix = fixOf(p, 'pages/me/me.wxml', 'getuserinfo-anonymous');
    assert.ok(fix);
    const texts = applyAll(p, 'pages/me/me.wxml', fix);
    assert.match(texts['pages/me/me.wxml']!, /^<button class="avatar-wrapper" open-type="chooseAvatar"/);
    assert.match(texts['pages/me/me.js']!, /^Page\(\{\n {2}onChooseAvatar\(e\) \{/);
    assert.doesNotMatch(texts['pages/me/me.js']!, /onGetUserInfo/);
  });

  it("keeps the button's condition on a <block> in its place, so the wx:else after it keeps its partner", () => {
    const wxml = `<view class="me">
  <button wx:if="{{!userInfo}}" class="login" bindtap="getProfile">登录</button>
  <text wx:else>{{userInfo.nickName}}</text>
</view>
`;
    const p = project(profilePage, wxml);
    const texts = applyAll(p, 'pages/me/me.js', fixOf(p, 'pages/me/me.js', 'getuserprofile-anonymous')!);
    assert.equal(
      texts['pages/me/me.wxml'],
      `<view class="me">
  <block wx:if="{{!userInfo}}">
    <button class="avatar-wrapper" open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">
      <image class="avatar" src="{{avatarUrl}}" mode="aspectFill" />
    </button>
    <form bindsubmit="onSubmitProfile">
      <input type="nickname" name="nickname" placeholder="请输入昵称" />
      <button form-type="submit">保存</button>
    </form>
  </block>
  <text wx:else>{{userInfo.nickName}}</text>
</view>
`,
    );
    const after = project(texts['pages/me/me.js']!, texts['pages/me/me.wxml']!);
    assert.deepEqual(
      [...after.analyze('pages/me/me.js'), ...after.analyze('pages/me/me.wxml')].map((f) => f.code),
      [],
    );
  });

  it('types the event parameters in a TypeScript page', () => {
    const p = new MemoryProject({
      'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b' }),
      'pages/me/me.ts': profilePage,
      'pages/me/me.wxml': profileMarkup,
    });
    const fix = fixOf(p, 'pages/me/me.ts', 'getuserprofile-anonymous');
    assert.ok(fix);
    const script = applyFix(profilePage, fix);
    assert.match(script, /\n {2}onChooseAvatar\(e: \{ detail: \{ avatarUrl: string \} \}\) \{\n/);
    assert.match(
      script,
      /\n {2}onSubmitProfile\(e: \{ detail: \{ value\?: \{ nickname\?: string \} \} \}\) \{\n[^\n]*\n {4}const nickname = e\.detail\.value\?\.nickname\n/,
    );
  });

  it('picks free handler names', () => {
    const script = profilePage.replace('onShow() {}', 'onShow() {},\n  onChooseAvatar() {}');
    const p = project(script, profileMarkup);
    const texts = applyAll(p, 'pages/me/me.js', fixOf(p, 'pages/me/me.js', 'getuserprofile-anonymous')!);
    assert.match(texts['pages/me/me.wxml']!, /bind:chooseavatar="onChooseAvatar2"/);
    assert.match(texts['pages/me/me.js']!, /\n {2}onChooseAvatar2\(e\) \{/);
  });

  const notOffered: Array<[string, string, string]> = [
    ['a handler that another method calls', profilePage.replace('onShow() {}', 'onShow() { this.getProfile() }'), profileMarkup],
    ['a handler bound twice', profilePage, `${profileMarkup}<view bindtap="getProfile">再试</view>\n`],
    ['a button that also binds another event', profilePage, '<button bindtap="getProfile" bindlongpress="onShow">登录</button>'],
    ['a page without markup binding the handler', profilePage, '<view>登录</view>'],
    ['a button that never closes', profilePage, '<button bindtap="getProfile">登录'],
    ['a button in a loop', profilePage, '<button wx:for="{{list}}" bindtap="getProfile">登录</button>'],
    ['a button hidden by a flag', profilePage, '<button hidden="{{done}}" bindtap="getProfile">登录</button>'],
    [
      'a handler named in a comment of the script',
      profilePage.replace('onShow() {}', 'onShow() {}, // getProfile: see below'),
      profileMarkup,
    ],
  ];
  for (const [name, script, wxml] of notOffered) {
    it(`is not offered for ${name}`, () =>
      assert.equal(fixOf(project(script, wxml), 'pages/me/me.js', 'getuserprofile-anonymous'), undefined));
  }
});

/** The fill-in fix of one file (a `.vue` page, a Taro component): its edits applied, and the findings after. */
function fixSingleFile(p: MemoryProject, file: string, code = 'getuserprofile-anonymous'): { text: string; fix: Fix } {
  const fix = fixOf(p, file, code);
  assert.ok(fix, `no fill-in fix for ${code} in ${file}`);
  assert.equal(fix.title, 'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form)');
  assert.equal(fix.otherFiles, undefined);
  return { text: applyFix(p.files.get(p.path(file))!, fix), fix };
}

/** The codes the page reports once the fix is applied: none of the anonymous-data ones, none of the fill-in ones. */
function codesAfter(files: Record<string, string>, file: string, text: string): string[] {
  return new MemoryProject({ ...files, [file]: text }).analyze(file).map((f) => f.code);
}

const uniApp = {
  'manifest.json': JSON.stringify({ 'mp-weixin': { appid: 'wx4f4bc4dec97d474b' } }),
  'pages.json': '{"pages":[]}',
};
const vueFile = 'pages/me/me.vue';
const vueProject = (text: string) => new MemoryProject({ ...uniApp, [vueFile]: text });

/** The page of the LSP test: an options-API method `onTapLogin` calling `uni.getUserProfile`, bound by `@tap`. */
const optionsPage = readFileSync(path.join(__dirname, '..', 'fixtures', 'fill-in-vue', 'pages', 'me', 'me.vue'), 'utf8');
const optionsTemplate = optionsPage.slice(0, optionsPage.indexOf('<script>'));

const setupPage = `${optionsTemplate.replace('@tap="onTapLogin"', '@click="getProfile"')}<script setup lang="ts">
function getProfile() {
  uni.getUserProfile({
    desc: '用于完善会员资料',
    success: (res) => console.log(res.userInfo),
    fail: () => {},
  });
}
</script>
`;

/** The template of both pages once fixed: the fill-in in place of the login button. */
const fixedTemplate = `<template>
  <view class="me">
    <button class="avatar-wrapper" open-type="chooseAvatar" @chooseavatar="onChooseAvatar">
      选择头像
    </button>
    <form @submit="onSubmitProfile">
      <input type="nickname" name="nickname" placeholder="请输入昵称" />
      <button form-type="submit">保存</button>
    </form>
  </view>
</template>

`;

describe('the fill-in fix in uni-app .vue pages', () => {
  it('replaces the @tap button and its methods entry (options API) in the one file', () => {
    const { text, fix } = fixSingleFile(vueProject(optionsPage), vueFile);
    assert.equal(fix.edits.length, 2);
    assert.equal(
      text,
      `${fixedTemplate}<script>
export default {
  data() {
    return { userInfo: null }
  },
  methods: {
    onChooseAvatar(e) {
      // A temporary path: show it, and upload it before storing or sending it.
      const { avatarUrl } = e.detail
      // To show it, declare avatarUrl in data, set this.avatarUrl = avatarUrl and bind it to an <image :src>.
      uni.uploadFile({
        url: 'https://example.com/upload', // your upload endpoint
        filePath: avatarUrl,
        name: 'file',
        success: (res) => {
          // Keep the URL your server returns (not the temporary path) with the user's profile.
        },
      })
    },
    onSubmitProfile(e) {
      // Read on submit: WeChat clears a nickname that fails its content check after blur.
      const { nickname } = e.detail.value
    },
  },
}
</script>
`,
    );
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  it('shows the avatar with this.avatarUrl when data declares it', () => {
    const page = optionsPage.replace('{ userInfo: null }', "{ userInfo: null, avatarUrl: '' }");
    const { text } = fixSingleFile(vueProject(page), vueFile);
    assert.match(text, /\n {6}<image class="avatar" :src="avatarUrl" mode="aspectFill" \/>\n/);
    assert.match(text, /const \{ avatarUrl \} = e\.detail\n {6}this\.avatarUrl = avatarUrl\n {6}uni\.uploadFile\(\{/);
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  it('replaces a <script setup> function, with typed events in lang="ts"', () => {
    const { text } = fixSingleFile(vueProject(setupPage), vueFile);
    assert.equal(
      text,
      `${fixedTemplate}<script setup lang="ts">
function onChooseAvatar(e: { detail: { avatarUrl: string } }) {
  // A temporary path: show it, and upload it before storing or sending it.
  const { avatarUrl } = e.detail;
  // To show it, keep it in a ref (import { ref } from 'vue') and bind it to an <image :src>.
  uni.uploadFile({
    url: 'https://example.com/upload', // your upload endpoint
    filePath: avatarUrl,
    name: 'file',
    success: (res) => {
      // Keep the URL your server returns (not the temporary path) with the user's profile.
    },
  });
}

function onSubmitProfile(e: { detail: { value?: { nickname?: string } } }) {
  // Read on submit: WeChat clears a nickname that fails its content check after blur.
  const nickname = e.detail.value?.nickname;
}
</script>
`,
    );
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  it('keeps the avatar in a new ref when the page imports ref, for a const arrow handler and wx.getUserProfile', () => {
    const page = `<template>
  <view>
    <button v-on:click="getProfile">登录</button>
  </view>
</template>

<script setup>
import { ref } from 'vue'

const getProfile = () => {
  wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })
}
</script>
`;
    const { text } = fixSingleFile(vueProject(page), vueFile);
    assert.match(text, /<image class="avatar" :src="avatarUrl" mode="aspectFill" \/>/);
    assert.match(
      text,
      /\nconst avatarUrl = ref\(''\)\n\nconst onChooseAvatar = \(e\) => \{\n {2}\/\/ A temporary path[^\n]*\n {2}avatarUrl\.value = e\.detail\.avatarUrl\n {2}wx\.uploadFile\(\{\n {4}url: [^\n]*\n {4}filePath: avatarUrl\.value,/,
    );
    assert.match(text, /\n\nconst onSubmitProfile = \(e\) => \{\n/);
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  it("keeps the button's v-else-if on a <template> in its place", () => {
    const page = optionsPage.replace(
      '<button class="login" @tap="onTapLogin">登录</button>',
      '<text v-if="userInfo">{{ userInfo.nickName }}</text>\n    <button v-else-if="ready" class="login" @tap="onTapLogin">登录</button>\n    <text v-else>…</text>',
    );
    const { text } = fixSingleFile(vueProject(page), vueFile);
    assert.equal(
      text.slice(0, text.indexOf('<script>')),
      `<template>
  <view class="me">
    <text v-if="userInfo">{{ userInfo.nickName }}</text>
    <template v-else-if="ready">
      <button class="avatar-wrapper" open-type="chooseAvatar" @chooseavatar="onChooseAvatar">
        选择头像
      </button>
      <form @submit="onSubmitProfile">
        <input type="nickname" name="nickname" placeholder="请输入昵称" />
        <button form-type="submit">保存</button>
      </form>
    </template>
    <text v-else>…</text>
  </view>
</template>

`,
    );
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  it('replaces an open-type="getUserInfo" button from the template finding, and its @getuserinfo handler', () => {
    const page = optionsPage
      .replace('@tap="onTapLogin"', 'open-type="getUserInfo" @getuserinfo="onGetUserInfo"')
      .replace(/onTapLogin\(\) \{[^]*?\n {4}\},\n/, 'onGetUserInfo(e) {\n      this.userInfo = e.detail.userInfo\n    },\n');
    const { text } = fixSingleFile(vueProject(page), vueFile, 'getuserinfo-anonymous');
    assert.match(text, /<button class="avatar-wrapper" open-type="chooseAvatar" @chooseavatar="onChooseAvatar">/);
    assert.match(text, /\n {4}onChooseAvatar\(e\) \{[^]*uni\.uploadFile\(/);
    assert.doesNotMatch(text, /getUserInfo|userInfo = e/);
    assert.deepEqual(codesAfter(uniApp, vueFile, text), []);
  });

  const notOffered: Array<[string, string]> = [
    [
      'a handler that another method calls',
      optionsPage.replace('methods: {', 'onShow() {\n    this.onTapLogin()\n  },\n  methods: {'),
    ],
    [
      'a handler bound twice',
      optionsPage.replace('</view>\n</template>', '  <view @tap="onTapLogin">再试</view>\n  </view>\n</template>'),
    ],
    [
      'a handler the template also hands to a component',
      optionsPage.replace('</view>\n</template>', '  <login-panel :on-login="onTapLogin" />\n  </view>\n</template>'),
    ],
    ['a handler also named in an inline statement', optionsPage.replace('@tap="onTapLogin"', '@tap="ok && onTapLogin()"')],
    ['a button that also binds another event', optionsPage.replace('@tap="onTapLogin"', '@tap="onTapLogin" @longpress="onShow"')],
    ['a button in a loop', optionsPage.replace('class="login"', 'v-for="item in list" :key="item" class="login"')],
    ['a button shown by v-show', optionsPage.replace('class="login"', 'v-show="!userInfo" class="login"')],
    [
      'the root element of the template',
      optionsPage.replace('  <view class="me">\n', '').replace('  </view>\n</template>', '</template>'),
    ],
    [
      'a Taro + Vue page',
      optionsPage
        .replace('uni.getUserProfile', 'Taro.getUserProfile')
        .replace('<script>', "<script>\nimport Taro from '@tarojs/taro'"),
    ],
  ];
  for (const [name, page] of notOffered) {
    it(`is not offered for ${name}`, () => {
      const p = vueProject(page);
      assert.ok(p.analyze(vueFile).some((f) => f.code === 'getuserprofile-anonymous'));
      assert.equal(fixOf(p, vueFile, 'getuserprofile-anonymous'), undefined);
    });
  }
});

const taroFiles = { 'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b' }) };
const taroFile = 'src/pages/me/me.jsx';
const taroProject = (text: string, file = taroFile) => new MemoryProject({ ...taroFiles, [file]: text });

const taroPage = `import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'

export default function Me() {
  const getProfile = () => {
    Taro.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => console.log(res.userInfo),
      fail: () => {},
    })
  }

  return (
    <View className='me'>
      <Button className='login' onClick={getProfile}>登录</Button>
    </View>
  )
}
`;

describe('the fill-in fix in Taro JSX', () => {
  it('replaces the onClick button and its handler in a function component, importing Form and Input', () => {
    const { text, fix } = fixSingleFile(taroProject(taroPage), taroFile);
    assert.equal(fix.edits.length, 3);
    assert.equal(
      text,
      `import Taro from '@tarojs/taro'
import { Button, View, Form, Input } from '@tarojs/components'

export default function Me() {
  const onChooseAvatar = (e) => {
    // A temporary path: show it, and upload it before storing or sending it.
    const { avatarUrl } = e.detail
    // To show it, keep it in the component's state.
    Taro.uploadFile({
      url: 'https://example.com/upload', // your upload endpoint
      filePath: avatarUrl,
      name: 'file',
      success: (res) => {
        // Keep the URL your server returns (not the temporary path) with the user's profile.
      },
    })
  }

  const onSubmitProfile = (e) => {
    // Read on submit: WeChat clears a nickname that fails its content check after blur.
    const { nickname } = e.detail.value
  }

  return (
    <View className='me'>
      <Button className='avatar-wrapper' openType='chooseAvatar' onChooseAvatar={onChooseAvatar}>
        选择头像
      </Button>
      <Form onSubmit={onSubmitProfile}>
        <Input type='nickname' name='nickname' placeholder='请输入昵称' />
        <Button formType='submit'>保存</Button>
      </Form>
    </View>
  )
}
`,
    );
    assert.deepEqual(codesAfter(taroFiles, taroFile, text), []);
  });

  it('replaces a class component method bound as this.x, keeping imported and renamed components, with typed events in TSX', () => {
    const page = `import Taro from '@tarojs/taro';
import { Component } from 'react';
import { Button as TButton, Form, Input, View } from '@tarojs/components';

export default class Me extends Component {
  getProfile() {
    Taro.getUserInfo({ success: (res) => console.log(res.userInfo) });
  }

  render() {
    return (
      <View>
        <TButton onClick={this.getProfile}>登录</TButton>
      </View>
    );
  }
}
`;
    const file = 'src/pages/me/me.tsx';
    const p = taroProject(page, file);
    const { text, fix } = fixSingleFile(p, file, 'getuserinfo-anonymous');
    assert.equal(fix.edits.length, 2);
    assert.match(text, /import \{ Button as TButton, Form, Input, View \} from '@tarojs\/components';/);
    assert.match(
      text,
      /\n {2}onChooseAvatar\(e: \{ detail: \{ avatarUrl: string \} \}\) \{\n[^]*Taro\.uploadFile\(\{[^]*\}\);\n {2}\}\n\n {2}onSubmitProfile\(e: /,
    );
    assert.match(text, /<TButton className='avatar-wrapper' openType='chooseAvatar' onChooseAvatar=\{this\.onChooseAvatar\}>/);
    assert.match(
      text,
      /<Form onSubmit=\{this\.onSubmitProfile\}>\n {10}<Input type='nickname'[^\n]*\n {10}<TButton formType='submit'>保存<\/TButton>/,
    );
    assert.deepEqual(codesAfter(taroFiles, file, text), []);
  });

  it('imports Button too when the tapped element is a View', () => {
    const page = taroPage
      .replace('{ Button, View }', '{ View }')
      .replace(/<Button className='login' onClick=\{getProfile\}>登录<\/Button>/, '<View onClick={getProfile}>登录</View>');
    const { text } = fixSingleFile(taroProject(page), taroFile);
    assert.match(text, /^import \{ View, Button, Form, Input \} from '@tarojs\/components'$/m);
    assert.match(text, /\n {6}<Button className='avatar-wrapper' openType='chooseAvatar'/);
    assert.deepEqual(codesAfter(taroFiles, taroFile, text), []);
  });

  it("replaces an openType='getUserInfo' button and its onGetUserInfo handler", () => {
    const page = taroPage
      .replace(
        /const getProfile = \(\) => \{[^]*?\n {2}\}\n/,
        'const onGetUserInfo = (e) => {\n    console.log(e.detail.userInfo)\n  }\n',
      )
      .replace('onClick={getProfile}', "openType='getUserInfo' onGetUserInfo={onGetUserInfo}");
    const { text } = fixSingleFile(taroProject(page), taroFile, 'getuserinfo-anonymous');
    assert.match(text, /<Button className='avatar-wrapper' openType='chooseAvatar' onChooseAvatar=\{onChooseAvatar\}>/);
    assert.doesNotMatch(text, /getUserInfo|GetUserInfo/);
    assert.deepEqual(codesAfter(taroFiles, taroFile, text), []);
  });

  const notOffered: Array<[string, string]> = [
    ['a handler called elsewhere', taroPage.replace('  return (', '  Taro.useLoad(() => getProfile())\n\n  return (')],
    [
      'a handler bound by two elements',
      taroPage.replace('</View>\n  )', '  <View onClick={getProfile}>再试</View>\n    </View>\n  )'),
    ],
    ['a handler wrapped in an arrow function', taroPage.replace('onClick={getProfile}', 'onClick={() => getProfile()}')],
    [
      'a button that also binds another event',
      taroPage.replace('onClick={getProfile}', 'onClick={getProfile} onLongPress={() => {}}'),
    ],
    ['a file without an @tarojs/components import', taroPage.replace("'@tarojs/components'", "'@/components'")],
    [
      'a file that uses the name Form for something else',
      taroPage.replace('export default', "const Form = 'profile'\n\nexport default"),
    ],
    [
      'a button that is not among children',
      taroPage.replace(/\(\n {4}<View className='me'>\n {6}([^\n]*)\n {4}<\/View>\n {2}\)/, '$1'),
    ],
    ['a conditional button', taroPage.replace(/(<Button[^\n]*Button>)/, '{ready && $1}')],
  ];
  for (const [name, page] of notOffered) {
    it(`is not offered for ${name}`, () => {
      const p = taroProject(page);
      assert.ok(
        p.analyze(taroFile).some((f) => f.code === 'getuserprofile-anonymous'),
        'the finding is still made',
      );
      assert.equal(fixOf(p, taroFile, 'getuserprofile-anonymous'), undefined);
    });
  }
});
