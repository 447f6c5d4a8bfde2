/**
 * Wrong results found while fuzzing and hardening the analyser, one test each.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePayload, parseObjectText } from '../../server/src/core/decode';
import { maxObjectDepth } from '../../server/src/core/decode/objectText';
import { parseMarkup } from '../../server/src/core/markup';
import { readVue } from '../../server/src/core/vue';
import { checkAnalysis } from '../fuzz/properties';
import { apiCall, nestingShapes } from '../fuzz/shapes';
import { MemoryProject } from '../unit/helpers';

describe('regressions', () => {
  it('reads the markup after a self-closing <wxs src> or <sjs src> (it was masked to the end of the file)', () => {
    const wxml = '<wxs module="m" src="./m.wxs" />\n<button bindtap="onTap">Log in</button>';
    assert.deepEqual(
      parseMarkup(wxml, 'wechat').bindings.map((b) => b.handler),
      ['onTap'],
    );
    const axml = '<sjs module="m" src="./m.sjs"/><button onTap="onTap">Log in</button>';
    assert.deepEqual(
      parseMarkup(axml, 'alipay').bindings.map((b) => b.handler),
      ['onTap'],
    );
    const project = new MemoryProject({
      'pages/a/a.wxml': wxml,
      'pages/a/a.js': 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })',
    });
    assert.deepEqual(
      project.analyze('pages/a/a.js').filter((f) => f.code === 'not-in-tap-handler'),
      [],
      'onTap is bound to a tap, so calling getUserProfile there is fine',
    );
  });

  it('rejects pasted JSON nested 10,000 deep with a coded error (JSON.parse accepted it and explaining the fields overflowed the stack)', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    for (const text of [`{"userInfo":${deep(10_000)}}`, `{"encryptedData":"AAAA","iv":"AAAA","a":${deep(10_000)}}`]) {
      const report = decodePayload({ text, sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==' });
      assert.deepEqual(
        report.errors.map((e) => e.code),
        ['invalid-object'],
      );
      assert.match(report.errors[0]!.message, /nesting deeper than 64 levels/);
    }
    const response = decodePayload({
      text: JSON.stringify({ response: `{"response":${'['.repeat(10_000)}${']'.repeat(10_000)}}` }),
    });
    assert.deepEqual(
      response.errors.map((e) => e.code),
      ['invalid-envelope'],
    );
  });

  it('gives a script nested near the parser limit the same verdict every time (it was too deep when first seen, then parsed: the fuzz slice failed in about half the runs)', () => {
    for (const [shape, depth] of [
      ['ternaries', 3000],
      ['arrows', 1000],
      ['jsx', 1500],
    ] as const) {
      const name = shape === 'jsx' ? 'pages/deep/deep.jsx' : 'pages/deep/deep.js';
      const files = { [name]: nestingShapes[shape]!(depth, apiCall), 'project.config.json': '{ "appid": "wx0123456789abcdef" }' };
      // checkAnalysis analyses fresh, through the cache and from scratch, and requires the same result.
      const verdicts = new Set(Array.from({ length: 10 }, () => checkAnalysis(files, name).skipped?.reason ?? 'analysed'));
      assert.equal(verdicts.size, 1, `${depth}-deep ${shape}: ${[...verdicts].join(' vs ')}`);
    }
  });

  it('applies the same depth limit to JSON and to object literals', () => {
    for (let depth = maxObjectDepth - 2; depth <= maxObjectDepth + 2; depth++) {
      const json = parseObjectText(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, 'en');
      const literal = parseObjectText(`${'{a:'.repeat(depth)}1${'}'.repeat(depth)}`, 'en');
      assert.equal(json.ok, literal.ok, `depth ${depth}`);
      assert.equal(json.ok, depth <= maxObjectDepth, `depth ${depth}`);
    }
  });

  it('starts a .vue template whose text the parser places before the file after its start tag (its span started at -1)', () => {
    const text = '<template></ setup<View onClick={';
    assert.deepEqual(readVue('/p/before.vue', text).templateSpan, { start: '<template>'.length, end: text.length });
    checkAnalysis({ 'manifest.json': '{}', 'pages.json': '{}', 'pages/a/a.vue': text }, 'pages/a/a.vue');
  });

  it('ends a .vue template that stops in an unclosed comment with the text (its span ran three characters past it)', () => {
    const text = '<template>\n  <button @tap="onTap">Log in</button>\n  <!-- #ifdef MP-WEIXIN';
    assert.deepEqual(readVue('/p/unclosed.vue', text).templateSpan, { start: text.indexOf('<button'), end: text.length });
    const page = `<script>\nexport default { methods: { onTap() { uni.getUserProfile({ desc: '用于完善会员资料' }) } } }\n</script>\n${text}`;
    checkAnalysis(
      { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }', 'pages/a/a.vue': page },
      'pages/a/a.vue',
    );
  });

  it("skips a script that trips TypeScript's parser (`@x await`: its Debug Failure escaped the analysis of .js and .vue files)", () => {
    const script = '@x await\nwx.getUserProfile({ desc: "用于完善会员资料" })';
    const vue = `<script>\n${script.replace('wx.', 'uni.')}\n</script>\n`;
    for (const [name, text] of [
      ['pages/a/a.js', script],
      ['pages/a/a.vue', vue],
    ] as const) {
      const files = { 'manifest.json': '{ "mp-weixin": {} }', 'pages.json': '{ "pages": [] }', [name]: text };
      assert.equal(checkAnalysis(files, name).skipped?.reason, 'parser-error', name);
    }
    // Typed into a file that parsed before: the incremental re-parse trips too, and a full parse is tried.
    const project = new MemoryProject({ 'pages/b/b.js': 'wx.getUserProfile({ desc: "用于完善会员资料" })' });
    project.analyze('pages/b/b.js');
    project.set('pages/b/b.js', `@x await\n${project.files.get(project.path('pages/b/b.js'))!}`);
    assert.deepEqual(project.analyze('pages/b/b.js'), []);
  });

  it('reads a wx:if nested thousands deep as "may render" (reading it as a formula overflowed the stack)', () => {
    const files = {
      'pages/a/a.js':
        'Page({ data: { canUse: wx.canIUse("input.type.nickname") }, onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
      'pages/a/a.wxml': `<button wx:if="{{${'('.repeat(20_000)}!canUse${')'.repeat(20_000)}}}" bindtap="onTap">a</button>`,
      'project.config.json': '{ "appid": "wx0123456789abcdef" }',
    };
    assert.deepEqual(
      checkAnalysis(files, 'pages/a/a.js').findings.map((f) => f.code),
      ['getuserprofile-anonymous'],
    );
  });

  it('analyses a JSX button whose handler is declared without a name (looking up the empty name never ended, then the process died)', () => {
    const script = '<Button openType="getUserInfo" onGetUserInfo={else"\nfunction const';
    checkAnalysis({ 'pages/a/a.jsx': script, 'package.json': '{ "dependencies": { "@tarojs/taro": "3" } }' }, 'pages/a/a.jsx');
    checkAnalysis(
      { 'pages/a/a.vue': `<script>\n${script}\n</script>`, 'manifest.json': '{}', 'pages.json': '{}' },
      'pages/a/a.vue',
    );
  });

  it('reads an edit in a .vue script block whose start tag the parser ends at `</` (content read as markup) as a fresh parse does', () => {
    const text =
      '<template>\n<view />\n</template>\n<script\n<view @tap="onTap"\n</template>\n\n<sc lang="jsx">\n// a\n\n/* b */\n</script>\n';
    const span = readVue('/p/fresh-0.vue', text).scriptSpans[0]!;
    const middle = (span.start + span.end) >> 1;
    const versions = [
      text,
      `${text.slice(0, middle)}x${text.slice(middle)}`,
      `${text.slice(0, span.start)}${text.slice(span.start + 1)}`,
      text,
    ];
    versions.forEach((version, i) => {
      // Each version read from the one before it (the editor's way), and fresh under a name never read.
      assert.deepEqual(readVue('/p/edited.vue', version), readVue(`/p/fresh-${i + 1}.vue`, version), `version ${i}`);
    });
  });

  it('analyses a page that names its handler after an invalid character (no node holds that name; the fill-in fix read its missing parent and threw)', () => {
    // U+FFFD is what a file with invalid UTF-8 reads as; the parser skips it and the name after it.
    const files = { 'pages/a/a.js': 'function askAgain() {\n  wx.getUserInfo({})\n}\uFFFD askAgain\n' };
    assert.deepEqual(
      checkAnalysis(files, 'pages/a/a.js').findings.map((f) => f.code),
      ['getuserinfo-anonymous', 'unhandled-refusal'],
    );
  });
});
