import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'privacy-button-id';
const agreeButton =
  '<button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>';

function run(source: string, wxml = agreeButton) {
  return check(code, source, { files: { 'pages/index/index.wxml': wxml } });
}

const page = (resolve: string) =>
  `Page({\n  onLoad() { wx.onNeedPrivacyAuthorization((resolve) => { this.resolvePrivacy = resolve }) },\n  onAgree() { this.resolvePrivacy(${resolve}) },\n})`;

describe('privacy-button-id', () => {
  it('reports a buttonId no agree button has, with a fix that names the one agree button', () => {
    const { text, spans, findings } = run(page("{ buttonId: '«agree»', event: 'agree' }"));
    assert.deepEqual(
      spansOf(findings).map((s) => ({ start: s.start + 1, end: s.end - 1 })),
      spans,
    );
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(
      findings[0]!.message,
      /No `open-type="agreePrivacyAuthorization"` button in index\.wxml has the id `agree` \(its agree buttons: `agree-btn`\)/,
    );
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), page("{ buttonId: 'agree-btn', event: 'agree' }"));
  });

  it('reports an agreement without buttonId, with a fix that adds it', () => {
    const { text, findings } = run(page("{ event: 'agree' }"));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /needs the `buttonId` of the agree button the user tapped \(`agree-btn` in index\.wxml\)/);
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), page("{ buttonId: 'agree-btn', event: 'agree' }"));
  });

  it('reads a buttonId from a const', () => {
    const { findings } = run(`const AGREE = 'agree'\n${page("{ buttonId: AGREE, event: 'agree' }")}`);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0]!.fixes?.some((f) => f.title.startsWith('Use')),
      false,
    );
  });

  const valid: Array<[string, string, string?]> = [
    ['the id of the agree button', page("{ buttonId: 'agree-btn', event: 'agree' }")],
    ['a disagreement', page("{ event: 'disagree' }")],
    ['markup without an agree button (it may be in a component)', page("{ buttonId: 'x', event: 'agree' }"), '<privacy-popup />'],
    [
      'an agree button with a computed id',
      page("{ buttonId: 'x', event: 'agree' }"),
      '<button id="{{agreeId}}" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>',
    ],
    ['a buttonId the rule cannot read', page("{ buttonId: this.data.id, event: 'agree' }")],
    ['options spread from elsewhere', page("{ ...this.agreeOptions, event: 'agree' }")],
  ];
  for (const [name, source, wxml] of valid) it(`accepts ${name}`, () => assert.deepEqual(run(source, wxml).findings, []));
});

describe('privacy-button-id: Taro JSX and uni-app .vue', () => {
  const taro = {
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.0' }, scripts: { build: 'taro build --type weapp' } }),
    'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', miniprogramRoot: 'dist/' }),
  };
  const taroPage = (resolve: string, id = "id='agree-btn'") =>
    [
      "import Taro from '@tarojs/taro'",
      "import { Button } from '@tarojs/components'",
      'export default function Privacy({ resolve }) {',
      `  const onAgree = () => resolve(${resolve})`,
      `  return <Button ${id} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>同意</Button>`,
      '}',
      '',
    ].join('\n');
  const runTaro = (source: string) => check(code, source, { files: taro, file: 'src/components/privacy/index.jsx' });

  it("compares with the ids of the page's own JSX agree buttons, with the fix", () => {
    const { findings, spans, text } = runTaro(taroPage("{ buttonId: '«agree»', event: 'agree' }"));
    assert.deepEqual(
      spansOf(findings).map((s) => ({ start: s.start + 1, end: s.end - 1 })),
      spans,
    );
    assert.match(findings[0]!.message, /button in index\.jsx has the id `agree` \(its agree buttons: `agree-btn`\)/);
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), taroPage("{ buttonId: 'agree-btn', event: 'agree' }"));
  });

  it('is quiet for the right id, a computed id, and a file without an agree button', () => {
    assert.deepEqual(runTaro(taroPage("{ buttonId: 'agree-btn', event: 'agree' }")).findings, []);
    assert.deepEqual(runTaro(taroPage("{ buttonId: 'x', event: 'agree' }", 'id={agreeId}')).findings, []);
    const noButton =
      "import Taro from '@tarojs/taro'\nTaro.onNeedPrivacyAuthorization((resolve) => resolve({ buttonId: 'x', event: 'agree' }))\n";
    assert.deepEqual(runTaro(noButton).findings, []);
  });

  const uniApp = { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' };
  const vuePage = (buttonId: string, id = 'id="agree-btn"') =>
    [
      '<template>',
      `  <button ${id} open-type="agreePrivacyAuthorization" @agreeprivacyauthorization="onAgree">同意</button>`,
      '</template>',
      '<script setup>',
      'let resolvePrivacy',
      'wx.onNeedPrivacyAuthorization((resolve) => { resolvePrivacy = resolve })',
      `function onAgree() { resolvePrivacy({ buttonId: ${buttonId}, event: 'agree' }) }`,
      '</script>',
      '',
    ].join('\n');
  const runVue = (source: string) => check(code, source, { files: uniApp, file: 'pages/p/p.vue' });

  it("compares with the .vue template's agree buttons", () => {
    const { findings, spans } = runVue(vuePage("'«agree»'"));
    assert.deepEqual(
      spansOf(findings).map((s) => ({ start: s.start + 1, end: s.end - 1 })),
      spans,
    );
    assert.match(findings[0]!.message, /button in p\.vue has the id `agree`/);
    assert.deepEqual(runVue(vuePage("'agree-btn'")).findings, []);
    assert.deepEqual(runVue(vuePage("'agree'", ':id="agreeId"')).findings, []);
  });
});
