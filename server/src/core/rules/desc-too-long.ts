import { getOption } from '../../catalog';
import { optionMattersOn } from '../callFacts';
import { findProperty, resolveStaticString } from '../calls';
import type { Rule, RuleFinding } from './rule';
import { descValueOf } from './desc-missing';

/** Length in code points (what a person calls characters). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Length as WeChat is observed to count `desc`: ASCII counts 1, every other character 2, so at most 15
 * Chinese characters fit in 30 (FACTS §8: community reports; the docs only say "30 characters").
 */
export function weightedLength(text: string): number {
  let count = 0;
  for (const char of text) count += char.codePointAt(0)! <= 0x7f ? 1 : 2;
  return count;
}

export const rule: Rule = {
  id: 'desc-too-long',
  defaultSeverity: 'error',
  docs: {
    summary:
      'The `desc` of `getUserProfile` is over the documented 30 characters, or over 30 when non-ASCII characters count 2 as WeChat is observed to count them.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // FACTS §6.2 (the errMsg for a too-long desc), §8.1 (the doc's 30 characters), §8.2 (community reports, no official rule).
      'A `desc` that is too long makes the call fail with `getUserProfile:fail desc length does not meet the requirements`. ' +
      'The documentation says 30 characters without saying how they are counted; community reports fit a count of 2 for every ' +
      'non-ASCII character, so a Chinese `desc` fits only 15 characters. Over 30 characters is an error; over 30 only in the ' +
      'weighted count is a warning, since it rests on observed behaviour.',
    wrong: "wx.getUserProfile({ desc: '用于展示用户头像、昵称并完善会员信息' })",
    right: "wx.getUserProfile({ desc: '用于完善会员资料' })",
  },
  checkScript({ calls, model, sourceFile, platformsOf }) {
    const findings: RuleFinding[] = [];
    for (const call of calls) {
      const limit = call.api.constraints?.descMaxLength;
      if (limit === undefined || !call.options || !optionMattersOn(getOption(call.api, 'desc'), platformsOf(call))) continue;
      const value = descValueOf(findProperty(call.options, 'desc'));
      if (!value) continue;
      const desc = resolveStaticString(value, model);
      if (desc === undefined) continue;
      const chars = codePointLength(desc);
      const weighted = weightedLength(desc);
      if (weighted <= limit) continue;
      const span = { start: value.getStart(sourceFile), end: value.getEnd() };
      const runtime = call.api.errors.find((e) => /desc length/i.test(e.errMsg))?.errMsg;
      const failure = runtime ? ` and the call fails with "${runtime}"` : '';
      if (chars > limit) {
        findings.push({
          ...span,
          severity: 'error',
          message: `\`desc\` is ${chars} characters (${weighted} counting non-ASCII as 2); the limit is ${limit}${failure}. Shorten it.`,
        });
      } else {
        findings.push({
          ...span,
          severity: 'warning',
          message:
            `\`desc\` is ${chars} characters, but WeChat is observed to count non-ASCII characters as 2, which makes ${weighted} of the ${limit} allowed ` +
            `(community reports; the docs only say ${limit} characters)${runtime ? `, and such calls are reported to fail with "${runtime}"` : ''}. ` +
            `Keep it to ${Math.floor(limit / 2)} Chinese characters.`,
        });
      }
    }
    return findings;
  },
};
