// Cutting text that is too long for a step into pieces at the most natural point, so the step
// (compromise's tagger, per-sentence scans) stays linear whatever the input looks like.

/**
 * Cut points of `text` into chunks of at most `max` characters: after a line break when the
 * window has one (compromise ends a sentence there anyway), else after a sentence end, else at
 * whitespace, else anywhere but inside a surrogate pair.
 */
export function chunkEnds(text: string, max: number): number[] {
  const ends: number[] = [];
  let from = 0;
  while (text.length - from > max) {
    const lo = from + (max >> 1),
      hi = from + max; // cut in the second half of the window
    const nl = text.slice(lo, hi).lastIndexOf('\n'); // sliced: an unbounded search back is quadratic
    let cut = nl >= 0 ? lo + nl + 1 : 0;
    if (cut <= lo) cut = lastCut(text, lo, hi, true);
    if (cut <= lo) cut = lastCut(text, lo, hi, false);
    if (cut <= lo) cut = /[\uD800-\uDBFF]/.test(text[hi - 1]) ? hi - 1 : hi;
    ends.push(cut);
    from = cut;
  }
  ends.push(text.length);
  return ends;
}

const SPACE = /\s/;
const TERMINAL = /[.!?…]/;
const CLOSER = /["'”’»)\]]/;

/** The offset after the last whitespace in [lo, hi) — after a sentence end only, if asked — or 0. */
function lastCut(text: string, lo: number, hi: number, sentenceEnd: boolean): number {
  for (let i = hi - 1; i >= lo; i--) {
    if (!SPACE.test(text[i])) continue;
    if (!sentenceEnd) return i + 1;
    let j = i - 1;
    while (j > lo && CLOSER.test(text[j])) j--;
    if (TERMINAL.test(text[j])) return i + 1;
  }
  return 0;
}
