/**
 * One ESLint rule per checker rule. A rule never reads ESLint's syntax tree: it hands the file's text and
 * name to the shared analysis (analysis.ts), so it works the same under espree, @typescript-eslint/parser
 * or any other parser, and reports its own code's findings at the core's offsets, converted to ESLint
 * locations by the source code object.
 *
 * Fixes: the core marks the fix a user most likely wants as `preferred`. A preferred fix whose edits are
 * plain text becomes the ESLint `fix` (applied by `eslint --fix`); every other fix becomes a suggestion,
 * including the preferred ones that leave a snippet tab stop to fill in (`desc: ''`), with the tab stops
 * removed. The core's "Disable … for this line" fixes are left out: ESLint has its own disable comments.
 */
import type { Rule } from 'eslint';
import { stripSnippet } from '../core/edits';
import type { Rule as CoreRule } from '../core/rules';
import type { Finding, Fix, Severity } from '../core/types';
import { analyse } from './analysis';

/** Severities from the quietest. */
const severityRank: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** The rule options: which of the core's findings of this rule to report. */
export interface RuleOptions {
  /**
   * The quietest core severity reported. Default: the rule's own default severity, so that ESLint never
   * reports a finding louder than the checker does (a rule reports some findings below its default).
   */
  minSeverity?: Severity;
}

const optionsSchema = [
  {
    type: 'object',
    properties: { minSeverity: { enum: ['error', 'warning', 'information', 'hint'] } },
    additionalProperties: false,
  },
];

/** The plugin's shared settings key: `settings: { 'mp-userinfo': { libVersion, platforms, … } }`. */
export const settingsKey = 'mp-userinfo';

/** The ESLint form of a fix's edits. */
function toEslintFix(fix: Fix): Rule.ReportFixer {
  return (fixer) =>
    fix.edits.map((edit) =>
      fixer.replaceTextRange([edit.start, edit.end], edit.snippet ? stripSnippet(edit.newText) : edit.newText),
    );
}

/** The fix ESLint may apply on its own, and the suggestions. */
function splitFixes(finding: Finding): { fix?: Fix; suggest: Fix[] } {
  // ESLint edits one file: a fix that also edits the page's markup would be applied by half.
  const fixes = (finding.fixes ?? []).filter((fix) => !fix.suppression && !fix.otherFiles);
  const fix = fixes.find((f) => f.preferred && !f.edits.some((edit) => edit.snippet));
  return { ...(fix ? { fix } : {}), suggest: fixes.filter((f) => f !== fix) };
}

/** The ESLint rule of a checker rule. */
export function eslintRule(rule: CoreRule): Rule.RuleModule {
  return {
    meta: {
      type: rule.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: {
        description: rule.docs.summary,
        recommended: true,
      },
      fixable: 'code',
      hasSuggestions: true,
      schema: optionsSchema,
    },
    create(context) {
      const options = (context.options[0] ?? {}) as RuleOptions;
      const { sourceCode } = context;
      const settings = (context.settings as Record<string, unknown> | undefined)?.[settingsKey];
      const { findings, configured } = analyse({
        fileName: context.filename,
        text: sourceCode.text,
        cwd: context.cwd,
        settings,
      });
      // A severity the project settings file gives the rule applies to all its findings alike.
      const floor = configured.has(rule.id) ? 0 : severityRank[options.minSeverity ?? rule.defaultSeverity];
      for (const finding of findings) {
        if (finding.code !== rule.id || severityRank[finding.severity] < floor) continue;
        const { fix, suggest } = splitFixes(finding);
        context.report({
          loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
          message: finding.message,
          ...(fix ? { fix: toEslintFix(fix) } : {}),
          ...(suggest.length ? { suggest: suggest.map((s) => ({ desc: s.title, fix: toEslintFix(s) })) } : {}),
        });
      }
      return {};
    },
  };
}
