import ts from 'typescript';
import { findProperty, hasSpread, resolveStaticString } from '../calls';
import { getOption } from '../../catalog';
import { optionMattersOn } from '../callFacts';
import { insertFirstProperty } from '../edits';
import type { Rule, RuleFinding } from './rule';

/** The expression a `desc` property holds (`desc: x`, or the name of a shorthand `{ desc }`). */
export function descValueOf(property: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!property) return undefined;
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

export const rule: Rule = {
  id: 'desc-missing',
  defaultSeverity: 'error',
  docs: {
    summary:
      '`wx.getUserProfile`, `Taro.getUserProfile` or `uni.getUserProfile` (built for WeChat) is called without a non-empty `desc`.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // FACTS §8.1 (the doc marks desc required), §6.2 (no errMsg found for a missing or empty desc), §7.4 (Taro's types).
      "The profile dialog shows `desc` to the user as the reason for the request, and WeChat's documentation and Taro's types " +
      'mark it required. What the call does without it is not documented (no exact `errMsg` is known), and an empty string ' +
      "gives the user no reason either. Douyin's `tt.getUserProfile` takes no `desc` and is not checked.",
    wrong: 'wx.getUserProfile({\n  success: (res) => this.setData({ userInfo: res.userInfo }),\n})',
    right: "wx.getUserProfile({\n  desc: '用于完善会员资料',\n  success: (res) => this.setData({ userInfo: res.userInfo }),\n})",
  },
  checkScript({ calls, model, sourceFile, platformsOf }) {
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      const limit = call.api.constraints?.descMaxLength;
      // `uni.getUserProfile` in a `#ifdef MP-TOUTIAO` region runs Douyin's, which takes no desc.
      if (limit === undefined || call.opaqueOptions || !optionMattersOn(getOption(call.api, 'desc'), platformsOf(call))) continue;
      const name = `${call.ref.namespace}.${call.ref.name}`;
      const requirement = `a \`desc\` of at most ${limit} characters telling the user why you ask`;
      if (!call.options) {
        const open = call.node.arguments.pos;
        findings.push({
          ...call.callee,
          message: `\`${name}\` is called without options; it needs ${requirement}.`,
          fixes: [
            {
              title: "Add desc: ''",
              preferred: true,
              edits: [{ start: open, end: call.node.arguments.end, newText: "{ desc: '$1' }", snippet: true }],
            },
          ],
        });
        continue;
      }
      if (hasSpread(call.options)) continue;
      const property = findProperty(call.options, 'desc');
      if (!property) {
        findings.push({
          ...call.callee,
          message: `\`${name}\` has no \`desc\`; it needs ${requirement}.`,
          fixes: [
            { title: "Add desc: ''", preferred: true, edits: [insertFirstProperty(call.options, "desc: '$1'", sourceFile)] },
          ],
        });
        continue;
      }
      const value = descValueOf(property);
      const resolved = value ? resolveStaticString(value, model) : undefined;
      if (resolved !== undefined && resolved.trim() === '') {
        findings.push({ ...call.callee, message: `\`${name}\` has an empty \`desc\`; it needs ${requirement}.` });
      }
    }
    return findings;
  },
};
