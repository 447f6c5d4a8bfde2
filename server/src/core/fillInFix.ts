/**
 * The way from the old profile APIs to WeChat's avatar/nickname fill-in, as a quick fix that edits both files of a
 * page: the WXML element whose handler asks for the profile (a `bindtap` button calling `wx.getUserProfile` or
 * `wx.getUserInfo`, or an `open-type="getUserInfo"` button) becomes a `chooseAvatar` button and a `<form>` with an
 * `<input type="nickname">` and a submit button; the handler becomes two stubs, one that uploads the avatar (a
 * temporary path, see the avatar-not-uploaded rule) and one that reads the nickname on submit (see
 * nickname-read-on-input). Sources: developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html.
 *
 * The fix is offered only where it cannot lose code the page still uses: one WXML file, one element bound to the
 * handler, a handler that is a page method nothing else calls or binds.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { indentationAt, indentUnit, newlineOf } from './edits';
import { attributeOf, type MarkupElement } from './markup';
import { bindable, type DefinitionMember, type PageModel } from './model';
import type { PageMarkup, ProjectIndex } from './project';
import type { Fix, TextEdit } from './types';

/** The title of the fix. */
export const fillInFixTitle = 'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form)';

/** The offset after an element's end tag (or its start tag when it closes itself); undefined when it never closes. */
function elementEnd(text: string, element: MarkupElement): number | undefined {
  if (text[element.end - 2] === '/') return element.end;
  const tags = new RegExp(`<(/?)${element.tag}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  tags.lastIndex = element.end;
  let depth = 1;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[1]) depth--;
    else if (!match[2]) depth++;
    if (depth === 0) return match.index + match[0].length;
  }
  return undefined;
}

/** A member name of the page not taken yet: `onChooseAvatar`, else `onChooseAvatar2`, … */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The new markup, indented like the element it replaces. */
function fillInMarkup(avatar: string, submit: string, indent: string, unit: string, nl: string): string {
  return [
    `<button class="avatar-wrapper" open-type="chooseAvatar" bind:chooseavatar="${avatar}">`,
    `${unit}<image class="avatar" src="{{avatarUrl}}" mode="aspectFill" />`,
    '</button>',
    `<form bindsubmit="${submit}">`,
    `${unit}<input type="nickname" name="nickname" placeholder="请输入昵称" />`,
    `${unit}<button form-type="submit">保存</button>`,
    '</form>',
  ].join(nl + indent);
}

/** The two handler stubs, as members of the page object, indented like the member they replace. */
function fillInHandlers(avatar: string, submit: string, cloud: boolean, semi: string, indent: string, unit: string, nl: string) {
  const i1 = unit;
  const i2 = unit + unit;
  const i3 = i2 + unit;
  const upload = cloud
    ? [
        `${i1}wx.cloud.uploadFile({`,
        `${i2}cloudPath: \`avatars/\${Date.now()}.png\`,`,
        `${i2}filePath: avatarUrl,`,
        `${i2}success: (res) => {`,
        `${i3}// Keep res.fileID (not the temporary path) with the user's profile.`,
        `${i2}},`,
        `${i1}})${semi}`,
      ]
    : [
        `${i1}wx.uploadFile({`,
        `${i2}url: 'https://example.com/upload', // your upload endpoint`,
        `${i2}filePath: avatarUrl,`,
        `${i2}name: 'file',`,
        `${i2}success: (res) => {`,
        `${i3}// Keep the URL your server returns (not the temporary path) with the user's profile.`,
        `${i2}},`,
        `${i1}})${semi}`,
      ];
  return [
    `${avatar}(e) {`,
    `${i1}// A temporary path: show it, and upload it before storing or sending it.`,
    `${i1}const { avatarUrl } = e.detail${semi}`,
    `${i1}this.setData({ avatarUrl })${semi}`,
    ...upload,
    '},',
    `${submit}(e) {`,
    `${i1}// Read on submit: WeChat clears a nickname that fails its content check after blur.`,
    `${i1}const { nickname } = e.detail.value${semi}`,
    '},',
  ]
    .join(nl + indent)
    .replace(/,$/, '');
}

/** The definition member holding a node: the member function itself, or the one whose body holds the callback. */
function memberHolding(model: PageModel, node: ts.Node): DefinitionMember | undefined {
  for (let facts = model.ownerOf(node); facts; facts = facts.outer) if (facts.member) return facts.member;
  return undefined;
}

/** The page's one WXML file, or undefined. */
function onlyWxml(index: ProjectIndex, scriptFile: string): PageMarkup | undefined {
  const markups = index.pageMarkupOf(scriptFile);
  return markups.length === 1 && markups[0]!.facts.platform === 'wechat' ? markups[0] : undefined;
}

/**
 * The fix for a page whose method `member` asks for the profile, bound by exactly one element of the page's WXML
 * through `events` (`tap` for a button calling the API, `getuserinfo` for an `open-type="getUserInfo"` button).
 * `from` is the file the finding is in: its edits are the fix's own, the other file's go in `otherFiles`.
 */
function pageFix(
  model: PageModel,
  scriptFile: string,
  member: DefinitionMember,
  index: ProjectIndex,
  events: ReadonlySet<string>,
  from: 'script' | 'markup',
): Fix | undefined {
  const fn = member.fn;
  if (!fn || !bindable(member) || (model.functions.get(fn)?.callers.length ?? 0) > 0) return undefined;
  const markup = onlyWxml(index, scriptFile);
  const markupText = markup && index.readFile(markup.fileName);
  if (!markup || markupText === undefined || markup.facts.hasDynamicBindings) return undefined;
  const bindings = markup.facts.bindings.filter((b) => b.handler === member.name);
  const binding = bindings[0];
  if (bindings.length !== 1 || !binding || !events.has(binding.event)) return undefined;
  const element = binding.element;
  // Another event of the element (a `bindgetuserinfo` next to the tap) would be lost with it.
  if (markup.facts.bindings.some((b) => b.element === element && b !== binding && b.handler !== '')) return undefined;
  const end = elementEnd(markupText, element);
  if (end === undefined) return undefined;
  // Two members with the handler's name (a page and a component in one file): not clear which one to replace.
  if (model.definitions.members.filter((m) => m.name === member.name).length !== 1) return undefined;

  const sourceFile = model.sourceFile;
  const scriptText = sourceFile.text;
  const taken = new Set(model.definitions.members.map((m) => m.name));
  taken.delete(member.name);
  const avatar = freeName('onChooseAvatar', taken);
  const submit = freeName('onSubmitProfile', taken);
  const holder: ts.Node = ts.isMethodDeclaration(fn) || !fn.parent ? fn : fn.parent;
  const start = holder.getStart(sourceFile);
  const semi = /;\s*$/m.test(holder.getText(sourceFile).split('\n').slice(1).join('\n')) ? ';' : '';
  const cloud = /\bwx\.cloud\b/.test(scriptText);
  const scriptEdit: TextEdit = {
    start,
    end: holder.getEnd(),
    newText: fillInHandlers(
      avatar,
      submit,
      cloud,
      semi,
      indentationAt(scriptText, start),
      indentUnit(scriptText),
      newlineOf(scriptText),
    ),
  };
  const markupEdit: TextEdit = {
    start: element.start,
    end,
    newText: fillInMarkup(
      avatar,
      submit,
      indentationAt(markupText, element.start),
      indentUnit(markupText),
      markupText.includes('\r\n') ? '\r\n' : '\n',
    ),
  };
  const scriptSide = { fileName: scriptFile, text: scriptText, edits: [scriptEdit] };
  const markupSide = { fileName: markup.fileName, text: markupText, edits: [markupEdit] };
  const [own, other] = from === 'script' ? [scriptSide, markupSide] : [markupSide, scriptSide];
  return {
    title: `${fillInFixTitle} in ${path.basename(own.fileName)} and ${path.basename(other.fileName)}`,
    edits: own.edits,
    otherFiles: [other],
  };
}

const tapEvent: ReadonlySet<string> = new Set(['tap']);

/** The fix for a call of `wx.getUserProfile`/`wx.getUserInfo` in a page method bound to a tap in the WXML. */
export function fillInFixForCall(
  model: PageModel,
  scriptFile: string,
  call: ts.CallExpression,
  index: ProjectIndex,
): Fix | undefined {
  const member = memberHolding(model, call);
  return member && pageFix(model, scriptFile, member, index, tapEvent, 'script');
}

/**
 * The fix for an `open-type="getUserInfo"` button of a WXML file: its `bindgetuserinfo` handler in the page script
 * is replaced with the stubs.
 */
export function fillInFixForButton(
  markupFile: string,
  element: MarkupElement,
  index: ProjectIndex,
  modelOf: (scriptFile: string) => PageModel | undefined,
): Fix | undefined {
  const scripts = index.scriptsOfMarkup(markupFile);
  const scriptFile = scripts.length === 1 ? scripts[0]! : undefined;
  const model = scriptFile && modelOf(scriptFile);
  if (!scriptFile || !model) return undefined;
  const binding = index
    .markupFile(markupFile)
    ?.facts.bindings.find((b) => b.element.start === element.start && b.event === 'getuserinfo');
  if (!binding || attributeOf(element, 'open-type')?.value.trim() !== 'getUserInfo') return undefined;
  const member = model.definitions.members.find((m) => m.name === binding.handler);
  return member && pageFix(model, scriptFile, member, index, new Set(['getuserinfo']), 'markup');
}
