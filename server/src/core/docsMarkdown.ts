/**
 * Renders catalog entries to Markdown, once, for every face that shows documentation: hover, completion
 * documentation, markup hover (another module calls {@link renderMarkupAttribute} and
 * {@link renderMarkupValue}) and the generated `docs/api.md`. All words come from the catalog; this
 * module only arranges them.
 */
import {
  constraintTexts,
  flowSnippets,
  getApiById,
  getType,
  labels,
  localize,
  namespaceTitles,
  platformNames,
  type ApiEntry,
  type DocsLanguage,
  type ErrorEntry,
  type FieldEntry,
  type FlowSnippet,
  type Localized,
  type MarkupAttributeEntry,
  type MarkupValueEntry,
  type OptionEntry,
  type Replacement,
  type Platform,
  type TypeEntry,
  type ValueEntry,
  catalog,
} from '../catalog';
import { compareVersions } from './project';
import { isCrossPlatform } from './callFacts';

/** What the reader's project looks like, so the docs can point out what matters to it. */
export interface RenderContext {
  language: DocsLanguage;
  /** The project's platform, when known: Taro support rows for other platforms are still shown. */
  platform?: Platform;
  /** The project's minimum base library; versions above it are called out. */
  libVersion?: string;
}

const allPlatforms: Platform[] = ['wechat', 'alipay', 'douyin'];

/** A value as it is written in source: strings quoted, numbers and booleans bare. */
export function formatValue(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** Text safe inside a Markdown table cell: no pipes breaking the row, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n+\s*/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
function codeBlock(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

function join(parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** Creates the localizer for one render. */
function localizer(language: DocsLanguage): (text: Localized) => string {
  return (text) => localize(text, language);
}

function docLink(url: string, t: (text: Localized) => string): string {
  return `[${t(labels.officialDocs)}](${url})`;
}

function deprecatedLine(text: Localized | undefined, t: (text: Localized) => string): string | undefined {
  return text ? `⚠️ **${t(labels.deprecated)}**${t(labels.colon)}${t(text)}` : undefined;
}

/** "➡️ Use instead: … ([avatar/nickname fill-in](…))": one sentence from an old API to the new way, with its link. */
function replacementLine(replacement: Replacement | undefined, t: (text: Localized) => string): string | undefined {
  return replacement
    ? `➡️ **${t(labels.useInstead)}**${t(labels.colon)}${t(replacement.text)} ([${t(replacement.title)}](${replacement.url}))`
    : undefined;
}

/** `` `getUserProfile:fail …` (errno 104) ``: an error's message as the runtime reports it. */
function errorTitle(error: ErrorEntry): string {
  return `\`${error.errMsg}\`${error.code ? ` (code \`${error.code}\`)` : ''}${error.errno !== undefined ? ` (errno ${error.errno})` : ''}`;
}

/** "Values: `'en'` English, `'zh_CN'` …" for an option or field. */
function valueList(
  values: ValueEntry[] | undefined,
  t: (text: Localized) => string,
  heading = labels.allowedValues,
): string | undefined {
  if (!values?.length) return undefined;
  const items = values.map((v) => {
    const notes = [v.legacy ? t(labels.legacy) : '', v.minVersion ? `${t(labels.baseLibrary)} ≥ ${v.minVersion}` : '']
      .filter(Boolean)
      .join(t(labels.comma));
    return `\`${formatValue(v.value)}\` ${t(v.description)}${notes ? ` (${notes})` : ''}`;
  });
  return `${t(heading)}${t(labels.colon)}${items.join(t(labels.semicolon))}`;
}

/** The pitfalls of an API: its constraints spelled out, then its policy notes with their dates. */
export function pitfallsOf(api: ApiEntry): Localized[] {
  const out: Localized[] = [];
  const c = api.constraints;
  if (c?.tapOnly) {
    const tapErrors = api.errors.filter((e) => /tap gesture/i.test(e.errMsg)).map((e) => e.errMsg);
    out.push(constraintTexts.tapOnly(tapErrors));
  }
  if (c?.descMaxLength !== undefined) out.push(constraintTexts.desc(c.descMaxLength));
  if (c?.loginFirst) out.push(constraintTexts.loginFirst(c.loginFirst.api, c.loginFirst.until));
  if (c?.responseIsJsonString) out.push(constraintTexts.responseIsJsonString);
  if (c?.authorizeScope) out.push(constraintTexts.authorizeScope(c.authorizeScope));
  if (c?.privacyInterface) out.push(constraintTexts.privacyInterface);
  // Only WeChat documents Promise support per API; for the other hosts `promise: false` means "not documented".
  // An event API (`wx.onNeedPrivacyAuthorization`) takes a listener, not callbacks.
  if (api.namespace === 'wx' && !api.promise && !api.listener) out.push(constraintTexts.noPromise);
  return out;
}

function notesList(api: ApiEntry, t: (text: Localized) => string): string | undefined {
  if (!api.notes.length) return undefined;
  const items = api.notes.map((n) => `- **${n.date}** ${t(n.text)}${n.url ? ` ([${t(labels.announcement)}](${n.url}))` : ''}`);
  return `**${t(labels.policy)}**\n\n${items.join('\n')}`;
}

function pitfallsList(api: ApiEntry, t: (text: Localized) => string): string | undefined {
  const pitfalls = pitfallsOf(api);
  if (!pitfalls.length) return undefined;
  return `**${t(labels.pitfalls)}**\n\n${pitfalls.map((p) => `- ${t(p)}`).join('\n')}`;
}

/** "Base library ≥ 2.10.4 · Promise style: yes · Plugins: no", plus a warning when the project is older. */
function factsLine(api: ApiEntry, ctx: RenderContext, t: (text: Localized) => string): string {
  const facts: string[] = [];
  if (api.minVersion) facts.push(`${t(labels.baseLibrary)} ≥ ${api.minVersion}`);
  if (api.minTaroVersions?.length) facts.push(`${t(labels.taroVersion)} ${api.minTaroVersions.map((v) => `${v}+`).join(' / ')}`);
  if (api.namespace === 'wx' || isCrossPlatform(api.namespace)) {
    facts.push(`${t(labels.promiseStyle)}${t(labels.colon)}${t(api.promise ? labels.yes : labels.no)}`);
  }
  if (!isCrossPlatform(api.namespace)) {
    const plugin = api.plugin.supported
      ? `${t(labels.yes)}${api.plugin.minVersion ? ` (≥ ${api.plugin.minVersion})` : ''}`
      : t(labels.no);
    facts.push(`${t(labels.plugin)}${t(labels.colon)}${plugin}`);
  }
  const lines = [facts.join(' · ')];
  const required = requiredVersion(api, ctx.platform);
  if (required && ctx.libVersion && compareVersions(ctx.libVersion, required) < 0) {
    lines.push(`⚠️ ${t(constraintTexts.belowLibVersion(required, ctx.libVersion))}`);
  }
  if (ctx.platform && api.platforms && !api.platforms.includes(ctx.platform)) {
    lines.push(`⚠️ ${t(constraintTexts.notOnPlatform(platformNames[ctx.platform]))}`);
  }
  return lines.join('\n\n');
}

/** The base library an API needs on the given platform (Taro and uni entries: the native API's). */
function requiredVersion(api: ApiEntry, platform: Platform | undefined): string | undefined {
  if (!isCrossPlatform(api.namespace)) return api.minVersion;
  const native = platform ? api.nativeApis?.[platform] : undefined;
  return native ? getApiById(native)?.minVersion : undefined;
}

/** The Taro or uni support matrix: one row per host platform and other build target. */
function supportTable(api: ApiEntry, t: (text: Localized) => string): string | undefined {
  if (!api.platforms) return undefined;
  const rows = allPlatforms.map((p) => {
    const native = api.nativeApis?.[p];
    const min = native ? getApiById(native)?.minVersion : undefined;
    const detail = native ? `✓ ${t(labels.runs)} \`${native}\`${min ? ` (${t(labels.baseLibrary)} ≥ ${min})` : ''}` : '✗';
    return `| ${t(platformNames[p])} | ${detail} |`;
  });
  for (const other of api.otherTargets ?? []) rows.push(`| ${other.target} | ${other.supported ? '✓' : '✗'} |`);
  return `**${t(labels.platformSupport)}**\n\n| | |\n|---|---|\n${rows.join('\n')}`;
}

function optionDescription(option: OptionEntry, t: (text: Localized) => string): string {
  const end = t(labels.period);
  const parts = [t(option.description)];
  if (option.default !== undefined) parts.push(`${t(labels.default)}${t(labels.colon)}\`${formatValue(option.default)}\`${end}`);
  const values = valueList(option.values, t);
  if (values) parts.push(`${values}${end}`);
  if (option.minVersion) parts.push(`${t(labels.baseLibrary)} ≥ ${option.minVersion}${end}`);
  if (option.platforms) {
    parts.push(
      `${t(labels.onlyOn)}${t(labels.wordGap)}${option.platforms.map((p) => t(platformNames[p])).join(t(labels.comma))}${end}`,
    );
  }
  return parts.join(t(labels.wordGap));
}

function optionsTable(api: ApiEntry, t: (text: Localized) => string): string | undefined {
  if (!api.options.length) return undefined;
  const rows = api.options.map(
    (o) =>
      `| \`${o.name}\`${o.required ? ` **(${t(labels.required)})**` : ''} | \`${cell(o.type)}\` | ${cell(optionDescription(o, t))} |`,
  );
  return `**${t(labels.options)}**\n\n| ${t(labels.option)} | ${t(labels.type)} | ${t(labels.description)} |\n|---|---|---|\n${rows.join('\n')}`;
}

function fieldDescription(field: FieldEntry, t: (text: Localized) => string): string {
  const end = t(labels.period);
  const parts = [t(field.description)];
  // A result field's values explain what it may hold; they are not a closed set.
  const values = valueList(field.values, t, labels.values);
  if (values) parts.push(`${values}${end}`);
  if (field.minVersion) parts.push(`${t(labels.baseLibrary)} ≥ ${field.minVersion}${end}`);
  if (field.noLongerReturned) parts.push(`⚠️ ${t(field.noLongerReturned)}`);
  return parts.join(t(labels.wordGap));
}

function fieldsTable(fields: FieldEntry[], heading: Localized, t: (text: Localized) => string): string | undefined {
  if (!fields.length) return undefined;
  const rows = fields.map((f) => `| \`${f.name}\` | \`${cell(f.type)}\` | ${cell(fieldDescription(f, t))} |`);
  return `**${t(heading)}**\n\n| ${t(labels.field)} | ${t(labels.type)} | ${t(labels.description)} |\n|---|---|---|\n${rows.join('\n')}`;
}

function errorsList(errors: ErrorEntry[], t: (text: Localized) => string): string | undefined {
  if (!errors.length) return undefined;
  const items = errors.map(
    (e) => `- ${errorTitle(e)}${t(labels.colon)}${t(e.cause)} **${t(labels.fix)}**${t(labels.colon)}${t(e.fix)}`,
  );
  return `**${t(labels.errors)}**\n\n${items.join('\n')}`;
}

/**
 * The hover for an API: signature, deprecation, description, versions, the Taro support matrix, pitfalls
 * and policy notes, the options table and the official link. `full` adds the result fields, the known
 * errors and the example (the generated reference).
 */
export function renderApi(api: ApiEntry, ctx: RenderContext, full = false): string {
  const t = localizer(ctx.language);
  return join([
    codeBlock(api.signature, 'ts'),
    deprecatedLine(api.deprecated, t),
    replacementLine(api.replacedBy, t),
    `${t(api.summary)}\n\n${t(api.details)}`,
    factsLine(api, ctx, t),
    supportTable(api, t),
    pitfallsList(api, t),
    notesList(api, t),
    optionsTable(api, t),
    api.listener && fieldsTable(api.listener, labels.listenerArguments, t),
    full && fieldsTable(api.result, labels.resultFields, t),
    full && errorsList(api.errors, t),
    full && `**${t(labels.example)}**\n\n${codeBlock(api.example, api.namespace === 'Taro' ? 'tsx' : 'js')}`,
    docLink(api.docUrl, t),
  ]);
}

/** The documentation shown next to an API in the completion list: shorter than the hover. */
export function renderApiCompletionDoc(api: ApiEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  return join([
    deprecatedLine(api.deprecated, t),
    replacementLine(api.replacedBy, t),
    t(api.details),
    factsLine(api, ctx, t),
    pitfallsList(api, t),
    docLink(api.docUrl, t),
  ]);
}

/** The hover for an option key: its type, whether it is required, meaning, default, values, versions. */
export function renderOption(api: ApiEntry, option: OptionEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  const signature = `(${t(labels.option).toLowerCase()}) ${api.id}({ ${option.name}${option.required ? '' : '?'}: ${option.type} })`;
  const descConstraint =
    option.name === 'desc' && api.constraints?.descMaxLength !== undefined
      ? `- ${t(constraintTexts.desc(api.constraints.descMaxLength))}`
      : undefined;
  return join([codeBlock(signature, 'ts'), optionDescription(option, t), descConstraint, docLink(api.docUrl, t)]);
}

/** The hover for an option's literal value: what it means, and the other values allowed. */
export function renderOptionValue(api: ApiEntry, option: OptionEntry, value: ValueEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  const others = (option.values ?? []).filter((v) => v !== value);
  return join([
    codeBlock(`${option.name}: ${formatValue(value.value)}`, 'ts'),
    `${t(value.description)}${value.legacy ? ` (${t(labels.legacy)})` : ''}${value.minVersion ? ` · ${t(labels.baseLibrary)} ≥ ${value.minVersion}` : ''}`,
    others.length > 0 && valueList(others, t),
    docLink(api.docUrl, t),
  ]);
}

/**
 * The hover for a result field (`res.userInfo.gender`): type, meaning, value meanings, whether the
 * platform still fills it, and the fields of the type it holds. `path` is the access as written.
 */
export function renderField(field: FieldEntry, ctx: RenderContext, path: string, docUrl: string): string {
  const t = localizer(ctx.language);
  const type = field.typeRef ? getType(field.typeRef) : undefined;
  return join([
    codeBlock(`(${t(labels.field).toLowerCase()}) ${path}: ${field.type}`, 'ts'),
    fieldDescription(field, t),
    type && fieldsTable(type.fields, { en: `${type.name}`, zh: `${type.name}` }, t),
    docLink(type?.docUrl ?? docUrl, t),
  ]);
}

/** A named result type as a section of the reference. */
export function renderType(type: TypeEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  return join([t(type.summary), fieldsTable(type.fields, labels.fields, t), docLink(type.docUrl, t)]);
}

/** A known runtime error: what causes it and how to fix it (hover on an `errMsg` string in code). */
export function renderError(api: ApiEntry, error: ErrorEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  // An error every API can report is not about the entry that happens to list it.
  return join([
    `${errorTitle(error)} · ${error.anyApi ? t(labels.anyApi) : `\`${api.id}\``}`,
    `**${t(labels.cause)}**${t(labels.colon)}${t(error.cause)}`,
    `**${t(labels.fix)}**${t(labels.colon)}${t(error.fix)}`,
    docLink(error.docUrl ?? api.docUrl, t),
  ]);
}

function markupFacts(
  entry: { platforms: Platform[]; minVersion?: string; events?: string[] },
  t: (text: Localized) => string,
): string {
  const facts = [entry.platforms.map((p) => t(platformNames[p])).join(t(labels.comma))];
  if (entry.minVersion) facts.push(`${t(labels.baseLibrary)} ≥ ${entry.minVersion}`);
  if (entry.events?.length) facts.push(`${t(labels.events)}${t(labels.colon)}${entry.events.map((e) => `\`${e}\``).join(', ')}`);
  return facts.join(' · ');
}

/** "In frameworks: Taro `onChooseAvatar` · uni-app `@chooseavatar`". */
function spellingsLine(attr: MarkupAttributeEntry, t: (text: Localized) => string): string | undefined {
  const { taro, uniApp } = attr.spellings ?? {};
  const parts = [taro && `Taro \`${taro}\``, uniApp && `uni-app \`${uniApp}\``].filter((p): p is string => Boolean(p));
  return parts.length ? `${t(labels.inFrameworks)}${t(labels.colon)}${parts.join(' · ')}` : undefined;
}

/** The hover for a markup attribute (`open-type`, `bindgetuserinfo`, `scope`, …). */
export function renderMarkupAttribute(attr: MarkupAttributeEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  const values = attr.values?.length
    ? `**${t(labels.allowedValues)}**\n\n| ${t(labels.value)} | ${t(labels.description)} |\n|---|---|\n${attr.values
        .map((v) => `| \`${v.value}\` | ${cell(`${v.deprecated ? '⚠️ ' : ''}${t(v.summary)} (${markupFacts(v, t)})`)} |`)
        .join('\n')}`
    : undefined;
  return join([
    codeBlock(`<${attr.tag} ${attr.name}${attr.aliases?.length ? ` | ${attr.aliases.join(' | ')}` : ''}>`, 'html'),
    deprecatedLine(attr.deprecated, t),
    replacementLine(attr.replacedBy, t),
    t(attr.summary),
    attr.details && t(attr.details),
    markupFacts(attr, t),
    spellingsLine(attr, t),
    attr.detail && fieldsTable(attr.detail, labels.eventDetail, t),
    values,
    attr.example && codeBlock(attr.example, 'html'),
    docLink(attr.docUrl, t),
  ]);
}

/** The hover for one value of a markup attribute (`open-type="chooseAvatar"`). */
export function renderMarkupValue(attr: MarkupAttributeEntry, value: MarkupValueEntry, ctx: RenderContext): string {
  const t = localizer(ctx.language);
  return join([
    codeBlock(`<${attr.tag} ${attr.name}="${value.value}">`, 'html'),
    deprecatedLine(value.deprecated, t),
    replacementLine(value.replacedBy, t),
    t(value.summary),
    value.details && t(value.details),
    markupFacts(value, t),
    value.privacyInterface && `🔒 ${t(constraintTexts.privacyInterface)}`,
    value.example && codeBlock(value.example, 'html'),
    docLink(value.docUrl, t),
  ]);
}

/** A snippet template as plain code: tab stops removed, placeholders replaced by their defaults. */
export function snippetToPlainText(template: string): string {
  const unescape = (text: string) => text.replace(/\\([$}\\])/g, '$1');
  // One pass, so an escaped `\$5` is never mistaken for tab stop 5.
  return template.replace(/\\[$}\\]|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\}|\$\d+/g, (match, value?: string) =>
    match.startsWith('\\') ? match.slice(1) : value !== undefined ? unescape(value) : '',
  );
}

/** The documentation of a flow snippet: what it does, the markup it needs, and the code it inserts. */
export function renderFlow(flow: FlowSnippet, ctx: RenderContext, template?: string): string {
  const t = localizer(ctx.language);
  const code = template ?? flow.templates.module ?? flow.templates.member ?? flow.templates.body ?? '';
  return join([
    t(flow.description),
    flow.markup && `**${t(labels.markup)}**\n\n${codeBlock(flow.markup, 'html')}`,
    codeBlock(snippetToPlainText(code).replace(/\t/g, '  '), flow.jsx ? 'tsx' : 'js'),
  ]);
}

const namespaceOrder = ['wx', 'my', 'tt', 'Taro', 'uni'] as const;

/** GitHub's heading anchor for a heading text. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** The whole API reference (`docs/api.md`), generated from the catalog. */
export function renderReference(language: DocsLanguage): string {
  const ctx: RenderContext = { language };
  const t = localizer(language);
  const sections: string[] = [];
  const toc: string[] = [];
  for (const ns of namespaceOrder) {
    const title = t(namespaceTitles[ns]);
    toc.push(`- [${title}](#${anchor(title)})`);
    sections.push(`## ${title}`);
    for (const api of catalog.apis.filter((a) => a.namespace === ns).sort((a, b) => a.rank - b.rank)) {
      toc.push(`  - [${api.id}](#${anchor(api.id)})`);
      sections.push(`### ${api.id}\n\n${renderApi(api, ctx, true)}`);
    }
  }
  const typesTitle = t(labels.resultTypes);
  toc.push(`- [${typesTitle}](#${anchor(typesTitle)})`);
  sections.push(`## ${typesTitle}`);
  for (const type of catalog.types) sections.push(`### ${type.id}\n\n${renderType(type, ctx)}`);
  const markupTitle = t(labels.markupAttributes);
  toc.push(`- [${markupTitle}](#${anchor(markupTitle)})`);
  sections.push(`## ${markupTitle}`);
  for (const attr of catalog.markup) sections.push(`### \`<${attr.tag} ${attr.name}>\`\n\n${renderMarkupAttribute(attr, ctx)}`);
  const flowsTitle = t(labels.flows);
  toc.push(`- [${flowsTitle}](#${anchor(flowsTitle)})`);
  sections.push(`## ${flowsTitle}`);
  for (const flow of flowSnippets) sections.push(`### ${t(flow.label)}\n\n${renderFlow(flow, ctx)}`);
  return `${join([`# ${t(labels.apiReference)}`, `_${t(labels.generatedNotice)}_`, `**${t(labels.contents)}**\n\n${toc.join('\n')}`, ...sections])}\n`;
}
