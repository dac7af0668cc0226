// Rule `duration`: "nearly four years" (P4Y, approximate), "18 months", "a nine-year war" (P9Y),
// "the next four years", "almost two and a half years" (P2.5Y), and vague ones: "decades" (PXDE),
// "several years" / "over the years" (PXY).
import type { Rule } from '../context';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { NUMBER_WORD_RE, numberValue, TIME_UNITS, UNITS } from './words';

const UNIT_RE = Object.keys(UNITS).join('|');
const APPROX_RE = '(?:nearly|almost|about|around|roughly|some|approximately|more than|over|at least|up to|less than|under|just over|just under|well over|close to)';
const COUNTED = new RegExp(`\\b(?:(${APPROX_RE})\\s+)?(?:(?:the\\s+)?(?:next|past|last|previous|first|coming)\\s+)?(${NUMBER_WORD_RE})[-\\s](${UNIT_RE})\\b(?!\\s+(?:ago|later|earlier|from now))`, 'gi');
const VAGUE = new RegExp(`\\b(?:(?:several|many|a few|few|some|recent|over the|in recent|for)\\s+)?(decades|years|months|weeks)\\b(?!\\s+(?:ago|old|of age))`, 'gi');

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
    for (const m of matches(ctx, COUNTED)) {
      const n = numberValue(m[2]);
      if (n === null) continue;
      // "a year" after a count is a rate ("15 a year"): the sets rule owns it
      if (/^an?$/i.test(m[2]) && /\d\s*$/.test(ctx.doc.clean.slice(Math.max(0, m.index - 6), m.index))) continue;
      if (/^an?$/i.test(m[2]) && !m[1] && !/^(?:\s+(?:ago|later|earlier))/.test(ctx.doc.clean.slice(m.index + m[0].length))) {
        // "a year" alone is too often "a year of" / "a year-long" — keep only after for/in/within
        if (!/\b(?:for|in|within|over|after|than)\s+$/i.test(ctx.doc.clean.slice(Math.max(0, m.index - 8), m.index))) continue;
      }
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'duration', value(n, m[3]), 'duration', { approximate: !!m[1] }));
    }
    for (const m of matches(ctx, VAGUE)) {
      const unit = m[1].toLowerCase();
      const before = ctx.doc.clean.slice(Math.max(0, m.index - 20), m.index);
      const modified = m[0].length > m[1].length;
      // bare "years" is a duration only in "for years", "decades" nearly always is
      if (!modified && unit !== 'decades' && !/\b(?:for|over|in|within)\s+$/i.test(before)) continue;
      if (/\d[\d,.]*\s*$|\b(?:the|two|three|four|five|six|seven|eight|nine|ten)\s+$/i.test(before)) continue;
      const code = UNITS[unit];
      const start = /^(?:for)\s/i.test(m[0]) ? m.index + 4 : m.index;
      out.push(dateCandidate(ctx, start, m.index + m[0].length, 'duration', `PX${code}`, 'duration/vague', { approximate: true }));
    }
    return out;
  },
};
