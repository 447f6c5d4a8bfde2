import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryProject } from './helpers';
import { conditionalRegions, conditionPlatforms, platformsAt, vueNames } from '../../server/src/core/conditional';
import type { Platform } from '../../server/src/core/types';

const all: Platform[] = ['wechat', 'alipay', 'douyin'];

/** The platforms at the first occurrence of `marker` in `text`. */
function at(text: string, marker: string, syntax: 'script' | 'markup' = 'script', targets = all): Platform[] {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker} not in text`);
  return platformsAt(conditionalRegions(text, syntax), offset, targets);
}

describe('conditional compilation regions', () => {
  it('reads // #ifdef … // #endif with exact spans', () => {
    const text = 'a();\n// #ifdef MP-WEIXIN\nwx();\n// #endif\nb();\n';
    const [region, ...rest] = conditionalRegions(text, 'script');
    assert.equal(rest.length, 0);
    assert.equal(text.slice(region!.start, region!.end), '// #ifdef MP-WEIXIN\nwx();\n// #endif');
    assert.equal(text.slice(region!.body.start, region!.body.end), '\nwx();\n');
    assert.equal(region!.directive, 'ifdef');
    assert.equal(region!.condition, 'MP-WEIXIN');
    assert.deepEqual(region!.platforms, ['wechat']);
    assert.deepEqual(at(text, 'wx()'), ['wechat']);
    assert.deepEqual(at(text, 'a()'), all);
    assert.deepEqual(at(text, 'b()'), all);
  });

  it('evaluates the platform names, #ifndef, || , && and !', () => {
    assert.deepEqual(conditionPlatforms('ifdef', 'MP'), all);
    assert.deepEqual(conditionPlatforms('ifdef', 'MP-ALIPAY'), ['alipay']);
    assert.deepEqual(conditionPlatforms('ifdef', 'MP-TOUTIAO'), ['douyin']);
    assert.deepEqual(conditionPlatforms('ifdef', 'H5'), []);
    assert.deepEqual(conditionPlatforms('ifdef', 'APP-PLUS'), []);
    assert.deepEqual(conditionPlatforms('ifdef', 'APP'), []);
    assert.deepEqual(conditionPlatforms('ifndef', 'H5'), all);
    assert.deepEqual(conditionPlatforms('ifndef', 'MP-WEIXIN'), ['alipay', 'douyin']);
    assert.deepEqual(conditionPlatforms('ifdef', 'H5 || MP-WEIXIN'), ['wechat']);
    assert.deepEqual(conditionPlatforms('ifdef', 'MP-WEIXIN||MP-TOUTIAO'), ['wechat', 'douyin']);
    assert.deepEqual(conditionPlatforms('ifdef', 'MP && !MP-ALIPAY'), ['wechat', 'douyin']);
    assert.deepEqual(conditionPlatforms('ifdef', 'H5 || MP-WEIXIN && MP-ALIPAY'), []);
    assert.deepEqual(conditionPlatforms('ifdef', '(H5 || MP-ALIPAY) && MP'), ['alipay']);
    // A name uni-app does not define (a typo) drops an #ifdef body and keeps an #ifndef body everywhere.
    assert.deepEqual(conditionPlatforms('ifdef', 'MP-WEIXN'), []);
    assert.deepEqual(conditionPlatforms('ifndef', 'MP-WEIXN'), all);
  });

  it('keeps code checked where the project, not the platform, decides (VUE3, uniVersion)', () => {
    assert.deepEqual(conditionPlatforms('ifdef', 'VUE3'), all);
    assert.deepEqual(conditionPlatforms('ifndef', 'VUE3'), all);
    assert.deepEqual(conditionPlatforms('ifdef', 'uniVersion > 3.9'), all);
    assert.deepEqual(conditionPlatforms('ifdef', 'VUE3 && MP-WEIXIN'), ['wechat']);
    assert.deepEqual(conditionPlatforms('ifdef', 'VUE3 && H5'), []);
  });

  it('intersects nested regions and narrows the targets it is given', () => {
    const text = [
      '// #ifdef MP',
      'mp();',
      '// #ifndef MP-ALIPAY',
      'notAlipay();',
      '// #ifdef MP-TOUTIAO',
      'tt();',
      '// #endif',
      '// #endif',
      'mpAgain();',
      '// #endif',
      'after();',
    ].join('\n');
    const regions = conditionalRegions(text, 'script');
    assert.deepEqual(
      regions.map((r) => r.condition),
      ['MP', 'MP-ALIPAY', 'MP-TOUTIAO'],
    );
    assert.deepEqual(at(text, 'mp()'), all);
    assert.deepEqual(at(text, 'notAlipay()'), ['wechat', 'douyin']);
    assert.deepEqual(at(text, 'tt()'), ['douyin']);
    assert.deepEqual(at(text, 'mpAgain()'), all);
    assert.deepEqual(at(text, 'after()'), all);
    assert.deepEqual(at(text, 'notAlipay()', 'script', ['wechat']), ['wechat']);
    assert.deepEqual(at(text, 'tt()', 'script', ['wechat', 'alipay']), []);
  });

  it('nothing of ours runs inside #ifdef H5', () => {
    const text = '// #ifdef H5\nuni.getUserProfile({});\n// #endif\n';
    assert.deepEqual(at(text, 'uni.'), []);
  });

  it('reads /* #ifdef */ block comments in scripts and <!-- #ifdef --> in markup', () => {
    const script = '/* #ifdef MP-ALIPAY */ my.x(); /* #endif */ y();';
    assert.deepEqual(at(script, 'my.x'), ['alipay']);
    assert.deepEqual(at(script, 'y()'), all);
    const markup =
      '<view>\n  <!-- #ifdef MP-WEIXIN -->\n  <button open-type="getUserInfo" />\n  <!--#endif-->\n  <text />\n</view>';
    const [region] = conditionalRegions(markup, 'markup');
    assert.equal(region!.condition, 'MP-WEIXIN');
    assert.deepEqual(at(markup, '<button', 'markup'), ['wechat']);
    assert.deepEqual(at(markup, '<text', 'markup'), all);
    // Each syntax reads only its own comments.
    assert.deepEqual(conditionalRegions(markup, 'script'), []);
    assert.deepEqual(conditionalRegions(script, 'markup'), []);
  });

  it('reads only the given range, with offsets into the whole text', () => {
    const text =
      '<template><!-- #ifdef H5 --><a/><!-- #endif --></template>\n<script>\n// #ifdef MP-WEIXIN\nwx.login();\n// #endif\n</script>';
    const range = { start: text.indexOf('<script>') + 8, end: text.indexOf('</script>') };
    const regions = conditionalRegions(text, 'script', range);
    assert.equal(regions.length, 1);
    assert.equal(text.slice(regions[0]!.body.start, regions[0]!.body.end), '\nwx.login();\n');
    const template = conditionalRegions(text, 'markup', { start: 10, end: text.indexOf('</template>') });
    assert.deepEqual(
      template.map((r) => r.condition),
      ['H5'],
    );
    // A region cut by the range end is not a region.
    assert.deepEqual(conditionalRegions(text, 'script', { start: range.start, end: range.end - 5 }), []);
  });

  it('survives malformed input: a stray #endif, an unclosed #ifdef, an empty condition', () => {
    const stray = 'a();\n// #endif\nb();\n// #ifdef MP-ALIPAY\nmy();\n// #endif\n';
    assert.deepEqual(
      conditionalRegions(stray, 'script').map((r) => r.condition),
      ['MP-ALIPAY'],
    );
    assert.deepEqual(at(stray, 'b()'), all);
    assert.deepEqual(at(stray, 'my()'), ['alipay']);
    const unclosed = '// #ifdef H5\nh5();\n// #ifdef MP-WEIXIN\nwx();\n// #endif\nrest();';
    const regions = conditionalRegions(unclosed, 'script');
    assert.deepEqual(
      regions.map((r) => r.condition),
      ['MP-WEIXIN'],
    );
    // The unclosed #ifdef H5 is ignored: its code counts as compiled everywhere.
    assert.deepEqual(at(unclosed, 'h5()'), all);
    assert.deepEqual(at(unclosed, 'wx()'), ['wechat']);
    assert.deepEqual(at(unclosed, 'rest()'), all);
    assert.deepEqual(conditionPlatforms('ifdef', ''), []);
    assert.deepEqual(conditionPlatforms('ifdef', '|| && ! ( )'), []);
    assert.deepEqual(conditionalRegions('', 'script'), []);
    assert.deepEqual(conditionalRegions('// #ifdef', 'script', { start: 5, end: 2 }), []);
  });

  it('does not take #ifdef text that is not a directive comment', () => {
    const text = "const s = '#ifdef MP-WEIXIN';\nwx.login();\nconst t = '#endif';";
    assert.deepEqual(conditionalRegions(text, 'script'), []);
  });
});

describe('conditional compilation: the Vue version', () => {
  it('decides VUE3 and VUE2 when the project tells the version, and leaves them undecided otherwise', () => {
    const text = '// #ifndef VUE3\na()\n// #endif\n// #ifdef VUE3\nb()\n// #endif\n';
    const vue3 = conditionalRegions(text, 'script', undefined, vueNames(3));
    assert.deepEqual(
      vue3.map((r) => r.platforms),
      [[], ['wechat', 'alipay', 'douyin']],
    );
    const vue2 = conditionalRegions(text, 'script', undefined, vueNames(2));
    assert.deepEqual(
      vue2.map((r) => r.platforms),
      [['wechat', 'alipay', 'douyin'], []],
    );
    const unknown = conditionalRegions(text, 'script');
    assert.deepEqual(
      unknown.map((r) => r.platforms),
      [
        ['wechat', 'alipay', 'douyin'],
        ['wechat', 'alipay', 'douyin'],
      ],
    );
  });

  it('drops a call under `#ifndef VUE3` in a Vue 3 project from the checks', () => {
    const project = new MemoryProject({
      'manifest.json': '{ "vueVersion": "3", "mp-weixin": {} }',
      'pages.json': '{ "pages": [] }',
      'pages/a/a.js':
        'async function f() {\n  // #ifndef VUE3\n  const [err, res] = await uni.getUserInfo({})\n  // #endif\n  // #ifdef VUE3\n  const r = await uni.getUserInfo({})\n  // #endif\n}\n',
    });
    const lines = project
      .analyze('pages/a/a.js')
      .filter((f) => f.code === 'getuserinfo-anonymous')
      .map((f) => project.files.get(project.path('pages/a/a.js'))!.slice(0, f.start).split('\n').length);
    assert.deepEqual(lines, [6]);
  });
});

describe('conditional compilation: methods called only from other platforms', () => {
  const files = { 'manifest.json': '{ "vueVersion": "3", "mp-weixin": {}, "app-plus": {} }', 'pages.json': '{ "pages": [] }' };
  const page = (caller: string) =>
    [
      '<template>',
      '  <button @tap="onTap">login</button>',
      '</template>',
      '<script>',
      'export default {',
      '  methods: {',
      '    onTap() {',
      caller,
      '    },',
      '    async loginWith(provider) {',
      '      const res = await uni.getUserInfo({ provider })',
      '      return res',
      '    },',
      '  },',
      '}',
      '</script>',
      '',
    ].join('\n');

  function anonymous(caller: string): number {
    const project = new MemoryProject({ ...files, 'pages/a/a.vue': page(caller) });
    return project.analyze('pages/a/a.vue').filter((f) => f.code === 'getuserinfo-anonymous').length;
  }

  it('leaves a method alone whose only caller is under #ifdef APP-PLUS', () => {
    assert.equal(anonymous('      // #ifdef APP-PLUS\n      this.loginWith("apple")\n      // #endif'), 0);
  });

  it('still checks it when a caller runs on WeChat too', () => {
    assert.equal(
      anonymous('      // #ifdef APP-PLUS\n      this.loginWith("apple")\n      // #endif\n      this.loginWith("weixin")'),
      1,
    );
    assert.equal(anonymous('      this.loginWith("weixin")'), 1);
  });
});
