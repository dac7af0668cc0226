// Rule `chrono`: calendar dates and clock times with chrono-node's English parsers ("April 8, 2025",
// "August 2021", "11 December", "18:00 UTC", "6:40 p.m."). chrono parses a 5 KB article in ~1 ms
// where compromise-dates needs ~370 ms, and takes a reference date; weekdays and casual words
// ("on Thursday", "now") are left to our own rules, which know how news uses them.
import * as chrono from 'chrono-node';
import type { Context, Rule } from '../context';
import { fmtDay, fmtMonth } from './calendar';
import { dateCandidate, type DateCandidate } from './candidate';
import { tenseOf } from './tense';
import { lexicons } from '../lexicons';
import { alternation, cue, UNIT_FORMS, UNITS } from './words';

// chrono's relative and casual parsers ("four years after", "now", "Thursday") are other
// rules' work; left in, they also swallow a date into a relative phrase ("11 December -- four
// years" → one relative result). Dropped by class name from a clone of the English parser.
const DROP =
  /^EN(?:TimeUnit(?:Within|Ago|Later|CasualRelative)FormatParser|WeekdayParser|Casual(?:Date|Time)Parser|EndOfCurrentMonthParser|RelativeDateFormatParser|MergeRelative(?:After|FollowBy)DateRefiner|EndOfPeriodRefiner|MergeDateRangeRefiner)$|^(?:MergeWeekdayComponentRefiner|ForwardDateRefiner)$/;
const parser = chrono.en.casual.clone();
parser.parsers = parser.parsers.filter((p) => !DROP.test(p.constructor.name));
parser.refiners = parser.refiners.filter((r) => !DROP.test(r.constructor.name));
const SKIP_TAG = /relativeDate|casualReference/;
const MONTH_WORDS = new RegExp(`\\b(?:${alternation(lexicons.dates.monthsAlsoWords.words)})\\b`);
/** A clock time shows itself: "6:40", "3 p.m.", "noon", "18:00 UTC"; "at 13 percent", "from 9 to 10", "closed at 8,512" do not. */
const CLOCK = /\d[:.]\d\d(?![\d,])|\d\s*[ap]\.?\s?m\b\.?|o['’]clock|\b(?:noon|midnight)\b|\d{4}\s*(?:GMT|UTC|Z)\b/i;
/** "$1.47 a share", "€2.15": an amount of money right before the numbers is a price, not a clock time. */
const MONEY_BEFORE = new RegExp(
  `(?:${alternation(Object.keys(lexicons.currencies.symbols))})\\s?$|\\b(?:${alternation(
    Object.keys(lexicons.currencies.codes),
  )})\\s+$`,
  'u',
);

// chrono anchors year-less dates on this when there is no publication date; such values are dropped.
const NEUTRAL_REF = new Date(Date.UTC(2000, 0, 1, 12));
const LEAD = new RegExp(`^(?:${cue('leadPrepositions')})\\s+`, 'i');
/** "1/2 hour", "3/4 mile", "10 1/2 inches": a fraction before a unit, or after a whole number, is no day/month. */
const UNIT_AFTER = new RegExp(`^\\s*(?:${alternation([...Object.keys(UNITS), ...UNIT_FORMS])})\\b`, 'i');
const isFraction = (text: string, start: number, end: number, clean: string) =>
  /^\d{1,2}\/\d{1,2}$/.test(text) &&
  (UNIT_AFTER.test(clean.slice(end, end + 24)) || /\d\s+$/.test(clean.slice(Math.max(0, start - 4), start)));
const pad = (n: number) => String(n).padStart(2, '0');

export const chronoAbsolute: Rule<DateCandidate> = {
  name: 'chrono',
  find(ctx: Context) {
    const ref = ctx.publishedAt
      ? new Date(Date.UTC(ctx.publishedAt.year, ctx.publishedAt.month - 1, ctx.publishedAt.day, 12))
      : NEUTRAL_REF;
    const out: DateCandidate[] = [];
    for (const r of parser.parse(ctx.doc.clean, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const s = r.start;
      if ([...r.tags()].some((t) => SKIP_TAG.test(t))) continue;
      // lower-case "may", "march" are a modal and a verb; a month name is capitalised
      if (MONTH_WORDS.test(r.text) && !/\d/.test(r.text)) continue;
      const certain = (k: chrono.Component) => s.isCertain(k);
      if (certain('hour') && !CLOCK.test(r.text)) continue;
      if (certain('hour') && MONEY_BEFORE.test(ctx.doc.clean.slice(Math.max(0, r.index - 6), r.index))) continue;
      if (!certain('month') && !certain('year') && !certain('hour')) continue; // weekday-only: weekdays rule
      if (!certain('month') && !certain('day') && certain('year') && /^\d{4}$/.test(r.text.trim())) continue; // bare years: years rule
      let text = r.text;
      let start = r.index;
      const lead = LEAD.exec(text);
      if (lead) {
        start += lead[0].length;
        text = text.slice(lead[0].length);
      }
      // "convicted in January of fraud": chrono takes "of" for the start of a year it never finds
      text = text.replace(/\s+of$/i, '');
      text = text.replace(/[\s,.;:]+$/, (m) =>
        /\b[ap]\.m$/i.test(text.slice(0, -m.length)) ? m.replace(/^[^.]*/, '').slice(0, 1) : '',
      );
      const end = start + text.length;
      if (isFraction(text, start, end, ctx.doc.clean)) continue;
      const month = s.get('month')!,
        day = s.get('day')!;
      const relative = !certain('year');
      let year = s.get('year')!;
      // "last July", "next March": the modifier is part of the expression and fixes the year
      const which =
        relative && certain('month') && !certain('day')
          ? /\b(last|next|this|past|coming)\s+$/i.exec(ctx.doc.clean.slice(Math.max(0, start - 8), start))
          : null;
      if (which && ctx.publishedAt) {
        const p = ctx.publishedAt,
          w = which[1].toLowerCase();
        year =
          w === 'this'
            ? p.year
            : w === 'next' || w === 'coming'
              ? month > p.month
                ? p.year
                : p.year + 1
              : month < p.month
                ? p.year
                : p.year - 1;
        start -= which[0].length;
        text = ctx.doc.text.slice(start, end);
      } else if (relative && ctx.publishedAt && certain('month')) {
        const opensRange = /\b(?:from|since|starting|beginning)\s+$/i.test(
          ctx.doc.clean.slice(Math.max(0, start - 12), start),
        );
        year = yearByTense(ctx, ctx.publishedAt, month, certain('day') ? day : 1, start, end, year, opensRange);
      }
      if (relative && !ctx.publishedAt) {
        const clock = certain('hour');
        out.push(
          dateCandidate(ctx, start, end, clock ? 'time' : 'date', null, 'chrono', {
            relative,
            timeOnly: clock && !certain('day'),
          }),
        );
        continue;
      }
      let value: string;
      let type: 'date' | 'time' = 'date';
      const named = lexicons.dates.namedDates.dates[text];
      if (named) {
        out.push(dateCandidate(ctx, start, end, 'date', named, 'chrono'));
        continue;
      }
      if (certain('hour')) {
        type = 'time';
        const tz = s.get('timezoneOffset');
        value = `${fmtDay({ year, month, day })}T${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}${tz === 0 && /UTC|GMT|Z\b/.test(text) ? 'Z' : ''}`;
      } else if (certain('day')) value = fmtDay({ year, month, day });
      else if (certain('month')) value = fmtMonth(year, month);
      else value = String(year);
      out.push(
        dateCandidate(ctx, start, end, type, value, 'chrono', {
          relative,
          timeOnly: type === 'time' && !certain('day'),
        }),
      );
    }
    return out;
  },
};

/**
 * A date without a year: in a past-tense clause the latest one on or before publication, in a
 * future one the next; in the present tense ("opens on October 14") the nearest, as chrono does.
 */
function yearByTense(
  ctx: Context,
  p: { year: number; month: number; day: number },
  month: number,
  day: number,
  start: number,
  end: number,
  nearest: number,
  opensRange: boolean,
): number {
  const onOrBefore = month < p.month || (month === p.month && day <= p.day);
  const tense = tenseOf(ctx, start, end);
  // a future clause looks ahead, except from a start just past: "the fair is to run from March 4" (published on the 9th) has begun
  const daysBack = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, month - 1, day)) / 86400000;
  if (tense === 'future')
    return onOrBefore && !(month === p.month && day === p.day) && !(opensRange && daysBack <= 31) ? p.year + 1 : p.year;
  if (tense === 'past') return onOrBefore ? p.year : p.year - 1;
  return nearest;
}
