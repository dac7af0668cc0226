// Rules `holiday` and `season`: "Christmas", "on New Year's Eve", "Thanksgiving" are days of the
// year the clause points at (TIMEX3 YYYY-MM-DD); "this summer", "last winter", "next spring" are
// seasons (YYYY-SU). A holiday with its year ("Christmas 2024") takes that year.
import type { Context, Rule } from '../context';
import { lexicons } from '../lexicons';
import { addDays, fmtDay, weekday } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { tenseOf } from './tense';
import { alternation, SEASONS } from './words';

const H = lexicons.dates.holidays;
const NAMES = alternation([...Object.keys(H.fixed), ...H.thanksgiving]);
/** "Christmas shopping", "the Halloween party": the holiday names a season or a kind of thing there. */
const HOLIDAY = new RegExp(`\\b(${NAMES})(?:\\s+(\\d{4}))?(?!\\s+(?:${alternation(H.nounsAfter)})\\b)\\b`, 'g');
const SEASON_CYCLE = new RegExp(`\\b(this|last|next|past|coming)\\s+(${alternation(Object.keys(SEASONS))})\\b`, 'gi');
const THANKSGIVING = new Set(H.thanksgiving);

/** The fourth Thursday of November. */
function thanksgiving(year: number): string {
  const first = { year, month: 11, day: 1 };
  const toThursday = (4 - weekday(first) + 7) % 7;
  return fmtDay(addDays(first, toThursday + 21));
}

function dayOf(name: string, year: number): string {
  return THANKSGIVING.has(name) ? thanksgiving(year) : `${year}-${H.fixed[name]}`;
}

/** The year of a holiday without one: the last one in a past clause, the next in a future one, else this year's. */
function holidayYear(ctx: Context, name: string, start: number, end: number): number | null {
  const p = ctx.publishedAt;
  if (!p) return null;
  const today = fmtDay(p);
  const tense = tenseOf(ctx, start, end);
  if (tense === 'past') return dayOf(name, p.year) <= today ? p.year : p.year - 1;
  if (tense === 'future') return dayOf(name, p.year) >= today ? p.year : p.year + 1;
  return p.year;
}

export const holidays: Rule<DateCandidate> = {
  name: 'holiday',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, HOLIDAY)) {
      const end = m.index + m[0].length;
      const year = m[2] ? +m[2] : holidayYear(ctx, m[1], m.index, end);
      out.push(dateCandidate(ctx, m.index, end, 'date', year === null ? null : dayOf(m[1], year), 'holiday', { relative: !m[2] }));
    }
    return out;
  },
};

const ORDER = lexicons.dates.seasonOrder;
export const seasons: Rule<DateCandidate> = {
  name: 'season',
  find(ctx) {
    const out: DateCandidate[] = [];
    const p = ctx.publishedAt;
    for (const m of matches(ctx, SEASON_CYCLE)) {
      const code = SEASONS[m[2].toLowerCase()];
      const which = m[1].toLowerCase();
      let value: string | null = null;
      if (p) {
        const [from, to] = ORDER[code];
        // winter runs over the new year: in January it is still the winter that began in December
        const seasonYear = code === 'WI' && p.month <= to ? p.year - 1 : p.year;
        const inIt = from <= to ? p.month >= from && p.month <= to : p.month >= from || p.month <= to;
        const over = !inIt && (code === 'WI' ? p.month > to && p.month < from && seasonYear < p.year : p.month > to);
        let year = seasonYear;
        if (which === 'last' || which === 'past') year = over ? seasonYear : seasonYear - 1;
        else if (which === 'next' || which === 'coming') year = over || inIt ? seasonYear + 1 : seasonYear;
        value = `${year}-${code}`;
      }
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'season', { relative: true }));
    }
    return out;
  },
};
