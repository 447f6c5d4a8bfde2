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

describe('nickname-read-on-input: Taro JSX and values kept between functions', () => {
  const taro = {
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.0' }, scripts: { build: 'taro build --type weapp' } }),
    'project.config.json': JSON.stringify({ appid: 'wx4f4bc4dec97d474b', miniprogramRoot: 'dist/' }),
  };
  const taroPage = (body: string, input = "<Input type='nickname' onBlur={onNick} />") =>
    [
      "import Taro from '@tarojs/taro'",
      "import { useState } from 'react'",
      "import { Button, Input, View } from '@tarojs/components'",
      'export default function Me() {',
      body,
      `  return <View>${input}<Button onClick={onSave}>保存</Button></View>`,
      '}',
      '',
    ].join('\n');
  const runTaro = (source: string) => check(code, source, { files: taro, file: 'src/pages/me/index.jsx' });

  it("reports a nickname a Taro Input's onBlur handler stores", () => {
    const { findings, spans } = runTaro(
      taroPage("  const onNick = (e) => «Taro.setStorageSync»('nick', e.detail.value)\n  const onSave = () => {}"),
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /stores the nickname read in `onNick` before WeChat's content check/);
  });

  it('follows React state from the setter in onInput to the request that sends it', () => {
    const { findings, spans } = runTaro(
      taroPage(
        [
          "  const [nickname, setNickname] = useState('')",
          '  const onNick = (e) => setNickname(e.detail.value)',
          "  const onSave = () => «Taro.request»({ url: 'https://example.com/me', method: 'POST', data: { nickname } })",
        ].join('\n'),
        "<Input type='nickname' onInput={onNick} />",
      ),
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /sends the nickname read in `onNick` \(kept in `nickname`\)/);
  });

  it('reports React state sent after its setter was called again: the closure still holds the typed nickname', () => {
    const { findings, spans } = runTaro(
      taroPage(
        [
          "  const [nickname, setNickname] = useState('')",
          '  const onNick = (e) => setNickname(e.detail.value)',
          "  const onSave = () => { setNickname(''); «Taro.request»({ url: 'https://example.com/me', data: { nickname } }) }",
        ].join('\n'),
      ),
    );
    assert.deepEqual(spansOf(findings), spans);
  });

  it('follows this.setState into this.state of a class component', () => {
    const source = [
      "import Taro from '@tarojs/taro'",
      "import { Component } from 'react'",
      "import { Input } from '@tarojs/components'",
      'export default class Me extends Component {',
      "  state = { nickname: '' }",
      '  onNick = (e) => { this.setState({ nickname: e.detail.value }) }',
      "  save() { «Taro.setStorageSync»('nick', this.state.nickname) }",
      "  render() { return <Input type='nickname' onBlur={this.onNick} /> }",
      '}',
      '',
    ].join('\n');
    const { findings, spans } = runTaro(source);
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /\(kept in `state\.nickname`\)/);
  });

  const quiet: Array<[string, string]> = [
    [
      'an input that also listens to the review',
      taroPage(
        "  const onNick = (e) => Taro.setStorageSync('nick', e.detail.value)\n  const onSave = () => {}",
        "<Input type='nickname' onBlur={onNick} onNickNameReview={() => {}} />",
      ),
    ],
    [
      'a setter the file does not declare with useState',
      taroPage(
        [
          '  const setNickname = (value) => Taro.uploadNickname(value)',
          '  const onNick = (e) => setNickname(e.detail.value)',
          '  const onSave = () => {}',
        ].join('\n'),
      ),
    ],
    ['a nickname read from the form', taroPage('  const onNick = () => {}\n  const onSave = () => {}')],
  ];
  for (const [name, source] of quiet) {
    it(`is quiet for ${name}`, () => assert.deepEqual(runTaro(source).findings, []));
  }

  const uni = { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' };
  const vuePage = (script: string[], setup = false) =>
    [
      '<template>',
      '  <input type="nickname" @input="onNick" />',
      '  <button @tap="onSave">保存</button>',
      '</template>',
      setup ? '<script setup>' : '<script>',
      ...script,
      '</script>',
      '',
    ].join('\n');

  it('follows this.nickname of the options API from @input to the method that sends it', () => {
    const { findings, spans } = check(
      code,
      vuePage([
        'export default {',
        "  data() { return { nickname: '' } },",
        '  methods: {',
        '    onNick(e) { this.nickname = e.detail.value },',
        "    onSave() { «uni.request»({ url: 'https://example.com/me', data: { nickname: this.nickname } }) },",
        '  },',
        '}',
      ]),
      { files: uni, file: 'pages/me/me.vue' },
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /sends the nickname read in `onNick` \(kept in `this\.nickname`\)/);
  });

  it('follows a <script setup> ref to the function that stores it', () => {
    const { findings, spans } = check(
      code,
      vuePage(
        [
          "import { ref } from 'vue'",
          "const nickname = ref('')",
          'function onNick(e) { nickname.value = e.detail.value }',
          "function onSave() { «uni.setStorageSync»('nick', nickname.value) }",
        ],
        true,
      ),
      { files: uni, file: 'pages/me/me.vue' },
    );
    assert.deepEqual(spansOf(findings), spans);
    assert.match(findings[0]!.message, /stores the nickname read in `onNick` \(kept in `nickname\.value`\)/);
  });

  it('is quiet when the kept value is replaced before it is stored', () => {
    const { findings } = check(
      code,
      vuePage([
        'export default {',
        '  methods: {',
        '    onNick(e) { this.nickname = e.detail.value },',
        "    onSave() { this.nickname = 'x'; uni.setStorageSync('nick', this.nickname) },",
        '  },',
        '}',
      ]),
      { files: uni, file: 'pages/me/me.vue' },
    );
    assert.deepEqual(findings, []);
  });
});
