import ts from 'typescript';
import { getOption } from '../../catalog';
import { apiLabel, optionMattersOn, platformLabel } from '../callFacts';
import { propertyNameText } from '../parse';
import { closestMatch } from '../spelling';
import type { Rule, RuleFinding } from './rule';

/** The span of a property's name text (inside the quotes of `'lng': …`). */
function nameTextSpan(name: ts.PropertyName, sourceFile: ts.SourceFile) {
  const start = name.getStart(sourceFile);
  const end = name.getEnd();
  return ts.isStringLiteral(name) ? { start: start + 1, end: end - 1 } : { start, end };
}

/** Renames a property's key; a shorthand `{ descr }` becomes `{ desc: descr }` so its value stays the same. */
function renameEdit(property: ts.ObjectLiteralElementLike & { name: ts.PropertyName }, key: string, sourceFile: ts.SourceFile) {
  if (ts.isShorthandPropertyAssignment(property)) {
    return { start: property.name.getStart(sourceFile), end: property.name.getEnd(), newText: `${key}: ${property.name.text}` };
  }
  return { ...nameTextSpan(property.name, sourceFile), newText: key };
}

export const rule: Rule = {
  id: 'unknown-option',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'An options object passes a key the API does not take (a typo such as `long` for `lang`), or one that has no effect on this platform.',
    platforms: ['wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    rationale:
      'The platforms ignore keys they do not know, so a misspelt option fails silently: `lang` falls back to English, a misspelt `desc` ' +
      'leaves `getUserProfile` without its required reason, a misspelt `fail` leaves refusals unhandled. The rule suggests the closest ' +
      "option (an edit distance of at most a third of the key's length) and offers to rename it. For Taro APIs it also reports options " +
      "that only one platform reads, such as `force` on WeChat, when the project's platform is known.",
    wrong: "wx.getUserProfile({ descr: '用于完善会员资料', long: 'zh_CN' })",
    right: "wx.getUserProfile({ desc: '用于完善会员资料', lang: 'zh_CN' })",
  },
  checkScript({ calls, sourceFile, platformsOf }) {
    const findings: RuleFinding[] = [];
    const checked = new Set<ts.ObjectLiteralExpression>();
    for (const call of calls) {
      // One options object shared by several calls of the same API is checked once.
      if (!call.options || checked.has(call.options)) continue;
      checked.add(call.options);
      const name = apiLabel(call);
      for (const property of call.options.properties) {
        if (ts.isSpreadAssignment(property) || !property.name) continue;
        const key = propertyNameText(property.name);
        if (key === undefined) continue;
        const span = { start: property.name.getStart(sourceFile), end: property.name.getEnd() };
        const option = getOption(call.api, key);
        if (option) {
          // A required option (Taro's `desc`) stays, even where the platform ignores it: the types demand it.
          const runs = platformsOf(call);
          if (option.platforms && !optionMattersOn(option, runs) && !option.required) {
            const where = option.platforms.map((p) => platformLabel[p]).join(' and ');
            const ignoring = runs.map((p) => platformLabel[p]).join(' and ');
            findings.push({
              ...span,
              message: `\`${key}\` of \`${name}\` only has an effect on ${where}; ${ignoring} ${runs.length > 1 ? 'ignore' : 'ignores'} it.`,
            });
          }
          continue;
        }
        const known = call.api.options.map((o) => o.name);
        const suggestion = closestMatch(key, known);
        if (suggestion) {
          findings.push({
            ...span,
            message: `\`${name}\` has no option \`${key}\`, so it is ignored. Did you mean \`${suggestion}\`?`,
            fixes: [
              { title: `Rename to \`${suggestion}\``, preferred: true, edits: [renameEdit(property, suggestion, sourceFile)] },
            ],
          });
        } else if (call.ref.namespace !== 'uni') {
          // uni-app hands keys it does not know to the platform's API, and its App and Web builds take keys of their
          // own (`onlyAuthorize`, `univerifyStyle`): there only a likely misspelling is reported.
          findings.push({
            ...span,
            message: `\`${name}\` has no option \`${key}\`, so it is ignored. It takes: ${known.map((k) => `\`${k}\``).join(', ')}.`,
          });
        }
      }
    }
    return findings;
  },
};
