// The article without its boilerplate lines, for annotation tools that want the clean text, and
// the map back: every kept stretch says where it starts in the clean text and in the input.
import type { Boilerplate, CleanText } from '../factsheet';

export function cleanText(text: string, boilerplate: Boilerplate[]): CleanText {
  // Remove each boilerplate line whole: from the start of its line through its line break.
  const cuts: [number, number][] = [];
  for (const b of boilerplate) {
    const from = text.lastIndexOf('\n', b.start - 1) + 1;
    const nl = text.indexOf('\n', b.end);
    const to = nl < 0 ? text.length : nl + 1;
    const last = cuts[cuts.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else cuts.push([from, to]);
  }
  const parts: string[] = [];
  const map: CleanText['map'] = [];
  let at = 0,
    clean = 0;
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    map.push({ clean, source: from, length: to - from });
    clean += to - from;
  };
  for (const [from, to] of cuts) {
    keep(at, from);
    at = to;
  }
  keep(at, text.length);
  return { text: parts.join(''), map };
}

/** The input offset of an offset into the clean text (an offset at a stretch's end maps to its end). */
export function sourceOffset(clean: CleanText, at: number): number {
  let lo = 0,
    hi = clean.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (clean.map[mid].clean <= at) lo = mid;
    else hi = mid - 1;
  }
  const seg = clean.map[lo];
  return seg ? seg.source + Math.min(at - seg.clean, seg.length) : at;
}
