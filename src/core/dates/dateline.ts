// Rule `dateline`: a full calendar date inside a line the document model blanked as furniture
// (a teaser headline, a source or category line: "Saturday, April 4, 2009", "— Edmonton Sun,
// August 16, 2008") is still a date of the text. Only complete dates, written out, are taken there:
// nothing in such a line has a clause to anchor a partial one.
import type { Rule } from '../context';
import { fmtDay } from './calendar';
import { dateCandidate, type DateCandidate } from './candidate';
import { MONTH_RE, MONTHS, WEEKDAY_RE } from './words';

const FULL_DATE = new RegExp(`\\b(?:(?:${WEEKDAY_RE}),?\\s+)?(?:(${MONTH_RE})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(${MONTH_RE}),?\\s+(\\d{4}))\\b`, 'g');

export const datelines: Rule<DateCandidate> = {
  name: 'dateline',
  find(ctx) {
    const out: DateCandidate[] = [];
    const { text, clean } = ctx.doc;
    if (text === clean) return out;
    FULL_DATE.lastIndex = 0;
    for (let m = FULL_DATE.exec(text); m; m = FULL_DATE.exec(text)) {
      const start = m.index, end = start + m[0].length;
      if (clean.slice(start, end) === m[0]) continue; // in running text: the other rules read it
      const month = MONTHS[(m[1] ?? m[5]).toLowerCase()];
      const day = +(m[2] ?? m[4]), year = +(m[3] ?? m[6]);
      if (day < 1 || day > 31) continue;
      out.push(dateCandidate(ctx, start, end, 'date', fmtDay({ year, month, day }), 'dateline'));
    }
    return out;
  },
};
