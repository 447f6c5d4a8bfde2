/**
 * A cheap text pass over a page script that answers one question without parsing it: does the script
 * define every handler its markup binds? Most pages never mention a user-info API, so their scripts are
 * otherwise never parsed; the markup rule `handler-not-found` only needs the page model when this pass
 * cannot confirm a name.
 *
 * The pass is one-sided: it confirms a name only for a `Page({…})` script (not a `Component`, whose
 * handlers must sit in `methods`) whose text defines the name the way a page member is written: `name(…) {`, `name: function`, `name: (…) =>`, `name: x =>` or `name: handler`.
 * Anything else is left to the model, so a name it cannot confirm costs a parse, never a wrong answer from
 * this pass; the one thing it can miss is a name defined in some other object literal of the same file.
 */

const pageCall = /(?<![\w$.])Page\s*\(/;
const otherDefinitions = /(?<![\w$.])(?:Component|Behavior)\s*\(/;

/**
 * Every name the text writes the way a page member is defined: `name(…) {`, `name: function`,
 * `name: (…) =>`, `name: x =>`, or `name: handler` (not `true`/`false`/`null`/`undefined`). One pass over the
 * text, whatever the number of names asked about.
 */
const definitionShape =
  /(?<![\w$.])(?<!\bfunction\s+)([A-Za-z_$][\w$]*)\s*(?:\([^()]*\)\s*\{|:\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)|:\s*(?!true\b|false\b|null\b|undefined\b)[A-Za-z_$][\w$]*\s*[,}\n])/g;

/** True when the text alone shows that the page script defines every name as a page member. */
export function pageScriptDefines(text: string, names: Iterable<string>): boolean {
  if (!pageCall.test(text) || otherDefinitions.test(text)) return false;
  const wanted = [...names];
  if (wanted.length === 0) return true;
  const defined = new Set<string>();
  for (const match of text.matchAll(definitionShape)) defined.add(match[1]!);
  return wanted.every((name) => defined.has(name));
}
