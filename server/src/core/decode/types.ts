/**
 * The decoder's plain data types. Everything the decoder returns is JSON-serialisable, so the same
 * report travels to the CLI's `--format json`, to the webview panel and into tests unchanged.
 */
import type { DocsLanguage, Platform } from '../../catalog';

export type { DocsLanguage, Platform };

/** A JSON value, as the decoder reads and returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Why a decoding step failed. Each code has one test and one message template (see `messages.ts`).
 * `invalid-base64`, `session-key-length`, `iv-length`, `aes-key-length` and `ciphertext-length` are
 * input shape errors (for a key or iv the message says the shape expected, 24 base64 characters of
 * 16 bytes, and the length given, never the value); `bad-padding` and `not-json` mean decryption ran
 * with the wrong key or iv (`not-json`: the padding was valid but the bytes are garbled). Content that
 * decrypts into text that is not JSON is no error: the `decrypted` verdict passes, the text is in
 * `plaintext` and a `not-json` note says so.
 */
export type DecodeErrorCode =
  | 'empty-input'
  | 'input-too-large'
  | 'invalid-object'
  | 'unrecognised-input'
  | 'invalid-base64'
  | 'session-key-length'
  | 'iv-length'
  | 'aes-key-length'
  | 'ciphertext-length'
  | 'missing-iv'
  | 'bad-padding'
  | 'not-json'
  | 'appid-mismatch'
  | 'signature-format'
  | 'signature-mismatch'
  | 'invalid-envelope'
  | 'invalid-public-key'
  | 'alipay-sign-mismatch';

/** A decoding failure: a value, never a thrown exception. `message` is in the requested language. */
export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
}

/** The outcome of an operation that may fail with a {@link DecodeError}. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** Codes of the explanations and warnings a report may carry besides errors. */
export type NoteCode =
  | 'leading-text-ignored'
  | 'needs-session-key'
  | 'needs-aes-key'
  | 'appid-not-checked'
  | 'watermark-in-future'
  | 'raw-data-reserialised'
  | 'signature-uppercase'
  | 'anonymous-data'
  | 'no-open-id'
  | 'alipay-code'
  | 'alipay-legacy-fields'
  | 'alipay-sign-not-verified'
  | 'not-json'
  | 'err-msg'
  | 'unknown-err-msg';

/** An explanation or warning attached to a report. */
export interface DecodeNote {
  code: NoteCode;
  level: 'info' | 'warning';
  message: string;
}

/** What the pasted text was recognised as. */
export type FormatKind =
  | 'success-object'
  | 'encrypted-fields'
  | 'raw-data'
  | 'decrypted-data'
  | 'user-info'
  | 'alipay-envelope'
  | 'alipay-encrypted-envelope'
  | 'alipay-response'
  | 'alipay-ciphertext'
  | 'ciphertext'
  | 'err-msg'
  | 'alipay-code';

/** The recognised input format, with a sentence saying so. */
export interface RecognisedFormat {
  kind: FormatKind;
  /** How the text was read: strict JSON, a JavaScript object literal (as `console.log` prints it), or plain text. */
  syntax: 'json' | 'js-literal' | 'text' | 'fields';
  /** The platform the payload belongs to, when known. */
  platform?: Platform;
  /** The catalog id of the API the payload came from (`wx.getUserProfile`), when known. */
  apiId?: string;
  description: string;
}

/** One check the decoder ran. `skipped` says the check could not run (e.g. no key given) and why. */
export interface Verdict {
  check: 'decrypted' | 'signature' | 'watermark' | 'response-code';
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
}

/** One row of the explained field table. */
export interface FieldRow {
  /** Dotted path in the decoded object, e.g. `userInfo.gender`, `watermark.timestamp`. */
  path: string;
  /** The value, as compact JSON text. */
  value: string;
  /** What the field is (from the catalog), when known. */
  description?: string;
  /** What this particular value means (`1` → male), when the catalog lists it. */
  meaning?: string;
  /** Set when the platform no longer fills the field, saying what it returns now. */
  noLongerReturned?: string;
  /** `input` for what was pasted, `decrypted` for the plaintext or the Alipay inner response. */
  group: 'input' | 'decrypted';
}

/** Everything the decoder found out about one input. */
export interface DecodeReport {
  /** Undefined only when the input was empty, too large or not recognised (then `errors` says why). */
  format?: RecognisedFormat;
  verdicts: Verdict[];
  /**
   * The main decoded object: the decrypted plaintext, the Alipay inner response, or the pasted object.
   * Undefined when the decrypted text is not JSON (then `plaintext` holds it and a `not-json` note says so).
   */
  data?: JsonValue;
  /** The exact decrypted text, when something was decrypted (JSON or not). */
  plaintext?: string;
  fields: FieldRow[];
  notes: DecodeNote[];
  errors: DecodeError[];
}
