// Rule `clock-word`: "noon", "midnight" and wire times ("0900 GMT") are clock times (T12:00, T24:00 as TIMEX3 writes the
// end of a day); their day comes from the date beside them ("noon Tuesday") or in their sentence.
import type { Rule } from '../context';
import { fmtDay } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';

const CLOCK_WORD = /\b(?:at\s+)?(noon|midday|midnight)\b/gi;
const CLOCK: Record<string, string> = { noon: '12:00', midday: '12:00', midnight: '24:00' };
/** "0900 GMT", "2200 UTC": wire-service clock times, four digits and a zone. */
const MILITARY = /\b([01]\d|2[0-3])([0-5]\d)\s*(GMT|UTC)\b/g;

export const clockWords: Rule<DateCandidate> = {
  name: 'clock-word',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, CLOCK_WORD)) {
      const start = m.index + m[0].length - m[1].length;
      const value = ctx.publishedAt ? `${fmtDay(ctx.publishedAt)}T${CLOCK[m[1].toLowerCase()]}` : null;
      out.push(
        dateCandidate(ctx, start, m.index + m[0].length, 'time', value, 'clock-word', {
          relative: true,
          timeOnly: true,
        }),
      );
    }
    for (const m of matches(ctx, MILITARY)) {
      const value = ctx.publishedAt ? `${fmtDay(ctx.publishedAt)}T${m[1]}:${m[2]}Z` : null;
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, 'time', value, 'clock-word', {
          relative: true,
          timeOnly: true,
        }),
      );
    }
    return out;
  },
};
