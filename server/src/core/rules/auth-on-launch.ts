import { apiLabel, asksForConsent } from '../callFacts';
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  id: 'auth-on-launch',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A user-info request runs when the app launches (`App.onLaunch`/`onShow`) or a page opens (`onLoad`/`onShow`), rather than when the user asks for it.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro'],
    rationale:
      'WeChat, Alipay and Douyin all forbid asking for authorisation as the mini-program or a page opens: the user has to choose to share, ' +
      'by tapping something that needs their profile. A consent dialog on launch, or a request that silently fails there, is the kind of ' +
      'flow review rejects. The rule follows calls from the hook (`this.x()`, `that.x()`, callbacks), and stays quiet when the call only ' +
      'runs after testing that the scope is already granted (`res.authSetting[\'scope.userInfo\']`); a `getSetting` callback that never ' +
      'tests the scope does not count. `getUserProfile` is left to `not-in-tap-handler`, which reports it as an error.',
    wrong: "Page({\n  onLoad() {\n    tt.getUserInfo({ success: (res) => this.setData({ userInfo: res.userInfo }) })\n  },\n})",
    right:
      "Page({\n  onTapShare() {\n    tt.getUserInfo({\n      success: (res) => this.setData({ userInfo: res.userInfo }),\n      fail: () => this.setData({ askManually: true }),\n    })\n  },\n})",
  },
  checkScript({ calls, model }) {
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      if (!asksForConsent(call) || call.api.constraints?.tapOnly) continue;
      const launch = model.launchEntriesReaching(call.node)[0];
      if (!launch || model.authGuarded(call.node, call.api.constraints?.authorizeScope ?? 'userInfo')) continue;
      const { hook, via } = launch;
      findings.push({
        ...call.callee,
        message:
          `\`${apiLabel(call)}\` runs from \`${hook}\`${via ? ` (through \`${via}\`)` : ''}: asking for user information as the app or page opens is ` +
          'against the platform rules. Ask when the user taps something that needs it.' +
          // Alipay warns that a consent dialog closing fires onShow again (FACTS §12).
          (call.ref.namespace === 'my' && hook === 'onShow' ? ' In `onShow` the dialog closing shows the page again, so it asks again and again.' : ''),
      });
    }
    return findings;
  },
};
