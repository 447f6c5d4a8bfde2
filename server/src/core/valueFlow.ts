/**
 * Where a value that an event hands to a page handler goes: `e.detail.avatarUrl` of `bindchooseavatar`, or
 * `e.detail.value` of a nickname input. The page model answers it ({@link PageModel.eventValueFlow}) by reading
 * the handlers' bodies in source order: the names bound to the value (`const { avatarUrl } = e.detail`, an object
 * that holds it), the places the page keeps it between its methods ({@link Store}), and the calls that store it
 * (`wx.setStorageSync`) or send it to a server (`wx.request`, cloud functions, the cloud database). A second pass
 * reads the page for each kept value read back (`this.data.avatarUrl`) and stored or sent, until it is overwritten.
 *
 * It errs on the side of silence: a value handed to any other call (a helper that may upload it, a
 * transformation) makes the flow {@link ValueFlow.escapes}, and the rules say nothing then. Two kinds of call are
 * known instead: tests and searches of the value (`/\.\w+$/.exec(path)`, `path.startsWith('http')`), whose result
 * is not the value; and, when asked, the calls that upload or save the file ({@link uploadCalls}), which the flow
 * records as {@link ValueFlow.uploaded}.
 */
import ts from 'typescript';
import { resolveApiReference, type AliasTable } from './calls';
import { isFunctionLike, propertyNameText, skipOuterExpressions } from './parse';

/** A call that stores or sends the value. */
export interface ValueSink {
  kind: 'storage' | 'server';
  call: ts.CallExpression;
  /** The callee as written (`wx.setStorageSync`), for messages. */
  label: string;
  /** Where the page kept the value on its way, as read back (`data.avatarUrl`, `this.nickname`). */
  through?: string;
}

/** Where the value goes. */
export interface ValueFlow {
  sinks: ValueSink[];
  /** True when the value reaches a call the analysis does not know, which may upload or transform it. */
  escapes: boolean;
  /** True when the value itself reaches an upload or save call (followed only when {@link FlowOptions} asks). */
  uploaded: boolean;
}

/** How to follow the value. */
export interface FlowOptions {
  /** Record a value handed to an upload or save call ({@link uploadCalls}) as uploaded, not as escaping. */
  followUploads?: boolean;
}

/**
 * The calls that upload or persist a local file: `wx.uploadFile`, `wx.cloud.uploadFile`, the file-system manager's
 * `saveFile`/`copyFile` (and the old `wx.saveFile`), matched by name.
 */
export const uploadCalls: ReadonlySet<string> = new Set(['uploadFile', 'saveFile', 'saveFileSync', 'copyFile', 'copyFileSync']);

/**
 * What the value is at a name: the rest of the path to it (`['avatarUrl']` for `e.detail`), `[]` for the value or an
 * object holding it, `'store'` for the object a page keeps values in (`this.data`, `this.state`) while one of its keys
 * is read back.
 */
type Path = readonly string[] | 'store';

/**
 * Where a page keeps a value between its methods, with how it is written and read back:
 * - `data`: `this.setData({ key })`, read as `this.data.key` (native pages and components);
 * - `state`: `this.setState({ key })`, read as `this.state.key` (class components of Taro's React);
 * - `this`: `this.key = value`, read as `this.key` (Vue's options API);
 * - `variable`: a variable of an enclosing function or of the module, written by `key.value = value` (a Vue `ref`)
 *   or by the setter of `const [key, setKey] = useState()` (React), read as `key`; `scope` is where it is declared.
 */
interface Store {
  kind: 'data' | 'state' | 'this' | 'variable';
  key: string;
  scope?: ts.Node;
  /** For a variable: where in it the value was put (`['globalData', 'avatar']` for `app.globalData.avatar = url`). */
  path?: readonly string[];
}

/** How a message names a kept value. */
function storeLabel(store: Store): string {
  if (store.kind === 'variable') return [store.key, ...(store.path ?? [])].join('.');
  return store.kind === 'this' ? `this.${store.key}` : `${store.kind}.${store.key}`;
}

const storageApis = new Set(['setStorage', 'setStorageSync', 'batchSetStorage', 'batchSetStorageSync']);
const serverApis = new Set(['request']);
/** Cloud database writes: `db.collection('users').add({ data })`, `.doc(id).update({ data })`, `.set({ data })`. */
const databaseWrites = new Set(['add', 'update', 'set']);
/** Calls that read a value without keeping or sending it. */
const harmless = new Set(['log', 'info', 'warn', 'error', 'debug', 'stringify', 'String', 'showToast', 'showModal']);
/**
 * Calls that test or search the value and return something else (a match, a flag, a position): neither a place the
 * value goes nor a copy of it. Found in the real-world study: `/\.\w+$/.exec(avatarUrl)[0]` for the file's extension.
 */
const searches = new Set(['test', 'exec', 'match', 'includes', 'startsWith', 'endsWith', 'indexOf']);

function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The receiver chain of a call holds a `collection(…)` call (the cloud database). */
function onCollection(callee: ts.Expression): boolean {
  for (let node: ts.Expression = callee; ;) {
    node = skipOuterExpressions(node);
    if (ts.isPropertyAccessExpression(node)) node = node.expression;
    else if (ts.isCallExpression(node)) {
      if (calleeName(skipOuterExpressions(node.expression)) === 'collection') return true;
      node = node.expression;
    } else return false;
  }
}

function memberName(node: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function isChain(node: ts.Node): node is ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression {
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}

/** The names a function declares itself (parameters, variables, inner functions), which shadow outer ones. */
function declaredIn(fn: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  const addName = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addName(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) addName(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  for (const parameter of fn.parameters) visit(parameter);
  if (fn.body) visit(fn.body);
  return names;
}

/** The statements of a scope that may declare its variables: a function body's or the file's. */
function scopeStatements(scope: ts.Node): readonly ts.Statement[] {
  if (ts.isSourceFile(scope)) return scope.statements;
  if (isFunctionLike(scope) && scope.body && ts.isBlock(scope.body)) return scope.body.statements;
  return [];
}

/**
 * The variable `name` declared at the top of a scope enclosing `from` (the nearest one): the scope, and whether it is
 * the state of `const [name, setName] = useState()` (or the setter, when `setter` is asked for).
 */
function enclosingDeclaration(
  from: ts.Node,
  name: string,
): { scope: ts.Node; declaration: ts.VariableDeclaration; stateOf?: string } | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (!isFunctionLike(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scopeStatements(scope)) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return { scope, declaration };
        if (!ts.isArrayBindingPattern(declaration.name)) continue;
        const [state, setter] = declaration.name.elements;
        const init = declaration.initializer && skipOuterExpressions(declaration.initializer);
        const isUseState =
          init !== undefined && ts.isCallExpression(init) && calleeName(skipOuterExpressions(init.expression)) === 'useState';
        if (!isUseState || !state || !setter || ts.isOmittedExpression(state) || ts.isOmittedExpression(setter)) continue;
        if (!ts.isIdentifier(state.name) || !ts.isIdentifier(setter.name)) continue;
        if (setter.name.text === name) return { scope, declaration, stateOf: state.name.text };
        if (state.name.text === name) return { scope, declaration };
      }
    }
  }
  return undefined;
}

/** The scope whose top-level statement declares a variable: the file, or the function whose body it is in. */
function declarationScope(declaration: ts.VariableDeclaration): ts.Node | undefined {
  const container = declaration.parent.parent.parent;
  return ts.isSourceFile(container) ? container : ts.isBlock(container) ? container.parent : undefined;
}

/** A key function for the set of stores found. */
function storeId(store: Store): string {
  return `${store.kind}:${store.key}${store.path?.length ? `.${store.path.join('.')}` : ''}`;
}

/**
 * The variable an assignment target starts from and the property names on the way (`app.globalData.avatar` →
 * `app`, `['globalData', 'avatar']`); a computed key ends the path there (the value may be anywhere below).
 */
function chainOf(left: ts.Expression): { root: ts.Identifier; path: string[] } | undefined {
  const names: Array<string | undefined> = [];
  let node: ts.Expression = left;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    names.unshift(memberName(node));
    node = skipOuterExpressions(node.expression);
  }
  if (!ts.isIdentifier(node)) return undefined;
  const unknown = names.indexOf(undefined);
  return { root: node, path: (unknown < 0 ? names : names.slice(0, unknown)) as string[] };
}

interface FlowResult {
  sinks: Map<ts.CallExpression, ValueSink>;
  escapes: boolean;
  stores: Map<string, Store>;
  followUploads: boolean;
  uploaded: boolean;
}

/** Reads functions for one value. */
class FlowReader {
  private readonly bindings = new Map<string, Path>();
  private readonly thisNames = new Set<string>();
  /** The names the handler being read declares itself (its locals are not kept between methods). */
  private locals: ReadonlySet<string> = new Set();
  /** In the second pass: the kept value is overwritten, so what follows reads something else. */
  private overwritten = false;

  constructor(
    private readonly aliases: AliasTable,
    private readonly sourceFile: ts.SourceFile,
    private readonly result: FlowResult,
    /** The kept value read back, in the second pass (one per reader, so that a sink knows where it came from). */
    private readonly readBack?: Store,
    /** In the second pass: the handlers, with the way to the value in their event, read as in the first. */
    private readonly handlers?: ReadonlyMap<ts.Node, readonly string[]>,
  ) {
    if (readBack?.kind === 'variable') this.bindings.set(readBack.key, readBack.path ?? []);
  }

  /** Entering a function: a handler's event holds the value again, so that its own writes do not overwrite it. */
  private enter(node: ts.Node): void {
    const path = this.handlers?.get(node);
    const event = path && (node as ts.FunctionLikeDeclaration).parameters[0];
    if (path && event) this.bind(event.name, path);
  }

  /** Reads a handler whose first parameter is the event, with `path` the way to the value in it. */
  readHandler(fn: ts.FunctionLikeDeclaration, path: readonly string[]): void {
    const event = fn.parameters[0];
    if (!event) return;
    this.locals = declaredIn(fn);
    this.bind(event.name, path);
    if (fn.body) this.visit(fn.body);
  }

  /** Reads a function, or the scope a variable is declared in, for the kept value read back. */
  readBackIn(node: ts.Node): void {
    if (isFunctionLike(node)) {
      this.enter(node);
      if (node.body) this.visit(node.body);
    } else this.visit(node);
  }

  /** A value kept in `store`: recorded in the first pass; in the second, the value read back is overwritten when it is not the value. */
  private keep(store: Store, carried: boolean): void {
    if (this.readBack) {
      if (!carried && storeId(store) === storeId(this.readBack)) this.overwritten = true;
      return;
    }
    if (carried && !this.result.stores.has(storeId(store))) this.result.stores.set(storeId(store), store);
  }

  private isThis(node: ts.Expression): boolean {
    const expr = skipOuterExpressions(node);
    return expr.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(expr) && this.thisNames.has(expr.text));
  }

  private pathOf(node: ts.Expression): Path | undefined {
    const expr = skipOuterExpressions(node);
    if (ts.isIdentifier(expr)) return this.bindings.get(expr.text);
    const name = memberName(expr);
    if (name === undefined) return undefined;
    const base = (expr as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression;
    const readBack = this.overwritten ? undefined : this.readBack;
    if (readBack && this.isThis(base)) {
      if ((readBack.kind === 'data' || readBack.kind === 'state') && name === readBack.kind) return 'store';
      if (readBack.kind === 'this' && name === readBack.key) return [];
    }
    const path = this.pathOf(base);
    if (path === undefined) return undefined;
    if (path === 'store') return readBack?.key === name ? [] : undefined;
    if (path.length === 0) return [];
    return path[0] === name ? path.slice(1) : undefined;
  }

  /** True when an expression holds the value or a part of the way to it (functions inside are not read). */
  private carries(node: ts.Node): boolean {
    if (isFunctionLike(node)) return false;
    if (ts.isCallExpression(node) && searches.has(calleeName(skipOuterExpressions(node.expression)) ?? '')) return false;
    if (ts.isExpression(node) && isChain(skipOuterExpressions(node))) {
      const chain = skipOuterExpressions(node) as ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression;
      if (this.pathOf(chain) !== undefined) return true;
      if (ts.isIdentifier(chain)) return false;
      if (ts.isElementAccessExpression(chain) && this.carries(chain.argumentExpression)) return true;
      // `e.currentTarget.dataset`: another part of an event that holds the value does not hold it.
      return isChain(skipOuterExpressions(chain.expression)) ? false : this.carries(chain.expression);
    }
    if (ts.isShorthandPropertyAssignment(node)) return this.bindings.get(node.name.text) !== undefined;
    return ts.forEachChild(node, (child) => (this.carries(child) ? true : undefined)) ?? false;
  }

  private bind(name: ts.BindingName, path: Path | undefined): void {
    if (ts.isIdentifier(name)) {
      if (path === undefined) this.bindings.delete(name.text);
      else this.bindings.set(name.text, path);
      return;
    }
    if (!ts.isObjectBindingPattern(name)) return;
    for (const element of name.elements) {
      const key = propertyNameText(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
      if (element.dotDotDotToken || key === undefined) {
        this.bind(element.name, path === undefined ? undefined : []);
        continue;
      }
      const sub =
        path === undefined
          ? undefined
          : path === 'store'
            ? this.readBack?.key === key
              ? []
              : undefined
            : path.length === 0
              ? []
              : path[0] === key
                ? path.slice(1)
                : undefined;
      this.bind(element.name, sub);
    }
  }

  private visit(node: ts.Node): void {
    if (isFunctionLike(node)) this.enter(node);
    if (ts.isVariableDeclaration(node) && node.initializer) {
      this.visit(node.initializer);
      // The declaration of the variable read back (`const nickname = ref('')`) starts it, it does not overwrite it.
      if (this.readBack?.kind === 'variable' && declarationScope(node) === this.readBack.scope) return;
      const init = skipOuterExpressions(node.initializer);
      if (init.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(node.name)) this.thisNames.add(node.name.text);
      else this.bind(node.name, this.pathOf(init) ?? (this.carries(init) ? [] : undefined));
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      this.visit(node.right);
      this.assign(skipOuterExpressions(node.left), this.carries(node.right));
      return;
    }
    if (ts.isCallExpression(node)) this.readCall(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /** A variable gets the value at `path`; one that held it already may now hold it in two places, so anywhere. */
  private holdAt(name: string, path: readonly string[]): void {
    const before = this.bindings.get(name);
    const same = Array.isArray(before) && before.length === path.length && before.every((n, i) => n === path[i]);
    this.bindings.set(name, before === undefined || same ? path : []);
  }

  /** `left = value`, where `carried` says whether the value is (or holds) the one followed. */
  private assign(left: ts.Expression, carried: boolean): void {
    // `this.nickname = value` (Vue's options API).
    const key = memberName(left);
    if (key !== undefined && this.isThis((left as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression)) {
      this.keep({ kind: 'this', key }, carried);
      return;
    }
    const chain = chainOf(left);
    if (!chain) return;
    const { root, path } = chain;
    if (this.readBack) {
      // The variable read back gets another value where the value was kept, or above it (`nickname.value = ''`).
      const kept = this.readBack.path ?? [];
      if (
        !carried &&
        this.readBack.kind === 'variable' &&
        root.text === this.readBack.key &&
        this.bindings.has(root.text) &&
        path.length <= kept.length &&
        path.every((name, i) => kept[i] === name)
      )
        this.bindings.delete(root.text);
      if (carried) this.holdAt(root.text, path);
      return;
    }
    if (!carried) return;
    // `userInfo.avatarUrl = url`: the object now holds the value, at that place.
    this.holdAt(root.text, path);
    // An outer variable (a Vue `ref`, `nickname.value = value`, `app.globalData.avatar = url`) keeps it for the
    // page's other functions, at the place it was put: `app.globalData.userInfo` read elsewhere is something else.
    if (this.locals.has(root.text)) return;
    const declared = enclosingDeclaration(left, root.text);
    if (declared && !declared.stateOf) this.keep({ kind: 'variable', key: root.text, scope: declared.scope, path }, true);
    else this.result.escapes = true;
  }

  private readCall(call: ts.CallExpression): void {
    const callee = skipOuterExpressions(call.expression);
    const name = calleeName(callee);
    const receiver = ts.isPropertyAccessExpression(callee) && this.isThis(callee.expression);
    // `this.setData({ key: … })`, `this.setState({ key: … })` (the second pass notes a key set to another value).
    if ((name === 'setData' || name === 'setState') && receiver) {
      const data = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
      if (!data || !ts.isObjectLiteralExpression(data)) {
        if (call.arguments.some((argument) => this.carries(argument))) this.result.escapes = true;
        return;
      }
      for (const property of data.properties) {
        if (ts.isSpreadAssignment(property)) {
          if (this.carries(property)) this.result.escapes = true;
          continue;
        }
        // `'userInfo.avatarUrl': url` sets a path under the key `userInfo`.
        const key = propertyNameText(property.name)?.split(/[.[]/)[0];
        const carried = this.carries(property);
        if (key) this.keep({ kind: name === 'setData' ? 'data' : 'state', key }, carried);
        else if (carried) this.result.escapes = true;
      }
      return;
    }
    const carried = call.arguments.some((argument) => this.carries(argument));
    // `setNickname(value)`: the setter of `const [nickname, setNickname] = useState()`. Calling it again does not
    // change `nickname` in the functions of the render that already read it, so it never overwrites the value.
    if (carried && ts.isIdentifier(callee) && !this.locals.has(callee.text)) {
      const declared = enclosingDeclaration(call, callee.text);
      if (declared?.stateOf) {
        this.keep({ kind: 'variable', key: declared.stateOf, scope: declared.scope }, true);
        return;
      }
    }
    if (!carried) return;
    const ref = resolveApiReference(callee, this.aliases);
    const label = callee.getText(this.sourceFile).replace(/\s+/g, '');
    const sink = (kind: ValueSink['kind']) => {
      if (this.result.sinks.has(call)) return;
      this.result.sinks.set(call, { kind, call, label, ...(this.readBack ? { through: storeLabel(this.readBack) } : {}) });
    };
    if (ref && storageApis.has(ref.name)) return sink('storage');
    if (ref && serverApis.has(ref.name)) return sink('server');
    if (
      name === 'callFunction' &&
      ts.isPropertyAccessExpression(callee) &&
      memberName(skipOuterExpressions(callee.expression)) === 'cloud'
    )
      return sink('server');
    if (name && databaseWrites.has(name) && onCollection(callee)) return sink('server');
    if (name && (harmless.has(name) || searches.has(name))) return;
    if (name && this.result.followUploads && uploadCalls.has(name)) {
      this.result.uploaded = true;
      return;
    }
    this.result.escapes = true;
  }
}

/**
 * Where the value at `path` of the event (`['detail', 'avatarUrl']`) goes from the handlers, directly or through what
 * the page keeps ({@link Store}): `members` are every function of the page, read for the keys the handlers set; a
 * variable is read in the scope that declares it.
 */
export function eventValueFlow(
  handlers: readonly ts.FunctionLikeDeclaration[],
  path: readonly string[],
  members: readonly ts.FunctionLikeDeclaration[],
  aliases: AliasTable,
  sourceFile: ts.SourceFile,
  options: FlowOptions = {},
): ValueFlow {
  const result: FlowResult = {
    sinks: new Map(),
    escapes: false,
    stores: new Map(),
    followUploads: options.followUploads === true,
    uploaded: false,
  };
  for (const handler of handlers) new FlowReader(aliases, sourceFile, result).readHandler(handler, path);
  const handlerPaths = new Map<ts.Node, readonly string[]>(handlers.map((handler) => [handler, path]));
  for (const store of result.stores.values()) {
    const scopes = store.kind === 'variable' && store.scope ? [store.scope] : members;
    for (const scope of scopes) new FlowReader(aliases, sourceFile, result, store, handlerPaths).readBackIn(scope);
  }
  return {
    sinks: [...result.sinks.values()].sort((a, b) => a.call.pos - b.call.pos),
    escapes: result.escapes,
    uploaded: result.uploaded,
  };
}
