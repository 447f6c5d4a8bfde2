import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'nickname-read-on-input';

function run(source: string, wxml = '<input type="nickname" bindinput="onNickname" />\n<button bindtap="onSave">保存</button>') {
  return check(code, source, { files: { 'pages/index/index.wxml': wxml } });
}

describe('nickname-read-on-input', () => {
  const invalid: Array<[string, string, string?]> = [
    [
      'the nickname kept in data on input and sent on a tap',
      "Page({\n  onNickname(e) { this.setData({ nickName: e.detail.value }) },\n  onSave() { «wx.request»({ url: 'https://example.com/p', method: 'POST', data: { nickName: this.data.nickName } }) },\n})",
    ],
    [
      'the nickname stored on blur',
      "Page({ onBlur(e) { «wx.setStorageSync»('nickName', e.detail.value) } })",
      '<input type="nickname" bind:blur="onBlur" />',
    ],
  ];
  for (const [name, source, wxml] of invalid) {
    it(`reports ${name}`, () => {
      const { spans, findings } = run(source, wxml);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'warning');
      assert.match(findings[0]!.message, /before WeChat's content check, which runs after blur/);
      assert.match(findings[0]!.message, /`<form bindsubmit>` with a `form-type="submit"` button/);
    });
  }

  it('names the data key the nickname went through', () => {
    const { findings } = run(
      "Page({\n  onNickname(e) { this.setData({ nickName: e.detail.value }) },\n  onSave() { wx.setStorageSync('n', this.data.nickName) },\n})",
    );
    assert.match(
      findings[0]!.message,
      /`wx\.setStorageSync` stores the nickname read in `onNickname` \(kept in `data\.nickName`\)/,
    );
  });

  const valid: Array<[string, string, string?]> = [
    [
      'the nickname read from the form submit',
      "Page({ onSubmit(e) { wx.setStorageSync('nickName', e.detail.value.nickName) } })",
      '<form bindsubmit="onSubmit"><input type="nickname" name="nickName" /><button form-type="submit">保存</button></form>',
    ],
    ['the nickname only kept in data', 'Page({ onNickname(e) { this.setData({ nickName: e.detail.value }) } })'],
    [
      'an input that also listens to the content check',
      "Page({ onNickname(e) { wx.setStorageSync('nickName', e.detail.value) }, onReview() {} })",
      '<input type="nickname" bindinput="onNickname" bindnicknamereview="onReview" />',
    ],
    [
      'an input of another type',
      "Page({ onNickname(e) { wx.setStorageSync('nickName', e.detail.value) } })",
      '<input type="text" bindinput="onNickname" />',
    ],
    [
      'the nickname handed to a function the rule does not follow',
      "import { saveProfile } from '../../api'\nPage({ onNickname(e) { saveProfile(e.detail.value); wx.setStorageSync('n', e.detail.value) } })",
    ],
  ];
  for (const [name, source, wxml] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(run(source, wxml).findings, []));
  }
});

describe('nickname-read-on-input: uni-app .vue', () => {
  it('reports the nickname a .vue template’s @blur handler sends', () => {
    const vue = [
      '<template>',
      '  <input type="nickname" @blur="onNick" />',
      '</template>',
      '<script>',
      'export default {',
      '  methods: {',
      "    onNick(e) { «uni.request»({ url: 'https://example.com/u', data: { nickname: e.detail.value } }) },",
      '  },',
      '}',
      '</script>',
      '',
    ].join('\n');
    const { findings, spans } = check(code, vue, {
      files: { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' },
      file: 'pages/me/me.vue',
    });
    assert.deepEqual(
      findings.map((f) => ({ start: f.start, end: f.end })),
      spans,
    );
  });
});
