// The quotes pass: quoted spans and reported speech, overlaps resolved in favour of the words in
// marks, then speakers resolved to entities.
import { overlaps, runPipeline, type Context, type Refiner, type Rule } from '../context';
import type { Quote } from '../factsheet';
import type { QuoteCandidate } from './candidate';
import { marked } from './marked';
import { reported } from './reported';
import { speakers } from './speakers';

export const rules: Rule<QuoteCandidate>[] = [marked, reported];

/** Marked quotes win over reported speech that overlaps them; of two reported spans, the longer. */
const preferMarked: Refiner<QuoteCandidate> = {
  name: 'prefer-marked',
  refine(_ctx, qs) {
    const markedQs = qs.filter((q) => q.rule.startsWith('marked'));
    const rep = qs.filter((q) => !q.rule.startsWith('marked'))
      .filter((q) => !markedQs.some((m) => overlaps(m, q) || (m.start >= q.start - 1 && m.end <= q.end + 1)))
      .sort((a, b) => (b.end - b.start) - (a.end - a.start));
    const kept: QuoteCandidate[] = [];
    for (const r of rep) if (!kept.some((k) => overlaps(k, r))) kept.push(r);
    return [...markedQs, ...kept].sort((a, b) => a.start - b.start);
  },
};

export const refiners: Refiner<QuoteCandidate>[] = [preferMarked, speakers];

export function extractQuotes(ctx: Context): Quote[] {
  return runPipeline(ctx, rules, refiners).map((q, i) => ({
    id: `Q${i + 1}`, start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: q.speaker ?? null,
    cue: q.cue, rule: q.rule, sentence: ctx.doc.sentenceOf(q.start),
  }));
}
