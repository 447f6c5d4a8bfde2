import ts from 'typescript';
import { resolveApiReference } from '../calls';
import { apiLabel } from '../callFacts';
import { MemberReach, memberReachOf, type DefinitionMember } from '../pageMembers';
import { propertyNameText } from '../parse';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** Taro's hooks that run when the app launches or the page loads. */
const launchHooks = new Set(['useLaunch', 'useLoad']);

/** The lifecycle a member is, when it is the app's launch or a page's load. */
function launchHookOf(member: DefinitionMember): string | undefined {
  if (member.name === 'onLaunch' && (member.kind === 'App' || member.kind === 'class')) return 'App.onLaunch';
  if (member.name !== 'onLoad') return undefined;
  if (member.kind === 'Page' || member.kind === 'class') return 'onLoad';
  return member.kind === 'Component' && member.group === 'methods' ? 'onLoad' : undefined;
}

/**
 * True when the call only runs once the user has already granted the scope: inside a branch that tests
 * `authSetting` (`if (res.authSetting['scope.userInfo'])`) or the success callback of `getSetting`.
 */
function afterGrantCheck(call: ts.CallExpression, context: ScriptRuleContext): boolean {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    const condition = ts.isIfStatement(node)
      ? node.expression
      : ts.isConditionalExpression(node)
        ? node.condition
        : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
          ? node.left
          : undefined;
    if (condition && /authSetting|authErrorScopes|authSuccessScopes/.test(condition.getText(context.sourceFile))) return true;
    // success: (res) => { … } of wx.getSetting / my.getSetting / tt.getSetting
    if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) {
      const object = node.parent;
      const settings = object?.parent;
      if (propertyNameText(node.name) === 'success' && object && ts.isObjectLiteralExpression(object) && settings && ts.isCallExpression(settings)) {
        if (resolveApiReference(settings.expression, context.aliases)?.name === 'getSetting') return true;
      }
    }
  }
  return false;
}

export const rule: Rule = {
  id: 'auth-on-launch',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A user-info request runs when the app launches (`App.onLaunch`) or a page loads (`onLoad`), rather than when the user asks for it.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro'],
    rationale:
      'WeChat, Alipay and Douyin all forbid asking for authorisation as the mini-program or a page opens: the user has to choose to share, ' +
      'by tapping something that needs their profile. A consent dialog on launch, or a request that silently fails there, is the kind of ' +
      'flow review rejects. The rule follows `this.x()` calls from the hook, and stays quiet when the call only runs after checking ' +
      'that the scope is already granted (`authSetting`). `getUserProfile` is left to `not-in-tap-handler`, which reports it as an error.',
    wrong: "Page({\n  onLoad() {\n    tt.getUserInfo({ success: (res) => this.setData({ userInfo: res.userInfo }) })\n  },\n})",
    right:
      "Page({\n  onTapShare() {\n    tt.getUserInfo({\n      success: (res) => this.setData({ userInfo: res.userInfo }),\n      fail: () => this.setData({ askManually: true }),\n    })\n  },\n})",
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (call.api.role === 'support' || call.api.constraints?.tapOnly) continue;
      let hook = MemberReach.insideCallbackOf(call.node, launchHooks);
      let via: string | undefined;
      if (!hook) {
        const members = memberReachOf(context.sourceFile).membersReaching(call.node);
        const launcher = members.find((m) => launchHookOf(m));
        if (launcher) {
          hook = launchHookOf(launcher);
          const owner = members[0];
          via = owner && owner !== launcher ? owner.name : undefined;
        }
      }
      if (!hook || afterGrantCheck(call.node, context)) continue;
      findings.push({
        ...call.callee,
        message:
          `\`${apiLabel(call)}\` runs from \`${hook}\`${via ? ` (through \`${via}\`)` : ''}: asking for user information as the app or page opens is ` +
          'against the platform rules. Ask when the user taps something that needs it.',
      });
    }
    return findings;
  },
};
