/**
 * The catalog facade: lookups over the data tables. Completion, hover, rules, the decoder and the
 * generated docs all read the catalog through these functions.
 */
import type { ApiEntry, ApiNamespace, Catalog, Localized, MarkupAttributeEntry, TypeEntry } from './types';
import { wechatApis } from './wechat';
import { alipayApis } from './alipay';
import { douyinApis } from './douyin';
import { taroApis } from './taro';
import { resultTypes } from './resultTypes';
import { markupAttributes } from './markup';

export * from './types';

/** Every entry of the catalog. */
export const catalog: Catalog = {
  apis: [...wechatApis, ...alipayApis, ...douyinApis, ...taroApis],
  types: resultTypes,
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

/** Every API name the catalog knows, across namespaces: the text pre-filter looks for these. */
export const knownApiNames: ReadonlySet<string> = new Set(catalog.apis.map((api) => api.name));

/** Picks the text of a localized string for a documentation language. */
export function localize(text: Localized, language: DocsLanguage): string {
  return language === 'zh-cn' ? text.zh : text.en;
}

/** The documentation languages. */
export type DocsLanguage = 'en' | 'zh-cn';
