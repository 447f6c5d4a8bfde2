/**
 * The fuzz targets: what is generated, what must hold, how long one input may take, and how many
 * inputs the full campaign (`npm run fuzz`) and the seeded slice in `npm test` run.
 */
import fc from 'fast-check';
import { maxInputBytes } from '../../server/src/core/decode';
import type { Platform } from '../../server/src/core/types';
import {
  alipayCiphertext,
  anyMarkup,
  anyScript,
  decodeRequest,
  grammarScript,
  markupFileName,
  markupToken,
  projectFiles,
  scriptFileName,
  vueProject,
  wechatCiphertext,
} from './arbitraries';
import {
  checkAnalysis,
  checkAnalysisOnce,
  checkCiphertext,
  checkDecode,
  checkMarkup,
  checkVue,
  checkVueScreen,
} from './properties';
import { apiCall, hostileMarkup, hugeLiterals, nestingShapes, shapeFileName } from './shapes';

/** One fuzz target. */
export interface FuzzTarget<T = unknown> {
  name: string;
  /** What it exercises, for the campaign's report. */
  about: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when a property fails. */
  check(input: T): void;
  /** The most one input may take, in milliseconds, on a loaded two-core machine. */
  budgetMs: number;
  /** Inputs in the full campaign. */
  campaignRuns: number;
  /** Inputs in the seeded slice that `npm test` runs. */
  sliceRuns: number;
  /** A short description of an input, for failure reports. */
  describe(input: T): string;
}

function target<T>(t: FuzzTarget<T>): FuzzTarget {
  return t as unknown as FuzzTarget;
}

const platformOf: Record<string, Platform> = { wxml: 'wechat', axml: 'alipay', ttml: 'douyin' };

function preview(text: string, max = 300): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return `${shown} (${text.length} chars)`;
}

function previewFiles(files: Record<string, string>, target: string): string {
  return `target ${target}; ${Object.entries(files)
    .map(([name, text]) => `${name}: ${preview(text, 160)}`)
    .join('; ')}`;
}

const pagePair = {
  'pages/a/a.wxml': '<button bindtap="onTap">Log in</button>',
  'project.config.json': '{ "appid": "wx0123456789abcdef" }',
};

/** A hostile script file: deep nesting of one construct, or one huge token. */
const hostileScript = fc.oneof(
  fc
    .record({
      shape: fc.constantFrom(...Object.keys(nestingShapes)),
      depth: fc.constantFrom(200, 600, 1000, 3000, 10_000, 30_000),
      inner: fc.oneof(fc.constant(apiCall), grammarScript),
    })
    .map(({ shape, depth, inner }) => ({
      name: shapeFileName(shape),
      text: nestingShapes[shape]!(depth, inner),
      about: `${depth}-deep ${shape}`,
    })),
  fc
    .record({ kind: fc.constantFrom(...Object.keys(hugeLiterals)), size: fc.constantFrom(10_000, 100_000, 1_000_000) })
    .map(({ kind, size }) => ({ name: 'pages/a/a.js', text: hugeLiterals[kind]!(size), about: `huge ${kind} of ${size}` })),
);

/** Deeply nested or oversized decoder input. */
const hostileDecodeRequest = fc.oneof(
  fc
    .record({
      depth: fc.constantFrom(63, 64, 65, 1000, 100_000),
      key: fc.constantFrom('userInfo', 'a', 'detail', 'response'),
      open: fc.constantFrom('{"a":', '[', '{a:'),
    })
    .map(({ depth, key, open }) => {
      const close = open === '[' ? ']' : '}';
      return {
        text: `{"encryptedData":"AAAA","iv":"AAAA","${key}":${open.repeat(depth)}1${close.repeat(depth)}}`,
        sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==',
      };
    }),
  fc
    .constantFrom(1000, 100_000)
    .map((depth) => ({ text: `{"response":${JSON.stringify(`{"response":${'['.repeat(depth)}${']'.repeat(depth)}}`)}}` })),
  fc
    .constantFrom(maxInputBytes - 64, maxInputBytes + 1)
    .map((size) => ({ text: `{"encryptedData":"${'A'.repeat(size)}","iv":"AAAA"}`, sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==' })),
  fc.constantFrom(10_000, 200_000).map((n) => ({ text: `${'{a:'.repeat(n)}` })),
  fc.constantFrom(10_000, 200_000).map((n) => ({ text: `"${'\\"'.repeat(n)}"` })),
);

/** Every fuzz target. */
export const targets: readonly FuzzTarget[] = [
  target({
    name: 'script',
    about: 'one script file: grammar-built, token soup, or mutated seeds and grammar output',
    arbitrary: fc.record({ name: scriptFileName, text: anyScript }),
    check: ({ name, text }) => void checkAnalysis({ [name]: text }, name),
    budgetMs: 1500,
    campaignRuns: 12_000,
    sliceRuns: 200,
    describe: ({ name, text }) => `${name}: ${preview(text)}`,
  }),
  target({
    name: 'project',
    about: 'a page script with its markup, app file and configuration, each possibly broken',
    arbitrary: projectFiles,
    check: ({ files, target: file }) => void checkAnalysis(files, file),
    budgetMs: 2000,
    campaignRuns: 6000,
    sliceRuns: 100,
    describe: ({ files, target: file }) => previewFiles(files, file),
  }),
  target({
    name: 'markup',
    about: 'WXML/AXML/TTML: the tokenizer facts, and the analysis of the markup and of its paired script',
    arbitrary: fc.record({ name: markupFileName, text: anyMarkup }),
    check: ({ name, text }) => {
      checkMarkup(text, platformOf[name.slice(-4)]!);
      const files = {
        [name]: text,
        'pages/a/a.js': 'Page({ onTap() { wx.getUserProfile({ desc: "x" }) }, onLoad() { wx.getUserProfile() } })',
      };
      checkAnalysis(files, name);
      checkAnalysis(files, 'pages/a/a.js');
    },
    budgetMs: 1500,
    campaignRuns: 8000,
    sliceRuns: 150,
    describe: ({ name, text }) => `${name}: ${preview(text)}`,
  }),
  target({
    name: 'markup-tokenizer',
    about: 'the WXML/AXML/TTML tokenizer alone: spans point back at the text, bindings belong to their elements',
    arbitrary: fc.record({ name: markupFileName, text: anyMarkup }),
    check: ({ name, text }) => void checkMarkup(text, platformOf[name.slice(-4)]!),
    budgetMs: 1000,
    campaignRuns: 15_000,
    sliceRuns: 200,
    describe: ({ name, text }) => `${name}: ${preview(text)}`,
  }),
  target({
    name: 'vue',
    about:
      'a .vue page or App.vue in a uni-app project: blocks in any order, Vue template syntax, broken tags, BOM, CRLF, mutated seeds',
    arbitrary: vueProject,
    check: ({ files, target: file }) => {
      checkVue(files[file]!);
      checkVueScreen(files, file);
      checkAnalysis(files, file);
    },
    budgetMs: 1500,
    campaignRuns: 6000,
    sliceRuns: 100,
    describe: ({ files, target: file }) => previewFiles(files, file),
  }),
  target({
    name: 'script-scaling',
    about: 'a grammar snippet repeated hundreds of times: the analysis must stay near-linear',
    arbitrary: fc.record({ snippet: grammarScript.filter((s) => s.length > 20), times: fc.integer({ min: 50, max: 600 }) }),
    check: ({ snippet, times }) =>
      void checkAnalysisOnce({ 'pages/a/a.js': snippet.repeat(times).slice(0, 150_000), ...pagePair }, 'pages/a/a.js'),
    // A linear analysis of 150 KB takes about 0.5 s; the quadratic ones this target found took 25 s.
    budgetMs: 4000,
    campaignRuns: 150,
    sliceRuns: 6,
    describe: ({ snippet, times }) => `${times} × ${preview(snippet)}`,
  }),
  target({
    name: 'markup-scaling',
    about: 'markup tokens repeated thousands of times: the tokenizer must stay near-linear',
    arbitrary: fc.record({
      tokens: fc.array(markupToken, { minLength: 1, maxLength: 4 }),
      times: fc.integer({ min: 1000, max: 20_000 }),
    }),
    check: ({ tokens, times }) => void checkMarkup(tokens.join('').repeat(times).slice(0, 400_000), 'wechat'),
    budgetMs: 3000,
    campaignRuns: 1000,
    sliceRuns: 20,
    describe: ({ tokens, times }) => `${times} × ${preview(tokens.join(''))}`,
  }),
  target({
    name: 'hostile',
    about:
      'deep nesting (up to 30,000 levels) of every recursive construct, huge literals (up to 1 MB) and quadratic-bait markup',
    arbitrary: fc.oneof(
      hostileScript,
      fc
        .record({
          kind: fc.constantFrom(...Object.keys(hostileMarkup)),
          count: fc.constantFrom(1000, 20_000, 100_000),
          ext: fc.constantFrom('wxml', 'axml', 'ttml'),
        })
        .map(({ kind, count, ext }) => ({
          name: `pages/a/a.${ext}`,
          text: hostileMarkup[kind]!(count),
          about: `${count} × ${kind} markup`,
        })),
    ),
    check: ({ name, text }) => {
      const markup = /\.(wxml|axml|ttml)$/.exec(name)?.[1];
      if (markup) checkMarkup(text, platformOf[markup]!);
      checkAnalysis({ [name]: text, ...pagePair }, name);
    },
    // The check tokenizes and analyses an input of up to 1.8 MB five times; each pass is linear (about a second).
    budgetMs: 15_000,
    campaignRuns: 250,
    sliceRuns: 8,
    describe: ({ about }) => about,
  }),
  target({
    name: 'decode',
    about: 'the payload decoder: random text, objects, errMsgs, codes, wrong-length and truncated base64, keys',
    arbitrary: decodeRequest,
    check: (request) => void checkDecode(request),
    budgetMs: 1000,
    campaignRuns: 50_000,
    sliceRuns: 400,
    describe: (request) => JSON.stringify(request).slice(0, 400),
  }),
  target({
    name: 'decode-ciphertext',
    about: 'real WeChat/Douyin and Alipay ciphertexts under their key, a wrong key and a wrong iv',
    arbitrary: fc.oneof(wechatCiphertext, alipayCiphertext),
    check: (input) => checkCiphertext(input),
    budgetMs: 1000,
    campaignRuns: 12_000,
    sliceRuns: 150,
    describe: (input) => JSON.stringify(input).slice(0, 400),
  }),
  target({
    name: 'decode-hostile',
    about: 'decoder input nested 100,000 deep, at and over the 1 MB limit',
    arbitrary: hostileDecodeRequest,
    check: (request) => void checkDecode({ ...request, now: 1_700_000_000_000 }),
    budgetMs: 5000,
    campaignRuns: 200,
    sliceRuns: 12,
    describe: (request) => `${preview(request.text)}`,
  }),
];

/** Runs one input and enforces the time budget; a slow input is retried once to rule out a busy machine. */
export function runBounded(t: FuzzTarget, input: unknown): void {
  for (let attempt = 0; ; attempt++) {
    const start = performance.now();
    t.check(input);
    const elapsed = performance.now() - start;
    if (elapsed <= t.budgetMs) return;
    if (attempt === 1)
      throw new Error(`${t.name}: one input took ${elapsed.toFixed(0)} ms, over the ${t.budgetMs} ms budget (twice)`);
  }
}

/** The property fast-check runs for a target. */
export function propertyOf(t: FuzzTarget, onStart: (input: unknown) => void = () => {}): fc.IProperty<[unknown]> {
  return fc.property(t.arbitrary, (input) => {
    onStart(input);
    runBounded(t, input);
  });
}
