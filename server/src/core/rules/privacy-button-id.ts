import * as path from 'node:path';
import ts from 'typescript';
import { hasSpread, resolveStaticString } from '../calls';
import { jsxAttributeOf, jsxHasSpread, jsxLiteral, type MarkupHandlers, type PageModel } from '../model';
import type { Rule, RuleFinding } from './rule';

type AgreeButtons = MarkupHandlers['agreeButtons'] & { fileName: string };

/**
 * The agree buttons of a Taro page's own JSX (`<Button id='agree-btn' openType='agreePrivacyAuthorization'>`). Taro
 * hands a literal `id` on to the mini-program element as its id (Taro's runtime, dom/element.ts: setting `id` sets the
 * node's `uid`, which the template renders as the element's id).
 */
function jsxAgreeButtons(model: PageModel, fileName: string): AgreeButtons {
  const ids = new Set<string>();
  let count = 0;
  let unknownId = false;
  for (const element of model.jsxElementsOfOpenType('agreePrivacyAuthorization')) {
    count++;
    const id = jsxLiteral(jsxAttributeOf(element, 'id'))?.text.trim();
    if (!id || jsxHasSpread(element)) unknownId = true;
    else ids.add(id);
  }
  return { ids, count, unknownId, fileName: path.basename(fileName) };
}

export const rule: Rule = {
  id: 'privacy-button-id',
  defaultSeverity: 'warning',
  docs: {
    summary:
      "`resolve({ event: 'agree', buttonId })` of `wx.onNeedPrivacyAuthorization` names no `open-type=\"agreePrivacyAuthorization\"` button of the page's markup, or names none.",
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html: buttonId is the id of
      // the agree button, required with event 'agree'; the base library checks that this button was tapped.
      "When the user agrees, `resolve({ buttonId, event: 'agree' })` lets the waiting privacy interface go on. `buttonId` is the " +
      '`id` of the `<button open-type="agreePrivacyAuthorization">` the user tapped, and it is required with `event: \'agree\'`: WeChat ' +
      "checks that this button was tapped before it lets the interface continue. An id that matches none of the page's agree " +
      "buttons cannot pass that check. The rule compares with the agree buttons of the script's own markup (the WXML, the `.vue` " +
      "template, or a Taro page's own JSX) and stays quiet when it has none (the button may live in a component) or one of them " +
      'has a computed or missing id.',
    wrong:
      '<!-- index.wxml -->\n<button id="agree" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>\n\n// index.js\nPage({\n  onAgree() {\n    this.resolvePrivacy({ buttonId: \'agree-btn\', event: \'agree\' })\n  },\n})',
    right: "// index.js\nPage({\n  onAgree() {\n    this.resolvePrivacy({ buttonId: 'agree', event: 'agree' })\n  },\n})",
  },
  checkScript({ model, markup, platform, sourceFile, fileName }) {
    if (platform !== undefined && platform !== 'wechat') return [];
    const buttons: AgreeButtons | undefined = markup?.agreeButtons.count
      ? { ...markup.agreeButtons, fileName: markup.fileName }
      : model.jsxOpenTypes.length > 0
        ? jsxAgreeButtons(model, fileName)
        : undefined;
    if (!buttons || buttons.count === 0 || buttons.unknownId) return [];
    const ids = [...buttons.ids];
    const only = ids.length === 1 ? ids[0]! : undefined;
    const named = ids.map((id) => `\`${id}\``).join(', ');
    const findings: RuleFinding[] = [];
    for (const { options, buttonId } of model.privacyAgreements()) {
      if (!buttonId) {
        if (hasSpread(options)) continue;
        findings.push({
          start: options.getStart(sourceFile),
          end: options.getEnd(),
          message: `\`event: 'agree'\` needs the \`buttonId\` of the agree button the user tapped (${named} in ${buttons.fileName}): WeChat checks that button before the privacy interface goes on.`,
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
      if (value === undefined || buttons.ids.has(value)) continue;
      const literal = ts.isStringLiteralLike(buttonId.initializer) ? buttonId.initializer : undefined;
      findings.push({
        start: buttonId.initializer.getStart(sourceFile),
        end: buttonId.initializer.getEnd(),
        message: `No \`open-type="agreePrivacyAuthorization"\` button in ${buttons.fileName} has the id \`${value}\` (its agree buttons: ${named}): WeChat checks that the named button was tapped, so the privacy interface cannot go on.`,
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
