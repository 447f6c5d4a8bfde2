/**
 * Alipay results. `my.getOpenUserInfo` (and `my.getPhoneNumber`) hand the page `{ response: string }`:
 * the string is JSON, either `{"response": {code, msg, …}}` or, for sensitive data, an envelope whose
 * `response` is base64 AES ciphertext. That ciphertext is AES-CBC with the console's base64 AES key,
 * an all-zero 16-byte iv and PKCS#5 padding.
 */
import type { DocsLanguage } from '../../catalog';
import { decodeBase64 } from './crypto';
import { decodeError } from './messages';
import { parseJson } from './objectText';
import { decryptJson, isObject, type Decrypted } from './wechat';
import type { JsonObject, JsonValue, Result } from './types';

const zeroIv = Buffer.alloc(16);

/** An Alipay envelope as found in a pasted object, before its content is read. */
export interface AlipayEnvelope {
  /** The `response` text: JSON, or base64 ciphertext when it does not start with `{`. */
  response: string;
  encrypted: boolean;
  /** The RSA2 signature over the quoted response, when Alipay sent one. */
  sign?: string;
}

/**
 * Recognises `{ response: "<string>" }` (the page-side result) and the server envelope
 * `{ response: "<ciphertext>", sign, sign_type, encrypt_type, charset }`.
 */
export function readAlipayEnvelope(value: JsonValue): AlipayEnvelope | undefined {
  if (!isObject(value) || typeof value['response'] !== 'string') return undefined;
  const response = value['response'].trim();
  const sign = value['sign'];
  return {
    response,
    encrypted: !response.startsWith('{'),
    ...(typeof sign === 'string' ? { sign } : {}),
  };
}

/** The object an Alipay result code lives in: the inner `response` when the text nests one. */
export function innerResponse(value: JsonValue): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const nested = value['response'];
  if (isObject(nested)) return nested;
  return typeof value['code'] === 'string' || typeof value['code'] === 'number' ? value : undefined;
}

/** Parses the JSON text of an unencrypted Alipay `response`; `invalid-envelope` when it is not JSON. */
export function parseAlipayResponse(response: string, language: DocsLanguage): Result<JsonValue> {
  const parsed = parseJson(response);
  if (parsed === undefined) {
    const reason = response.length > 60 ? `${response.slice(0, 60)}…` : response;
    return { ok: false, error: decodeError('invalid-envelope', language, { reason: JSON.stringify(reason) }) };
  }
  return { ok: true, value: parsed };
}

/**
 * Decrypts Alipay AES content. Errors: `invalid-base64`, `aes-key-length` (not 16, 24 or 32 bytes),
 * `ciphertext-length`, `bad-padding` (the key is not this app's), `not-json`.
 */
export function decryptAlipayContent(ciphertext: string, aesKey: string, language: DocsLanguage): Result<Decrypted> {
  const key = decodeBase64('AES key', aesKey, language);
  if (!key.ok) return key;
  if (![16, 24, 32].includes(key.value.length)) {
    return { ok: false, error: decodeError('aes-key-length', language, { bytes: key.value.length }) };
  }
  const bytes = decodeBase64('response', ciphertext, language);
  if (!bytes.ok) return bytes;
  return decryptJson(key.value, zeroIv, bytes.value, 'response', language);
}
