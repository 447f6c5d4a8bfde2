import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'getuserprofile-anonymous';
const config = (appid: string, libVersion?: string) => ({
  'project.config.json': JSON.stringify({ appid, ...(libVersion ? { libVersion } : {}) }),
});
const call = "«wx.getUserProfile»({ desc: '用于完善会员资料', fail() {} })";

describe('getuserprofile-anonymous', () => {
  it('reports wx.getUserProfile on base library 2.27.1 as anonymous', () => {
    const { spans, findings } = check(code, call, { files: config('wx4f4bc4dec97d474b', '2.27.1') });
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'information');
    assert.match(
      findings[0]!.message,
      /returns a grey avatar and the nickname "微信用户" on base library 2\.27\.1 \(versions released after 2022-11-08\)/,
    );
    assert.match(findings[0]!.message, /open-type="chooseAvatar".*type="nickname"/);
  });

  it("below 2.27.1 (2.27.0, the near miss) says that each user's client decides, not that the project gets real data", () => {
    const { findings } = check(code, call, { files: config('wx4f4bc4dec97d474b', '2.27.0') });
    assert.equal(findings.length, 1);
    assert.match(
      findings[0]!.message,
      /to versions released after 2022-11-08 on clients with base library 2\.27\.1 or newer, which today is nearly every client\./,
    );
    assert.doesNotMatch(findings[0]!.message, /real data|2\.27\.0/);
  });

  it('says the same without a libVersion', () => {
    const { findings } = check(code, call, { files: config('wx4f4bc4dec97d474b') });
    assert.match(findings[0]!.message, /on clients with base library 2\.27\.1 or newer, which today is nearly every client\./);
  });

  it('takes the libVersion setting over the project file', () => {
    const { findings } = check(code, call, { files: config('wx4f4bc4dec97d474b', '2.20.0'), analysis: { libVersion: '3.0.0' } });
    assert.match(findings[0]!.message, /on base library 3\.0\.0/);
  });

  it('reports Taro.getUserProfile on WeChat and when the platform is unknown', () => {
    const source = "import Taro from '@tarojs/taro'\n«Taro.getUserProfile»({ desc: 'x' }).catch(() => {})";
    for (const files of [config('wx4f4bc4dec97d474b', '2.30.0'), {}]) {
      const { spans, findings } = check(code, source, { file: 'src/pages/index/index.tsx', files });
      assert.deepEqual(spansOf(findings), spans);
    }
  });

  const valid: Array<[string, string, Record<string, string>]> = [
    ['tt.getUserProfile (Douyin has no such policy)', 'tt.getUserProfile({ fail() {} })', config('tt07e3715e98c9aac0', '2.60.0')],
    [
      'Taro.getUserProfile in a Douyin project',
      "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x' })",
      config('tt07e3715e98c9aac0'),
    ],
    ['wx.getUserInfo (a different rule)', 'wx.getUserInfo({ fail() {} })', config('wx4f4bc4dec97d474b', '2.30.0')],
    ['my.getOpenUserInfo', 'my.getOpenUserInfo({ fail() {} })', {}],
  ];
  for (const [name, source, files] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source, { files }).findings, []));
  }
});
