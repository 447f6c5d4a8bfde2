/**
 * The way from the old profile APIs to WeChat's avatar/nickname fill-in, as a quick fix: the element whose handler
 * asks for the profile (a tap calling `getUserProfile`/`getUserInfo`, or an `open-type="getUserInfo"` button) becomes
 * a `chooseAvatar` button and a form with a `nickname` input and a submit button; the handler becomes two stubs, one
 * that uploads the avatar (a temporary path, see the avatar-not-uploaded rule) and one that reads the nickname on
 * submit (see nickname-read-on-input). Source: developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html.
 *
 * Three dialects, one builder each around shared stubs and markup:
 * - native: the page's WXML file and its script (a fix with the other file in `otherFiles`);
 * - uni-app `.vue`: template and script in the one file (uni-app writes the events as `@chooseavatar` and `@submit`,
 *   uniapp.dcloud.net.cn/component/button.html and /component/form.html; the spellings are the catalog's);
 * - Taro JSX: `<Button openType='chooseAvatar' onChooseAvatar={…}>`, `<Form onSubmit={…}>`, `<Input type='nickname'>`
 *   (docs.taro.zone/docs/components/forms/button, …/forms/input; NervJS/taro packages/taro-components/types
 *   Button.d.ts `onChooseAvatar`, Form.d.ts `onSubmit` with `detail.value`), with `Form`/`Input` imported from
 *   `@tarojs/components`.
 *
 * The fix is offered only where it cannot lose code the page still uses: one element bound to the handler, a
 * handler whose name appears nowhere else (not called, bound twice, passed on or mentioned), an element that is not
 * repeated or hidden (`wx:for`, `v-for`, `hidden`, `v-show`; its `wx:if`/`v-if`/`v-else` is kept on a wrapper), and
 * names the new code needs that are free or importable.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { getMarkupAttribute } from '../catalog';
import type { ApiNamespace } from '../catalog/types';
import { indentationAt, indentUnit, newlineOf } from './edits';
import { nodeAt } from './featureContext';
import { attributeOf, type EventBinding, type MarkupElement } from './markup';
import { bindable, type DefinitionMember, type PageModel } from './model';
import type { PageMarkup, ProjectIndex } from './project';
import type { Fix, TextEdit } from './types';
import { scriptKindOf } from './parse';
import { isVueFile, isVueTap, readVue } from './vue';
import { wordOffsets } from './words';

/** The title of the fix. */
export const fillInFixTitle = 'Replace with the avatar/nickname fill-in (chooseAvatar button, nickname input in a form)';

const avatarBase = 'onChooseAvatar';
const submitBase = 'onSubmitProfile';

// ---------------------------------------------------------------------------------------------------------------
// Shared: names, element extents, the handler's shape

/**
 * Counts of names in recent texts: a page asks about the handler of each API call it makes. A few names are counted
 * with one `indexOf` scan each; a text asked about many (a large page with a handler per call) gets one pass that
 * counts all its words.
 */
const nameCounts = new Map<string, { counts: Map<string, number>; all: boolean }>();
const scansBeforeAllWords = 8;

/** How often `name` occurs as a whole word in `text` (as {@link wordOffsets} finds them), remembered per text. */
function countOf(text: string, name: string): number {
  let entry = nameCounts.get(text);
  if (!entry) {
    entry = { counts: new Map(), all: false };
    nameCounts.set(text, entry);
    if (nameCounts.size > 4) nameCounts.delete(nameCounts.keys().next().value as string);
  }
  const known = entry.counts.get(name);
  if (known !== undefined || entry.all) return known ?? 0;
  if (entry.counts.size >= scansBeforeAllWords) {
    const counts = new Map<string, number>();
    for (const word of text.match(/[\w$]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    entry.counts = counts;
    entry.all = true;
    return counts.get(name) ?? 0;
  }
  const count = wordOffsets(text, name).length;
  entry.counts.set(name, count);
  return count;
}

/** A name not used anywhere in the texts: `onChooseAvatar`, else `onChooseAvatar2`, … (`removed` is about to go). */
function freeName(base: string, texts: readonly string[], removed: string): string {
  const taken = (name: string) => name !== removed && texts.some((text) => countOf(text, name) > 0);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}

/** The ends found in recent texts, by element start: a page's fixes ask about the same enclosing elements again. */
const elementEnds = new Map<string, Map<number, number | undefined>>();

/** The offset after an element's end tag (or its start tag when it closes itself); undefined when it never closes. */
function elementEnd(text: string, element: MarkupElement): number | undefined {
  let ends = elementEnds.get(text);
  if (!ends) {
    ends = new Map();
    elementEnds.set(text, ends);
    if (elementEnds.size > 4) elementEnds.delete(elementEnds.keys().next().value as string);
  }
  if (ends.has(element.start)) return ends.get(element.start);
  const end = findElementEnd(text, element);
  ends.set(element.start, end);
  return end;
}

function findElementEnd(text: string, element: MarkupElement): number | undefined {
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

/**
 * The attributes that decide whether an element renders (`wx:if="{{…}}"`, `wx:elif`, `wx:else`, `v-if`, `v-else-if`,
 * `v-else`), as written. The new markup keeps them on a wrapper in the element's place, so a `wx:else` after it still
 * has its partner: WXML's `<block>` takes only such control attributes and renders nothing itself
 * (developers.weixin.qq.com/miniprogram/dev/reference/wxml/conditional.html), as does Vue's `<template v-if>`
 * (vuejs.org/guide/essentials/conditional.html; uni-app templates accept `<template>` and `<block>`).
 */
const conditionAttribute = /\s((?:wx:(?:if|elif|else)|v-(?:if|else-if|else))(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)(?=[\s/>])/g;
/** Attributes a wrapper cannot carry: a loop (`wx:for`, `v-for`), or hiding that is not a condition (`hidden`, `v-show`). */
const unwrappable = /\s(?:wx:for|v-for|v-show|:?hidden)(?=[\s=/>-])/;

/**
 * How a handler is written, which decides how its stubs are written and what they replace: a member of an object
 * literal (`getProfile() {}`, `getProfile: function () {}`), a class method, a function declaration, a
 * `const getProfile = () => …` statement, or a class property holding an arrow function.
 */
type HandlerForm = 'member' | 'class-member' | 'function' | 'const' | 'property';

function handlerShape(fn: ts.FunctionLikeDeclaration): { holder: ts.Node; form: HandlerForm } | undefined {
  const parent = fn.parent;
  if (ts.isMethodDeclaration(fn)) {
    if (ts.isObjectLiteralExpression(parent)) return { holder: fn, form: 'member' };
    return ts.isClassLike(parent) ? { holder: fn, form: 'class-member' } : undefined;
  }
  if (ts.isFunctionDeclaration(fn)) return fn.name ? { holder: fn, form: 'function' } : undefined;
  if (ts.isPropertyAssignment(parent) && parent.initializer === fn) return { holder: parent, form: 'member' };
  if (ts.isPropertyDeclaration(parent) && parent.initializer === fn) return { holder: parent, form: 'property' };
  const statement = parent.parent?.parent;
  if (
    ts.isVariableDeclaration(parent) &&
    parent.initializer === fn &&
    ts.isIdentifier(parent.name) &&
    statement &&
    ts.isVariableStatement(statement) &&
    statement.declarationList.declarations.length === 1
  )
    return { holder: statement, form: 'const' };
  return undefined;
}

/** The definition member holding a node: the member function itself, or the one whose body holds the callback. */
function memberHolding(model: PageModel, node: ts.Node): DefinitionMember | undefined {
  return model.memberFunctionOf(node)?.member;
}

/** The namespace a call was written with (`uni.getUserProfile` → `uni`). */
function namespaceOf(model: PageModel, call: ts.CallExpression): ApiNamespace | undefined {
  return model.calls.find((c) => c.node === call)?.ref.namespace;
}

/** The name the file uses for a namespace: the global for `wx`/`uni`, Taro's import otherwise; undefined when it has none. */
function namespaceName(model: PageModel, namespace: ApiNamespace): string | undefined {
  if (namespace === 'wx' || namespace === 'uni') return namespace;
  for (const [local, ns] of model.aliases.namespaces) if (ns === namespace) return local;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared: the stubs

/** What the stubs say, past the form of the handler. */
interface StubContent {
  /** The lines that take the avatar's path and show it (or say how to), and the expression that holds the path after them. */
  avatar: { lines: string[]; path: string };
  /** The namespace name to upload with (`wx`, `uni`, `Taro`), and whether to use WeChat's cloud storage. */
  upload: { namespace: string; cloud: boolean };
  /** Typed event parameters, for TypeScript files. */
  typed: boolean;
}

/** The layout of the file around the handler. */
interface Layout {
  semi: string;
  indent: string;
  unit: string;
  nl: string;
}

/** The two stubs, written in the handler's form and indented like it. */
function fillInHandlers(
  form: HandlerForm,
  names: { avatar: string; submit: string },
  content: StubContent,
  layout: Layout,
): string {
  const { semi, indent, unit, nl } = layout;
  const i2 = unit + unit;
  const { namespace, cloud } = content.upload;
  const upload = cloud
    ? [
        `${namespace}.cloud.uploadFile({`,
        `${unit}cloudPath: \`avatars/\${Date.now()}.png\`,`,
        `${unit}filePath: ${content.avatar.path},`,
      ]
    : [
        `${namespace}.uploadFile({`,
        `${unit}url: 'https://example.com/upload', // your upload endpoint`,
        `${unit}filePath: ${content.avatar.path},`,
        `${unit}name: 'file',`,
      ];
  const kept = cloud
    ? "// Keep res.fileID (not the temporary path) with the user's profile."
    : "// Keep the URL your server returns (not the temporary path) with the user's profile.";
  const avatarBody = [
    '// A temporary path: show it, and upload it before storing or sending it.',
    ...content.avatar.lines.map((line) => (line.startsWith('//') ? line : line + semi)),
    ...upload,
    `${unit}success: (res) => {`,
    `${i2}${kept}`,
    `${unit}},`,
    `})${semi}`,
  ];
  const submitBody = [
    '// Read on submit: WeChat clears a nickname that fails its content check after blur.',
    content.typed ? `const nickname = e.detail.value?.nickname${semi}` : `const { nickname } = e.detail.value${semi}`,
  ];
  // Structural types that Taro's event types accept (Button.d.ts: `onChooseAvatar?: CommonEventFunction`; Form.d.ts:
  // `detail.value` is optional), so the stubs type-check where `noImplicitAny` is on.
  const avatarParam = content.typed ? 'e: { detail: { avatarUrl: string } }' : 'e';
  const submitParam = content.typed ? 'e: { detail: { value?: { nickname?: string } } }' : 'e';
  const open = (name: string, param: string) =>
    form === 'member' || form === 'class-member'
      ? `${name}(${param}) {`
      : form === 'function'
        ? `function ${name}(${param}) {`
        : form === 'const'
          ? `const ${name} = (${param}) => {`
          : `${name} = (${param}) => {`;
  const close = form === 'const' || form === 'property' ? `}${semi}` : '}';
  const stub = (name: string, param: string, body: string[]) => [open(name, param), ...body.map((line) => unit + line), close];
  const avatarStub = stub(names.avatar, avatarParam, avatarBody);
  const submitStub = stub(names.submit, submitParam, submitBody);
  // Members of an object literal are separated by a comma; everything else by a blank line.
  const lines = form === 'member' ? [...avatarStub.slice(0, -1), '},', ...submitStub] : [...avatarStub, '', ...submitStub];
  return lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join(nl);
}

/** `;` when the handler's statements end with one. */
function semicolonOf(holder: ts.Node, sourceFile: ts.SourceFile): string {
  return /;\s*$/m.test(holder.getText(sourceFile).split('\n').slice(1).join('\n')) ? ';' : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Shared: the markup

type Dialect = 'wxml' | 'uniApp' | 'taro';

/** What the new markup needs besides the dialect: tag names, handler references, what the avatar button shows. */
interface MarkupNames {
  tags: { button: string; form: string; input: string };
  /** The handler as the attribute value: `"onChooseAvatar"`, `{onChooseAvatar}`, `{this.onChooseAvatar}`. */
  handler: (name: string) => string;
  quote: string;
  /** The avatar button's content: an image of the shown avatar, or a label. */
  avatarContent: string;
}

/**
 * The new markup, indented like the element it replaces; inside a wrapper (`<block>`, `<template>`) carrying the
 * element's `conditions` when it has any. The attributes are written as the dialect spells them, from the catalog
 * (`bindsubmit` → `@submit` → `onSubmit`); undefined if the catalog lacks one.
 */
function fillInMarkup(
  dialect: Dialect,
  handlers: { avatar: string; submit: string },
  names: MarkupNames,
  layout: Omit<Layout, 'semi'>,
  conditions: readonly string[] = [],
): string | undefined {
  const { tags, handler, quote: q, avatarContent } = names;
  const { indent, unit, nl } = layout;
  if (conditions.length > 0) {
    const wrapper = dialect === 'wxml' ? 'block' : 'template';
    const inner = fillInMarkup(dialect, handlers, names, { ...layout, indent: indent + unit });
    return inner && [`<${wrapper} ${conditions.join(' ')}>`, `${unit}${inner}`, `</${wrapper}>`].join(nl + indent);
  }
  const spell = (tag: string, name: string) => (dialect === 'wxml' ? name : getMarkupAttribute(tag, name)?.spellings?.[dialect]);
  const openType = spell('button', 'open-type');
  const onChooseAvatar = spell('button', 'bind:chooseavatar');
  const onSubmit = spell('form', 'bindsubmit');
  const type = spell('input', 'type');
  const formType = spell('button', 'form-type');
  if (!openType || !onChooseAvatar || !onSubmit || !type || !formType) return undefined;
  const cls = dialect === 'taro' ? 'className' : 'class';
  return [
    `<${tags.button} ${cls}=${q}avatar-wrapper${q} ${openType}=${q}chooseAvatar${q} ${onChooseAvatar}=${handler(handlers.avatar)}>`,
    `${unit}${avatarContent}`,
    `</${tags.button}>`,
    `<${tags.form} ${onSubmit}=${handler(handlers.submit)}>`,
    `${unit}<${tags.input} ${type}=${q}nickname${q} name=${q}nickname${q} placeholder=${q}请输入昵称${q} />`,
    `${unit}<${tags.button} ${formType}=${q}submit${q}>保存</${tags.button}>`,
    `</${tags.form}>`,
  ].join(nl + indent);
}

const plainTags = { button: 'button', form: 'form', input: 'input' };
const avatarLabel = '选择头像';

/**
 * The checks every markup dialect shares: exactly one binding names the handler, it is one of `accepts`, it is not an
 * inline statement, the element binds nothing else, is not repeated or hidden, and closes.
 * Returns the element's extent and its conditions.
 */
function boundElement(
  text: string,
  bindings: readonly EventBinding[],
  handler: string,
  accepts: (binding: EventBinding) => boolean,
): { element: MarkupElement; end: number; conditions: string[] } | undefined {
  const named = bindings.filter((b) => b.handler === handler);
  const binding = named[0];
  if (named.length !== 1 || !binding || binding.inline || !accepts(binding)) return undefined;
  const element = binding.element;
  // Another event of the element (a `bindgetuserinfo` next to the tap) would be lost with it.
  if (bindings.some((b) => b.element === element && b !== binding && b.handler !== '')) return undefined;
  const startTag = text.slice(element.start, element.end);
  if (unwrappable.test(startTag)) return undefined;
  const end = elementEnd(text, element);
  const conditions = [...startTag.matchAll(conditionAttribute)].map((match) => match[1]!);
  return end === undefined ? undefined : { element, end, conditions };
}

// ---------------------------------------------------------------------------------------------------------------
// Native pages: a WXML file and its script

/** The page's one WXML file, or undefined. */
function onlyWxml(index: ProjectIndex, scriptFile: string): PageMarkup | undefined {
  const markups = index.pageMarkupOf(scriptFile);
  return markups.length === 1 && markups[0]!.facts.platform === 'wechat' ? markups[0] : undefined;
}

/**
 * The fix for a page whose method `member` asks for the profile, bound by exactly one element of the page's WXML
 * (`accepts` says which events: the tap for a call, `getuserinfo` for an `open-type="getUserInfo"` button).
 * `from` is the file the finding is in: its edits are the fix's own, the other file's go in `otherFiles`.
 */
function nativeFix(
  model: PageModel,
  scriptFile: string,
  member: DefinitionMember,
  markup: PageMarkup,
  markupText: string,
  accepts: (binding: EventBinding) => boolean,
  from: 'script' | 'markup',
): Fix | undefined {
  const fn = member.fn;
  const shape = fn && handlerShape(fn);
  if (!fn || !shape || shape.form !== 'member' || !bindable(member) || markup.facts.hasDynamicBindings) return undefined;
  const sourceFile = model.sourceFile;
  const scriptText = sourceFile.text;
  // The name in the page object only, and in the WXML only where the element binds it.
  if (countOf(scriptText, member.name) !== 1 || countOf(markupText, member.name) !== 1) return undefined;
  const bound = boundElement(markupText, markup.facts.bindings, member.name, accepts);
  if (!bound) return undefined;

  const handlers = {
    avatar: freeName(avatarBase, [scriptText, markupText], member.name),
    submit: freeName(submitBase, [scriptText, markupText], member.name),
  };
  const start = shape.holder.getStart(sourceFile);
  const scriptEdit: TextEdit = {
    start,
    end: shape.holder.getEnd(),
    newText: fillInHandlers(
      'member',
      handlers,
      {
        avatar: { lines: ['const { avatarUrl } = e.detail', 'this.setData({ avatarUrl })'], path: 'avatarUrl' },
        upload: { namespace: 'wx', cloud: /\bwx\.cloud\b/.test(scriptText) },
        typed: isTypeScript(scriptKindOf(scriptFile)),
      },
      {
        semi: semicolonOf(shape.holder, sourceFile),
        indent: indentationAt(scriptText, start),
        unit: indentUnit(scriptText),
        nl: newlineOf(scriptText),
      },
    ),
  };
  const newMarkup = fillInMarkup(
    'wxml',
    handlers,
    {
      tags: plainTags,
      handler: (name) => `"${name}"`,
      quote: '"',
      avatarContent: '<image class="avatar" src="{{avatarUrl}}" mode="aspectFill" />',
    },
    {
      indent: indentationAt(markupText, bound.element.start),
      unit: indentUnit(markupText),
      nl: newlineOf(markupText),
    },
    bound.conditions,
  );
  if (newMarkup === undefined) return undefined;
  const markupEdit: TextEdit = { start: bound.element.start, end: bound.end, newText: newMarkup };
  const scriptSide = { fileName: scriptFile, text: scriptText, edits: [scriptEdit] };
  const markupSide = { fileName: markup.fileName, text: markupText, edits: [markupEdit] };
  const [own, other] = from === 'script' ? [scriptSide, markupSide] : [markupSide, scriptSide];
  return {
    title: `${fillInFixTitle} in ${path.basename(own.fileName)} and ${path.basename(other.fileName)}`,
    edits: own.edits,
    otherFiles: [other],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// uni-app single-file components: template and script in one `.vue` file

/** True when the file imports `ref` from `vue` under its own name. */
function importsRef(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === 'vue' &&
      !s.importClause?.isTypeOnly &&
      s.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => !e.isTypeOnly && !e.propertyName && e.name.text === 'ref'),
  );
}

/** The text of the options object's `data` (`data() { return {…} }`, `data: {…}`), or '' when it has none. */
function dataText(scope: ts.Node, sourceFile: ts.SourceFile): string {
  if (!ts.isObjectLiteralExpression(scope)) return '';
  const data = scope.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'data');
  return data ? data.getText(sourceFile) : '';
}

/**
 * The fix for a `.vue` page whose `methods` entry or `<script setup>` function asks for the profile, bound by one
 * element of its template. The avatar is shown only where the page already has the means: `this.avatarUrl` when
 * `data` declares it, a new `ref` when the file imports `ref` and uses no `avatarUrl` yet; a comment otherwise.
 */
function vueFix(
  model: PageModel,
  fileName: string,
  member: DefinitionMember,
  index: ProjectIndex,
  accepts: (binding: EventBinding) => boolean,
  namespace: ApiNamespace,
): Fix | undefined {
  const fn = member.fn;
  const shape = fn && handlerShape(fn);
  const template = index.markupFile(fileName);
  const sourceFile = model.sourceFile;
  const text = index.readFile(fileName);
  const upload = namespaceName(model, namespace);
  if (!fn || !shape || !template || text === undefined || template.facts.hasDynamicBindings || !upload) return undefined;
  // uni-app's spellings are sourced; a Taro + Vue page (`Taro.getUserProfile` in a `.vue` file) is left alone.
  if (namespace === 'Taro' || (member.group !== 'methods' && member.group !== 'setup')) return undefined;
  // The script is the file's own text with everything else blanked: the name once there, once in the template.
  if (countOf(text, member.name) !== 2 || countOf(sourceFile.text, member.name) !== 1) return undefined;
  const bound = boundElement(text, template.facts.bindings, member.name, accepts);
  if (!bound) return undefined;
  // Vue 2 wants one root element: the replaced element must sit inside another.
  const { element } = bound;
  if (!template.facts.elements.some((e) => e.start < element.start && (elementEnd(text, e) ?? 0) >= bound.end)) return undefined;

  const handlers = {
    avatar: freeName(avatarBase, [text], member.name),
    submit: freeName(submitBase, [text], member.name),
  };
  const setup = member.group === 'setup';
  const newRef = setup && importsRef(sourceFile) && countOf(text, 'avatarUrl') === 0;
  const shown = newRef || (!setup && /\bavatarUrl\b/.test(dataText(member.scope, sourceFile)));
  const avatar = newRef
    ? { lines: ['avatarUrl.value = e.detail.avatarUrl'], path: 'avatarUrl.value' }
    : {
        lines: [
          'const { avatarUrl } = e.detail',
          shown
            ? 'this.avatarUrl = avatarUrl'
            : setup
              ? "// To show it, keep it in a ref (import { ref } from 'vue') and bind it to an <image :src>."
              : '// To show it, declare avatarUrl in data, set this.avatarUrl = avatarUrl and bind it to an <image :src>.',
        ],
        path: 'avatarUrl',
      };
  const start = shape.holder.getStart(sourceFile);
  const layout = { indent: indentationAt(text, start), unit: indentUnit(text), nl: newlineOf(text) };
  const stubs = fillInHandlers(
    shape.form,
    handlers,
    {
      avatar,
      upload: { namespace: upload, cloud: namespace === 'wx' && /\bwx\.cloud\b/.test(sourceFile.text) },
      typed: isTypeScript(readVue(fileName, text).scriptKind),
    },
    { ...layout, semi: semicolonOf(shape.holder, sourceFile) },
  );
  const scriptEdit: TextEdit = {
    start,
    end: shape.holder.getEnd(),
    newText: newRef
      ? `const avatarUrl = ref('')${semicolonOf(shape.holder, sourceFile)}${layout.nl}${layout.nl}${layout.indent}${stubs}`
      : stubs,
  };
  const newMarkup = fillInMarkup(
    'uniApp',
    handlers,
    {
      tags: plainTags,
      handler: (name) => `"${name}"`,
      quote: '"',
      avatarContent: shown ? '<image class="avatar" :src="avatarUrl" mode="aspectFill" />' : avatarLabel,
    },
    { indent: indentationAt(text, element.start), unit: layout.unit, nl: layout.nl },
    bound.conditions,
  );
  if (newMarkup === undefined) return undefined;
  return { title: fillInFixTitle, edits: [{ start: element.start, end: bound.end, newText: newMarkup }, scriptEdit] };
}

/** True for TypeScript (`.ts`/`.tsx`, a `.vue` script with `lang="ts"`): the stubs' event parameters get types. */
function isTypeScript(kind: ts.ScriptKind): boolean {
  return kind === ts.ScriptKind.TS || kind === ts.ScriptKind.TSX;
}

// ---------------------------------------------------------------------------------------------------------------
// Taro: JSX and the handler in one file

const taroComponents = '@tarojs/components';
const jsxTaps: ReadonlySet<string> = new Set(['onClick', 'onTap']);

/** The local names of Taro's `Button`, `Form` and `Input`, and the import edit that adds the missing ones. */
function taroTags(sourceFile: ts.SourceFile): { tags: MarkupNames['tags']; edit?: TextEdit } | undefined {
  const declaration = sourceFile.statements.find(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === taroComponents,
  );
  const named = declaration?.importClause?.namedBindings;
  if (!declaration || declaration.importClause?.isTypeOnly || !named || !ts.isNamedImports(named)) return undefined;
  const last = named.elements[named.elements.length - 1];
  if (!last) return undefined;
  const local = (component: string) =>
    named.elements.find((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === component)?.name.text;
  const missing: string[] = [];
  const tag = (component: string) => {
    const name = local(component);
    if (name) return name;
    // A name the file uses for something else cannot be imported under it.
    if (countOf(sourceFile.text, component) > 0) return undefined;
    missing.push(component);
    return component;
  };
  const button = tag('Button');
  const form = tag('Form');
  const input = tag('Input');
  if (!button || !form || !input) return undefined;
  const tags = { button, form, input };
  return missing.length === 0 ? { tags } : { tags, edit: { start: last.end, end: last.end, newText: `, ${missing.join(', ')}` } };
}

/** The JSX attribute that names `name` (`onClick={name}`, `onClick={this.name}`), from an occurrence of the name. */
function jsxAttributeAt(sourceFile: ts.SourceFile, offset: number, viaThis: boolean): ts.JsxAttribute | undefined {
  const identifier = nodeAt(sourceFile, offset, false);
  if (!ts.isIdentifier(identifier)) return undefined;
  let expression: ts.Node = identifier;
  if (viaThis) {
    const access = identifier.parent;
    if (
      !ts.isPropertyAccessExpression(access) ||
      access.name !== identifier ||
      access.expression.kind !== ts.SyntaxKind.ThisKeyword
    )
      return undefined;
    expression = access;
  }
  const container = expression.parent;
  if (!container || !ts.isJsxExpression(container) || container.expression !== expression) return undefined;
  return ts.isJsxAttribute(container.parent) ? container.parent : undefined;
}

/** The name of a JSX attribute (`onClick`), or undefined for a namespaced one. */
function jsxName(attribute: ts.JsxAttributeLike): string | undefined {
  return ts.isJsxAttribute(attribute) && ts.isIdentifier(attribute.name) ? attribute.name.text : undefined;
}

/**
 * The fix for a Taro component whose function or class member `fn` asks for the profile, named by exactly one JSX
 * attribute of the file, one that `accepts` (a tap, or `onGetUserInfo` of an `openType='getUserInfo'` button), with
 * the name used nowhere else.
 */
function taroFix(
  model: PageModel,
  fn: ts.FunctionLikeDeclaration,
  accepts: (attribute: string) => boolean,
  namespace: ApiNamespace,
): Fix | undefined {
  const shape = handlerShape(fn);
  const sourceFile = model.sourceFile;
  const text = sourceFile.text;
  const upload = namespaceName(model, namespace);
  if (!shape || shape.form === 'member' || !upload) return undefined;
  const nameNode = ts.isVariableStatement(shape.holder)
    ? shape.holder.declarationList.declarations[0]!.name
    : (shape.holder as ts.FunctionDeclaration | ts.MethodDeclaration | ts.PropertyDeclaration).name;
  if (!nameNode || !ts.isIdentifier(nameNode)) return undefined;
  const name = nameNode.text;
  // Declared once and named once, by a JSX attribute: nothing else calls, passes or mentions it. (An attribute
  // named like it, `onGetUserInfo={onGetUserInfo}`, is no use of it.)
  const found = wordOffsets(text, name).filter((offset) => {
    const node = nodeAt(sourceFile, offset, false);
    // An occurrence no node holds (the parser skipped the text around it) reads as the source file, which has no parent.
    return !(node.parent && ts.isJsxAttribute(node.parent) && node.parent.name === node);
  });
  const declared = nameNode.getStart(sourceFile);
  const used = found.find((offset) => offset !== declared);
  if (found.length !== 2 || !found.includes(declared) || used === undefined) return undefined;
  const viaThis = shape.form === 'class-member' || shape.form === 'property';
  const attribute = jsxAttributeAt(sourceFile, used, viaThis);
  const attributeName = attribute && jsxName(attribute);
  if (!attribute || !attributeName || !accepts(attributeName)) return undefined;
  const opening = attribute.parent.parent;
  const element = ts.isJsxOpeningElement(opening) ? opening.parent : opening;
  // Two elements fit only where children go, not where one expression does (`return <Button …/>`, `ok && <Button …/>`).
  if (!ts.isJsxElement(element.parent) && !ts.isJsxFragment(element.parent)) return undefined;
  // Another event of the element would be lost with it.
  if (attribute.parent.properties.some((p) => p !== attribute && (!jsxName(p) || /^on[A-Z]/.test(jsxName(p)!)))) return undefined;
  const components = taroTags(sourceFile);
  if (!components) return undefined;

  const handlers = { avatar: freeName(avatarBase, [text], name), submit: freeName(submitBase, [text], name) };
  const quoted = attribute.parent.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.initializer !== undefined && ts.isStringLiteral(p.initializer),
  );
  const quote = quoted ? text[quoted.initializer!.getStart(sourceFile)]! : "'";
  const start = shape.holder.getStart(sourceFile);
  const unit = indentUnit(text);
  const nl = newlineOf(text);
  const stubs: TextEdit = {
    start,
    end: shape.holder.getEnd(),
    newText: fillInHandlers(
      shape.form,
      handlers,
      {
        avatar: {
          lines: ['const { avatarUrl } = e.detail', "// To show it, keep it in the component's state."],
          path: 'avatarUrl',
        },
        upload: { namespace: upload, cloud: false },
        typed: isTypeScript(scriptKindOf(sourceFile.fileName)),
      },
      { semi: semicolonOf(shape.holder, sourceFile), indent: indentationAt(text, start), unit, nl },
    ),
  };
  const elementStart = element.getStart(sourceFile);
  const newMarkup = fillInMarkup(
    'taro',
    handlers,
    { tags: components.tags, handler: (n) => (viaThis ? `{this.${n}}` : `{${n}}`), quote, avatarContent: avatarLabel },
    { indent: indentationAt(text, elementStart), unit, nl },
  );
  if (newMarkup === undefined) return undefined;
  const markup: TextEdit = { start: elementStart, end: element.getEnd(), newText: newMarkup };
  return { title: fillInFixTitle, edits: [...(components.edit ? [components.edit] : []), markup, stubs] };
}

/** The innermost named function holding a node, past callbacks: the component's handler when the node is in one. */
function namedFunctionHolding(model: PageModel, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let facts = model.ownerOf(node); facts; facts = facts.outer) if (handlerShape(facts.node)) return facts.node;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

const nativeTap = (b: EventBinding) => b.event === 'tap';
const getUserInfoEvent = (b: EventBinding) => b.event === 'getuserinfo';

/** The fix for a call of `getUserProfile`/`getUserInfo` in a handler that a tap of the page's markup or JSX names. */
export function fillInFixForCall(
  model: PageModel,
  scriptFile: string,
  call: ts.CallExpression,
  index: ProjectIndex,
): Fix | undefined {
  const namespace = namespaceOf(model, call);
  if (!namespace) return undefined;
  if (isVueFile(scriptFile)) {
    const member = memberHolding(model, call);
    return member && vueFix(model, scriptFile, member, index, isVueTap, namespace);
  }
  const markup = onlyWxml(index, scriptFile);
  if (markup) {
    const member = memberHolding(model, call);
    const markupText = index.readFile(markup.fileName);
    return member && markupText !== undefined
      ? nativeFix(model, scriptFile, member, markup, markupText, nativeTap, 'script')
      : undefined;
  }
  if (index.pageMarkupOf(scriptFile).length > 0) return undefined;
  const fn = namedFunctionHolding(model, call);
  return fn && taroFix(model, fn, (attribute) => jsxTaps.has(attribute), namespace);
}

/**
 * The fix for an `open-type="getUserInfo"` button of a WXML file or a `.vue` template: its `getuserinfo` handler
 * in the page script is replaced with the stubs.
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
  const markup = index.markupFile(markupFile);
  if (!scriptFile || !model || !markup) return undefined;
  const binding = markup.facts.bindings.find((b) => b.element.start === element.start && getUserInfoEvent(b));
  if (!binding || attributeOf(element, 'open-type')?.value.trim() !== 'getUserInfo') return undefined;
  const member = model.definitions.members.find((m) => m.name === binding.handler);
  if (!member) return undefined;
  if (isVueFile(markupFile)) {
    const namespace = model.calls[0]?.ref.namespace ?? 'uni';
    return vueFix(model, markupFile, member, index, getUserInfoEvent, namespace);
  }
  const markupText = index.readFile(markupFile);
  return markupText === undefined
    ? undefined
    : nativeFix(model, scriptFile, member, markup, markupText, getUserInfoEvent, 'markup');
}

/** The fix for Taro's `<Button openType='getUserInfo' onGetUserInfo={…}>`: the handler becomes the stubs. */
export function fillInFixForJsxButton(model: PageModel, attributes: ts.JsxAttributes): Fix | undefined {
  const event = getMarkupAttribute('button', 'bindgetuserinfo')?.spellings?.taro;
  if (!event) return undefined;
  const attribute = attributes.properties.find((p): p is ts.JsxAttribute => jsxName(p) === event);
  const value =
    attribute?.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
  if (!value) return undefined;
  const reference =
    ts.isPropertyAccessExpression(value) && value.expression.kind === ts.SyntaxKind.ThisKeyword ? value.name : value;
  if (!ts.isIdentifier(reference)) return undefined;
  const taroNamespace = [...model.aliases.namespaces.values()].includes('Taro') ? 'Taro' : undefined;
  const fn = [...model.functions.values()].find((f) => f.name === reference.text && handlerShape(f.node))?.node;
  return fn && taroNamespace && taroFix(model, fn, (name) => name === event, taroNamespace);
}
