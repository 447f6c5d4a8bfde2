import type ts from 'typescript';
import type { PageModel } from '../model';
import type { Span } from '../types';
import { uploadCalls, type FlowOptions, type ValueSink } from '../valueFlow';
import type { Rule, RuleFinding } from './rule';

/**
 * Where the value at `path` of an event goes from the page methods `handlerNames`: the stores and sends with the span
 * of their callee, the handler names as messages list them, and whether the value itself reached an upload (with
 * `followUploads`); nothing when the value may go where the model does not follow it.
 */
export function eventSinks(
  model: PageModel,
  handlerNames: Iterable<string>,
  path: readonly string[],
  jsxHandlers: ReadonlyArray<{ name: string; fn: ts.FunctionLikeDeclaration }> = [],
  options: FlowOptions = {},
): { sinks: Array<ValueSink & Span>; names: string; uploaded: boolean } | undefined {
  const handlers = [
    ...[...handlerNames].flatMap((name) => model.handlerFunctionsNamed(name).map((fn) => ({ name, fn }))),
    ...jsxHandlers,
  ];
  if (handlers.length === 0) return undefined;
  const flow = model.eventValueFlow(
    handlers.map((h) => h.fn),
    path,
    options,
  );
  if (flow.escapes) return undefined;
  const sourceFile = model.sourceFile;
  return {
    sinks: flow.sinks.map((sink) => ({
      ...sink,
      start: sink.call.expression.getStart(sourceFile),
      end: sink.call.expression.getEnd(),
    })),
    names: [...new Set(handlers.map((h) => `\`${h.name}\``))].join(', '),
    uploaded: flow.uploaded,
  };
}

/** The upload APIs to name, in the namespace the page writes (`Taro.setStorageSync` → `Taro.uploadFile`). */
function uploadHint(label: string): string {
  const namespace = /^(Taro|uni)\./.exec(label)?.[1];
  return namespace ? `\`${namespace}.uploadFile\`` : '`wx.uploadFile`, `wx.cloud.uploadFile`';
}

export const rule: Rule = {
  id: 'avatar-not-uploaded',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'The avatar a `bindchooseavatar` handler receives (`e.detail.avatarUrl`, a temporary local path) is stored or sent to a server without being uploaded first.',
    platforms: ['wechat', 'taro', 'uni-app'],
    rationale:
      // developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html (the avatar is a temporary path);
      // developers.weixin.qq.com/miniprogram/dev/framework/ability/file-system.html (temporary files, per-user sandbox).
      '`<button open-type="chooseAvatar">` hands its handler the temporary path of the chosen picture. WeChat only guarantees a ' +
      'temporary file for the current run of the mini-program: after a restart it may be gone, so a path kept in storage shows a ' +
      "broken avatar. The path also names a file in this user's sandbox on this device, so a server that receives it cannot show it " +
      'to anyone. Upload the file first (`wx.uploadFile` to your server, `wx.cloud.uploadFile` to cloud storage) and keep the URL or ' +
      'file ID you get back; to keep it only on the device, save it with the file-system manager. The rule follows the path from ' +
      'the handler into the functions of the page that read it back (`setData` and `this.data`, `setState` and `this.state`, `this.x` ' +
      'of a Vue component, a Vue `ref`, React state), and stays quiet when it hands the path to a function it does not follow. When the page uploads or saves ' +
      'a file, only the path itself stored or sent beside its own upload is reported, not a kept value read back, which may ' +
      'hold the uploaded URL by then. Taro pages are read from `<Button openType="chooseAvatar" ' +
      "onChooseAvatar={…}>`, uni-app pages from the `.vue` template's `@chooseavatar`.",
    wrong:
      '<!-- index.wxml -->\n<button open-type="chooseAvatar" bindchooseavatar="onChooseAvatar">头像</button>\n\n// index.js\nPage({\n  onChooseAvatar(e) {\n    wx.setStorageSync(\'avatarUrl\', e.detail.avatarUrl)\n  },\n})',
    right:
      "// index.js\nPage({\n  onChooseAvatar(e) {\n    wx.cloud.uploadFile({\n      cloudPath: `avatars/${Date.now()}.png`,\n      filePath: e.detail.avatarUrl,\n      success: (res) => wx.setStorageSync('avatarFileID', res.fileID),\n    })\n  },\n})",
  },
  checkScript({ model, markup, platform }) {
    if (platform !== undefined && platform !== 'wechat') return [];
    // Taro: `<Button openType='chooseAvatar' onChooseAvatar={onChoose}>` (Taro's Button docs: onChooseAvatar).
    const jsx = model
      .jsxButtons('chooseAvatar', 'onChooseAvatar')
      .flatMap((button) => button.handlers ?? [])
      .map((facts) => ({ name: facts.name ?? 'onChooseAvatar', fn: facts.node }));
    if (!markup && jsx.length === 0) return [];
    const chosen = markup ? [...markup.bound].filter(([, events]) => events.includes('chooseavatar')).map(([name]) => name) : [];
    const found = eventSinks(model, chosen, ['detail', 'avatarUrl'], jsx, { followUploads: true });
    if (!found) return [];
    const { names, uploaded } = found;
    let sinks = found.sinks;
    // The page uploads or saves a file: the path may reach it on a way the flow does not follow, and a kept value read
    // back may hold the uploaded URL by then. Only when the handler uploads the path itself is a store or send of that
    // same path, not read back, known to keep the temporary file (real-world study, avatar-stored-beside-upload).
    if (model.callsNamed(uploadCalls).length > 0) sinks = uploaded ? sinks.filter((sink) => !sink.through) : [];
    return sinks.map((sink): RuleFinding => {
      const through = sink.through ? ` (through \`${sink.through}\`)` : '';
      const what =
        sink.kind === 'storage'
          ? `stores the avatar's temporary path from ${names}${through}: the file is only kept for this run of the mini-program, so the stored path can stop working.`
          : `sends the avatar's temporary path from ${names}${through} to a server: it names a file on this user's device, which nobody else can load.`;
      const advice = uploaded
        ? 'Keep the URL or file ID its upload returns instead.'
        : `Upload it first (${uploadHint(sink.label)}) and keep the URL or file ID it returns.`;
      return { start: sink.start, end: sink.end, message: `\`${sink.label}\` ${what} ${advice}` };
    });
  },
};
