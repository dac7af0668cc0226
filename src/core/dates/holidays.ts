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
const SEASON_CYCLE = new RegExp(
  `\\b(${alternation(lexicons.dates.cues.cycleWords)})\\s+(${alternation(Object.keys(SEASONS))})\\b`,
  'gi',
);
/** "in the spring", "by the summer": the season the clause's tense points at ("the spring of 2024" is the season rule's with its year). */
const THE_SEASON = new RegExp(
  `\\b(?:${alternation(lexicons.dates.cues.seasonPrepositions)})\\s+(the\\s+(${alternation(Object.keys(SEASONS))}))\\b(?!\\s+of\\b)`,
  'gi',
);
const SPORTS = alternation(lexicons.dates.sportsSeasons.words);
/** "the 2024-25 season", "the 2023/24 campaign"; "this season", "last season". */
const SPORTS_SPAN = new RegExp(
  `\\b(?:the\\s+)?((?:19|20)\\d\\d)\\s*[–/-]\\s*(?:(?:19|20)?\\d\\d)\\s+(?:${SPORTS})\\b`,
  'gi',
);
const SPORTS_CYCLE = new RegExp(`\\b(this|last|next|coming|past)\\s+(?:${SPORTS})\\b`, 'gi');
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
      out.push(
        dateCandidate(ctx, m.index, end, 'date', year === null ? null : dayOf(m[1], year), 'holiday', {
          relative: !m[2],
        }),
      );
    }
    return out;
  },
};

const ORDER = lexicons.dates.seasonOrder;
/** The year of a season the way "last/next/this" (or a clause's tense) picks it, published on `p`. */
function seasonYearOf(p: { year: number; month: number }, code: string, which: string): number {
  const [from, to] = ORDER[code];
  // winter runs over the new year: in January it is still the winter that began in December
  const seasonYear = code === 'WI' && p.month <= to ? p.year - 1 : p.year;
  const inIt = from <= to ? p.month >= from && p.month <= to : p.month >= from || p.month <= to;
  const over = !inIt && (code === 'WI' ? p.month > to && p.month < from && seasonYear < p.year : p.month > to);
  if (which === 'last' || which === 'past') return over ? seasonYear : seasonYear - 1;
  if (which === 'next' || which === 'coming') return over || inIt ? seasonYear + 1 : seasonYear;
  // a clause's tense: the one under way, else the last ended (past) or the next to begin (future, present)
  if (which === 'tense-past') return inIt || over ? seasonYear : seasonYear - 1;
  if (which === 'tense-future') return inIt || !over ? seasonYear : seasonYear + 1;
  return seasonYear;
}
const SPORTS_SHIFT: Record<string, number> = { this: 0, last: -1, past: -1, next: 1, coming: 1 };
export const seasons: Rule<DateCandidate> = {
  name: 'season',
  find(ctx) {
    const out: DateCandidate[] = [];
    const p = ctx.publishedAt;
    for (const m of matches(ctx, SEASON_CYCLE)) {
      const code = SEASONS[m[2].toLowerCase()];
      const which = m[1].toLowerCase();
      const value = p ? `${seasonYearOf(p, code, which)}-${code}` : null;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'season', { relative: true }));
    }
    for (const m of matches(ctx, THE_SEASON)) {
      const start = m.index + m[0].length - m[1].length,
        end = m.index + m[0].length;
      const code = SEASONS[m[2].toLowerCase()];
      const which = tenseOf(ctx, start, end) === 'past' ? 'tense-past' : 'tense-future';
      const value = p ? `${seasonYearOf(p, code, which)}-${code}` : null;
      out.push(dateCandidate(ctx, start, end, 'date', value, 'season', { relative: true }));
    }
    for (const m of matches(ctx, SPORTS_SPAN)) {
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', m[1], 'season/sports'));
    }
    for (const m of matches(ctx, SPORTS_CYCLE)) {
      const value = p ? String(p.year + SPORTS_SHIFT[m[1].toLowerCase()]) : null;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'season/sports', { relative: true }));
    }
    return out;
  },
};
