/**
 * Offsets ↔ line/character positions without an editor document: for locations in files the caller has
 * only as text (a page's script seen from its markup, findings printed by the CLI).
 */

/** A 0-based line and UTF-16 character, as LSP counts them. */
export interface LineCharacter {
  line: number;
  character: number;
}

/** The offsets at which the lines of `text` start (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The line and character of an offset, given the text's {@link lineStarts}. */
export function positionAt(starts: readonly number[], offset: number): LineCharacter {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

/**
 * The one range that differs between two versions of a text: from the end of their common prefix to the start of
 * their common suffix (`oldEnd` in the old text, `newEnd` in the new one).
 */
export function changedRange(oldText: string, text: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix))
    suffix++;
  return { start: prefix, oldEnd: oldText.length - suffix, newEnd: text.length - suffix };
}
