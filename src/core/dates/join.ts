// Refiner `join`: one expression written in two parts is one span. A weekday before its date
// ("Thursday, March 5, 2020") and a day with its clock time ("Tuesday at 3 p.m.", "June 3,
// 10:00 GMT") are single TIMEX3 expressions; the more precise value wins.
import type { Refiner } from '../context';
import type { DateCandidate } from './candidate';

const DAY = /^\d{4}-\d\d-\d\d$/;
const WEEKDAY_GAP = /^,?\s*(?:the\s+)?$/;
const TIME_GAP = /^\s*(?:,\s*)?(?:at\s+|from\s+)?$/i;
const TIME_FIRST_GAP = /^\s*(?:,\s*)?(?:on\s+)?$/i;

export const join: Refiner<DateCandidate> = {
  name: 'join',
  refine(ctx, dates) {
    const text = ctx.doc.clean;
    const out: DateCandidate[] = [];
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i],
        next = dates[i + 1];
      if (next && d.type !== 'duration' && d.type !== 'set' && next.type !== 'duration' && next.type !== 'set') {
        const gap = text.slice(d.end, next.start);
        let merged: DateCandidate | null = null;
        // "Thursday, March 5, 2020": the weekday names the date that follows it
        // a day without a publication date has no value yet, but is still the day its clock time is on
        const dayOf = (x: DateCandidate) =>
          x.value ? /^\d{4}-\d\d-\d\d/.test(x.value) : x.rule === 'weekday' || x.rule === 'relative/day';
        if (d.rule === 'weekday' && d.type === 'date' && next.value && DAY.test(next.value) && WEEKDAY_GAP.test(gap))
          merged = { ...next, start: d.start };
        // "Tuesday at 3 p.m.", "June 3, 10:00 GMT": the clock time takes its day
        else if (next.timeOnly && dayOf(d) && d.type === 'date' && TIME_GAP.test(gap)) {
          const value = next.value && d.value ? d.value.slice(0, 10) + next.value.slice(10) : null;
          merged = { ...next, start: d.start, timeOnly: false, value, relative: d.relative || next.relative };
        } else if (d.timeOnly && dayOf(next) && next.type === 'date' && TIME_FIRST_GAP.test(gap)) {
          // "3 p.m. Tuesday", "7:45 p.m. on Saturday"
          const value = d.value && next.value ? next.value.slice(0, 10) + d.value.slice(10) : null;
          merged = { ...d, end: next.end, timeOnly: false, value, relative: d.relative || next.relative };
        }
        if (merged) {
          merged.text = ctx.doc.text.slice(merged.start, merged.end);
          merged.rule = `${merged.rule}+join`;
          out.push(merged);
          i++;
          continue;
        }
      }
      out.push(d);
    }
    return out;
  },
};
