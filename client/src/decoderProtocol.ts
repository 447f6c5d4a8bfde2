/**
 * The messages between the decoder panel's webview and the extension, declared once and imported by
 * both sides (`client/src/decoderPanel.ts` and `client/webview/main.ts`). Type-only: nothing here
 * runs, so the webview bundle stays free of extension code.
 */
import type { DecodeReport } from '../../server/src/core/decode/types';
import type { DecoderStrings } from './decoderStrings';

export type { DecodeReport, DecoderStrings };

/** What the user typed into the panel. The two keys are secrets: used for one decode, never stored. */
export interface DecodeInputs {
  /** The paste box: a success result, ciphertext, Alipay response, errMsg or code. */
  text: string;
  /** WeChat/Douyin `session_key`. Secret. */
  sessionKey: string;
  /** Alipay AES key. Secret. */
  aesKey: string;
  /** The Alipay public key (PEM or the console's base64), to verify an envelope's `sign`. Not a secret, but not kept either. */
  alipayPublicKey?: string;
  /** The iv, for a bare `encryptedData` pasted on its own. */
  iv: string;
  appid: string;
}

/** Webview → extension. */
export type WebviewMessage =
  /** The webview script has loaded (first show, or re-shown after being hidden) and can receive `init`. */
  | { type: 'ready' }
  /** Decode these inputs; the reply carries the same `requestId`. */
  | { type: 'decode'; requestId: number; inputs: DecodeInputs }
  /** Put this text (the raw JSON of a result) on the clipboard. */
  | { type: 'copy'; text: string };

/** Extension → webview. */
export type ExtensionMessage =
  /** Answer to `ready`: UI strings, the appid from `project.config.json`, and a payload to decode (Decode Selection). */
  | { type: 'init'; strings: DecoderStrings; appid: string; text?: string }
  /** Sent to an already-loaded panel when Decode Selection runs again. */
  | { type: 'setInput'; text: string }
  /** Answer to `decode`. The report holds no keys. */
  | { type: 'result'; requestId: number; report: DecodeReport }
  /** Answer to `copy`. */
  | { type: 'copied' };
