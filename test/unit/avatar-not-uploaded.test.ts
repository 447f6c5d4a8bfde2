import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'avatar-not-uploaded';
const wxml =
  '<button open-type="chooseAvatar" bindchooseavatar="onChooseAvatar">头像</button>\n<button bindtap="onSave">保存</button>';
const files = {
  'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b' }),
  'pages/index/index.wxml': wxml,
};

function run(source: string, own?: Record<string, string>) {
  return check(code, source, { files: own ?? files });
}

describe('avatar-not-uploaded', () => {
  const invalid: Array<[string, string, RegExp]> = [
    [
      'the path stored straight from the handler',
      "Page({ onChooseAvatar(e) { «wx.setStorageSync»('avatar', e.detail.avatarUrl) } })",
      /`wx\.setStorageSync` stores the avatar's temporary path from `onChooseAvatar`/,
    ],
    [
      'a destructured path sent with wx.request',
      "Page({ onChooseAvatar(e) {\n  const { avatarUrl } = e.detail\n  «wx.request»({ url: 'https://example.com/u', method: 'POST', data: { avatarUrl } })\n} })",
      /`wx\.request` sends the avatar's temporary path from `onChooseAvatar` to a server/,
    ],
    [
      'an object that holds the path, stored',
      "Page({ onChooseAvatar(e) {\n  const user = wx.getStorageSync('user') || {}\n  user.avatarUrl = e.detail.avatarUrl\n  «wx.setStorageSync»('user', user)\n} })",
      /stores the avatar's temporary path/,
    ],
    [
      'a parameter destructured in the signature, into the cloud database',
      "const db = wx.cloud.database()\nPage({ onChooseAvatar({ detail }) {\n  «db.collection('users').doc('me').update»({ data: { avatar: detail.avatarUrl } })\n} })",
      /sends the avatar's temporary path/,
    ],
    [
      'the path kept in data and sent from another method',
      "Page({\n  onChooseAvatar(e) { this.setData({ avatarUrl: e.detail.avatarUrl }) },\n  onSave() {\n    const that = this\n    «wx.cloud.callFunction»({ name: 'saveProfile', data: { avatar: that.data.avatarUrl } })\n  },\n})",
      /through `data\.avatarUrl`\) to a server/,
    ],
    [
      'the path kept in data and read back by destructuring',
      "Page({\n  onChooseAvatar(e) { this.setData({ avatarUrl: e.detail.avatarUrl }) },\n  onSave() {\n    const { avatarUrl } = this.data\n    «wx.setStorage»({ key: 'avatar', data: avatarUrl })\n  },\n})",
      /stores the avatar's temporary path from `onChooseAvatar` \(through `data\.avatarUrl`\)/,
    ],
  ];
  for (const [name, source, message] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = run(source);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, message);
      assert.match(findings[0]!.message, /Upload it first \(`wx\.uploadFile`, `wx\.cloud\.uploadFile`\)/);
    });
  }

  const valid: Array<[string, string, Record<string, string>?]> = [
    ['the path only shown on the page', 'Page({ onChooseAvatar(e) { this.setData({ avatarUrl: e.detail.avatarUrl }) } })'],
    [
      'an upload before the stored URL',
      "Page({ onChooseAvatar(e) {\n  wx.uploadFile({ url: 'https://example.com/up', filePath: e.detail.avatarUrl, name: 'file', success: (res) => wx.setStorageSync('avatar', JSON.parse(res.data).url) })\n} })",
    ],
    [
      'an upload anywhere in the page (the path may go there)',
      "Page({\n  onChooseAvatar(e) { wx.setStorageSync('avatar', e.detail.avatarUrl) },\n  onSave() { wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: wx.getStorageSync('avatar') }) },\n})",
    ],
    [
      'the path handed to a helper the rule does not follow',
      "import { upload } from '../../utils/upload'\nPage({ onChooseAvatar(e) {\n  upload(e.detail.avatarUrl)\n  wx.setStorageSync('avatar', e.detail.avatarUrl)\n} })",
    ],
    [
      'another field of the event stored',
      "Page({ onChooseAvatar(e) { wx.setStorageSync('source', e.currentTarget.dataset.source) } })",
    ],
    [
      'data stored under another key',
      "Page({\n  onChooseAvatar(e) { this.setData({ avatarUrl: e.detail.avatarUrl }) },\n  onSave() { wx.setStorageSync('name', this.data.nickName) },\n})",
    ],
    ['a handler not bound to chooseavatar', "Page({ onTapAvatar(e) { wx.setStorageSync('avatar', e.detail.avatarUrl) } })"],
    [
      'an Alipay page',
      "Page({ onChooseAvatar(e) { my.setStorageSync({ key: 'avatar', data: e.detail.avatarUrl }) } })",
      { 'pages/index/index.axml': '<button open-type="chooseAvatar" onChooseAvatar="onChooseAvatar">x</button>' },
    ],
  ];
  for (const [name, source, extra] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(run(source, extra).findings, []));
  }

  it('reports the path itself stored beside its own upload, and not what data holds after it', () => {
    const source =
      "Page({ onChooseAvatar(e) {\n  const path = e.detail.avatarUrl\n  const ext = /\\.\\w+$/.exec(path)[0]\n  wx.cloud.uploadFile({ cloudPath: 'a' + ext, filePath: path, success: (res) => this.setData({ avatarUrl: res.fileID }) })\n  «wx.setStorageSync»('avatarLocal', path)\n  this.setData({ avatarUrl: path })\n},\n  onSave() { wx.setStorageSync('avatar', this.data.avatarUrl) },\n})";
    const { spans, findings } = run(source);
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /stores the avatar's temporary path from `onChooseAvatar`: .*Keep the URL or file ID its upload returns instead\.$/,
    );
  });

  it('does not take a test of the path for the path (a flag stored, no escape)', () => {
    const source =
      "Page({ onChooseAvatar(e) {\n  const remote = e.detail.avatarUrl.startsWith('https://')\n  wx.setStorageSync('remote', remote)\n  if (/^wxfile:/.test(e.detail.avatarUrl)) «wx.setStorageSync»('avatar', e.detail.avatarUrl)\n} })";
    const { spans, findings } = run(source);
    assert.deepEqual(spansOf(findings), spans);
  });

  it('is checked in a script that names no user-info API, because its markup uses chooseAvatar', () => {
    const { findings } = check(code, "Page({ onChooseAvatar(e) { wx.setStorageSync('avatar', e.detail.avatarUrl) } })", {
      files: { 'pages/index/index.wxml': '<button open-type="chooseAvatar" bindchooseavatar="onChooseAvatar">头像</button>' },
    });
    assert.equal(findings.length, 1);
  });
});

describe('avatar-not-uploaded: Taro JSX and uni-app .vue', () => {
  const taro = {
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.0' }, scripts: { build: 'taro build --type weapp' } }),
    'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', miniprogramRoot: 'dist/' }),
  };
  const page = (body: string) =>
    [
      "import Taro from '@tarojs/taro'",
      "import { Button } from '@tarojs/components'",
      'export default function Me() {',
      body,
      "  return <Button openType='chooseAvatar' onChooseAvatar={onChoose}>头像</Button>",
      '}',
      '',
    ].join('\n');

  it("reports the path a Taro Button's onChooseAvatar handler stores, naming Taro's upload", () => {
    const { findings, spans } = check(
      code,
      page("  const onChoose = (e) => «Taro.setStorageSync»('avatar', e.detail.avatarUrl)"),
      {
        files: taro,
        file: 'src/pages/me/index.jsx',
      },
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /from `onChoose`.*Upload it first \(`Taro\.uploadFile`\)/);
  });

  it('is quiet when the Taro page uploads the file', () => {
    const { findings } = check(
      code,
      page(
        "  const onChoose = (e) => Taro.uploadFile({ url: 'https://example.com/a', filePath: e.detail.avatarUrl, name: 'f' })",
      ),
      { files: taro, file: 'src/pages/me/index.jsx' },
    );
    assert.deepEqual(findings, []);
  });

  it('reports the path stored from a .vue template’s @chooseavatar handler', () => {
    const vue = [
      '<template>',
      '  <button open-type="chooseAvatar" @chooseavatar="onChoose">头像</button>',
      '</template>',
      '<script>',
      'export default {',
      '  methods: {',
      "    onChoose(e) { «uni.setStorageSync»('avatar', e.detail.avatarUrl) },",
      '  },',
      '}',
      '</script>',
      '',
    ].join('\n');
    const { findings, spans } = check(code, vue, {
      files: { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' },
      file: 'pages/me/me.vue',
    });
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /`uni\.uploadFile`/);
  });
});

describe('avatar-not-uploaded: a value kept in a module variable is followed to where it was put', () => {
  const page = (save: string) =>
    [
      'const app = getApp()',
      'Page({',
      '  onChooseAvatar(e) {',
      '    app.globalData.avatar = e.detail.avatarUrl',
      '  },',
      `  onSave() { ${save} },`,
      '})',
    ].join('\n');

  it('reports the kept path sent from another method, naming where it was kept', () => {
    const { findings, spans } = run(
      page("«wx.request»({ url: 'https://example.com/u', data: { avatar: app.globalData.avatar } })"),
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /\(through `app\.globalData\.avatar`\)/);
  });

  it('is quiet for another field of the same variable, and after the place is set again', () => {
    assert.deepEqual(run(page("wx.request({ url: 'https://example.com/u', data: app.globalData.userInfo })")).findings, []);
    assert.deepEqual(
      run(page("app.globalData.avatar = ''; wx.request({ url: 'https://example.com/u', data: { a: app.globalData.avatar } })"))
        .findings,
      [],
    );
  });
});
