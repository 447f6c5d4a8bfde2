/**
 * Hand-made hostile inputs shared by the fuzz targets and the robustness tests: deep nesting of every
 * construct TypeScript's parser recurses on, huge literals, and markup that made the old tokenizer's
 * masking quadratic. Each is a function of a size, so tests can choose how big.
 */

/** A user-info call to wrap hostile shapes around, so the file passes the text pre-filter. */
export const apiCall = 'wx.getUserProfile({ desc: "to show your profile" })';

/** Constructs nested `depth` levels deep around `inner`. */
export const nestingShapes: Readonly<Record<string, (depth: number, inner: string) => string>> = {
  parentheses: (n, inner) => `${'('.repeat(n)}${inner}${')'.repeat(n)}`,
  arrays: (n, inner) => `x = ${'['.repeat(n)}${inner}${']'.repeat(n)}`,
  objects: (n, inner) => `x = ${'{ a: '.repeat(n)}${inner}${' }'.repeat(n)}`,
  blocks: (n, inner) => `${'{'.repeat(n)}${inner}${'}'.repeat(n)}`,
  calls: (n, inner) => `${'f('.repeat(n)}${inner}${')'.repeat(n)}`,
  arrows: (n, inner) => `${'() => '.repeat(n)}${inner}`,
  functions: (n, inner) => `${'function f() { '.repeat(n)}${inner}${' }'.repeat(n)}`,
  ifs: (n, inner) => `${'if (a) '.repeat(n)}${inner}`,
  ternaries: (n, inner) => `${'a ? b : '.repeat(n)}${inner}`,
  unary: (n, inner) => `${'!'.repeat(n)}${inner}`,
  templates: (n, inner) => `${'`${'.repeat(n)}${inner}${'}`'.repeat(n)}`,
  jsx: (n, inner) => `${'<View>'.repeat(n)}{${inner}}${'</View>'.repeat(n)}`,
  binary: (n, inner) => `${inner}${' + a'.repeat(n)}`,
  memberChain: (n, inner) => `${inner}${'.a'.repeat(n)}`,
  unclosed: (n, inner) => `${inner}; ${'({['.repeat(n)}`,
};

/** The file a nesting shape needs (JSX shapes need a `.tsx`/`.jsx` name to parse as JSX). */
export function shapeFileName(shape: string): string {
  return shape === 'jsx' ? 'pages/deep/deep.jsx' : 'pages/deep/deep.js';
}

/** Huge single tokens, each about `size` characters, around a user-info call. */
export const hugeLiterals: Readonly<Record<string, (size: number) => string>> = {
  string: (n) => `const s = "${'a'.repeat(n)}"; ${apiCall}`,
  unterminatedString: (n) => `${apiCall}; const s = "${'a'.repeat(n)}`,
  template: (n) => `const s = \`${'a\n'.repeat(n >> 1)}\`; ${apiCall}`,
  unterminatedTemplate: (n) => `${apiCall}; const s = \`${'${x}'.repeat(n >> 2)}`,
  number: (n) => `const n = ${'9'.repeat(n)}; ${apiCall}`,
  identifier: (n) => `const ${'a'.repeat(n)} = 1; ${apiCall}`,
  comment: (n) => `/*${' '.repeat(n)}*/ ${apiCall}`,
  unterminatedComment: (n) => `${apiCall} /*${'*'.repeat(n)}`,
  regex: (n) => `const r = /${'a'.repeat(n)}/g; ${apiCall}`,
  desc: (n) => `wx.getUserProfile({ desc: "${'用'.repeat(n)}" })`,
  minified: (n) => `${apiCall};${'var a=function(b){return b+1};'.repeat(Math.ceil(n / 30))}`,
};

/** Markup that defeats regular expressions with nested or unbounded repetition. */
export const hostileMarkup: Readonly<Record<string, (count: number) => string>> = {
  unclosedWxs: (n) => '<wxs '.repeat(n),
  unclosedSjsAttribute: (n) => '<sjs a="'.repeat(n),
  openWxsBodies: (n) => '<wxs module="m">'.repeat(n),
  mustaches: (n) => '{{'.repeat(n),
  unclosedTags: (n) => '<button bindtap="'.repeat(n),
  lessThans: (n) => '<'.repeat(n),
  comments: (n) => '<!--'.repeat(n),
  attributes: (n) => `<button ${'bindtap="onTap" '.repeat(n)}>`,
};
