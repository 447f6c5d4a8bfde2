import ts from 'typescript';
import { openTypesOf, tapEvents } from '../markup';
import type { EventBinding } from '../markup';
import { jsxAttributeOf, jsxHasSpread } from '../model';
import { isVueTap } from '../vue';
import type { Rule, RuleFinding } from './rule';

/** The event through which the agree button reports the user's agreement. */
const agreeEvent = 'agreeprivacyauthorization';

/** Taro's spelling of the agree event (Taro's Button types, `onAgreePrivacyAuthorization`; catalog markup entry). */
const taroAgreeEvent = 'onAgreePrivacyAuthorization';

/** Taro's tap props of a Button: `onClick` (bound to the mini-program's `tap`) and `onTap`. */
const taroTapEvents = ['onClick', 'onTap'];

export const rule: Rule = {
  id: 'privacy-agree-event',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'A privacy agree button (`<button open-type="agreePrivacyAuthorization">`) whose handler is bound to its tap (`bindtap`, `catchtap`) instead of `bindagreeprivacyauthorization`.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html: resolve({ buttonId,
      // event: 'agree' }) goes after the button's bindagreeprivacyauthorization event; the base library checks the button was tapped.
      // developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html (the agree button).
      'Since base library 2.32.3 a privacy interface waits while `wx.onNeedPrivacyAuthorization` shows your agreement; calling its ' +
      "`resolve({ buttonId, event: 'agree' })` lets it go on. WeChat checks that the agree button named by `buttonId` was tapped, and " +
      "its documentation says to call `resolve` only after the button's `bindagreeprivacyauthorization` event fired: that event, not " +
      "the tap, is the button's report that the agreement was recorded. A handler bound to the tap can run before that. The fix renames " +
      'a `bindtap` to `bindagreeprivacyauthorization`; a `catchtap` also stops the tap from bubbling, so it is left to you. ' +
      'In a uni-app `.vue` template the same holds for `@tap`/`@click`, renamed to `@agreeprivacyauthorization` (not `@tap.stop`); ' +
      "in Taro's JSX for `onClick`/`onTap` on `<Button openType='agreePrivacyAuthorization'>`, renamed to `onAgreePrivacyAuthorization` " +
      '(a Taro release older than its privacy-agreement support also needs the event registered with `@tarojs/plugin-inject`).',
    wrong: '<!-- index.wxml -->\n<button id="agree-btn" open-type="agreePrivacyAuthorization" bindtap="onAgree">同意</button>',
    right:
      '<!-- index.wxml -->\n<button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>',
  },
  checkScript({ model, platform, sourceFile }) {
    if (platform !== undefined && platform !== 'wechat') return [];
    const findings: RuleFinding[] = [];
    for (const element of model.jsxElementsOfOpenType('agreePrivacyAuthorization')) {
      if (jsxHasSpread(element) || jsxAttributeOf(element, taroAgreeEvent)) continue;
      for (const event of taroTapEvents) {
        const attribute = jsxAttributeOf(element, event);
        if (!attribute?.initializer || !ts.isIdentifier(attribute.name)) continue;
        findings.push({
          start: attribute.name.getStart(sourceFile),
          end: attribute.name.getEnd(),
          message:
            `\`${event}\` on the privacy agree button runs on the tap, not when WeChat has recorded the agreement: ` +
            `\`resolve({ buttonId, event: 'agree' })\` belongs after \`${taroAgreeEvent}\`. Pass the handler to \`${taroAgreeEvent}\`.`,
          fixes: [
            {
              title: `Rename \`${event}\` to \`${taroAgreeEvent}\``,
              // Not preferred (no ESLint autofix): a Taro release that predates the privacy agreement does not pass
              // the event on without `@tarojs/plugin-inject` (github.com/NervJS/taro/issues/14377, the maintainers'
              // answer: upgrade, or register the event with the plugin), so the rename is for the user to confirm.
              edits: [{ start: attribute.name.getStart(sourceFile), end: attribute.name.getEnd(), newText: taroAgreeEvent }],
            },
          ],
        });
      }
    }
    return findings;
  },
  checkMarkup({ facts }) {
    if (!facts.fillIn || facts.platform !== 'wechat') return [];
    const findings: RuleFinding[] = [];
    for (const element of facts.elements) {
      if (!openTypesOf(element).includes('agreePrivacyAuthorization')) continue;
      const bindings = facts.bindings.filter((b) => b.element === element);
      if (bindings.some((b) => b.event === agreeEvent)) continue;
      const seen = new Set<EventBinding['attribute']>();
      for (const binding of bindings) {
        const vue = binding.prefix === '@' || binding.prefix === 'v-on:';
        if (vue ? !isVueTap(binding) : !tapEvents.has(binding.event)) continue;
        if (seen.has(binding.attribute)) continue;
        seen.add(binding.attribute);
        const name = binding.attribute.name;
        // uni-app's spelling of the event is `@agreeprivacyauthorization` (catalog markup entry, spellings.uniApp).
        const agreeAttribute = vue ? `@${agreeEvent}` : `bind${agreeEvent}`;
        const renamed = vue
          ? /\./.test(name)
            ? undefined
            : `${binding.prefix}${agreeEvent}`
          : binding.event === 'tap' && binding.prefix === 'bind'
            ? name.replace(/tap$/i, agreeEvent)
            : undefined;
        findings.push({
          ...binding.attribute.nameSpan,
          message:
            `\`${name}\` on the privacy agree button runs on the tap, not when WeChat has recorded the agreement: ` +
            `\`resolve({ buttonId, event: 'agree' })\` belongs after \`${agreeAttribute}\`. Bind the handler to \`${agreeAttribute}\`.`,
          ...(renamed
            ? {
                fixes: [
                  {
                    title: `Rename \`${name}\` to \`${renamed}\``,
                    edits: [{ ...binding.attribute.nameSpan, newText: renamed }],
                    preferred: true,
                  },
                ],
              }
            : {}),
        });
      }
    }
    return findings;
  },
};
