/**
 * "Did you mean" suggestions: an edit distance with transpositions (the optimal string alignment
 * variant of Damerau–Levenshtein), so that `long` → `lang`, `descr` → `desc` and `sucess` → `success`
 * are each one edit, plus the candidate choice rules that keep unrelated names out.
 */

/**
 * The number of single-character insertions, deletions, substitutions and adjacent transpositions
 * that turn `a` into `b` (no substring is edited twice). Gives up and returns `limit + 1` as soon as the
 * distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows: the one before the previous (for transpositions), the previous and the current.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The candidate `name` most likely stands for, or undefined when none is close enough. A candidate that
 * differs only in case wins outright; otherwise the distance (compared case-insensitively) must be at
 * most a third of the name's length (at least 1, at most 3), the closest wins and ties go to the earlier
 * candidate. Exact matches are not suggestions.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const distance = editDistance(lower, candidateLower, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
