import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'alipay-response-string';
const taro = { file: 'src/pages/index/index.tsx' };

describe('alipay-response-string', () => {
  const valid: Array<[string, string]> = [
    [
      'parsing res.response',
      "my.getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response; if (info.code === '10000') this.setData({ nickName: info.nickName }) } })",
    ],
    [
      "reading the parsed envelope's response",
      'my.getOpenUserInfo({ success(res) { const data = JSON.parse(res.response); this.save(data.response.nickName) } })',
    ],
    [
      'sending the string on whole',
      "my.getOpenUserInfo({ success: (res) => my.request({ url: 'x', data: { payload: res.response } }) })",
    ],
    [
      'a string method on the response',
      'my.getOpenUserInfo({ success: (res) => { if (res.response.startsWith("{")) this.parse(res.response) } })',
    ],
    [
      'a destructured response that is parsed',
      'my.getOpenUserInfo({ success: ({ response }) => { const info = JSON.parse(response).response } })',
    ],
    ['an inner function with its own res', 'my.getOpenUserInfo({ success: (res) => { list.map((res) => res.nickName) } })'],
    ['fields of other APIs', 'wx.getUserProfile({ desc: "x", success: (res) => this.save(res.userInfo.nickName) })'],
  ];
  for (const [name, source] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(check(code, source).findings, []));
  }

  const invalid: Array<[string, string, RegExp, string?]> = [
    [
      'res.nickName',
      'my.getOpenUserInfo({ success: (res) => { this.setData({ nick: «res.nickName» }) } })',
      /^`res\.nickName` is undefined: `my\.getOpenUserInfo` passes `res\.response`, a JSON string\. Read `JSON\.parse\(res\.response\)\.response\.nickName`\./,
    ],
    [
      'res.response.nickName',
      'my.getOpenUserInfo({ success(res) { this.save(«res.response.nickName») } })',
      /^`res\.response` is a JSON string, so `res\.response\.nickName` is undefined/,
    ],
    [
      "res['avatar']",
      "my.getOpenUserInfo({ success: (result) => this.save(«result['avatar']») })",
      /`result\.avatar` is undefined/,
    ],
    [
      'a destructured field',
      'my.getOpenUserInfo({ success: ({ «nickName» }) => this.save(nickName) })',
      /passes only `response`, a JSON string: `nickName` is undefined/,
    ],
    ['a destructured const', 'my.getOpenUserInfo({ success: (res) => { const { «avatar» } = res } })', /`avatar` is undefined/],
    [
      'a field of a destructured response',
      'my.getOpenUserInfo({ success: ({ response }) => this.save(«response.nickName») })',
      /`response` is a JSON string, so `response\.nickName` is undefined/,
    ],
    [
      'the parsed envelope read one level too high',
      'my.getOpenUserInfo({ success: (res) => this.save(«JSON.parse(res.response).nickName») })',
      /`nickName` is one level down/,
    ],
    [
      'a parsed const read one level too high',
      "my.getOpenUserInfo({ success: (res) => { const data = JSON.parse(res.response); if («data.code» === '10000') {} } })",
      /`code` is one level down/,
    ],
    [
      'Taro .then',
      "import Taro from '@tarojs/taro'\nTaro.getOpenUserInfo().then((res) => setNick(«res.nickName»))",
      /`res\.nickName` is undefined: `Taro\.getOpenUserInfo`/,
      taro.file,
    ],
    [
      'Taro await',
      "import Taro from '@tarojs/taro'\nasync function f() { const res = await Taro.getOpenUserInfo(); setNick(«res.response.nickName») }",
      /`res\.response` is a JSON string/,
      taro.file,
    ],
  ];
  for (const [name, source, message, file] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = check(code, source, file ? { file } : {});
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, message);
    });
  }

  it('inserts the parse at the top of a block callback and reads every field from it', () => {
    const source = [
      'my.getOpenUserInfo({',
      '  success: (res) => {',
      '    this.setData({ nickName: res.nickName, avatar: res.response.avatar });',
      '  },',
      '});',
    ].join('\n');
    const { text, findings } = check(code, source);
    assert.equal(findings.length, 2);
    const fix = findings[0]!.fixes!.find((f) => f.title === 'Parse res.response with JSON.parse')!;
    assert.equal(fix.preferred, true);
    assert.deepEqual(
      findings[1]!.fixes!.find((f) => f.title === fix.title),
      fix,
    );
    const fixed = applyFix(text, fix);
    assert.equal(
      fixed,
      [
        'my.getOpenUserInfo({',
        '  success: (res) => {',
        '    const info = JSON.parse(res.response).response;',
        '    this.setData({ nickName: info.nickName, avatar: info.avatar });',
        '  },',
        '});',
      ].join('\n'),
    );
    assert.deepEqual(check(code, fixed).findings, []);
  });

  it('turns an expression body into a block that parses first, with a name the callback does not use', () => {
    const source = 'my.getOpenUserInfo({ success: (res) => this.setData({ info: 1, nick: res.nickName }) })';
    const { text, findings } = check(code, source);
    const fixed = applyFix(text, findings[0]!.fixes![0]!);
    assert.equal(
      fixed,
      'my.getOpenUserInfo({ success: (res) => { const userInfo = JSON.parse(res.response).response; return this.setData({ info: 1, nick: userInfo.nickName }); } })',
    );
    assert.deepEqual(check(code, fixed).findings, []);
  });

  it('inserts the parse after an awaited const', () => {
    const source =
      "import Taro from '@tarojs/taro'\nasync function f() {\n  const res = await Taro.getOpenUserInfo();\n  setNick(res.nickName);\n}";
    const { text, findings } = check(code, source, taro);
    const fixed = applyFix(text, findings[0]!.fixes![0]!);
    assert.equal(
      fixed,
      "import Taro from '@tarojs/taro'\nasync function f() {\n  const res = await Taro.getOpenUserInfo();\n  const info = JSON.parse(res.response).response;\n  setNick(info.nickName);\n}",
    );
  });

  it('adds the missing .response to a parsed read', () => {
    const { text, findings } = check(
      code,
      'my.getOpenUserInfo({ success: (res) => this.save(JSON.parse(res.response).avatar) })',
    );
    assert.equal(
      applyFix(text, findings[0]!.fixes![0]!),
      'my.getOpenUserInfo({ success: (res) => this.save(JSON.parse(res.response).response.avatar) })',
    );
  });

  it('offers no parse fix for destructured parameters', () => {
    const { findings } = check(code, 'my.getOpenUserInfo({ success: ({ nickName }) => this.save(nickName) })');
    assert.ok(!findings[0]!.fixes!.some((f) => f.title.startsWith('Parse')));
  });
});
