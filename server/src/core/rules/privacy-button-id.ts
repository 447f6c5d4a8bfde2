import ts from 'typescript';
import { hasSpread, resolveStaticString } from '../calls';
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  id: 'privacy-button-id',
  defaultSeverity: 'warning',
  docs: {
    summary:
      "`resolve({ event: 'agree', buttonId })` of `wx.onNeedPrivacyAuthorization` names no `open-type=\"agreePrivacyAuthorization\"` button of the page's markup, or names none.",
    platforms: ['wechat'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html: buttonId is the id of
      // the agree button, required with event 'agree'; the base library checks that this button was tapped.
      "When the user agrees, `resolve({ buttonId, event: 'agree' })` lets the waiting privacy interface go on. `buttonId` is the " +
      '`id` of the `<button open-type="agreePrivacyAuthorization">` the user tapped, and it is required with `event: \'agree\'`: WeChat ' +
      "checks that this button was tapped before it lets the interface continue. An id that matches none of the page's agree " +
      "buttons cannot pass that check. The rule compares with the agree buttons of the script's own markup and stays quiet when " +
      'the markup has none (the button may live in a component) or one of them has a computed or missing id.',
    wrong:
      '<!-- index.wxml -->\n<button id="agree" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>\n\n// index.js\nPage({\n  onAgree() {\n    this.resolvePrivacy({ buttonId: \'agree-btn\', event: \'agree\' })\n  },\n})',
    right: "// index.js\nPage({\n  onAgree() {\n    this.resolvePrivacy({ buttonId: 'agree', event: 'agree' })\n  },\n})",
  },
  checkScript({ model, markup, platform, sourceFile }) {
    if (!markup || markup.agreeButtons.count === 0 || markup.agreeButtons.unknownId) return [];
    if (platform !== undefined && platform !== 'wechat') return [];
    const ids = [...markup.agreeButtons.ids];
    const only = ids.length === 1 ? ids[0]! : undefined;
    const named = ids.map((id) => `\`${id}\``).join(', ');
    const findings: RuleFinding[] = [];
    for (const { options, buttonId } of model.privacyAgreements()) {
      if (!buttonId) {
        if (hasSpread(options)) continue;
        findings.push({
          start: options.getStart(sourceFile),
          end: options.getEnd(),
          message: `\`event: 'agree'\` needs the \`buttonId\` of the agree button the user tapped (${named} in ${markup.fileName}): WeChat checks that button before the privacy interface goes on.`,
          ...(only
            ? {
                fixes: [
                  { title: `Add \`buttonId: '${only}'\``, edits: [addButtonId(options, only, sourceFile)], preferred: true },
                ],
              }
            : {}),
        });
        continue;
      }
      const value = resolveStaticString(buttonId.initializer, model);
      if (value === undefined || markup.agreeButtons.ids.has(value)) continue;
      const literal = ts.isStringLiteralLike(buttonId.initializer) ? buttonId.initializer : undefined;
      findings.push({
        start: buttonId.initializer.getStart(sourceFile),
        end: buttonId.initializer.getEnd(),
        message: `No \`open-type="agreePrivacyAuthorization"\` button in ${markup.fileName} has the id \`${value}\` (its agree buttons: ${named}): WeChat checks that the named button was tapped, so the privacy interface cannot go on.`,
        ...(only && literal
          ? {
              fixes: [
                {
                  title: `Use the agree button's id \`${only}\``,
                  edits: [{ start: literal.getStart(sourceFile) + 1, end: literal.getEnd() - 1, newText: only }],
                  preferred: true,
                },
              ],
            }
          : {}),
      });
    }
    return findings;
  },
};

function addButtonId(options: ts.ObjectLiteralExpression, id: string, sourceFile: ts.SourceFile) {
  const first = options.properties[0]!;
  const start = first.getStart(sourceFile);
  const quote = sourceFile.text.slice(start, options.getEnd()).includes('"') ? '"' : "'";
  return { start, end: start, newText: `buttonId: ${quote}${id}${quote}, ` };
}
