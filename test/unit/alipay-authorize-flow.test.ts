import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, marked, MemoryProject, spansOf } from './helpers';

const code = 'alipay-authorize-flow';
const userInfoButton =
  '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">授权</button>';
const phoneButton = '<button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onGetPhone">手机号</button>';

function run(source: string, axml?: string) {
  return check(code, source, {
    files: { 'mini.project.json': '{}', ...(axml === undefined ? {} : { 'pages/index/index.axml': axml }) },
  });
}

function runMarkup(source: string) {
  const { text, spans } = marked(source);
  const project = new MemoryProject({
    'mini.project.json': '{}',
    'pages/index/index.axml': text,
    'pages/index/index.js': 'Page({ onGetAuthorize() {}, onGetPhone() {}, onTap() {} })',
  });
  return { text, spans, findings: project.analyze('pages/index/index.axml').filter((f) => f.code === code) };
}

describe('alipay-authorize-flow (script)', () => {
  const valid: Array<[string, string, string?]> = [
    ['a call in the onGetAuthorize handler', 'Page({ onGetAuthorize() { my.getOpenUserInfo({ fail() {} }) } })', userInfoButton],
    [
      'a call in a helper the handler calls',
      'Page({ onGetAuthorize() { this.load() }, load() { my.getOpenUserInfo({ fail() {} }) } })',
      userInfoButton,
    ],
    [
      'a call in a callback inside the handler',
      'Page({ onGetAuthorize() { my.getAuthCode({ success: () => my.getOpenUserInfo({ fail() {} }) }) } })',
      userInfoButton,
    ],
    ['my.getPhoneNumber from a phoneNumber button', 'Page({ onGetPhone() { my.getPhoneNumber({ fail() {} }) } })', phoneButton],
    ['a page without AXML', 'Page({ onLoad() { my.getOpenUserInfo({ fail() {} }) } })', undefined],
    [
      'dynamic bindings',
      'Page({ anything() { my.getOpenUserInfo({ fail() {} }) } })',
      '<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="{{handler}}">x</button>',
    ],
    ['an exported helper no member reaches', 'export function load() { my.getOpenUserInfo({ fail() {} }) }', userInfoButton],
  ];
  for (const [name, source, axml] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(run(source, axml).findings, []));
  }

  it('reports a call the consent handler does not reach', () => {
    const { spans, findings } = run(
      'Page({ onLoad() { «my.getOpenUserInfo»({ fail() {} }) }, onGetAuthorize() {} })',
      userInfoButton,
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'information');
    assert.equal(
      findings[0]!.message,
      '`my.getOpenUserInfo` is not reached from the `onGetAuthorize` handler of a `<button open-type="getAuthorize" scope="userInfo">` in index.axml. Without that consent `success` receives code 40003 (isv.invalid-auth-relations).',
    );
  });

  it('reports a call when the page has no consent button at all', () => {
    const { findings } = run('Page({ onTap() { my.getOpenUserInfo({ fail() {} }) } })', '<button onTap="onTap">登录</button>');
    assert.equal(findings.length, 1);
  });

  it('reports a call made from the handler of a button with another scope', () => {
    const { spans, findings } = run('Page({ onGetPhone() { «my.getOpenUserInfo»({ fail() {} }) } })', phoneButton);
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /runs from `onGetPhone`, the handler of a scope="phoneNumber" button, which does not cover scope="userInfo"/,
    );
  });

  it('reports my.getPhoneNumber from a userInfo consent', () => {
    const { findings } = run('Page({ onGetAuthorize() { my.getPhoneNumber({ fail() {} }) } })', userInfoButton);
    assert.match(findings[0]!.message, /does not cover scope="phoneNumber"/);
  });
});

describe('alipay-authorize-flow (AXML)', () => {
  it('accepts a complete consent button and other buttons', () => {
    assert.deepEqual(runMarkup(`${userInfoButton}\n${phoneButton}\n<button onTap="onTap">x</button>`).findings, []);
  });

  it('reports a consent button without scope', () => {
    const { spans, findings } = runMarkup('<button open-type="«getAuthorize»" onGetAuthorize="onGetAuthorize">x</button>');
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /needs a scope: `scope="userInfo"` or `scope="phoneNumber"`/);
  });

  it('reports an empty scope on the scope value', () => {
    const { findings } = runMarkup('<button open-type="getAuthorize" scope="" onGetAuthorize="onGetAuthorize">x</button>');
    assert.match(findings[0]!.message, /needs a scope/);
  });

  it('reports a consent button without onGetAuthorize', () => {
    const { spans, findings } = runMarkup('<button open-type="«getAuthorize»" scope="userInfo" onTap="onTap">x</button>');
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /has no `onGetAuthorize`: nothing runs when the user agrees/);
  });

  it('reports both scopes in one dialog', () => {
    const { spans, findings } = runMarkup(
      '<button open-type="getAuthorize" scope="«userInfo,phoneNumber»" onGetAuthorize="onGetAuthorize">x</button>',
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /One consent dialog cannot ask for "userInfo" and "phoneNumber"/);
  });

  it('reports a misspelt scope with a fix', () => {
    const { text, spans, findings } = runMarkup(
      '<button open-type="getAuthorize" scope="«userinfo»" onGetAuthorize="onGetAuthorize">x</button>',
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /Unknown scope "userinfo": use "userInfo" or "phoneNumber"\. Did you mean "userInfo"\?/);
    assert.equal(
      applyFix(text, findings[0]!.fixes![0]!),
      userInfoButton.replace(' onError="onAuthError"', '').replace('>授权', '>x'),
    );
  });

  it('leaves WXML alone', () => {
    const project = new MemoryProject({
      'pages/index/index.wxml': '<button open-type="getAuthorize">x</button>',
      'pages/index/index.js': 'Page({})',
    });
    assert.deepEqual(
      project.analyze('pages/index/index.wxml').filter((f) => f.code === code),
      [],
    );
  });
  describe('Taro JSX consent buttons', () => {
    const file = 'src/pages/member/member.tsx';
    const head = "import Taro from '@tarojs/taro'\nimport { Button } from '@tarojs/components'\n";
    it('accepts Taro.getOpenUserInfo in the onGetAuthorize handler of a userInfo button', () => {
      const source = `${head}export default function Member() {\n  const onAuth = () => { Taro.getOpenUserInfo().catch(() => {}) }\n  return <Button openType="getAuthorize" scope="userInfo" onGetAuthorize={onAuth}>Sign in</Button>\n}`;
      assert.deepEqual(check(code, source, { file }).findings, []);
    });
    it('reports a request outside the handler, a button without scope and one without onGetAuthorize', () => {
      const source =
        `${head}export default function Member() {\n  useLoad(() => { «Taro.getOpenUserInfo»().catch(() => {}) })\n` +
        '  return <>\n    <Button openType="«getAuthorize»" onGetAuthorize={() => {}}>A</Button>\n    <Button openType="«getAuthorize»" scope="userInfo">B</Button>\n  </>\n}';
      const { spans, findings } = check(code, source, { file });
      assert.deepEqual(spansOf(findings), spans);
      assert.match(
        findings.find((f) => /not reached/.test(f.message))!.message,
        /`onGetAuthorize` handler of a `<Button openType="getAuthorize" scope="userInfo">`/,
      );
      assert.ok(findings.some((f) => /needs a scope/.test(f.message)));
      assert.ok(findings.some((f) => /has no `onGetAuthorize`/.test(f.message)));
    });
  });
});
