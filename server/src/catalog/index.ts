/**
 * The catalog facade: lookups over the data tables. Completion, hover, rules, the decoder and the
 * generated docs all read the catalog through these functions.
 */
import type {
  ApiEntry,
  ApiNamespace,
  Catalog,
  ErrorEntry,
  FieldEntry,
  Localized,
  MarkupAttributeEntry,
  OptionEntry,
  Platform,
  TypeEntry,
} from './types';
import { wechatApis } from './wechat';
import { alipayApis } from './alipay';
import { douyinApis } from './douyin';
import { taroApis } from './taro';
import { uniApis } from './uni';
import { resultTypes } from './resultTypes';
import { markupAttributes } from './markup';
import { privacyTypes, taroPrivacyApis, wechatPrivacyApis } from './privacy';

export * from './types';
export { flowSnippets } from './flows';
export { constraintTexts, labels, namespaceTitles, platformNames } from './labels';

/** Every entry of the catalog. */
/** The namespace of each platform's own API (`wx.`, `my.`, `tt.`). */
export const platformNamespace: Readonly<Record<Platform, ApiNamespace>> = { wechat: 'wx', alipay: 'my', douyin: 'tt' };

export const catalog: Catalog = {
  apis: [...wechatApis, ...wechatPrivacyApis, ...alipayApis, ...douyinApis, ...taroApis, ...taroPrivacyApis, ...uniApis],
  types: [...resultTypes, ...privacyTypes],
  markup: markupAttributes,
};

const apiById = new Map<string, ApiEntry>(catalog.apis.map((api) => [api.id, api]));
const typeById = new Map<string, TypeEntry>(catalog.types.map((t) => [t.id, t]));

/** The API `namespace.name`, or undefined when the catalog does not know it. */
export function getApi(namespace: ApiNamespace, name: string): ApiEntry | undefined {
  return apiById.get(`${namespace}.${name}`);
}

/** The API with the given id (`wx.getUserProfile`). */
export function getApiById(id: string): ApiEntry | undefined {
  return apiById.get(id);
}

/** All APIs of a namespace, recommended first. */
export function apisOf(namespace: ApiNamespace): ApiEntry[] {
  return catalog.apis.filter((api) => api.namespace === namespace).sort((a, b) => a.rank - b.rank);
}

/** A result type by id (`wx.UserInfo`). */
export function getType(id: string): TypeEntry | undefined {
  return typeById.get(id);
}

/** Markup attributes of a tag (or all of them). */
export function markupAttributesOf(tag?: string): MarkupAttributeEntry[] {
  return tag ? catalog.markup.filter((m) => m.tag === tag) : catalog.markup;
}

/** The option `name` of an API, or undefined when the API does not take it. */
export function getOption(api: ApiEntry, name: string): OptionEntry | undefined {
  return api.options.find((o) => o.name === name);
}

/** The fields of a result type (empty when the id is unknown). */
export function fieldsOf(typeId: string | undefined): FieldEntry[] {
  return (typeId && typeById.get(typeId)?.fields) || [];
}

/**
 * The attribute `name` of a markup tag, also under one of its aliases (`bindchooseavatar`) or its uni-app template
 * spelling (`@chooseavatar`, as a `.vue` template writes it).
 */
export function getMarkupAttribute(tag: string, name: string): MarkupAttributeEntry | undefined {
  return catalog.markup.find(
    (m) => m.tag === tag && (m.name === name || m.aliases?.includes(name) || m.spellings?.uniApp === name),
  );
}

/**
 * The markup attribute a Taro JSX prop spells, on the element of that tag (`openType` and `onChooseAvatar` on
 * `<Button>`, `type` on `<Input>`): Taro's components are the mini-program's under capitalised names.
 */
export function getJsxAttribute(tag: string, name: string): MarkupAttributeEntry | undefined {
  const element = tag.toLowerCase();
  return catalog.markup.find((m) => m.tag === element && m.spellings?.taro === name);
}

/**
 * The known runtime errors that match a reported `errMsg` or Alipay result code, with the APIs that
 * report them. Matching is loose (case-insensitive, separator variants), as the platforms word the
 * same failure differently across clients.
 */
export function findErrors(message: string): Array<{ api: ApiEntry; error: ErrorEntry }> {
  const text = message.trim();
  const seen = new Set<ErrorEntry>();
  const out: Array<{ api: ApiEntry; error: ErrorEntry }> = [];
  for (const { api, error, pattern } of errorPatterns) {
    if (seen.has(error)) continue;
    if (error.code === text || pattern.test(text)) {
      seen.add(error);
      out.push({ api, error });
    }
  }
  return out;
}

/** Every catalog error with its compiled pattern, in catalog order (an error shared by APIs appears per API). */
const errorPatterns = catalog.apis.flatMap((api) =>
  api.errors.map((error) => ({ api, error, pattern: new RegExp(error.pattern, 'i') })),
);

/** Every API name the catalog knows, across namespaces: the text pre-filter looks for these. */
export const knownApiNames: ReadonlySet<string> = new Set(catalog.apis.map((api) => api.name));

/** Picks the text of a localized string for a documentation language. */
export function localize(text: Localized, language: DocsLanguage): string {
  return language === 'zh-cn' ? text.zh : text.en;
}

/** The documentation languages. */
export type DocsLanguage = 'en' | 'zh-cn';
