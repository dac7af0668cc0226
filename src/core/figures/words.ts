// Tables for figures, built from data/lexicons (numbers, currencies, units).
import { lexicons } from '../lexicons';
import { escapeRegExp as esc } from '../text';

const alt = (xs: string[]) => xs.sort((a, b) => b.length - a.length).map(esc).join('|');

const N = lexicons.numbers;
export const NUMBER_WORDS: Record<string, number> = { ...N.units, ...N.tens };
export const MAGNITUDES: Record<string, number> = N.magnitudes;
export const ORDINALS = N.ordinals;

export const CURRENCY_SYMBOLS = lexicons.currencies.symbols;
export const CURRENCY_WORDS = lexicons.currencies.words;
export const CURRENCY_CODES = new Set(lexicons.currencies.codes);
export const UNITS = lexicons.units;

const wordNums = alt(Object.keys(NUMBER_WORDS));
/** digits with thousands separators and decimals, or number words ("twenty-five", "a dozen") */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+|(?:${wordNums})(?:-(?:${alt(Object.keys(N.units))}))?|a\\s+dozen|a\\s+score|a\\s+hundred|a\\s+thousand|dozens|hundreds|thousands|millions|billions)`;
export const MAGNITUDE = `(?:\\s*-?\\s*(?:hundred|thousand|million|billion|trillion|crore|lakh)\\b|\\s?(?:bn|mn|mln|tn|m|b|k)\\b)`;
// Symbols that are letters ("R", "Fr.") are too ambiguous as a bare prefix; codes need a space or nothing before digits.
const symbolList = Object.keys(CURRENCY_SYMBOLS).filter((s) => !/^[A-Z]$/.test(s) && s !== 'Fr.' && s !== 'CHF');
export const CURRENCY_PREFIX = `(?:${alt(symbolList)}|(?:${alt([...CURRENCY_CODES])})\\s?)`;
export const CURRENCY_SUFFIX = `(?:${alt(Object.keys(CURRENCY_WORDS))}|${alt([...CURRENCY_CODES])})`;
export const UNIT = alt(Object.keys(UNITS));
export const QUALIFIER = /(?:\b(roughly|about|around|approximately|nearly|almost|some|over|more than|less than|fewer than|at least|at most|up to|as much as|as many as|as little as|as high as|as low as|an estimated|estimated|just over|just under|well over|under|close to|all|between|no more than|no fewer than|upwards of|in excess of))\s+$/i;
export const APPROXIMATE = new Set(['roughly', 'about', 'around', 'approximately', 'nearly', 'almost', 'some', 'an estimated', 'estimated', 'close to', 'upwards of']);
export const LOWER_BOUND = new Set(['over', 'more than', 'at least', 'just over', 'well over', 'no fewer than', 'upwards of', 'in excess of']);
export const UPPER_BOUND = new Set(['less than', 'fewer than', 'at most', 'up to', 'as much as', 'as many as', 'as high as', 'under', 'just under', 'no more than']);
export const UP_VERBS = /\b(?:rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grows|growing|jumped|jumps?|climbed|climbs?|surged|surges?|soared|soars?|gained|gains?|up|higher|added|boosted)\s+(?:by\s+)?$/i;
export const DOWN_VERBS = /\b(?:fell|fall|falls|fallen|falling|dropped|drops?|declined|declines?|decreased?|decreases|plunged|plunges?|slumped|slumps?|sank|sinks?|shrank|shrinks?|lost|loses?|down|lower|cut|cuts|slashed|tumbled|tumbles?)\s+(?:by\s+)?$/i;

/** "four" → 4, "twenty-five" → 25, "1,500" → 1500, "a dozen" → 12; null for vague plurals ("dozens"). */
export function parseNumber(s: string): number | null {
  const t = s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^[\d,]*\.?\d+$/.test(t)) return parseFloat(t.replace(/,/g, ''));
  if (t === 'a dozen') return 12;
  if (t === 'a score') return 20;
  if (t === 'a hundred') return 100;
  if (t === 'a thousand') return 1000;
  if (/^(?:dozens|hundreds|thousands|millions|billions)$/.test(t)) return null;
  let v = 0;
  for (const p of t.split('-')) { if (!(p in NUMBER_WORDS)) return null; v += NUMBER_WORDS[p]; }
  return v;
}

export function magnitudeValue(s: string | undefined, money: boolean): number {
  if (!s) return 1;
  const k = s.replace(/[\s-]/g, '').toLowerCase();
  if (k === 'm' && !money) return NaN; // "500m" without a currency is metres, not millions
  return MAGNITUDES[k] ?? 1;
}
