// The quotes pass: quoted spans and reported speech, overlaps resolved in favour of the words in
// marks, then speakers resolved to entities.
import { overlaps, runPipeline, type Context, type Refiner, type Rule } from '../context';
import { firstFrom } from '../text';
import type { Quote } from '../factsheet';
import type { QuoteCandidate } from './candidate';
import { marked } from './marked';
import { according } from './according';
import { infinitive } from './infinitive';
import { objectContent } from './object';
import { pullQuote } from './pull-quote';
import { thatNoun } from './that-noun';
import { reported } from './reported';
import { speakers } from './speakers';

export const rules: Rule<QuoteCandidate>[] = [
  marked,
  reported,
  according,
  infinitive,
  thatNoun,
  objectContent,
  pullQuote,
];

/**
 * Marked quotes win over reported speech that overlaps them (or that they nearly fill); of two
 * reported spans, the longer. Sorted sweeps, not a comparison of every pair.
 */
const preferMarked: Refiner<QuoteCandidate> = {
  name: 'prefer-marked',
  refine(_ctx, qs) {
    // "X said Berlin would accept its share “without hesitation” if …": a partial quote inside the
    // clause of its own cue is part of that statement; the clause (indirect) stands for both
    const partialsByCue = new Map<number, QuoteCandidate[]>();
    for (const q of qs) {
      if (q.rule.startsWith('marked') && q.kind === 'partial' && q.cue)
        partialsByCue.set(q.cue.start, [...(partialsByCue.get(q.cue.start) ?? []), q]);
    }
    const absorbedBy = new Map<QuoteCandidate, QuoteCandidate[]>();
    for (const r of qs) {
      // (not an object: in "called the law a “disaster”" the quoted word is the statement)
      if (r.rule.startsWith('marked') || r.rule === 'reported/object' || !r.cue) continue;
      const inside = (partialsByCue.get(r.cue.start) ?? []).filter((m) => m.start > r.start && m.end <= r.end);
      if (inside.length) absorbedBy.set(r, inside);
    }
    const absorbed = new Set([...absorbedBy.values()].flat());
    const markedQs = qs
      .filter((q) => q.rule.startsWith('marked') && !absorbed.has(q))
      .sort((a, b) => a.start - b.start);
    // the marked spans that start before `r` ends, as a running maximum of their ends
    const clashesWithMarked = (r: QuoteCandidate): boolean => {
      const lo = firstFrom(markedQs, r.end + 1);
      for (let i = lo - 1; i >= 0; i--) {
        const m = markedQs[i];
        if (overlaps(m, r) || (m.start >= r.start - 1 && m.end <= r.end + 1)) return true;
        if (m.start < r.start - 1 && maxEndUpTo[i] <= r.start) return false; // nothing further left reaches r
      }
      return false;
    };
    const maxEndUpTo: number[] = [];
    markedQs.forEach((m, i) => {
      maxEndUpTo[i] = Math.max(m.end, i ? maxEndUpTo[i - 1] : -Infinity);
    });
    const rep = qs
      .filter((q) => !q.rule.startsWith('marked'))
      .filter((q) => !clashesWithMarked(q))
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept = keepLongest(rep);
    // a partial whose clause lost to another span (it clashed with a quotation) stands on its own again
    const taken = new Set(kept.flatMap((r) => absorbedBy.get(r) ?? []));
    const restored = [...absorbed].filter((m) => !taken.has(m)).sort((a, b) => a.start - b.start);
    return [...markedQs, ...restored, ...withoutOverlaps(kept, restored)].sort((a, b) => a.start - b.start);
  },
};
/** The spans of `kept` (sorted, disjoint) that overlap none of `others` (sorted by start): one sweep. */
function withoutOverlaps(kept: QuoteCandidate[], others: QuoteCandidate[]): QuoteCandidate[] {
  if (!others.length) return kept;
  const out: QuoteCandidate[] = [];
  let j = 0,
    reach = -Infinity; // reach: the furthest end of the others starting before the current span ends
  for (const r of kept) {
    while (j < others.length && others[j].start < r.end) reach = Math.max(reach, others[j++].end);
    if (reach <= r.start) out.push(r);
  }
  return out;
}

/** Of spans sorted longest first, those that overlap none kept before them (kept spans sit in a sorted list). */
function keepLongest(spans: QuoteCandidate[]): QuoteCandidate[] {
  const kept: QuoteCandidate[] = []; // sorted by start, non-overlapping
  for (const r of spans) {
    const lo = firstFrom(kept, r.start);
    if ((lo > 0 && overlaps(kept[lo - 1], r)) || (lo < kept.length && overlaps(kept[lo], r))) continue;
    kept.splice(lo, 0, r);
  }
  return kept;
}

export const refiners: Refiner<QuoteCandidate>[] = [preferMarked, speakers];

export function extractQuotes(ctx: Context): Quote[] {
  return runPipeline(ctx, rules, refiners).map((q, i) => ({
    id: `Q${i + 1}`,
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker ?? null,
    cue: q.cue,
    rule: q.rule,
    sentence: ctx.doc.sentenceOf(q.start),
  }));
}
