/**
 * Every rule of the built ESLint plugin under ESLint's RuleTester, with espree and with
 * @typescript-eslint/parser: messages, locations, the autofix (`output`) and the suggestions. The cases name
 * files in test/fixtures/eslint/, whose markup and project files the rules read from disk.
 */
import { RuleTester } from 'eslint';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';
import { analyzeFile } from '../../server/src/core/analyze';
import { stripSnippet } from '../../server/src/core/edits';
import { ProjectIndex } from '../../server/src/core/project';
import { rules as coreRules, type Rule as CoreRule } from '../../server/src/core/rules';
import { lineStarts, positionAt } from '../../server/src/core/positions';
import type { Finding } from '../../server/src/core/types';
import { loadPlugin, repoRoot } from './plugin';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const plugin = loadPlugin();
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'eslint');
const wechat = path.join(fixtures, 'wechat', 'pages', 'index', 'index.js');
const wechatTs = path.join(fixtures, 'wechat', 'pages', 'index', 'index.ts');
const wechatOld = path.join(fixtures, 'wechat-old', 'pages', 'index', 'index.js');
const douyin = path.join(fixtures, 'douyin', 'pages', 'me', 'me.js');
const alipay = path.join(fixtures, 'alipay', 'pages', 'index', 'index.js');
const taro = path.join(fixtures, 'taro', 'src', 'pages', 'index', 'index.tsx');
// A uni-app Vue 3 project (src/manifest.json says vueVersion 3).
const uniPage = path.join(fixtures, 'uni-app', 'src', 'pages', 'index', 'index.vue');

interface TestCases {
  valid: RuleTester.ValidTestCase[];
  invalid: RuleTester.InvalidTestCase[];
}
/** Cases for every parser, for @typescript-eslint/parser only, and `.vue` files for vue-eslint-parser. */
type Cases = TestCases & { tsOnly?: TestCases; vue?: TestCases };

/** A `.vue` page: the template and the Options API methods. */
const vuePage = (template: string, methods: string) =>
  `<template>\n  <view>\n    ${template}\n  </view>\n</template>\n\n<script>\nexport default {\n  methods: {\n    ${methods}\n  },\n};\n</script>\n`;
const vueProfileMethod = "onTapProfile() { wx.getUserProfile({ desc: '用于完善会员资料', fail() {} }) },";

const profileAnonymous =
  '`wx.getUserProfile` returns a grey avatar and the nickname "微信用户" to versions released after 2022-11-08 on clients with base library 2.27.1 or newer, which today is nearly every client. Use `<button open-type="chooseAvatar">` and `<input type="nickname">` instead.';
const tapOnlyFailure = 'otherwise it fails with "getUserProfile:fail can only be invoked by user TAP gesture."';

const cases: Record<string, Cases> = {
  'desc-missing': {
    valid: [{ filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' }],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ success() {}, fail() {} }) } })',
        output: null,
        errors: [
          {
            message:
              '`wx.getUserProfile` has no `desc`; it needs a `desc` of at most 30 characters telling the user why you ask.',
            line: 1,
            column: 18,
            endLine: 1,
            endColumn: 35,
            // The core's fix leaves a tab stop to fill in: a suggestion, not an autofix.
            suggestions: [
              { desc: "Add desc: ''", output: "Page({ onTap() { wx.getUserProfile({ desc: '', success() {}, fail() {} }) } })" },
            ],
          },
        ],
      },
    ],
  },
  'desc-too-long': {
    valid: [
      { filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' },
      // Over 30 only when non-ASCII counts 2: the core says so as a warning, below the rule's `error`.
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料以及展示头像和昵称", fail() {} }) } })',
      },
    ],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "0123456789012345678901234567890123", fail() {} }) } })',
        errors: [
          {
            message:
              '`desc` is 34 characters (34 counting non-ASCII as 2); the limit is 30 and the call fails with "getUserProfile:fail desc length does not meet the requirements". Shorten it.',
            line: 1,
            column: 44,
            endColumn: 80,
          },
        ],
      },
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料以及展示头像和昵称", fail() {} }) } })',
        options: [{ minSeverity: 'warning' }],
        errors: [
          {
            message:
              '`desc` is 17 characters, but WeChat is observed to count non-ASCII characters as 2, which makes 34 of the 30 allowed (community reports; the docs only say 30 characters), and such calls are reported to fail with "getUserProfile:fail desc length does not meet the requirements". Keep it to 15 Chinese characters.',
            column: 44,
            endColumn: 63,
          },
        ],
      },
    ],
  },
  'not-in-tap-handler': {
    valid: [
      // index.wxml binds onTap.
      { filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' },
      // A method nothing binds or calls: a hint in the core, below the rule's `error`.
      { filename: wechat, code: 'Page({ unused() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' },
    ],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onLoad() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        errors: [
          {
            message: `\`wx.getUserProfile\` runs from the lifecycle hook \`onLoad\`, not from a user tap. Call it directly in a tap handler; ${tapOnlyFailure}`,
            line: 1,
            column: 19,
            endColumn: 36,
          },
        ],
      },
      {
        filename: wechat,
        code: 'Page({ unused() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        options: [{ minSeverity: 'hint' }],
        errors: [
          {
            message: `\`wx.getUserProfile\` is not reached from a tap handler: unused is not bound to a tap in index.wxml, and nothing in the page calls it. Bind it to a tap: it only works there; ${tapOnlyFailure}`,
            column: 19,
          },
        ],
      },
    ],
  },
  'tt-login-required': {
    valid: [
      { filename: douyin, code: 'Page({ onTap() { tt.login({ success() { tt.getUserInfo({ success() {}, fail() {} }) } }) } })' },
    ],
    invalid: [
      {
        filename: douyin,
        code: 'Page({ onTap() { tt.getUserInfo({ success() {}, fail() {} }) } })',
        output: null,
        errors: [
          {
            message:
              '`tt.getUserInfo` runs with no `tt.login` before it; the documentation says it depends on a login. Call it in the success callback of `tt.login` or after `await tt.login()`, or log in from App.onLaunch.',
            line: 1,
            column: 18,
            endColumn: 32,
            suggestions: [
              {
                desc: 'Wrap in tt.login({ success })',
                output:
                  'Page({ onTap() { tt.login({\n  success: () => {\n    tt.getUserInfo({ success() {}, fail() {} })\n  },\n}); } })',
              },
            ],
          },
        ],
      },
    ],
  },
  'getuserinfo-anonymous': {
    valid: [{ filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' }],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserInfo({ success() {}, fail() {} }) } })',
        errors: [
          {
            message:
              '`wx.getUserInfo` gets anonymous data ("微信用户", grey avatar) in versions released after 2021-04-28. Use the avatar/nickname fill-in (`<button open-type="chooseAvatar">`, `<input type="nickname">`).',
            column: 18,
            endColumn: 32,
          },
        ],
      },
    ],
  },
  'getuserprofile-anonymous': {
    valid: [{ filename: alipay, code: 'Page({ onGetAuthorize() { my.getOpenUserInfo({ fail() {} }) } })' }],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        errors: [{ message: profileAnonymous, column: 18, endColumn: 35 }],
      },
    ],
  },
  'promise-unsupported': {
    valid: [{ filename: wechat, code: 'Page({ onTap() { wx.getUserInfo({ success() {}, fail() {} }) } })' }],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ async onTap() { const res = await wx.getUserInfo({ fail() {} }) } })',
        errors: [
          {
            message:
              '`wx.getUserInfo` returns no Promise: `await` does not wait for it: it returns `undefined` at once and the callbacks run later. Pass `success` and `fail` callbacks, or wrap it in `new Promise`.',
            column: 42,
            endColumn: 56,
          },
        ],
      },
    ],
  },
  'unknown-option': {
    valid: [
      { filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "en", fail() {} }) } })' },
    ],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", long: "en", fail() {} }) } })',
        // The core's preferred rename is plain text: ESLint applies it with --fix.
        output: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "en", fail() {} }) } })',
        errors: [
          {
            message: '`wx.getUserProfile` has no option `long`, so it is ignored. Did you mean `lang`?',
            column: 56,
            endColumn: 60,
            suggestions: [],
          },
        ],
      },
    ],
    tsOnly: {
      valid: [],
      invalid: [
        {
          filename: wechatTs,
          code: 'interface Data { nick: string }\nPage<Data, {}>({ onTap(): void { wx.getUserProfile({ desc: "用于完善会员资料", long: "en" as const, fail() {} }) } })',
          output:
            'interface Data { nick: string }\nPage<Data, {}>({ onTap(): void { wx.getUserProfile({ desc: "用于完善会员资料", lang: "en" as const, fail() {} }) } })',
          errors: [
            {
              message: '`wx.getUserProfile` has no option `long`, so it is ignored. Did you mean `lang`?',
              line: 2,
              column: 72,
              endColumn: 76,
            },
          ],
        },
      ],
    },
  },
  'invalid-option-value': {
    valid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "zh_CN", fail() {} }) } })',
      },
    ],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "zh_cn", fail() {} }) } })',
        output: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "zh_CN", fail() {} }) } })',
        errors: [
          {
            message: "`lang` of `wx.getUserProfile` must be one of 'en', 'zh_CN', 'zh_TW', not 'zh_cn'. Did you mean 'zh_CN'?",
            column: 62,
            endColumn: 69,
            // The closest value is the autofix; the other allowed values are suggestions.
            suggestions: [
              {
                desc: "Change to 'en'",
                output: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "en", fail() {} }) } })',
              },
              {
                desc: "Change to 'zh_TW'",
                output: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", lang: "zh_TW", fail() {} }) } })',
              },
            ],
          },
        ],
      },
    ],
    tsOnly: {
      valid: [],
      invalid: [
        {
          filename: taro,
          code: [
            "import Taro from '@tarojs/taro';",
            "import { Button } from '@tarojs/components';",
            'export default function Index() {',
            '  const onClick = (): void => {',
            "    Taro.getUserProfile({ desc: '用于完善会员资料', lang: 'zh_cn', fail() {} });",
            '  };',
            '  return <Button onClick={onClick}>登录</Button>;',
            '}',
          ].join('\n'),
          output: [
            "import Taro from '@tarojs/taro';",
            "import { Button } from '@tarojs/components';",
            'export default function Index() {',
            '  const onClick = (): void => {',
            "    Taro.getUserProfile({ desc: '用于完善会员资料', lang: 'zh_CN', fail() {} });",
            '  };',
            '  return <Button onClick={onClick}>登录</Button>;',
            '}',
          ].join('\n'),
          errors: [
            {
              message:
                "`lang` of `Taro.getUserProfile` must be one of 'en', 'zh_CN', 'zh_TW', not 'zh_cn'. Did you mean 'zh_CN'?",
              line: 5,
              column: 51,
              endColumn: 58,
              suggestions: 2,
            },
          ],
        },
      ],
    },
  },
  'min-version': {
    valid: [
      // No libVersion in the project: nothing to compare with.
      { filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' },
      {
        filename: wechatOld,
        code: 'Page({ onTap() { if (wx.canIUse("getUserProfile")) wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
      },
      // The plugin's settings win over project.config.json, as the CLI's --lib-version does.
      {
        filename: wechatOld,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        settings: { 'mp-userinfo': { libVersion: '2.10.4' } },
      },
    ],
    invalid: [
      {
        filename: wechatOld,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        errors: [
          {
            message:
              "`wx.getUserProfile` needs base library 2.10.4, but the project supports 2.0.0: on older clients it is undefined and calling it throws a TypeError. Test it first (`wx.canIUse('getUserProfile')`) or raise libVersion.",
            column: 18,
            endColumn: 35,
          },
        ],
      },
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })',
        settings: { 'mp-userinfo': { libVersion: '2.9.0' } },
        errors: [{ message: /^`wx\.getUserProfile` needs base library 2\.10\.4, but the project supports 2\.9\.0:/ }],
      },
    ],
  },
  'alipay-response-string': {
    valid: [
      {
        filename: alipay,
        code: 'Page({ onGetAuthorize() { my.getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response; this.setData({ nick: info.nickName }) }, fail() {} }) } })',
      },
    ],
    invalid: [
      {
        filename: alipay,
        code: 'Page({ onGetAuthorize() { my.getOpenUserInfo({ success: (res) => { this.setData({ nick: res.nickName }) }, fail() {} }) } })',
        output:
          'Page({ onGetAuthorize() { my.getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response; this.setData({ nick: info.nickName }) }, fail() {} }) } })',
        errors: [
          {
            message:
              '`res.nickName` is undefined: `my.getOpenUserInfo` passes `res.response`, a JSON string. Read `JSON.parse(res.response).response.nickName`.',
            column: 89,
            endColumn: 101,
          },
        ],
      },
    ],
  },
  'alipay-authorize-flow': {
    // index.axml has the getAuthorize button whose onGetAuthorize handler is onGetAuthorize.
    valid: [{ filename: alipay, code: 'Page({ onGetAuthorize() { my.getOpenUserInfo({ fail() {} }) } })' }],
    invalid: [
      {
        filename: alipay,
        code: 'Page({ onLoad() { my.getOpenUserInfo({ fail() {} }) } })',
        errors: [
          {
            message:
              '`my.getOpenUserInfo` is not reached from the `onGetAuthorize` handler of a `<button open-type="getAuthorize" scope="userInfo">` in index.axml. Without that consent `success` receives code 40003 (isv.invalid-auth-relations).',
            column: 19,
            endColumn: 37,
          },
        ],
      },
    ],
  },
  'auth-on-launch': {
    valid: [{ filename: alipay, code: 'Page({ onGetAuthorize() { my.getOpenUserInfo({ fail() {} }) } })' }],
    invalid: [
      {
        filename: alipay,
        code: 'Page({ onLoad() { my.getOpenUserInfo({ fail() {} }) } })',
        errors: [
          {
            message:
              "`my.getOpenUserInfo` runs from `onLoad`: it asks for user information as the app or page opens, before the user asked for anything (Alipay's rules forbid this). Ask when the user taps something that needs it.",
            column: 19,
            endColumn: 37,
          },
        ],
      },
    ],
  },
  'unhandled-refusal': {
    valid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", success() {}, fail() {} }) } })',
      },
    ],
    invalid: [
      {
        filename: wechat,
        code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", success() {} }) } })',
        output: null,
        errors: [
          {
            message:
              '`wx.getUserProfile` has no `fail` callback, so a refusal ("getUserProfile:fail auth deny") goes unnoticed. Add `fail` and let the user carry on without the data.',
            column: 18,
            endColumn: 35,
            suggestions: [
              {
                desc: 'Add a fail callback',
                output: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", success() {}, fail: (err) => {} }) } })',
              },
            ],
          },
        ],
      },
    ],
  },
  'handler-not-found': {
    // index.wxml binds onTap, which this page lacks: the checker reports that in the markup, which ESLint does
    // not lint. In a script ESLint lints, the rule has nothing to report.
    valid: [{ filename: wechat, code: 'Page({ onLoad() {} })' }],
    invalid: [],
    vue: {
      valid: [{ filename: uniPage, code: vuePage('<button @tap="onTapProfile">完善资料</button>', 'onTapProfile() {},') }],
      invalid: [
        {
          filename: uniPage,
          code: vuePage('<button @tap="onTapProfle">完善资料</button>', 'onTapProfile() {},'),
          output: vuePage('<button @tap="onTapProfile">完善资料</button>', 'onTapProfile() {},'),
          errors: [
            {
              message:
                'No method or function `onTapProfle` in the script of index.vue: `@tap` has no handler to call. Did you mean `onTapProfile`?',
              line: 3,
              column: 19,
              endColumn: 30,
            },
          ],
        },
      ],
    },
  },
  'uni-eventsync': {
    // The rule reads the template of a `.vue` file; in a plain script it has nothing to report.
    valid: [{ filename: wechat, code: 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料", fail() {} }) } })' }],
    invalid: [],
    vue: {
      valid: [
        {
          filename: uniPage,
          code: vuePage('<button data-eventsync="true" @tap="onTapProfile">完善资料</button>', vueProfileMethod),
        },
      ],
      invalid: [
        {
          filename: uniPage,
          code: vuePage('<button @tap="onTapProfile">完善资料</button>', vueProfileMethod),
          output: vuePage('<button data-eventsync="true" @tap="onTapProfile">完善资料</button>', vueProfileMethod),
          errors: [
            {
              message:
                '`@tap` leads to `wx.getUserProfile`, which needs the user\'s tap, but in uni-app\'s Vue 3 runtime the event can reach its handler late and the call then fails with the tap-gesture error. Add `data-eventsync="true"` to this `<button>`.',
              line: 3,
              column: 13,
              endColumn: 17,
            },
          ],
        },
      ],
    },
  },
};

/**
 * A rule without cases above (one added since) still runs under RuleTester: its documented right example is a
 * valid case and its wrong example an invalid one, as a page on disk (the layout of test/unit/rules.test.ts's
 * examples), expecting what the checker itself reports in the linted script at the rule's default severity
 * and above, with its autofix applied. A wrong example whose finding is in the markup gives no invalid case.
 */
const temp = mkdtempSync(path.join(tmpdir(), 'mp-userinfo-ruletester-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const severityRank = { hint: 0, information: 1, warning: 2, error: 3 } as const;

/** Writes a documented example as a project; answers the linted file (the page script or `.vue`) and its text. */
function examplePage(example: string, folder: string): { filename: string; code: string } | undefined {
  const root = path.join(temp, folder);
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  if (example.startsWith('<!-- index.vue -->\n')) {
    write('manifest.json', '{ "vueVersion": "3", "mp-weixin": {} }');
    write('pages.json', '{ "pages": [{ "path": "pages/index/index" }] }');
    return { filename: path.join(root, 'pages/index/index.vue'), code: example.slice('<!-- index.vue -->\n'.length) };
  }
  let script = example;
  const markup = /^<!-- index\.(wxml|axml|ttml) -->\n/.exec(example);
  if (markup) {
    const split = example.indexOf('\n// index.js\n');
    write(`pages/index/index.${markup[1]}`, split < 0 ? example : example.slice(0, split));
    script = split < 0 ? '' : example.slice(split + '\n// index.js\n'.length);
    if (markup[1] === 'axml') write('mini.project.json', '{}');
  }
  const libVersion = /^\/\/ project\.config\.json: "libVersion": "([\d.]+)"/.exec(script)?.[1];
  write('project.config.json', JSON.stringify(libVersion ? { libVersion } : {}));
  return script ? { filename: path.join(root, 'pages/index/index.js'), code: script } : undefined;
}

/** The checker's findings of a rule in a page on disk, at the rule's default severity and above. */
function checkerFindings(rule: CoreRule, filename: string, code: string): Finding[] {
  const index = new ProjectIndex({
    readFile: (name) =>
      name === filename ? code : statSync(name, { throwIfNoEntry: false })?.isFile() ? readFileSync(name, 'utf8') : undefined,
  });
  return analyzeFile(filename, code, index).findings.filter(
    (f) => f.code === rule.id && severityRank[f.severity] >= severityRank[rule.defaultSeverity],
  );
}

/** The text after ESLint's autofix: each finding's preferred plain fix, in order, skipping overlaps. */
function autofixed(code: string, findings: Finding[]): string | null {
  const edits = findings
    .map((f) => (f.fixes ?? []).find((fix) => fix.preferred && !fix.suppression && !fix.edits.some((e) => e.snippet)))
    .filter((fix) => fix !== undefined)
    .flatMap((fix) =>
      [...fix.edits].sort((a, b) => a.start - b.start).map((edit) => ({ ...edit, newText: stripSnippet(edit.newText) })),
    );
  if (edits.length === 0) return null;
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    out += code.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + code.slice(at);
}

function documentedCases(rule: CoreRule): Cases {
  const cases: Cases = { valid: [], invalid: [] };
  const examples = [
    { right: rule.docs.right, wrong: rule.docs.wrong, name: 'docs', vue: false },
    ...(rule.docs.uniApp ? [{ ...rule.docs.uniApp, name: 'uni-app', vue: true }] : []),
  ];
  for (const example of examples) {
    const right = examplePage(example.right, `${rule.id}-${example.name}-right`);
    const target = example.vue ? ((cases.vue ??= { valid: [], invalid: [] }) as TestCases) : cases;
    if (right) target.valid.push(right);
    const wrong = examplePage(example.wrong, `${rule.id}-${example.name}-wrong`);
    if (!wrong) continue;
    const findings = checkerFindings(rule, wrong.filename, wrong.code);
    if (findings.length === 0) {
      target.valid.push(wrong);
      continue;
    }
    const starts = lineStarts(wrong.code);
    target.invalid.push({
      ...wrong,
      output: autofixed(wrong.code, findings),
      errors: findings.map((finding) => {
        const start = positionAt(starts, finding.start);
        const end = positionAt(starts, finding.end);
        const suggestions = (finding.fixes ?? []).filter((fix) => !fix.suppression).length;
        const hasFix = autofixed(wrong.code, [finding]) !== null;
        return {
          message: finding.message,
          line: start.line + 1,
          column: start.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          suggestions: hasFix ? suggestions - 1 : suggestions,
        };
      }),
    });
  }
  return cases;
}

for (const rule of coreRules) if (!(rule.id in cases)) cases[rule.id] = documentedCases(rule);

const testers: Array<[string, RuleTester, 'tsOnly' | undefined]> = [
  ['espree', new RuleTester(), undefined],
  [
    '@typescript-eslint/parser',
    new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } }),
    'tsOnly',
  ],
];
const vueTester = new RuleTester({
  files: ['**/*.vue'],
  languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } },
});

describe('the ESLint rules (RuleTester)', () => {
  it('has one rule per checker code, each with cases', () => {
    if (Object.keys(plugin.rules).sort().join() !== Object.keys(cases).sort().join())
      throw new Error(`rules ${Object.keys(plugin.rules).join()} vs cases ${Object.keys(cases).join()}`);
  });
  for (const [parser, tester, extra] of testers) {
    describe(parser, () => {
      for (const [name, { tsOnly, vue: _vue, ...shared }] of Object.entries(cases)) {
        const rule = plugin.rules[name]!;
        tester.run(name, rule, shared);
        if (extra === 'tsOnly' && tsOnly) tester.run(`${name} (TypeScript)`, rule, tsOnly);
      }
    });
  }
  describe('vue-eslint-parser', () => {
    for (const [name, { vue }] of Object.entries(cases)) if (vue) vueTester.run(`${name} (.vue)`, plugin.rules[name]!, vue);
  });
});
