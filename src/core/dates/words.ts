// Word → value tables for time expressions (closed classes, like chrono's constants.ts).
import { lexicons } from '../lexicons';

export const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
export const UNITS: Record<string, string> = {
  year: 'Y', years: 'Y', yr: 'Y', yrs: 'Y', month: 'M', months: 'M', week: 'W', weeks: 'W', day: 'D', days: 'D',
  decade: 'DE', decades: 'DE', century: 'CE', centuries: 'CE', hour: 'H', hours: 'H', minute: 'MIN', minutes: 'MIN', second: 'S', seconds: 'S',
};
export const TIME_UNITS = new Set(['H', 'MIN', 'S']);
export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
export const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };

const NUM_WORDS: Record<string, number> = { ...lexicons.numbers.units, ...lexicons.numbers.tens, a: 1, an: 1, one: 1 };

/** "four" → 4, "twenty-five" → 25, "2.5" → 2.5, "two and a half" → 2.5; null when not a number. */
export function numberValue(s: string): number | null {
  const t = s.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return parseFloat(t);
  const half = /^(.+?)\s+and\s+a\s+half$/.exec(t);
  if (half) { const v = numberValue(half[1]); return v === null ? null : v + 0.5; }
  if (t === 'a half' || t === 'half a') return 0.5;
  const parts = t.split(/[-\s]+/);
  let v = 0;
  for (const p of parts) { if (!(p in NUM_WORDS)) return null; v += NUM_WORDS[p]; }
  return parts.length ? v : null;
}
const TENS = Object.keys(lexicons.numbers.tens).join('|');
const ONES = Object.keys(lexicons.numbers.units).sort((a, b) => b.length - a.length).join('|');
/** digits, "twenty-five", "four", "a"/"an" (one), optionally "and a half" */
export const NUMBER_WORD_RE = `(?:(?:\\d+(?:\\.\\d+)?|(?:${TENS})(?:[-\\s](?:${ONES}))?|${ONES}|an?)(?:\\s+and\\s+a\\s+half)?)`;
