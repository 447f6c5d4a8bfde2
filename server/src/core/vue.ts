/**
 * Vue single-file components (uni-app pages, Taro + Vue 3 pages), read with @vue/compiler-dom's parser in SFC
 * mode. A `.vue` file feeds the same analysis as a page's script and markup:
 *
 * - its `<script>` and `<script setup>` blocks become ONE script text of the file's own length, with everything
 *   else replaced by spaces (line breaks kept), so that TypeScript's tree, the page model and every finding carry
 *   the `.vue` file's own offsets, lines and columns;
 * - its `<template>` becomes the same {@link MarkupFacts} as a WXML page, with Vue's syntax read: `@tap`,
 *   `v-on:click.stop`, `@getuserinfo`, `:open-type="'getUserInfo'"`, handler expressions (`onTap($event)`).
 *
 * Broken input never throws: the parser reports errors through a callback, which we ignore, and returns what it
 * could read.
 */
import {
  parse,
  type AttributeNode,
  type DirectiveNode,
  type ElementNode,
  type RootNode,
  type TemplateChildNode,
} from '@vue/compiler-dom';
import ts from 'typescript';
import { conditionalRegions, platformsAt, type ProjectNames } from './conditional';
import { isFillIn, tapEvents, type EventBinding, type MarkupAttribute, type MarkupElement, type MarkupFacts } from './markup';
import { changedRange } from './positions';
import type { Platform, Span } from './types';
import { mentionsWord } from './words';

/** True for a Vue single-file component. */
export function isVueFile(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.vue');
}

/** What a `.vue` file holds, in the file's own offsets. */
export interface VueDocument {
  /** The file's text with everything outside the script blocks' contents blanked (line breaks kept). */
  script: string;
  /** TypeScript's script kind from the blocks' `lang` (`ts`, `tsx`, `jsx`; JavaScript otherwise). */
  scriptKind: ts.ScriptKind;
  /** The contents of the script blocks. */
  scriptSpans: Span[];
  /** The content of `<script setup>`, when the file has one. */
  setupSpan?: Span;
  /** The template's elements and event bindings, when the template is HTML (not Pug or another language). */
  template?: Omit<MarkupFacts, 'platform'>;
  /** The content of the template. */
  templateSpan?: Span;
}

const kinds: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

/** Parses of recent texts: a `.vue` file is read by the analysis, hover and completion of the same version. */
const cache = new Map<string, { text: string; document: VueDocument }>();
const cacheLimit = 8;

/** Reads a `.vue` file (cached per file name and text; an edit inside a script block reuses the previous version's read). */
export function readVue(fileName: string, text: string): VueDocument {
  const hit = cache.get(fileName);
  if (hit && hit.text === text) return hit.document;
  const document = (hit && readEdited(hit.text, hit.document, text)) ?? readUncached(text);
  cache.delete(fileName);
  cache.set(fileName, { text, document });
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return document;
}

/**
 * The document of `text` from the document of the version before it, without parsing, when the edit between them
 * lies inside one script block's content and the template lies before it (uni-app's usual order, `<template>`
 * first): the script block's content is raw text to the SFC parser ({@link isRawText}), ended only by `</script`, so
 * the new document is the old one with that block's content replaced and the spans after it moved. Typing in a
 * script then costs no SFC parse. Undefined when the edit is anywhere else (the caller parses).
 */
function readEdited(oldText: string, old: VueDocument, text: string): VueDocument | undefined {
  const { start: prefix, oldEnd } = changedRange(oldText, text);
  const delta = text.length - oldText.length;
  const block = old.scriptSpans.find((span) => span.start <= prefix && oldEnd <= span.end);
  if (!block || block.end + delta <= block.start || !rawScripts.has(old)) return undefined;
  if (/<\/script/i.test(text.slice(block.start, block.end + delta))) return undefined;
  const before = (span: Span) => span.end <= prefix;
  if (old.templateSpan && !before(old.templateSpan)) return undefined;
  const moved = (span: Span): Span =>
    span === block || (span.start === block.start && span.end === block.end)
      ? { start: span.start, end: span.end + delta }
      : span.start >= block.end
        ? { start: span.start + delta, end: span.end + delta }
        : span;
  const document: VueDocument = {
    ...old,
    script: old.script.slice(0, prefix) + text.slice(prefix, oldEnd + delta) + old.script.slice(oldEnd),
    scriptSpans: old.scriptSpans.map(moved),
    ...(old.setupSpan ? { setupSpan: moved(old.setupSpan) } : {}),
  };
  rawScripts.add(document);
  return document;
}

/** The documents whose script blocks all hold raw text ({@link isRawText}): only those are read from an edit. */
const rawScripts = new WeakSet<VueDocument>();

/**
 * True when a block's content is raw text: one text node right after a start tag that `>` ends. The parser ends a
 * start tag also at a `</` (`<script\n<view @tap="x"\n</template>`), and then reads the content as markup, where an
 * edit can change where the content starts (found by fuzzing).
 */
function isRawText(text: string, element: ElementNode): boolean {
  const child = element.children[0];
  if (element.children.length !== 1 || !child || child.type !== 2) return false;
  let from = element.loc.start.offset + 1 + element.tag.length;
  for (const prop of element.props) from = Math.max(from, prop.loc.end.offset);
  return /^[\t\n\f\r ]*>$/.test(text.slice(from, child.loc.start.offset));
}

function readUncached(text: string): VueDocument {
  let root: RootNode | undefined;
  try {
    root = parse(text, { parseMode: 'sfc', comments: true, onError: () => {}, onWarn: () => {} });
  } catch {
    // The parser recovers from malformed markup; a failure it cannot recover from reads as an empty file.
    root = undefined;
  }
  const scriptSpans: Span[] = [];
  let raw = true;
  let setupSpan: Span | undefined;
  let scriptKind: ts.ScriptKind = ts.ScriptKind.JS;
  let templateNode: ElementNode | undefined;
  for (const node of root?.children ?? []) {
    if (node.type !== 1) continue;
    const element = node as ElementNode;
    if (element.tag === 'script') {
      const content = contentSpan(text, element);
      if (!content) continue;
      scriptSpans.push(content);
      raw &&= isRawText(text, element);
      const lang = staticAttribute(element, 'lang');
      if (lang && kinds[lang]) scriptKind = kinds[lang];
      if (element.props.some((p) => p.type === 6 && p.name === 'setup')) setupSpan = content;
    } else if (element.tag === 'template' && !templateNode) {
      templateNode = element;
    }
  }
  const script = blankOutside(text, scriptSpans);
  let template: VueDocument['template'];
  let templateSpan: Span | undefined;
  if (templateNode) {
    const lang = staticAttribute(templateNode, 'lang');
    templateSpan = contentSpan(text, templateNode) ?? { start: templateNode.loc.end.offset, end: templateNode.loc.end.offset };
    if (!lang || lang === 'html') template = readTemplate(text, templateNode);
  }
  const document: VueDocument = {
    script,
    scriptKind,
    scriptSpans,
    ...(setupSpan ? { setupSpan } : {}),
    ...(template ? { template } : {}),
    ...(templateSpan ? { templateSpan } : {}),
  };
  if (raw) rawScripts.add(document);
  return document;
}

/** The span of a block's content, between its start and end tags. */
function contentSpan(text: string, element: ElementNode): Span | undefined {
  const first = element.children[0];
  const last = element.children[element.children.length - 1];
  if (!first || !last) return undefined;
  // The parser ends a comment left open at the end of the file three characters past the text, where its `-->`
  // would be (`<template><!-- #ifdef MP-WEIXIN`), and starts some text before the file (`<template></ x<y {` has a
  // text at -1): the content starts after the start tag and ends with the text (found by fuzzing).
  const end = Math.min(last.loc.end.offset, text.length);
  const nameEnd = element.loc.start.offset + 1 + element.tag.length;
  const start = first.loc.start.offset >= nameEnd ? first.loc.start.offset : startTagEnd(text, element);
  return { start: Math.min(start, end), end };
}

function staticAttribute(element: ElementNode, name: string): string | undefined {
  for (const prop of element.props) if (prop.type === 6 && prop.name === name) return prop.value?.content;
  return undefined;
}

/** The text with every character outside `spans` replaced by a space, line breaks kept. */
function blankOutside(text: string, spans: readonly Span[]): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  let out = '';
  let copied = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    out += blank(text.slice(copied, span.start)) + text.slice(span.start, span.end);
    copied = span.end;
  }
  return out + blank(text.slice(copied));
}

// ---------------------------------------------------------------------------------------------------------------
// The template

const identifier = /^[A-Za-z_$][\w$]*$/;
/** `onTap($event)`, `onTap()`, `onTap;` */
const simpleCall = /^([A-Za-z_$][\w$]*)\s*(?:\([^()]*\))?\s*;?$/;
const calledName = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(/g;
/** A name handed to a call as an argument: `debounce(submit)`, `later(go, 1)`. */
const usedName = /[(,]\s*([A-Za-z_$][\w$]*)\s*(?=[),])/g;
const plainValues = new Set(['$event', 'true', 'false', 'null', 'undefined', 'this', 'arguments', 'e', 'event', 'item', 'index']);
const notHandlers = new Set(['if', 'for', 'while', 'switch', 'function', 'return', 'typeof', 'new', 'await', 'catch']);

/**
 * The methods a `v-on` expression calls: the name itself (`onTap`), a plain call (`onTap($event)`), or every
 * function an inline statement or arrow function calls by name (`() => go(1)`, `ok && submit()`).
 */
export function handlersOfExpression(expression: string): { names: string[]; simple: boolean; passes: boolean } {
  const trimmed = expression.trim();
  if (identifier.test(trimmed)) return { names: [trimmed], simple: true, passes: false };
  const call = simpleCall.exec(trimmed);
  if (call) return { names: [call[1]!], simple: true, passes: false };
  const code = trimmed.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
  const names: string[] = [];
  for (const match of code.matchAll(calledName)) {
    const name = match[1]!;
    if (!notHandlers.has(name) && !names.includes(name)) names.push(name);
  }
  // A name used but not called (`debounce(submit)`, `() => later(go)`) may be a method handed on to run later.
  let passes = false;
  for (const match of code.matchAll(usedName)) {
    const name = match[1]!;
    if (!names.includes(name) && !notHandlers.has(name) && !plainValues.has(name)) passes = true;
  }
  return { names, simple: false, passes };
}

/**
 * An event attribute of a template as written (`@tap="onTap"`, `v-on:click.stop='go(1)'`, `@tap=onTap`): its value.
 * Names and unquoted values end where Vue's tokenizer ends them (HTML whitespace, `/`, `>`, `=`), so that no attribute
 * Vue reads is missed, however odd its name (`@g"x"tap`).
 */
const eventAttributeText =
  /(?:^|[\t\n\f\r "'/])(?:@|v-on:)[^\t\n\f\r />=]+[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+))/g;
/**
 * A top-level piece of a `.vue` file outside its template and comments: a self-closing tag (`<script/>`, no
 * content), or a block (`<script>`, `<style>`, `<i18n>`), whose content is raw text up to its end tag (Vue ends it at
 * `</name` in any case) or the end of the file.
 */
const rootPieceText = /<[A-Za-z][^>]*\/>|<([A-Za-z][^\t\n\f\r />]*)[^>]*>([\s\S]*?)(?:<\/\1(?=[\t\n\f\r />])|$)/gi;

/**
 * A text screen run before the SFC parse: false when every handler a template event names as a whole (`@tap="onTap"`,
 * `@tap="onTap($event)"`) is a word of the file's `<script>` blocks, as the SFC reader would find it. Those are the
 * only names `handler-not-found` checks in a `.vue` file and it reports only names the script never mentions, so a
 * false here means that rule has nothing to report and the template need not be parsed for it. The screen reads
 * the raw text with regular expressions; it errs towards true (parse) when it cannot tell.
 */
export function mayHaveUnmentionedHandlers(text: string): boolean {
  let scripts: string[] | undefined;
  const checked = new Set<string>();
  for (const match of text.matchAll(eventAttributeText)) {
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    // Vue decodes character references in attribute values (`on&#84;ap` is `onTap`): parse to read them.
    if (value.includes('&')) return true;
    const { names, simple } = handlersOfExpression(value);
    const name = names[0];
    if (!simple || !name || name.startsWith('$') || name.startsWith('_') || checked.has(name)) continue;
    checked.add(name);
    scripts ??= scriptBlocks(text);
    if (!scripts.some((script) => mentionsWord(script, name))) return true;
  }
  return false;
}

/**
 * The contents of the `<script>` blocks as the text shows them, never more than the SFC reader's: blocks count only
 * before the first `<template` and after the last `</template`, so none inside the template does; a `<script>` in a
 * comment or in another block (`<!-- <script>…</script> -->`, `<docs>`) is skipped with it, and so is what follows a
 * comment left open in the template (`<!--` … `</template><script>`). Where the text misleads
 * (`</template>` in a style), less script is found and the screen asks for the parse.
 */
function scriptBlocks(text: string): string[] {
  // Comments first, to the end of the file when one is left open: a `</template>` inside one ends nothing.
  const visible = text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
  const templateStart = visible.indexOf('<template');
  const templateEnd = visible.lastIndexOf('</template');
  const outside =
    templateStart < 0
      ? visible
      : `${visible.slice(0, templateStart)} ${templateEnd > templateStart ? visible.slice(templateEnd + '</template'.length) : ''}`;
  return [...outside.matchAll(rootPieceText)].filter((piece) => piece[1] === 'script').map((piece) => piece[2]!);
}

function readTemplate(text: string, template: ElementNode): VueDocument['template'] {
  const elements: MarkupElement[] = [];
  const bindings: EventBinding[] = [];
  let hasDynamicBindings = false;
  const stack: TemplateChildNode[] = [...template.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 1) continue;
    const element = node as ElementNode;
    const start = element.loc.start.offset;
    const nameSpan = { start: start + 1, end: start + 1 + element.tag.length };
    const markupElement: MarkupElement = {
      tag: element.tag,
      start,
      end: startTagEnd(text, element),
      nameSpan,
      attributes: [],
    };
    elements.push(markupElement);
    for (const prop of element.props) {
      if (prop.type === 6) {
        markupElement.attributes.push(staticAttributeOf(prop));
        continue;
      }
      const directive = prop as DirectiveNode;
      if (directive.name === 'bind') {
        const bound = boundAttributeOf(directive);
        if (bound) markupElement.attributes.push(bound);
        continue;
      }
      if (directive.name !== 'on') continue;
      const arg = directive.arg;
      if (!arg || arg.type !== 4 || !arg.isStatic) {
        // v-on="listeners" or @[name]: the events and handlers are only known at run time.
        hasDynamicBindings = true;
        continue;
      }
      const attribute = directiveAttribute(directive);
      markupElement.attributes.push(attribute);
      const event = arg.content.toLowerCase();
      const prefix = directive.rawName?.startsWith('@') ? '@' : 'v-on:';
      const expression = directive.exp && directive.exp.type === 4 ? directive.exp.content : '';
      const { names, simple, passes } = handlersOfExpression(expression);
      if (passes) hasDynamicBindings = true;
      if (names.length === 0) {
        bindings.push({ event, prefix, handler: '', dynamic: false, attribute, element: markupElement });
        continue;
      }
      for (const handler of names) {
        bindings.push({ event, prefix, handler, dynamic: false, inline: !simple, attribute, element: markupElement });
      }
    }
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
  return { elements, bindings, hasDynamicBindings, fillIn: elements.some(isFillIn) };
}

/** The offset after the start tag's `>`. */
function startTagEnd(text: string, element: ElementNode): number {
  let from = element.loc.start.offset + 1 + element.tag.length;
  for (const prop of element.props) from = Math.max(from, prop.loc.end.offset);
  const close = text.indexOf('>', from);
  return close < 0 || close > element.loc.end.offset ? element.loc.end.offset : close + 1;
}

function staticAttributeOf(prop: AttributeNode): MarkupAttribute {
  const nameStart = prop.nameLoc.start.offset;
  const attribute: MarkupAttribute = {
    name: prop.name,
    nameSpan: { start: nameStart, end: nameStart + prop.name.length },
    value: prop.value?.content ?? '',
  };
  if (prop.value) {
    const loc = prop.value.loc;
    const raw = loc.source;
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'");
    attribute.valueSpan = quoted
      ? { start: loc.start.offset + 1, end: loc.end.offset - 1 }
      : { start: loc.start.offset, end: loc.end.offset };
  }
  return attribute;
}

/** `@tap.stop="onTap"`: the name as written (`@tap.stop`), the value inside its quotes. */
function directiveAttribute(directive: DirectiveNode): MarkupAttribute {
  const start = directive.loc.start.offset;
  const rawName = directive.rawName ?? `v-${directive.name}`;
  const exp = directive.exp;
  return {
    name: rawName,
    nameSpan: { start, end: start + rawName.length },
    value: exp && exp.type === 4 ? exp.content : '',
    ...(exp ? { valueSpan: { start: exp.loc.start.offset, end: exp.loc.end.offset } } : {}),
  };
}

/**
 * `:open-type="'getUserInfo'"` reads as `open-type="getUserInfo"` (the span is the literal's text); a bound value
 * that is not a string literal reads as a computed value (`{{…}}`), as `open-type="{{type}}"` does in WXML.
 */
function boundAttributeOf(directive: DirectiveNode): MarkupAttribute | undefined {
  const arg = directive.arg;
  if (!arg || arg.type !== 4 || !arg.isStatic) return undefined;
  const start = directive.loc.start.offset;
  const exp = directive.exp;
  const attribute: MarkupAttribute = {
    name: arg.content,
    nameSpan: { start: arg.loc.start.offset, end: arg.loc.end.offset },
    value: '{{}}',
  };
  if (!exp || exp.type !== 4) return { ...attribute, nameSpan: { start, end: start + (directive.rawName ?? '').length } };
  const literal = /^\s*(['"`])([^'"`\\]*)\1\s*$/.exec(exp.content);
  if (literal) {
    const offset = exp.content.indexOf(literal[1]!) + 1;
    const valueStart = exp.loc.start.offset + offset;
    return { ...attribute, value: literal[2]!, valueSpan: { start: valueStart, end: valueStart + literal[2]!.length } };
  }
  return { ...attribute, value: `{{${exp.content}}}`, valueSpan: { start: exp.loc.start.offset, end: exp.loc.end.offset } };
}

const setupSpans = new WeakMap<ts.SourceFile, Span>();

/** Records where the `<script setup>` content of a parsed `.vue` file is (parse.ts calls it for every tree it makes). */
export function noteScriptSetup(sourceFile: ts.SourceFile, span: Span | undefined): void {
  if (span) setupSpans.set(sourceFile, span);
}

/** The `<script setup>` content of a parsed `.vue` file, if it has one. */
export function scriptSetupOf(sourceFile: ts.SourceFile): Span | undefined {
  return setupSpans.get(sourceFile);
}

/** The template's markup facts for a platform, or undefined when the file has no HTML template. */
export function vueMarkupFacts(
  fileName: string,
  text: string,
  platform: Platform,
  project?: ProjectNames,
): MarkupFacts | undefined {
  const vue = readVue(fileName, text);
  const template = vue.template;
  if (!template || !vue.templateSpan) return undefined;
  // What sits inside `<!-- #ifdef … -->` for other platforms only is not compiled for this one.
  const regions = conditionalRegions(text, 'markup', vue.templateSpan, project);
  if (regions.length === 0) return { platform, ...template };
  const compiled = (element: MarkupElement) => platformsAt(regions, element.start, [platform]).length > 0;
  const bindings = template.bindings.filter((b) => compiled(b.element));
  const elements = template.elements.filter(compiled);
  return { platform, elements, bindings, hasDynamicBindings: template.hasDynamicBindings, fillIn: elements.some(isFillIn) };
}

/**
 * True for a binding of a `.vue` template that the user's tap fires: `@tap`, `@longpress`, `@longtap`, and `@click`,
 * which uni-app compiles to the tap on a built-in tag (a component's `click` counts as a UI kit's button does in WXML).
 */
export function isVueTap(binding: EventBinding): boolean {
  return (binding.prefix === '@' || binding.prefix === 'v-on:') && (tapEvents.has(binding.event) || binding.event === 'click');
}

/**
 * The built-in components of the mini-program platforms (uni-app's own set): `@click` on these is the native tap.
 * Any other tag in a template is a custom component, whose `click` is an event the component emits.
 */
export const builtinTags: ReadonlySet<string> = new Set([
  'view',
  'scroll-view',
  'swiper',
  'swiper-item',
  'match-media',
  'movable-area',
  'movable-view',
  'cover-view',
  'cover-image',
  'icon',
  'text',
  'rich-text',
  'progress',
  'button',
  'checkbox',
  'checkbox-group',
  'editor',
  'form',
  'input',
  'label',
  'picker',
  'picker-view',
  'picker-view-column',
  'radio',
  'radio-group',
  'slider',
  'switch',
  'textarea',
  'navigator',
  'audio',
  'camera',
  'image',
  'video',
  'live-player',
  'live-pusher',
  'map',
  'canvas',
  'web-view',
  'ad',
  'official-account',
  'open-data',
  'page-meta',
  'navigation-bar',
  'block',
  'template',
  'slot',
]);
