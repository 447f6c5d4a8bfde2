import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, marked, MemoryProject, spansOf } from './helpers';

const code = 'privacy-agree-event';

function run(source: string, file = 'pages/index/index.wxml') {
  const { text, spans } = marked(source);
  const project = new MemoryProject({ [file]: text, 'pages/index/index.js': 'Page({ onAgree() {} })' });
  return { text, spans, findings: project.analyze(file).filter((f) => f.code === code) };
}

describe('privacy-agree-event', () => {
  it('reports bindtap on an agree button, with a fix that binds the agree event instead', () => {
    const { text, spans, findings } = run(
      '<button id="agree" open-type="agreePrivacyAuthorization" «bindtap»="onAgree">同意</button>',
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(findings[0]!.message, /`bindtap` on the privacy agree button runs on the tap/);
    const fix = findings[0]!.fixes![0]!;
    assert.equal(fix.title, 'Rename `bindtap` to `bindagreeprivacyauthorization`');
    assert.equal(
      applyFix(text, fix),
      '<button id="agree" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>',
    );
  });

  it('reports bind:tap and catchtap on a coupled open-type, and offers no rename for catchtap', () => {
    const { spans, findings } = run(
      '<button open-type="getPhoneNumber|agreePrivacyAuthorization" «bind:tap»="onAgree">同意</button>\n<button open-type="agreePrivacyAuthorization" «catchtap»="onAgree">同意</button>',
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.fixes![0]!.title, 'Rename `bind:tap` to `bind:agreeprivacyauthorization`');
    assert.equal(findings[1]!.fixes!.filter((f) => f.title.startsWith('Rename')).length, 0);
  });

  const valid: Array<[string, string]> = [
    [
      'the agree event bound',
      '<button open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>',
    ],
    [
      'a tap next to the agree event',
      '<button open-type="agreePrivacyAuthorization" bindtap="onTap" bind:agreeprivacyauthorization="onAgree">同意</button>',
    ],
    ['a tap on another button', '<button bindtap="onAgree">同意</button>'],
  ];
  for (const [name, source] of valid) it(`accepts ${name}`, () => assert.deepEqual(run(source).findings, []));
});

describe('privacy-agree-event: uni-app .vue', () => {
  const uniApp = { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' };
  const page = (attribute: string) =>
    [
      '<template>',
      `  <button id="agree-btn" open-type="agreePrivacyAuthorization" ${attribute}="onAgree">同意</button>`,
      '</template>',
      '<script>',
      'export default {',
      '  onLoad() {',
      '    wx.onNeedPrivacyAuthorization((resolve) => {',
      '      this.resolve = resolve',
      '    })',
      '  },',
      '  methods: {',
      "    onAgree() { this.resolve({ buttonId: 'agree-btn', event: 'agree' }) },",
      '  },',
      '}',
      '</script>',
      '',
    ].join('\n');

  it('reports @tap and @click with the uni-app spelling, and the fix renames the event', () => {
    for (const attribute of ['@tap', '@click']) {
      const { findings, text } = check(code, page(attribute), { files: uniApp, file: 'pages/p/p.vue' });
      assert.equal(findings.length, 1, attribute);
      assert.match(findings[0]!.message, /Bind the handler to `@agreeprivacyauthorization`/);
      assert.match(
        applyFix(text, findings[0]!.fixes![0]!),
        /open-type="agreePrivacyAuthorization" @agreeprivacyauthorization="onAgree"/,
      );
    }
  });

  it('gives no rename for @tap.stop (it also stops the tap), and accepts @agreeprivacyauthorization', () => {
    const stop = check(code, page('@tap.stop'), { files: uniApp, file: 'pages/p/p.vue' }).findings;
    assert.equal(stop.length, 1);
    assert.ok(!stop[0]!.fixes?.some((f) => f.title.startsWith('Rename')));
    assert.deepEqual(check(code, page('@agreeprivacyauthorization'), { files: uniApp, file: 'pages/p/p.vue' }).findings, []);
  });
});

describe('privacy-agree-event: Taro JSX', () => {
  const taro = {
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.0' }, scripts: { build: 'taro build --type weapp' } }),
    'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', miniprogramRoot: 'dist/' }),
  };
  const page = (attributes: string) =>
    [
      "import Taro from '@tarojs/taro'",
      "import { Button } from '@tarojs/components'",
      'export default function Privacy({ resolve }) {',
      "  const onAgree = () => resolve({ buttonId: 'agree-btn', event: 'agree' })",
      `  return <Button id='agree-btn' ${attributes}>同意</Button>`,
      '}',
      '',
    ].join('\n');
  const run = (source: string) => check(code, source, { files: taro, file: 'src/components/privacy/index.jsx' });

  it("reports onClick on a Button with openType 'agreePrivacyAuthorization', with a rename that is not an autofix", () => {
    const { findings, text, spans } = run(page("openType='agreePrivacyAuthorization' «onClick»={onAgree}"));
    assert.deepEqual(spansOf(findings), spans);
    assert.match(
      findings[0]!.message,
      /`onClick` on the privacy agree button runs on the tap.*Pass the handler to `onAgreePrivacyAuthorization`/,
    );
    const fix = findings[0]!.fixes![0]!;
    assert.equal(fix.preferred, undefined);
    assert.equal(applyFix(text, fix), page("openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}"));
  });

  it('reads an openType that joins the agreement to another ability', () => {
    const { findings } = run(page("openType='getPhoneNumber|agreePrivacyAuthorization' onTap={onAgree}"));
    assert.equal(findings.length, 1);
  });

  const quiet: Array<[string, string]> = [
    ['the agree event passed', "openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}"],
    [
      'a tap next to the agree event',
      "openType='agreePrivacyAuthorization' onClick={track} onAgreePrivacyAuthorization={onAgree}",
    ],
    ['props spread onto the button', "openType='agreePrivacyAuthorization' onClick={onAgree} {...rest}"],
    ['a tap on another button', "openType='share' onClick={onAgree}"],
  ];
  for (const [name, attributes] of quiet) it(`is quiet for ${name}`, () => assert.deepEqual(run(page(attributes)).findings, []));
});
