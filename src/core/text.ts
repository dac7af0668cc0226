// Small text helpers shared by the passes.

/** A literal string as a regular-expression fragment. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Index of the span (sorted, non-overlapping) that contains offset `at`, or null. */
export function spanIndexAt(spans: { start: number; end: number }[], at: number): number | null {
  let lo = 0,
    hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** `s` without trailing characters from `chars` (a string of them, or a one-character class), in one backward scan: a trailing-class regex such as
 * /[.:]+$/ retries at every position of a long run that does not reach the end (quadratic on "....x"). */
export function trimEndOf(s: string, chars: string | RegExp): string {
  const drop = typeof chars === 'string' ? (c: string) => chars.includes(c) : (c: string) => chars.test(c);
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return s.slice(0, end);
}

/** A line or cue compared as words: lower case, curly apostrophes straight, no closing punctuation or space. */
export const normaliseLine = (s: string): string =>
  trimEndOf(s.toLowerCase().replace(/[’]/g, "'"), ' \t\n\r\f\v\u00a0.:!…').trim();

/** Words as one regex alternation: longest first (so "according to" wins over "according"), escaped, and a space
 * matching any run of whitespace. The one way a word list becomes a pattern. */
export const alternation = (words: Iterable<string>): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
    .join('|');

/** The index of the first item starting at or after `at`, in items sorted by start (a binary search). */
export function firstFrom(items: { start: number }[], at: number): number {
  let lo = 0,
    hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
