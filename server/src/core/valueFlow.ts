/**
 * Where a value that an event hands to a page handler goes: `e.detail.avatarUrl` of `bindchooseavatar`, or
 * `e.detail.value` of a nickname input. The page model answers it ({@link PageModel.eventValueFlow}) by reading
 * the handlers' bodies in source order: the names bound to the value (`const { avatarUrl } = e.detail`, an object
 * that holds it), the page `data` keys it is put under (`this.setData({ avatarUrl })`), and the calls that store it
 * (`wx.setStorageSync`) or send it to a server (`wx.request`, cloud functions, the cloud database). A second pass
 * reads every member of the page for those `data` keys read back (`this.data.avatarUrl`) and stored or sent.
 *
 * It errs on the side of silence: a value handed to any other call (a helper that may upload it, a
 * transformation) makes the flow {@link ValueFlow.escapes}, and the rules say nothing then.
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
  /** The page `data` key the value went through (`this.setData({ avatarUrl })` read back as `this.data.avatarUrl`). */
  dataKey?: string;
}

/** Where the value goes. */
export interface ValueFlow {
  sinks: ValueSink[];
  /** True when the value reaches a call the analysis does not know, which may upload or transform it. */
  escapes: boolean;
}

/** What the value is at a name: the rest of the path to it (`['avatarUrl']` for `e.detail`), `[]` for the value or an object holding it. */
type Path = readonly string[] | 'data';

const storageApis = new Set(['setStorage', 'setStorageSync', 'batchSetStorage', 'batchSetStorageSync']);
const serverApis = new Set(['request']);
/** Cloud database writes: `db.collection('users').add({ data })`, `.doc(id).update({ data })`, `.set({ data })`. */
const databaseWrites = new Set(['add', 'update', 'set']);
/** Calls that read a value without keeping or sending it. */
const harmless = new Set(['log', 'info', 'warn', 'error', 'debug', 'stringify', 'String', 'showToast', 'showModal']);

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

/** Reads functions for one value. */
class FlowReader {
  private readonly bindings = new Map<string, Path>();
  private readonly thisNames = new Set<string>();

  constructor(
    private readonly aliases: AliasTable,
    private readonly sourceFile: ts.SourceFile,
    private readonly result: { sinks: Map<ts.CallExpression, ValueSink>; escapes: boolean; dataKeys: Set<string> },
    /** The `data` key read back, in the second pass (one per reader, so that a sink knows its key). */
    private readonly readKeys?: ReadonlySet<string>,
  ) {}

  /** Reads a handler whose first parameter is the event, with `path` the way to the value in it. */
  readHandler(fn: ts.FunctionLikeDeclaration, path: readonly string[]): void {
    const event = fn.parameters[0];
    if (!event) return;
    this.bind(event.name, path);
    if (fn.body) this.visit(fn.body);
  }

  /** Reads a function for the tainted `data` keys read back. */
  readMember(fn: ts.FunctionLikeDeclaration): void {
    if (fn.body) this.visit(fn.body);
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
    if (this.readKeys && name === 'data' && this.isThis(base)) return 'data';
    const path = this.pathOf(base);
    if (path === undefined) return undefined;
    if (path === 'data') return this.readKeys?.has(name) ? [] : undefined;
    if (path.length === 0) return [];
    return path[0] === name ? path.slice(1) : undefined;
  }

  /** True when an expression holds the value or a part of the way to it (functions inside are not read). */
  private carries(node: ts.Node): boolean {
    if (isFunctionLike(node)) return false;
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
          : path === 'data'
            ? this.readKeys?.has(key)
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
    if (ts.isVariableDeclaration(node) && node.initializer) {
      this.visit(node.initializer);
      const init = skipOuterExpressions(node.initializer);
      if (init.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(node.name)) this.thisNames.add(node.name.text);
      else this.bind(node.name, this.pathOf(init) ?? (this.carries(init) ? [] : undefined));
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      this.visit(node.right);
      if (!this.carries(node.right)) return;
      // `userInfo.avatarUrl = url`: the object now holds the value.
      let root: ts.Expression = skipOuterExpressions(node.left);
      while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root))
        root = skipOuterExpressions(root.expression);
      if (ts.isIdentifier(root)) this.bindings.set(root.text, []);
      return;
    }
    if (ts.isCallExpression(node)) this.readCall(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  private readCall(call: ts.CallExpression): void {
    if (!call.arguments.some((argument) => this.carries(argument))) return;
    const callee = skipOuterExpressions(call.expression);
    const name = calleeName(callee);
    const ref = resolveApiReference(callee, this.aliases);
    const label = callee.getText(this.sourceFile).replace(/\s+/g, '');
    const sink = (kind: ValueSink['kind']) => {
      if (this.result.sinks.has(call)) return;
      const dataKey = this.readKeys && [...this.readKeys][0];
      this.result.sinks.set(call, { kind, call, label, ...(dataKey ? { dataKey } : {}) });
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
    if (name === 'setData' && ts.isPropertyAccessExpression(callee) && this.isThis(callee.expression)) {
      const data = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
      if (!data || !ts.isObjectLiteralExpression(data)) return;
      for (const property of data.properties) {
        if (ts.isSpreadAssignment(property) || !this.carries(property)) continue;
        // `'userInfo.avatarUrl': url` sets a path under the key `userInfo`.
        const key = propertyNameText(property.name)?.split(/[.[]/)[0];
        if (key) this.result.dataKeys.add(key);
        else this.result.escapes = true;
      }
      return;
    }
    if (name && harmless.has(name)) return;
    this.result.escapes = true;
  }
}

/**
 * Where the value at `path` of the event (`['detail', 'avatarUrl']`) goes from the handlers, directly or through the
 * page's `data`: `members` are every function of the page, read for the `data` keys the handlers set.
 */
export function eventValueFlow(
  handlers: readonly ts.FunctionLikeDeclaration[],
  path: readonly string[],
  members: readonly ts.FunctionLikeDeclaration[],
  aliases: AliasTable,
  sourceFile: ts.SourceFile,
): ValueFlow {
  const result = { sinks: new Map<ts.CallExpression, ValueSink>(), escapes: false, dataKeys: new Set<string>() };
  for (const handler of handlers) new FlowReader(aliases, sourceFile, result).readHandler(handler, path);
  for (const key of [...result.dataKeys]) {
    for (const member of members) new FlowReader(aliases, sourceFile, result, new Set([key])).readMember(member);
  }
  return { sinks: [...result.sinks.values()].sort((a, b) => a.call.pos - b.call.pos), escapes: result.escapes };
}
