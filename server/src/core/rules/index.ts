/** The rule registry: every rule module, in documentation order. */
import { pathToFileURL } from 'node:url';
import type { Rule } from './rule';
import { rule as descMissing } from './desc-missing';
import { rule as descTooLong } from './desc-too-long';
import { rule as notInTapHandler } from './not-in-tap-handler';
import { rule as ttLoginRequired } from './tt-login-required';

export type { Rule, RuleDocs, RuleFinding, ScriptRuleContext, MarkupRuleContext } from './rule';

export const rules: readonly Rule[] = [descMissing, descTooLong, notInTapHandler, ttLoginRequired];

const byId = new Map(rules.map((r) => [r.id, r]));

/** The rule with an id, if any. */
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** The link to a rule's section in the rules reference (`docs/rules.md`, shipped with the extension). */
export function ruleDocUrl(id: string, rulesDocument: string): string {
  return `${pathToFileURL(rulesDocument).href}#${id}`;
}
