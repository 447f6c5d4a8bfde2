import { getMarkupAttribute } from '../../catalog';
import type { ApiCall } from '../calls';
import { apiLabel } from '../callFacts';
import type { PageModel } from '../model';
import {
  attributeOf,
  parseEventAttribute,
  type EventBinding,
  type MarkupAttribute,
  type MarkupElement,
  type MarkupFacts,
} from '../markup';
import { closestMatch } from '../spelling';
import type { Rule, RuleFinding } from './rule';

/** An Alipay consent button: `<button open-type="getAuthorize" scope="…" onGetAuthorize="…">`. */
interface ConsentButton {
  element: MarkupElement;
  openType: MarkupAttribute;
  scope?: MarkupAttribute;
  scopes: string[];
  handler?: EventBinding;
}

/** The catalog's consent value of `open-type`, its success event and the scopes it takes. */
function consentFacts() {
  const value = getMarkupAttribute('button', 'open-type')?.values?.find((v) => v.value === 'getAuthorize');
  const successEvent = value?.events?.[0];
  const event = successEvent ? parseEventAttribute(successEvent, 'alipay')?.event : undefined;
  const scopes = getMarkupAttribute('button', 'scope')?.values?.map((v) => v.value) ?? [];
  return value && successEvent && event ? { value: value.value, successEvent, event, scopes } : undefined;
}

function consentButtons(facts: MarkupFacts, value: string, event: string): ConsentButton[] {
  const buttons: ConsentButton[] = [];
  for (const element of facts.elements) {
    const openType = attributeOf(element, 'open-type');
    if (!openType || openType.value.trim() !== value) continue;
    const scope = attributeOf(element, 'scope');
    const scopes = scope ? scope.value.split(/[\s,|]+/).filter(Boolean) : [];
    const handler = facts.bindings.find((b) => b.element === element && b.event === event);
    buttons.push({ element, openType, ...(scope ? { scope } : {}), scopes, ...(handler ? { handler } : {}) });
  }
  return buttons;
}

const showScope = (scope: string) => `scope="${scope}"`;

/** The consent flow of a Taro page whose JSX has consent buttons: the buttons themselves, and what their handlers reach. */
function checkJsxFlow(
  calls: readonly ApiCall[],
  model: PageModel,
  buttons: ReturnType<PageModel['jsxButtons']>,
  consent: NonNullable<ReturnType<typeof consentFacts>>,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const handlerAttribute = consent.successEvent;
  for (const button of buttons) {
    if (!button.hasScope) {
      findings.push({
        ...button.span,
        message: `A \`openType="${consent.value}"\` button needs a scope: ${consent.scopes.map((s) => `\`${showScope(s)}\``).join(' or ')}; without one it asks for nothing.`,
      });
    }
    if (!button.handlers) {
      findings.push({
        ...button.span,
        message: `This consent button has no \`${handlerAttribute}\`: nothing runs when the user agrees. Add \`${handlerAttribute}={…}\` and request the data there.`,
      });
    }
  }
  // Taro's calls are Alipay's on this page: only Alipay has the consent button.
  for (const call of calls) {
    const scope = call.api.constraints?.authorizeScope;
    if (!scope || (call.ref.namespace !== 'my' && call.ref.namespace !== 'Taro')) continue;
    const handlers = buttons.filter((b) => b.scopes.includes(scope)).flatMap((b) => b.handlers ?? []);
    if (model.reachedFrom(call.node, handlers)) continue;
    const noAuth = call.api.errors.find((e) => e.code === '40003');
    const outcome = noAuth ? ` Without that consent \`success\` receives code ${noAuth.code} (${noAuth.errMsg}).` : '';
    findings.push({
      ...call.callee,
      message: `\`${apiLabel(call)}\` is not reached from the \`${handlerAttribute}\` handler of a \`<Button openType="${consent.value}" ${showScope(scope)}>\`.${outcome}`,
    });
  }
  return findings;
}

export const rule: Rule = {
  id: 'alipay-authorize-flow',
  defaultSeverity: 'information',
  docs: {
    summary:
      'Alipay member data requested outside the `onGetAuthorize` handler of a matching `<button open-type="getAuthorize" scope="…">`, ' +
      'or a consent button without `scope` or `onGetAuthorize`, or with both scopes in one dialog.',
    platforms: ['alipay', 'taro'],
    rationale:
      'Alipay only hands out member data the user agreed to through a consent button: `open-type="getAuthorize"` with `scope="userInfo"` ' +
      'for `my.getOpenUserInfo` or `scope="phoneNumber"` for `my.getPhoneNumber`, and the call belongs in (or behind) the button\'s ' +
      '`onGetAuthorize` handler. Without that consent the call does not fail: `success` receives code 40003 (`isv.invalid-auth-relations`). ' +
      'A button without `scope` asks for nothing, one without `onGetAuthorize` drops the consent, and the profile and the phone number ' +
      'cannot be asked for in the same dialog. In a Taro page the same holds for `<Button openType="getAuthorize" scope="userInfo" ' +
      'onGetAuthorize={…}>` and `Taro.getOpenUserInfo`. A user who agreed earlier keeps the authorisation, so this is information, not an error.',
    wrong:
      '<!-- index.axml -->\n<button open-type="getAuthorize" onTap="onLogin">登录</button>\n\n// index.js\nPage({\n  onLoad() {\n    my.getOpenUserInfo({ success: (res) => this.save(res) })\n  },\n})',
    right:
      '<!-- index.axml -->\n<button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">授权头像昵称</button>\n\n// index.js\nPage({\n  onGetAuthorize() {\n    my.getOpenUserInfo({ success: (res) => this.save(res), fail: () => this.askManually() })\n  },\n  onAuthError() {\n    this.askManually()\n  },\n})',
  },
  checkScript({ calls, fileName, index, model }) {
    const consent = consentFacts();
    if (!consent) return [];
    // Taro: <Button openType="getAuthorize" scope="…" onGetAuthorize={…}> in the page's own JSX.
    const jsx = model.jsxButtons(consent.value, consent.successEvent);
    if (jsx.length > 0) return checkJsxFlow(calls, model, jsx, consent);
    const wanted = calls.filter((c) => c.api.constraints?.authorizeScope && c.ref.namespace === 'my');
    if (wanted.length === 0) return [];
    const markups = index.pageMarkupOf(fileName).filter((m) => m.facts.platform === 'alipay');
    // Without the page's AXML, or with computed bindings, the file cannot tell which method the button calls.
    if (markups.length === 0 || markups.some((m) => m.facts.hasDynamicBindings)) return [];
    const buttons = markups.flatMap((m) =>
      consentButtons(m.facts, consent.value, consent.event).map((b) => ({ ...b, file: m.fileName })),
    );
    const markupName = markups.map((m) => m.fileName.split(/[\\/]/).pop()).join(', ');
    const findings: RuleFinding[] = [];
    for (const call of wanted) {
      const scope = call.api.constraints!.authorizeScope!;
      const callers = model.membersReaching(call.node).map((m) => m.name);
      if (callers.length === 0) continue;
      const handlersOf = (wantScope: boolean) =>
        buttons.filter((b) => b.handler && b.scopes.includes(scope) === wantScope).map((b) => b.handler!.handler);
      if (handlersOf(true).some((h) => callers.includes(h))) continue;
      const noAuth = call.api.errors.find((e) => e.code === '40003');
      const outcome = noAuth ? ` Without that consent \`success\` receives code ${noAuth.code} (${noAuth.errMsg}).` : '';
      const other = buttons.find((b) => b.handler && callers.includes(b.handler.handler));
      const where = other
        ? `runs from \`${other.handler!.handler}\`, the handler of a ${other.scopes.length ? showScope(other.scopes.join(',')) : 'scope-less'} button, which does not cover ${showScope(scope)}`
        : `is not reached from the \`${consent.successEvent}\` handler of a \`<button open-type="${consent.value}" ${showScope(scope)}>\` in ${markupName}`;
      findings.push({ ...call.callee, message: `\`${apiLabel(call)}\` ${where}.${outcome}` });
    }
    return findings;
  },
  checkMarkup({ facts }) {
    const consent = consentFacts();
    if (!consent || facts.platform !== 'alipay') return [];
    const findings: RuleFinding[] = [];
    for (const button of consentButtons(facts, consent.value, consent.event)) {
      const at = button.openType.valueSpan ?? button.openType.nameSpan;
      if (button.scopes.length === 0) {
        findings.push({
          ...(button.scope?.valueSpan ?? at),
          message: `A \`open-type="${consent.value}"\` button needs a scope: ${consent.scopes.map((s) => `\`${showScope(s)}\``).join(' or ')}; without one it asks for nothing.`,
        });
      }
      for (const scope of button.scopes) {
        if (consent.scopes.includes(scope) || !button.scope?.valueSpan) continue;
        const suggestion = closestMatch(scope, consent.scopes);
        const offset = button.scope.value.indexOf(scope);
        const span = { start: button.scope.valueSpan.start + offset, end: button.scope.valueSpan.start + offset + scope.length };
        findings.push({
          ...span,
          message: `Unknown scope "${scope}": use ${consent.scopes.map((s) => `"${s}"`).join(' or ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          ...(suggestion
            ? { fixes: [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ ...span, newText: suggestion }] }] }
            : {}),
        });
      }
      const known = button.scopes.filter((s) => consent.scopes.includes(s));
      if (known.length > 1 && button.scope?.valueSpan) {
        findings.push({
          ...button.scope.valueSpan,
          message: `One consent dialog cannot ask for ${known.map((s) => `"${s}"`).join(' and ')}: use a separate \`open-type="${consent.value}"\` button for each scope.`,
        });
      }
      if (!button.handler) {
        findings.push({
          ...at,
          message: `This consent button has no \`${consent.successEvent}\`: nothing runs when the user agrees. Add \`${consent.successEvent}="…"\` and request the data there.`,
        });
      }
    }
    return findings;
  },
};
