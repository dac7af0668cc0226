// Word → value tables for time expressions (closed classes, like chrono's constants.ts).
import { lexicons } from '../lexicons';
import { alternation } from '../text';

const L = lexicons.dates;
export const WEEKDAYS = L.weekdays;
export const UNITS = L.units;
export const TIME_UNITS = new Set(L.timeUnits);
export const SEASONS = L.seasons;
export const QUARTER_WORDS = L.quarterWords;
export const HALF_WORDS = L.halfWords;

/** A table's keys as one alternation, longest first, escaped: the pattern is built from the values it maps. */
export { alternation };
export type Mod = 'START' | 'MID' | 'END';
/** "early" → START, "the end of" → END (TIMEX3 mod of a bounded period). */
export const periodMod = (word: string): Mod | undefined =>
  L.periodModifiers[word.toLowerCase().replace(/\s+/g, ' ')] as Mod | undefined;
export const MONTHS = L.months;
/** "January|February|…" capitalised, as a month name is written in running text. */
export const MONTH_RE = Object.keys(MONTHS)
  .map((w) => w[0].toUpperCase() + w.slice(1))
  .join('|');
export const WEEKDAY_RE = Object.keys(WEEKDAYS)
  .map((w) => w[0].toUpperCase() + w.slice(1))
  .join('|');

const SINGLE = Object.fromEntries(L.singleUnits.words.map((w) => [w, 1]));
const NUM_WORDS: Record<string, number> = {
  ...lexicons.numbers.units,
  ...lexicons.numbers.tens,
  ...SINGLE,
  a: 1,
  an: 1,
  one: 1,
};

/** "four" → 4, "twenty-five" → 25, "2.5" → 2.5, "two and a half" → 2.5; null when not a number. */
export function numberValue(s: string): number | null {
  const t = s.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return parseFloat(t);
  const half = /^(.+?)\s+and\s+a\s+half$/.exec(t);
  if (half) {
    const v = numberValue(half[1]);
    return v === null ? null : v + 0.5;
  }
  if (t === 'a half' || t === 'half a') return 0.5;
  const parts = t.split(/[-\s]+/);
  let v = 0;
  for (const p of parts) {
    if (!(p in NUM_WORDS)) return null;
    v += NUM_WORDS[p];
  }
  return parts.length ? v : null;
}
const TENS = Object.keys(lexicons.numbers.tens).join('|');
const ONES = Object.keys(lexicons.numbers.units)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** digits, "twenty-five", "four", "a"/"an" (one), optionally "and a half" */
export const NUMBER_WORD_RE = `(?:(?:\\d+(?:\\.\\d+)?|(?:${TENS})(?:[-\\s](?:${ONES}))?|${ONES}|${L.singleUnits.words.join('|')}|an?)(?:\\s+and\\s+a\\s+half)?)`;

/** A cue list of dates.json as an alternation (`cues` holds the closed-class words the rules read around a date). */
export function cue(name: string): string {
  const words = L.cues[name];
  if (!words) throw new Error(`dates.json: no cue list '${name}'`);
  return alternation(words);
}

/** Every written form of a unit of measure of two letters or more ("km", "kilometres", "mph"), from units.json. */
export const UNIT_FORMS = Object.values(lexicons.units.dimensions)
  .flatMap((units) => Object.values(units).flat())
  .filter((w) => /^\p{L}[\p{L} ]+$/u.test(w));
