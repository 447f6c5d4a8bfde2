import type { GestureVerdict } from '../model';
import type { Rule, RuleFinding } from './rule';

function where(verdict: Exclude<GestureVerdict, { ok: true }>): string {
  switch (verdict.reason) {
    case 'callback':
      return `runs inside ${verdict.detail}, after the tap gesture has ended`;
    case 'await':
      return verdict.detail
        ? `runs after an \`await\` (in ${verdict.detail}), when the tap gesture has ended`
        : 'runs after an `await`, when the tap gesture has ended';
    case 'lifecycle':
      return `runs from the lifecycle hook \`${verdict.detail}\`, not from a user tap`;
    case 'module':
      return 'runs when the module loads, not from a user tap';
    case 'not-bound':
      return `is not reached from a tap handler: ${verdict.detail}`;
  }
}

export const rule: Rule = {
  id: 'not-in-tap-handler',
  defaultSeverity: 'error',
  docs: {
    summary: '`getUserProfile` (wx, tt, Taro, uni) is called outside the synchronous part of a user-tap handler.',
    platforms: ['wechat', 'douyin', 'taro', 'uni-app'],
    rationale:
      'The platform only shows the profile dialog while a tap gesture is alive: in the handler a `bindtap`/`catchtap` ' +
      '(Alipay `onTap`, Taro `onClick`) names, or in a function it calls synchronously. In the callback of another API, ' +
      // FACTS §6.1 (WeChat, including async callbacks), §6.5 (Douyin's wording, forum reports), §3.4 (tt tap only).
      'after an `await`, in `setTimeout`, `.then` or a lifecycle hook the call fails with ' +
      '`getUserProfile:fail can only be invoked by user TAP gesture.` on WeChat; Douyin users report ' +
      '`getUserProfile:fail must be invoked by user tap gesture` outside a tap.',
    wrong:
      "Page({\n  onLoad() {\n    wx.getUserProfile({ desc: '用于完善会员资料', success: (res) => this.save(res) })\n  },\n})",
    right:
      '<!-- index.wxml -->\n<button bindtap="onTapProfile">完善资料</button>\n\n// index.js\nPage({\n  onTapProfile() {\n    wx.getUserProfile({ desc: \'用于完善会员资料\', success: (res) => this.save(res) })\n  },\n})',
    uniApp: {
      wrong:
        '<!-- index.vue -->\n<template>\n  <button data-eventsync="true" @tap="onTapLogin">微信登录</button>\n</template>\n\n<script setup>\nfunction onTapLogin() {\n  uni.login({\n    success: () => {\n      uni.getUserProfile({ desc: \'用于完善会员资料\', fail() {} })\n    },\n  })\n}\n</script>',
      right:
        '<!-- index.vue -->\n<template>\n  <button data-eventsync="true" @tap="onTapLogin">微信登录</button>\n</template>\n\n<script setup>\nfunction onTapLogin() {\n  uni.getUserProfile({\n    desc: \'用于完善会员资料\',\n    success: (profile) => uni.login({ success: (res) => save(res.code, profile.userInfo) }),\n    fail() {},\n  })\n}\n</script>',
    },
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (!call.api.constraints?.tapOnly) continue;
      const verdict = context.model.gestureVerdict(call.node, context.markup);
      if (!verdict || verdict.ok) continue;
      const name = `${call.ref.namespace}.${call.ref.name}`;
      // The gesture error of the platforms the call runs on (a uni or Taro entry lists WeChat's and Douyin's).
      const runsOn = context.platformsOf(call);
      const runtime = [
        ...new Set(
          call.api.errors
            .filter((e) => /gesture/i.test(e.errMsg) && (!e.platform || runsOn.includes(e.platform)))
            .map((e) => `"${e.errMsg}"`),
        ),
      ];
      const failure = runtime.length > 0 ? `; otherwise it fails with ${runtime.join(' or ')}` : '';
      if (verdict.reason === 'not-bound' && verdict.referenced === false) {
        // Nothing binds or calls the method: it may be dead code, or bound from somewhere the page does not show.
        findings.push({
          ...call.callee,
          severity: 'hint',
          message: `\`${name}\` ${where(verdict)}, and nothing in the page calls it. Bind it to a tap: it only works there${failure}`,
        });
        continue;
      }
      findings.push({
        ...call.callee,
        message: `\`${name}\` ${where(verdict)}. Call it directly in a tap handler${failure}`,
      });
    }
    return findings;
  },
};
