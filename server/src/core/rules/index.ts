/** The rule registry: every rule module, in documentation order. */
import { pathToFileURL } from 'node:url';
import type { Rule } from './rule';
import { rule as descMissing } from './desc-missing';
import { rule as descTooLong } from './desc-too-long';
import { rule as notInTapHandler } from './not-in-tap-handler';
import { rule as ttLoginRequired } from './tt-login-required';
import { rule as getuserinfoAnonymous } from './getuserinfo-anonymous';
import { rule as getuserprofileAnonymous } from './getuserprofile-anonymous';
import { rule as promiseUnsupported } from './promise-unsupported';
import { rule as unknownOption } from './unknown-option';
import { rule as invalidOptionValue } from './invalid-option-value';
import { rule as minVersion } from './min-version';
import { rule as alipayResponseString } from './alipay-response-string';
import { rule as alipayAuthorizeFlow } from './alipay-authorize-flow';
import { rule as authOnLaunch } from './auth-on-launch';
import { rule as unhandledRefusal } from './unhandled-refusal';
import { rule as handlerNotFound } from './handler-not-found';
import { rule as uniEventsync } from './uni-eventsync';
import { rule as avatarNotUploaded } from './avatar-not-uploaded';
import { rule as nicknameReadOnInput } from './nickname-read-on-input';
import { rule as privacyAgreeEvent } from './privacy-agree-event';
import { rule as privacyButtonId } from './privacy-button-id';

export type { Rule, RuleDocs, RuleFinding, ScriptRuleContext, MarkupRuleContext } from './rule';

export const rules: readonly Rule[] = [
  descMissing,
  descTooLong,
  notInTapHandler,
  ttLoginRequired,
  getuserinfoAnonymous,
  getuserprofileAnonymous,
  promiseUnsupported,
  unknownOption,
  invalidOptionValue,
  minVersion,
  alipayResponseString,
  alipayAuthorizeFlow,
  authOnLaunch,
  unhandledRefusal,
  handlerNotFound,
  uniEventsync,
  avatarNotUploaded,
  nicknameReadOnInput,
  privacyAgreeEvent,
  privacyButtonId,
];

const byId = new Map(rules.map((r) => [r.id, r]));

/** The rule with an id, if any. */
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** The link to a rule's section in the rules reference (`docs/rules.md`, shipped with the extension). */
export function ruleDocUrl(id: string, rulesDocument: string): string {
  return `${pathToFileURL(rulesDocument).href}#${id}`;
}
