import { eventSinks } from './avatar-not-uploaded';
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  id: 'nickname-read-on-input',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'The nickname of an `<input type="nickname">` is read in its `bindinput`/`bindblur` handler and then stored or sent to a server, instead of being read when a form is submitted.',
    platforms: ['wechat', 'uni-app'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html (zh and en): since base library
      // 2.24.4 the nickname is checked asynchronously after blur and cleared when rejected; read it from a form submit.
      'Since base library 2.24.4 WeChat checks the nickname typed or picked in `<input type="nickname">` after the input loses ' +
      'focus, asynchronously, and clears the input when the check rejects it. A value taken from `bindinput` or `bindblur` was read ' +
      'before that check, so a rejected nickname still reaches your storage or your server (and stays in `data` when the handler ' +
      'keeps it there). WeChat advises collecting the input through a `<form>` submitted by a `form-type="submit"` button, whose ' +
      '`e.detail.value` holds what is left in the input. The rule follows the value from the handler and through `setData` into any ' +
      'method of the page; it stays quiet when the input also binds `nicknamereview` (the event that reports the check) or the value ' +
      'goes to a function it does not follow.',
    wrong:
      '<!-- index.wxml -->\n<input type="nickname" bindinput="onNickname" />\n<button bindtap="onSave">保存</button>\n\n// index.js\nPage({\n  onNickname(e) {\n    this.setData({ nickName: e.detail.value })\n  },\n  onSave() {\n    wx.request({ url: \'https://example.com/profile\', method: \'POST\', data: { nickName: this.data.nickName } })\n  },\n})',
    right:
      '<!-- index.wxml -->\n<form bindsubmit="onSave">\n  <input type="nickname" name="nickName" />\n  <button form-type="submit">保存</button>\n</form>\n\n// index.js\nPage({\n  onSave(e) {\n    wx.request({ url: \'https://example.com/profile\', method: \'POST\', data: { nickName: e.detail.value.nickName } })\n  },\n})',
  },
  checkScript({ model, markup, platform }) {
    if (!markup || markup.nicknameHandlers.size === 0 || (platform !== undefined && platform !== 'wechat')) return [];
    const found = eventSinks(model, markup.nicknameHandlers, ['detail', 'value']);
    if (!found) return [];
    const { sinks, names } = found;
    return sinks.map((sink): RuleFinding => {
      const through = sink.dataKey ? ` (kept in \`data.${sink.dataKey}\`)` : '';
      const verb = sink.kind === 'storage' ? 'stores' : 'sends';
      return {
        start: sink.start,
        end: sink.end,
        message:
          `\`${sink.label}\` ${verb} the nickname read in ${names}${through} before WeChat's content check, which runs after blur and clears a rejected nickname from the input only. ` +
          'Read it from the form\'s submit event (`<form bindsubmit>` with a `form-type="submit"` button, `e.detail.value`) instead.',
      };
    });
  },
};
