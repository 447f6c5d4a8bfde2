/**
 * The shape of the API catalog: the single source of truth for every user-info API, option, value,
 * result field, markup attribute and error string. Completion lists it, hover renders it, rules look
 * facts up in it, and `docs/api.md` is generated from it. No description string lives anywhere else.
 */

/** A text in both documentation languages. */
export interface Localized {
  en: string;
  zh: string;
}

/**
 * The global object an API hangs off. `Taro` is the cross-platform wrapper from `@tarojs/taro`; `uni` is uni-app's,
 * a global in uni-app projects.
 */
export type ApiNamespace = 'wx' | 'my' | 'tt' | 'Taro' | 'uni';

/** A mini-program host platform. */
export type Platform = 'wechat' | 'alipay' | 'douyin';

/** A value an option (or result field) may take, with what it means. */
export interface ValueEntry {
  /** The literal value, as it appears in source (`'zh_CN'`, `true`, `1`). */
  value: string | number | boolean;
  description: Localized;
  /** Minimum base library for this value, when newer than the API itself. */
  minVersion?: string;
  /** Marks a legacy value (e.g. Alipay's `"m"`/`"f"` gender). */
  legacy?: boolean;
}

/** One key of an API's options object. */
export interface OptionEntry {
  name: string;
  /** TypeScript-ish type text shown in docs: `string`, `boolean`, `(res: SuccessResult) => void`. */
  type: string;
  /** The primitive kind a rule can check a literal against. */
  kind: 'string' | 'boolean' | 'number' | 'function' | 'object';
  required: boolean;
  default?: string | number | boolean;
  description: Localized;
  /** The allowed values, when they form a closed set (or, with `openValues`, the documented ones). */
  values?: ValueEntry[];
  /** The documented values are not the whole set (Alipay's scopes): another value is at most a hint. */
  openValues?: boolean;
  /** Minimum base library for this option, when newer than the API. */
  minVersion?: string;
  /** For Taro and uni entries: the platforms on which the option has an effect. */
  platforms?: Platform[];
}

/** One field of a result object (`res.userInfo`, `res.rawData`, `userInfo.gender`). */
export interface FieldEntry {
  name: string;
  type: string;
  description: Localized;
  values?: ValueEntry[];
  minVersion?: string;
  /** Name of a result type in `catalog.types` this field holds (e.g. `UserInfo`). */
  typeRef?: string;
  /** Set when the platform no longer fills this field (policy), with what it returns now. */
  noLongerReturned?: Localized;
}

/** A named result type such as WeChat's `UserInfo` or Alipay's inner `response` object. */
export interface TypeEntry {
  /** Unique id, e.g. `wx.UserInfo`, `my.OpenUserInfo`. */
  id: string;
  name: string;
  summary: Localized;
  fields: FieldEntry[];
  docUrl: string;
}

/** A runtime error the platform reports, matched loosely against `errMsg` (or an Alipay `code`). */
export interface ErrorEntry {
  /** The text as the runtime reports it, e.g. `getUserProfile:fail can only be invoked by user TAP gesture.` */
  errMsg: string;
  /** A case-insensitive regular expression source that recognises variants of the message. */
  pattern: string;
  /** Alipay result code, when the error arrives as `code` rather than `errMsg`. */
  code?: string;
  /** WeChat's numeric `errno` sent next to the `errMsg` (`104`, `112`), when documented. */
  errno?: number;
  cause: Localized;
  fix: Localized;
  /** The page that documents the error, when it is not the API's own page (the privacy guide). */
  docUrl?: string;
  /**
   * Reported by many APIs alike, each with its own name before `:fail` (`getPhoneNumber:fail privacy …`):
   * `errMsg` then starts with `API:`, and the error is not about the API entry that lists it.
   */
  anyApi?: boolean;
  /**
   * The platform whose runtime reports it, in the entry of a cross-platform API (Taro's, uni-app's) that lists the
   * errors of several platforms.
   */
  platform?: Platform;
}

/** What to use instead of an old API or attribute: one sentence and the page that explains the new way. */
export interface Replacement {
  text: Localized;
  /** The name of the new way, as the link text. */
  title: Localized;
  url: string;
}

/** A policy change or deprecation with its date. */
export interface PolicyNote {
  /** ISO date the change took effect (e.g. `2021-04-28`). */
  date: string;
  text: Localized;
  url?: string;
}

/** Rule-relevant constraints, so rules read facts from the catalog rather than hard-coding them. */
export interface ApiConstraints {
  /** Must run synchronously inside a user tap handler. */
  tapOnly?: boolean;
  /** Maximum weighted length of `desc`; presence of this also means `desc` is required and non-empty. */
  descMaxLength?: number;
  /** A prior login call is required (`tt.login`), unless the base library is at or above `until`. */
  loginFirst?: { api: string; until?: string };
  /** Returns a JSON string in `res.response` that must be parsed. */
  responseIsJsonString?: boolean;
  /** Needs an authorisation button (Alipay `open-type="getAuthorize"` with this scope). */
  authorizeScope?: string;
  /**
   * A support API that becomes a user-info request (a consent dialog) when its `option` names a scope outside
   * `silent`: Alipay's `my.getAuthCode` with `scopes: 'auth_user'`. The default and the silent scopes ask nothing.
   */
  consentScopes?: { option: string; silent: string[] };
  /**
   * A WeChat privacy interface: it collects data the mini-program's privacy guide must declare (else it fails
   * with errno 112) and the user must have agreed to (else errno 104). FACTS §11.
   */
  privacyInterface?: boolean;
}

/** One API of one namespace, e.g. `wx.getUserProfile`. */
export interface ApiEntry {
  /** `namespace.name`, e.g. `wx.getUserProfile`. */
  id: string;
  namespace: ApiNamespace;
  name: string;
  /** One line, shown as completion detail. */
  summary: Localized;
  /** A paragraph or two of Markdown. */
  details: Localized;
  signature: string;
  /** Minimum base library (host platform's numbering). */
  minVersion?: string;
  /** Whether calling without callbacks returns a Promise. */
  promise: boolean;
  /** Whether the API is callable from a mini-program plugin (and from which base library). */
  plugin: { supported: boolean; minVersion?: string };
  options: OptionEntry[];
  /** Fields of the success result. */
  result: FieldEntry[];
  /**
   * For an event API (`wx.onNeedPrivacyAuthorization(listener)`): the arguments the listener receives, in
   * order (`resolve`, `eventInfo`). Such an API takes no options object, so `options` is empty.
   */
  listener?: FieldEntry[];
  errors: ErrorEntry[];
  notes: PolicyNote[];
  /** Set when the API should no longer be used, saying what to use instead. */
  deprecated?: Localized;
  /** The current way to get what this API gave, linked from its hover. */
  replacedBy?: Replacement;
  /** Lower sorts first in completion; the recommended API of a namespace gets 0. */
  rank: number;
  /**
   * `user-info` (default) for the APIs that hand out user data and that rules check; `support` for the
   * APIs of the identity flow around them (`wx.login`, `wx.checkSession`, `wx.getSetting`).
   */
  role?: 'user-info' | 'support';
  /** For Taro and uni entries: the platforms on which the call works. */
  platforms?: Platform[];
  /** For Taro and uni entries: the native API each supported platform runs (`{ wechat: 'wx.getUserProfile' }`). */
  nativeApis?: Partial<Record<Platform, string>>;
  /** For Taro and uni entries: support on build targets other than the three hosts (H5, React Native, App, …). */
  otherTargets?: Array<{ target: string; supported: boolean }>;
  /** For Taro entries: the first Taro releases that ship the API (`['2.2.17', '3.0.29']`). */
  minTaroVersions?: string[];
  constraints?: ApiConstraints;
  docUrl: string;
  /** A short, correct example. */
  example: string;
}

/** An attribute value of a markup component, e.g. `<button open-type="chooseAvatar">`. */
export interface MarkupValueEntry {
  value: string;
  platforms: Platform[];
  summary: Localized;
  details?: Localized;
  minVersion?: string;
  deprecated?: Localized;
  /** The current way to get what this value gave, linked from its hover. */
  replacedBy?: Replacement;
  /** The event attribute(s) that deliver its result, e.g. `bindgetuserinfo`, `onGetAuthorize`. */
  events?: string[];
  /** A WeChat privacy interface (see {@link ApiConstraints.privacyInterface}). */
  privacyInterface?: boolean;
  docUrl: string;
  example?: string;
}

/**
 * How a markup attribute is written in the frameworks that compile to it: Taro's JSX prop (`openType`,
 * `onChooseAvatar`) and uni-app's template attribute (`open-type`, `@chooseavatar`). Only documented
 * spellings are recorded.
 */
export interface FrameworkSpellings {
  taro?: string;
  uniApp?: string;
}

/** An attribute of a markup component, e.g. `open-type`, `scope`, `bindgetuserinfo`. */
export interface MarkupAttributeEntry {
  /** `button`, `input`, `open-data`. */
  tag: string;
  name: string;
  platforms: Platform[];
  summary: Localized;
  values?: MarkupValueEntry[];
  docUrl: string;
  /** `event` for a handler binding (`bindgetuserinfo`, `onGetAuthorize`); otherwise a plain property. */
  kind?: 'property' | 'event';
  /** Other spellings of the same attribute (`bindchooseavatar` for `bind:chooseavatar`). */
  aliases?: string[];
  /** The same attribute in Taro JSX and in uni-app templates. */
  spellings?: FrameworkSpellings;
  /** For an event: the fields of `e.detail` its handler receives (`avatarUrl` for `bind:chooseavatar`). */
  detail?: FieldEntry[];
  details?: Localized;
  minVersion?: string;
  deprecated?: Localized;
  /** The current way to get what this attribute gave, linked from its hover. */
  replacedBy?: Replacement;
  example?: string;
}

/** Where a flow snippet can be inserted: top level of a page file, a member of `Page({…})`, or a function body. */
export type FlowPosition = 'module' | 'member' | 'body';

/** A whole, correct flow (consent, call, result handling) offered as a completion snippet. */
export interface FlowSnippet {
  id: string;
  label: Localized;
  description: Localized;
  platforms: Platform[];
  /** The namespace the flow's calls use; Taro flows are offered where `@tarojs/taro` is imported. */
  namespace: ApiNamespace;
  /** Only offered in JSX/TSX files (the template contains JSX). */
  jsx?: boolean;
  /** The catalog APIs the flow calls. */
  apis: string[];
  /** Markup the page template needs, when any. */
  markup?: string;
  /** The snippet (VS Code snippet syntax, tab-indented) per position where it makes sense. */
  templates: Partial<Record<FlowPosition, string>>;
}

/** The whole catalog. */
export interface Catalog {
  apis: ApiEntry[];
  types: TypeEntry[];
  markup: MarkupAttributeEntry[];
}
