/**
 * uni-app conditional compilation: which of our platforms a piece of code is compiled for.
 *
 * uni-app fences platform code with special comments (source: uniapp.dcloud.net.cn/tutorial/platform.html, the
 * "条件编译" page, dcloudio/unidocs-zh `docs/tutorial/platform.md` before commit 9896636d3):
 * `// #ifdef MP-WEIXIN` … `// #endif` in scripts (also `/* #ifdef … *\/`), `<!-- #ifdef … -->` in templates,
 * `#ifndef` for "every platform but", `||` and `&&` between names and `!` before one. The body of an
 * `#ifdef` whose name uni-app does not define is dropped, and that of an `#ifndef` kept, on every platform.
 *
 * {@link conditionalRegions} reads the regions from raw text (a whole `.js` file, or one block of a `.vue` file);
 * {@link platformsAt} answers which of the build targets an offset is compiled for. Nothing here parses the
 * code around the comments, so it works on any script or template text.
 */
import type { Platform, Span } from './types';

/** The comment style the directives are written in: `//` and `/* *\/` in scripts, `<!-- -->` in templates. */
export type ConditionalSyntax = 'script' | 'markup';

/** One `#ifdef`/`#ifndef` … `#endif` pair. Offsets are into the text given to {@link conditionalRegions}. */
export interface ConditionalRegion extends Span {
  /** `start`..`end` covers both directive comments; the body lies between them. */
  body: Span;
  directive: 'ifdef' | 'ifndef';
  /** The condition as written, e.g. `MP-WEIXIN || H5`. */
  condition: string;
  /**
   * The platforms of ours whose build keeps the body. A name whose value depends on the project rather than
   * the platform (`VUE3`, `uniVersion > 3.9`) counts as true, so code the checker cannot place stays checked.
   */
  platforms: readonly Platform[];
}

/** Every platform this checker knows, in a fixed order. */
const allPlatforms: readonly Platform[] = ['wechat', 'alipay', 'douyin'];

/** The uni-app names (`%PLATFORM%`) that are defined when building for each of our platforms. */
const definedNames: Record<Platform, ReadonlySet<string>> = {
  wechat: new Set(['MP', 'MP-WEIXIN']),
  alipay: new Set(['MP', 'MP-ALIPAY']),
  douyin: new Set(['MP', 'MP-TOUTIAO']),
};

/** Names whose value the platform does not decide (the Vue version, uni-app x, the compiler version). */
const projectDependentNames = new Set(['VUE2', 'VUE3', 'VUE3-VAPOR', 'UNI-APP-X']);

/** The directive comments of each syntax: group 1 is the directive, group 2 the rest of the comment. */
const directivePatterns: Record<ConditionalSyntax, RegExp> = {
  script: /\/\/[ \t]*#(ifdef|ifndef|endif)\b([^\r\n]*)|\/\*\s*#(ifdef|ifndef|endif)\b([\s\S]*?)\*\//g,
  markup: /<!--\s*#(ifdef|ifndef|endif)\b([\s\S]*?)-->/g,
};

/**
 * The project-dependent names whose value the project does tell (upper case): `VUE3` true and `VUE2` false in a
 * project whose manifest says `"vueVersion": "3"`.
 */
export type ProjectNames = ReadonlyMap<string, boolean>;

/** The names a uni-app project's Vue version defines. */
export function vueNames(vueVersion: 2 | 3 | undefined): ProjectNames | undefined {
  return vueVersion
    ? new Map([
        ['VUE3', vueVersion === 3],
        ['VUE2', vueVersion === 2],
      ])
    : undefined;
}

/** A condition evaluated for one platform: true, false, or undefined when the project decides. */
type Truth = boolean | undefined;

function not(value: Truth): Truth {
  return value === undefined ? undefined : !value;
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}

/**
 * Evaluates a condition (`MP-WEIXIN || H5`, `APP && !VUE3-VAPOR`, `(MP || H5)`) for one platform. `&&` binds
 * tighter than `||`. A name uni-app does not define for the platform is false, as uni-app treats it.
 */
function evaluate(condition: string, platform: Platform, project?: ProjectNames): Truth {
  const tokens = condition.match(/\|\||&&|!|\(|\)|[^\s|&!()]+(?:\s*[<>=]=?\s*[^\s|&!()]+)?/g) ?? [];
  let position = 0;
  const atom = (): Truth => {
    const token = tokens[position++];
    if (token === undefined) return false;
    if (token === '!') return not(atom());
    if (token === '(') {
      const value = disjunction();
      if (tokens[position] === ')') position++;
      return value;
    }
    const known = project?.get(token.toUpperCase());
    if (known !== undefined) return known;
    if (/^uniVersion\b/i.test(token) || projectDependentNames.has(token.toUpperCase())) return undefined;
    return definedNames[platform].has(token.toUpperCase());
  };
  const conjunction = (): Truth => {
    let value = atom();
    while (tokens[position] === '&&') {
      position++;
      value = and(value, atom());
    }
    return value;
  };
  const disjunction = (): Truth => {
    let value = conjunction();
    while (tokens[position] === '||') {
      position++;
      value = or(value, conjunction());
    }
    return value;
  };
  return tokens.length === 0 ? false : disjunction();
}

/**
 * The platforms of ours on which the body of `#<directive> <condition>` is compiled: for `#ifdef MP-WEIXIN`
 * WeChat, for `#ifndef H5` all three, for `#ifdef H5` none.
 */
export function conditionPlatforms(directive: 'ifdef' | 'ifndef', condition: string, project?: ProjectNames): Platform[] {
  return allPlatforms.filter((platform) => {
    const value = evaluate(condition, platform, project);
    return value === undefined || (directive === 'ifdef' ? value : !value);
  });
}

/**
 * The conditional-compilation regions in `text` (or in `range` of it: a `.vue` file's `<script>` or `<template>`
 * content), in order of their opening directive; nested regions are listed after the region around them.
 * `syntax` picks the comment style: `script` reads `// #ifdef X` and `/* #ifdef X *\/`, `markup` reads
 * `<!-- #ifdef X -->`. Malformed input never throws: an `#endif` with no open region, and an `#ifdef` that is
 * never closed, are left out, as uni-app's compiler leaves such a comment alone (so that code counts as
 * compiled everywhere).
 */
export function conditionalRegions(
  text: string,
  syntax: ConditionalSyntax,
  range?: Span,
  project?: ProjectNames,
): ConditionalRegion[] {
  const start = Math.max(0, range?.start ?? 0);
  const end = Math.min(text.length, range?.end ?? text.length);
  const regions: ConditionalRegion[] = [];
  if (end <= start || !text.slice(start, end).includes('#if')) return regions;
  const pattern = new RegExp(directivePatterns[syntax].source, 'g');
  pattern.lastIndex = start;
  const open: Array<{ directive: 'ifdef' | 'ifndef'; condition: string; start: number; bodyStart: number; slot: number }> = [];
  const slots: Array<ConditionalRegion | undefined> = [];
  for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
    const matchEnd = match.index + match[0].length;
    if (matchEnd > end) break;
    const directive = (match[1] ?? match[3]) as 'ifdef' | 'ifndef' | 'endif';
    if (directive === 'endif') {
      const opening = open.pop();
      if (!opening) continue;
      slots[opening.slot] = {
        start: opening.start,
        end: matchEnd,
        body: { start: opening.bodyStart, end: match.index },
        directive: opening.directive,
        condition: opening.condition,
        platforms: conditionPlatforms(opening.directive, opening.condition, project),
      };
      continue;
    }
    const condition = (match[2] ?? match[4] ?? '').trim();
    open.push({ directive, condition, start: match.index, bodyStart: matchEnd, slot: slots.length });
    slots.push(undefined);
  }
  for (const region of slots) if (region) regions.push(region);
  return regions;
}

/**
 * The build targets `offset` is compiled for: `targets` (the project's platforms) narrowed by every region
 * whose body holds the offset. Outside every region that is `targets` itself; inside `#ifdef H5` it is empty.
 */
export function platformsAt(regions: readonly ConditionalRegion[], offset: number, targets: readonly Platform[]): Platform[] {
  let platforms = [...targets];
  for (const region of regions) {
    if (region.body.start > offset) break;
    if (offset < region.body.end) platforms = platforms.filter((p) => region.platforms.includes(p));
  }
  return platforms;
}
