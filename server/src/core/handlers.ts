/**
 * Which code runs straight from a user's tap. WeChat and Douyin only accept `getUserProfile` while the
 * tap gesture is alive: synchronously inside a tap handler, or in a function such a handler calls
 * synchronously. The gesture is lost in callbacks (`success` of another API, `.then`, `setTimeout`),
 * after an `await`, and in lifecycle hooks.
 *
 * Tap handlers come from the page's markup (`bindtap="x"`, Alipay `onTap="x"`) and from Taro JSX
 * (`onClick={…}`). The graph follows `this.x()`, `that.x()` and plain calls of same-file functions.
 */
import ts from 'typescript';
import { enclosingFunction, isFunctionLike, propertyNameText, skipOuterExpressions, walk } from './parse';

/** What the page's markup says about its handlers, for the gesture analysis. */
export interface MarkupHandlers {
  /** Method names bound to tap events (`tap`, `longpress`, `longtap`). */
  tap: ReadonlySet<string>;
  /** Method names bound to any event, with the events. */
  bound: ReadonlyMap<string, string[]>;
  /** The markup file name, for messages. */
  fileName: string;
}

/**
 * Where the tap gesture is lost, or why a function is not a tap handler. `ok` means a tap handler reaches
 * the code synchronously; undefined from {@link GestureGraph.verdict} means it cannot be told.
 */
export type GestureVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'callback' | 'await' | 'lifecycle' | 'module' | 'not-bound';
      /** Human-readable detail: "the success callback of wx.login", "onLoad", "setTimeout". */
      detail: string;
    };

const lifecycleMembers = new Set([
  'onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onLaunch', 'onInit',
  'created', 'attached', 'ready', 'moved', 'detached', 'didMount', 'didUpdate', 'didUnmount', 'onInit', 'deriveDataFromProps',
  'componentDidMount', 'componentWillMount', 'componentDidShow', 'componentDidHide', 'componentDidUpdate', 'constructor',
]);
const lifecycleHooks = new Set([
  'useEffect', 'useLayoutEffect', 'useDidShow', 'useDidHide', 'useLoad', 'useReady', 'useLaunch', 'useUnload', 'useMount',
]);
const deferringCalls = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'nextTick', 'then', 'catch', 'finally',
]);
const synchronousCallbacks = new Set([
  'forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'flatMap', 'sort',
]);
const callbackProperties = new Set(['success', 'fail', 'complete']);
const definitionFunctions = new Set(['Page', 'Component', 'App', 'Behavior']);
const jsxTapAttributes = new Set(['onClick', 'onTap', 'onLongPress', 'onLongTap', 'onLongClick']);

/** A function of the file, as the graph sees it. */
interface FunctionUnit {
  node: ts.FunctionLikeDeclaration;
  /** The member or function name, when it has one. */
  name?: string;
  /** For members: the object literal or class the name belongs to (what `this` is). */
  scope?: ts.Node;
  /** Set when the function is a member of a Page/Component/App definition. */
  definitionMember?: boolean;
  /** Why the function runs without the gesture: a callback, a lifecycle hook. */
  lost?: { reason: 'callback' | 'lifecycle'; detail: string };
  /** A JSX tap handler or a markup-bound tap handler. */
  tapEntry?: boolean;
  /** Functions this one calls synchronously, and those it calls after an `await`. */
  calls: Array<{ target: FunctionUnit; afterAwait: boolean }>;
  /** End offsets of the `await` expressions in this function's own body. */
  awaits: number[];
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

/**
 * Classifies how a function is invoked by its surroundings: part of its parent's synchronous flow
 * (array callbacks, IIFEs, Promise executors), a deferred callback, or neither.
 */
function invocationOf(
  fn: ts.FunctionLikeDeclaration,
  sourceFile: ts.SourceFile,
): { kind: 'inline' } | { kind: 'lost'; reason: 'callback' | 'lifecycle'; detail: string } | { kind: 'other' } {
  const parent = fn.parent;
  if (!parent) return { kind: 'other' };
  // (function () { … })() and friends run in place.
  if (ts.isCallExpression(parent) && skipOuterExpressions(parent.expression) === fn) return { kind: 'inline' };
  let host: ts.Node = fn;
  while (host.parent && ts.isParenthesizedExpression(host.parent)) host = host.parent;
  const container = host.parent;
  if (container && (ts.isCallExpression(container) || ts.isNewExpression(container)) && container.arguments?.includes(host as ts.Expression)) {
    const name = calleeName(container.expression);
    if (ts.isNewExpression(container) && name === 'Promise') return { kind: 'inline' };
    if (name && synchronousCallbacks.has(name)) return { kind: 'inline' };
    if (name && lifecycleHooks.has(name)) return { kind: 'lost', reason: 'lifecycle', detail: name };
    if (name && deferringCalls.has(name)) {
      const detail = name === 'then' || name === 'catch' || name === 'finally' ? `a .${name}() callback` : name;
      return { kind: 'lost', reason: 'callback', detail };
    }
    return { kind: 'other' };
  }
  // { success: () => … } passed to another call: runs when that call completes.
  const property = ts.isMethodDeclaration(fn) ? fn : container && ts.isPropertyAssignment(container) ? container : undefined;
  if (property) {
    const key = propertyNameText(property.name);
    const object = property.parent;
    if (key && callbackProperties.has(key) && object && ts.isObjectLiteralExpression(object)) {
      let arg: ts.Node = object;
      while (arg.parent && ts.isParenthesizedExpression(arg.parent)) arg = arg.parent;
      const call = arg.parent;
      if (call && ts.isCallExpression(call) && call.arguments.includes(arg as ts.Expression)) {
        return { kind: 'lost', reason: 'callback', detail: `the ${key} callback of ${calleeText(call.expression, sourceFile)}` };
      }
    }
  }
  return { kind: 'other' };
}

/** The Page/Component/App definition object an object literal belongs to, if any. */
function definitionObjectOf(object: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression | undefined {
  let current: ts.ObjectLiteralExpression = object;
  for (let depth = 0; depth < 3; depth++) {
    let host: ts.Node = current;
    while (host.parent && ts.isParenthesizedExpression(host.parent)) host = host.parent;
    const parent = host.parent;
    if (parent && ts.isCallExpression(parent) && parent.arguments[0] === host) {
      const name = calleeName(parent.expression);
      return name && definitionFunctions.has(name) ? current : undefined;
    }
    // methods: { … }, lifetimes: { … }, pageLifetimes: { … } inside Component({ … })
    if (parent && ts.isPropertyAssignment(parent) && parent.parent && ts.isObjectLiteralExpression(parent.parent)) {
      current = parent.parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The gesture graph of one script file. Build it once per parse and ask it about any call. */
export class GestureGraph {
  private readonly units = new Map<ts.Node, FunctionUnit>();
  private readonly membersByScope = new Map<ts.Node, Map<string, FunctionUnit[]>>();
  private readonly functionsByName = new Map<string, FunctionUnit[]>();
  private readonly thisAliases = new Set<string>();
  private tapReachable?: Set<FunctionUnit>;
  private lostReachable?: Map<FunctionUnit, { reason: 'callback' | 'lifecycle' | 'await'; detail: string }>;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    /** The page's markup bindings; undefined when the page has no markup file or binds dynamically. */
    private readonly markup: MarkupHandlers | undefined,
  ) {
    this.collect();
  }

  private unitFor(node: ts.FunctionLikeDeclaration): FunctionUnit {
    let unit = this.units.get(node);
    if (!unit) {
      unit = { node, calls: [], awaits: [] };
      this.units.set(node, unit);
    }
    return unit;
  }

  private addMember(scope: ts.Node, name: string, unit: FunctionUnit): void {
    unit.name = name;
    unit.scope = scope;
    let members = this.membersByScope.get(scope);
    if (!members) this.membersByScope.set(scope, (members = new Map()));
    members.set(name, [...(members.get(name) ?? []), unit]);
  }

  private addFunction(name: string, unit: FunctionUnit): void {
    unit.name ??= name;
    // Appended in place: copying the list per function was quadratic in minified code, where thousands of
    // functions share one name (a 600 KB bundle took 12 s).
    const units = this.functionsByName.get(name);
    if (units) units.push(unit);
    else this.functionsByName.set(name, [unit]);
  }

  /** The unit whose body a node belongs to, lifting through array callbacks and IIFEs. */
  private ownerUnit(node: ts.Node): FunctionUnit | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      if (invocationOf(fn, this.sourceFile).kind !== 'inline') return this.units.get(fn);
    }
    return undefined;
  }

  private collect(): void {
    const sf = this.sourceFile;
    const jsxHandlers: ts.Expression[] = [];
    const calls: ts.CallExpression[] = [];
    const awaits: ts.Node[] = [];

    walk(sf, (node) => {
      if (isFunctionLike(node) && node.body) {
        const unit = this.unitFor(node);
        const invocation = invocationOf(node, sf);
        if (invocation.kind === 'lost') unit.lost = { reason: invocation.reason, detail: invocation.detail };
        this.classifyMember(node, unit);
      } else if (ts.isCallExpression(node)) {
        calls.push(node);
      } else if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) {
        awaits.push(node);
      } else if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && jsxTapAttributes.has(node.name.text)) {
        const init = node.initializer;
        if (init && ts.isJsxExpression(init) && init.expression) jsxHandlers.push(init.expression);
      } else if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        skipOuterExpressions(node.initializer).kind === ts.SyntaxKind.ThisKeyword
      ) {
        this.thisAliases.add(node.name.text);
      }
    });

    for (const node of awaits) this.ownerUnit(node)?.awaits.push(node.getEnd());

    for (const call of calls) {
      const owner = this.ownerUnit(call);
      if (!owner) continue;
      const afterAwait = owner.awaits.some((end) => end <= call.getStart(sf));
      for (const target of this.resolveCallTargets(call.expression, owner)) owner.calls.push({ target, afterAwait });
    }

    for (const expr of jsxHandlers) {
      for (const unit of this.resolveHandlerExpression(expr)) unit.tapEntry = true;
    }
    if (this.markup) {
      for (const [scope, members] of this.membersByScope) {
        for (const [name, units] of members) {
          if (!this.markup.tap.has(name)) continue;
          for (const unit of units) if (unit.definitionMember && unit.scope === scope) unit.tapEntry = true;
        }
      }
    }
  }

  /** Records a function's name: object member, class member, declaration or `const x = () => …`. */
  private classifyMember(node: ts.FunctionLikeDeclaration, unit: FunctionUnit): void {
    const parent = node.parent;
    if (ts.isFunctionDeclaration(node) && node.name) {
      this.addFunction(node.name.text, unit);
      return;
    }
    let member: ts.Node | undefined;
    let name: string | undefined;
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
      member = node;
      name = propertyNameText(node.name);
    } else if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
      member = parent;
      name = propertyNameText(parent.name);
    } else if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
      this.addFunction(parent.name.text, unit);
      return;
    }
    if (!member || !name || !member.parent) return;
    const owner = member.parent;
    if (ts.isClassLike(owner)) {
      this.addMember(owner, name, unit);
      if (lifecycleMembers.has(name)) unit.lost ??= { reason: 'lifecycle', detail: name };
      return;
    }
    if (!ts.isObjectLiteralExpression(owner)) return;
    const definition = definitionObjectOf(owner);
    const scope = definition ?? owner;
    this.addMember(scope, name, unit);
    if (!definition) return;
    unit.definitionMember = true;
    const group = owner === definition ? undefined : propertyNameText((owner.parent as ts.PropertyAssignment).name);
    if (group === 'lifetimes' || group === 'pageLifetimes' || (group === undefined && lifecycleMembers.has(name))) {
      unit.lost ??= { reason: 'lifecycle', detail: group ? `${group}.${name}` : name };
    }
  }

  /** The units a call may invoke synchronously: `this.x()`, `that.x()`, `x()`. */
  private resolveCallTargets(callee: ts.Expression, owner: FunctionUnit): FunctionUnit[] {
    const expr = skipOuterExpressions(callee);
    if (ts.isIdentifier(expr)) return this.functionsByName.get(expr.text) ?? [];
    if (ts.isPropertyAccessExpression(expr)) {
      const object = skipOuterExpressions(expr.expression);
      const isThis =
        object.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(object) && this.thisAliases.has(object.text));
      if (isThis) return this.scopeMembers(owner, expr.name.text);
    }
    return [];
  }

  /** Members named `name` of the scope `this` refers to inside `owner`. */
  private scopeMembers(owner: FunctionUnit, name: string): FunctionUnit[] {
    // `this` in an arrow function is the enclosing function's `this`.
    let unit: FunctionUnit | undefined = owner;
    while (unit && ts.isArrowFunction(unit.node) && !unit.scope) unit = this.ownerUnitOfFunction(unit.node);
    const scope = unit?.scope;
    return scope ? (this.membersByScope.get(scope)?.get(name) ?? []) : [];
  }

  private ownerUnitOfFunction(fn: ts.Node): FunctionUnit | undefined {
    const outer = enclosingFunction(fn);
    return outer ? this.units.get(outer) : undefined;
  }

  /** The units a JSX handler expression designates: inline functions, names, `this.x`, `this.x.bind(this)`. */
  private resolveHandlerExpression(expression: ts.Expression): FunctionUnit[] {
    let expr = skipOuterExpressions(expression);
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'bind') {
      expr = skipOuterExpressions(expr.expression.expression);
    }
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      const unit = this.units.get(expr);
      return unit ? [unit] : [];
    }
    if (ts.isIdentifier(expr)) return this.functionsByName.get(expr.text) ?? [];
    if (ts.isPropertyAccessExpression(expr) && skipOuterExpressions(expr.expression).kind === ts.SyntaxKind.ThisKeyword) {
      for (let node: ts.Node | undefined = expr.parent; node; node = node.parent) {
        if (ts.isClassLike(node)) return this.membersByScope.get(node)?.get(expr.name.text) ?? [];
      }
    }
    return [];
  }

  private computeReachability(): void {
    const tap = new Set<FunctionUnit>();
    const lost = new Map<FunctionUnit, { reason: 'callback' | 'lifecycle' | 'await'; detail: string }>();
    const tapQueue = [...this.units.values()].filter((u) => u.tapEntry && !u.lost);
    for (const unit of tapQueue) tap.add(unit);
    while (tapQueue.length > 0) {
      const unit = tapQueue.pop()!;
      for (const { target, afterAwait } of unit.calls) {
        if (afterAwait || tap.has(target) || target.lost) continue;
        tap.add(target);
        tapQueue.push(target);
      }
    }
    const lostQueue: FunctionUnit[] = [];
    for (const unit of this.units.values()) {
      if (unit.lost) {
        lost.set(unit, unit.lost);
        lostQueue.push(unit);
      }
    }
    // Calls after an await in any function lose the gesture too.
    for (const unit of this.units.values()) {
      for (const { target, afterAwait } of unit.calls) {
        if (afterAwait && !lost.has(target)) {
          lost.set(target, { reason: 'await', detail: unit.name ?? 'the caller' });
          lostQueue.push(target);
        }
      }
    }
    while (lostQueue.length > 0) {
      const unit = lostQueue.pop()!;
      const origin = lost.get(unit)!;
      for (const { target } of unit.calls) {
        if (lost.has(target)) continue;
        lost.set(target, origin);
        lostQueue.push(target);
      }
    }
    this.tapReachable = tap;
    this.lostReachable = lost;
  }

  /**
   * Whether a call (e.g. of `wx.getUserProfile`) runs straight from a tap. Undefined when the file does
   * not say (a helper exported for other modules, a callback of an unknown function, a page without markup).
   */
  verdict(call: ts.CallExpression): GestureVerdict | undefined {
    const sf = this.sourceFile;
    if (!this.tapReachable) this.computeReachability();
    const owner = this.ownerUnit(call);
    if (!owner) return { ok: false, reason: 'module', detail: 'module' };
    if (owner.awaits.some((end) => end <= call.getStart(sf))) return { ok: false, reason: 'await', detail: owner.name ?? '' };
    if (owner.lost) return { ok: false, reason: owner.lost.reason, detail: owner.lost.detail };
    if (this.tapReachable!.has(owner)) return { ok: true };
    const lost = this.lostReachable!.get(owner);
    if (lost) return { ok: false, reason: lost.reason, detail: lost.detail };
    if (owner.definitionMember && owner.name) {
      if (!this.markup) return undefined;
      const events = this.markup.bound.get(owner.name);
      return {
        ok: false,
        reason: 'not-bound',
        detail: events ? `${owner.name} is bound to ${events.join(', ')}, not to a tap` : `${owner.name} is not bound to a tap in ${this.markup.fileName}`,
      };
    }
    return undefined;
  }
}
