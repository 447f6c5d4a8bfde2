/**
 * Tokenizes mini-program markup (WXML, AXML, TTML) with htmlparser2's tokenizer and extracts what the
 * rules and features need: elements with attribute offsets, and event bindings (`bindtap="onTap"`,
 * `onTap="onTap"`, `bind:chooseavatar="…"`). Broken markup is tolerated: the tokenizer never throws on
 * malformed input, and unterminated constructs simply end at the end of the text.
 */
import { QuoteType, Tokenizer } from 'htmlparser2';
import type { Platform, Span } from './types';

/** One attribute of a start tag, with the offsets of its name and (unquoted) value. */
export interface MarkupAttribute {
  name: string;
  nameSpan: Span;
  /** The raw value text (entities not decoded), '' for a bare attribute. */
  value: string;
  /** The value's offsets, inside the quotes; undefined for a bare attribute. */
  valueSpan?: Span;
}

/** One start tag. */
export interface MarkupElement {
  tag: string;
  /** Offset of `<` and of the character after the start tag's `>`. */
  start: number;
  end: number;
  nameSpan: Span;
  attributes: MarkupAttribute[];
}

/** An event binding attribute: `bindtap="onTap"`, `catch:longpress="x"`, `onGetAuthorize="y"`. */
export interface EventBinding {
  /** The event name, lower-cased: `tap`, `longpress`, `getuserinfo`, `getauthorize`, `chooseavatar`. */
  event: string;
  /** The binding prefix as written: `bind`, `catch`, `mut-bind`, `capture-bind`, `capture-catch`, `on`. */
  prefix: string;
  /** The handler method name ('' when empty). */
  handler: string;
  /** True when the value is computed (`bindtap="{{handler}}"`): the bound method cannot be known. */
  dynamic: boolean;
  /** Vue: the handler is one of the calls of an inline statement (`@tap="ok && submit()"`), not the whole value. */
  inline?: boolean;
  attribute: MarkupAttribute;
  element: MarkupElement;
}

/** Everything the core knows about one markup document. */
export interface MarkupFacts {
  platform: Platform;
  elements: MarkupElement[];
  bindings: EventBinding[];
  /** True when some event binding is computed, so any method may be bound. */
  hasDynamicBindings: boolean;
  /**
   * True when the markup uses WeChat's profile fill-in or privacy agreement (`open-type="chooseAvatar"`,
   * `<input type="nickname">`, `open-type="agreePrivacyAuthorization"`): its scripts are checked even when they
   * name no catalog API, since the rules follow the values these hand to the page's handlers.
   */
  fillIn: boolean;
}

/** Events that carry a user tap gesture. */
export const tapEvents: ReadonlySet<string> = new Set(['tap', 'longpress', 'longtap']);

const markupExtensions: Record<string, Platform> = { '.wxml': 'wechat', '.axml': 'alipay', '.ttml': 'douyin' };

/** The platform a markup file belongs to, from its extension; undefined for other files. */
export function markupPlatform(fileName: string): Platform | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : markupExtensions[fileName.slice(dot).toLowerCase()];
}

/** The markup file extensions, in a stable order. */
export const markupFileExtensions = Object.keys(markupExtensions);

const wechatEvent = /^(capture-catch|capture-bind|mut-bind|bind|catch):?([A-Za-z][\w-]*)$/;
const alipayEvent = /^(on|catch)([A-Z][\w-]*)$/;

/**
 * Reads an event binding from an attribute name. WeChat and Douyin use `bind`/`catch` prefixes (with an
 * optional colon); Alipay uses camel-case `on`/`catch` prefixes (`onTap`, `catchTap`, `onGetAuthorize`).
 */
export function parseEventAttribute(name: string, platform: Platform): { prefix: string; event: string } | undefined {
  const match = platform === 'alipay' ? alipayEvent.exec(name) : wechatEvent.exec(name);
  if (!match) return undefined;
  return { prefix: match[1]!, event: match[2]!.toLowerCase() };
}

/** The tokenizer callbacks for what a start-tag reader skips: text, comments, CDATA and declarations. */
export const ignoredTokens = {
  oncdata() {},
  oncomment() {},
  ondeclaration() {},
  onprocessinginstruction() {},
  ontext() {},
  ontextentity() {},
};

/**
 * Replaces the bodies of `<wxs>`/`<sjs>` blocks, comments and `{{ … }}` interpolations with spaces, keeping
 * every offset, so that a `<` inside JavaScript does not open a phantom tag.
 */
export function maskEmbedded(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  // Scanned with indexOf rather than one regular expression: `<wxs[^>]*>` backtracks over the rest
  // of the text at every unclosed `<wxs`, which made 128 KB of them take 1.5 s.
  let scripts = '';
  let copied = 0;
  const open = /<(wxs|sjs)\b/gi;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const tagEnd = text.indexOf('>', open.lastIndex);
    // No `>` after this opening tag means none after any later one either.
    if (tagEnd < 0) break;
    // `<wxs module="m" src="./m.wxs" />` has no body: the markup goes on after it.
    if (text[tagEnd - 1] === '/') {
      open.lastIndex = tagEnd + 1;
      continue;
    }
    const close = new RegExp(`</${match[1]}\\s*>`, 'gi');
    close.lastIndex = tagEnd + 1;
    const closing = close.exec(text);
    const bodyEnd = closing ? closing.index : text.length;
    scripts += text.slice(copied, tagEnd + 1) + blank(text.slice(tagEnd + 1, bodyEnd));
    copied = bodyEnd;
    if (!closing) break;
    open.lastIndex = close.lastIndex;
  }
  scripts += text.slice(copied);

  let masked = '';
  copied = 0;
  for (let start = scripts.indexOf('{{'); start >= 0; start = scripts.indexOf('{{', copied)) {
    const end = scripts.indexOf('}}', start + 2);
    const bodyEnd = end < 0 ? scripts.length : end;
    masked += scripts.slice(copied, start + 2) + blank(scripts.slice(start + 2, bodyEnd));
    copied = bodyEnd;
    if (end < 0) break;
  }
  return masked + scripts.slice(copied);
}

/** Tokenizes a markup document. Never throws; broken markup yields what could be read. */
export function parseMarkup(text: string, platform: Platform): MarkupFacts {
  const masked = maskEmbedded(text);
  const elements: MarkupElement[] = [];
  let current: MarkupElement | undefined;
  let attrName: { name: string; span: Span } | undefined;
  let valueStart = -1;
  let valueEnd = -1;

  const finishAttribute = (valueClose: number, hasValue: boolean) => {
    if (!current || !attrName) return;
    const attribute: MarkupAttribute = { name: attrName.name, nameSpan: attrName.span, value: '' };
    if (hasValue) {
      const start = valueStart >= 0 ? valueStart : valueClose;
      const end = valueStart >= 0 ? valueEnd : valueClose;
      attribute.value = text.slice(start, end);
      attribute.valueSpan = { start, end };
    }
    current.attributes.push(attribute);
    attrName = undefined;
    valueStart = valueEnd = -1;
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        current = { tag: text.slice(start, end), start: start - 1, end, nameSpan: { start, end }, attributes: [] };
        elements.push(current);
      },
      onattribname(start, end) {
        attrName = { name: text.slice(start, end), span: { start, end } };
        valueStart = valueEnd = -1;
      },
      onattribdata(start, end) {
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribentity() {},
      onattribend(quote, endIndex) {
        // endIndex is the closing quote (or the end of an unquoted value); an empty value sits there.
        finishAttribute(endIndex, quote !== QuoteType.NoValue);
      },
      onopentagend(endIndex) {
        if (current) current.end = endIndex + 1;
        current = undefined;
      },
      onselfclosingtag(endIndex) {
        if (current) current.end = endIndex + 1;
        current = undefined;
      },
      onclosetag() {},
      ...ignoredTokens,
      onend() {
        if (current) current.end = text.length;
      },
    },
  );
  tokenizer.write(masked);
  tokenizer.end();

  const bindings: EventBinding[] = [];
  for (const element of elements) {
    for (const attribute of element.attributes) {
      const parsed = parseEventAttribute(attribute.name, platform);
      if (!parsed) continue;
      const handler = attribute.value.trim();
      bindings.push({ ...parsed, handler, dynamic: handler.includes('{{'), attribute, element });
    }
  }
  return {
    platform,
    elements,
    bindings,
    hasDynamicBindings: bindings.some((b) => b.dynamic),
    fillIn: elements.some(isFillIn),
  };
}

/** The values of an element's `open-type`: WeChat couples several with `|` (`getPhoneNumber|agreePrivacyAuthorization`). */
export function openTypesOf(element: MarkupElement): string[] {
  const value = attributeOf(element, 'open-type')?.value ?? '';
  return value.includes('{{') ? [] : value.split('|').map((v) => v.trim());
}

/** True for `<input type="nickname">`. */
export function isNicknameInput(element: MarkupElement): boolean {
  return element.tag === 'input' && attributeOf(element, 'type')?.value.trim() === 'nickname';
}

/** True for the elements of the profile fill-in and the privacy agreement (see {@link MarkupFacts.fillIn}). */
export function isFillIn(element: MarkupElement): boolean {
  if (isNicknameInput(element)) return true;
  const openTypes = openTypesOf(element);
  return openTypes.includes('chooseAvatar') || openTypes.includes('agreePrivacyAuthorization');
}

/** The attribute of an element by name. */
export function attributeOf(element: MarkupElement, name: string): MarkupAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}
