/** Whole-word search in a text (code, strings and comments alike), as a name's uses are counted before parsing. */

const wordCharacter = /[\w$]/;

/**
 * The offsets where `word` occurs in `text` not inside a longer name (no `\w` or `$` just before or after it), found
 * left to right without overlapping, as a global regular expression with those lookarounds finds them.
 */
export function wordOffsets(text: string, word: string, limit = Infinity): number[] {
  const found: number[] = [];
  // An empty word (the name the parser gives a missing identifier) occurs nowhere.
  if (word === '') return found;
  for (let at = text.indexOf(word); at >= 0 && found.length < limit;) {
    const whole = !wordCharacter.test(text[at - 1] ?? ' ') && !wordCharacter.test(text[at + word.length] ?? ' ');
    if (whole) found.push(at);
    at = text.indexOf(word, at + (whole ? word.length : 1));
  }
  return found;
}

/** True when `word` occurs in `text` as a whole word. */
export function mentionsWord(text: string, word: string): boolean {
  return wordOffsets(text, word, 1).length > 0;
}
