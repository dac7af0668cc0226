// Rule `duration`: "nearly three years" (P3Y, approximate), "20 months", "a seven-year war" (P7Y),
// "the coming six years", "almost three and a half years" (P3.5Y), "between 10 and 14 months" (one
// span, the lower bound), and vague ones: "decades" (PXDE), "several years" / "over the years"
// (PXY), "for minutes", "within hours". Not durations: ages ("42 years old", "a 42-year-old") and
// measures of content ("10 hours of video").
import type { Rule } from '../context';
import { lexicons } from '../lexicons';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { alternation, cue, NUMBER_WORD_RE, numberValue, TIME_UNITS, UNITS } from './words';

const L = lexicons.dates;
const UNIT_RE = alternation(Object.keys(UNITS));
const PLURAL_UNITS = Object.keys(UNITS).filter((u) => u.endsWith('s') && u.length > 3);
const APPROX_RE = `(?:${alternation(L.approximators.words)}|over(?!\\s+the\\b))`;
const RANGE_RE = `(?:(?:between\\s+)?(${NUMBER_WORD_RE})\\s+(?:and|to|or)\\s+|(\\d+)\\s*[–-]\\s*(?=\\d))`;
const COUNTED = new RegExp(
  `\\b(?:(${APPROX_RE})\\s+)?(?:(?:the\\s+)?(?:${cue('durationOrdinals')})\\s+)?(?:${RANGE_RE})?(${NUMBER_WORD_RE})[-\\s](${UNIT_RE})\\b(?!\\s+(?:ago|later|earlier|from now)\\b)`,
  'gi',
);
const VAGUE = new RegExp(
  `\\b(?:(${alternation(L.vagueQuantifiers)})\\s+)?(${alternation(PLURAL_UNITS)})\\b(?!\\s+(?:ago|old|of age|later|earlier)\\b)`,
  'gi',
);
const AGE_AFTER =
  /^(?:\s+old\b|-old\b|\s+of\s+age\b|-year-old|\s+younger|\s+older|\s+senior|\s+junior|\s+his\s+junior)/i;
const CONTENT_AFTER = new RegExp(`^\\s+of\\s+(?:\\w+\\s+)?(?:${alternation(L.measuredContent.nouns)})\\b`, 'i');

/** "a year" alone is too often "a year of" / "a year-long": a duration only after "for", "in", "within", "nearly". */
const DURATION_LEAD = new RegExp(`\\b(?:${cue('durationLeads')})\\s+$`, 'i');
/** bare "years" is a duration only in "for years", "within hours", "took years". */
const VAGUE_LEAD = new RegExp(`\\b(?:${cue('vagueDurationLeads')})\\s+$`, 'i');
const NOT_VAGUE_BEFORE = new RegExp(`\\d[\\d,.]*\\s*$|\\b(?:${cue('notVagueDurationBefore')})\\s+$`, 'i');
const OF_DETERMINER = new RegExp(`^\\s+(?:of|in)\\s+(?:${cue('determiners')})\\b`, 'i');

const MIXED_FRACTION = /(?<![\d.,])(\d+)\s+(\d+)\/$/;

const value = (n: number, unit: string) => {
  const u = UNITS[unit.toLowerCase()];
  if (u === 'DE') return Number.isInteger(n) ? `P${n}DE` : `P${n * 10}Y`;
  if (u === 'CE') return `P${n}CE`;
  if (u === 'MIN') return `PT${n}M`;
  return TIME_UNITS.has(u) ? `PT${n}${u}` : `P${n}${u}`;
};

export const durations: Rule<DateCandidate> = {
  name: 'duration',
  find(ctx) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, COUNTED)) {
      const end = m.index + m[0].length;
      const lower = m[2] ?? m[3];
      const n = numberValue(lower ?? m[4]);
      if (n === null) continue;
      // "between 12 and 18 months" needs two counts in order ("in 2007 and a second" is no range)
      if (lower && (/^an?$/i.test(m[4]) || (numberValue(m[4]) ?? 0) <= n)) continue;
      const after = text.slice(end, end + 40);
      if (AGE_AFTER.test(after) || CONTENT_AFTER.test(after)) continue;
      // "a year" after a count is a rate ("15 a year"): the sets rule owns it
      if (/^an?$/i.test(m[4]) && /\d\s*$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
      if (/^an?$/i.test(m[4]) && !m[1]) {
        // "a year" alone is too often "a year of" / "a year-long" — keep only after for/in/within
        if (!DURATION_LEAD.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      }
      // "10 1/2 hours": the digits before the slash are a whole number and a numerator, not a date chrono may read
      const mixed =
        !m[1] && !lower && /^\d+$/.test(m[4])
          ? MIXED_FRACTION.exec(text.slice(Math.max(0, m.index - 12), m.index))
          : null;
      if (mixed) {
        const whole = +mixed[1],
          num = +mixed[2],
          den = +m[4];
        if (den === 0 || num >= den) continue;
        const start = m.index - mixed[0].length;
        out.push(dateCandidate(ctx, start, end, 'duration', value(whole + num / den, m[5]), 'duration'));
        continue;
      }
      if (/\d\/$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue; // "1/2 hour" is no count of two
      out.push(
        dateCandidate(ctx, m.index, end, 'duration', value(n, m[5]), lower ? 'duration/range' : 'duration', {
          approximate: !!m[1] || !!lower,
        }),
      );
    }
    for (const m of matches(ctx, VAGUE)) {
      const unit = m[2].toLowerCase();
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const q = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      // bare "years" is a duration only in "for years", "within hours"; "decades" nearly always is
      if (!q && unit !== 'decades' && !VAGUE_LEAD.test(before)) continue;
      if (NOT_VAGUE_BEFORE.test(before)) continue;
      if (CONTENT_AFTER.test(after) || (OF_DETERMINER.test(after) && !q)) continue;
      const code = UNITS[unit];
      const x = TIME_UNITS.has(code) ? `PTX${code === 'MIN' ? 'M' : code}` : `PX${code}`;
      const start = q === 'for' ? m.index + 4 : m.index;
      out.push(
        dateCandidate(ctx, start, m.index + m[0].length, 'duration', x, 'duration/vague', { approximate: true }),
      );
    }
    return out;
  },
};
