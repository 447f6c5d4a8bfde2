import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, marked, MemoryProject, spansOf } from './helpers';

const code = 'getuserinfo-anonymous';
const wechat = { 'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', libVersion: '2.30.0' }) };
const douyin = { 'project.config.json': JSON.stringify({ appid: 'tt07e3715e98c9aac0' }) };

/** Findings of the rule on a WXML (or other markup) file next to a page script. */
function checkMarkup(source: string, file = 'pages/index/index.wxml', script = 'Page({ onGetUserInfo() {}, onTap() {} })') {
  const { text, spans } = marked(source);
  const project = new MemoryProject({ ...wechat, [file]: text, [file.replace(/\.\w+$/, '.js')]: script });
  return { spans, findings: project.analyze(file).filter((f) => f.code === code) };
}

describe('getuserinfo-anonymous', () => {
  const validScripts: Array<[string, string, Record<string, string>?]> = [
    ['wx.getUserProfile', "wx.getUserProfile({ desc: 'x', fail() {} })"],
    ['tt.getUserInfo (Douyin phases it out differently)', 'tt.login({ success() { tt.getUserInfo({ fail() {} }) } })'],
    ['Taro.getUserInfo in a Douyin project', "import Taro from '@tarojs/taro'\nTaro.getUserInfo({ fail() {} })", douyin],
    ['a method of another object named getUserInfo', 'api.getUserInfo({})'],
    ['a reference that is not called', 'const f = wx.getUserInfo'],
  ];
  for (const [name, source, files] of validScripts) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source, { files: files ?? wechat }).findings, []));
  }

  const invalidScripts: Array<[string, string]> = [
    ['wx.getUserInfo', '«wx.getUserInfo»({ success() {}, fail() {} })'],
    ["wx['getUserInfo']", "«wx['getUserInfo']»({ success() {}, fail() {} })"],
    ['a destructured alias', 'const { getUserInfo } = wx\n«getUserInfo»({ fail() {} })'],
    ['Taro.getUserInfo in a WeChat project', "import Taro from '@tarojs/taro'\n«Taro.getUserInfo»().catch(() => {})"],
    ['a named Taro import', "import { getUserInfo } from '@tarojs/taro'\n«getUserInfo»().catch(() => {})"],
  ];
  for (const [name, source] of invalidScripts) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source, { files: wechat });
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.deepEqual(findings[0]!.tags, ['deprecated']);
      assert.match(findings[0]!.message, /anonymous data \("微信用户", grey avatar\) in versions released after 2021-04-28/);
      assert.match(findings[0]!.message, /open-type="chooseAvatar"/);
    });
  }

  it('reports Taro.getUserInfo when the platform is unknown (it runs on WeChat among others)', () => {
    const { findings } = check(code, "import Taro from '@tarojs/taro'\nTaro.getUserInfo()", { files: {} });
    assert.equal(findings.length, 1);
  });

  it('reports the open-type value of a getUserInfo button, once per button', () => {
    const { spans, findings } = checkMarkup('<button open-type="«getUserInfo»" bindgetuserinfo="onGetUserInfo">登录</button>');
    assert.deepEqual(spansOf(findings), spans);
    assert.deepEqual(findings[0]!.tags, ['deprecated']);
    assert.match(findings[0]!.message, /`open-type="getUserInfo"` gets anonymous data/);
  });

  it('reports a getuserinfo binding without the open-type', () => {
    for (const attribute of ['bindgetuserinfo', 'bind:getuserinfo', 'catchgetuserinfo']) {
      const { spans, findings } = checkMarkup(`<button «${attribute}»="onGetUserInfo">登录</button>`);
      assert.deepEqual(spansOf(findings), spans, attribute);
      assert.match(findings[0]!.message, new RegExp(`\`${attribute}\` receives anonymous data`));
    }
  });

  it('accepts the fill-in components, other open-types and near misses', () => {
    const sources = [
      '<button open-type="chooseAvatar" bind:chooseavatar="onTap"></button>',
      '<button open-type="getPhoneNumber" bindgetphonenumber="onTap"></button>',
      '<button open-type="{{type}}" bindtap="onTap"></button>',
      '<input type="nickname" bindblur="onTap" />',
      '<button data-open-type="getUserInfo" bindtap="onTap"></button>',
    ];
    for (const source of sources) assert.deepEqual(checkMarkup(source).findings, [], source);
  });

  it('leaves Alipay and Douyin markup alone', () => {
    assert.deepEqual(checkMarkup('<button open-type="getUserInfo">x</button>', 'pages/index/index.axml').findings, []);
    assert.deepEqual(checkMarkup('<button open-type="getUserInfo">x</button>', 'pages/index/index.ttml').findings, []);
  });
});

describe('getuserinfo-anonymous: uni-app login services', () => {
  const uniApp = { 'manifest.json': '{ "mp-weixin": {}, "app-plus": {} }', 'pages.json': '{ "pages": [] }' };

  it("reports uni.getUserInfo for WeChat's service, not for an App-only one (provider: 'apple')", () => {
    const text =
      "uni.getUserInfo({ provider: 'apple', success() {}, fail() {} });\nuni.getUserInfo({ provider: 'weixin', success() {}, fail() {} });\n";
    const { findings } = check(code, text, { files: uniApp, file: 'pages/a/a.js' });
    assert.deepEqual(
      findings.map((f) => text.slice(0, f.start).split('\n').length),
      [2],
    );
  });
});
