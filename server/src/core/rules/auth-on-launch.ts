import { apiLabel, asksForConsent } from '../callFacts';
import type { Platform } from '../types';
import type { Rule, RuleFinding } from './rule';

/** Why asking at launch fails, for the platforms the call runs on (FACTS §12 for Alipay, §5.1 for WeChat). */
function launchReason(platforms: readonly Platform[]): string {
  const reasons: string[] = [];
  if (platforms.includes('alipay')) reasons.push("Alipay's rules forbid this");
  if (platforms.includes('wechat')) reasons.push('on WeChat it goes straight to `fail` without earlier consent, with no dialog');
  return reasons.length ? ` (${reasons.join('; ')})` : '';
}

export const rule: Rule = {
  id: 'auth-on-launch',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'A user-info request runs when the app launches (`App.onLaunch`/`onShow`) or a page opens (`onLoad`/`onShow`), rather than when the user asks for it.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    rationale:
      // FACTS §12 and seed 003 (Alipay's first-screen rule), §5.1 (WeChat's 2018 change).
      "Alipay's rules forbid asking for authorisation as the mini-program opens: users should understand it before they grant " +
      'anything. On WeChat, `wx.getUserInfo` without earlier consent has gone straight to `fail`, with no dialog, since 2018, so a ' +
      'request on launch gets nothing the user agreed to. Ask when the user taps something that needs their profile. ' +
      'The rule follows calls from the hook (`this.x()`, `that.x()`, callbacks), and stays quiet when the call only ' +
      "runs after testing that the scope is already granted (`res.authSetting['scope.userInfo']`); a `getSetting` callback that never " +
      'tests the scope does not count. `getUserProfile` is left to `not-in-tap-handler`, which reports it as an error.',
    wrong: 'Page({\n  onLoad() {\n    tt.getUserInfo({ success: (res) => this.setData({ userInfo: res.userInfo }) })\n  },\n})',
    right:
      'Page({\n  onTapShare() {\n    tt.getUserInfo({\n      success: (res) => this.setData({ userInfo: res.userInfo }),\n      fail: () => this.setData({ askManually: true }),\n    })\n  },\n})',
  },
  checkScript({ calls, model, platformsOf }) {
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      if (!asksForConsent(call) || call.api.constraints?.tapOnly) continue;
      const launch = model.launchEntriesReaching(call.node)[0];
      if (!launch || model.authGuarded(call.node, call.api.constraints?.authorizeScope ?? 'userInfo')) continue;
      const { hook, via } = launch;
      findings.push({
        ...call.callee,
        message:
          `\`${apiLabel(call)}\` runs from \`${hook}\`${via ? ` (through \`${via}\`)` : ''}: it asks for user information as the app or page opens, ` +
          `before the user asked for anything${launchReason(platformsOf(call))}. Ask when the user taps something that needs it.` +
          // Alipay warns that the consent dialog of my.getAuthCode, closing, fires onShow again (FACTS §12).
          (call.api.constraints?.consentScopes && hook === 'onShow'
            ? ' In `onShow` the dialog closing shows the page again, so it asks again and again.'
            : ''),
      });
    }
    return findings;
  },
};
