import ts from 'typescript';
import { fieldsOf } from '../../catalog';
import type { ApiCall } from '../calls';
import type { PageModel } from '../model';
import { apiLabel, isAwaited, optionCallback, outerExpression, promiseChain } from '../callFacts';
import { indentationAt, newlineOf } from '../edits';
import { propertyNameText, skipOuterExpressions } from '../parse';
import type { Fix, Span, TextEdit } from '../types';
import type { Rule, RuleFinding, ScriptRuleContext } from './rule';

/** Where a call's result is bound: a callback parameter or an awaited `const`. */
interface ResultBinding {
  name: ts.BindingName;
  /** The code that can see the binding. */
  scope: ts.Node;
  /** The function whose body gets the parse statement, for the quick fix. */
  fn?: ts.FunctionLikeDeclaration;
  /** For `const res = await …`: the declaration statement the parse goes after. */
  statement?: ts.Statement;
}

/** What the catalog says about the result: the envelope's field (`response`) and the profile fields inside it. */
interface Shape {
  resultFields: Set<string>;
  envelopeFields: Set<string>;
  profileFields: Set<string>;
}

function shapeOf(call: ApiCall): Shape | undefined {
  const response = call.api.result.find((f) => f.name === 'response');
  if (!response?.typeRef) return undefined;
  const envelope = fieldsOf(response.typeRef);
  const profile = fieldsOf(envelope.find((f) => f.name === 'response')?.typeRef);
  return {
    resultFields: new Set(call.api.result.map((f) => f.name)),
    envelopeFields: new Set(envelope.map((f) => f.name)),
    profileFields: new Set(profile.map((f) => f.name)),
  };
}

function firstParameter(fn: ts.FunctionLikeDeclaration | undefined): ResultBinding | undefined {
  const parameter = fn?.parameters[0];
  return fn && parameter && fn.body ? { name: parameter.name, scope: fn.body, fn } : undefined;
}

/** The places the call's result is bound: `success(res)`, `.then((res) => …)`, `const res = await …`. */
function resultBindings(call: ApiCall): ResultBinding[] {
  const bindings: ResultBinding[] = [];
  const success = firstParameter(optionCallback(call, 'success'));
  if (success) bindings.push(success);
  const then = promiseChain(call.node).find((link) => link.method === 'then');
  const onFulfilled = then?.call.arguments[0] && skipOuterExpressions(then.call.arguments[0]);
  if (onFulfilled && (ts.isArrowFunction(onFulfilled) || ts.isFunctionExpression(onFulfilled))) {
    const binding = firstParameter(onFulfilled);
    if (binding) bindings.push(binding);
  }
  if (isAwaited(call.node)) {
    const declaration = outerExpression(call.node).parent?.parent;
    const list = declaration?.parent;
    const statement = list?.parent;
    if (
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      list &&
      statement &&
      ts.isVariableStatement(statement) &&
      statement.parent
    ) {
      bindings.push({ name: declaration.name, scope: statement.parent, statement });
    }
  }
  return bindings;
}

/** `x.key` or `x['key']` with `x` as the object: the access and its key. */
function memberAccess(node: ts.Node): { access: ts.Expression; key: string } | undefined {
  let object: ts.Node = node;
  while (object.parent && ts.isParenthesizedExpression(object.parent)) object = object.parent;
  const parent = object.parent;
  if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === object)
    return { access: parent, key: parent.name.text };
  if (
    parent &&
    ts.isElementAccessExpression(parent) &&
    parent.expression === object &&
    ts.isStringLiteralLike(parent.argumentExpression)
  ) {
    return { access: parent, key: parent.argumentExpression.text };
  }
  return undefined;
}

/** True for `JSON.parse(<node>)`, returning the parse call. */
function parseCallAround(node: ts.Node): ts.CallExpression | undefined {
  const call = outerExpression(node as ts.Expression).parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== outerExpression(node as ts.Expression)) return undefined;
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'parse' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'JSON'
    ? call
    : undefined;
}

const stringMembers = new Set(Object.getOwnPropertyNames(String.prototype));

interface Misread extends Span {
  message: string;
  /** For reads the parse fix rewrites: the profile field read. */
  field?: string;
  fixes?: Fix[];
}

class Checker {
  readonly misreads: Misread[] = [];

  constructor(
    private readonly call: ApiCall,
    private readonly shape: Shape,
    private readonly model: PageModel,
  ) {}

  private get sourceFile(): ts.SourceFile {
    return this.model.sourceFile;
  }

  private span(node: ts.Node): Span {
    return { start: node.getStart(this.sourceFile), end: node.getEnd() };
  }

  /** A binding of the whole result (`res`, `{ response }`, `{ nickName }`). */
  checkResult(name: ts.BindingName, scope: ts.Node, after: number): void {
    const api = apiLabel(this.call);
    if (ts.isIdentifier(name)) {
      for (const reference of this.model.references(name.text, scope, after)) this.checkResultReference(name.text, reference);
      return;
    }
    if (ts.isObjectBindingPattern(name)) this.checkResultPattern(name, scope, after, api);
  }

  private checkResultPattern(pattern: ts.ObjectBindingPattern, scope: ts.Node, after: number, api: string): void {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const key = propertyNameText(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
      if (key === undefined) continue;
      if (!this.shape.resultFields.has(key)) {
        this.misreads.push({
          ...this.span(element),
          message: `\`${api}\` passes only \`response\`, a JSON string: \`${key}\` is undefined. Parse \`JSON.parse(res.response).response\` and read \`${key}\` there.`,
        });
      } else if (key === 'response') {
        if (ts.isIdentifier(element.name)) this.checkResponseString(element.name.text, scope, after);
        else
          this.misreads.push({
            ...this.span(element.name),
            message: `\`response\` is a JSON string; destructuring it gives undefined. Parse it with \`JSON.parse(response).response\`.`,
          });
      }
    }
  }

  private checkResultReference(resName: string, reference: ts.Identifier): void {
    const api = apiLabel(this.call);
    const access = memberAccess(reference);
    if (!access) {
      this.checkDestructured(
        reference,
        (key) => !this.shape.resultFields.has(key),
        (key) =>
          `\`${api}\` passes only \`response\`, a JSON string: \`${key}\` is undefined. Read it from \`JSON.parse(${resName}.response).response\`.`,
      );
      return;
    }
    if (!this.shape.resultFields.has(access.key)) {
      this.misreads.push({
        ...this.span(access.access),
        field: access.key,
        message: `\`${resName}.${access.key}\` is undefined: \`${api}\` passes \`${resName}.response\`, a JSON string. Read \`JSON.parse(${resName}.response).response.${access.key}\`.`,
      });
      return;
    }
    if (access.key === 'response') this.checkResponseValue(access.access, `${resName}.response`);
  }

  /** `const { nickName } = res`: each destructured key the predicate rejects is a misread. */
  private checkDestructured(reference: ts.Node, wrong: (key: string) => boolean, message: (key: string) => string): void {
    const declaration = outerExpression(reference as ts.Expression).parent;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name)) return;
    for (const element of declaration.name.elements) {
      const key = propertyNameText(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
      if (key !== undefined && !element.dotDotDotToken && wrong(key))
        this.misreads.push({ ...this.span(element), message: message(key) });
    }
  }

  /** A `response` binding (from `{ response }`): reading fields of it is a misread; parsing it is right. */
  private checkResponseString(name: string, scope: ts.Node, after: number): void {
    for (const reference of this.model.references(name, scope, after)) this.checkResponseValue(reference, name);
  }

  /** An expression holding the JSON string: `res.response` or a `response` binding. */
  private checkResponseValue(value: ts.Expression, text: string): void {
    const parse = parseCallAround(value);
    if (parse) {
      this.checkParsed(parse, text);
      return;
    }
    const access = memberAccess(value);
    if (access && !stringMembers.has(access.key)) {
      this.misreads.push({
        ...this.span(access.access),
        field: access.key,
        message: `\`${text}\` is a JSON string, so \`${text}.${access.key}\` is undefined. Read \`JSON.parse(${text}).response.${access.key}\`.`,
      });
    }
  }

  /** `JSON.parse(res.response)`: the profile is one level down, in `.response`. */
  private checkParsed(parse: ts.CallExpression, text: string): void {
    const misplaced = (key: string) => this.shape.profileFields.has(key) && !this.shape.envelopeFields.has(key);
    const message = (key: string) =>
      `\`${key}\` is one level down: the parsed text holds the profile in \`.response\` (\`JSON.parse(${text}).response.${key}\`).`;
    const access = memberAccess(parse);
    if (access) {
      if (misplaced(access.key))
        this.misreads.push({ ...this.span(access.access), message: message(access.key), fixes: [this.insertResponse(parse)] });
      return;
    }
    const declaration = outerExpression(parse).parent;
    if (!declaration || !ts.isVariableDeclaration(declaration)) return;
    if (ts.isObjectBindingPattern(declaration.name)) {
      this.checkDestructured(parse, misplaced, message);
      return;
    }
    if (!ts.isIdentifier(declaration.name) || !declaration.parent.parent?.parent) return;
    for (const reference of this.model.references(
      declaration.name.text,
      declaration.parent.parent.parent,
      declaration.getEnd(),
    )) {
      const read = memberAccess(reference);
      if (read && misplaced(read.key))
        this.misreads.push({ ...this.span(read.access), message: message(read.key), fixes: [this.insertResponse(reference)] });
    }
  }

  private insertResponse(node: ts.Node): Fix {
    const end = node.getEnd();
    return { title: 'Read the profile from .response', preferred: true, edits: [{ start: end, end, newText: '.response' }] };
  }
}

/** A name for the parsed profile that the function does not use yet. */
function freshName(scope: ts.Node, sourceFile: ts.SourceFile): string {
  const text = scope.getText(sourceFile);
  return ['info', 'userInfo', 'profile', 'openUserInfo'].find((n) => !new RegExp(`\\b${n}\\b`).test(text)) ?? 'parsedUserInfo';
}

/**
 * The "insert the parse" fix for the field reads of one binding: declare the parsed profile once at the
 * top of the callback (or after the awaited `const`) and read every field from it.
 */
function parseFix(binding: ResultBinding, reads: Misread[], context: ScriptRuleContext): Fix | undefined {
  if (!ts.isIdentifier(binding.name) || reads.length === 0) return undefined;
  const { sourceFile, text } = context;
  const res = binding.name.text;
  const nl = newlineOf(text);
  const name = freshName(binding.scope, sourceFile);
  const declaration = `const ${name} = JSON.parse(${res}.response).response;`;
  const edits: TextEdit[] = reads.map((read) => ({ start: read.start, end: read.end, newText: `${name}.${read.field}` }));
  if (binding.statement) {
    const end = binding.statement.getEnd();
    edits.push({ start: end, end, newText: `${nl}${indentationAt(text, binding.statement.getStart(sourceFile))}${declaration}` });
  } else if (binding.fn?.body && ts.isBlock(binding.fn.body)) {
    const body = binding.fn.body;
    const first = body.statements[0];
    const open = body.getStart(sourceFile) + 1;
    if (first && text.slice(open, first.getStart(sourceFile)).includes('\n')) {
      const at = first.getStart(sourceFile);
      edits.push({ start: at, end: at, newText: `${declaration}${nl}${indentationAt(text, at)}` });
    } else {
      edits.push({ start: open, end: open, newText: ` ${declaration}` });
    }
  } else if (binding.fn?.body) {
    // An expression body becomes a block that parses first and returns the same expression.
    const body = binding.fn.body;
    edits.push({ start: body.getStart(sourceFile), end: body.getStart(sourceFile), newText: `{ ${declaration} return ` });
    edits.push({ start: body.getEnd(), end: body.getEnd(), newText: '; }' });
  } else {
    return undefined;
  }
  return { title: `Parse ${res}.response with JSON.parse`, preferred: true, edits };
}

export const rule: Rule = {
  id: 'alipay-response-string',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'The result of `my.getOpenUserInfo` / `Taro.getOpenUserInfo` is read as an object, but `res.response` is a JSON string.',
    platforms: ['alipay', 'taro'],
    rationale:
      'Alipay passes the profile as a string: `res.response` is JSON text, and the member data sits one level further down, at ' +
      '`JSON.parse(res.response).response`. Reading `res.nickName`, `res.response.nickName` or `JSON.parse(res.response).nickName` gives ' +
      "`undefined` without any error. Check `code === '10000'` there too: a missing authorisation (code 40003) also arrives in `success`. " +
      'The quick fix inserts the parse and reads the fields from it.',
    wrong: 'my.getOpenUserInfo({\n  success: (res) => {\n    this.setData({ nickName: res.response.nickName })\n  },\n})',
    right:
      "my.getOpenUserInfo({\n  success: (res) => {\n    const info = JSON.parse(res.response).response\n    if (info.code === '10000') this.setData({ nickName: info.nickName })\n  },\n})",
  },
  checkScript(context) {
    const findings: RuleFinding[] = [];
    for (const call of context.calls) {
      if (!call.api.constraints?.responseIsJsonString) continue;
      const shape = shapeOf(call);
      if (!shape) continue;
      for (const binding of resultBindings(call)) {
        const checker = new Checker(call, shape, context.model);
        checker.checkResult(binding.name, binding.scope, binding.statement ? binding.statement.getEnd() : -1);
        const reads = checker.misreads.filter((m) => m.field !== undefined);
        const fix = parseFix(binding, reads, context);
        for (const misread of checker.misreads) {
          const { field: _field, fixes, ...finding } = misread;
          const all = [...(fixes ?? []), ...(misread.field !== undefined && fix ? [fix] : [])];
          findings.push({ ...finding, ...(all.length ? { fixes: all } : {}) });
        }
      }
    }
    return findings;
  },
};
