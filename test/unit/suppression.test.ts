import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, marked, MemoryProject } from './helpers';
import type { Finding } from '../../server/src/core/types';

const page = 'pages/index/index.js';
/** A page whose onLoad call gets desc-missing and not-in-tap-handler on the same line. */
const onLoad = (directive: string, indent = '    ') =>
  `Page({\n  onLoad() {\n${directive ? `${indent}${directive}\n` : ''}    wx.getUserProfile({ fail() {} });\n  },\n});\n`;

function codes(source: string, file = page, extra: Record<string, string> = {}): string[] {
  const project = new MemoryProject({ ...extra, [file]: source });
  return project
    .analyze(file)
    .map((f) => f.code)
    .sort();
}

function analyze(
  source: string,
  file = page,
  extra: Record<string, string> = {},
): { project: MemoryProject; findings: Finding[] } {
  const project = new MemoryProject({ ...extra, [file]: source });
  return { project, findings: project.analyze(file) };
}

const all = ['desc-missing', 'getuserprofile-anonymous', 'not-in-tap-handler'];

describe('suppression comments', () => {
  it('reports everything without a directive (the baseline)', () => {
    assert.deepEqual(codes(onLoad('')), all);
  });

  const cases: Array<[string, string, string[]]> = [
    ['one code', '// mp-userinfo-disable-next-line desc-missing', ['getuserprofile-anonymous', 'not-in-tap-handler']],
    [
      'several codes with a reason',
      '// mp-userinfo-disable-next-line desc-missing, not-in-tap-handler -- legacy page',
      ['getuserprofile-anonymous'],
    ],
    [
      'codes separated by spaces',
      '// mp-userinfo-disable-next-line desc-missing not-in-tap-handler',
      ['getuserprofile-anonymous'],
    ],
    ['no codes (every rule)', '// mp-userinfo-disable-next-line', []],
    ['no codes with a reason', '// mp-userinfo-disable-next-line -- generated', []],
    ['the block form', '/* mp-userinfo-disable-next-line not-in-tap-handler */', ['desc-missing', 'getuserprofile-anonymous']],
    ['an unknown code (disables nothing)', '// mp-userinfo-disable-next-line no-such-rule', all],
    ['a near miss of the directive name', '// mp-userinfo-disable-line desc-missing', all],
    ["another tool's directive", '// eslint-disable-next-line desc-missing', all],
  ];
  for (const [name, directive, expected] of cases) {
    it(`handles ${name}`, () => assert.deepEqual(codes(onLoad(directive)), expected));
  }

  it('applies only to the next line', () => {
    const source =
      'Page({\n  onLoad() {\n    // mp-userinfo-disable-next-line\n\n    wx.getUserProfile({ fail() {} });\n  },\n});\n';
    assert.deepEqual(codes(source), all);
  });

  it('counts the line after the end of a block comment that spans lines', () => {
    assert.deepEqual(codes(onLoad('/* mp-userinfo-disable-next-line desc-missing\n       not-in-tap-handler */')), [
      'getuserprofile-anonymous',
    ]);
  });

  it('disables rules for the whole file wherever the file directive stands', () => {
    assert.deepEqual(codes(`${onLoad('')}/* mp-userinfo-disable desc-missing, getuserprofile-anonymous */\n`), [
      'not-in-tap-handler',
    ]);
    assert.deepEqual(codes(`/* mp-userinfo-disable */\n${onLoad('')}`), []);
    assert.deepEqual(codes(`// mp-userinfo-disable not-in-tap-handler\n${onLoad('')}`), [
      'desc-missing',
      'getuserprofile-anonymous',
    ]);
  });

  it('ignores directives inside strings and JSX text', () => {
    assert.deepEqual(codes(onLoad("const s = '// mp-userinfo-disable-next-line';")), all);
    const tsx =
      "import Taro from '@tarojs/taro'\nexport default () => (\n  <View>\n    // mp-userinfo-disable-next-line\n    <Button onClick={() => Taro.getUserProfile({ desc: '用于完善会员资料' }).catch(() => {})} />\n  </View>\n);\n";
    assert.deepEqual(codes(tsx, 'src/pages/index/index.tsx', { 'project.config.json': '{"appid":"wx4f4bc4dec97d474b"}' }), [
      'getuserprofile-anonymous',
    ]);
    const disabled = tsx.replace('// mp-userinfo-disable-next-line', '{/* mp-userinfo-disable-next-line */}');
    assert.deepEqual(
      codes(disabled, 'src/pages/index/index.tsx', { 'project.config.json': '{"appid":"wx4f4bc4dec97d474b"}' }),
      [],
    );
  });

  it('works in markup, for the whole start tag that begins on the next line', () => {
    const markup = (directive: string) =>
      `<view>\n  ${directive}\n  <button\n    open-type="getUserInfo"\n    bindtap="missing"\n  >x</button>\n</view>\n`;
    const extra = { 'pages/index/index.js': 'Page({ onTap() {} })' };
    const file = 'pages/index/index.wxml';
    assert.deepEqual(codes(markup(''), file, extra), ['getuserinfo-anonymous', 'handler-not-found']);
    assert.deepEqual(codes(markup('<!-- mp-userinfo-disable-next-line handler-not-found -->'), file, extra), [
      'getuserinfo-anonymous',
    ]);
    assert.deepEqual(codes(markup('<!-- mp-userinfo-disable-next-line -->'), file, extra), []);
    assert.deepEqual(codes(`<!-- mp-userinfo-disable getuserinfo-anonymous -->\n${markup('')}`, file, extra), [
      'handler-not-found',
    ]);
  });
});

describe('disable quick fixes', () => {
  function fixTitled(findings: Finding[], code: string, title: string) {
    const finding = findings.find((f) => f.code === code)!;
    return finding.fixes!.find((f) => f.title === title)!;
  }

  it('puts "Disable <code> for this line" and "… for the entire file" last on every finding', () => {
    const { findings } = analyze(onLoad(''));
    for (const finding of findings) {
      assert.deepEqual(
        finding.fixes!.slice(-2).map((f) => f.title),
        [`Disable ${finding.code} for this line`, `Disable ${finding.code} for the entire file`],
      );
    }
  });

  it('inserts the comment above the line with its indentation, and the finding goes away', () => {
    const source = onLoad('');
    const { findings } = analyze(source);
    const fixed = applyFix(source, fixTitled(findings, 'desc-missing', 'Disable desc-missing for this line'));
    assert.equal(fixed, onLoad('// mp-userinfo-disable-next-line desc-missing'));
    assert.deepEqual(codes(fixed), ['getuserprofile-anonymous', 'not-in-tap-handler']);
  });

  it('adds the code to a directive already above the line, before its reason', () => {
    const source = onLoad('// mp-userinfo-disable-next-line desc-missing -- legacy');
    const { findings } = analyze(source);
    const fixed = applyFix(source, fixTitled(findings, 'not-in-tap-handler', 'Disable not-in-tap-handler for this line'));
    assert.equal(fixed, onLoad('// mp-userinfo-disable-next-line desc-missing, not-in-tap-handler -- legacy'));
  });

  it('writes a file directive at the top (after a #! line), or extends the one there', () => {
    const source = onLoad('');
    const { findings } = analyze(source);
    const fixed = applyFix(source, fixTitled(findings, 'desc-missing', 'Disable desc-missing for the entire file'));
    assert.equal(fixed, `/* mp-userinfo-disable desc-missing */\n${source}`);
    const again = applyFix(
      fixed,
      fixTitled(analyze(fixed).findings, 'not-in-tap-handler', 'Disable not-in-tap-handler for the entire file'),
    );
    assert.equal(again, `/* mp-userinfo-disable desc-missing, not-in-tap-handler */\n${source}`);
    const shebang = `#!/usr/bin/env node\n${source}`;
    const afterShebang = applyFix(
      shebang,
      fixTitled(analyze(shebang).findings, 'desc-missing', 'Disable desc-missing for the entire file'),
    );
    assert.ok(afterShebang.startsWith('#!/usr/bin/env node\n/* mp-userinfo-disable desc-missing */\n'));
  });

  it('writes a JSX comment among JSX children and a line comment between JSX attributes', () => {
    const files = { 'project.config.json': '{"appid":"wx4f4bc4dec97d474b"}' };
    const child =
      "import Taro from '@tarojs/taro'\nexport default () => (\n  <View>\n    <Button onClick={() => Taro.getUserProfile({}).catch(() => {})} />\n  </View>\n);\n";
    const { findings } = analyze(child, 'src/pages/index/index.tsx', files);
    const fixed = applyFix(child, fixTitled(findings, 'desc-missing', 'Disable desc-missing for this line'));
    assert.match(fixed, /\n {4}\{\/\* mp-userinfo-disable-next-line desc-missing \*\/\}\n {4}<Button/);
    assert.ok(!codes(fixed, 'src/pages/index/index.tsx', files).includes('desc-missing'));
    const attribute =
      "import Taro from '@tarojs/taro'\nexport default () => (\n  <Button\n    onClick={() => Taro.getUserProfile({}).catch(() => {})}\n  />\n);\n";
    const attributeFix = applyFix(
      attribute,
      fixTitled(
        analyze(attribute, 'src/pages/index/index.tsx', files).findings,
        'desc-missing',
        'Disable desc-missing for this line',
      ),
    );
    assert.match(attributeFix, /\n {4}\/\/ mp-userinfo-disable-next-line desc-missing\n {4}onClick=/);
    assert.ok(!codes(attributeFix, 'src/pages/index/index.tsx', files).includes('desc-missing'));
  });

  it('writes an HTML comment above the start tag in markup', () => {
    const { text, spans } = marked(
      '<view>\n  <button\n    open-type="getUserInfo"\n    bindtap="«missing»"\n  >x</button>\n</view>\n',
    );
    assert.equal(spans.length, 1);
    const extra = { 'pages/index/index.js': 'Page({ onTap() {} })' };
    const { findings } = analyze(text, 'pages/index/index.wxml', extra);
    const fixed = applyFix(text, fixTitled(findings, 'handler-not-found', 'Disable handler-not-found for this line'));
    assert.equal(
      fixed,
      '<view>\n  <!-- mp-userinfo-disable-next-line handler-not-found -->\n  <button\n    open-type="getUserInfo"\n    bindtap="missing"\n  >x</button>\n</view>\n',
    );
    assert.deepEqual(codes(fixed, 'pages/index/index.wxml', extra), ['getuserinfo-anonymous']);
    const fileFix = applyFix(text, fixTitled(findings, 'handler-not-found', 'Disable handler-not-found for the entire file'));
    assert.ok(fileFix.startsWith('<!-- mp-userinfo-disable handler-not-found -->\n<view>'));
  });

  it('keeps CRLF line breaks', () => {
    const source = onLoad('').replace(/\n/g, '\r\n');
    const { findings } = analyze(source);
    const fixed = applyFix(source, fixTitled(findings, 'desc-missing', 'Disable desc-missing for this line'));
    assert.equal(fixed, onLoad('// mp-userinfo-disable-next-line desc-missing').replace(/\n/g, '\r\n'));
  });
});
