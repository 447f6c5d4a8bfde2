/**
 * The least a Vue-aware checker must do with a `.vue` file, used as the `.vue` baseline: parse the single-file
 * component with @vue/compiler-dom in SFC mode (the template is parsed in full, since its events are the page's
 * entry points; the other blocks are read as raw text), then parse each `<script>` block's content with TypeScript
 * (parent pointers on, as the analyser's parse), in the script kind its `lang` names.
 */
import { parse, type ElementNode } from '@vue/compiler-dom';
import ts from 'typescript';

const kinds: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

/** Parses a `.vue` file as described above; returns the number of top-level script statements. */
export function parseVueFile(fileName: string, text: string): number {
  const root = parse(text, { parseMode: 'sfc' });
  let statements = 0;
  for (const node of root.children) {
    if (node.type !== 1 || (node as ElementNode).tag !== 'script') continue;
    const element = node as ElementNode;
    const first = element.children[0];
    const last = element.children[element.children.length - 1];
    if (!first || !last) continue;
    const lang = element.props.find((p) => p.type === 6 && p.name === 'lang');
    const kind = (lang?.type === 6 && lang.value && kinds[lang.value.content]) || ts.ScriptKind.JS;
    const content = text.slice(first.loc.start.offset, last.loc.end.offset);
    statements += ts.createSourceFile(fileName, content, ts.ScriptTarget.Latest, true, kind).statements.length;
  }
  return statements;
}
