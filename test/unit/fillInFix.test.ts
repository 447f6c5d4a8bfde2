import assert from 'node:assert/strict';
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
  ];
  for (const [name, script, wxml] of notOffered) {
    it(`is not offered for ${name}`, () =>
      assert.equal(fixOf(project(script, wxml), 'pages/me/me.js', 'getuserprofile-anonymous'), undefined));
  }
});
