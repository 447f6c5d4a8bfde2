import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'min-version';
const wechat = (libVersion?: string) => ({
  'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', ...(libVersion ? { libVersion } : {}) }),
});
const douyin = (libVersion: string) => ({ 'project.config.json': JSON.stringify({ appid: 'tt07e3715e98c9aac0', libVersion }) });
const call = "wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })";

function run(source: string, files: Record<string, string> = wechat('2.9.0'), libVersion?: string) {
  return check(code, source, { files, ...(libVersion ? { analysis: { libVersion } } : {}) });
}

describe('min-version', () => {
  it('reports wx.getUserProfile below base library 2.10.4, naming the runtime failure', () => {
    const { spans, findings } = run(`Page({ onTap() { «wx.getUserProfile»({ desc: 'x', fail() {} }) } })`);
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(
      findings[0]!.message,
      "`wx.getUserProfile` needs base library 2.10.4, but the project supports 2.9.0: on older clients it is undefined and calling it throws a TypeError. Test it first (`wx.canIUse('getUserProfile')`) or raise libVersion.",
    );
  });

  it('accepts exactly the minimum version and anything newer (the near misses)', () => {
    assert.deepEqual(run(call, wechat('2.10.4')).findings, []);
    assert.deepEqual(run(call, wechat('2.10.10')).findings, []);
    assert.equal(run(call, wechat('2.10.3')).findings.length, 1);
  });

  it('stays quiet without a libVersion', () => {
    assert.deepEqual(run(call, wechat()).findings, []);
  });

  it('takes the libVersion setting over the project file', () => {
    assert.equal(run(call, wechat('3.0.0'), '2.0.0').findings.length, 1);
    assert.deepEqual(run(call, wechat('2.0.0'), '3.0.0').findings, []);
  });

  const guards: Array<[string, string]> = [
    ['if (wx.getUserProfile)', `if (wx.getUserProfile) { ${call} }`],
    ["wx.canIUse('getUserProfile')", `if (wx.canIUse('getUserProfile')) { ${call} }`],
    ["typeof wx.getUserProfile === 'function'", `if (typeof wx.getUserProfile === 'function') { ${call} }`],
    ['an early return', `function f() { if (!wx.getUserProfile) return; ${call} }`],
    ['a && guard', `wx.getUserProfile && ${call}`],
    ["'getUserProfile' in wx", `if ('getUserProfile' in wx) { ${call} }`],
    [
      "a test in onLoad with the button hidden by wx:if (WeChat's own sample)",
      `Page({ onLoad() { if (wx.getUserProfile) this.setData({ canIUse: true }) }, onTap() { ${call} } })`,
    ],
    ['an SDKVersion comparison', `if (compareVersion(wx.getSystemInfoSync().SDKVersion, '2.10.4') >= 0) { ${call} }`],
    ['a canIUse path below the API', `if (wx.canIUse('getUserProfile.object.desc')) { ${call} }`],
    ['a canIUse flag kept in data', `Page({ data: { canIUseProfile: wx.canIUse('getUserProfile') }, onTap() { ${call} } })`],
    ['a ternary', `const go = wx.getUserProfile ? () => ${call} : null`],
    [
      'a test around the only call of a helper',
      `Page({ onTap() { if (wx.getUserProfile) { this.ask() } else { this.fallback() } }, ask() { ${call} }, fallback() {} })`,
    ],
  ];
  for (const [name, source] of guards) {
    it(`accepts a call guarded by ${name}`, () => assert.deepEqual(run(source).findings, []));
  }

  it('counts a test only for the code it guards, not for a call in another method', () => {
    const source = `Page({ a() { if (wx.getUserProfile) { ${call} } }, b() { «wx.getUserProfile»({ desc: '用于完善会员资料', fail() {} }) } })`;
    const { spans, findings } = run(source);
    assert.deepEqual(spansOf(findings), spans);
  });

  it('does not count the branch where the API is missing', () => {
    const { spans, findings } = run(`if (!wx.getUserProfile) { «wx.getUserProfile»({ desc: 'x', fail() {} }) }`);
    assert.deepEqual(spansOf(findings), spans);
  });

  it('does not count a guarded call site for a helper that an unguarded one also reaches', () => {
    const source = `Page({ a() { if (wx.getUserProfile) this.ask() }, b() { this.ask() }, ask() { «wx.getUserProfile»({ desc: 'x', fail() {} }) } })`;
    const { spans, findings } = run(source);
    assert.deepEqual(spansOf(findings), spans);
  });

  it('does not take a test of another API for a guard', () => {
    assert.equal(run(`if (wx.canIUse('getUserInfo')) { ${call} }`).findings.length, 1);
  });

  it('reports an option newer than the project, unless tested', () => {
    const source = 'tt.getUserInfo({ «withRealNameAuthenticationInfo»: true, fail() {} })';
    const { spans, findings } = run(source, douyin('1.70.0'));
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /^`withRealNameAuthenticationInfo` of `tt\.getUserInfo` needs base library 1\.80\.0, but the project supports 1\.70\.0: older base libraries do not support it\./,
    );
    assert.match(findings[0]!.message, /tt\.canIUse\('getUserInfo\.object\.withRealNameAuthenticationInfo'\)/);
    assert.deepEqual(run(source, douyin('1.80.0')).findings, []);
    assert.deepEqual(
      run(
        `if (tt.canIUse('getUserInfo.object.withRealNameAuthenticationInfo')) { ${source.replace(/[«»]/g, '')} }`,
        douyin('1.70.0'),
      ).findings,
      [],
    );
  });

  it('reports tt.getUserProfile below 2.30.0 and its force option below 2.54.0', () => {
    const { spans, findings } = run('«tt.getUserProfile»({ «force»: true, fail() {} })', douyin('2.20.0'));
    assert.deepEqual(spansOf(findings), spans);
    const onlyForce = run('tt.getUserProfile({ «force»: true, fail() {} })', douyin('2.40.0'));
    assert.deepEqual(spansOf(onlyForce.findings), onlyForce.spans);
  });

  it('does not repeat an option that is as old as its API', () => {
    // success/fail/complete of tt.getUserProfile carry the API's own 2.30.0.
    const { findings } = run('tt.getUserProfile({ success() {}, fail() {} })', douyin('2.20.0'));
    assert.deepEqual(
      findings.map((f) => f.message.split(' ')[0]),
      ['`tt.getUserProfile`'],
    );
  });

  it('reports my.getOpenUserInfo below 1.16.4 (libVersion from the setting)', () => {
    const { findings } = run('my.getOpenUserInfo({ fail() {} })', { 'mini.project.json': '{}' }, '1.10.0');
    assert.match(findings[0]!.message, /needs base library 1\.16\.4/);
  });

  it('does not compare a WeChat libVersion with Douyin numbering', () => {
    assert.deepEqual(run('tt.getUserProfile({ fail() {} })', wechat('2.9.0')).findings, []);
  });

  it('compares a Taro option only on the platform it belongs to', () => {
    const source = "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x', force: true }).catch(() => {})";
    assert.deepEqual(run(source, wechat('2.20.0')).findings, []);
    assert.equal(run(source, douyin('2.40.0')).findings.length, 1);
    assert.deepEqual(run(source, {}, '2.0.0').findings, []);
  });
});
