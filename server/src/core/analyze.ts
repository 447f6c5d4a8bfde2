/**
 * The analysis entry point: one file in, findings out. Scripts go through the text pre-filter, one
 * parse, one page model (model.ts) and the script rules, which query it; markup goes through the tokenizer and the markup rules.
 *
 * The work is written as steps ({@link analysisSteps}): a generator that pauses after the parse and after
 * each rule. The CLI runs it straight through ({@link analyzeFile}); the language server lets other
 * messages in between steps and drops a run whose document changed meanwhile, so a superseded analysis of
 * a large file stops early instead of finishing for nothing.
 */
import { platformNamespace } from '../catalog';
import { findProperty, type ApiCall } from './calls';
import { callPlatforms, featureMinVersion, namespacePlatform } from './callFacts';
import { conditionalRegions, platformsAt, vueNames } from './conditional';
import { markupPlatform } from './markup';
import { pageModelOf, type MarkupHandlers, type PageModel } from './model';
import { hasScript, isScriptFile, mayMentionUserInfoApi, parseScript, skipOuterExpressions } from './parse';
import { isVueFile, mayHaveUnmentionedHandlers, readVue } from './vue';
import ts from 'typescript';
import { compareVersions, type ProjectConfig, type ProjectIndex } from './project';
import { rules } from './rules';
import type { MarkupRuleContext, Rule, RuleFinding, ScriptRuleContext } from './rules/rule';
import { lineStarts, positionAt } from './positions';
import { applySuppressions } from './suppression';
import type { Finding, Platform, Severity, SkipNotice } from './types';

/** A rule's configured severity; `off` disables it. */
export type SeveritySetting = Severity | 'off';

/** What the user configured. */
export interface AnalysisOptions {
  /** Overrides the project's `libVersion`. */
  libVersion?: string;
  /** Per-rule severity overrides. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Files larger than this many bytes are skipped with a notice (default 2 MiB). */
  maxFileSize?: number;
  /** The platforms to check (default: all). Calls and markup of other platforms are left alone. */
  platforms?: readonly Platform[];
}

/** The result of analysing one file. */
export interface AnalysisResult {
  findings: Finding[];
  /** Set when the file was not analysed. */
  skipped?: SkipNotice;
}

/** The default size limit: larger files are generated bundles, not hand-written pages. */
export const defaultMaxFileSize = 2 * 1024 * 1024;

/** True for files the analyser reads (scripts and markup). */
export function isAnalysable(fileName: string): boolean {
  return hasScript(fileName) || markupPlatform(fileName) !== undefined;
}

/** Checks size and content before parsing; a notice when the file must be skipped. */
export function screenText(fileName: string, text: string, maxFileSize = defaultMaxFileSize): SkipNotice | undefined {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxFileSize) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      reason: 'too-large',
      message: `Skipped ${fileName}: ${mb(size)} is over the ${mb(maxFileSize)} limit (setting maxFileSize).`,
    };
  }
  // A NUL character never appears in source text: this is a binary file with a script's name.
  if (text.slice(0, 8192).includes('\u0000')) {
    return { reason: 'binary', message: `Skipped ${fileName}: it looks like a binary file, not source text.` };
  }
  return undefined;
}

function settle(rule: Rule, findings: RuleFinding[], options: AnalysisOptions, text: string): Finding[] {
  const configured = options.severities?.[rule.id];
  if (configured === 'off') return [];
  const settled = findings.map(({ group, ...f }) => ({
    finding: { ...f, code: rule.id, severity: configured ?? f.severity ?? rule.defaultSeverity },
    group: group ?? f.message,
  }));
  return rule.sayOnce ? sayOnce(settled, text) : settled.map((s) => s.finding);
}

/**
 * Merges findings of the same group (by default their message) and severity into the first of them: the others become related
 * locations, and their fixes are offered on the first, titled with the line they change.
 */
function sayOnce(findings: Array<{ finding: Finding; group: string }>, text: string): Finding[] {
  const first = new Map<string, Finding>();
  const merged: Finding[] = [];
  let starts: number[] | undefined;
  for (const { finding, group } of [...findings].sort((a, b) => a.finding.start - b.finding.start)) {
    const key = `${finding.severity}\u0000${group}`;
    const primary = first.get(key);
    if (!primary) {
      first.set(key, finding);
      merged.push(finding);
      continue;
    }
    starts ??= lineStarts(text);
    const line = positionAt(starts, finding.start).line + 1;
    primary.related = [
      ...(primary.related ?? []),
      { start: finding.start, end: finding.end, message: `Also here (line ${line}).` },
    ];
    const fixes = (finding.fixes ?? []).map((fix) => ({ ...fix, title: `${fix.title} (line ${line})`, preferred: false }));
    if (fixes.length) primary.fixes = [...(primary.fixes ?? []), ...fixes];
  }
  return merged;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** Steps of an analysis: each `yield` is a point where the caller may pause or stop; the return is the result. */
export type AnalysisSteps = Generator<void, AnalysisResult, void>;

/** Runs every step and returns the result. */
function finish(steps: AnalysisSteps): AnalysisResult {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Analyses a script (JS/TS/JSX/TSX). */
export function analyzeScript(
  fileName: string,
  text: string,
  index: ProjectIndex,
  options: AnalysisOptions = {},
): AnalysisResult {
  return finish(scriptSteps(fileName, text, index, options));
}

function* scriptSteps(fileName: string, text: string, index: ProjectIndex, options: AnalysisOptions): AnalysisSteps {
  const skipped = screenText(fileName, text, options.maxFileSize);
  if (skipped) return { findings: [], skipped };
  // A page whose markup uses the profile fill-in or the privacy agree button is checked for what its handlers do with
  // them (an event's `detail`, an `agree` resolution), even when it names no catalog API.
  const fillIn =
    // Taro's JSX names the fill-in in the script itself (`openType='chooseAvatar'`, `<Input type='nickname'>`).
    /\b(?:openType=\{?\s*['"](?:[\w|]*\|)?(?:chooseAvatar|agreePrivacyAuthorization)|type=\{?\s*['"]nickname['"])/.test(text) ||
    (/\b(?:detail|buttonId|agree)\b/.test(text) &&
      // A `.vue` file is its own markup: without the fill-in's words it has no fill-in, and is not parsed to learn that.
      (!isVueFile(fileName) || vueFillInWords.test(text)) &&
      index.pageMarkupOf(fileName).some((m) => m.facts.fillIn));
  if (!fillIn && !mayMentionUserInfoApi(text)) return { findings: [] };
  const parsed = parseScript(fileName, text);
  if (!parsed.ok) {
    const message =
      parsed.reason === 'too-deep'
        ? `Skipped ${fileName}: it nests expressions or blocks too deeply for the parser (typical of generated code), so it was not checked.`
        : `Skipped ${fileName}: TypeScript's parser failed on it (an internal error, e.g. on a decorator followed by \`await\`), so it was not checked.`;
    return { findings: [], skipped: { reason: parsed.reason, message } };
  }
  yield;
  const sourceFile = parsed.sourceFile;
  const model = pageModelOf(sourceFile);
  const platform = index.platformOf(fileName);
  const enabled = options.platforms;
  const project = index.projectOf(fileName);
  // What the page's markup binds, read once and only when asked: a `.vue` call's platforms may ask for the
  // template's bindings before the rules do, and a file with nothing to check never asks.
  let markupRead: { handlers: MarkupHandlers | undefined } | undefined;
  const markupOf = () => (markupRead ??= { handlers: index.markupHandlersOf(fileName) }).handlers;
  const platformsOf = callPlatformsIn(project, text, platform, enabled, model, isVueFile(fileName) ? markupOf : undefined);
  // In a uni-app project a call compiled for none of the targets (`// #ifdef H5`) is not ours to check.
  const calls = model.calls.filter((call) => {
    const where = platformsOf(call);
    return (!project.uniApp || where.length > 0) && (!enabled || where.some((p) => enabled.includes(p)));
  });
  if (calls.length === 0 && model.jsxOpenTypes.length === 0 && !fillIn) return { findings: [] };
  const libVersion = options.libVersion ?? project.libVersion;
  const markup = markupOf();
  const context: ScriptRuleContext = {
    fileName,
    text,
    sourceFile,
    model,
    calls,
    project,
    index,
    platformsOf,
    ...(platform ? { platform } : {}),
    ...(libVersion ? { libVersion } : {}),
    ...(markup ? { markup } : {}),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.checkScript || options.severities?.[rule.id] === 'off') continue;
    yield;
    findings.push(...settle(rule, rule.checkScript(context), options, text));
  }
  yield;
  const live = libVersion ? findings.filter(outsideDeadFallbacks(model, libVersion, platform)) : findings;
  const sorted = sortFindings(live);
  if (isVueFile(fileName)) return { findings: suppressInVue(fileName, text, sourceFile, sorted, index) };
  return { findings: applySuppressions(sorted, { kind: 'script', text, sourceFile }) };
}

/**
 * True when the call sits in a method of a `.vue` component that its template does not bind and that the component
 * calls only from code compiled for none of `platforms` (`this.loginByApple()` under `#ifdef APP-PLUS`): then the
 * method, unfenced itself, never runs on those platforms.
 */
function onlyCalledFromElsewhere(
  call: ApiCall,
  model: PageModel,
  template: MarkupHandlers,
  regions: ReturnType<typeof conditionalRegions>,
  platforms: readonly Platform[],
): boolean {
  const facts = model.memberFunctionOf(call.node);
  const member = facts?.member;
  if (!facts || !member || member.kind !== 'Vue' || facts.lifecycle || template.bound.has(member.name)) return false;
  const sites = facts.callers.filter((edge) => edge.from !== facts).map((edge) => edge.site);
  const sourceFile = call.node.getSourceFile();
  return sites.length > 0 && sites.every((site) => platformsAt(regions, site.getStart(sourceFile), platforms).length === 0);
}

/**
 * uni-app's login service names (`provider`, uni-app's uni.getProvider docs): on a mini-program each platform has only
 * its own. Another literal (`apple`, `univerify`, `qq`, `sinaweibo`, …) picks an App login service, so such a call never
 * runs on the mini-programs this checker knows.
 */
const providerPlatform: Readonly<Record<string, Platform>> = { weixin: 'wechat', alipay: 'alipay', toutiao: 'douyin' };

/** The platforms a `uni.*` call's literal `provider` allows; undefined without one. */
function providerPlatforms(call: ApiCall): Platform[] | undefined {
  if (call.ref.namespace !== 'uni' || !call.options) return undefined;
  const property = findProperty(call.options, 'provider');
  const value = property && ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
  if (!value || !ts.isStringLiteralLike(value)) return undefined;
  const platform = providerPlatform[value.text];
  return platform ? [platform] : [];
}

/**
 * The platforms each call of a file runs on ({@link callPlatforms}); in a uni-app project narrowed to the build
 * targets (the manifest's, and the `platforms` setting's) and to the platforms its conditional-compilation regions (`// #ifdef MP-WEIXIN`) compile it for. Works for
 * a `.vue` file's whole text too: its template's `<!-- -->` directives are not read here, and a style block's
 * `/* #ifdef *\/` regions hold no calls.
 */
function callPlatformsIn(
  project: ProjectConfig,
  text: string,
  pagePlatform: Platform | undefined,
  enabled: readonly Platform[] | undefined,
  model: PageModel,
  template: (() => MarkupHandlers | undefined) | undefined,
): (call: ApiCall) => readonly Platform[] {
  const uni = project.uniApp;
  if (!uni) return (call) => callPlatforms(call, pagePlatform);
  const builds = enabled ? uni.targets.filter((p) => enabled.includes(p)) : uni.targets;
  const regions = conditionalRegions(text, 'script', undefined, vueNames(uni.vueVersion));
  const cache = new Map<ApiCall, readonly Platform[]>();
  return (call) => {
    let where = cache.get(call);
    if (!where) {
      const targets = callPlatforms(call, pagePlatform).filter((p) => builds.includes(p));
      const provider = providerPlatforms(call);
      where = platformsAt(regions, call.callee.start, provider ? targets.filter((p) => provider.includes(p)) : targets);
      const bindings = where.length > 0 ? template?.() : undefined;
      if (bindings && onlyCalledFromElsewhere(call, model, bindings, regions, where)) where = [];
      cache.set(call, where);
    }
    return where;
  };
}

/**
 * A filter that drops findings in fallback code the project's base library never runs: the `else` of
 * `if (wx.canIUse('button.open-type.getUserInfo'))` when `libVersion` already has the button. Such a branch
 * only runs on clients older than the project supports.
 */
function outsideDeadFallbacks(
  model: PageModel,
  libVersion: string,
  platform: Platform | undefined,
): (finding: Finding) => boolean {
  const dead = model.fallbackRegions().filter((region) => {
    const namespace = region.namespace;
    if (!namespace) return false;
    const native = namespacePlatform[namespace];
    // A version only means something on the platform it numbers.
    if (native ? platform !== undefined && platform !== native : platform === undefined) return false;
    const since = featureMinVersion(native ? namespace : platformNamespace[platform!], region.path);
    return since !== undefined && compareVersions(libVersion, since) >= 0;
  });
  return (finding) => !dead.some((region) => finding.start >= region.start && finding.end <= region.end);
}

/**
 * Suppression in a `.vue` file: a finding in a script block follows the script's comments (`// mp-userinfo-…`), one in
 * the template (a script rule reporting the element an event sits on) the template's (`<!-- mp-userinfo-… -->`).
 */
function suppressInVue(
  fileName: string,
  text: string,
  sourceFile: ts.SourceFile,
  findings: Finding[],
  index: ProjectIndex,
): Finding[] {
  const blocks = readVue(fileName, text).scriptSpans;
  const inScript = (f: Finding) => blocks.some((b) => f.start >= b.start && f.start <= b.end);
  const script = applySuppressions(findings.filter(inScript), { kind: 'script', text, sourceFile });
  const elements = index.markupFile(fileName)?.facts.elements ?? [];
  const template = applySuppressions(
    findings.filter((f) => !inScript(f)),
    { kind: 'markup', text, elements },
  );
  return sortFindings([...script, ...template]);
}

/** Analyses a markup file (WXML/AXML/TTML). */
export function analyzeMarkup(
  fileName: string,
  text: string,
  index: ProjectIndex,
  options: AnalysisOptions = {},
): AnalysisResult {
  return finish(markupSteps(fileName, text, index, options));
}

function* markupSteps(fileName: string, text: string, index: ProjectIndex, options: AnalysisOptions): AnalysisSteps {
  const skipped = screenText(fileName, text, options.maxFileSize);
  if (skipped) return { findings: [], skipped };
  if (isVueFile(fileName) && !vueTemplateMayReport(text)) return { findings: [] };
  const facts = index.markupFile(fileName)?.facts;
  const platform = facts?.platform;
  const markupRules = rules.filter((r) => r.checkMarkup && options.severities?.[r.id] !== 'off');
  if (!facts || !platform || markupRules.length === 0 || (options.platforms && !options.platforms.includes(platform)))
    return { findings: [] };
  yield;
  const project = index.projectOf(fileName);
  const libVersion = options.libVersion ?? project.libVersion;
  const context: MarkupRuleContext = { fileName, text, facts, project, index, ...(libVersion ? { libVersion } : {}) };
  const findings: Finding[] = [];
  for (const rule of markupRules) {
    findings.push(...settle(rule, rule.checkMarkup!(context), options, text));
    yield;
  }
  return { findings: applySuppressions(sortFindings(findings), { kind: 'markup', text, elements: facts.elements }) };
}

/** The words of the fill-in's markup (`open-type="chooseAvatar"`, `type="nickname"`, the agree button), as written. */
const vueFillInWords = /chooseAvatar|nickname|agreePrivacyAuthorization/;
/** The words without which no markup rule but `handler-not-found` has anything to report (open types and their events). */
const vueMarkupRuleWords = /getuserinfo|getauthorize|agreeprivacyauthorization/i;

/**
 * Whether a `.vue` template needs the SFC parse for the markup rules: only when it names what `getuserinfo-anonymous`,
 * `alipay-authorize-flow` or `privacy-agree-event` look for, or names a handler its script may lack
 * (`handler-not-found`). Most components do neither, and the parse is the largest cost of checking them.
 */
export function vueTemplateMayReport(text: string): boolean {
  return vueMarkupRuleWords.test(text) || mayHaveUnmentionedHandlers(text);
}

/** Analyses any supported file; other files yield nothing. */
export function analyzeFile(fileName: string, text: string, index: ProjectIndex, options: AnalysisOptions = {}): AnalysisResult {
  return finish(analysisSteps(fileName, text, index, options));
}

/**
 * The steps of {@link analyzeFile}, for a caller that interleaves other work: call `next()` until it is
 * done, or `return()` to stop. The index is read at every step: a caller that lets files change between
 * steps should drop the run when they do (the language server starts a new one for every change).
 */
export function* analysisSteps(
  fileName: string,
  text: string,
  index: ProjectIndex,
  options: AnalysisOptions = {},
): AnalysisSteps {
  if (markupPlatform(fileName)) return yield* markupSteps(fileName, text, index, options);
  if (isScriptFile(fileName)) return yield* scriptSteps(fileName, text, index, options);
  if (isVueFile(fileName)) return yield* vueSteps(fileName, text, index, options);
  return { findings: [] };
}

/** A `.vue` file: its script blocks as a page script, then its template as the page's markup. */
function* vueSteps(fileName: string, text: string, index: ProjectIndex, options: AnalysisOptions): AnalysisSteps {
  const script = yield* scriptSteps(fileName, text, index, options);
  if (script.skipped) return script;
  const template = yield* markupSteps(fileName, text, index, options);
  return { findings: sortFindings([...script.findings, ...template.findings]) };
}
