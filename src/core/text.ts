// Small text helpers shared by the passes.

/** A literal string as a regular-expression fragment. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Index of the span (sorted, non-overlapping) that contains offset `at`, or null. */
export function spanIndexAt(spans: { start: number; end: number }[], at: number): number | null {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return null;
}
