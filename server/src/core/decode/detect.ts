/**
 * Recognises what was pasted: a whole success result (JSON or a console-printed object literal), a
 * button event whose `detail` is that result, single fields, an already-decrypted payload, an Alipay
 * envelope or inner response, a bare ciphertext, an `errMsg`, or an Alipay result code.
 */
import { catalog, type DocsLanguage } from '../../catalog';
import { readAlipayEnvelope, type AlipayEnvelope } from './alipay';
import { decodeError } from './messages';
import { parseObjectText } from './objectText';
import { isObject } from './wechat';
import type { DecodeError, FormatKind, JsonObject, JsonValue, RecognisedFormat, Result } from './types';

/** Strings a WeChat/Douyin success result (or the caller) supplies for decryption and verification. */
export interface PayloadFields {
  encryptedData?: string;
  iv?: string;
  rawData?: string;
  signature?: string;
}

/** What the pasted text turned out to be. */
export interface Detection {
  kind: FormatKind;
  syntax: RecognisedFormat['syntax'];
  /** The pasted object (the `detail` of a button event), when the text was one. */
  value?: JsonObject;
  fields: PayloadFields;
  /** `getUserProfile` from `errMsg: "getUserProfile:ok"`, when an errMsg names the API. */
  apiName?: string;
  errMsg?: string;
  alipayCode?: string;
  envelope?: AlipayEnvelope;
  /** A bare base64 ciphertext pasted on its own. */
  ciphertext?: string;
  /** Text before the object that was skipped (a log prefix such as `res:`). */
  leadingText?: string;
}

/** What the caller already knows, which decides how a bare ciphertext is read. */
export interface DetectionContext {
  hasIv: boolean;
  hasAesKey: boolean;
}

const base64Text = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

function stringField(value: JsonObject, name: string): string | undefined {
  const field = value[name];
  return typeof field === 'string' ? field : undefined;
}

function payloadFields(value: JsonObject): PayloadFields {
  const fields: PayloadFields = {};
  for (const name of ['encryptedData', 'iv', 'rawData', 'signature'] as const) {
    const field = stringField(value, name);
    if (field !== undefined) fields[name] = field;
  }
  return fields;
}

/** The API name in an errMsg such as `getUserProfile:ok` or `getUserProfile:fail …`. */
function apiNameOf(errMsg: string): string | undefined {
  return /^\s*([A-Za-z]\w*):/.exec(errMsg)?.[1];
}

function matchesCatalogError(textValue: string): boolean {
  const normalised = textValue.replace(/\s+/g, ' ').trim();
  return catalog.apis.some((api) =>
    api.errors.some((e) => {
      try {
        return new RegExp(e.pattern, 'i').test(normalised);
      } catch {
        return false;
      }
    }),
  );
}

/** Classifies a parsed object. Undefined when it has none of the shapes the decoder knows. */
export function classifyObject(value: JsonValue, syntax: Detection['syntax']): Detection | undefined {
  if (!isObject(value)) return undefined;
  const detail = value['detail'];
  if (isObject(detail) && (typeof detail['errMsg'] === 'string' || typeof detail['encryptedData'] === 'string')) {
    return classifyObject(detail, syntax);
  }
  const envelope = readAlipayEnvelope(value);
  if (envelope) {
    return { kind: envelope.encrypted ? 'alipay-encrypted-envelope' : 'alipay-envelope', syntax, value, fields: {}, envelope };
  }
  // The inner object itself, or `JSON.parse(res.response)` with the object one level down.
  const inner = isObject(value['response']) ? value['response'] : value;
  const code = inner['code'];
  if ((typeof code === 'string' || typeof code === 'number') && ('msg' in inner || 'subCode' in inner)) {
    return { kind: 'alipay-response', syntax, value, fields: {}, alipayCode: String(code) };
  }
  const fields = payloadFields(value);
  const errMsg = stringField(value, 'errMsg');
  const apiName = errMsg === undefined ? undefined : apiNameOf(errMsg);
  const named = { ...(apiName ? { apiName } : {}), ...(errMsg !== undefined ? { errMsg } : {}) };
  if (errMsg !== undefined && /:\s*fail/i.test(errMsg)) return { kind: 'err-msg', syntax, value, fields, ...named };
  if (errMsg !== undefined || isObject(value['userInfo'])) return { kind: 'success-object', syntax, value, fields, ...named };
  if (fields.encryptedData !== undefined) return { kind: 'encrypted-fields', syntax, value, fields };
  if (fields.rawData !== undefined) return { kind: 'raw-data', syntax, value, fields };
  if (isObject(value['watermark'])) return { kind: 'decrypted-data', syntax, value, fields };
  if ('nickName' in value || 'avatarUrl' in value) return { kind: 'user-info', syntax, value, fields };
  return undefined;
}

/**
 * Recognises pasted text. Fails with `invalid-object` when the text is an object that cannot be read,
 * and `unrecognised-input` when it is readable but matches no known shape.
 */
export function detectPayload(source: string, context: DetectionContext, language: DocsLanguage): Result<Detection> {
  const trimmed = source.trim();
  const brace = trimmed.indexOf('{');
  if (brace >= 0) {
    const parsed = parseObjectText(trimmed.slice(brace), language);
    if (parsed.ok) {
      const detection = classifyObject(parsed.value.value, parsed.value.syntax);
      if (detection) {
        const leadingText = trimmed.slice(0, brace).trim();
        return { ok: true, value: leadingText ? { ...detection, leadingText } : detection };
      }
      if (brace === 0) return { ok: false, error: unrecognised(language) };
    } else if (brace === 0) {
      return parsed;
    }
  }
  // A value copied with its quotes (e.g. `res.response` from the console) is a JSON string: read inside.
  if (/^"(?:[^"\\]|\\.)*"$/s.test(trimmed)) {
    try {
      const inner = JSON.parse(trimmed) as string;
      if (inner.trim() !== trimmed) return detectPayload(inner, context, language);
    } catch {
      // Not a JSON string after all; fall through to the text shapes.
    }
  }
  if (/^\d{5}$/.test(trimmed))
    return { ok: true, value: { kind: 'alipay-code', syntax: 'text', fields: {}, alipayCode: trimmed } };
  if (/:\s*fail/i.test(trimmed) || matchesCatalogError(trimmed)) {
    const apiName = apiNameOf(trimmed);
    return { ok: true, value: { kind: 'err-msg', syntax: 'text', fields: {}, errMsg: trimmed, ...(apiName ? { apiName } : {}) } };
  }
  if (/^[0-9a-f]{40}$/i.test(trimmed)) {
    return { ok: true, value: { kind: 'raw-data', syntax: 'text', fields: { signature: trimmed } } };
  }
  // A user-info ciphertext has two AES blocks at least, so a lone 24-character value is a key or an iv;
  // with an AES key at hand, though, a one-block Alipay response is possible.
  if (base64Text.test(trimmed) && trimmed.length >= (context.hasAesKey ? 24 : 44)) {
    const alipay = context.hasAesKey && !context.hasIv;
    return {
      ok: true,
      value: alipay
        ? { kind: 'alipay-ciphertext', syntax: 'text', fields: {}, ciphertext: trimmed }
        : { kind: 'ciphertext', syntax: 'text', fields: { encryptedData: trimmed }, ciphertext: trimmed },
    };
  }
  if (brace > 0) {
    const parsed = parseObjectText(trimmed.slice(brace), language);
    if (!parsed.ok) return parsed;
  }
  return { ok: false, error: unrecognised(language) };
}

function unrecognised(language: DocsLanguage): DecodeError {
  return decodeError('unrecognised-input', language);
}
