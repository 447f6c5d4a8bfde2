/**
 * The page model: everything the rules and editor features know about one parsed script, built by ONE
 * walk over its tree and cached per parse (a parse is cached per document version, see parse.ts).
 *
 * It holds
 * - the file's aliases of platform namespaces and APIs, and its `const` declarations;
 * - the catalog API calls with their options;
 * - the definitions (`App`/`Page`/`Component`/`Behavior` objects, classes) and their members;
 * - the functions of the file and ONE call graph over them, each edge marked synchronous, after an
 *   `await` on that path, deferred (an API callback, a timer, `.then`) or of unknown timing;
 * - the entry points (lifecycle hooks; tap handlers come from the page's markup or JSX);
 * - the guards: feature tests (`wx.canIUse`, `if (wx.x)`, `typeof`) with the region each one covers.
 *
 * Rules and features ask it questions ({@link PageModel.gestureVerdict}, {@link PageModel.entriesReaching},
 * {@link PageModel.loggedInBefore}, {@link PageModel.featureGuarded}, …); none of them walks the tree.
 */
import ts from 'typescript';
import { getApi, type ApiNamespace } from '../catalog';
import { resolveApiReference, type AliasTable, type ApiCall, type ApiRef } from './calls';
import { isFunctionLike, propertyNameText, skipOuterExpressions, walk } from './parse';
import { isVueFile, scriptSetupOf } from './vue';
import { eventValueFlow, type FlowOptions, type ValueFlow } from './valueFlow';
import { wordOffsets } from './words';

// ---------------------------------------------------------------------------------------------------------------
// Public types

/**
 * The framework call a definition object is passed to. `class` stands for a class declaration (Taro); `Vue` for
 * a single-file component's options object (`export default {…}`, `defineComponent({…})`) or its `<script setup>`.
 */
export type DefinitionKind = 'Page' | 'Component' | 'App' | 'Behavior' | 'class' | 'Vue';

/** One member of a definition. */
export interface DefinitionMember {
  name: string;
  /** The member's name node, for ranges. */
  nameNode: ts.Node;
  kind: DefinitionKind;
  /**
   * The group that holds it: a Component's `methods`, `lifetimes`, `pageLifetimes`, a Vue component's `methods`,
   * or `setup` for a top-level binding of `<script setup>`; undefined at the top level of a definition.
   */
  group?: string;
  /** The function written in the file, when the member is one. */
  fn?: ts.FunctionLikeDeclaration;
  /** True for a function, or a name or member expression that may stand for one (`onTap: handleTap`). */
  callable: boolean;
  /** The definition object or class `this` refers to inside the member. */
  scope: ts.Node;
  /** For `onTap: handleTap`: the module function the member names. */
  alias?: string;
}

/** What a script defines. */
export interface ScriptDefinitions {
  members: DefinitionMember[];
  /** The kinds of definition the file makes (a file may hold a Behavior and a Component). */
  kinds: ReadonlySet<DefinitionKind>;
  /**
   * False when members can come from somewhere the file does not show: a spread or a definition object
   * that is not a literal of this file, a `behaviors`/`mixins` entry from another module.
   */
  complete: boolean;
}

/** How a function comes to run, as its surroundings say. */
export type Invocation =
  /** In place, as part of the enclosing function: IIFEs, array callbacks, a `new Promise` executor. */
  | { kind: 'inline' }
  /** Later, by the platform or the event loop: an API callback, a timer, `.then`, a lifecycle hook. */
  | {
      kind: 'deferred';
      reason: 'callback' | 'lifecycle';
      detail: string;
      /** The call whose outcome runs it, and which outcome: `success`, `fail`, `complete`, `then`, `catch`, `finally`. */
      after?: { call: ts.CallExpression; on: string };
    }
  /** Passed to a call the model does not know: it may run at any time. */
  | { kind: 'argument' }
  /** A declaration, a member or a variable's value: runs when something calls it by name. */
  | { kind: 'declared' };

/** A function of the file as the model sees it. */
export interface FunctionFacts {
  node: ts.FunctionLikeDeclaration;
  /** The member or function name, when it has one. */
  name?: string;
  /** For members: the object literal or class `this` refers to. */
  scope?: ts.Node;
  /** Set for a member of a definition. */
  member?: DefinitionMember;
  invocation: Invocation;
  /** The lifecycle hook the function is (`onLoad`, `lifetimes.attached`, `useLoad`), when it is one. */
  lifecycle?: string;
  /** The function whose body holds this one, past inline functions (undefined at module level). */
  outer?: FunctionFacts;
  /** The `await`s of the function's own body (inline functions included), each with the function it is written in. */
  awaits: Array<{ at: ts.Node; fn: ts.Node }>;
  /** The calls this function makes to other functions of the file. */
  edges: CallEdge[];
  /** The calls other functions of the file make to this one (and the edge from its enclosing function, for callbacks). */
  callers: CallEdge[];
}

/** One edge of the call graph. */
export interface CallEdge {
  from: FunctionFacts;
  to: FunctionFacts;
  /** Where the call (or the callback's registration) is. */
  site: ts.Node;
  /**
   * `sync`: called in the same turn; `await`: called after an `await` of the caller on that path;
   * `deferred`: a callback registered here that runs later; `unknown`: passed to a call whose timing is not known.
   */
  timing: 'sync' | 'await' | 'deferred' | 'unknown';
}

/** Why code runs without the user's tap gesture, or that it runs with it. */
export type GestureVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'callback' | 'await' | 'lifecycle' | 'module' | 'not-bound';
      /** Human-readable detail: "the success callback of wx.login", "onLoad", "setTimeout". */
      detail: string;
      /** For `not-bound`: false when nothing binds or calls the method, so it may never run at all. */
      referenced?: boolean;
    };

/** What the page's markup says about its handlers. */
export interface MarkupHandlers {
  /** Method names bound to events that carry the tap gesture (`tap`, `longpress`, a UI kit's `click`). */
  tap: ReadonlySet<string>;
  /** Method names bound to any event, with the events. */
  bound: ReadonlyMap<string, string[]>;
  /** The markup file name, for messages. */
  fileName: string;
  /**
   * Handlers of `<input type="nickname">`'s `input` and `blur` events, on inputs that do not also bind `nicknamereview`
   * (the event that reports WeChat's content check).
   */
  nicknameHandlers: ReadonlySet<string>;
  /** The privacy agree buttons (`open-type="agreePrivacyAuthorization"`): their literal ids, and whether one is computed or missing. */
  agreeButtons: { ids: ReadonlySet<string>; count: number; unknownId: boolean };
}

/** A lifecycle entry point that reaches some code, with the member the code sits in when it differs. */
export interface EntryReach {
  entry: FunctionFacts;
  /** The hook as messages name it: `App.onLaunch`, `onLoad`, `useLoad`. */
  hook: string;
}

/** A JSX element's attribute `name`, undefined when it is not written (or only a spread could set it). */
export function jsxAttributeOf(element: ts.JsxAttributes, name: string): ts.JsxAttribute | undefined {
  return element.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && p.name.text === name,
  );
}

/** The string literal a JSX attribute is set to (`type='nickname'`, `type={'nickname'}`), or undefined. */
export function jsxLiteral(attribute: ts.JsxAttribute | undefined): ts.StringLiteral | undefined {
  const init = attribute?.initializer;
  if (!init) return undefined;
  if (ts.isStringLiteral(init)) return init;
  const expression = ts.isJsxExpression(init) && init.expression ? skipOuterExpressions(init.expression) : undefined;
  return expression && ts.isStringLiteral(expression) ? expression : undefined;
}

/** True when a JSX element spreads props (`{...rest}`), which may set any attribute. */
export function jsxHasSpread(element: ts.JsxAttributes): boolean {
  return element.properties.some(ts.isJsxSpreadAttribute);
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

// `uni` is a global of uni-app projects, written without an import.
const globalNamespaces: Record<string, ApiNamespace> = { wx: 'wx', my: 'my', tt: 'tt', Taro: 'Taro', uni: 'uni' };
const taroModules = new Set(['@tarojs/taro']);
const definitionCalls = new Set<string>(['Page', 'Component', 'App', 'Behavior']);
const componentGroups = new Set(['methods', 'lifetimes', 'pageLifetimes']);
const mixinKeys = new Set(['behaviors', 'mixins']);

const lifecycleMembers = new Set([
  'onLoad',
  'onShow',
  'onReady',
  'onHide',
  'onUnload',
  'onLaunch',
  'onInit',
  'created',
  'attached',
  'ready',
  'moved',
  'detached',
  'didMount',
  'didUpdate',
  'didUnmount',
  'deriveDataFromProps',
  'componentDidMount',
  'componentWillMount',
  'componentDidShow',
  'componentDidHide',
  'componentDidUpdate',
  'constructor',
  // Vue components (uni-app pages): the component hooks besides the page hooks above.
  'beforeCreate',
  'beforeMount',
  'mounted',
  'setup',
]);
/**
 * Vue's and uni-app's hook functions of the Composition API (`onLoad(() => …)` from `@dcloudio/uni-app`,
 * `onMounted` from `vue`): called by their bare name, they register a lifecycle callback.
 */
const compositionHooks = new Set([
  'onLaunch',
  'onLoad',
  'onShow',
  'onReady',
  'onHide',
  'onUnload',
  'onMounted',
  'onBeforeMount',
  'onActivated',
]);
const lifecycleHooks = new Set([
  'useEffect',
  'useLayoutEffect',
  'useDidShow',
  'useDidHide',
  'useLoad',
  'useReady',
  'useLaunch',
  'useUnload',
  'useMount',
]);
const deferringCalls = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'nextTick',
  'then',
  'catch',
  'finally',
]);
const synchronousCallbacks = new Set([
  'forEach',
  'map',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
  'flatMap',
  'sort',
]);
const callbackProperties = new Set(['success', 'fail', 'complete']);
const jsxTapAttributes = new Set(['onClick', 'onTap', 'onLongPress', 'onLongTap', 'onLongClick']);
const conditionOperators = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** The lifecycle hooks that run as the app launches or a page opens, as messages name them. */
function launchHookOf(fn: FunctionFacts): string | undefined {
  const member = fn.member;
  if (member) {
    const { name, kind, group } = member;
    if ((kind === 'App' || kind === 'class') && (name === 'onLaunch' || (kind === 'App' && name === 'onShow')))
      return `App.${name}`;
    if (kind === 'Vue' && group === undefined && isAppVue(fn.node) && (name === 'onLaunch' || name === 'onShow'))
      return `App.${name}`;
    if (name !== 'onLoad' && name !== 'onShow') return undefined;
    if (kind === 'Page' || kind === 'class' || (kind === 'Vue' && group === undefined)) return name;
    return kind === 'Component' && group === 'methods' ? name : undefined;
  }
  const hook = fn.invocation.kind === 'deferred' && fn.invocation.reason === 'lifecycle' ? fn.invocation.detail : undefined;
  if ((hook === 'onLaunch' || hook === 'onShow') && isAppVue(fn.node)) return `App.${hook}`;
  return hook === 'useLaunch' || hook === 'useLoad' || hook === 'useDidShow' || hook === 'onLoad' || hook === 'onShow'
    ? hook
    : undefined;
}

/** The app-level launch hooks (for "the app logs in at launch"). */
function appLaunchHookOf(fn: FunctionFacts): boolean {
  const member = fn.member;
  if (member) {
    if (member.kind === 'App') return member.name === 'onLaunch' || member.name === 'onShow';
    if (member.kind === 'Vue')
      return member.group === undefined && isAppVue(fn.node) && (member.name === 'onLaunch' || member.name === 'onShow');
    if (member.kind === 'class')
      return (
        member.name === 'onLaunch' ||
        member.name === 'componentDidMount' ||
        member.name === 'componentWillMount' ||
        member.name === 'componentDidShow'
      );
    return false;
  }
  const hook = fn.invocation.kind === 'deferred' && fn.invocation.reason === 'lifecycle' ? fn.invocation.detail : undefined;
  if ((hook === 'onLaunch' || hook === 'onShow') && isAppVue(fn.node)) return true;
  return hook === 'useLaunch' || hook === 'useEffect' || hook === 'useDidShow';
}

/** True for code of a uni-app `App.vue`, whose `onLaunch`/`onShow` are the app's. */
function isAppVue(node: ts.Node): boolean {
  const fileName = node.getSourceFile().fileName;
  return /(^|[\\/])App\.vue$/.test(fileName);
}

/** Page lifecycle methods a page built with `Component({ methods })` declares in `methods`. */
const pageMethodsLifecycle = new Set(['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']);

/** True for a member the framework calls itself: a lifecycle method, `lifetimes.x`, `pageLifetimes.x`. */
function isLifecycleMember(member: DefinitionMember): boolean {
  if (member.group === 'lifetimes' || member.group === 'pageLifetimes') return true;
  if (member.group === 'methods') return pageMethodsLifecycle.has(member.name);
  return lifecycleMembers.has(member.name);
}

function calleeName(expr: ts.Expression): string | undefined {
  const callee = skipOuterExpressions(expr);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Source text of a callee for messages (`wx.login`, `setTimeout`), shortened. */
function calleeText(expr: ts.Expression, sourceFile: ts.SourceFile): string {
  const text = expr.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The node itself or the outermost parentheses around it. */
function hostOf(node: ts.Node): ts.Node {
  let host = node;
  while (host.parent && ts.isParenthesizedExpression(host.parent)) host = host.parent;
  return host;
}

function isCallable(expression: ts.Expression): boolean {
  const value = skipOuterExpressions(expression);
  return (
    ts.isFunctionExpression(value) ||
    ts.isArrowFunction(value) ||
    ts.isIdentifier(value) ||
    ts.isPropertyAccessExpression(value) ||
    ts.isElementAccessExpression(value) ||
    ts.isCallExpression(value)
  );
}

function functionOf(expression: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const value = skipOuterExpressions(expression);
  return ts.isFunctionExpression(value) || ts.isArrowFunction(value) ? value : undefined;
}

/** True when a statement always leaves its block (`return`, `throw`), so code after it never runs on that path. */
function alwaysExits(statement: ts.Statement | undefined): boolean {
  if (!statement) return false;
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return alwaysExits(statement.statements[statement.statements.length - 1]);
  if (ts.isIfStatement(statement)) return alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  return false;
}

function inRegion(node: ts.Node, region: { start: number; end: number } | ts.Node): boolean {
  return 'kind' in region ? contains(region, node) : node.pos >= region.start && node.end <= region.end;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/**
 * True when control can go from `from` (which ends before `to` starts, in the same function) to `to`:
 * false when `from` sits in a branch that always returns or throws and does not hold `to`
 * (`if (!ok) { await toast(); return }` never reaches the code after the `if`).
 */
function canFlowTo(from: ts.Node, to: ts.Node): boolean {
  for (let node: ts.Node | undefined = from; node && !contains(node, to); node = node.parent) {
    const parent = node.parent;
    if (!parent || isFunctionLike(parent)) return true;
    const branch =
      (ts.isIfStatement(parent) && (parent.thenStatement === node || parent.elseStatement === node)) ||
      ts.isCaseClause(parent) ||
      ts.isDefaultClause(parent) ||
      (ts.isCatchClause(parent) && parent.block === node);
    if (branch && ts.isStatement(node) && alwaysExits(node)) return false;
    // A statement that always exits, followed (in its block) by the code: that code is unreachable after it.
    if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(node) && alwaysExits(node)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Feature tests

/** A region of code: a node, or a span (the rest of a block after `if (!test) return`). */
type Region = ts.Node | { start: number; end: number };

/** A feature test (`wx.canIUse('getUserProfile')`, `if (wx.getUserProfile)`) and what it guards. */
interface FeatureTest {
  /** The namespace tested (`wx`), when the test names one; a kept flag's test has its origin's. */
  namespace?: ApiNamespace;
  /** The API path it tests: `getUserProfile`, `getUserProfile.object.desc`, `button.open-type.getUserInfo`. */
  path: string;
  /** The code that runs only when the feature exists, or `page` when the result is kept (a flag in `data`). */
  present?: Region | 'page';
  /** The code that runs only when the feature is missing (the fallback branch). */
  missing?: Region;
  /** The name the result is kept under (`canIUse: wx.canIUse('x')`, `const canUse = …`), for later tests of it. */
  keptAs?: string;
}

/** How a test is used: the code it guards when the feature exists and when it is missing, or the name it is kept under. */
function testUse(test: ts.Node, usesResult: (node: ts.Node) => boolean): Omit<FeatureTest, 'path' | 'namespace'> {
  let node = hostOf(test);
  let positive = true;
  for (let depth = 0; depth < 8; depth++) {
    const parent = node.parent;
    if (!parent) return {};
    if (ts.isParenthesizedExpression(parent)) {
      node = parent;
      continue;
    }
    if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) {
      positive = !positive;
      node = parent;
      continue;
    }
    if (ts.isTypeOfExpression(parent)) {
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if (
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken
      ) {
        // typeof wx.x === 'function' / !== 'undefined'
        const other = parent.left === node ? parent.right : parent.left;
        const literal = ts.isStringLiteralLike(other) ? other.text : undefined;
        const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
        if (literal === 'undefined' ? !negated : negated) positive = !positive;
        node = parent;
        continue;
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        if (parent.left === node) return positive ? { present: parent.right } : {};
        node = parent; // x && <test>: the whole is true only when the test is
        continue;
      }
      // !wx.x || use(): the right side runs only when the API exists.
      if (op === ts.SyntaxKind.BarBarToken) return parent.left === node && !positive ? { present: parent.right } : {};
      if (op === ts.SyntaxKind.EqualsToken && parent.right === node) {
        const target = parent.left;
        const keptAs = ts.isIdentifier(target)
          ? target.text
          : ts.isPropertyAccessExpression(target)
            ? target.name.text
            : undefined;
        return { present: 'page', ...(keptAs ? { keptAs } : {}) };
      }
      return {};
    }
    if (ts.isIfStatement(parent) && parent.expression === node) {
      const whenTrue = parent.thenStatement;
      const whenFalse = parent.elseStatement;
      const after = alwaysExits(whenTrue) && parent.parent ? { start: parent.end, end: parent.parent.end } : undefined;
      if (positive) {
        // if (wx.getUserProfile) { this.setData({ canIUse: true }) }: the branch keeps the result.
        return { present: usesResult(whenTrue) ? whenTrue : 'page', ...(whenFalse ? { missing: whenFalse } : {}) };
      }
      const present = after ?? whenFalse;
      return { ...(present ? { present } : {}), missing: whenTrue };
    }
    if (ts.isConditionalExpression(parent) && parent.condition === node) {
      return positive
        ? { present: parent.whenTrue, missing: parent.whenFalse }
        : { present: parent.whenFalse, missing: parent.whenTrue };
    }
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
      const keptAs = propertyNameText(parent.name);
      return { present: 'page', ...(keptAs ? { keptAs } : {}) };
    }
    if (ts.isReturnStatement(parent) || ts.isShorthandPropertyAssignment(parent)) return { present: 'page' };
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) return { present: 'page' };
    return {};
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------------------
// The model

/** The page model of one parsed script. Build it with {@link pageModelOf}. */
export class PageModel {
  readonly aliases: AliasTable;
  /** The catalog API calls of the file, in source order. */
  readonly calls: ApiCall[] = [];
  readonly definitions: ScriptDefinitions;
  /** Every function with a body, by its node. */
  readonly functions = new Map<ts.Node, FunctionFacts>();

  private readonly constants = new Map<string, ts.VariableDeclaration[]>();
  private readonly callExpressions: ts.CallExpression[] = [];
  /** The function each of {@link callExpressions} runs in. */
  private readonly callOwners: Array<FunctionFacts | undefined> = [];
  private readonly callsByNode = new Map<ts.CallExpression, ApiCall>();
  private readonly edgesBySite = new Map<ts.Node, CallEdge[]>();
  private readonly functionsByName = new Map<string, FunctionFacts[]>();
  private readonly membersByScope = new Map<ts.Node, Map<string, FunctionFacts[]>>();
  /** Members that name a module function (`onTap: handleTap`), by scope and member name. */
  private readonly memberAliases = new Map<ts.Node, Map<string, string>>();
  private readonly thisAliases = new Map<string, Array<{ declaration: ts.VariableDeclaration; scope: ts.Node | undefined }>>();
  private readonly jsxTapHandlers: ts.Expression[] = [];
  /** Literal `openType` values of JSX elements (Taro's `<Button openType="getUserInfo">`), with the value's span inside its quotes. */
  readonly jsxOpenTypes: Array<{ value: string; span: { start: number; end: number }; element: ts.JsxAttributes }> = [];
  /** JSX elements with `type='nickname'` (Taro's `<Input type='nickname'>`). */
  readonly jsxNicknameInputs: ts.JsxAttributes[] = [];
  private readonly featureTests: FeatureTest[] = [];
  private lost?: Map<FunctionFacts, { reason: 'callback' | 'lifecycle' | 'await'; detail: string }>;
  /** The functions the last markup's taps reach (a page's analysis asks once per call, with the same markup). */
  private tapCache?: { markup: MarkupHandlers | undefined; reached: Set<FunctionFacts> };
  private identifiers?: Map<string, ts.Identifier[]>;
  private canIUseFlags?: Map<string, string>;
  /** Set when the file assigns members onto `this` under computed keys. */
  private computedThisMembers = false;

  /** True for a `.vue` single-file component's script. */
  private readonly vue: boolean;

  constructor(readonly sourceFile: ts.SourceFile) {
    this.vue = isVueFile(sourceFile.fileName);
    const collected = this.collect();
    this.aliases = this.resolveAliases(collected.imports, collected.variables);
    const definitions = new DefinitionCollector(
      this,
      collected.definitions,
      collected.assignments,
      collected.classes,
      this.vue ? scriptSetupOf(sourceFile) : undefined,
    ).collect();
    this.definitions = this.computedThisMembers ? { ...definitions, complete: false } : definitions;
    this.linkFunctions();
    this.resolveCalls();
    this.resolveFeatureTests(collected.testCandidates);
  }

  // -- the one walk -----------------------------------------------------------------------------------------

  private collect() {
    const sf = this.sourceFile;
    const imports: ts.ImportDeclaration[] = [];
    const variables: ts.VariableDeclaration[] = [];
    const definitions: Array<{ kind: DefinitionKind; argument: ts.Expression | undefined }> = [];
    const assignments = new Map<string, ts.BinaryExpression[]>();
    const classes: ts.ClassLikeDeclaration[] = [];
    const testCandidates: ts.Node[] = [];

    // One walk that knows the function each node runs in, so calls and awaits get their owner without walking
    // up the tree. It keeps its own stack (deep binary chains overflow a recursive walk): a function's
    // children are followed by a marker that restores the enclosing owner.
    let owner: FunctionFacts | undefined;
    let innermost: ts.Node | undefined;
    const stack: Array<ts.Node | { restore: FunctionFacts | undefined; innermost: ts.Node | undefined }> = [];
    const children: ts.Node[] = [];
    const collectChild = (child: ts.Node) => {
      // Tokens, identifiers and literals have nothing the model records (their parents are read instead),
      // and they are close to half of all nodes.
      if (child.kind >= ts.SyntaxKind.FirstNode) children.push(child);
    };
    const pushChildren = (node: ts.Node) => {
      ts.forEachChild(node, collectChild);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      children.length = 0;
    };
    pushChildren(sf);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (!('kind' in next)) {
        owner = next.restore;
        innermost = next.innermost;
        continue;
      }
      const node = next;
      switch (node.kind) {
        case ts.SyntaxKind.ImportDeclaration:
          imports.push(node as ts.ImportDeclaration);
          break;
        case ts.SyntaxKind.VariableDeclaration: {
          const declaration = node as ts.VariableDeclaration;
          if (!declaration.initializer) break;
          variables.push(declaration);
          if (ts.isIdentifier(declaration.name)) {
            const list = declaration.parent;
            if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) {
              const named = this.constants.get(declaration.name.text);
              if (named) named.push(declaration);
              else this.constants.set(declaration.name.text, [declaration]);
            }
            if (skipOuterExpressions(declaration.initializer).kind === ts.SyntaxKind.ThisKeyword) {
              const named = this.thisAliases.get(declaration.name.text);
              const entry = { declaration, scope: undefined };
              if (named) named.push(entry);
              else this.thisAliases.set(declaration.name.text, [entry]);
            }
          }
          break;
        }
        case ts.SyntaxKind.CallExpression: {
          const call = node as ts.CallExpression;
          this.callExpressions.push(call);
          this.callOwners.push(owner);
          if (ts.isIdentifier(call.expression) && definitionCalls.has(call.expression.text)) {
            definitions.push({ kind: call.expression.text as DefinitionKind, argument: call.arguments[0] });
          }
          const callee = call.expression;
          if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'canIUse') testCandidates.push(call);
          break;
        }
        case ts.SyntaxKind.AwaitExpression:
          owner?.awaits.push({ at: node, fn: innermost! });
          break;
        case ts.SyntaxKind.ForOfStatement:
          if ((node as ts.ForOfStatement).awaitModifier) owner?.awaits.push({ at: node, fn: innermost! });
          break;
        case ts.SyntaxKind.BinaryExpression: {
          const binary = node as ts.BinaryExpression;
          const op = binary.operatorToken.kind;
          if (
            op === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(binary.left) &&
            ts.isIdentifier(binary.left.expression)
          ) {
            const target = binary.left.expression.text;
            const list = assignments.get(target);
            if (list) list.push(binary);
            else assignments.set(target, [binary]);
          } else if (
            op === ts.SyntaxKind.EqualsToken &&
            ts.isElementAccessExpression(binary.left) &&
            (binary.left.expression.kind === ts.SyntaxKind.ThisKeyword ||
              (ts.isIdentifier(binary.left.expression) && this.thisAliases.has(binary.left.expression.text))) &&
            !ts.isStringLiteralLike(binary.left.argumentExpression)
          ) {
            // this['_' + name] = …: members made at run time, under names the file does not show.
            this.computedThisMembers = true;
          } else if (op === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(binary.left)) {
            testCandidates.push(binary);
          }
          break;
        }
        case ts.SyntaxKind.TypeOfExpression:
          testCandidates.push(node);
          break;
        case ts.SyntaxKind.IfStatement:
        case ts.SyntaxKind.ConditionalExpression: {
          // `if (canUse)`: a plain name is no node the walk visits, but it may test a kept feature flag.
          let condition = ts.isIfStatement(node) ? node.expression : (node as ts.ConditionalExpression).condition;
          while (
            ts.isParenthesizedExpression(condition) ||
            (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken)
          ) {
            condition = ts.isParenthesizedExpression(condition) ? condition.expression : condition.operand;
          }
          if (ts.isIdentifier(condition)) testCandidates.push(condition);
          break;
        }
        case ts.SyntaxKind.PropertyAccessExpression:
        case ts.SyntaxKind.ElementAccessExpression:
          if (isTruthTest(node)) testCandidates.push(node);
          break;
        case ts.SyntaxKind.JsxAttribute: {
          const attribute = node as ts.JsxAttribute;
          const init = attribute.initializer;
          if (ts.isIdentifier(attribute.name) && jsxTapAttributes.has(attribute.name.text)) {
            if (init && ts.isJsxExpression(init) && init.expression) this.jsxTapHandlers.push(init.expression);
          } else if (
            ts.isIdentifier(attribute.name) &&
            attribute.name.text === 'type' &&
            init &&
            jsxLiteral(attribute)?.text === 'nickname'
          ) {
            this.jsxNicknameInputs.push(attribute.parent);
          } else if (ts.isIdentifier(attribute.name) && attribute.name.text === 'openType' && init) {
            const value = ts.isStringLiteral(init)
              ? init
              : init.kind === ts.SyntaxKind.JsxExpression &&
                  (init as ts.JsxExpression).expression &&
                  ts.isStringLiteral((init as ts.JsxExpression).expression!)
                ? ((init as ts.JsxExpression).expression as ts.StringLiteral)
                : undefined;
            if (value)
              this.jsxOpenTypes.push({
                value: value.text,
                span: { start: value.getStart(sf) + 1, end: value.getEnd() - 1 },
                element: attribute.parent,
              });
          }
          break;
        }
        case ts.SyntaxKind.ClassDeclaration:
        case ts.SyntaxKind.ClassExpression:
          classes.push(node as ts.ClassLikeDeclaration);
          break;
        case ts.SyntaxKind.ExportAssignment:
          // A single-file component's options: `export default {…}`, `export default defineComponent({…})`.
          if (this.vue) definitions.push({ kind: 'Vue', argument: vueOptions((node as ts.ExportAssignment).expression) });
          break;
      }
      if (isFunctionLike(node) && node.body) {
        const facts = this.addFunction(node, owner);
        stack.push({ restore: owner, innermost });
        if (facts.invocation.kind !== 'inline') owner = facts;
        innermost = node;
      }
      pushChildren(node);
    }

    return { imports, variables, definitions, assignments, classes, testCandidates };
  }

  private addFunction(node: ts.FunctionLikeDeclaration, outer: FunctionFacts | undefined): FunctionFacts {
    const invocation = this.invocationOf(node);
    const facts: FunctionFacts = { node, invocation, awaits: [], edges: [], callers: [], ...(outer ? { outer } : {}) };
    if (invocation.kind === 'deferred' && invocation.reason === 'lifecycle') facts.lifecycle = invocation.detail;
    this.functions.set(node, facts);
    return facts;
  }

  /** How a function is invoked by its surroundings. */
  private invocationOf(fn: ts.FunctionLikeDeclaration): Invocation {
    const parent = fn.parent;
    if (!parent) return { kind: 'declared' };
    if (ts.isCallExpression(parent) && skipOuterExpressions(parent.expression) === fn) return { kind: 'inline' };
    const host = hostOf(fn);
    const container = host.parent;
    if (
      container &&
      (ts.isCallExpression(container) || ts.isNewExpression(container)) &&
      container.arguments?.includes(host as ts.Expression)
    ) {
      const name = calleeName(container.expression);
      if (ts.isNewExpression(container)) return name === 'Promise' ? { kind: 'inline' } : { kind: 'argument' };
      if (name && synchronousCallbacks.has(name)) return { kind: 'inline' };
      if (name && lifecycleHooks.has(name)) return { kind: 'deferred', reason: 'lifecycle', detail: name };
      if (name && compositionHooks.has(name) && ts.isIdentifier(skipOuterExpressions(container.expression)))
        return { kind: 'deferred', reason: 'lifecycle', detail: name };
      if (name && deferringCalls.has(name)) {
        const chained = name === 'then' || name === 'catch' || name === 'finally';
        const receiver =
          chained && ts.isPropertyAccessExpression(skipOuterExpressions(container.expression))
            ? skipOuterExpressions((skipOuterExpressions(container.expression) as ts.PropertyAccessExpression).expression)
            : undefined;
        return {
          kind: 'deferred',
          reason: 'callback',
          detail: chained ? `a .${name}() callback` : name,
          ...(receiver && ts.isCallExpression(receiver) ? { after: { call: receiver, on: name } } : {}),
        };
      }
      return { kind: 'argument' };
    }
    // { success: () => … } passed to another call: runs when that call completes.
    const property = ts.isMethodDeclaration(fn) ? fn : container && ts.isPropertyAssignment(container) ? container : undefined;
    if (property) {
      const key = propertyNameText(property.name);
      const object = property.parent;
      if (key && callbackProperties.has(key) && object && ts.isObjectLiteralExpression(object)) {
        const arg = hostOf(object);
        const call = arg.parent;
        if (call && ts.isCallExpression(call) && call.arguments.includes(arg as ts.Expression)) {
          return {
            kind: 'deferred',
            reason: 'callback',
            detail: `the ${key} callback of ${calleeText(call.expression, this.sourceFile)}`,
            after: { call, on: key },
          };
        }
      }
    }
    return { kind: 'declared' };
  }

  // -- resolution ---------------------------------------------------------------------------------------------

  private resolveAliases(imports: ts.ImportDeclaration[], variables: ts.VariableDeclaration[]): AliasTable {
    const namespaces = new Map<string, ApiNamespace>(Object.entries(globalNamespaces));
    const members = new Map<string, ApiRef>();
    for (const statement of imports) {
      const clause = statement.importClause;
      if (!clause) continue;
      if (!ts.isStringLiteral(statement.moduleSpecifier) || !taroModules.has(statement.moduleSpecifier.text)) {
        // `import { tt } from './bridge'`: the file's own `tt`, not the platform's global.
        for (const name of importedNames(clause)) if (name in globalNamespaces) namespaces.delete(name);
        continue;
      }
      if (clause.name) namespaces.set(clause.name.text, 'Taro');
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, 'Taro');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (imported === 'default') namespaces.set(element.name.text, 'Taro');
          else members.set(element.name.text, { namespace: 'Taro', name: imported });
        }
      }
    }
    // Two rounds so that `const T = require('@tarojs/taro'); const { getUserProfile } = T;` resolves.
    for (let round = 0; round < 2; round++) {
      for (const declaration of variables) {
        const init = skipOuterExpressions(declaration.initializer!);
        const namespace = isTaroRequire(init) ? 'Taro' : ts.isIdentifier(init) ? namespaces.get(init.text) : undefined;
        if (ts.isIdentifier(declaration.name)) {
          if (namespace) namespaces.set(declaration.name.text, namespace);
          else if (declaration.name.text in globalNamespaces) namespaces.delete(declaration.name.text);
          else {
            const ref = resolveApiReference(init, { namespaces, members });
            if (ref) members.set(declaration.name.text, ref);
          }
        } else if (ts.isObjectBindingPattern(declaration.name) && namespace) {
          for (const element of declaration.name.elements) {
            if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
            members.set(element.name.text, { namespace, name: propertyNameText(element.propertyName) ?? element.name.text });
          }
        }
      }
    }
    return { namespaces, members };
  }

  /** Names every function: definition members, class members, declarations, `const x = () => …`; marks lifecycle hooks. */
  private linkFunctions(): void {
    for (const member of this.definitions.members) {
      if (member.alias) {
        let aliases = this.memberAliases.get(member.scope);
        if (!aliases) this.memberAliases.set(member.scope, (aliases = new Map()));
        aliases.set(member.name, member.alias);
      }
      const facts = member.fn && this.functions.get(member.fn);
      if (!facts) continue;
      facts.member = member;
      facts.name = member.name;
      facts.scope = member.scope;
      this.addToScope(member.scope, member.name, facts);
      // `<script setup>` bindings are module functions too: the script calls them by name.
      if (member.group === 'setup') this.addNamed(member.name, facts);
      if (isLifecycleMember(member))
        facts.lifecycle ??= member.group && member.group !== 'methods' ? `${member.group}.${member.name}` : member.name;
    }
    for (const facts of this.functions.values()) {
      const node = facts.node;
      if (facts.member) continue;
      const parent = node.parent;
      if (ts.isFunctionDeclaration(node) && node.name) this.addNamed(node.name.text, facts);
      else if (
        parent &&
        ts.isVariableDeclaration(parent) &&
        parent.initializer &&
        skipOuterExpressions(parent.initializer) === node &&
        ts.isIdentifier(parent.name)
      ) {
        this.addNamed(parent.name.text, facts);
      } else if (
        ts.isMethodDeclaration(node) ||
        (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node)
      ) {
        // A member of a plain object literal (not a definition): `this` is that object.
        const holder = ts.isMethodDeclaration(node) ? node : parent!;
        const name = propertyNameText((holder as ts.MethodDeclaration | ts.PropertyAssignment).name);
        if (name && holder.parent && ts.isObjectLiteralExpression(holder.parent) && facts.invocation.kind === 'declared') {
          facts.name = name;
          facts.scope = holder.parent;
          this.addToScope(holder.parent, name, facts);
        }
      }
    }
    for (const [, aliases] of this.thisAliases) {
      for (const alias of aliases) alias.scope = this.thisScopeAt(alias.declaration);
    }
  }

  private addToScope(scope: ts.Node, name: string, facts: FunctionFacts): void {
    let names = this.membersByScope.get(scope);
    if (!names) this.membersByScope.set(scope, (names = new Map()));
    const list = names.get(name);
    if (list) list.push(facts);
    else names.set(name, [facts]);
  }

  private addNamed(name: string, facts: FunctionFacts): void {
    facts.name ??= name;
    // Appended in place: copying the list per function was quadratic in minified code (a 600 KB bundle took 12 s).
    const list = this.functionsByName.get(name);
    if (list) list.push(facts);
    else this.functionsByName.set(name, [facts]);
  }

  /** API calls and the call graph's edges. */
  private resolveCalls(): void {
    for (let i = 0; i < this.callExpressions.length; i++) {
      const node = this.callExpressions[i]!;
      const ref = resolveApiReference(node.expression, this.aliases);
      const api = ref && getApi(ref.namespace, ref.name);
      if (ref && api) {
        const first = node.arguments[0];
        let options: ts.ObjectLiteralExpression | undefined;
        if (first) {
          const arg = skipOuterExpressions(first);
          if (ts.isObjectLiteralExpression(arg)) options = arg;
          else if (ts.isIdentifier(arg)) {
            const value = this.constInitializer(arg);
            const object = value && skipOuterExpressions(value);
            if (object && ts.isObjectLiteralExpression(object)) options = object;
          }
        }
        const call: ApiCall = {
          ref,
          api,
          node,
          callee: { start: node.expression.getStart(this.sourceFile), end: node.expression.getEnd() },
          ...(options ? { options } : {}),
          opaqueOptions: first !== undefined && options === undefined,
        };
        this.calls.push(call);
        this.callsByNode.set(node, call);
        continue;
      }
      const owner = this.callOwners[i];
      if (!owner) continue;
      const targets = this.callTargets(node.expression, node);
      if (targets.length === 0) continue;
      const timing = this.awaitBefore(owner, node) ? 'await' : 'sync';
      for (const target of targets) this.addEdge({ from: owner, to: target, site: node, timing });
    }
    // A callback belongs to the function that registers it.
    for (const facts of this.functions.values()) {
      const invocation = facts.invocation;
      const outer = facts.outer;
      if (!outer || (invocation.kind !== 'deferred' && invocation.kind !== 'argument')) continue;
      if (invocation.kind === 'deferred' && invocation.reason === 'lifecycle') continue;
      this.addEdge({ from: outer, to: facts, site: facts.node, timing: invocation.kind === 'deferred' ? 'deferred' : 'unknown' });
    }
  }

  private addEdge(edge: CallEdge): void {
    edge.from.edges.push(edge);
    edge.to.callers.push(edge);
    const list = this.edgesBySite.get(edge.site);
    if (list) list.push(edge);
    else this.edgesBySite.set(edge.site, [edge]);
  }

  /** The functions a callee may stand for: `this.x`, `that.x`, `x`. */
  private callTargets(callee: ts.Expression, at: ts.Node): FunctionFacts[] {
    const expr = skipOuterExpressions(callee);
    if (ts.isIdentifier(expr)) return this.functionsByName.get(expr.text) ?? [];
    if (ts.isPropertyAccessExpression(expr)) {
      const scope = this.thisScopeOfExpression(expr.expression, at);
      if (scope) return this.scopeMembers(scope, expr.name.text);
    }
    return [];
  }

  /** The members named `name` of a scope, and the module function a member names (`onTap: handleTap`). */
  private scopeMembers(scope: ts.Node, name: string): FunctionFacts[] {
    const found = this.membersByScope.get(scope)?.get(name);
    if (found) return found;
    const alias = this.memberAliases.get(scope)?.get(name);
    return alias ? (this.functionsByName.get(alias) ?? []) : [];
  }

  /** The scope `this` (or an alias of it: `that`, `self`, `_this`) stands for at `at`. */
  private thisScopeOfExpression(object: ts.Expression, at: ts.Node): ts.Node | undefined {
    const expr = skipOuterExpressions(object);
    if (expr.kind === ts.SyntaxKind.ThisKeyword) return this.thisScopeAt(at);
    if (!ts.isIdentifier(expr)) return undefined;
    const aliases = this.thisAliases.get(expr.text);
    if (!aliases) return undefined;
    // The nearest declaration whose scope holds the use.
    let best: { declaration: ts.VariableDeclaration; scope: ts.Node | undefined } | undefined;
    for (const alias of aliases) {
      const block = alias.declaration.parent?.parent?.parent;
      if (block && contains(block, at) && (!best || contains(best.declaration.parent!.parent!.parent!, block))) best = alias;
    }
    return best?.scope;
  }

  /** The object or class `this` refers to at a node (arrow functions see their parent's `this`). */
  private thisScopeAt(node: ts.Node): ts.Node | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunctionLike(current)) continue;
      const facts = this.functions.get(current);
      if (facts?.scope) return facts.scope;
      if (!ts.isArrowFunction(current)) return undefined;
    }
    return undefined;
  }

  private resolveFeatureTests(candidates: ts.Node[]): void {
    // Kept results: `canIUse: wx.canIUse('x')` in data, `const canUse = …`, or `this.setData({ canIUse: true })`
    // in a branch that tested the feature. A later test of that name is a test of the feature.
    const flags = new Map<string, { path: string; namespace?: ApiNamespace }>();
    const later: ts.Node[] = [];
    for (const node of candidates) {
      const tested = this.testedFeature(node);
      if (!tested) {
        later.push(node);
        continue;
      }
      const api = tested.path.split('.')[0]!;
      // A branch that calls the API, or a function of the file, guards what it runs; one that only keeps
      // the result (`this.setData({ canIUse: true })`) guards the page.
      const usesResult = (region: ts.Node) =>
        this.callsWithin(region).some((c) => this.edgesBySite.has(c) || this.callsByNode.get(c)?.ref.name === api);
      const use = testUse(node, usesResult);
      this.featureTests.push({ ...tested, ...use });
      if (use.keptAs) flags.set(use.keptAs, tested);
      const branch = use.present === 'page' ? hostOf(node).parent : undefined;
      if (branch && ts.isIfStatement(branch)) {
        for (const key of this.keptTrue(branch.thenStatement)) flags.set(key, tested);
      }
    }
    for (const node of later) {
      const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
      const tested = name === undefined ? undefined : flags.get(name);
      if (!tested) continue;
      const use = testUse(node, () => true);
      if (use.present !== undefined || use.missing !== undefined) this.featureTests.push({ ...tested, ...use });
    }
  }

  /** The feature a test node names: `wx.canIUse('x')`, `typeof wx.x`, `'x' in wx`, `wx.x` in a condition. */
  private testedFeature(node: ts.Node): { path: string; namespace?: ApiNamespace } | undefined {
    if (ts.isCallExpression(node)) {
      const callee = node.expression as ts.PropertyAccessExpression;
      const argument = node.arguments[0];
      const object = skipOuterExpressions(callee.expression);
      const namespace = ts.isIdentifier(object) ? this.aliases.namespaces.get(object.text) : undefined;
      return argument && ts.isStringLiteralLike(argument) && namespace ? { path: argument.text, namespace } : undefined;
    }
    if (ts.isTypeOfExpression(node)) {
      const ref = resolveApiReference(node.expression, this.aliases);
      return ref ? { path: ref.name, namespace: ref.namespace } : undefined;
    }
    if (ts.isBinaryExpression(node)) {
      const object = skipOuterExpressions(node.right);
      const namespace = ts.isIdentifier(object) ? this.aliases.namespaces.get(object.text) : undefined;
      return namespace ? { path: (node.left as ts.StringLiteral).text, namespace } : undefined;
    }
    if (ts.isIdentifier(node)) return undefined;
    const ref = resolveApiReference(node as ts.Expression, this.aliases);
    return ref ? { path: ref.name, namespace: ref.namespace } : undefined;
  }

  /** The keys a branch sets to `true` through `setData({ key: true })`. */
  private keptTrue(branch: ts.Node): string[] {
    const keys: string[] = [];
    for (const call of this.callsWithin(branch)) {
      const callee = skipOuterExpressions(call.expression);
      const argument = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
      if (
        !ts.isPropertyAccessExpression(callee) ||
        callee.name.text !== 'setData' ||
        !argument ||
        !ts.isObjectLiteralExpression(argument)
      )
        continue;
      for (const property of argument.properties) {
        const key =
          ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.TrueKeyword
            ? propertyNameText(property.name)
            : undefined;
        if (key) keys.push(key);
      }
    }
    return keys;
  }

  /** The call expressions inside a node, in source order (the walk visits them in order of their start). */
  private callsWithin(region: ts.Node): ts.CallExpression[] {
    const calls = this.callExpressions;
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (calls[middle]!.pos < region.pos) low = middle + 1;
      else high = middle;
    }
    const found: ts.CallExpression[] = [];
    for (let i = low; i < calls.length && calls[i]!.pos < region.end; i++) if (calls[i]!.end <= region.end) found.push(calls[i]!);
    return found;
  }

  // -- queries ------------------------------------------------------------------------------------------------

  /** The function whose body runs a node, past inline functions (array callbacks, IIFEs, Promise executors). */
  ownerOf(node: ts.Node): FunctionFacts | undefined {
    for (let current = node.parent; current; current = current.parent) {
      const facts = this.functions.get(current);
      if (facts && facts.invocation.kind !== 'inline') return facts;
    }
    return undefined;
  }

  /** True when an `await` of `owner` runs before `node` on some path to it. */
  awaitBefore(owner: FunctionFacts, node: ts.Node): boolean {
    if (owner.awaits.length === 0) return false;
    return owner.awaits.some(({ at, fn }) => {
      if (at.end > node.pos) return false;
      // An await inside an inline async callback (`list.forEach(async () => { await x })`) does not hold up the caller.
      if (fn !== owner.node && !contains(fn, node)) return false;
      return canFlowTo(at, node);
    });
  }

  /** The functions a call expression of the file may invoke. */
  private targetsOf(site: ts.Node): FunctionFacts[] {
    return (this.edgesBySite.get(site) ?? []).map((e) => e.to);
  }

  /** The initializer of the `const` declaration an identifier names (the nearest one in scope). */
  constInitializer(identifier: ts.Identifier): ts.Expression | undefined {
    let best: ts.Expression | undefined;
    for (const declaration of this.constants.get(identifier.text) ?? []) {
      const statement = declaration.parent.parent;
      const scope = statement.parent ?? statement;
      if (identifier.pos >= scope.pos && identifier.end <= scope.end) best = declaration.initializer;
    }
    return best;
  }

  /**
   * The identifiers in `scope` that read the binding `name` (from offset `after` on), leaving out functions
   * that declare their own `name`. The identifier index is built on the first question, for the few files
   * that ask (those that read a result's fields).
   */
  references(name: string, scope: ts.Node, after = -1): ts.Identifier[] {
    if (!this.identifiers) {
      const index = new Map<string, ts.Identifier[]>();
      walk(this.sourceFile, (node) => {
        if (!ts.isIdentifier(node)) return;
        const list = index.get(node.text);
        if (list) list.push(node);
        else index.set(node.text, [node]);
      });
      this.identifiers = index;
    }
    const declares = (fn: ts.FunctionLikeDeclaration) =>
      fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
    return (this.identifiers.get(name) ?? []).filter((node) => {
      if (node.pos < scope.pos || node.end > scope.end || node.getStart(this.sourceFile) < after) return false;
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
      if (
        (ts.isPropertyAssignment(parent) ||
          ts.isBindingElement(parent) ||
          ts.isVariableDeclaration(parent) ||
          ts.isParameter(parent)) &&
        parent.name === node
      )
        return false;
      if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
      for (let current: ts.Node = parent; current !== scope && current.parent; current = current.parent) {
        if (isFunctionLike(current) && declares(current)) return false;
      }
      return true;
    });
  }

  /** Why code in `owner` runs without the gesture, whatever calls it: a callback, a lifecycle hook, an `await`. */
  private lostWitness(owner: FunctionFacts) {
    if (!this.lost) {
      const lost = new Map<FunctionFacts, { reason: 'callback' | 'lifecycle' | 'await'; detail: string }>();
      const queue: FunctionFacts[] = [];
      const mark = (facts: FunctionFacts, why: { reason: 'callback' | 'lifecycle' | 'await'; detail: string }) => {
        if (lost.has(facts)) return;
        lost.set(facts, why);
        queue.push(facts);
      };
      for (const facts of this.functions.values()) {
        if (facts.lifecycle) mark(facts, { reason: 'lifecycle', detail: facts.lifecycle });
        else if (facts.invocation.kind === 'deferred') mark(facts, { reason: 'callback', detail: facts.invocation.detail });
      }
      for (const facts of this.functions.values()) {
        for (const edge of facts.edges)
          if (edge.timing === 'await') mark(edge.to, { reason: 'await', detail: facts.name ?? 'the caller' });
      }
      while (queue.length > 0) {
        const facts = queue.pop()!;
        const why = lost.get(facts)!;
        for (const edge of facts.edges) if (edge.timing === 'sync' || edge.timing === 'await') mark(edge.to, why);
      }
      this.lost = lost;
    }
    return this.lost.get(owner);
  }

  /** The functions a tap reaches synchronously: markup-bound tap handlers, JSX tap handlers, and what they call. */
  private tapReached(markup: MarkupHandlers | undefined): Set<FunctionFacts> {
    if (this.tapCache && this.tapCache.markup === markup) return this.tapCache.reached;
    const entries: FunctionFacts[] = [];
    for (const expression of this.jsxTapHandlers) entries.push(...this.handlerFunctions(expression));
    if (markup) {
      for (const member of this.definitions.members) {
        if (!markup.tap.has(member.name) || !bindable(member)) continue;
        entries.push(...this.scopeMembers(member.scope, member.name));
      }
    }
    const reached = new Set<FunctionFacts>();
    const queue = entries.filter((f) => !f.lifecycle && f.invocation.kind !== 'deferred');
    for (const facts of queue) reached.add(facts);
    while (queue.length > 0) {
      const facts = queue.pop()!;
      for (const edge of facts.edges) {
        const target = edge.to;
        if (edge.timing !== 'sync' || reached.has(target) || target.lifecycle || target.invocation.kind === 'deferred') continue;
        reached.add(target);
        queue.push(target);
      }
    }
    this.tapCache = { markup, reached };
    return reached;
  }

  /** The functions a JSX handler expression designates: inline functions, names, `this.x`, `this.x.bind(this)`. */
  private handlerFunctions(expression: ts.Expression): FunctionFacts[] {
    let expr = skipOuterExpressions(expression);
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'bind') {
      expr = skipOuterExpressions(expr.expression.expression);
    }
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      const facts = this.functions.get(expr);
      return facts ? [facts] : [];
    }
    return this.callTargets(expr, expression);
  }

  /**
   * Whether a call runs straight from a user's tap. Any path that loses the gesture (a lifecycle hook, a
   * callback, an `await` before it) is reported, even when a tap also reaches it: that path fails at run
   * time. Undefined when the file does not say (a helper exported for other modules, a page without markup).
   */
  gestureVerdict(call: ts.CallExpression, markup: MarkupHandlers | undefined): GestureVerdict | undefined {
    const owner = this.ownerOf(call);
    if (!owner) return { ok: false, reason: 'module', detail: 'module' };
    if (this.awaitBefore(owner, call)) return { ok: false, reason: 'await', detail: owner.name ?? '' };
    const lost = this.lostWitness(owner);
    if (lost) return { ok: false, ...lost };
    if (this.tapReached(markup).has(owner)) return { ok: true };
    if (owner.member && bindable(owner.member)) {
      if (!markup) return undefined;
      const events = markup.bound.get(owner.name!);
      return {
        ok: false,
        reason: 'not-bound',
        detail: events
          ? `${owner.name} is bound to ${events.join(', ')}, not to a tap`
          : `${owner.name} is not bound to a tap in ${markup.fileName}`,
        referenced: events !== undefined || owner.callers.length > 0,
      };
    }
    return undefined;
  }

  /**
   * The JSX elements with a literal `openType` of `value` (Taro's `<Button openType="getAuthorize" scope="userInfo"
   * onGetAuthorize={…}>`): the span of the value, the scopes it names and the functions its `event` attribute designates.
   */
  jsxButtons(
    value: string,
    event: string,
  ): Array<{ span: { start: number; end: number }; scopes: string[]; hasScope: boolean; handlers?: FunctionFacts[] }> {
    return this.jsxOpenTypes
      .filter((openType) => openType.value === value)
      .map((openType) => {
        let scopes: string[] = [];
        let hasScope = false;
        let handlers: FunctionFacts[] | undefined;
        for (const property of openType.element.properties) {
          if (!ts.isJsxAttribute(property) || !ts.isIdentifier(property.name)) continue;
          const init = property.initializer;
          const expression = init && ts.isJsxExpression(init) ? init.expression : init;
          if (property.name.text === 'scope') {
            hasScope = true;
            if (expression && ts.isStringLiteralLike(expression)) scopes = expression.text.split(/[\s,|]+/).filter(Boolean);
          } else if (property.name.text === event && expression) {
            handlers = this.handlerFunctions(expression);
          }
        }
        return { span: openType.span, scopes, hasScope, ...(handlers ? { handlers } : {}) };
      });
  }

  /** The definition member's function that holds `node`: the member itself, or the one whose body holds the callback. */
  memberFunctionOf(node: ts.Node): FunctionFacts | undefined {
    for (let facts = this.ownerOf(node); facts; facts = facts.outer) if (facts.member) return facts;
    return undefined;
  }

  /** The JSX elements whose literal `openType` names `value`, alone or coupled (`getPhoneNumber|agreePrivacyAuthorization`). */
  jsxElementsOfOpenType(value: string): ts.JsxAttributes[] {
    return this.jsxOpenTypes.filter((openType) => openType.value.split('|').includes(value)).map((openType) => openType.element);
  }

  /**
   * The flags the page keeps in an object literal straight from `wx.canIUse('<feature>')` (`canIUseNicknameComp:
   * wx.canIUse('input.type.nickname')` in `data`) and names nowhere else, so that nothing sets them again:
   * flag → feature. Read once from the calls of the walk.
   */
  keptCanIUseFlags(): ReadonlyMap<string, string> {
    if (this.canIUseFlags) return this.canIUseFlags;
    const kept = new Map<string, string>();
    for (const call of this.callExpressions) {
      const callee = call.expression;
      const argument = call.arguments[0];
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'canIUse') continue;
      if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'wx') continue;
      if (call.arguments.length !== 1 || !argument || !ts.isStringLiteralLike(argument)) continue;
      let holder: ts.Node = call.parent;
      while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isNonNullExpression(holder))
        holder = holder.parent;
      const key = ts.isPropertyAssignment(holder) ? propertyNameText(holder.name) : undefined;
      if (key) kept.set(key, argument.text);
    }
    for (const key of [...kept.keys()]) if (wordOffsets(this.sourceFile.text, key).length !== 1) kept.delete(key);
    return (this.canIUseFlags = kept);
  }

  /**
   * The functions a JSX element's event attribute designates (`onBlur={onNickname}`, an inline arrow), undefined when
   * the element does not set it.
   */
  jsxEventHandlers(element: ts.JsxAttributes, event: string): FunctionFacts[] | undefined {
    const attribute = jsxAttributeOf(element, event);
    const init = attribute?.initializer;
    const expression = init && ts.isJsxExpression(init) ? init.expression : undefined;
    return expression ? this.handlerFunctions(expression) : undefined;
  }

  /** The calls of the file whose callee is named one of `names` (`uploadFile` for `wx.uploadFile` and `wx.cloud.uploadFile`). */
  callsNamed(names: ReadonlySet<string>): ts.CallExpression[] {
    return this.callExpressions.filter((call) => {
      const name = calleeName(call.expression);
      return name !== undefined && names.has(name);
    });
  }

  /**
   * The calls that pass `{ event: 'agree', … }` as their first argument: the `resolve` of `wx.onNeedPrivacyAuthorization`
   * telling WeChat the user agreed, with its `buttonId` property when it has one.
   */
  privacyAgreements(): Array<{ call: ts.CallExpression; options: ts.ObjectLiteralExpression; buttonId?: ts.PropertyAssignment }> {
    const found: Array<{ call: ts.CallExpression; options: ts.ObjectLiteralExpression; buttonId?: ts.PropertyAssignment }> = [];
    for (const call of this.callExpressions) {
      const first = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
      if (!first || !ts.isObjectLiteralExpression(first)) continue;
      let agree = false;
      let buttonId: ts.PropertyAssignment | undefined;
      for (const property of first.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const key = propertyNameText(property.name);
        if (key === 'event') agree = ts.isStringLiteralLike(property.initializer) && property.initializer.text === 'agree';
        else if (key === 'buttonId') buttonId = property;
      }
      if (agree) found.push({ call, options: first, ...(buttonId ? { buttonId } : {}) });
    }
    return found;
  }

  /**
   * The page methods bound to an event under `name` (a markup handler name), with their functions; methods named
   * `name` that are not functions of the file (`onTap: helpers.onTap`) are left out.
   */
  handlerFunctionsNamed(name: string): ts.FunctionLikeDeclaration[] {
    return this.definitions.members.flatMap((member) =>
      member.name === name && member.fn && bindable(member) ? [member.fn] : [],
    );
  }

  /**
   * Where the value at `path` of an event (`['detail', 'avatarUrl']`) goes from its handlers: the calls that store it
   * or send it to a server, directly or through the page's `data`, and whether it reaches a call the file does not
   * show (see valueFlow.ts).
   */
  eventValueFlow(handlers: readonly ts.FunctionLikeDeclaration[], path: readonly string[], options: FlowOptions = {}): ValueFlow {
    const members = this.definitions.members.flatMap((member) => (member.fn ? [member.fn] : []));
    return eventValueFlow(handlers, path, members, this.aliases, this.sourceFile, options);
  }

  /** True when `node` runs in one of the functions, or in a function they lead to at any timing. */
  reachedFrom(node: ts.Node, functions: readonly FunctionFacts[]): boolean {
    return this.reaching(node).some((f) => functions.includes(f));
  }

  /** Every function from which `node` can be reached (the one holding it first), following edges of any timing. */
  private reaching(node: ts.Node): FunctionFacts[] {
    const start = this.ownerOf(node);
    if (!start) return [];
    const seen = new Set<FunctionFacts>([start]);
    const order = [start];
    for (let i = 0; i < order.length; i++) {
      for (const edge of order[i]!.callers) {
        if (seen.has(edge.from)) continue;
        seen.add(edge.from);
        order.push(edge.from);
      }
    }
    return order;
  }

  /** The definition members that lead to `node`, nearest first: the member holding it, then its callers. */
  membersReaching(node: ts.Node): DefinitionMember[] {
    return this.reaching(node).flatMap((f) => (f.member ? [f.member] : []));
  }

  /** The launch and page-open hooks (`App.onLaunch`, `onLoad`, `onShow`, `useLoad`) that lead to `node`. */
  launchEntriesReaching(node: ts.Node): Array<EntryReach & { via?: string }> {
    const chain = this.reaching(node);
    const owner = chain[0];
    const found: Array<EntryReach & { via?: string }> = [];
    for (const facts of chain) {
      const hook = launchHookOf(facts);
      if (!hook) continue;
      const name = owner && owner !== facts ? nearestName(owner) : undefined;
      const via = name !== undefined && name !== nearestName(facts) ? name : undefined;
      found.push({ entry: facts, hook, ...(via ? { via } : {}) });
    }
    return found;
  }

  /** True when `node` runs from an app launch hook (App.onLaunch/onShow, Taro's launch hooks), or at module level. */
  runsAtAppLaunch(node: ts.Node): boolean {
    const chain = this.reaching(node);
    return chain.length === 0 || chain.some(appLaunchHookOf);
  }

  /**
   * True when a login has run before `node` on a path the file shows: an earlier login (or a call of a function
   * that logs in, such as a promise wrapper) in the same function, the callback or `.then` of one, or a caller
   * that logged in before calling.
   */
  loggedInBefore(node: ts.Node, isLogin: (call: ApiCall) => boolean): boolean {
    const logins = this.calls.filter(isLogin);
    if (logins.length === 0) return false;
    // Functions that log in when called: those holding a login call, and their callers, at any timing.
    const loggers = new Set<FunctionFacts>();
    const queue: FunctionFacts[] = [];
    const loginOwners = logins.map((login) => ({ login, owner: this.ownerOf(login.node) }));
    for (const { owner } of loginOwners) {
      if (owner && !loggers.has(owner)) {
        loggers.add(owner);
        queue.push(owner);
      }
    }
    while (queue.length > 0) {
      for (const edge of queue.pop()!.callers) {
        if (edge.timing === 'deferred' || loggers.has(edge.from)) continue;
        loggers.add(edge.from);
        queue.push(edge.from);
      }
    }
    const logsIn = (site: ts.Node) => {
      const call = ts.isCallExpression(site) ? this.callsByNode.get(site) : undefined;
      return (call !== undefined && logins.includes(call)) || this.targetsOf(site).some((f) => loggers.has(f));
    };
    const seen = new Set<FunctionFacts>();
    const before = (at: ts.Node, owner: FunctionFacts | undefined): boolean => {
      const earlier = loginOwners.some((l) => l.owner === owner && l.login.node.end <= at.pos);
      if (!owner || earlier) return earlier;
      if (seen.has(owner)) return false;
      seen.add(owner);
      if (owner.edges.some((e) => e.timing !== 'deferred' && e.timing !== 'unknown' && e.site.end <= at.pos && loggers.has(e.to)))
        return true;
      const invocation = owner.invocation;
      // The success of a login (or of a function that logs in), not its failure.
      const after = invocation.kind === 'deferred' ? invocation.after : undefined;
      if (after && logsIn(after.call)) {
        if (after.on === 'success' || after.on === 'complete' || after.on === 'then') return true;
        // A login's failure path (`fail`, `.catch`): no session there, whatever ran before.
        if (after.on === 'fail' || after.on === 'catch') return false;
      }
      return owner.callers.some((edge) => before(edge.site, edge.from));
    };
    return before(node, this.ownerOf(node));
  }

  /**
   * True when the API path (`getUserProfile`, `getUserProfile.object.desc`) is feature-tested where `node`
   * runs: inside the branch a test guards, on a page that keeps a test's result (a `canIUse` flag in `data`),
   * or in a function whose every caller in the file is guarded.
   */
  featureGuarded(path: string, node: ts.Node): boolean {
    const tests = this.featureTests.filter((t) => t.present !== undefined && (t.path === path || t.path.startsWith(`${path}.`)));
    if (tests.some((t) => t.present === 'page')) return true;
    const regions = tests.flatMap((t) => (t.present === undefined || t.present === 'page' ? [] : [t.present]));
    return this.guardedBy(node, (n) => regions.some((r) => inRegion(n, r)) || insideVersionCheck(n, this.sourceFile));
  }

  /**
   * The fallback regions of the file: code that runs only when a tested feature is missing
   * (the `else` of `if (wx.canIUse('button.open-type.getUserInfo'))`), with the feature. Code there is
   * dead when the project's base library always has the feature.
   */
  fallbackRegions(): Array<{ namespace?: ApiNamespace; path: string; start: number; end: number }> {
    return this.featureTests.flatMap((t) =>
      t.missing === undefined
        ? []
        : [
            {
              ...(t.namespace ? { namespace: t.namespace } : {}),
              path: t.path,
              ...('kind' in t.missing ? { start: t.missing.pos, end: t.missing.end } : t.missing),
            },
          ],
    );
  }

  /** True when `node` is inside a condition that tests the user's grant of `scope` (`authSetting['scope.userInfo']`). */
  authGuarded(node: ts.Node, scope: string): boolean {
    return this.guardedBy(node, (n) => insideAuthCheck(n, scope, this.sourceFile) || this.afterAuthorize(n));
  }

  /** True when a node runs in the `success` of an `authorize` call (`wx.authorize({ scope })`): the grant is given. */
  private afterAuthorize(node: ts.Node): boolean {
    for (let fn = this.ownerOf(node); fn; fn = fn.outer) {
      const after = fn.invocation.kind === 'deferred' ? fn.invocation.after : undefined;
      if (
        after &&
        (after.on === 'success' || after.on === 'then') &&
        resolveApiReference(after.call.expression, this.aliases)?.name === 'authorize'
      )
        return true;
    }
    return false;
  }

  /** True when `test` holds at `node`, or at every call site that leads to it (with at least one). */
  private guardedBy(node: ts.Node, test: (node: ts.Node) => boolean): boolean {
    const seen = new Set<FunctionFacts>();
    const check = (at: ts.Node): boolean => {
      if (test(at)) return true;
      const owner = this.ownerOf(at);
      if (!owner || seen.has(owner) || owner.callers.length === 0) return false;
      seen.add(owner);
      return owner.callers.every((edge) => check(edge.site));
    };
    return check(node);
  }
}

function nearestName(facts: FunctionFacts): string | undefined {
  for (let current: FunctionFacts | undefined = facts; current; current = current.outer)
    if (current.member) return current.member.name;
  return facts.name;
}

/** True for a member a template can bind: a `Page({…})` member or a `Component({ methods })` entry. */
export function bindable(member: DefinitionMember): boolean {
  if (member.kind === 'Vue') return member.group === 'methods' || member.group === 'setup';
  return member.kind === 'Page' || (member.kind === 'Component' && member.group === 'methods');
}

/** The options object of `export default …` in a `.vue` file: the object itself, or the argument of `defineComponent({…})`/`Vue.extend({…})`. */
function vueOptions(expression: ts.Expression): ts.Expression | undefined {
  const value = skipOuterExpressions(expression);
  if (ts.isCallExpression(value)) {
    const name = calleeName(value.expression);
    return name === 'defineComponent' || name === 'extend' || name === 'defineNuxtComponent' ? value.arguments[0] : undefined;
  }
  return value;
}

/** The local names an import clause binds. */
function importedNames(clause: ts.ImportClause): string[] {
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push(element.name.text);
  return names;
}

function isTaroRequire(node: ts.Expression): boolean {
  const expr = skipOuterExpressions(node);
  return (
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'require' &&
    expr.arguments.length === 1 &&
    ts.isStringLiteralLike(expr.arguments[0]!) &&
    taroModules.has(expr.arguments[0].text)
  );
}

/** True when an uncalled API reference sits where a truth test reads it (`if (wx.getUserProfile)`, `!x`, `x && …`). */
function isTruthTest(node: ts.Node): boolean {
  const current = hostOf(node);
  const parent = current.parent;
  if (!parent) return false;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent)) return parent.expression === current;
  if (ts.isConditionalExpression(parent)) return parent.condition === current;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(parent)) return conditionOperators.has(parent.operatorToken.kind);
  return false;
}

/** The conditions around a node, innermost first, with the branch the node is in. */
function* conditionsAround(node: ts.Node): Generator<{ condition: ts.Expression; whenTrue: boolean }> {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && parent.expression !== current)
      yield { condition: parent.expression, whenTrue: parent.thenStatement === current };
    else if (ts.isConditionalExpression(parent) && parent.condition !== current)
      yield { condition: parent.condition, whenTrue: parent.whenTrue === current };
    else if (
      ts.isBinaryExpression(parent) &&
      parent.right === current &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      yield { condition: parent.left, whenTrue: true };
    }
    // if (!granted) return; …the code: an earlier statement of the block that leaves when its condition holds.
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === current) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && alwaysExits(statement.thenStatement)) {
          yield { condition: statement.expression, whenTrue: false };
        }
      }
    }
    if (isFunctionLike(parent)) return;
  }
}

/** True when the node sits in a branch chosen by a base-library version comparison. */
function insideVersionCheck(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  for (const { condition } of conditionsAround(node))
    if (/SDKVersion|compareVersion/i.test(condition.getText(sourceFile))) return true;
  return false;
}

/** True when the node sits in the branch of a test of the user's grant (`res.authSetting['scope.userInfo']`). */
function insideAuthCheck(node: ts.Node, scope: string, sourceFile: ts.SourceFile): boolean {
  for (const { condition } of conditionsAround(node)) {
    // `const granted = res.authSetting['scope.userInfo']; if (granted) …`: the name stands for its value.
    const named = localInitializer(condition);
    const text = condition.getText(sourceFile) + (named ? ` ${named.getText(sourceFile)}` : '');
    if (!/authSetting|authErrorScopes|authSuccessScopes/.test(text)) continue;
    // A test of another scope (`scope.userLocation`) says nothing about this one.
    if (text.includes(scope) || !/scope\.\w/.test(text)) return true;
  }
  return false;
}

/** The initializer of a variable a condition names (`granted`, `!granted`), declared earlier in an enclosing block of the same function. */
function localInitializer(condition: ts.Expression): ts.Expression | undefined {
  let expression = skipOuterExpressions(condition);
  while (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    expression = skipOuterExpressions(expression.operand);
  }
  if (!ts.isIdentifier(expression)) return undefined;
  const name = expression.text;
  for (let scope: ts.Node | undefined = expression.parent; scope && !isFunctionLike(scope); scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (statement.pos >= expression.pos) break;
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration?.initializer) return declaration.initializer;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Definitions

/** Collects definitions and their members from what the walk gathered, resolving same-file constants, spreads and behaviors. */
class DefinitionCollector {
  private readonly members: DefinitionMember[] = [];
  private readonly kinds = new Set<DefinitionKind>();
  private complete = true;

  constructor(
    private readonly model: PageModel,
    private readonly definitions: Array<{ kind: DefinitionKind; argument: ts.Expression | undefined }>,
    private readonly assignments: Map<string, ts.BinaryExpression[]>,
    private readonly classes: ts.ClassLikeDeclaration[],
    private readonly setup: { start: number; end: number } | undefined,
  ) {}

  collect(): ScriptDefinitions {
    for (const node of this.classes) this.collectClass(node);
    if (this.setup) this.collectSetup(this.setup);
    for (const { kind, argument } of this.definitions) {
      this.kinds.add(kind);
      if (!argument) continue;
      const object = this.objectOf(argument, 0);
      if (!object) {
        this.complete = false;
        continue;
      }
      this.collectObject(object, kind, object, undefined, 0);
      const value = skipOuterExpressions(argument);
      // const page = { … }; page.onTap = function () {}; Page(page)
      if (ts.isIdentifier(value)) {
        for (const assignment of this.assignments.get(value.text) ?? []) {
          const access = assignment.left as ts.PropertyAccessExpression;
          this.push(
            { name: access.name.text, nameNode: access.name, kind, callable: isCallable(assignment.right), scope: object },
            assignment.right,
            undefined,
          );
        }
      }
    }
    return { members: this.members, kinds: this.kinds, complete: this.complete };
  }

  /** The object literal an expression is, or names through a same-file `const`. */
  private objectOf(expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const value = skipOuterExpressions(expression);
    if (ts.isObjectLiteralExpression(value)) return value;
    if (ts.isIdentifier(value) && depth < 5) {
      const initializer = this.model.constInitializer(value);
      return initializer ? this.objectOf(initializer, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The definition object of a same-file `const x = Behavior({…})` (or a plain object used as a mixin). */
  private mixinObject(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    let value = skipOuterExpressions(expression);
    if (ts.isIdentifier(value)) {
      const initializer = this.model.constInitializer(value);
      if (!initializer) return undefined;
      value = skipOuterExpressions(initializer);
    }
    if (
      ts.isCallExpression(value) &&
      ts.isIdentifier(value.expression) &&
      value.expression.text === 'Behavior' &&
      value.arguments[0]
    ) {
      return this.objectOf(value.arguments[0], 0);
    }
    return ts.isObjectLiteralExpression(value) ? value : undefined;
  }

  private collectObject(
    object: ts.ObjectLiteralExpression,
    kind: DefinitionKind,
    scope: ts.Node,
    group: string | undefined,
    depth: number,
  ): void {
    if (depth > 5) {
      this.complete = false;
      return;
    }
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.objectOf(property.expression, 0);
        if (spread) this.collectObject(spread, kind, scope, group, depth + 1);
        else this.complete = false;
        continue;
      }
      const name = propertyNameText(property.name);
      if (name === undefined) {
        if (ts.isComputedPropertyName(property.name)) this.complete = false;
        continue;
      }
      if (group === undefined && ts.isPropertyAssignment(property)) {
        if (kind === 'Vue' && (name === 'setup' || name === 'extends')) {
          // setup() returns bindings the template may use; `extends` brings another component's members.
          this.complete = false;
        }
        if (
          ((kind === 'Component' || kind === 'Behavior') && componentGroups.has(name)) ||
          (kind === 'Vue' && name === 'methods')
        ) {
          const inner = this.objectOf(property.initializer, 0);
          if (inner) this.collectObject(inner, kind, scope, name, depth + 1);
          else if (name === 'methods') this.complete = false;
          continue;
        }
        if (mixinKeys.has(name)) {
          this.collectMixins(property.initializer, kind, scope, depth);
          continue;
        }
      }
      if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property) || ts.isSetAccessorDeclaration(property)) {
        this.members.push({
          name,
          nameNode: property.name,
          kind,
          callable: ts.isMethodDeclaration(property),
          scope,
          fn: property,
          ...(group ? { group } : {}),
        });
      } else if (ts.isPropertyAssignment(property)) {
        this.push(
          { name, nameNode: property.name, kind, callable: isCallable(property.initializer), scope },
          property.initializer,
          group,
        );
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.members.push({
          name,
          nameNode: property.name,
          kind,
          callable: true,
          scope,
          alias: name,
          ...(group ? { group } : {}),
        });
      }
    }
  }

  /** `behaviors: [a, 'wx://form-field']` / `mixins: [m]`: same-file ones add their members; others are unknown. */
  private collectMixins(initializer: ts.Expression, kind: DefinitionKind, scope: ts.Node, depth: number): void {
    const list = skipOuterExpressions(initializer);
    if (!ts.isArrayLiteralExpression(list)) {
      this.complete = false;
      return;
    }
    for (const element of list.elements) {
      // Built-in behaviors (`wx://form-field`, `my://…`) add no methods a template binds.
      if (ts.isStringLiteralLike(element)) continue;
      const mixin = this.mixinObject(element);
      if (mixin) this.collectObject(mixin, kind, scope, undefined, depth + 1);
      else this.complete = false;
    }
  }

  private push(base: Omit<DefinitionMember, 'fn' | 'group' | 'alias'>, value: ts.Expression, group: string | undefined): void {
    const fn = functionOf(value);
    const named = skipOuterExpressions(value);
    this.members.push({
      ...base,
      ...(fn ? { fn } : {}),
      ...(group ? { group } : {}),
      ...(!fn && ts.isIdentifier(named) ? { alias: named.text } : {}),
    });
  }

  /**
   * The top-level bindings of `<script setup>`, which its template uses by name: functions, and variables (a
   * variable may hold a function: `const onTap = debounce(…)`).
   */
  private collectSetup(span: { start: number; end: number }): void {
    const sf = this.model.sourceFile;
    this.kinds.add('Vue');
    for (const statement of sf.statements) {
      if (statement.getStart(sf) < span.start || statement.end > span.end) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        const name = statement.name;
        this.members.push({
          name: name.text,
          nameNode: name,
          kind: 'Vue',
          group: 'setup',
          fn: statement,
          callable: true,
          scope: sf,
        });
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
          const name = declaration.name;
          this.push(
            { name: name.text, nameNode: name, kind: 'Vue', callable: isCallable(declaration.initializer), scope: sf },
            declaration.initializer,
            'setup',
          );
        }
      }
    }
  }

  private collectClass(node: ts.ClassLikeDeclaration): void {
    for (const element of node.members) {
      const name = propertyNameText(element.name);
      if (!name || !element.name) continue;
      if (ts.isMethodDeclaration(element)) {
        this.members.push({ name, nameNode: element.name, kind: 'class', fn: element, callable: true, scope: node });
      } else if (ts.isPropertyDeclaration(element) && element.initializer && functionOf(element.initializer)) {
        this.members.push({
          name,
          nameNode: element.name,
          kind: 'class',
          fn: functionOf(element.initializer)!,
          callable: true,
          scope: node,
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cache

const models = new WeakMap<ts.SourceFile, PageModel>();

/** The page model of a parsed script, built once per parse (and so once per document version). */
export function pageModelOf(sourceFile: ts.SourceFile): PageModel {
  let model = models.get(sourceFile);
  if (!model) models.set(sourceFile, (model = new PageModel(sourceFile)));
  return model;
}
