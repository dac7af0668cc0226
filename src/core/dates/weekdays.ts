// Rule `weekday`: "on Thursday" in news means the most recent Thursday on or before publication
// when the clause is in the past (or present) tense, and the next one when it speaks of the
// future ("will meet on Thursday", "is due to vote next Tuesday").
import type { Context, Rule } from '../context';
import { addDays, fmtDay, weekday } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { WEEKDAYS } from './words';

const WEEKDAY = /\b(?:(last|next|this|on|coming)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b(?:\s+(morning|afternoon|evening|night))?/g;
const FUTURE = /(?:\b(?:will|shall|is to|are to|is due|are due|due to|set to|scheduled to|expected to|plans? to|planning to|going to)\b|'ll\b)/i;

/**
 * The tense of the verb the weekday belongs to: the nearest verb before it in its clause
 * ("will meet on Thursday", "said on Thursday that … would"), else the nearest after it
 * ("On Thursday, the council will vote").
 */
function isFuture(ctx: Context, at: number, end: number): boolean {
  const s = ctx.doc.sentenceOf(at);
  const [from, to] = s === null ? [Math.max(0, at - 80), end + 60] : [ctx.doc.sentences[s].start, ctx.doc.sentences[s].end];
  const before = ctx.doc.tokensIn(from, at).slice(-8);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i];
    if (!t.tags.has('Verb')) continue;
    if (t.tags.has('PastTense') && !t.tags.has('Participle')) return false;
    const aux = ctx.doc.clean.slice(before[Math.max(0, i - 4)].start, t.start);
    return FUTURE.test(aux) || t.tags.has('FutureTense');
  }
  const after = ctx.doc.tokensIn(end, to).slice(0, 8);
  const v = after.findIndex((t) => t.tags.has('Verb'));
  if (v < 0) return false;
  return FUTURE.test(ctx.doc.clean.slice(after[0].start, after[v].end));
}

export const weekdays: Rule<DateCandidate> = {
  name: 'weekday',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, WEEKDAY)) {
      if (m[0].endsWith('s') && !m[3]) continue; // "on Mondays" is a set, not a date
      const p = ctx.publishedAt;
      const target = WEEKDAYS[m[2].toLowerCase()];
      const mod = m[1]?.toLowerCase();
      const start = mod === 'on' ? m.index + m[1].length + 1 : m.index;
      let value: string | null = null;
      if (p) {
        const today = weekday(p);
        const back = (today - target + 7) % 7;
        let forward = (target - today + 7) % 7;
        if (mod === 'next' && forward === 0) forward = 7;
        const future = mod === 'next' || mod === 'coming' || (mod !== 'last' && isFuture(ctx, m.index, m.index + m[0].length));
        value = fmtDay(future ? addDays(p, forward) : addDays(p, mod === 'last' && back === 0 ? -7 : -back));
      }
      out.push(dateCandidate(ctx, start, m.index + m[0].length, 'date', value, 'weekday', { relative: true }));
    }
    return out;
  },
};
