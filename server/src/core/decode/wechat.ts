/**
 * WeChat and Douyin `encryptedData`: AES-128-CBC with PKCS#7 padding; key = base64-decoded
 * `session_key` (16 bytes), iv = base64-decoded `iv` (16 bytes), ciphertext = base64-decoded
 * `encryptedData`. The plaintext is JSON with a `watermark: { appid, timestamp }`.
 */
import type { DocsLanguage } from '../../catalog';
import { aesCbcDecrypt, decodeBase64, decodeKey, utf8 } from './crypto';
import { decodeError, text } from './messages';
import { parseJson } from './objectText';
import type { DecodeError, DecodeNote, JsonValue, Result, Verdict } from './types';

/** The three strings a WeChat/Douyin success result carries for decryption. */
export interface OpenDataInput {
  encryptedData: string;
  iv: string;
  /** The base64 `session_key` your server got from code2Session. */
  sessionKey: string;
}

/**
 * A decrypted payload: the exact text and, when the text is JSON, its parsed value. Text that decrypted
 * with valid padding but is not JSON (or is JSON nested too deep to read) has no `data`, and `notJson`
 * says which of the two it is.
 */
export interface Decrypted {
  plaintext: string;
  data?: JsonValue;
  notJson?: 'syntax' | 'too-deep';
  /** The cipher that was run, e.g. `AES-128-CBC`. */
  cipher: string;
}

/** Decodes a base64 `session_key` and checks that it is 24 base64 characters, 16 bytes. */
export function decodeSessionKey(sessionKey: string, language: DocsLanguage): Result<Buffer> {
  return decodeKey('session_key', sessionKey, language);
}

/**
 * Decrypts WeChat/Douyin `encryptedData`. Every failure is a {@link DecodeError}: `invalid-base64`,
 * `session-key-length`, `iv-length`, `ciphertext-length`, `bad-padding` (wrong or stale session_key)
 * or `not-json` (garbled bytes: a wrong iv, or a wrong key whose padding happened to look valid).
 * Content that decrypts with valid padding into text that is not JSON is a success without `data`.
 */
export function decryptOpenData(input: OpenDataInput, language: DocsLanguage): Result<Decrypted> {
  const key = decodeSessionKey(input.sessionKey, language);
  if (!key.ok) return key;
  const iv = decodeKey('iv', input.iv, language);
  if (!iv.ok) return iv;
  const ciphertext = decodeBase64('encryptedData', input.encryptedData, language);
  if (!ciphertext.ok) return ciphertext;
  return decryptJson(key.value, iv.value, ciphertext.value, 'encryptedData', language);
}

/**
 * Runs AES-CBC and reads the plaintext as JSON, mapping each failure to its error: `ciphertext-length`
 * (named after `field`), `bad-padding` and `not-json` (garbled bytes). Text that is not JSON is not a
 * failure: it comes back without `data`. For Alipay (`field` = `response`) the iv is the fixed zero
 * block, so a failure always points at the key.
 */
export function decryptJson(
  key: Buffer,
  iv: Buffer,
  ciphertext: Buffer,
  field: 'encryptedData' | 'response',
  language: DocsLanguage,
): Result<Decrypted> {
  const outcome = aesCbcDecrypt(key, iv, ciphertext);
  const alipay = field === 'response';
  if (!outcome.ok) {
    return {
      ok: false,
      error:
        outcome.reason === 'block-length'
          ? decodeError('ciphertext-length', language, { field, bytes: ciphertext.length })
          : decodeError('bad-padding', language, {}, alipay ? 'bad-padding-alipay' : 'bad-padding'),
    };
  }
  return parseDecrypted(outcome.plaintext, `AES-${key.length * 8}-CBC`, language, !alipay);
}

/**
 * Reads decrypted bytes (whose padding was valid) as UTF-8 JSON.
 *
 * - UTF-8 JSON: the data.
 * - UTF-8 text that is not JSON: a success without `data`; the caller shows the text and says it is not
 *   JSON. The one exception, with an iv given: text whose first block is damaged while the rest is the
 *   platform's JSON with its watermark, which is what a wrong iv gives (CBC garbles exactly the first
 *   16 bytes); that is `not-json` blaming the iv.
 * - Not UTF-8: `not-json`, blaming the iv when only the first block is garbled, otherwise the key (a wrong
 *   key's padding looks valid about once in 256 tries, and what it decrypts to is random bytes).
 *
 * `ivGiven` is false for schemes with a fixed iv (Alipay), where only the key can be wrong.
 */
function parseDecrypted(plaintext: Buffer, cipher: string, language: DocsLanguage, ivGiven: boolean): Result<Decrypted> {
  const textValue = utf8(plaintext);
  if (textValue !== undefined) {
    const data = parseJson(textValue);
    if (data !== undefined) return { ok: true, value: { plaintext: textValue, data, cipher } };
    if (!(ivGiven && platformJsonAfterFirstBlock(plaintext))) {
      return { ok: true, value: { plaintext: textValue, notJson: isJson(textValue) ? 'too-deep' : 'syntax', cipher } };
    }
    return { ok: false, error: decodeError('not-json', language, { hint: text('not-json-iv-watermark', language) }) };
  }
  const hint = text(ivGiven && onlyFirstBlockGarbled(plaintext) ? 'not-json-iv' : 'not-json-key', language);
  return { ok: false, error: decodeError('not-json', language, { hint }) };
}

/** True when `source` is JSON at all (`parseJson` also refuses JSON nested deeper than it reads). */
function isJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the bytes after the first block are the platform's JSON: from the first member boundary
 * (`,"`, which compact JSON has only between members, since a `"` inside a string is escaped) the rest
 * reads as a JSON object with a `watermark` object. Text that decrypted with the right iv has no reason
 * to be that and yet not be JSON as a whole; a wrong iv gives exactly that.
 */
function platformJsonAfterFirstBlock(plaintext: Buffer): boolean {
  if (plaintext.length <= 16) return false;
  const rest = new TextDecoder('utf-8').decode(plaintext.subarray(16));
  const boundary = rest.indexOf(',"');
  if (boundary < 0) return false;
  const tail = parseJson(`{${rest.slice(boundary + 1)}`);
  return tail !== undefined && isObject(tail) && isObject(tail['watermark']);
}

// With a wrong iv, CBC garbles exactly the first 16 bytes; the rest is the real JSON text, ending in `}`.
function onlyFirstBlockGarbled(plaintext: Buffer): boolean {
  if (plaintext.length <= 16) return false;
  const rest = new TextDecoder('utf-8').decode(plaintext.subarray(16));
  // The first character may be a multi-byte sequence cut by the block boundary.
  const damaged = rest.slice(1).match(/[\ufffd\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return damaged === 0 && rest.trimEnd().endsWith('}');
}

/** What the watermark check produced. */
export interface WatermarkCheck {
  verdict: Verdict;
  error?: DecodeError;
  notes: DecodeNote[];
}

/**
 * Checks `watermark.appid` against `appid` (when given) and reports how old `watermark.timestamp` is,
 * relative to `now` (milliseconds since the epoch).
 */
export function checkWatermark(data: JsonValue, appid: string | undefined, now: number, language: DocsLanguage): WatermarkCheck {
  const watermark = isObject(data) ? data['watermark'] : undefined;
  const actual = isObject(watermark) ? watermark['appid'] : undefined;
  const timestamp = isObject(watermark) ? watermark['timestamp'] : undefined;
  if (typeof actual !== 'string' || typeof timestamp !== 'number') {
    return { verdict: { check: 'watermark', status: 'fail', detail: text('verdict-watermark-missing', language) }, notes: [] };
  }
  const ageMs = now - timestamp * 1000;
  const when = new Date(timestamp * 1000).toISOString().replace(/\.000Z$/, 'Z');
  const age = formatDuration(Math.abs(ageMs), language);
  const notes: DecodeNote[] = [];
  if (ageMs < -5 * 60 * 1000) {
    notes.push({ code: 'watermark-in-future', level: 'warning', message: text('note-watermark-in-future', language, { age }) });
  }
  const expected = appid?.trim();
  if (!expected) {
    notes.push({ code: 'appid-not-checked', level: 'info', message: text('note-appid-not-checked', language, { actual }) });
    return {
      verdict: {
        check: 'watermark',
        status: 'skipped',
        detail: text('verdict-watermark-unchecked', language, { appid: actual, when, age }),
      },
      notes,
    };
  }
  if (actual !== expected) {
    return {
      verdict: {
        check: 'watermark',
        status: 'fail',
        detail: text('verdict-watermark-bad', language, { actual, expected, when, age }),
      },
      error: decodeError('appid-mismatch', language, { actual, expected }),
      notes,
    };
  }
  return {
    verdict: { check: 'watermark', status: 'pass', detail: text('verdict-watermark-ok', language, { appid: actual, when, age }) },
    notes,
  };
}

/** A duration in the largest unit that keeps it at least 1 (seconds up to years). */
export function formatDuration(ms: number, language: DocsLanguage): string {
  const s = Math.floor(ms / 1000);
  const units = [
    ['unit-years', 365 * 24 * 3600],
    ['unit-days', 24 * 3600],
    ['unit-hours', 3600],
    ['unit-minutes', 60],
  ] as const;
  for (const [key, size] of units) {
    if (s >= size) return text(key, language, { n: Math.floor(s / size) });
  }
  return text('unit-seconds', language, { n: s });
}

/** A plain (non-array) JSON object. */
export function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
