// Rule `weekday`: "on Thursday" in news means the most recent Thursday on or before publication
// when the clause is in the past (or present) tense, and the next one when it speaks of the
// future ("will meet on Thursday", "is due to vote next Tuesday").
import type { Rule } from '../context';
import { addDays, fmtDay, weekday } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { isFuture } from './tense';
import { WEEKDAYS } from './words';

const WEEKDAY = /\b(?:(last|next|this|on|coming)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b(?:\s+(morning|afternoon|evening|night))?/g;

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
