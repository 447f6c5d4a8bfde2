/**
 * The payload decoder: one call, `decodePayload`, takes whatever the user has (pasted text and/or
 * separate fields and keys) and returns a {@link DecodeReport}: the recognised format, the verdicts
 * (decrypted / signature / watermark / response code), the decoded data, an explained field table,
 * notes and errors. It never throws and never keeps or returns the keys it was given.
 *
 * Pure: `node:crypto` and the catalog only, so the CLI, the language-server-free webview panel and the
 * tests all share it.
 */
import {
  getApi,
  getApiById,
  localize,
  platformNamespace,
  type DocsLanguage,
  type FieldEntry,
  type Platform,
} from '../../catalog';
import {
  alipaySignAlgorithm,
  decryptAlipayContent,
  innerResponse,
  parseAlipayResponse,
  readAlipayPublicKey,
  verifyAlipaySign,
  type AlipayEnvelope,
} from './alipay';
import { detectPayload, type Detection, type PayloadFields } from './detect';
import {
  anonymousDataNote,
  emptyLegacyFields,
  errorNotes,
  explainAlipayCode,
  explainErrMsg,
  explainFields,
  missingOpenIdNote,
  typeFields,
} from './explain';
import { decodeError, formatDescription, text } from './messages';
import { describeReserialisation, verifyRawDataSignature } from './signature';
import { maxObjectDepth } from './objectText';
import type { DecodeErrorCode, DecodeReport, JsonValue, RecognisedFormat } from './types';
import { checkWatermark, decryptOpenData, isObject, type Decrypted } from './wechat';

export * from './types';
export { decryptOpenData, checkWatermark, decodeSessionKey, type OpenDataInput, type Decrypted } from './wechat';
export { verifyRawDataSignature, describeReserialisation, type SignatureCheck, type SignatureInput } from './signature';
export {
  decryptAlipayContent,
  parseAlipayResponse,
  readAlipayEnvelope,
  readAlipayPublicKey,
  verifyAlipaySign,
  innerResponse,
  type AlipayEnvelope,
} from './alipay';
export { detectPayload, classifyObject, type Detection, type PayloadFields } from './detect';
export { parseObjectText, type ParsedObject } from './objectText';
export { explainErrMsg, explainAlipayCode, type ErrorExplanation } from './explain';
export { decodeBase64, decodeKey, type KeyField } from './crypto';
export { decodeError } from './messages';

/** The most the decoder reads, in UTF-8 bytes over all inputs together. */
export const maxInputBytes = 1024 * 1024;

/** Everything the decoder can be given. Every field is optional; keys are used and forgotten. */
export interface DecodeRequest {
  /** Pasted text: a success result, an Alipay response, a single ciphertext, an errMsg or a code. */
  text?: string;
  encryptedData?: string;
  iv?: string;
  rawData?: string;
  signature?: string;
  /** WeChat/Douyin `session_key` (base64). */
  sessionKey?: string;
  /** Alipay content-encryption key from the console (base64). */
  aesKey?: string;
  /** The Alipay public key (PEM, or the console's bare base64), to verify an envelope's `sign`. */
  alipayPublicKey?: string;
  /** Your appid, compared with `watermark.appid`. */
  appid?: string;
  /** Milliseconds since the epoch, for the watermark age; defaults to the current time. */
  now?: number;
  /** Language of every message; English by default. */
  language?: DocsLanguage;
}

function platformOfAppid(appid: string | undefined): Platform | undefined {
  if (appid === undefined) return undefined;
  if (/^tt/i.test(appid.trim())) return 'douyin';
  if (/^wx/i.test(appid.trim())) return 'wechat';
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** True when the report should make a command fail: an error, or a check that failed. */
export function reportFailed(report: DecodeReport): boolean {
  return report.errors.length > 0 || report.verdicts.some((v) => v.status === 'fail');
}

/** Decodes, verifies and explains a payload. See {@link DecodeRequest}. */
export function decodePayload(request: DecodeRequest): DecodeReport {
  const language = request.language ?? 'en';
  const report: DecodeReport = { verdicts: [], fields: [], notes: [], errors: [] };
  const size = [
    request.text,
    request.encryptedData,
    request.iv,
    request.rawData,
    request.signature,
    request.sessionKey,
    request.aesKey,
    request.alipayPublicKey,
    request.appid,
  ].reduce((sum, part) => sum + (part === undefined ? 0 : Buffer.byteLength(part, 'utf8')), 0);
  if (size > maxInputBytes) {
    report.errors.push(decodeError('input-too-large', language, { size, limit: maxInputBytes }));
    return report;
  }
  const sessionKey = nonEmpty(request.sessionKey);
  const aesKey = nonEmpty(request.aesKey);
  const explicit: PayloadFields = {};
  for (const name of ['encryptedData', 'iv', 'rawData', 'signature'] as const) {
    const value = nonEmpty(request[name]);
    if (value !== undefined) explicit[name] = value;
  }

  let detection: Detection;
  if (nonEmpty(request.text) !== undefined) {
    const detected = detectPayload(
      request.text!,
      { hasIv: explicit.iv !== undefined, hasAesKey: aesKey !== undefined },
      language,
    );
    if (!detected.ok) {
      report.errors.push(detected.error);
      return report;
    }
    detection = detected.value;
    detection.fields = { ...detection.fields, ...explicit };
  } else if (explicit.encryptedData !== undefined) {
    detection = { kind: 'encrypted-fields', syntax: 'fields', fields: explicit };
  } else if (explicit.rawData !== undefined || explicit.signature !== undefined) {
    detection = { kind: 'raw-data', syntax: 'fields', fields: explicit };
  } else {
    report.errors.push(decodeError('empty-input', language));
    return report;
  }

  const session = new DecodeSession(report, detection, language, {
    sessionKey,
    aesKey,
    alipayPublicKey: nonEmpty(request.alipayPublicKey),
    appid: nonEmpty(request.appid)?.trim(),
    now: request.now ?? Date.now(),
  });
  session.run();
  return report;
}

interface Secrets {
  sessionKey: string | undefined;
  aesKey: string | undefined;
  alipayPublicKey: string | undefined;
  appid: string | undefined;
  now: number;
}

/** One decoding run: fills the report step by step. Lives only for the duration of `decodePayload`. */
class DecodeSession {
  private platform: Platform | undefined;

  constructor(
    private readonly report: DecodeReport,
    private readonly detection: Detection,
    private readonly language: DocsLanguage,
    private readonly secrets: Secrets,
  ) {
    this.platform =
      detection.envelope || detection.alipayCode || detection.kind === 'alipay-ciphertext'
        ? 'alipay'
        : platformOfAppid(secrets.appid);
  }

  run(): void {
    const d = this.detection;
    if (d.leadingText) {
      const shown = d.leadingText.length > 40 ? `${d.leadingText.slice(0, 40)}…` : d.leadingText;
      this.note('leading-text-ignored', 'info', text('note-leading-text-ignored', this.language, { text: shown }));
    }
    switch (d.kind) {
      case 'alipay-envelope':
      case 'alipay-encrypted-envelope':
        this.alipayEnvelope();
        break;
      case 'alipay-response':
        this.report.data = d.value;
        this.alipayInner(d.value!, 'input');
        break;
      case 'alipay-ciphertext':
        this.alipayCiphertext(d.ciphertext!);
        break;
      case 'alipay-code': {
        const explanations = explainAlipayCode(d.alipayCode!, this.language);
        if (explanations.length > 0) this.report.notes.push(...errorNotes(explanations, this.language));
        else this.unknownAlipayCode(d.alipayCode!, '');
        break;
      }
      case 'err-msg':
        this.errMsg(d.errMsg ?? '');
        if (d.value) this.report.fields.push(...explainFields(d.value, this.resultFields(), this.language, 'input'));
        break;
      default:
        this.wechat();
    }
    this.report.format = this.format();
  }

  private format(): RecognisedFormat {
    const d = this.detection;
    const apiId = this.apiId();
    const api = apiId ?? d.apiName ?? text('unknown-api', this.language);
    return {
      kind: d.kind,
      syntax: d.syntax,
      ...(this.platform ? { platform: this.platform } : {}),
      ...(apiId ? { apiId } : {}),
      description: formatDescription(d.kind, d.syntax, this.language, api),
    };
  }

  private apiId(): string | undefined {
    const name = this.detection.apiName;
    if (!name) return undefined;
    const namespace = platformNamespace[this.platform ?? 'wechat'];
    return getApi(namespace, name)?.id;
  }

  private resultFields(): readonly FieldEntry[] | undefined {
    const apiId = this.apiId();
    return apiId ? getApiById(apiId)?.result : undefined;
  }

  private note(code: DecodeReport['notes'][number]['code'], level: 'info' | 'warning', message: string): void {
    this.report.notes.push({ code, level, message });
  }

  private errMsg(errMsg: string): void {
    const namespaces = this.platform ? [platformNamespace[this.platform], 'Taro'] : undefined;
    const explanations = explainErrMsg(errMsg, this.language, namespaces);
    if (explanations.length > 0) {
      this.report.notes.push(...errorNotes(explanations, this.language));
      return;
    }
    const api = /^\s*([A-Za-z]\w*):/.exec(errMsg)?.[1] ?? '?';
    this.note('unknown-err-msg', 'info', text('note-unknown-err-msg', this.language, { errMsg: errMsg.trim(), api }));
  }

  // ---- WeChat / Douyin ------------------------------------------------------------------------

  private wechat(): void {
    const d = this.detection;
    const { encryptedData, iv, rawData, signature } = d.fields;
    if (d.value) {
      this.report.data = d.value;
      const known = this.detection.kind === 'decrypted-data' ? this.decryptedTypeId(d.value) : undefined;
      this.report.fields.push(...explainFields(d.value, known ? typeFields(known) : this.inputFields(), this.language, 'input'));
      if (d.kind === 'decrypted-data') this.afterDecryption(d.value);
      const userInfo = d.kind === 'user-info' ? d.value : d.value['userInfo'];
      if (userInfo !== undefined)
        this.pushIfDefined(anonymousDataNote(userInfo, this.typeId('UserInfo'), this.apiId(), this.language));
    }
    if (encryptedData !== undefined) this.decryptWechat(encryptedData, iv);
    if (rawData !== undefined || signature !== undefined) this.verifySignature(rawData, signature);
  }

  private inputFields(): readonly FieldEntry[] | undefined {
    if (this.detection.kind === 'user-info') return typeFields(this.typeId('UserInfo'));
    return this.resultFields() ?? getApi(platformNamespace[this.platform ?? 'wechat'], 'getUserProfile')?.result;
  }

  private typeId(name: string): string {
    return `${platformNamespace[this.platform === 'douyin' ? 'douyin' : 'wechat']}.${name}`;
  }

  private decryptedTypeId(data: JsonValue): string {
    return isObject(data) && 'phoneNumber' in data ? 'wx.PhoneNumber' : this.typeId('DecryptedUserInfo');
  }

  private decryptWechat(encryptedData: string, iv: string | undefined): void {
    if (iv === undefined) {
      this.fail('decrypted', decodeError('missing-iv', this.language));
      return;
    }
    if (this.secrets.sessionKey === undefined) {
      this.report.verdicts.push({
        check: 'decrypted',
        status: 'skipped',
        detail: text('verdict-decrypt-skipped', this.language),
      });
      this.note('needs-session-key', 'info', text('note-needs-session-key', this.language));
      return;
    }
    const result = decryptOpenData({ encryptedData, iv, sessionKey: this.secrets.sessionKey }, this.language);
    if (!result.ok) {
      this.fail('decrypted', result.error);
      return;
    }
    this.decrypted(result.value);
    const data = result.value.data;
    if (data === undefined) {
      this.notJson(result.value, 'not-json-why-wechat');
      this.report.verdicts.push({
        check: 'watermark',
        status: 'skipped',
        detail: text('verdict-watermark-not-json', this.language),
      });
      return;
    }
    this.platform = platformOfAppid(watermarkAppid(data)) ?? this.platform;
    const typeId = this.decryptedTypeId(data);
    this.report.fields.push(...explainFields(data, typeFields(typeId), this.language, 'decrypted'));
    this.afterDecryption(data);
  }

  private afterDecryption(data: JsonValue): void {
    const watermark = checkWatermark(data, this.secrets.appid, this.secrets.now, this.language);
    this.report.verdicts.push(watermark.verdict);
    if (watermark.error) this.report.errors.push(watermark.error);
    this.report.notes.push(...watermark.notes);
    this.platform = platformOfAppid(watermarkAppid(data)) ?? this.platform;
    const typeId = this.decryptedTypeId(data);
    this.pushIfDefined(anonymousDataNote(data, typeId, this.apiId(), this.language));
    this.pushIfDefined(missingOpenIdNote(data, typeId, this.language));
  }

  private verifySignature(rawData: string | undefined, signature: string | undefined): void {
    const missing = [
      rawData === undefined ? 'rawData' : '',
      signature === undefined ? 'signature' : '',
      this.secrets.sessionKey === undefined ? 'session_key' : '',
    ]
      .filter(Boolean)
      .join(', ');
    if (rawData !== undefined) {
      const how = describeReserialisation(rawData, this.language);
      if (how.length > 0)
        this.note('raw-data-reserialised', 'warning', text('note-raw-data-reserialised', this.language, { how: how.join('; ') }));
    }
    if (missing) {
      this.report.verdicts.push({
        check: 'signature',
        status: 'skipped',
        detail: text('verdict-signature-skipped', this.language, { what: missing }),
      });
      if (this.secrets.sessionKey === undefined && !this.report.notes.some((n) => n.code === 'needs-session-key')) {
        this.note('needs-session-key', 'info', text('note-needs-session-key', this.language));
      }
      return;
    }
    const result = verifyRawDataSignature(
      { rawData: rawData!, signature: signature!, sessionKey: this.secrets.sessionKey! },
      this.language,
    );
    if (!result.ok) {
      this.fail('signature', result.error);
      return;
    }
    const check = result.value;
    if (check.upperCase) this.note('signature-uppercase', 'info', text('note-signature-uppercase', this.language));
    if (check.match) {
      this.report.verdicts.push({ check: 'signature', status: 'pass', detail: text('verdict-signature-ok', this.language) });
      return;
    }
    this.report.verdicts.push({
      check: 'signature',
      status: 'fail',
      detail: text('verdict-signature-bad', this.language, { actual: check.computed, expected: check.given }),
    });
    this.report.errors.push(decodeError('signature-mismatch', this.language, { hint: check.hint ?? '' }));
  }

  // ---- Alipay ---------------------------------------------------------------------------------

  private alipayEnvelope(): void {
    const envelope = this.detection.envelope!;
    if (this.detection.value)
      this.report.fields.push(
        ...explainFields(this.detection.value, getApiById('my.getOpenUserInfo')?.result, this.language, 'input'),
      );
    if (envelope.sign !== undefined) this.alipaySign(envelope);
    if (envelope.encrypted) {
      this.alipayCiphertext(envelope.response);
      return;
    }
    const parsed = parseAlipayResponse(envelope.response, this.language);
    if (!parsed.ok) {
      this.report.errors.push(parsed.error);
      return;
    }
    this.report.data = parsed.value;
    this.alipayInner(parsed.value, 'decrypted');
  }

  /** Verifies the envelope's `sign` when the Alipay public key was given; otherwise says how to. */
  private alipaySign(envelope: AlipayEnvelope): void {
    if (this.secrets.alipayPublicKey === undefined) {
      this.note('alipay-sign-not-verified', 'info', text('note-alipay-sign-not-verified', this.language));
      return;
    }
    const key = readAlipayPublicKey(this.secrets.alipayPublicKey, this.language);
    if (!key.ok) {
      this.fail('signature', key.error);
      return;
    }
    const checked = verifyAlipaySign(envelope, key.value, this.language);
    if (!checked.ok) {
      this.fail('signature', checked.error);
      return;
    }
    const algorithm = alipaySignAlgorithm(envelope).name;
    if (checked.value) {
      this.report.verdicts.push({
        check: 'signature',
        status: 'pass',
        detail: text('verdict-alipay-sign-ok', this.language, { algorithm }),
      });
      return;
    }
    this.report.verdicts.push({
      check: 'signature',
      status: 'fail',
      detail: text('verdict-alipay-sign-bad', this.language, { algorithm }),
    });
    this.report.errors.push(decodeError('alipay-sign-mismatch', this.language));
  }

  private alipayCiphertext(ciphertext: string): void {
    if (this.secrets.aesKey === undefined) {
      this.report.verdicts.push({
        check: 'decrypted',
        status: 'skipped',
        detail: text('verdict-decrypt-skipped', this.language),
      });
      this.note('needs-aes-key', 'info', text('note-needs-aes-key', this.language));
      return;
    }
    const result = decryptAlipayContent(ciphertext, this.secrets.aesKey, this.language);
    if (!result.ok) {
      this.fail('decrypted', result.error);
      return;
    }
    this.decrypted(result.value);
    if (result.value.data === undefined) {
      this.notJson(result.value, 'not-json-why-alipay');
      return;
    }
    this.alipayInner(result.value.data, 'decrypted', true);
  }

  /**
   * Explains an Alipay result: the code verdict, the catalog's cause and fix for a failure code, the
   * field table and the legacy fields. `fromCiphertext` says the content was encrypted, which only
   * `my.getPhoneNumber` (and other sensitive-data APIs) send.
   */
  private alipayInner(value: JsonValue, group: 'input' | 'decrypted', fromCiphertext = false): void {
    const inner = innerResponse(value);
    const phone = fromCiphertext || (inner !== undefined && 'mobile' in inner);
    const apiId = phone ? 'my.getPhoneNumber' : 'my.getOpenUserInfo';
    const innerType = phone ? 'my.PhoneNumber' : 'my.OpenUserInfo';
    const envelopeType = getApiById('my.getOpenUserInfo')?.result.find((f) => f.name === 'response')?.typeRef;
    const fields = inner === value || !envelopeType ? typeFields(innerType) : typeFields(envelopeType);
    this.report.fields.push(...explainFields(value, fields, this.language, group));
    if (!inner) return;
    const code = String(inner['code'] ?? '');
    const msg = typeof inner['msg'] === 'string' ? inner['msg'] : '';
    const subMsg = typeof inner['subMsg'] === 'string' ? inner['subMsg'] : '';
    if (code === '10000') {
      this.report.verdicts.push({
        check: 'response-code',
        status: 'pass',
        detail: text('verdict-code-ok', this.language, { code, msg }),
      });
      const legacy = emptyLegacyFields(inner, innerType);
      if (legacy.length > 0) {
        const why = (getApiById(apiId)?.notes ?? []).map((n) => `(${n.date}) ${localize(n.text, this.language)}`).join(' ');
        this.note(
          'alipay-legacy-fields',
          'info',
          text('note-alipay-legacy-fields', this.language, { fields: legacy.join(', '), why }),
        );
      }
      return;
    }
    this.report.verdicts.push({
      check: 'response-code',
      status: 'fail',
      detail: text('verdict-code-bad', this.language, { code, msg, sub: subMsg ? ` / ${subMsg}` : '' }),
    });
    const explanations = explainAlipayCode(code, this.language, apiId);
    if (explanations.length > 0) this.report.notes.push(...errorNotes(explanations, this.language));
    else this.unknownAlipayCode(code, msg);
  }

  /** A code without a catalog error entry: say what the catalog's `code` values say of it, if anything. */
  private unknownAlipayCode(code: string, msg: string): void {
    const meaning = typeFields('my.OpenUserInfo')
      ?.find((f) => f.name === 'code')
      ?.values?.find((v) => String(v.value) === code);
    this.note(
      'alipay-code',
      'info',
      meaning
        ? text('note-alipay-code', this.language, { code, meaning: localize(meaning.description, this.language) })
        : text('note-alipay-unknown-code', this.language, { code, msg: msg || '—' }),
    );
  }

  // ---- shared ---------------------------------------------------------------------------------

  /**
   * Decryption ran and the padding was valid: the verdict passes and the text is reported, JSON or not.
   * The decrypted content replaces a pasted object as the report's `data`; text that is not JSON leaves
   * no `data`, so that what is shown as the decoded content is that text.
   */
  private decrypted(value: Decrypted): void {
    this.report.plaintext = value.plaintext;
    if (value.data !== undefined) this.report.data = value.data;
    else delete this.report.data;
    this.report.verdicts.push({
      check: 'decrypted',
      status: 'pass',
      detail: text('verdict-decrypted', this.language, {
        bytes: Buffer.byteLength(value.plaintext, 'utf8'),
        cipher: value.cipher,
      }),
    });
  }

  /** Decrypted content that is not JSON: a note, not an error; the text itself is in `report.plaintext`. */
  private notJson(value: Decrypted, why: 'not-json-why-wechat' | 'not-json-why-alipay'): void {
    const reason = text(why, this.language);
    const message =
      value.notJson === 'too-deep'
        ? text('note-json-too-deep', this.language, { limit: maxObjectDepth, why: reason })
        : text('note-not-json', this.language, { chars: Array.from(value.plaintext).length, why: reason });
    this.note('not-json', 'warning', message);
  }

  private fail(check: 'decrypted' | 'signature', error: DecodeReport['errors'][number]): void {
    this.report.errors.push(error);
    const detail = text(check === 'decrypted' ? decryptFailure(error.code) : 'verdict-signature-failed', this.language, {
      code: error.code,
    });
    this.report.verdicts.push({ check, status: 'fail', detail });
  }

  private pushIfDefined(note: DecodeReport['notes'][number] | undefined): void {
    if (note && !this.report.notes.some((n) => n.code === note.code)) this.report.notes.push(note);
  }
}

/**
 * How a failed decryption is worded: "failed" only when it ran and the key did not fit (bad padding),
 * "garbled" when it gave unreadable bytes, "not decrypted" when the input never got that far.
 */
function decryptFailure(code: DecodeErrorCode): 'verdict-decrypt-failed' | 'verdict-decrypt-garbled' | 'verdict-decrypt-not-run' {
  if (code === 'bad-padding') return 'verdict-decrypt-failed';
  return code === 'not-json' ? 'verdict-decrypt-garbled' : 'verdict-decrypt-not-run';
}

function watermarkAppid(data: JsonValue): string | undefined {
  const watermark = isObject(data) ? data['watermark'] : undefined;
  const appid = isObject(watermark) ? watermark['appid'] : undefined;
  return typeof appid === 'string' ? appid : undefined;
}
