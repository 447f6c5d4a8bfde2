/**
 * The rule contract. A rule is one module: its id, default severity, documentation and checks.
 * Rules read API facts from the catalog and code facts from the page model; they return findings.
 */
import type ts from 'typescript';
import type { ApiCall } from '../calls';
import type { MarkupFacts } from '../markup';
import type { MarkupHandlers, PageModel } from '../model';
import type { ProjectConfig, ProjectIndex } from '../project';
import type { Finding, Platform, Severity } from '../types';

/** Where a rule applies: a platform, or Taro or uni-app code (which runs on the platform it is built for). */
export type RulePlatform = Platform | 'taro' | 'uni-app';

/** A rule's documentation, rendered into docs/rules.md and linked from every diagnostic. */
export interface RuleDocs {
  /** One sentence: what the rule reports. */
  summary: string;
  /** The platforms whose code the rule checks. */
  platforms: readonly RulePlatform[];
  /** Why it matters: the platform behaviour behind it. */
  rationale: string;
  /** A wrong and a right example. */
  wrong: string;
  right: string;
  /**
   * A wrong and a right uni-app page, where the rule reads differently in a `.vue` file (template events instead of
   * `bindtap`, `<script setup>`, `uni.*`). Each is a whole single-file component after a `<!-- index.vue -->` line,
   * checked as a page of a uni-app Vue 3 project for WeChat.
   */
  uniApp?: { wrong: string; right: string };
}

/** What a rule sees of a script file. */
export interface ScriptRuleContext {
  fileName: string;
  text: string;
  sourceFile: ts.SourceFile;
  /** The page model: definitions, call graph, entry points, API calls and guards. Rules ask it; they never walk the tree. */
  model: PageModel;
  /** The catalog API calls of the file that the enabled platforms run, in source order. */
  calls: ApiCall[];
  project: ProjectConfig;
  index: ProjectIndex;
  /**
   * The platforms a call runs on: its namespace's, or for Taro and uni the page's platform (else the API's); in a
   * uni-app project narrowed to the build targets and to the call's conditional-compilation regions.
   */
  platformsOf(call: ApiCall): readonly Platform[];
  /** The platform the page belongs to, when its markup or configuration says. */
  platform?: Platform;
  /** The minimum base library: the setting, else `libVersion` of the project configuration. */
  libVersion?: string;
  /** What the page's markup binds; undefined without markup or with computed bindings. */
  markup?: MarkupHandlers;
}

/** What a rule sees of a markup file. */
export interface MarkupRuleContext {
  fileName: string;
  text: string;
  facts: MarkupFacts;
  project: ProjectConfig;
  index: ProjectIndex;
  libVersion?: string;
}

/**
 * A finding before its severity is settled (rules may choose one per finding). `group` is what a `sayOnce` rule
 * merges on when its messages differ only in the API they name; by default the message.
 */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { severity?: Severity; group?: string };

/** One rule. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  /**
   * Advice that holds for every call of the page alike: findings with the same message are said once, at the
   * first, with the others as related locations (and their fixes offered there).
   */
  sayOnce?: boolean;
  checkScript?(context: ScriptRuleContext): RuleFinding[];
  checkMarkup?(context: MarkupRuleContext): RuleFinding[];
}
