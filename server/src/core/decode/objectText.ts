/**
 * Reads a pasted object: strict JSON first, then a JavaScript object literal as `console.log` and
 * `util.inspect` print it (unquoted and single-quoted keys, single-quoted and template strings,
 * trailing commas, comments, `'a' + 'b'` line splits, `undefined`). Nothing is ever evaluated: this is
 * a small recursive-descent reader over a fixed grammar, with a depth limit.
 */
import type { DocsLanguage } from '../../catalog';
import { decodeError, text, type TextKey } from './messages';
import type { JsonObject, JsonValue, Result } from './types';

/** The deepest nesting accepted; user-info payloads are three levels deep. */
export const maxObjectDepth = 64;

/** A pasted object and how it was written. */
export interface ParsedObject {
  value: JsonValue;
  syntax: 'json' | 'js-literal';
}

/** Sets a key without going through `__proto__`'s setter, so a hostile key stays a plain property. */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Parses JSON text, keeping `__proto__` as data; undefined when the text is not JSON or nests deeper
 * than {@link maxObjectDepth} (`JSON.parse` itself accepts any depth, but the recursive steps after it,
 * such as explaining fields, would overflow the stack).
 */
export function parseJson(source: string): JsonValue | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(source) as JsonValue;
  } catch {
    return undefined;
  }
  return withinDepthLimit(value) ? value : undefined;
}

/** True when no value inside `value` is nested deeper than {@link maxObjectDepth}; checked without recursion. */
function withinDepthLimit(value: JsonValue): boolean {
  const pending: Array<[JsonValue, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (depth > maxObjectDepth) return false;
    if (current !== null && typeof current === 'object') {
      for (const child of Object.values(current)) pending.push([child, depth + 1]);
    }
  }
  return true;
}

class LiteralSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: TextKey,
    readonly params: Record<string, string | number> = {},
  ) {}
}

// Non-ASCII letters may start an identifier, except "…", which consoles print for elided parts.
const identifierStart = /[A-Za-z_$\u00a0-\u2025\u2027-\uffff]/;
const identifierPart = /[A-Za-z0-9_$\u00a0-\u2025\u2027-\uffff]/;
/** What consoles print in place of parts they leave out: `[Object]`, `<ref *1>`, `<1 empty item>`, `{…}`. */
const abbreviation =
  /^(\[(?:Object|Array|Circular|Function|Getter|Setter)[^\]\n]*\]?|<(?:ref|\d)[^>\n]*>?|\.\.\. \d+ more \w+|…)/;

/** The recursive-descent reader. It throws `LiteralSyntaxError` internally; `parseObjectText` catches it. */
class LiteralReader {
  private pos = 0;
  constructor(private readonly src: string) {}

  read(): JsonValue {
    const value = this.value(0);
    this.trivia();
    if (this.pos < this.src.length) this.unexpected();
    if (value === undefined) throw new LiteralSyntaxError(0, 'object-value', { what: 'undefined' });
    return value;
  }

  private value(depth: number): JsonValue | undefined {
    if (depth > maxObjectDepth) throw new LiteralSyntaxError(this.pos, 'object-too-deep', { limit: maxObjectDepth });
    this.trivia();
    const c = this.src[this.pos];
    if (c === undefined) throw new LiteralSyntaxError(this.pos, 'object-end');
    if (abbreviation.test(this.src.slice(this.pos, this.pos + 40))) this.unexpected();
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'" || c === '`') return this.concatenation();
    if (c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) return this.number();
    if (identifierStart.test(c)) {
      const start = this.pos;
      const word = this.identifier();
      switch (word) {
        case 'true':
          return true;
        case 'false':
          return false;
        case 'null':
          return null;
        case 'undefined':
          return undefined;
        default:
          throw new LiteralSyntaxError(start, 'object-value', { what: JSON.stringify(word) });
      }
    }
    return this.unexpected();
  }

  private object(depth: number): JsonObject {
    const result: JsonObject = {};
    this.pos++;
    for (;;) {
      this.trivia();
      if (this.src[this.pos] === '}') {
        this.pos++;
        return result;
      }
      const key = this.key();
      this.trivia();
      if (this.src[this.pos] !== ':') this.unexpected();
      this.pos++;
      const value = this.value(depth + 1);
      if (value !== undefined) setOwn(result, key, value);
      this.trivia();
      const next = this.src[this.pos];
      if (next === ',') this.pos++;
      else if (next !== '}') this.unexpected();
    }
  }

  private array(depth: number): JsonValue[] {
    const result: JsonValue[] = [];
    this.pos++;
    for (;;) {
      this.trivia();
      if (this.src[this.pos] === ']') {
        this.pos++;
        return result;
      }
      result.push(this.value(depth + 1) ?? null);
      this.trivia();
      const next = this.src[this.pos];
      if (next === ',') this.pos++;
      else if (next !== ']') this.unexpected();
    }
  }

  private key(): string {
    const c = this.src[this.pos];
    if (c === '"' || c === "'") return this.string();
    if (c !== undefined && c >= '0' && c <= '9') return String(this.number());
    if (c !== undefined && identifierStart.test(c)) return this.identifier();
    return this.unexpected();
  }

  private identifier(): string {
    const start = this.pos;
    while (this.pos < this.src.length && identifierPart.test(this.src[this.pos]!)) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** A string, or several joined with `+` (how `util.inspect` splits long strings across lines). */
  private concatenation(): string {
    let result = this.string();
    for (;;) {
      const save = this.pos;
      this.trivia();
      if (this.src[this.pos] !== '+') {
        this.pos = save;
        return result;
      }
      this.pos++;
      this.trivia();
      const c = this.src[this.pos];
      if (c !== '"' && c !== "'" && c !== '`') this.unexpected();
      result += this.string();
    }
  }

  private string(): string {
    const quote = this.src[this.pos]!;
    const start = this.pos;
    this.pos++;
    let result = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || ((c === '\n' || c === '\r') && quote !== '`')) {
        throw new LiteralSyntaxError(start, 'object-unterminated-string');
      }
      this.pos++;
      if (c === quote) return result;
      if (quote === '`' && c === '$' && this.src[this.pos] === '{') {
        throw new LiteralSyntaxError(this.pos - 1, 'object-template');
      }
      result += c === '\\' ? this.escape() : c;
    }
  }

  private escape(): string {
    const at = this.pos - 1;
    const c = this.src[this.pos++];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
    if (c === undefined) throw new LiteralSyntaxError(at, 'object-unterminated-string');
    if (c in simple && !(c === '0' && /[0-9]/.test(this.src[this.pos] ?? ''))) return simple[c]!;
    if (c === '\r') {
      if (this.src[this.pos] === '\n') this.pos++;
      return '';
    }
    if (c === '\n' || c === '\u2028' || c === '\u2029') return '';
    if (c === 'x') return this.hexCode(2, at);
    if (c === 'u') {
      if (this.src[this.pos] !== '{') return this.hexCode(4, at);
      const end = this.src.indexOf('}', this.pos);
      const hex = end < 0 ? '' : this.src.slice(this.pos + 1, end);
      const code = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
      if (!(code <= 0x10ffff)) throw new LiteralSyntaxError(at, 'object-bad-escape');
      this.pos = end + 1;
      return String.fromCodePoint(code);
    }
    if (/[0-9]/.test(c)) throw new LiteralSyntaxError(at, 'object-bad-escape');
    return c;
  }

  private hexCode(length: number, at: number): string {
    const hex = this.src.slice(this.pos, this.pos + length);
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) throw new LiteralSyntaxError(at, 'object-bad-escape');
    this.pos += length;
    return String.fromCharCode(parseInt(hex, 16));
  }

  private number(): number {
    const rest = this.src.slice(this.pos);
    const match = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(rest);
    if (!match || identifierPart.test(rest[match[0].length] ?? '')) {
      const word = /^[-+]?[A-Za-z0-9_.]+/.exec(rest)?.[0] ?? rest[0] ?? '';
      throw new LiteralSyntaxError(this.pos, 'object-value', { what: JSON.stringify(word) });
    }
    this.pos += match[0].length;
    const literal = match[0].replace(/^[-+]/, '');
    const magnitude = /^0[xXoObB]/.test(literal) ? Number(literal) : parseFloat(literal);
    return match[0].startsWith('-') ? -magnitude : magnitude;
  }

  private trivia(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) return;
      if (/\s/.test(c) || c === '\ufeff') {
        this.pos++;
      } else if (c === '/' && this.src[this.pos + 1] === '/') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && this.src[this.pos + 1] === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.src.length : end + 2;
      } else {
        return;
      }
    }
  }

  private unexpected(): never {
    const rest = this.src.slice(this.pos);
    if (rest === '') throw new LiteralSyntaxError(this.pos, 'object-end');
    const marker = abbreviation.exec(rest)?.[0];
    if (marker !== undefined) throw new LiteralSyntaxError(this.pos, 'object-abbreviated', { marker });
    throw new LiteralSyntaxError(this.pos, 'object-unexpected', {
      what: JSON.stringify(String.fromCodePoint(rest.codePointAt(0)!)),
    });
  }
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Reads pasted text as JSON, or failing that as a JavaScript object literal. A text that is neither
 * yields `invalid-object` with the reason and the line and column of the problem.
 */
export function parseObjectText(source: string, language: DocsLanguage): Result<ParsedObject> {
  const json = parseJson(source);
  if (json !== undefined) return { ok: true, value: { value: json, syntax: 'json' } };
  try {
    return { ok: true, value: { value: new LiteralReader(source).read(), syntax: 'js-literal' } };
  } catch (error) {
    if (!(error instanceof LiteralSyntaxError)) throw error;
    const reason = text(error.reason, language, error.params);
    return { ok: false, error: decodeError('invalid-object', language, { reason, ...lineAndColumn(source, error.offset) }) };
  }
}
