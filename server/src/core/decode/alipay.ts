/**
 * Alipay results. `my.getOpenUserInfo` (and `my.getPhoneNumber`) hand the page `{ response: string }`:
 * the string is JSON, either `{"response": {code, msg, …}}` or, for sensitive data, an envelope whose
 * `response` is base64 AES ciphertext. That ciphertext is AES-CBC with the console's base64 AES key,
 * an all-zero 16-byte iv and PKCS#5 padding.
 */
import type { DocsLanguage } from '../../catalog';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { decodeBase64, decodeKey } from './crypto';
import { decodeError, text } from './messages';
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
  /** `RSA2` (SHA256withRSA, the default) or the legacy `RSA` (SHA1withRSA). */
  signType?: string;
}

/**
 * Recognises `{ response: "<string>" }` (the page-side result) and the server envelope
 * `{ response: "<ciphertext>", sign, sign_type, encrypt_type, charset }`.
 */
export function readAlipayEnvelope(value: JsonValue): AlipayEnvelope | undefined {
  if (!isObject(value) || typeof value['response'] !== 'string') return undefined;
  const response = value['response'].trim();
  const sign = value['sign'];
  const signType = value['sign_type'];
  return {
    response,
    encrypted: !response.startsWith('{'),
    ...(typeof sign === 'string' ? { sign } : {}),
    ...(typeof signType === 'string' ? { signType } : {}),
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
 * Decrypts Alipay AES content. Errors: `invalid-base64`, `aes-key-length` (not 16 bytes as the open
 * platform issues it, nor 24 or 32), `ciphertext-length`, `bad-padding` (the key is not this app's),
 * `not-json` (garbled bytes). Text that decrypts with valid padding but is not JSON comes back without `data`.
 */
export function decryptAlipayContent(ciphertext: string, aesKey: string, language: DocsLanguage): Result<Decrypted> {
  const key = decodeKey('aes-key', aesKey, language);
  if (!key.ok) return key;
  const bytes = decodeBase64('response', ciphertext, language);
  if (!bytes.ok) return bytes;
  return decryptJson(key.value, zeroIv, bytes.value, 'response', language);
}

/**
 * Reads the Alipay public key from the open platform console: a PEM block, or the bare base64 of its
 * DER (SubjectPublicKeyInfo) as the console shows it. `invalid-public-key` when it is neither, or not RSA.
 */
export function readAlipayPublicKey(input: string, language: DocsLanguage): Result<KeyObject> {
  // Take the body apart from its armour ourselves: a PEM pasted into a one-line field loses its line breaks.
  const armoured = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(input);
  const body = (armoured?.[2] ?? input).replace(/\s+/g, '');
  const type = armoured?.[1] === 'RSA PUBLIC KEY' ? 'pkcs1' : 'spki';
  const der = decodeBase64('Alipay public key', body, language);
  let key: KeyObject;
  try {
    if (!der.ok) throw new Error('not base64');
    key = createPublicKey({ key: der.value, format: 'der', type });
  } catch {
    return { ok: false, error: decodeError('invalid-public-key', language, { reason: text('public-key-unreadable', language) }) };
  }
  if (key.asymmetricKeyType !== 'rsa') {
    return {
      ok: false,
      error: decodeError('invalid-public-key', language, {
        reason: text('public-key-not-rsa', language, { type: key.asymmetricKeyType ?? '?' }),
      }),
    };
  }
  return { ok: true, value: key };
}

/** The signature algorithm an envelope names: SHA256withRSA for `RSA2` (the default), SHA1withRSA for the legacy `RSA`. */
export function alipaySignAlgorithm(envelope: AlipayEnvelope): { hash: 'sha1' | 'sha256'; name: string } {
  return envelope.signType?.toUpperCase() === 'RSA'
    ? { hash: 'sha1', name: 'SHA1withRSA' }
    : { hash: 'sha256', name: 'SHA256withRSA' };
}

/**
 * Checks Alipay's `sign` over the quoted response text (`"` + response + `"`, as Alipay signs the JSON
 * string value) with SHA256withRSA, or SHA1withRSA for the legacy `sign_type` `RSA`. True on a match.
 */
export function verifyAlipaySign(envelope: AlipayEnvelope, key: KeyObject, language: DocsLanguage): Result<boolean> {
  const signature = decodeBase64('sign', envelope.sign ?? '', language);
  if (!signature.ok) return signature;
  const content = Buffer.from(`"${envelope.response}"`, 'utf8');
  try {
    return { ok: true, value: verify(alipaySignAlgorithm(envelope).hash, content, key, signature.value) };
  } catch {
    return { ok: true, value: false };
  }
}
