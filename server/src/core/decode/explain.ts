/**
 * Explanations, all read from the catalog: what each field of a payload means and what its value
 * means, which fields the platform no longer fills, whether the data is the anonymous placeholder,
 * and the cause and fix of an `errMsg` or an Alipay result code.
 */
import {
  catalog,
  getApiById,
  getType,
  labels,
  localize,
  type ApiEntry,
  type DocsLanguage,
  type ErrorEntry,
  type FieldEntry,
} from '../../catalog';
import { text } from './messages';
import { isObject } from './wechat';
import type { DecodeNote, FieldRow, JsonValue } from './types';

/** Compact JSON text of a value, for the field table. */
function show(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function valueMeaning(field: FieldEntry, value: JsonValue, language: DocsLanguage): string | undefined {
  const entry =
    field.values?.find((v) => v.value === value) ??
    field.values?.find((v) => typeof value !== 'object' && String(v.value) === String(value));
  return entry && localize(entry.description, language);
}

/**
 * One row per field of `value`, described by `fields` (a result type's or an API result's fields).
 * Objects are descended into, using the field's `typeRef` when the catalog gives one; fields the
 * catalog does not know still get a row, without a description.
 */
export function explainFields(
  value: JsonValue,
  fields: readonly FieldEntry[] | undefined,
  language: DocsLanguage,
  group: FieldRow['group'],
  prefix = '',
): FieldRow[] {
  if (!isObject(value)) return [];
  const rows: FieldRow[] = [];
  for (const [name, fieldValue] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const field = fields?.find((f) => f.name === name);
    const row: FieldRow = { path, value: isObject(fieldValue) ? '{…}' : show(fieldValue), group };
    if (field) {
      row.description = localize(field.description, language);
      const meaning = valueMeaning(field, fieldValue, language);
      if (meaning !== undefined) row.meaning = meaning;
      if (field.noLongerReturned) row.noLongerReturned = localize(field.noLongerReturned, language);
    }
    rows.push(row);
    if (isObject(fieldValue)) {
      const nested = field?.typeRef ? getType(field.typeRef)?.fields : undefined;
      rows.push(...explainFields(fieldValue, nested, language, group, path));
    }
  }
  return rows;
}

/** The fields of a catalog result type, or undefined when the catalog has no such type. */
export function typeFields(typeId: string): readonly FieldEntry[] | undefined {
  return getType(typeId)?.fields;
}

/**
 * The anonymous-data note: the catalog lists the placeholder nickname (and default avatar) as values
 * of the `nickName` (`avatarUrl`) field of the type; the policy behind it comes from the notes of the
 * API (or, when the API is unknown, of every API of the namespace) that mention that placeholder.
 */
export function anonymousDataNote(
  value: JsonValue,
  typeId: string,
  apiId: string | undefined,
  language: DocsLanguage,
): DecodeNote | undefined {
  if (!isObject(value)) return undefined;
  const fields = typeFields(typeId);
  const nickName = value['nickName'];
  const placeholder = fields?.find((f) => f.name === 'nickName')?.values?.find((v) => v.value === nickName);
  if (placeholder === undefined || typeof nickName !== 'string') return undefined;
  const avatar = fields?.find((f) => f.name === 'avatarUrl')?.values?.find((v) => v.value === value['avatarUrl']);
  const namespace = typeId.split('.')[0];
  const apis = apiId
    ? [getApiById(apiId)].filter((a): a is ApiEntry => a !== undefined)
    : catalog.apis.filter((a) => a.namespace === namespace);
  const policy = new Map<string, string>();
  for (const note of apis.flatMap((api) => api.notes)) {
    if (note.text.zh.includes(nickName) || note.text.en.includes(nickName)) {
      policy.set(note.text.en, `(${note.date}) ${localize(note.text, language)}`);
    }
  }
  const parts = [localize(placeholder.description, language)];
  if (avatar) parts.push(localize(avatar.description, language));
  return {
    code: 'anonymous-data',
    level: 'warning',
    message: text('note-anonymous-data', language, { what: parts.join(' '), policy: [...policy.values()].join(' ') }).trim(),
  };
}

/** The `no-open-id` note for decrypted user data without `openId`, worded from the catalog's field docs. */
export function missingOpenIdNote(value: JsonValue, typeId: string, language: DocsLanguage): DecodeNote | undefined {
  if (!isObject(value) || 'openId' in value || !('nickName' in value)) return undefined;
  const fields = typeFields(typeId);
  const openId = fields?.find((f) => f.name === 'openId');
  if (!openId) return undefined;
  const unionId = fields?.find((f) => f.name === 'unionId');
  const why = [openId, unionId].filter((f): f is FieldEntry => f !== undefined).map((f) => localize(f.description, language));
  return { code: 'no-open-id', level: 'info', message: text('note-no-open-id', language, { why: why.join(' ') }) };
}

/** Names of fields that are present, empty, and marked in the catalog as no longer returned. */
export function emptyLegacyFields(value: JsonValue, typeId: string): string[] {
  if (!isObject(value)) return [];
  return (typeFields(typeId) ?? []).filter((f) => f.noLongerReturned !== undefined && value[f.name] === '').map((f) => f.name);
}

/** A catalog error that matched, with the APIs that document it. */
export interface ErrorExplanation {
  apiIds: string[];
  errMsg: string;
  code?: string;
  /** WeChat's `errno` for this error, when documented (`104`, `112`). */
  errno?: number;
  /** Reported by any API under its own name (`apiIds` then only lists where the catalog documents it). */
  anyApi?: boolean;
  cause: string;
  fix: string;
}

function collectErrors(
  match: (entry: ErrorEntry) => boolean,
  apis: readonly ApiEntry[],
  language: DocsLanguage,
): ErrorExplanation[] {
  const byEntry = new Map<ErrorEntry, ErrorExplanation>();
  for (const api of apis) {
    for (const entry of api.errors) {
      if (!match(entry)) continue;
      const known = byEntry.get(entry);
      if (known) {
        known.apiIds.push(api.id);
        continue;
      }
      byEntry.set(entry, {
        apiIds: [api.id],
        errMsg: entry.errMsg,
        ...(entry.code !== undefined ? { code: entry.code } : {}),
        ...(entry.errno !== undefined ? { errno: entry.errno } : {}),
        ...(entry.anyApi ? { anyApi: true } : {}),
        cause: localize(entry.cause, language),
        fix: localize(entry.fix, language),
      });
    }
  }
  return [...byEntry.values()];
}

function safePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined;
  }
}

/**
 * Explains an `errMsg` (or an Alipay `subCode`/`subMsg`) by matching it against the catalog's error
 * patterns, loosely: case-insensitive, any run of whitespace treated as one space. `namespaces` limits
 * the search when the platform is known.
 */
export function explainErrMsg(errMsg: string, language: DocsLanguage, namespaces?: readonly string[]): ErrorExplanation[] {
  const normalised = errMsg.replace(/\s+/g, ' ').trim();
  const apis = namespaces ? catalog.apis.filter((a) => namespaces.includes(a.namespace)) : catalog.apis;
  const explanations = collectErrors((entry) => safePattern(entry.pattern)?.test(normalised) === true, apis, language);
  // An error any API reports is written `API:fail …` in the catalog: name the API the input names.
  const apiName = /^([A-Za-z]\w*):/.exec(normalised)?.[1];
  return explanations.map((e) => (e.anyApi && apiName ? { ...e, errMsg: e.errMsg.replace(/^API:/, `${apiName}:`) } : e));
}

/** Explains an Alipay result `code` (e.g. `40003`), preferring the given API's own entry. */
export function explainAlipayCode(code: string, language: DocsLanguage, apiId?: string): ErrorExplanation[] {
  const own = apiId ? getApiById(apiId) : undefined;
  const scoped = own ? collectErrors((e) => e.code === code, [own], language) : [];
  return scoped.length > 0 ? scoped : collectErrors((e) => e.code === code, catalog.apis, language);
}

/** Turns error explanations into notes: "errMsg (apis): cause Fix: fix". */
export function errorNotes(explanations: readonly ErrorExplanation[], language: DocsLanguage): DecodeNote[] {
  return explanations.map((e) => ({
    code: 'err-msg',
    level: 'warning',
    message: text('note-err-msg', language, {
      errMsg: `${e.code ? `${e.code} ${e.errMsg}` : e.errMsg}${e.errno !== undefined ? ` (errno ${e.errno})` : ''}`,
      apis: e.anyApi ? localize(labels.anyApi, language) : e.apiIds.join(', '),
      cause: e.cause,
      fix: e.fix,
    }),
  }));
}
