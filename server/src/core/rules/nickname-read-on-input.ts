import { jsxAttributeOf, jsxHasSpread, type PageModel } from '../model';
import { eventSinks } from './avatar-not-uploaded';
import type { Rule, RuleFinding } from './rule';

/**
 * The handlers of Taro's `<Input type='nickname' onInput={…} onBlur={…}>` (Taro's Input types: `onInput`, `onBlur`,
 * `onNickNameReview`; docs.taro.zone/docs/components/forms/input), on inputs that do not also listen to the review.
 */
function jsxNicknameHandlers(model: PageModel) {
  return model.jsxNicknameInputs.flatMap((element) => {
    if (jsxHasSpread(element) || jsxAttributeOf(element, 'onNickNameReview')) return [];
    return ['onInput', 'onBlur'].flatMap((event) =>
      (model.jsxEventHandlers(element, event) ?? []).map((facts) => ({ name: facts.name ?? event, fn: facts.node })),
    );
  });
}

export const rule: Rule = {
  id: 'nickname-read-on-input',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'The nickname of an `<input type="nickname">` is read in its `bindinput`/`bindblur` handler and then stored or sent to a server, instead of being read when a form is submitted.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html (zh and en): since base library
      // 2.24.4 the nickname is checked asynchronously after blur and cleared when rejected; read it from a form submit.
      'Since base library 2.24.4 WeChat checks the nickname typed or picked in `<input type="nickname">` after the input loses ' +
      'focus, asynchronously, and clears the input when the check rejects it. A value taken from `bindinput` or `bindblur` was read ' +
      'before that check, so a rejected nickname still reaches your storage or your server (and stays in `data` when the handler ' +
      'keeps it there). WeChat advises collecting the input through a `<form>` submitted by a `form-type="submit"` button, whose ' +
      '`e.detail.value` holds what is left in the input. The rule follows the value from the handler into the functions of the ' +
      'page that read it back (`setData` and `this.data`, `setState` and `this.state`, `this.x` of a Vue component, a Vue `ref`, ' +
      'React state) until it is overwritten; it stays quiet when the input also ' +
      'binds `nicknamereview` (the event that reports the check) or the value goes to a function it does not follow. Taro pages ' +
      "are read from `<Input type='nickname' onInput={…} onBlur={…}>`, uni-app pages from the `.vue` template's `@input`/`@blur`.",
    wrong:
      '<!-- index.wxml -->\n<input type="nickname" bindinput="onNickname" />\n<button bindtap="onSave">保存</button>\n\n// index.js\nPage({\n  onNickname(e) {\n    this.setData({ nickName: e.detail.value })\n  },\n  onSave() {\n    wx.request({ url: \'https://example.com/profile\', method: \'POST\', data: { nickName: this.data.nickName } })\n  },\n})',
    right:
      '<!-- index.wxml -->\n<form bindsubmit="onSave">\n  <input type="nickname" name="nickName" />\n  <button form-type="submit">保存</button>\n</form>\n\n// index.js\nPage({\n  onSave(e) {\n    wx.request({ url: \'https://example.com/profile\', method: \'POST\', data: { nickName: e.detail.value.nickName } })\n  },\n})',
  },
  checkScript({ model, markup, platform, fileName }) {
    if (platform !== undefined && platform !== 'wechat') return [];
    const jsx = jsxNicknameHandlers(model);
    if ((!markup || markup.nicknameHandlers.size === 0) && jsx.length === 0) return [];
    const found = eventSinks(model, markup?.nicknameHandlers ?? [], ['detail', 'value'], jsx);
    if (!found) return [];
    const { sinks, names } = found;
    // The form in the page's own dialect (catalog markup entries: Taro `onSubmit`/`formType`, uni-app `@submit`).
    const form =
      jsx.length > 0
        ? "`<Form onSubmit>` with a `formType='submit'` button"
        : fileName.endsWith('.vue')
          ? '`<form @submit>` with a `form-type="submit"` button'
          : '`<form bindsubmit>` with a `form-type="submit"` button';
    return sinks.map((sink): RuleFinding => {
      const through = sink.through ? ` (kept in \`${sink.through}\`)` : '';
      const verb = sink.kind === 'storage' ? 'stores' : 'sends';
      return {
        start: sink.start,
        end: sink.end,
        message:
          `\`${sink.label}\` ${verb} the nickname read in ${names}${through} before WeChat's content check, which runs after blur and clears a rejected nickname from the input only. ` +
          `Read it from the form's submit event (${form}, \`e.detail.value\`) instead.`,
      };
    });
  },
};
