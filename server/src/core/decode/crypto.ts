/**
 * The byte-level steps: strict base64 decoding with a reason for every rejection, AES-CBC decryption
 * with the PKCS#7 padding checked by hand (so a wrong key is told apart from a wrong block length),
 * and SHA-1.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import type { DocsLanguage } from '../../catalog';
import { decodeError, text } from './messages';
import type { Result } from './types';

const base64Body = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes standard base64 strictly. Line breaks and surrounding whitespace are dropped (pasted values
 * wrap); anything else that is not base64 is an `invalid-base64` error whose message names the likely
 * cause: a `+` turned into a space by URL encoding, percent-encoding, the URL-safe alphabet, a value a
 * console shortened with "…", or a truncated copy.
 */
export function decodeBase64(field: string, value: string, language: DocsLanguage): Result<Buffer> {
  const compact = value.trim().replace(/[\r\n\t]+/g, '');
  const fail = (reason: string): Result<Buffer> => ({
    ok: false,
    error: decodeError('invalid-base64', language, { field, reason }),
  });
  if (compact === '') return fail(text('base64-empty', language));
  if (compact.includes('…')) return fail(text('base64-ellipsis', language));
  if (/%(2B|2F|3D)/i.test(compact)) return fail(text('base64-percent', language));
  if (compact.includes(' ')) return fail(text('base64-space', language));
  if (/[-_]/.test(compact) && !/[+/]/.test(compact)) return fail(text('base64-urlsafe', language));
  if (!base64Body.test(compact)) {
    const position = compact.search(/[^A-Za-z0-9+/=]|=(?=[^=])/);
    const at = position < 0 ? compact.indexOf('=') : position;
    return fail(text('base64-char', language, { char: JSON.stringify(compact[at] ?? ''), position: at + 1 }));
  }
  if (compact.length % 4 !== 0) return fail(text('base64-length', language, { length: compact.length }));
  return { ok: true, value: Buffer.from(compact, 'base64') };
}

/** The keys and the iv the decoder takes: each has one shape, and its value must never be echoed. */
export type KeyField = 'session_key' | 'iv' | 'aes-key';

const keyShapes: Record<KeyField, { bytes: readonly number[]; code: 'session-key-length' | 'iv-length' | 'aes-key-length' }> = {
  session_key: { bytes: [16], code: 'session-key-length' },
  iv: { bytes: [16], code: 'iv-length' },
  // The open platform issues 16-byte keys (AES-128); AES-192 and AES-256 keys decrypt as well.
  'aes-key': { bytes: [16, 24, 32], code: 'aes-key-length' },
};

/**
 * Decodes a base64 key or iv. On failure the message says the shape expected (24 base64 characters,
 * 16 bytes) and what was given: its length in characters, and in bytes when it is base64 (or would be
 * once its "=" padding is restored), or the position of the first character that is not base64. The
 * value itself is never put in a message: only lengths, a position and the offending non-base64 character.
 *
 * Codes: `invalid-base64` when the text is not strict base64, `session-key-length` / `iv-length` /
 * `aes-key-length` when it is but decodes to the wrong number of bytes.
 */
export function decodeKey(field: KeyField, value: string, language: DocsLanguage): Result<Buffer> {
  const compact = value.trim().replace(/[\r\n\t]+/g, '');
  const chars = Array.from(compact);
  const length = chars.length;
  const shape = keyShapes[field];
  const invalid = (given: string, hint = ''): Result<Buffer> => ({
    ok: false,
    error: decodeError(
      'invalid-base64',
      language,
      { shape: text(`shape-${field}` as const, language), given, hint },
      'invalid-base64-key',
    ),
  });
  if (length === 0) return invalid(text('given-empty', language));
  const bad = chars.findIndex((c) => !/^[A-Za-z0-9+/=]$/.test(c));
  if (bad >= 0) {
    const given = text('given-char', language, { length, position: bad + 1, char: JSON.stringify(chars[bad]) });
    return invalid(given, capitalise(base64Cause(compact, language) ?? ''));
  }
  const data = compact.replace(/=+$/, '');
  const padding = compact.length - data.length;
  const misplaced = data.indexOf('=');
  if (misplaced >= 0 || padding > 2) {
    return invalid(
      text('given-padding-misplaced', language, { length, position: (misplaced >= 0 ? misplaced : data.length + 2) + 1 }),
    );
  }
  if (data.length % 4 === 1)
    return invalid(text('given-impossible', language, { length, data: data.length }), text('hint-retype', language));
  const bytes = Math.floor((data.length * 3) / 4);
  const needed = (4 - (data.length % 4)) % 4;
  if (padding !== needed) {
    const lengthHint = shape.bytes.includes(bytes) ? '' : ` ${text(`hint-length-${field}` as const, language)}`;
    return invalid(
      text('given-unpadded', language, { length, bytes }),
      text(padding < needed ? 'hint-padding-lost' : 'hint-padding-extra', language) + lengthHint,
    );
  }
  const decoded = Buffer.from(compact, 'base64');
  if (!shape.bytes.includes(decoded.length)) {
    return { ok: false, error: decodeError(shape.code, language, { length, bytes: decoded.length }) };
  }
  return { ok: true, value: decoded };
}

/** Why a key or iv is not base64, when the reason is one of the common ones (a sentence, possibly in lower case). */
function base64Cause(compact: string, language: DocsLanguage): string | undefined {
  if (compact.includes('…')) return text('hint-ellipsis', language);
  if (/%(2B|2F|3D)/i.test(compact)) return text('base64-percent', language);
  if (compact.includes(' ')) return text('base64-space', language);
  if (/[-_]/.test(compact) && !/[+/]/.test(compact)) return text('base64-urlsafe', language);
  return undefined;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** How a CBC decryption ended. */
export type CbcOutcome = { ok: true; plaintext: Buffer } | { ok: false; reason: 'block-length' | 'bad-padding' };

/**
 * AES-CBC decryption with PKCS#7 (= PKCS#5 for 16-byte blocks) unpadding. The key length picks
 * AES-128/192/256; the caller has already checked the key and iv lengths.
 */
export function aesCbcDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer): CbcOutcome {
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) return { ok: false, reason: 'block-length' };
  const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > 16) return { ok: false, reason: 'bad-padding' };
  for (let i = padded.length - pad; i < padded.length; i++) {
    if (padded[i] !== pad) return { ok: false, reason: 'bad-padding' };
  }
  return { ok: true, plaintext: padded.subarray(0, padded.length - pad) };
}

/** Lower-case hex SHA-1 of a UTF-8 string. */
export function sha1Hex(input: string): string {
  return createHash('sha1').update(input, 'utf8').digest('hex');
}

/** Decodes UTF-8 strictly: undefined when the bytes are not valid UTF-8. */
export function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
