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

/** How a CBC decryption ended. */
export type CbcOutcome =
  | { ok: true; plaintext: Buffer }
  | { ok: false; reason: 'block-length' | 'bad-padding' };

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
