/**
 * The rawData signature of WeChat and Douyin: `signature = sha1(rawData + session_key)` in lower-case
 * hex, with `session_key` appended as its base64 text. rawData must be the exact string the API
 * returned, so the check also says when the rawData given looks re-serialised.
 */
import type { DocsLanguage } from '../../catalog';
import { sha1Hex } from './crypto';
import { decodeError, text } from './messages';
import { parseJson, setOwn } from './objectText';
import { decodeSessionKey, isObject } from './wechat';
import type { JsonObject, JsonValue, Result } from './types';

/** The order in which WeChat writes userInfo keys into rawData (official signature example). */
const platformKeyOrder = ['nickName', 'gender', 'language', 'city', 'province', 'country', 'avatarUrl'];

/** What to verify. */
export interface SignatureInput {
  rawData: string;
  signature: string;
  /** The base64 `session_key`; appended as text, not decoded. */
  sessionKey: string;
}

/** The outcome of a signature check that could run. */
export interface SignatureCheck {
  match: boolean;
  /** `sha1(rawData + session_key)`, lower-case hex. */
  computed: string;
  /** The signature given, normalised to lower case. */
  given: string;
  /** True when the signature given was upper case (compared case-insensitively). */
  upperCase: boolean;
  /** How the rawData looks re-serialised, in the report's language; empty when it looks untouched. */
  reserialised: string[];
  /** On a mismatch: whether the compact (and platform-ordered) form of rawData would have matched. */
  compactFormMatches: boolean;
  /** On a mismatch, the sentence that says the likely cause. */
  hint?: string;
}

/**
 * Verifies a rawData signature. Fails (as a value) only when the inputs are malformed:
 * `signature-format` or a `session_key` error. A mismatch is a successful check with `match: false`.
 */
export function verifyRawDataSignature(input: SignatureInput, language: DocsLanguage): Result<SignatureCheck> {
  const signature = input.signature.trim();
  if (!/^[0-9a-fA-F]{40}$/.test(signature)) {
    return { ok: false, error: decodeError('signature-format', language, { length: signature.length }) };
  }
  const sessionKey = input.sessionKey.trim();
  const key = decodeSessionKey(sessionKey, language);
  if (!key.ok) return key;
  const given = signature.toLowerCase();
  const computed = sha1Hex(input.rawData + sessionKey);
  const reserialised = describeReserialisation(input.rawData, language);
  const check: SignatureCheck = {
    match: computed === given,
    computed,
    given,
    upperCase: signature !== given,
    reserialised,
    compactFormMatches: false,
  };
  if (check.match) return { ok: true, value: check };
  check.compactFormMatches = compactForms(input.rawData).some((form) => sha1Hex(form + sessionKey) === given);
  check.hint = check.compactFormMatches
    ? text('signature-compact', language)
    : reserialised.length > 0
      ? text('signature-reserialised', language, { how: reserialised.join('; ') })
      : text('signature-wrong-key', language);
  return { ok: true, value: check };
}

/**
 * Says how a rawData string differs from what the platform sends: whitespace between tokens, keys out
 * of the platform's order, or string escapes that compact JSON would not use. Empty when none apply or
 * the text is not JSON.
 */
export function describeReserialisation(rawData: string, language: DocsLanguage): string[] {
  const parsed = parseJson(rawData);
  if (!isObject(parsed)) return [];
  const how: string[] = [];
  if (/\s/.test(stripStrings(rawData))) how.push(text('how-whitespace', language));
  if (!keysInPlatformOrder(Object.keys(parsed))) how.push(text('how-key-order', language));
  if (how.length === 0 && JSON.stringify(parsed) !== rawData) how.push(text('how-escapes', language));
  return how;
}

/** rawData with the content of every string removed, so whitespace outside strings can be found. */
function stripStrings(json: string): string {
  return json.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

function keysInPlatformOrder(keys: string[]): boolean {
  const ranks = keys.map((k) => platformKeyOrder.indexOf(k)).filter((r) => r >= 0);
  return ranks.every((rank, i) => i === 0 || ranks[i - 1]! < rank);
}

/** The compact form of rawData, and the compact form with the keys in the platform's order. */
function compactForms(rawData: string): string[] {
  const parsed = parseJson(rawData);
  if (!isObject(parsed)) return [];
  const ordered: JsonObject = {};
  const keys = Object.keys(parsed);
  const known = platformKeyOrder.filter((k) => keys.includes(k));
  for (const k of [...known, ...keys.filter((k) => !platformKeyOrder.includes(k))]) setOwn(ordered, k, parsed[k] as JsonValue);
  return [JSON.stringify(parsed), JSON.stringify(ordered)].filter((form) => form !== rawData);
}
