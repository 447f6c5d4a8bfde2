/**
 * When a WXML element renders: the `wx:if`/`wx:elif`/`wx:else` chain it closes, and those of its ancestors. Used to
 * tell code that only runs on clients older than a feature the page tests with a flag kept in `data`, as WeChat's
 * current project template does: `canIUseNicknameComp: wx.canIUse('input.type.nickname')` in `data`, the fill-in under
 * `wx:if="{{canIUseNicknameComp && !hasUserInfo}}"`, and a `getUserProfile` button under the `wx:elif` that follows,
 * which renders only where the nickname input is missing (real-world study, fill-in-template-fallback).
 *
 * Conditions are read as boolean formulas over their atoms (names, member chains, anything else taken whole): `!`,
 * `&&`, `||`, parentheses and the literals `true`/`false`. An element "never renders while the flag is true" when no
 * truth assignment of the other atoms, with the flag true, satisfies its chain. Anything unclear (an interpolation
 * mixed with text, too many atoms) counts as "may render".
 */
import { QuoteType, Tokenizer } from 'htmlparser2';
import ts from 'typescript';
import { ignoredTokens, maskEmbedded, type MarkupElement } from './markup';
import { isStackOverflow, skipOuterExpressions } from './parse';

/** One condition an element needs: its own `wx:if`/`wx:elif` value (undefined for `wx:else`) after the earlier ones of its chain failed. */
interface Clause {
  own?: string;
  previous: readonly string[];
}

type Formula =
  | { kind: 'const'; value: boolean }
  | { kind: 'atom'; key: string }
  | { kind: 'not'; of: Formula }
  | { kind: 'and' | 'or'; left: Formula; right: Formula };

/** The clauses of the element that starts at `start` and of its ancestors; undefined when no element starts there. */
function clausesAt(text: string, start: number): Clause[] | undefined {
  interface Open {
    tag: string;
    clause?: Clause;
    /** The conditions of the `wx:if`/`wx:elif` chain open among its children, undefined when none is. */
    chain?: string[];
  }
  const root: Open = { tag: '' };
  const stack: Open[] = [root];
  let current: { tag: string; start: number; attributes: Map<string, string> } | undefined;
  let attrName: string | undefined;
  let valueStart = -1;
  let valueEnd = -1;
  let found: Clause[] | undefined;

  const open = () => {
    if (!current) return;
    const parent = stack[stack.length - 1]!;
    const { attributes } = current;
    let clause: Clause | undefined;
    const ifValue = attributes.get('wx:if');
    const elifValue = attributes.get('wx:elif');
    if (ifValue !== undefined) {
      clause = { own: ifValue, previous: [] };
      parent.chain = [ifValue];
    } else if (elifValue !== undefined) {
      // Without the chain's earlier conditions, the element is only known to need its own.
      clause = { own: elifValue, previous: [...(parent.chain ?? [])] };
      parent.chain?.push(elifValue);
    } else if (attributes.has('wx:else')) {
      clause = parent.chain ? { previous: [...parent.chain] } : undefined;
      parent.chain = undefined;
    } else parent.chain = undefined;
    const element: Open = { tag: current.tag, ...(clause ? { clause } : {}) };
    if (current.start === start) found = [...stack, element].flatMap((e) => (e.clause ? [e.clause] : []));
    stack.push(element);
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(s, e) {
        current = { tag: text.slice(s, e), start: s - 1, attributes: new Map() };
      },
      onattribname(s, e) {
        attrName = text.slice(s, e);
        valueStart = valueEnd = -1;
      },
      onattribdata(s, e) {
        if (valueStart < 0) valueStart = s;
        valueEnd = e;
      },
      onattribentity() {},
      onattribend(quote) {
        if (current && attrName !== undefined)
          current.attributes.set(attrName, quote === QuoteType.NoValue || valueStart < 0 ? '' : text.slice(valueStart, valueEnd));
        attrName = undefined;
      },
      onopentagend() {
        open();
        current = undefined;
      },
      onselfclosingtag() {
        open();
        stack.pop();
        current = undefined;
      },
      onclosetag(s, e) {
        const tag = text.slice(s, e);
        const at = stack.map((o) => o.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
      },
      ...ignoredTokens,
      onend() {},
    },
  );
  tokenizer.write(maskEmbedded(text));
  tokenizer.end();
  return found;
}

/**
 * The longest condition read as a formula. Real ones are a few names (`canIUseNicknameComp && !hasUserInfo`); a
 * condition nested thousands deep (`{{((((…))))}}`, `{{!!!!…x}}`) overflowed the stack of the recursive reading (found
 * by fuzzing). Longer ones are taken whole, the same way every time.
 */
const maxConditionLength = 400;

/** A condition's formula: a whole `{{ … }}` read as an expression; anything else is an atom of its own text. */
function formulaOf(condition: string): Formula {
  const match = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(condition);
  const body = match?.[1];
  if (body === undefined || body.includes('}}') || body.length > maxConditionLength)
    return { kind: 'atom', key: `raw:${condition.trim()}` };
  const file = ts.createSourceFile('condition.ts', `(${body})`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement))
    return { kind: 'atom', key: `raw:${condition.trim()}` };
  const read = (node: ts.Expression): Formula => {
    const expr = skipOuterExpressions(node);
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'const', value: true };
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'const', value: false };
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
      return { kind: 'not', of: read(expr.operand) };
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return { kind: 'and', left: read(expr.left), right: read(expr.right) };
      if (op === ts.SyntaxKind.BarBarToken) return { kind: 'or', left: read(expr.left), right: read(expr.right) };
    }
    return { kind: 'atom', key: expr.getText(file).replace(/\s+/g, '') };
  };
  return read(statement.expression);
}

function atomsOf(formula: Formula, into: Set<string>): Set<string> {
  if (formula.kind === 'atom') into.add(formula.key);
  else if (formula.kind === 'not') atomsOf(formula.of, into);
  else if (formula.kind === 'and' || formula.kind === 'or') {
    atomsOf(formula.left, into);
    atomsOf(formula.right, into);
  }
  return into;
}

function evaluate(formula: Formula, values: ReadonlyMap<string, boolean>): boolean {
  switch (formula.kind) {
    case 'const':
      return formula.value;
    case 'atom':
      return values.get(formula.key) ?? false;
    case 'not':
      return !evaluate(formula.of, values);
    case 'and':
      return evaluate(formula.left, values) && evaluate(formula.right, values);
    case 'or':
      return evaluate(formula.left, values) || evaluate(formula.right, values);
  }
}

/** At most this many other atoms are tried (2^n assignments); beyond, the element counts as "may render". */
const maxAtoms = 10;

/**
 * True when the element never renders while the page's `data` key `flag` is truthy: no assignment of the other names
 * its conditions read makes its chain (and its ancestors') hold with the flag true. False when it cannot be told.
 */
export function rendersOnlyWithoutFlag(markupText: string, element: MarkupElement, flag: string): boolean {
  try {
    return neverRendersWithFlag(markupText, element, flag);
  } catch (error) {
    // Conditions are read and their formulas walked recursively; those longer than `maxConditionLength` are not read,
    // so this is the last guard against one nested deep enough to overflow the stack: it cannot be told.
    if (isStackOverflow(error)) return false;
    throw error;
  }
}

function neverRendersWithFlag(markupText: string, element: MarkupElement, flag: string): boolean {
  const clauses = clausesAt(markupText, element.start);
  if (!clauses || clauses.length === 0) return false;
  const needs: Formula[] = clauses.flatMap((clause) => [
    ...clause.previous.map((condition): Formula => ({ kind: 'not', of: formulaOf(condition) })),
    ...(clause.own === undefined ? [] : [formulaOf(clause.own)]),
  ]);
  const atoms = new Set<string>();
  for (const formula of needs) atomsOf(formula, atoms);
  if (!atoms.has(flag)) return false;
  atoms.delete(flag);
  const others = [...atoms];
  if (others.length > maxAtoms) return false;
  for (let bits = 0; bits < 1 << others.length; bits++) {
    const values = new Map<string, boolean>([[flag, true]]);
    others.forEach((atom, i) => values.set(atom, (bits & (1 << i)) !== 0));
    if (needs.every((formula) => evaluate(formula, values))) return false;
  }
  return true;
}
