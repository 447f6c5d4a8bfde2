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
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the text alone shows that the page script defines every name as a page member. */
export function pageScriptDefines(text: string, names: Iterable<string>): boolean {
  if (!pageCall.test(text) || otherDefinitions.test(text)) return false;
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    const key = escapeRegExp(name);
    const definition = new RegExp(
      `(?<![\\w$.])${key}\\s*(?:\\([^()]*\\)\\s*\\{|:\\s*(?:async\\s+)?(?:function\\b|\\([^()]*\\)\\s*=>|[A-Za-z_$][\\w$]*\\s*=>)|:\\s*(?!true\\b|false\\b|null\\b|undefined\\b)[A-Za-z_$][\\w$]*\\s*[,}\\n])`,
    );
    if (!definition.test(text)) return false;
  }
  return true;
}
