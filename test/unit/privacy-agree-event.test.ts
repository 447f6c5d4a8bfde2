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
