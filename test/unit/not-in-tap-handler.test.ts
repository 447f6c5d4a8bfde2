import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, spansOf } from './helpers';

const code = 'not-in-tap-handler';
const call = "wx.getUserProfile({ desc: '用于完善会员资料' })";
const flagged = "«wx.getUserProfile»({ desc: '用于完善会员资料' })";
const wxml = (...handlers: string[]) => handlers.map((h) => `<button bindtap="${h}">x</button>`).join('\n');

interface Case {
  name: string;
  source: string;
  markup?: string;
  file?: string;
  message?: RegExp;
}

function run(c: Case) {
  const file = c.file ?? 'pages/index/index.js';
  const files = c.markup === undefined ? {} : { [file.replace(/\.\w+$/, '.wxml')]: c.markup };
  return check(code, c.source, { file, files });
}

describe('not-in-tap-handler', () => {
  const valid: Case[] = [
    { name: 'a bindtap handler', source: `Page({ onTap() { ${call} } })`, markup: wxml('onTap') },
    {
      name: 'catch:tap and longpress bindings',
      source: `Page({ a() { ${call} }, b() { ${call} } })`,
      markup: '<view catch:tap="a"/><view bindlongpress="b"/>',
    },
    {
      name: 'a helper the handler calls through this',
      source: `Page({ onTap() { this.ask() }, ask() { ${call} } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a helper called through that = this',
      source: `Page({ onTap() { const that = this; that.ask() }, ask() { ${call} } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a plain function the handler calls',
      source: `function ask() { ${call} }\nPage({ onTap() { ask() } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a two-step chain',
      source: `Page({ onTap() { this.a() }, a() { this.b() }, b() { ${call} } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'an array callback inside the handler',
      source: `Page({ onTap() { [1].forEach(() => { ${call} }) } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a Promise executor inside the handler',
      source: `Page({ onTap() { return new Promise((resolve) => { ${call}; resolve() }) } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a Component method bound in its markup',
      source: `Component({ methods: { onTap() { ${call} } } })`,
      markup: wxml('onTap'),
    },
    { name: 'a page without markup (methods may be bound anywhere)', source: `Page({ onTapProfile() { ${call} } })` },
    { name: 'dynamic bindings', source: `Page({ whatever() { ${call} } })`, markup: '<button bindtap="{{handler}}"/>' },
    {
      name: 'a Taro onClick identifier',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nexport default function P() { const go = () => { Taro.getUserProfile({ desc: 'x' }) }; return <Button onClick={go}/> }`,
    },
    {
      name: 'a Taro inline arrow',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nexport default function P() { return <Button onClick={() => Taro.getUserProfile({ desc: 'x' })}/> }`,
    },
    {
      name: 'a Taro class method',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nclass P extends Component { handle() { Taro.getUserProfile({ desc: 'x' }) } render() { return <Button onTap={this.handle.bind(this)}/> } }`,
    },
    {
      name: 'a Taro class arrow property',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nclass P extends Component { handle = () => { this.ask() }; ask() { Taro.getUserProfile({ desc: 'x' }) } render() { return <Button onClick={this.handle}/> } }`,
    },
    { name: 'an exported helper (callers unknown)', source: `export function askProfile() { ${call} }` },
    {
      name: 'an await only in a branch that returns',
      source: `Page({ async onTap() { if (!this.data.ok) { await this.toast(); return } ${call} } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'an await inside an async array callback',
      source: `Page({ onTap() { [1].forEach(async () => { await x() }); ${call} } })`,
      markup: wxml('onTap'),
    },
    {
      name: 'a UI kit button re-emitting click',
      source: `Page({ onLogin() { ${call} } })`,
      markup: '<van-button bind:click="onLogin">登录</van-button>',
    },
    {
      name: 'a member naming a module function',
      source: `function ask() { ${call} }\nPage({ onTap: ask })`,
      markup: wxml('onTap'),
    },
  ];
  for (const c of valid) {
    it(`accepts ${c.name}`, () => assert.deepEqual(run(c).findings, []));
  }

  const invalid: Case[] = [
    { name: 'onLoad', source: `Page({ onLoad() { ${flagged} } })`, markup: wxml('x'), message: /lifecycle hook `onLoad`/ },
    { name: 'onLoad even without markup', source: `Page({ onLoad() { ${flagged} } })`, message: /onLoad/ },
    {
      name: 'a Component lifetime',
      source: `Component({ lifetimes: { attached() { ${flagged} } } })`,
      message: /lifetimes\.attached/,
    },
    {
      name: 'the success callback of another API',
      source: `Page({ onTap() { wx.login({ success: () => { ${flagged} } }) } })`,
      markup: wxml('onTap'),
      message: /success callback of wx\.login/,
    },
    {
      name: 'a success method of another API',
      source: `Page({ onTap() { wx.login({ success() { ${flagged} } }) } })`,
      markup: wxml('onTap'),
      message: /success callback/,
    },
    {
      name: 'setTimeout in the handler',
      source: `Page({ onTap() { setTimeout(() => { ${flagged} }, 0) } })`,
      markup: wxml('onTap'),
      message: /setTimeout/,
    },
    {
      name: 'a .then callback',
      source: `Page({ onTap() { fetchIt().then(() => { ${flagged} }) } })`,
      markup: wxml('onTap'),
      message: /\.then\(\) callback/,
    },
    {
      name: 'a call after await in the handler',
      source: `Page({ async onTap() { await wx.login(); ${flagged} } })`,
      markup: wxml('onTap'),
      message: /after an `await`/,
    },
    {
      name: 'a helper called after await',
      source: `Page({ async onTap() { await x(); this.ask() }, ask() { ${flagged} } })`,
      markup: wxml('onTap'),
      message: /await/,
    },
    {
      name: 'a helper called from onLoad',
      source: `Page({ onLoad() { this.ask() }, ask() { ${flagged} } })`,
      markup: wxml('other'),
      message: /onLoad/,
    },
    {
      name: 'a tap handler that onLoad also calls',
      source: `Page({ onLoad() { this.ask() }, ask() { ${flagged} } })`,
      markup: wxml('ask'),
      message: /lifecycle hook `onLoad`/,
    },
    {
      name: 'a tap handler that a success callback also calls',
      source: `Page({ onTap() { wx.login({ success: () => this.ask() }) }, ask() { ${flagged} } })`,
      markup: wxml('onTap', 'ask'),
      message: /success callback of wx\.login/,
    },
    {
      name: 'a call after an await that a branch does not leave',
      source: `Page({ async onTap() { if (x) { await y() } ${flagged} } })`,
      markup: wxml('onTap'),
      message: /after an `await`/,
    },
    {
      name: 'click on a native element',
      source: `Page({ onLogin() { ${flagged} } })`,
      markup: '<button bindinput="onLogin"/>',
      message: /bound to input, not to a tap/,
    },
    {
      name: 'a method bound to a non-tap event',
      source: `Page({ onInfo() { ${flagged} } })`,
      markup: '<button open-type="getUserInfo" bindgetuserinfo="onInfo"/>',
      message: /bound to getuserinfo, not to a tap/,
    },
    { name: 'module level code', source: flagged, message: /when the module loads/ },
    {
      name: 'Taro useEffect',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nexport default function P() { useEffect(() => { «Taro.getUserProfile»({ desc: 'x' }) }, []); return <View/> }`,
      message: /useEffect/,
    },
    {
      name: 'Taro after await in an onClick handler',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nexport default function P() { const go = async () => { await Taro.login(); «Taro.getUserProfile»({ desc: 'x' }) }; return <Button onClick={go}/> }`,
      message: /await/,
    },
    {
      name: 'Taro componentDidMount',
      file: 'pages/index/index.tsx',
      source: `import Taro from '@tarojs/taro'\nclass P extends Component { componentDidMount() { «Taro.getUserProfile»({ desc: 'x' }) } }`,
      message: /componentDidMount/,
    },
  ];
  for (const c of invalid) {
    it(`reports ${c.name}`, () => {
      const { spans, findings } = run(c);
      assert.deepEqual(spansOf(findings), spans);
      assert.equal(findings[0]!.severity, 'error');
      assert.match(findings[0]!.message, c.message!);
      assert.match(findings[0]!.message, /can only be invoked by user TAP gesture/);
    });
  }

  it('gives only a hint for a method that nothing binds or calls (it may never run)', () => {
    const { spans, findings } = run({ name: '', source: `Page({ onTapProfile() { ${flagged} } })`, markup: wxml('other') });
    assert.deepEqual(spansOf(findings), spans);
    assert.equal(findings[0]!.severity, 'hint');
    assert.match(findings[0]!.message, /onTapProfile is not bound to a tap in index\.wxml, and nothing in the page calls it/);
  });

  it("uses Douyin's own runtime message for tt", () => {
    const { findings } = check(code, 'Page({ onShow() { «tt.getUserProfile»({}) } })', {
      files: { 'pages/index/index.ttml': wxml('x') },
    });
    assert.match(findings[0]!.message, /must be invoked by user tap gesture/);
  });

  it("quotes the runtime message of the platforms a uni call runs on (Douyin's in an MP-TOUTIAO region)", () => {
    const files = {
      'manifest.json': '{ "vueVersion": "3", "mp-weixin": {}, "mp-toutiao": {} }',
      'pages.json': '{ "pages": [] }',
    };
    const vue = (call: string) =>
      [
        '<template>\n  <view />\n</template>',
        '<script setup>',
        "import { onLoad } from '@dcloudio/uni-app'",
        call,
        '</script>',
        '',
      ].join('\n');
    const douyin = check(
      code,
      vue("onLoad(() => {\n  // #ifdef MP-TOUTIAO\n  «uni.getUserProfile»({ desc: '完善资料', fail() {} })\n  // #endif\n})"),
      { files, file: 'pages/me/me.vue' },
    ).findings;
    assert.equal(douyin.length, 1);
    assert.match(douyin[0]!.message, /fails with "getUserProfile:fail must be invoked by user tap gesture"$/);
    const both = check(code, vue("onLoad(() => { «uni.getUserProfile»({ desc: '完善资料', fail() {} }) })"), {
      files,
      file: 'pages/me/me.vue',
    }).findings;
    assert.match(
      both[0]!.message,
      /fails with "getUserProfile:fail can only be invoked by user TAP gesture\." or "getUserProfile:fail must be invoked/,
    );
  });

  it('follows the Alipay onTap binding', () => {
    const source = `Page({ onTap() { ${call} }, other() { ${flagged} } })`;
    const { spans, findings } = check(code, source, { files: { 'pages/index/index.axml': '<button onTap="onTap"/>' } });
    assert.deepEqual(spansOf(findings), spans);
  });
});
