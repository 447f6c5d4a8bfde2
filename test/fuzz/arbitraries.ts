/**
 * fast-check arbitraries for the fuzz targets: mini-program scripts built from a small grammar of the
 * constructs the analyser cares about, token soup, mutations of the seed corpus (truncation, deletion,
 * duplication, stray tokens, BOMs, CRLF, lone surrogates, invalid UTF-8), markup, Vue single-file
 * components assembled from their blocks, and decoder inputs (random bytes, wrong lengths, truncated
 * base64, real ciphertext under the right and the wrong key).
 */
import { createCipheriv } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { catalog } from '../../server/src/catalog';
import type { DecodeRequest, JsonObject } from '../../server/src/core/decode';
import { seedMarkup, seedScripts, seedVue } from './corpus';

const apiNames = [...new Set(catalog.apis.map((api) => api.name))];
const optionNames = [...new Set(catalog.apis.flatMap((api) => api.options.map((o) => o.name)))];
const handlerNames = [
  'onTap',
  'onLoad',
  'onShow',
  'onTapLogin',
  'getProfile',
  'helper',
  'handle',
  'onGetUserInfo',
  'onChooseAvatar',
];

// ---- text mutation ---------------------------------------------------------------------------

/** Characters that upset text handling: BOM, NUL, lone surrogates, line and paragraph separators. */
const oddCharacters = [
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFD',
  '\u2028',
  '\u2029',
  '\r',
  '\r\n',
  '\t',
  '\u00A0',
  '😀',
  '用户',
];

/** One edit to a text; positions are taken modulo the text length so every edit applies. */
type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'crlf' }
  | { kind: 'bom' }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

function mutationArb(tokens: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at,
        token: fc.oneof(tokens, fc.constantFrom(...oddCharacters)),
      }),
    },
    fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
    fc.record({ kind: fc.constant('crlf' as const) }),
    fc.record({ kind: fc.constant('bom' as const) }),
    fc.record({ kind: fc.constant('bytes' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  );
}

function applyMutation(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case 'insert':
      return text.slice(0, pos(m.at)) + m.token + text.slice(pos(m.at));
    case 'duplicate': {
      const piece = text.slice(pos(m.at), pos(m.at) + m.length);
      return text.slice(0, pos(m.to)) + piece + text.slice(pos(m.to));
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'bytes':
      // What reading a file with invalid UTF-8 as text gives: replacement characters and stray code points.
      return text.slice(0, pos(m.at)) + Buffer.from(m.bytes).toString('utf8') + text.slice(pos(m.at));
  }
}

/** `base` with up to `max` random edits applied. */
export function mutated(base: fc.Arbitrary<string>, tokens: fc.Arbitrary<string>, max = 6): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(mutationArb(tokens), { maxLength: max }))
    .map(([text, mutations]) => mutations.reduce(applyMutation, text));
}

// ---- scripts ---------------------------------------------------------------------------------

const scriptTokenList = [
  'wx',
  'my',
  'tt',
  'Taro',
  '.',
  ...apiNames,
  ...optionNames,
  ...handlerNames,
  'Page',
  'Component',
  'App',
  'this',
  'that',
  'const',
  'let',
  'var',
  'function',
  'async',
  'await',
  'return',
  'if',
  'else',
  'import',
  'from',
  "'@tarojs/taro'",
  'require',
  'export',
  'default',
  'class',
  'extends',
  'new',
  'Promise',
  'setTimeout',
  'then',
  'catch',
  '=>',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  ':',
  '=',
  '+',
  '?',
  '!',
  '...',
  '<',
  '>',
  '/',
  '*',
  '"',
  "'",
  '`',
  '${',
  '"获取你的昵称"',
  "'x'",
  '`a${b}c`',
  '123',
  '/re/g',
  '// c\n',
  '/*',
  '*/',
  '<View onClick={',
  '}>',
  '</View>',
  '<Button openType="getUserInfo" onGetUserInfo={',
  '/>',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\\',
  '@',
  '#x',
  '?.',
  '??',
];

/** A token of JS/TS/JSX source. */
export const scriptToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...scriptTokenList) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...oddCharacters) },
);

/** Token soup: syntax fragments in random order. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(scriptToken, { maxLength: 160 }).map((t) => t.join(' '));

const identifier = fc.constantFrom('a', 'b', 'res', 'options', 'desc', 'd', 'user', 'that', 'T', 'getUserProfile', 'profile');
const stringValue = fc.oneof(
  fc.constantFrom('', '获取你的昵称、头像', 'to show your profile', '用于完善会员资料'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const stringLiteral = stringValue.map((s) => JSON.stringify(s));

/** Statements and expressions of mini-program code, nested up to a small depth. */
const program = fc.letrec<{
  statement: string;
  body: string;
  options: string;
  callback: string;
  member: string;
  expression: string;
}>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringLiteral,
    identifier,
    fc.tuple(stringLiteral, stringLiteral).map(([a, b]) => `${a} + ${b}`),
    stringValue.map((s) => `\`${s.replace(/[`\\$]/g, '')}\``),
    fc.tuple(identifier, identifier).map(([a, b]) => `${a}.${b}`),
    tie('callback'),
    fc.constant('this'),
  ),
  callback: fc.oneof(
    { depthSize: 'small' },
    tie('body').map((b) => `(res) => { ${b} }`),
    tie('body').map((b) => `function (res) { ${b} }`),
    tie('body').map((b) => `async () => { await x; ${b} }`),
    identifier,
  ),
  options: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('', '{}', 'options', 'desc'),
    fc
      .array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...optionNames), tie('expression')).map(([k, v]) => `${k}: ${v}`),
          fc.tuple(fc.constantFrom('success', 'fail', 'complete'), tie('body')).map(([k, b]) => `${k}(res) { ${b} }`),
          identifier.map((i) => `...${i}`),
          fc.constantFrom('desc', 'lang'),
        ),
        { maxLength: 4 },
      )
      .map((props) => `{ ${props.join(', ')} }`),
  ),
  statement: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom('wx', 'my', 'tt', 'Taro', 'T'), fc.constantFrom(...apiNames), tie('options'))
      .map(([ns, api, o]) => `${ns}.${api}(${o});`),
    fc.tuple(fc.constantFrom(...apiNames), tie('options')).map(([api, o]) => `${api}(${o});`),
    fc.tuple(fc.constantFrom('const', 'let'), identifier, tie('expression')).map(([k, i, e]) => `${k} ${i} = ${e};`),
    fc.tuple(identifier, tie('options')).map(([i, o]) => `const ${i} = ${o};`),
    fc.constantFrom(
      "import Taro from '@tarojs/taro';",
      "import { getUserProfile } from '@tarojs/taro';",
      "const T = require('@tarojs/taro');",
      'const { getUserProfile } = wx;',
      'const that = this;',
      'await x;',
    ),
    fc.constantFrom(...handlerNames).map((n) => `this.${n}();`),
    fc.constantFrom(...handlerNames).map((n) => `that.${n}();`),
    tie('body').map((b) => `setTimeout(() => { ${b} }, 0);`),
    tie('body').map((b) => `p.then(() => { ${b} });`),
    tie('body').map((b) => `tt.login({ success: () => { ${b} } });`),
    tie('body').map((b) => `if (a) { ${b} } else { ${b} }`),
    fc.tuple(fc.constantFrom(...handlerNames), tie('body')).map(([n, b]) => `function ${n}() { ${b} }`),
    fc
      .array(tie('member'), { maxLength: 5 })
      .map((ms) => `${['Page', 'Component', 'App'][ms.length % 3]}({ ${ms.join(',\n')} });`),
    fc
      .tuple(fc.constantFrom(...handlerNames), tie('body'))
      .map(([n, b]) => `export default function P() { return <View onClick={() => { ${b} }}><Button onTap={${n}} /></View> }`),
  ),
  member: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom(...handlerNames), tie('body')).map(([n, b]) => `${n}() { ${b} }`),
    fc.tuple(fc.constantFrom(...handlerNames), tie('body')).map(([n, b]) => `async ${n}() { await this.x(); ${b} }`),
    fc.tuple(fc.constantFrom(...handlerNames), tie('body')).map(([n, b]) => `${n}: () => { ${b} }`),
    fc.tuple(fc.constantFrom(...handlerNames), tie('body')).map(([n, b]) => `${n}: function () { ${b} }`),
    fc.array(tie('member'), { maxLength: 3 }).map((ms) => `methods: { ${ms.join(', ')} }`),
  ),
  body: fc.array(tie('statement'), { maxLength: 4 }).map((s) => s.join('\n')),
}));

/** A mini-program script from the grammar: mostly well formed, the shape the rules look at. */
export const grammarScript: fc.Arbitrary<string> = program.body;

/** A seed script, whole. */
export const seedScript: fc.Arbitrary<{ name: string; text: string }> = fc.constantFrom(...seedScripts);

/** A script file name with one of the analysed extensions. */
export const scriptFileName = fc.constantFrom(
  'pages/a/a.js',
  'pages/a/a.ts',
  'pages/a/a.jsx',
  'pages/a/a.tsx',
  'pages/a/a.mjs',
  'app.js',
);

/** Any script text: grammar, soup, or a mutated seed or grammar script. */
export const anyScript: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mutated(grammarScript, scriptToken) },
  {
    weight: 2,
    arbitrary: mutated(
      seedScript.map((s) => s.text),
      scriptToken,
      10,
    ),
  },
  { weight: 2, arbitrary: grammarScript },
  { weight: 1, arbitrary: tokenSoup },
);

// ---- markup ----------------------------------------------------------------------------------

const markupTokenList = [
  '<',
  '>',
  '/>',
  '</',
  '<view',
  '<button',
  '<wxs',
  '<sjs',
  '<import-sjs',
  '<block',
  '<template',
  '<text',
  '</view>',
  '</button>',
  '</wxs>',
  '</sjs>',
  ' bindtap=',
  ' catch:tap=',
  ' bind:chooseavatar=',
  ' onTap=',
  ' catchTap=',
  ' onGetAuthorize=',
  ' open-type=',
  ' openType=',
  ' bindgetuserinfo=',
  ' wx:if=',
  ' a:if=',
  ' tt:if=',
  ' class=',
  ' module=',
  '"',
  "'",
  '"onTap"',
  '"getUserInfo"',
  '"chooseAvatar"',
  '"{{handler}}"',
  '{{',
  '}}',
  '{{ a < b }}',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#x3C;',
  '\n',
  ' ',
  'text',
  '用户',
  ...handlerNames,
];

/** A token of WXML/AXML/TTML. */
export const markupToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...markupTokenList) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...oddCharacters) },
);

const attribute = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'bindtap',
        'catchtap',
        'bind:tap',
        'catch:longpress',
        'mut-bind:tap',
        'capture-bind:tap',
        'onTap',
        'catchTap',
        'bindgetuserinfo',
        'onGetAuthorize',
        'bindchooseavatar',
      ),
      fc.constantFrom(...handlerNames, '{{h}}', ''),
    )
    .map(([n, v]) => `${n}="${v}"`),
  fc.constantFrom(
    'open-type="getUserInfo"',
    'open-type="chooseAvatar"',
    'open-type="getPhoneNumber"',
    'open-type="getAuthorize"',
    'scope="userInfo"',
    'class="btn"',
    'disabled',
  ),
);

/** Well-formed-ish markup: elements with event bindings, text, interpolations and script blocks. */
const grammarMarkup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'text',
      '{{ user.nickName }}',
      '<!-- c -->',
      '<wxs module="m">var a = 1 < 2;</wxs>',
      '<sjs module="m" src="./m.sjs" />',
    ),
    fc
      .tuple(
        fc.constantFrom('view', 'button', 'block', 'text'),
        fc.array(attribute, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attrs, children]) => `<${tag} ${attrs.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

/** Any markup text: grammar, soup, or a mutated seed or grammar markup. */
export const anyMarkup: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mutated(grammarMarkup, markupToken) },
  {
    weight: 2,
    arbitrary: mutated(
      fc.constantFrom(...seedMarkup).map((s) => s.text),
      markupToken,
      10,
    ),
  },
  { weight: 1, arbitrary: grammarMarkup },
  { weight: 2, arbitrary: fc.array(markupToken, { maxLength: 200 }).map((t) => t.join('')) },
);

/** A markup file name for each platform. */
export const markupFileName = fc.constantFrom('pages/a/a.wxml', 'pages/a/a.axml', 'pages/a/a.ttml');

/** A project configuration file and its (possibly broken) text. */
export const projectConfig: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  fc.constantFrom('wx0123456789abcdef', 'tt07e3715e98c9aac0', '2021000000000000', '').chain((appid) =>
    fc
      .record({
        libVersion: fc.constantFrom('2.27.1', '2.10.0', '3.0.0', '', 'x.y', '99999999999999999999.1'),
        miniprogramRoot: fc.constantFrom('', 'miniprogram/', '../..', '/'),
      })
      .map((c) => ({ 'project.config.json': JSON.stringify({ appid, ...c }) })),
  ),
  mutated(fc.constant('{ "appid": "wx0123456789abcdef", "libVersion": "2.27.1", /* c */ }'), markupToken).map((t) => ({
    'project.config.json': t,
  })),
  fc.constant({ 'mini.project.json': '{ "format": 2 }' }),
  fc.constant({ 'package.json': '{ "dependencies": { "@tarojs/taro": "3" } }', 'project.config.json': '{}' }),
);

/** A small project: a page script, maybe its markup, maybe an app file, maybe a configuration. */
export const projectFiles: fc.Arbitrary<{ files: Record<string, string>; target: string }> = fc
  .record({
    script: anyScript,
    scriptName: fc.constantFrom('pages/a/a.js', 'pages/a/a.ts', 'src/pages/a/a.tsx'),
    markup: fc.option(anyMarkup, { nil: undefined }),
    markupExt: fc.constantFrom('.wxml', '.axml', '.ttml'),
    app: fc.option(anyScript, { nil: undefined }),
    config: projectConfig,
    targetMarkup: fc.boolean(),
  })
  .map(({ script, scriptName, markup, markupExt, app, config, targetMarkup }) => {
    const markupName = scriptName.replace(/\.\w+$/, markupExt);
    const files: Record<string, string> = { ...config, [scriptName]: script };
    if (markup !== undefined) files[markupName] = markup;
    if (app !== undefined) files['app.js'] = app;
    return { files, target: targetMarkup && markup !== undefined ? markupName : scriptName };
  });

// ---- Vue single-file components --------------------------------------------------------------

const vueEvents = ['tap', 'click', 'longpress', 'getuserinfo', 'chooseavatar', 'agreeprivacyauthorization', 'blur', 'Tap'];
const vueModifiers = ['', '.stop', '.prevent', '.once', '.stop.prevent', '.native', '.'];

/** What a `v-on` names: a method, a call, an inline statement or arrow function, or something broken. */
const vueHandler: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...handlerNames),
  fc.constantFrom(...handlerNames).map((n) => `${n}($event)`),
  fc.constantFrom(...handlerNames).map((n) => `() => ${n}(1)`),
  fc.constantFrom(...handlerNames).map((n) => `ok && ${n}()`),
  fc.constantFrom('', 'count++', 'debounce(onTap)', "go('a')", "$emit('tap')", 'onTap(', '{{ onTap }}', 'a.b.onTap()', '用户()'),
);

const vueAttribute: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('@', 'v-on:'),
        fc.constantFrom(...vueEvents),
        fc.constantFrom(...vueModifiers),
        vueHandler,
        fc.constantFrom('"', "'", ''),
      )
      .map(([prefix, event, modifiers, handler, q]) => `${prefix}${event}${modifiers}=${q}${handler}${q}`),
  },
  fc.constantFrom(
    `:open-type="'getUserInfo'"`,
    `:open-type="'chooseAvatar'"`,
    ':open-type="`agreePrivacyAuthorization`"',
    ':open-type="type"',
    ':open-type',
    `v-bind:open-type="'getUserInfo'"`,
    'open-type="getUserInfo"',
    'open-type="chooseAvatar"',
    'open-type=getPhoneNumber',
    'open-type="agreePrivacyAuthorization"',
    'data-eventsync="true"',
    ':data-eventsync="true"',
    'id="agree-btn"',
    'type="nickname"',
    'v-if="a < b"',
    'v-for="item in list"',
    'v-on="listeners"',
    '@[name]="onTap"',
    ':class="{ a: b }"',
    'class="btn &amp; more"',
    'disabled',
    'v-model="nick"',
    '#default="{ item }"',
  ),
);

/** Template markup: elements with Vue attributes, text, interpolations, conditional-compilation comments, stray tags. */
const vueTemplateNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'text',
      '用户',
      '{{ user.nickName }}',
      '{{ a < b }}',
      '<!-- c -->',
      '<!-- #ifdef MP-WEIXIN -->',
      '<!-- #ifndef MP-ALIPAY -->',
      '<!-- #ifdef MP-ALIPAY || MP-TOUTIAO -->',
      '<!-- #ifdef VUE3 -->',
      '<!-- #endif -->',
      '<!-- mp-userinfo-disable-next-line not-in-tap-handler -->',
      '<!--',
      '<input type="nickname" @blur="onBlur" />',
      '<script>helper(); onChooseAvatar()</script>',
      '<br>',
      '&amp;',
      '<view @tap="onTap"',
      '</view>',
      '</button>',
      '<',
    ),
    fc
      .tuple(
        fc.constantFrom('view', 'button', 'text', 'my-card', 'input', 'block', 'template', 'u-button', 'Button', 'scroll-view'),
        fc.array(vueAttribute, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.constantFrom('closed', 'closed', 'closed', 'self-closing', 'unclosed'),
      )
      .map(([tag, attributes, children, end]) => {
        const open = `<${tag}${attributes.map((a) => ` ${a}`).join('')}`;
        if (end === 'self-closing') return `${open} />`;
        return `${open}>${children.join('\n')}${end === 'closed' ? `</${tag}>` : ''}`;
      }),
  ),
})).node;

const pugTemplate = 'view\n  button(@tap="onTap" open-type="getUserInfo") Log in\n  text {{ user.nickName }}';

/** A `<template>` block: HTML (rarely Pug), possibly without its end tag. */
const vueTemplate: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '<template>',
      '<template>',
      '<template lang="html">',
      '<template lang="pug">',
      '<template\n  >',
      '<template v-if="a">',
    ),
    fc.array(vueTemplateNode, { maxLength: 6 }),
    fc.constantFrom('</template>', '</template>', '</template>', '</template >', ''),
  )
  .map(([open, nodes, close]) => `${open}\n${open.includes('pug') ? pugTemplate : nodes.join('\n')}\n${close}`);

/** A `uni.*` call from the grammar's options. */
const uniCall = fc.tuple(fc.constantFrom(...apiNames), program.options).map(([api, o]) => `uni.${api}(${o});`);
const vueBody = fc.array(fc.oneof(program.statement, uniCall), { maxLength: 3 }).map((statements) => statements.join('\n'));

/** Script for a `.vue` block: an options object, a `<script setup>` body, grammar output, or token soup. */
const vueScriptText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.array(program.member, { maxLength: 3 }), fc.array(program.member, { maxLength: 3 }), fc.boolean())
    .map(
      ([hooks, methods, define]) =>
        `${define ? "import { defineComponent } from 'vue'\nexport default defineComponent(" : 'export default '}{\n  ${[
          ...hooks,
          `methods: { ${methods.join(',\n')} }`,
        ].join(',\n  ')}\n}${define ? ')' : ''}`,
    ),
  fc
    .tuple(vueBody, vueBody, vueBody, fc.constantFrom(...handlerNames))
    .map(
      ([top, onLoad, tap, name]) =>
        `import { ref } from 'vue'\nimport { onLoad } from '@dcloudio/uni-app'\nconst count = ref(0)\n${top}\n` +
        `onLoad(() => {\n${onLoad}\n})\nfunction ${name}() {\n${tap}\n}\nconst onTapLogin = () => ${name}()`,
    ),
  fc.tuple(vueBody, vueBody).map(([a, b]) => `// #ifdef MP-WEIXIN\n${a}\n// #endif\n/* #ifndef MP-ALIPAY */\n${b}\n/* #endif */`),
  fc.constant('const s = "</script>"; uni.getUserProfile({ desc: "x" })'),
  grammarScript,
  tokenSoup,
);

/** A `<script>` or `<script setup>` block, possibly without its end tag. */
const vueScript: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '<script>',
      '<script setup>',
      '<script lang="ts">',
      '<script setup lang="ts">',
      '<script lang="tsx">',
      '<script lang="jsx">',
      '<script src="./a.js">',
      '<script setup lang="ts" generic="T">',
    ),
    vueScriptText,
    fc.constantFrom('</script>', '</script>', '</script>', '</script >', ''),
  )
  .map(([open, body, close]) => `${open}\n${body}\n${close}`);

/** Other top-level pieces: styles (one unclosed), a custom block, stray text and comments. */
const vueOtherBlock: fc.Arbitrary<string> = fc.constantFrom(
  '<style>\n.a { color: red }\n</style>',
  '<style scoped lang="scss">\n.a { .b { content: "</template>" } }\n</style>',
  '<style>\n.a {',
  '<i18n>{ "en": {} }</i18n>',
  '<!-- a comment at the root -->',
  '<!-- <script>helper(); onGetUserInfo()</script> -->',
  '<docs>\n<script>onTapLogin()</script>\n</docs>',
  'stray text',
  '</div>',
);

/** A `.vue` file from its pieces in any order: a template, one or two script blocks, other blocks, BOM, CRLF. */
const grammarVue: fc.Arbitrary<string> = fc
  .record({
    template: fc.option(vueTemplate, { nil: undefined, freq: 5 }),
    scripts: fc.array(vueScript, { minLength: 1, maxLength: 2 }),
    others: fc.array(vueOtherBlock, { maxLength: 2 }),
    order: fc.nat(),
    separator: fc.constantFrom('\n', '\n\n', '', ' '),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ template, scripts, others, order, separator, bom, crlf }) => {
    const blocks = [...(template === undefined ? [] : [template]), ...scripts, ...others];
    // Rotate the blocks: the template first (the usual order) or after a script or a style.
    const start = order % blocks.length;
    const text = [...blocks.slice(start), ...blocks.slice(0, start)].join(separator);
    const withBreaks = crlf ? text.replace(/\r?\n/g, '\r\n') : text;
    return bom ? `\uFEFF${withBreaks}` : withBreaks;
  });

const vueTokenList = [
  '<template>',
  '</template>',
  '<script>',
  '<script setup lang="ts">',
  '</script>',
  '<style>',
  '</style>',
  '<view',
  '<button',
  '>',
  '/>',
  '</',
  ' @tap=',
  ' @click.stop=',
  ' v-on:tap=',
  ' :open-type=',
  ' open-type=',
  '"onTap"',
  `"'getUserInfo'"`,
  '"onTap($event)"',
  '"',
  "'",
  '<!--',
  '-->',
  '<!-- #ifdef MP-WEIXIN -->',
  '<!-- #endif -->',
  '{{',
  '}}',
  ' lang="pug"',
  ' setup',
];

/** A token of a `.vue` file: its own syntax or a script token. */
const vueToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...vueTokenList) },
  { weight: 1, arbitrary: scriptToken },
);

/** Any `.vue` text: grammar-built, mutated grammar output or seed, or token soup. */
export const anyVue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: grammarVue },
  { weight: 3, arbitrary: mutated(grammarVue, vueToken) },
  {
    weight: 2,
    arbitrary: mutated(
      fc.constantFrom(...seedVue).map((s) => s.text),
      vueToken,
      10,
    ),
  },
  { weight: 1, arbitrary: fc.array(vueToken, { maxLength: 120 }).map((t) => t.join('')) },
);

/**
 * A uni-app project around a `.vue` page (manifest.json with its targets, pages.json), maybe with an `App.vue`;
 * the target is the page or the `App.vue`.
 */
export const vueProject: fc.Arbitrary<{ files: Record<string, string>; target: string }> = fc
  .record({
    page: anyVue,
    app: fc.option(anyVue, { nil: undefined, freq: 4 }),
    manifest: fc.constantFrom(
      '{ "name": "a", "vueVersion": "3", "mp-weixin": { "appid": "wx0123456789abcdef" } }',
      '{ "name": "a", "mp-weixin": { "appid": "wx0123456789abcdef", "libVersion": "2.10.0" } }',
      '{ "mp-weixin": {}, "mp-alipay": {}, "mp-toutiao": {} }',
      '{ "vueVersion": "2", "mp-weixin": { "libVersion": "x.y" } }',
      '// c\n{ "mp-weixin": { "appid": "wx0123456789abcdef" }, }',
      '{',
    ),
    pages: fc.constantFrom('{ "pages": [{ "path": "pages/a/a" }] }', '{ "pages": [] }', '{'),
    targetApp: fc.boolean(),
  })
  .map(({ page, app, manifest, pages, targetApp }) => {
    const files: Record<string, string> = { 'manifest.json': manifest, 'pages.json': pages, 'pages/a/a.vue': page };
    if (app !== undefined) files['App.vue'] = app;
    return { files, target: targetApp && app !== undefined ? 'App.vue' : 'pages/a/a.vue' };
  });

// ---- decoder ---------------------------------------------------------------------------------

/** Base64 that is wrong in the ways pasted values are: wrong length, cut short, URL-safe, spaces, "…". */
export const base64ish: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b).toString('base64')),
  fc
    .constantFrom(16, 24, 32)
    .chain((n) => fc.uint8Array({ minLength: n, maxLength: n }))
    .map((b) => Buffer.from(b).toString('base64')),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 48 }), fc.nat()).map(([b, cut]) => {
    const s = Buffer.from(b).toString('base64');
    return s.slice(0, cut % s.length);
  }),
  fc.uint8Array({ minLength: 3, maxLength: 48 }).map((b) => Buffer.from(b).toString('base64url')),
  fc.uint8Array({ minLength: 3, maxLength: 48 }).map((b) => Buffer.from(b).toString('base64').replace(/\+/g, ' ')),
  fc.uint8Array({ minLength: 3, maxLength: 48 }).map((b) => `${Buffer.from(b).toString('base64').slice(0, 10)}…`),
  fc.uint8Array({ minLength: 3, maxLength: 48 }).map((b) => encodeURIComponent(Buffer.from(b).toString('base64'))),
  fc.string({ maxLength: 30 }),
);

const payloadKeys = [
  'encryptedData',
  'iv',
  'rawData',
  'signature',
  'errMsg',
  'userInfo',
  'response',
  'code',
  'msg',
  'subMsg',
  'detail',
  'watermark',
  'nickName',
  'avatarUrl',
  'cloudID',
  'sign',
];

/** A JSON-ish object with payload keys and random values. */
const payloadObject: fc.Arbitrary<JsonObject> = fc.dictionary(
  fc.oneof(fc.constantFrom(...payloadKeys), fc.string({ maxLength: 8 })),
  fc.oneof(
    base64ish,
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('getUserProfile:ok', 'getUserProfile:fail auth deny', '10000', '40006'),
  ),
  { maxKeys: 6 },
) as fc.Arbitrary<JsonObject>;

/** Pasted text: JSON, console-printed objects, errMsgs, codes, base64 and noise, often mutated. */
export const pastedText: fc.Arbitrary<string> = fc.oneof(
  payloadObject.map((o) => JSON.stringify(o)),
  payloadObject.map((o) => inspect(o, { depth: 4 })),
  payloadObject.map((o) => `res: ${inspect(o)}`),
  mutated(
    payloadObject.map((o) => JSON.stringify(o, null, 2)),
    fc.constantFrom('{', '}', '"', "'", ',', ':', '[', '`', '\\', '/*', '//', '…', '[Object]'),
  ),
  fc.constantFrom(
    'getUserProfile:fail auth deny',
    'getUserInfo:fail scope unauthorized',
    '40006',
    '20001',
    'my.getOpenUserInfo:fail',
  ),
  base64ish,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
);

/** Any decoder request, with every field random. */
export const decodeRequest: fc.Arbitrary<DecodeRequest> = fc
  .record(
    {
      text: pastedText,
      encryptedData: base64ish,
      iv: base64ish,
      rawData: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 40 }),
      ),
      signature: fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{40}$/), fc.string({ maxLength: 45 })),
      sessionKey: base64ish,
      aesKey: base64ish,
      appid: fc.constantFrom('wx0123456789abcdef', 'tt07e3715e98c9aac0', '', ' '),
      language: fc.constantFrom('en' as const, 'zh-cn' as const),
    },
    { requiredKeys: [] },
  )
  .map((r) => ({ ...r, now: 1_700_000_000_000 }));

function aesCbc(key: Buffer, iv: Buffer, plaintext: string): string {
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** Decrypted user data as the platforms send it, with random field values. */
const userData = fc.record({
  nickName: fc.string({ unit: 'grapheme', maxLength: 20 }),
  gender: fc.integer({ min: 0, max: 2 }),
  avatarUrl: fc.webUrl(),
  watermark: fc.record({
    appid: fc.constantFrom('wx0123456789abcdef', 'tt07e3715e98c9aac0'),
    timestamp: fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }),
  }),
});

/** A real WeChat/Douyin ciphertext, decoded with its key or with another one. */
export const wechatCiphertext = fc
  .record({
    data: userData,
    key: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    iv: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    wrongKey: fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }), { nil: undefined }),
    wrongIv: fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }), { nil: undefined }),
    pasted: fc.boolean(),
  })
  .map(({ data, key, iv, wrongKey, wrongIv, pasted }) => {
    const encryptedData = aesCbc(Buffer.from(key), Buffer.from(iv), JSON.stringify(data));
    const ivText = Buffer.from(wrongIv ?? iv).toString('base64');
    const sessionKey = Buffer.from(wrongKey ?? key).toString('base64');
    const request: DecodeRequest = pasted
      ? { text: JSON.stringify({ errMsg: 'getUserProfile:ok', encryptedData, iv: ivText }), sessionKey, now: 1_700_000_000_000 }
      : { encryptedData, iv: ivText, sessionKey, now: 1_700_000_000_000 };
    const wrong =
      (wrongKey !== undefined && Buffer.compare(Buffer.from(wrongKey), Buffer.from(key)) !== 0) ||
      (wrongIv !== undefined && Buffer.compare(Buffer.from(wrongIv), Buffer.from(iv)) !== 0);
    return { request, data, wrong };
  });

/** A real Alipay AES ciphertext (zero iv) inside its envelope, decoded with its key or another one. */
export const alipayCiphertext = fc
  .constantFrom(16, 24, 32)
  .chain((n) =>
    fc.record({
      mobile: fc.stringMatching(/^1\d{10}$/),
      key: fc.uint8Array({ minLength: n, maxLength: n }),
      wrongKey: fc.option(fc.uint8Array({ minLength: n, maxLength: n }), { nil: undefined }),
    }),
  )
  .map(({ mobile, key, wrongKey }) => {
    const inner = { code: '10000', msg: 'Success', mobile };
    const response = aesCbc(Buffer.from(key), Buffer.alloc(16), JSON.stringify(inner));
    const aesKey = Buffer.from(wrongKey ?? key).toString('base64');
    const wrong = wrongKey !== undefined && Buffer.compare(Buffer.from(wrongKey), Buffer.from(key)) !== 0;
    return {
      request: { text: JSON.stringify({ response }), aesKey, now: 1_700_000_000_000 } as DecodeRequest,
      data: inner,
      wrong,
    };
  });
