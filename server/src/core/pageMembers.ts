/**
 * The members of a script's definitions — `Page({…})`, `Component({ methods, lifetimes, pageLifetimes })`,
 * `App({…})`, `Behavior({…})` and (for Taro) classes — and which of them reach a piece of code through
 * `this.x()` calls, whatever the timing. The tap-gesture graph (handlers.ts) asks "does this run inside the
 * gesture"; this module asks "which members lead here at all", and whether the member list is complete:
 * a spread of an unknown object or a Behavior/mixin from another module means any method may exist.
 */
import ts from 'typescript';
import { enclosingFunction, propertyNameText, skipOuterExpressions, walk } from './parse';

/** The framework call a definition object is passed to. `class` stands for a class declaration (Taro). */
export type DefinitionKind = 'Page' | 'Component' | 'App' | 'Behavior' | 'class';

/** One member of a definition. */
export interface DefinitionMember {
  name: string;
  /** The member's name node, for ranges. */
  nameNode: ts.Node;
  kind: DefinitionKind;
  /** The Component group that holds it (`methods`, `lifetimes`, `pageLifetimes`); undefined at the top level. */
  group?: string;
  /** The function written in the file, when the member is one. */
  fn?: ts.FunctionLikeDeclaration;
  /** True for a function, or a name or member expression that may stand for one (`onTap: handleTap`). */
  callable: boolean;
  /** The definition object or class `this` refers to inside the member. */
  scope: ts.Node;
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

const definitionCalls = new Set<string>(['Page', 'Component', 'App', 'Behavior']);
const componentGroups = new Set(['methods', 'lifetimes', 'pageLifetimes']);
const mixinKeys = new Set(['behaviors', 'mixins']);

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

/** Collects definitions and their members, resolving same-file constants, spreads and behaviors. */
class DefinitionCollector {
  readonly members: DefinitionMember[] = [];
  readonly kinds = new Set<DefinitionKind>();
  complete = true;
  private readonly constants = new Map<string, ts.Expression>();
  private readonly assignments = new Map<string, ts.BinaryExpression[]>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  collect(): void {
    const definitions: Array<{ kind: DefinitionKind; argument: ts.Expression | undefined }> = [];
    walk(this.sourceFile, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent)) {
        if (node.parent.flags & ts.NodeFlags.Const) this.constants.set(node.name.text, node.initializer);
      } else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        ts.isIdentifier(node.left.expression)
      ) {
        const target = node.left.expression.text;
        this.assignments.set(target, [...(this.assignments.get(target) ?? []), node]);
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && definitionCalls.has(node.expression.text)) {
        definitions.push({ kind: node.expression.text as DefinitionKind, argument: node.arguments[0] });
      } else if (ts.isClassLike(node)) {
        this.collectClass(node);
      }
    });
    for (const { kind, argument } of definitions) {
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
          this.push({ name: access.name.text, nameNode: access.name, kind, callable: isCallable(assignment.right), scope: object }, functionOf(assignment.right), undefined);
        }
      }
    }
  }

  /** The object literal an expression is, or names through a same-file `const`. */
  private objectOf(expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const value = skipOuterExpressions(expression);
    if (ts.isObjectLiteralExpression(value)) return value;
    if (ts.isIdentifier(value) && depth < 5) {
      const initializer = this.constants.get(value.text);
      return initializer ? this.objectOf(initializer, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The definition object of a same-file `const x = Behavior({…})` (or a plain object used as a mixin). */
  private mixinObject(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    let value = skipOuterExpressions(expression);
    if (ts.isIdentifier(value)) {
      const initializer = this.constants.get(value.text);
      if (!initializer) return undefined;
      value = skipOuterExpressions(initializer);
    }
    if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'Behavior' && value.arguments[0]) {
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
        if (kind === 'Component' || kind === 'Behavior') {
          if (componentGroups.has(name)) {
            const inner = this.objectOf(property.initializer, 0);
            if (inner) this.collectObject(inner, kind, scope, name, depth + 1);
            else if (name === 'methods') this.complete = false;
            continue;
          }
        }
        if (mixinKeys.has(name)) {
          this.collectMixins(property.initializer, kind, scope, depth);
          continue;
        }
      }
      if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property) || ts.isSetAccessorDeclaration(property)) {
        this.push({ name, nameNode: property.name, kind, callable: ts.isMethodDeclaration(property), scope }, property, group);
      } else if (ts.isPropertyAssignment(property)) {
        this.push({ name, nameNode: property.name, kind, callable: isCallable(property.initializer), scope }, functionOf(property.initializer), group);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.push({ name, nameNode: property.name, kind, callable: true, scope }, undefined, group);
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

  private push(base: Omit<DefinitionMember, 'fn' | 'group'>, fn: ts.FunctionLikeDeclaration | undefined, group: string | undefined): void {
    this.members.push({ ...base, ...(fn ? { fn } : {}), ...(group ? { group } : {}) });
  }

  private collectClass(node: ts.ClassLikeDeclaration): void {
    for (const element of node.members) {
      const name = propertyNameText(element.name);
      if (!name || !element.name) continue;
      if (ts.isMethodDeclaration(element)) {
        this.members.push({ name, nameNode: element.name, kind: 'class', fn: element, callable: true, scope: node });
      } else if (ts.isPropertyDeclaration(element) && element.initializer && functionOf(element.initializer)) {
        this.members.push({ name, nameNode: element.name, kind: 'class', fn: functionOf(element.initializer)!, callable: true, scope: node });
      }
    }
  }
}

const definitionsByFile = new WeakMap<ts.SourceFile, ScriptDefinitions>();

/** The definitions of a parsed script and their members (computed once per parse). */
export function definitionsOf(sourceFile: ts.SourceFile): ScriptDefinitions {
  let definitions = definitionsByFile.get(sourceFile);
  if (!definitions) {
    const collector = new DefinitionCollector(sourceFile);
    collector.collect();
    definitions = { members: collector.members, kinds: collector.kinds, complete: collector.complete };
    definitionsByFile.set(sourceFile, definitions);
  }
  return definitions;
}

const reachByFile = new WeakMap<ts.SourceFile, MemberReach>();

/** The member reach of a parsed file, built once and shared by the rules that ask. */
export function memberReachOf(sourceFile: ts.SourceFile): MemberReach {
  let reach = reachByFile.get(sourceFile);
  if (!reach) reachByFile.set(sourceFile, (reach = new MemberReach(sourceFile)));
  return reach;
}

/** A function of the file the reach analysis follows: a definition member or a named function. */
interface Unit {
  fn: ts.FunctionLikeDeclaration;
  member?: DefinitionMember;
  /** Units this one calls, at any time (synchronously, in callbacks, after `await`). */
  calls: Set<Unit>;
}

/**
 * Which definition members lead to a node: the member whose body holds it, and every member that calls
 * that one (`this.x()`, `that.x()`, or a same-file function by name), transitively. Build it once per
 * parse; queries are cheap.
 */
export class MemberReach {
  readonly definitions: ScriptDefinitions;
  private readonly units = new Map<ts.Node, Unit>();
  private callers?: Map<Unit, Unit[]>;

  constructor(private readonly sourceFile: ts.SourceFile) {
    this.definitions = definitionsOf(sourceFile);
    this.build();
  }

  private build(): void {
    const byScope = new Map<ts.Node, Map<string, Unit[]>>();
    const functions = new Map<string, Unit[]>();
    const thisAliases = new Set<string>();
    const add = <K>(map: Map<K, Unit[]>, key: K, unit: Unit) => map.set(key, [...(map.get(key) ?? []), unit]);

    for (const member of this.definitions.members) {
      if (!member.fn) continue;
      const unit: Unit = { fn: member.fn, member, calls: new Set() };
      this.units.set(member.fn, unit);
      let names = byScope.get(member.scope);
      if (!names) byScope.set(member.scope, (names = new Map()));
      add(names, member.name, unit);
    }
    const calls: ts.CallExpression[] = [];
    walk(this.sourceFile, (node) => {
      if (ts.isFunctionDeclaration(node) && node.name && node.body && !this.units.has(node)) {
        const unit: Unit = { fn: node, calls: new Set() };
        this.units.set(node, unit);
        add(functions, node.name.text, unit);
      } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const fn = functionOf(node.initializer);
        if (fn && !this.units.has(fn)) {
          const unit: Unit = { fn, calls: new Set() };
          this.units.set(fn, unit);
          add(functions, node.name.text, unit);
        } else if (skipOuterExpressions(node.initializer).kind === ts.SyntaxKind.ThisKeyword) {
          thisAliases.add(node.name.text);
        }
      } else if (ts.isCallExpression(node)) {
        calls.push(node);
      }
    });
    for (const call of calls) {
      const owner = this.ownerOf(call);
      if (!owner) continue;
      const callee = skipOuterExpressions(call.expression);
      let targets: Unit[] = [];
      if (ts.isIdentifier(callee)) {
        targets = functions.get(callee.text) ?? [];
      } else if (ts.isPropertyAccessExpression(callee)) {
        const object = skipOuterExpressions(callee.expression);
        const isThis = object.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(object) && thisAliases.has(object.text));
        const scope = isThis ? this.thisScopeOf(call) : undefined;
        if (scope) targets = byScope.get(scope)?.get(callee.name.text) ?? [];
      }
      for (const target of targets) if (target !== owner) owner.calls.add(target);
    }
  }

  /** The innermost unit whose function holds a node. */
  private ownerOf(node: ts.Node): Unit | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const unit = this.units.get(fn);
      if (unit) return unit;
    }
    return undefined;
  }

  /** The definition object or class `this` stands for at a node (arrow functions see their parent's `this`). */
  private thisScopeOf(node: ts.Node): ts.Node | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const unit = this.units.get(fn);
      if (unit?.member) return unit.member.scope;
      if (!ts.isArrowFunction(fn)) return undefined;
    }
    return undefined;
  }

  /** The members that lead to `node`, nearest first: the member holding it, then its callers, transitively. */
  membersReaching(node: ts.Node): DefinitionMember[] {
    const start = this.ownerOf(node);
    if (!start) return [];
    if (!this.callers) {
      this.callers = new Map();
      for (const unit of this.units.values()) {
        for (const target of unit.calls) this.callers.set(target, [...(this.callers.get(target) ?? []), unit]);
      }
    }
    const seen = new Set<Unit>([start]);
    const queue = [start];
    const members: DefinitionMember[] = [];
    while (queue.length > 0) {
      const unit = queue.shift()!;
      if (unit.member) members.push(unit.member);
      for (const caller of this.callers.get(unit) ?? []) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    return members;
  }

  /** True when `node` sits inside a function passed to one of the named calls (`useLoad(() => …)`). */
  static insideCallbackOf(node: ts.Node, callees: ReadonlySet<string>): string | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      let host: ts.Node = fn;
      while (host.parent && ts.isParenthesizedExpression(host.parent)) host = host.parent;
      const call = host.parent;
      if (call && ts.isCallExpression(call) && call.arguments.includes(host as ts.Expression)) {
        const callee = skipOuterExpressions(call.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (name && callees.has(name)) return name;
      }
    }
    return undefined;
  }
}

