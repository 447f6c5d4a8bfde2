/**
 * Editor features in mini-program markup (WXML, AXML, TTML) and the handler graph exposed to the user:
 *
 * - completion of catalog attribute values (`open-type`, Alipay `scope`, …), of attribute names (the
 *   element's user-info properties and events, and the tap events of the platform) and of handler names
 *   from the page's script;
 * - hover on catalog attributes and values, and on handler names (where the method is);
 * - go to definition from `bindtap="onTapProfile"` to the method, and references between a page method
 *   and the markup bindings that call it, in both directions.
 *
 * Everything here is pure: text and offsets in, plain results out. Locations in other files carry both
 * offsets and 0-based line/character positions, so callers need not read those files again.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  catalog,
  getMarkupAttribute,
  localize,
  markupAttributesOf,
  platformNamespace,
  type DocsLanguage,
  type Localized,
} from '../catalog';
import { renderMarkupAttribute, renderMarkupValue, type RenderContext } from './docsMarkdown';
import {
  markupPlatform,
  parseEventAttribute,
  parseMarkup,
  tapEvents,
  type EventBinding,
  type MarkupAttribute,
  type MarkupElement,
  type MarkupFacts,
} from './markup';
import { bindable, pageModelOf } from './model';
import { getSourceFile, isScriptFile } from './parse';
import { isVueFile, vueMarkupFacts } from './vue';
import { lineStarts, positionAt, type LineCharacter } from './positions';
import type { FileSystemHost, ProjectIndex } from './project';
import type { Platform, Span } from './types';

/** A range in some file, as offsets and as line/character positions. */
export interface FileLocation {
  fileName: string;
  span: Span;
  start: LineCharacter;
  end: LineCharacter;
}

/**
 * A method a page's markup can bind: a member of `Page({…})`, or of the `methods` of `Component({…})`.
 * Its location is the method's name.
 */
export interface PageMethod extends FileLocation {
  name: string;
  /** Lifecycle hooks and page events (`onLoad`, `onShareAppMessage`) are called by the framework, not bound. */
  frameworkHook: boolean;
}

/** A markup document with its tokenized facts. */
export interface MarkupDocument {
  fileName: string;
  text: string;
  facts: MarkupFacts;
}

/** The page around a file: its markup files, its script files and the methods they define. */
export interface PageContext {
  markups: MarkupDocument[];
  scripts: string[];
  methods: PageMethod[];
}

/** The reader's documentation language and project, for rendered docs. */
export interface MarkupFeatureOptions {
  language: DocsLanguage;
  /** The project's minimum base library, when known. */
  libVersion?: string;
  /**
   * A `.vue` template: only the catalog's attributes and values are ours there. Vue's own tooling (Volar) completes
   * and explains attribute names, event names and handler expressions, and `bindtap`-style names are not Vue syntax.
   */
  vue?: boolean;
}

/** What a completion item inserts and how an editor should present it. */
export interface MarkupCompletion {
  label: string;
  kind: 'value' | 'property' | 'event' | 'handler';
  /** The text replacing `replace`; a snippet with `$1` tab stops when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** The span the insertion replaces; it contains the cursor. */
  replace: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  deprecated?: boolean;
  /** Sorts among the other items (lower first). */
  sortText: string;
  preselect?: boolean;
  /** Ask the editor to open completion again after inserting (the value of a new attribute). */
  retrigger?: boolean;
}

/** Markdown to show for a range of the document. */
export interface MarkupHover {
  markdown: string;
  span: Span;
}

// Page lifecycle hooks and page events, called by the framework. They can be bound, but offering them as
// handlers misleads. (Component lifetimes live outside `methods`, so they are never collected.)
const frameworkHooks = new Set([
  'onLoad',
  'onShow',
  'onReady',
  'onHide',
  'onUnload',
  'onRouteDone',
  'onPullDownRefresh',
  'onReachBottom',
  'onShareAppMessage',
  'onShareTimeline',
  'onAddToFavorites',
  'onPageScroll',
  'onResize',
  'onTabItemTap',
  'onSaveExitState',
  'onTitleClick',
  'onOptionMenuClick',
  'onPopMenuClick',
  'onPullIntercept',
  'onBack',
  'onKeyboardHeight',
  'onSelectedTabItemTap',
]);

// Definition-object keys that hold configuration, never a handler, even when their value is an identifier.
const configurationKeys = new Set([
  'data',
  'options',
  'properties',
  'props',
  'behaviors',
  'mixins',
  'observers',
  'relations',
  'externalClasses',
  'lifetimes',
  'pageLifetimes',
  'methods',
  'events',
  'ref',
]);

const texts = {
  bubbles: { en: 'the event bubbles up', zh: '事件继续冒泡' },
  stops: { en: 'the event stops here', zh: '阻止事件冒泡' },
  tap: { en: 'Tap handler', zh: '点击事件处理函数' },
  longPress: { en: 'Long-press handler', zh: '长按事件处理函数' },
  gesture: (apis: string[]): Localized => ({
    en: `A method bound here runs with the user's tap gesture, which ${apis.map((a) => `\`${a}\``).join(' and ')} require: call them synchronously in it.`,
    zh: `绑定在这里的方法在用户点击手势中执行，${apis.map((a) => `\`${a}\``).join('、')} 需要该手势：请在方法中同步调用。`,
  }),
  method: (name: string, where: string): Localized => ({
    en: `Page method \`${name}\`, defined in ${where}.`,
    zh: `页面方法 \`${name}\`，定义于 ${where}。`,
  }),
  line: (n: number): Localized => ({ en: `line ${n}`, zh: `第 ${n} 行` }),
  notFound: (name: string, scripts: string): Localized => ({
    en: `No method \`${name}\` in ${scripts}: the event has no handler to call.`,
    zh: `${scripts} 中没有方法 \`${name}\`：事件触发时找不到处理函数。`,
  }),
  noScript: (name: string): Localized => ({
    en: `No page script next to this markup, so \`${name}\` cannot be looked up.`,
    zh: `此模板旁没有页面脚本，无法查找 \`${name}\`。`,
  }),
  tapBound: {
    en: "Bound to a tap: it runs with the user's gesture, so user-info calls that need one may be made in it synchronously.",
    zh: '绑定在点击事件上：它在用户手势中执行，需要手势的用户信息接口可在其中同步调用。',
  },
} as const;

function locate(fileName: string, starts: number[], span: Span): FileLocation {
  return { fileName, span, start: positionAt(starts, span.start), end: positionAt(starts, span.end) };
}

/**
 * The methods a page's markup can bind in one script: members of `Page({…})` and of
 * `Component({ methods: {…} })` that are functions or refer to one (`onTap: handleTap`).
 */
export function findPageMethods(fileName: string, text: string): PageMethod[] {
  const sourceFile = getSourceFile(fileName, text);
  const starts = lineStarts(text);
  const methods: PageMethod[] = [];
  for (const member of pageModelOf(sourceFile).definitions.members) {
    if (!bindable(member) || !member.callable || configurationKeys.has(member.name)) continue;
    const span = { start: member.nameNode.getStart(sourceFile), end: member.nameNode.getEnd() };
    methods.push({ name: member.name, frameworkHook: frameworkHooks.has(member.name), ...locate(fileName, starts, span) });
  }
  return methods;
}

/** Tokenizes a markup document; undefined when the file name is not WXML, AXML or TTML. */
export function markupDocument(fileName: string, text: string, vuePlatform: Platform = 'wechat'): MarkupDocument | undefined {
  if (isVueFile(fileName)) {
    const facts = vueMarkupFacts(fileName, text, vuePlatform);
    return facts && { fileName, text, facts };
  }
  const platform = markupPlatform(fileName);
  return platform ? { fileName, text, facts: parseMarkup(text, platform) } : undefined;
}

/**
 * The page a markup or script file belongs to, read through the project index (cached markup facts and
 * script pairing) and the host (document texts, open editors first).
 */
export function pageContextOf(fileName: string, index: ProjectIndex, host: FileSystemHost): PageContext {
  const vue = isVueFile(fileName);
  const markupFiles =
    markupPlatform(fileName) || vue
      ? [fileName]
      : isScriptFile(fileName)
        ? index.pageMarkupOf(fileName).map((m) => m.fileName)
        : [];
  const scripts = markupPlatform(fileName) ? index.scriptsOfMarkup(fileName) : isScriptFile(fileName) || vue ? [fileName] : [];
  const markups: MarkupDocument[] = [];
  for (const markupFile of markupFiles) {
    const text = host.readFile(markupFile);
    const facts = index.markupFile(markupFile)?.facts;
    if (text !== undefined && facts) markups.push({ fileName: markupFile, text, facts });
  }
  const methods: PageMethod[] = [];
  for (const script of scripts) {
    const text = host.readFile(script);
    if (text !== undefined) methods.push(...findPageMethods(script, text));
  }
  return { markups, scripts, methods };
}

/** Where the cursor is inside a start tag. */
type Site =
  | { kind: 'name'; element: MarkupElement; attribute?: MarkupAttribute; range: Span }
  | { kind: 'value'; element: MarkupElement; attribute: MarkupAttribute; range: Span };

function siteAt(document: MarkupDocument, offset: number): Site | undefined {
  const { text, facts } = document;
  const element = facts.elements.find(
    (e) => e.nameSpan.end < offset && (offset < e.end || (offset === e.end && e.end === text.length)),
  );
  if (!element) return undefined;
  for (const attribute of element.attributes) {
    const value = attribute.valueSpan;
    if (value && value.start <= offset && offset <= value.end) return { kind: 'value', element, attribute, range: value };
    if (attribute.nameSpan.start <= offset && offset <= attribute.nameSpan.end) {
      return { kind: 'name', element, attribute, range: attribute.nameSpan };
    }
  }
  return /\s/.test(text[offset - 1] ?? '') ? { kind: 'name', element, range: { start: offset, end: offset } } : undefined;
}

/** True when the offset is inside a `{{ … }}` expression of the value (JavaScript, not a name). */
function insideExpression(attribute: MarkupAttribute, offset: number): boolean {
  const relative = offset - (attribute.valueSpan?.start ?? 0);
  const open = attribute.value.lastIndexOf('{{', relative);
  return open >= 0 && open < relative && attribute.value.lastIndexOf('}}', relative - 1) < open;
}

function renderContext(platform: Platform, options: MarkupFeatureOptions): RenderContext {
  return { language: options.language, platform, ...(options.libVersion ? { libVersion: options.libVersion } : {}) };
}

/** The handler name of a binding and its span (the value without surrounding blanks). */
function handlerSpan(binding: EventBinding): Span | undefined {
  const value = binding.attribute.valueSpan;
  if (!value || !binding.handler || binding.dynamic) return undefined;
  const start = value.start + (binding.attribute.value.length - binding.attribute.value.trimStart().length);
  return { start, end: start + binding.handler.length };
}

function bindingAt(document: MarkupDocument, offset: number): EventBinding | undefined {
  return document.facts.bindings.find((b) => {
    const span = handlerSpan(b);
    return span !== undefined && span.start <= offset && offset <= span.end;
  });
}

function displayName(fileName: string): string {
  return path.basename(fileName);
}

/** `[profile.js line 12](file:///…/profile.js#L12)`: a link editors open at the line. */
function methodLink(method: PageMethod, t: (text: Localized) => string): string {
  const line = method.start.line + 1;
  return `[${displayName(method.fileName)} ${t(texts.line(line))}](${pathToFileURL(method.fileName).href}#L${line})`;
}

// ── Completion ──────────────────────────────────────────────────────────────────────────────────────

/** Which spelling of event attributes the user is typing: `bind:tap` or `bindtap`; undefined when unknown. */
type EventStyle = 'colon' | 'plain' | undefined;

function eventStyleOf(typed: string): EventStyle {
  if (typed.includes(':')) return 'colon';
  return /^(?:bind|catch|mut-bind|capture-bind|capture-catch)[a-z]/.test(typed) ? 'plain' : undefined;
}

/** The spelling of an event attribute in the user's style; the catalog's own spelling when no style shows. */
function spellEvent(names: string[], style: EventStyle): string {
  return (style && names.find((n) => n.includes(':') === (style === 'colon'))) ?? names[0]!;
}

interface TapEvent {
  names: string[];
  event: string;
  stops: boolean;
}

/** The tap-gesture events of a platform, in the spellings it accepts. */
function tapEventsOf(platform: Platform): TapEvent[] {
  if (platform === 'alipay') {
    return [
      { names: ['onTap'], event: 'tap', stops: false },
      { names: ['catchTap'], event: 'tap', stops: true },
      { names: ['onLongTap'], event: 'longtap', stops: false },
    ];
  }
  return [
    { names: ['bindtap', 'bind:tap'], event: 'tap', stops: false },
    { names: ['catchtap', 'catch:tap'], event: 'tap', stops: true },
    { names: ['bindlongpress', 'bind:longpress'], event: 'longpress', stops: false },
  ];
}

/** The APIs of a platform that only work inside a tap handler (from the catalog). */
function tapOnlyApis(platform: Platform): string[] {
  return catalog.apis
    .filter((api) => api.namespace === platformNamespace[platform] && api.constraints?.tapOnly)
    .map((api) => api.id);
}

function attributeNameCompletions(
  document: MarkupDocument,
  site: Extract<Site, { kind: 'name' }>,
  offset: number,
  options: MarkupFeatureOptions,
): MarkupCompletion[] {
  const { platform } = document.facts;
  const t = (text: Localized) => localize(text, options.language);
  const typed = document.text.slice(site.range.start, offset);
  const style = eventStyleOf(typed);
  const present = new Set(site.element.attributes.filter((a) => a !== site.attribute).map((a) => a.name));
  const hasValue = site.attribute?.valueSpan !== undefined;
  const openType = site.element.attributes.find((a) => a.name === 'open-type')?.value.trim();
  const ctx = renderContext(platform, options);
  const items: MarkupCompletion[] = [];
  const add = (label: string, kind: 'property' | 'event', rank: number, extra: Partial<MarkupCompletion>) => {
    if (present.has(label) || items.some((i) => i.label === label)) return;
    items.push({
      label,
      kind,
      insertText: hasValue ? label : `${label}="$1"`,
      ...(hasValue ? {} : { snippet: true, retrigger: true }),
      replace: site.range,
      sortText: `${rank}${label}`,
      ...extra,
    });
  };

  // The events that deliver the result of the element's open-type come first.
  const resultEvents = new Set(
    getMarkupAttribute(site.element.tag, 'open-type')?.values?.find((v) => v.value === openType)?.events ?? [],
  );
  for (const attr of markupAttributesOf(site.element.tag)) {
    if (!attr.platforms.includes(platform)) continue;
    const names = [attr.name, ...(attr.aliases ?? [])];
    if (names.some((n) => present.has(n))) continue;
    const isEvent = attr.kind === 'event';
    const delivers = isEvent && names.some((n) => resultEvents.has(n));
    add(isEvent ? spellEvent(names, style) : attr.name, isEvent ? 'event' : 'property', delivers ? 0 : 1, {
      detail: t(attr.summary),
      documentation: renderMarkupAttribute(attr, ctx),
      ...(attr.deprecated ? { deprecated: true } : {}),
      ...(delivers ? { preselect: true } : {}),
    });
  }

  const boundEvents = new Set(
    site.element.attributes.flatMap((a) => {
      const parsed = a === site.attribute ? undefined : parseEventAttribute(a.name, platform);
      return parsed ? [parsed.event] : [];
    }),
  );
  const apis = tapOnlyApis(platform);
  for (const tap of tapEventsOf(platform)) {
    if (boundEvents.has(tap.event)) continue;
    const handler = tap.event === 'tap' ? texts.tap : texts.longPress;
    add(spellEvent(tap.names, style), 'event', 2, {
      detail: `${t(handler)}; ${t(tap.stops ? texts.stops : texts.bubbles)}`,
      ...(apis.length > 0 ? { documentation: t(texts.gesture(apis)) } : {}),
    });
  }
  return items;
}

function valueCompletions(
  document: MarkupDocument,
  site: Extract<Site, { kind: 'value' }>,
  page: PageContext,
  options: MarkupFeatureOptions,
): MarkupCompletion[] {
  const { platform } = document.facts;
  const t = (text: Localized) => localize(text, options.language);
  const event = parseEventAttribute(site.attribute.name, platform);
  if (event) {
    const seen = new Set<string>();
    const methods = page.methods.filter((m) => !m.frameworkHook && !seen.has(m.name) && seen.add(m.name));
    // A method whose name mentions the event (`onGetUserInfo` for `getuserinfo`) is the likely one.
    const related = (m: PageMethod) => m.name.toLowerCase().includes(event.event);
    const best = methods.find(related);
    return methods.map((method) => ({
      label: method.name,
      kind: 'handler',
      insertText: method.name,
      replace: site.range,
      detail: `${displayName(method.fileName)}:${method.start.line + 1}`,
      documentation: t(texts.method(method.name, methodLink(method, t))),
      sortText: `${related(method) ? 0 : 1}${method.name}`,
      ...(method === best ? { preselect: true } : {}),
    }));
  }
  const attr = getMarkupAttribute(site.element.tag, site.attribute.name);
  if (!attr?.values) return [];
  const ctx = renderContext(platform, options);
  return attr.values
    .filter((value) => value.platforms.includes(platform))
    .map((value, i) => ({
      label: value.value,
      kind: 'value',
      insertText: value.value,
      replace: site.range,
      detail: t(value.summary),
      documentation: renderMarkupValue(attr, value, ctx),
      ...(value.deprecated ? { deprecated: true } : {}),
      sortText: `${value.deprecated ? 1 : 0}${String(i).padStart(3, '0')}`,
    }));
}

/**
 * Completion at `offset` of a markup document: attribute values from the catalog, handler names from the
 * page's script for event bindings, and attribute names (user-info properties and events of the element,
 * the platform's tap events). Empty inside `{{ }}` expressions and outside start tags.
 */
export function markupCompletions(
  document: MarkupDocument,
  offset: number,
  page: PageContext,
  options: MarkupFeatureOptions,
): MarkupCompletion[] {
  const site = siteAt(document, offset);
  if (!site) return [];
  if (options.vue && (site.kind === 'name' || !getMarkupAttribute(site.element.tag, site.attribute.name))) return [];
  if (site.kind === 'name') return attributeNameCompletions(document, site, offset, options);
  if (insideExpression(site.attribute, offset)) return [];
  return valueCompletions(document, site, page, options);
}

// ── Hover ───────────────────────────────────────────────────────────────────────────────────────────

function handlerHover(binding: EventBinding, span: Span, page: PageContext, options: MarkupFeatureOptions): MarkupHover {
  const t = (text: Localized) => localize(text, options.language);
  const methods = page.methods.filter((m) => m.name === binding.handler);
  let contents: string;
  if (methods.length > 0) {
    contents = methods.map((m) => t(texts.method(m.name, methodLink(m, t)))).join('\n\n');
    if (tapEvents.has(binding.event)) contents += `\n\n${t(texts.tapBound)}`;
  } else if (page.scripts.length > 0) {
    contents = t(texts.notFound(binding.handler, page.scripts.map((s) => `\`${displayName(s)}\``).join(', ')));
  } else {
    contents = t(texts.noScript(binding.handler));
  }
  return { markdown: contents, span };
}

/**
 * Hover at `offset` of a markup document: catalog docs for user-info attributes (`open-type`, `scope`,
 * `bindgetuserinfo`, `bind:chooseavatar`, `onGetAuthorize`) and their values, and for a handler name the
 * page method it calls (with a link to it) or why none is found.
 */
export function markupHover(
  document: MarkupDocument,
  offset: number,
  page: PageContext,
  options: MarkupFeatureOptions,
): MarkupHover | undefined {
  const binding = options.vue ? undefined : bindingAt(document, offset);
  if (binding) return handlerHover(binding, handlerSpan(binding)!, page, options);
  const site = siteAt(document, offset);
  if (!site?.attribute) return undefined;
  const attr = getMarkupAttribute(site.element.tag, site.attribute.name);
  if (!attr) return undefined;
  const ctx = renderContext(document.facts.platform, options);
  if (site.kind === 'name') return { markdown: renderMarkupAttribute(attr, ctx), span: site.attribute.nameSpan };
  const written = site.attribute.value.trim();
  const value = attr.values?.find((v) => v.value === written);
  if (!value || insideExpression(site.attribute, offset)) return undefined;
  return { markdown: renderMarkupValue(attr, value, ctx), span: site.range };
}

// ── Definition and references ───────────────────────────────────────────────────────────────────────

/** Go to definition from a handler name in markup (`bindtap="onTapProfile"`) to the page method(s). */
export function markupDefinition(document: MarkupDocument, offset: number, page: PageContext): FileLocation[] {
  const binding = bindingAt(document, offset);
  if (!binding) return [];
  return page.methods
    .filter((m) => m.name === binding.handler)
    .map(({ fileName, span, start, end }) => ({ fileName, span, start, end }));
}

/** Every markup binding of the page that calls `handler`. */
function bindingLocations(page: PageContext, handler: string): FileLocation[] {
  const locations: FileLocation[] = [];
  for (const markup of page.markups) {
    const starts = lineStarts(markup.text);
    for (const binding of markup.facts.bindings) {
      const span = binding.handler === handler ? handlerSpan(binding) : undefined;
      if (span) locations.push(locate(markup.fileName, starts, span));
    }
  }
  return locations;
}

/**
 * References of a page handler, from either side of the handler graph. In markup (on a handler name):
 * every binding of that handler in the page's markup, plus the method itself with `includeDeclaration`.
 * In a script (on a page method's name): the markup bindings only, since the script's own references
 * come from the JavaScript/TypeScript language service.
 */
export function handlerReferences(
  fileName: string,
  offset: number,
  page: PageContext,
  includeDeclaration: boolean,
): FileLocation[] {
  const markup = page.markups.find((m) => m.fileName === fileName);
  if (markup) {
    const binding = bindingAt(markup, offset);
    if (!binding) return [];
    const declarations = includeDeclaration ? markupDefinition(markup, offset, page) : [];
    return [...declarations, ...bindingLocations(page, binding.handler)];
  }
  const method = page.methods.find((m) => m.fileName === fileName && m.span.start <= offset && offset <= m.span.end);
  return method ? bindingLocations(page, method.name) : [];
}
