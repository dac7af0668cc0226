// Rule `weekday`: "on Thursday" in news means the most recent Thursday on or before publication
// when the clause is in the past (or present) tense, and the next one when it speaks of the
// future ("will meet on Thursday", "is due to vote next Tuesday", "until Friday" in a future clause).
// "Black Monday", "Super Tuesday" are names, not dates.
import type { Rule } from '../context';
import { lexicons } from '../lexicons';
import { addDays, fmtDay, weekday } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { isFuture } from './tense';
import { alternation, cue, WEEKDAY_RE, WEEKDAYS } from './words';

const WEEKDAY = new RegExp(
  `\\b(?:(${cue('weekdayModifiers')})\\s+)?(${WEEKDAY_RE})s?\\b(?:\\s+(morning|afternoon|evening|night))?`,
  'g',
);
const NAMED = new RegExp(`\\b(?:${alternation(lexicons.dates.namedDays.prefixes)})\\s+$`);
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

export const weekdays: Rule<DateCandidate> = {
  name: 'weekday',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, WEEKDAY)) {
      if (m[0].endsWith('s') && !m[3]) continue; // "on Mondays" is a set, not a date
      if (!m[1] && NAMED.test(ctx.doc.clean.slice(Math.max(0, m.index - 12), m.index))) continue;
      const p = ctx.publishedAt;
      const target = WEEKDAYS[m[2].toLowerCase()];
      const mod = m[1]?.toLowerCase();
      const start = mod === 'on' ? m.index + m[1].length + 1 : m.index;
      let value: string | null = null;
      if (p) {
        const today = weekday(p);
        const back = (today - target + 7) % 7;
        let forward = (target - today + 7) % 7;
        // "next Sunday" is the Sunday of next week (Monday to Sunday), as "next week" is: said on a Saturday, eight days on
        if (mod === 'next') forward = 7 - ((today + 6) % 7) + ((target + 6) % 7);
        const future =
          mod === 'next' ||
          mod === 'coming' ||
          (mod !== 'last' && mod !== 'past' && isFuture(ctx, m.index, m.index + m[0].length));
        value = fmtDay(
          future ? addDays(p, forward) : addDays(p, (mod === 'last' || mod === 'past') && back === 0 ? -7 : -back),
        );
        if (m[3]) value += `T${PART_OF_DAY[m[3].toLowerCase()]}`;
      }
      out.push(
        dateCandidate(ctx, start, m.index + m[0].length, m[3] ? 'time' : 'date', value, 'weekday', { relative: true }),
      );
    }
    return out;
  },
};
