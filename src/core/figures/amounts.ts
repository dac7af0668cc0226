// Rule `amount`: money, percentages, quantities with a unit, counts, scores and fractions, read from each number
// in steps: [qualifier] [minus] [currency] number [magnitude] [range] [suffix] [compound rest].
// "roughly $4 billion" → money 4e9 USD approximate; "15-20%" → percent 15–20; "500km" → 500 km;
// "13 dollars and 45 cents" → money 13.45 USD; "5 ft 2 in" → 5.17 ft; "won 6-3" → score.
import type { Context, Rule } from '../context';
import { lexicons } from '../lexicons';
import { alternation } from '../text';
import type { FigureKind } from '../factsheet';
import type { FigureCandidate } from './candidate';
import { findNumbers, SMALL, wordValue, type NumberMatch } from './numbers';
import { suffixAt, type Suffix } from './suffixes';
import { UNITS as DATE_UNITS } from '../dates/words';
import {
  APPROXIMATE,
  CURRENCY_BEFORE_RE,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOWN_VERBS,
  FIGURE_WORDS,
  LOWER_BOUND,
  MAGNITUDE_RE,
  MAGNITUDES,
  NEGATIVE_RE,
  QUALIFIER_RE,
  SUBUNITS,
  UNIT_COMPOUNDS,
  UNIT_PREFIX_RE,
  UNIT_PREFIXES,
  UP_VERBS,
  UPPER_BOUND,
  wordSet,
} from './words';

interface Magnitude {
  end: number;
  factor: number;
  short: string | null;
}
interface Reading {
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  kind: FigureKind;
  unit: string | null;
  dimension: string | null;
  /** the magnitude the number was multiplied by ("million": 1e6) */
  factor: number;
}

const SCORE_CUES = wordSet(FIGURE_WORDS.scoreCues);
const WEIGHT_CUES = wordSet(FIGURE_WORDS.poundWeightCues);
const MONEY_CUES = wordSet(FIGURE_WORDS.poundMoneyCues);
const TEMPERATURE_CUES = wordSet(FIGURE_WORDS.temperatureCues);
const RANGE_LINK = /(\s?[-–]\s?|\s+to\s+|\s+and\s+)/y;
// the smaller part of a compound amount: "and 45 cents", "and fifty cents", " 2 in", "11\""
const COMPOUND_REST = new RegExp(
  `^\\s*(?:and\\s+)?(\\d+(?:\\.\\d+)?|${SMALL})\\s?([\\p{L}]+|["″]|'')(?![\\p{L}\\d])`,
  'iu',
);

/** "million", "bn", "m" (read later: million with a currency, metres without) */
function magnitudeAt(text: string, pos: number): Magnitude {
  MAGNITUDE_RE.lastIndex = pos;
  const m = MAGNITUDE_RE.exec(text);
  if (!m) return { end: pos, factor: 1, short: null };
  const word = (m[1] ?? m[2]).toLowerCase();
  return { end: pos + m[0].length, factor: MAGNITUDES.get(word) ?? 1, short: m[2] ?? null };
}

/** the currency written before the number: "$", "US$", "€", "USD " */
interface Currency {
  code: string;
  start: number;
  symbol: string;
}
function currencyBefore(text: string, start: number): Currency | null {
  const m = CURRENCY_BEFORE_RE.exec(text.slice(Math.max(0, start - 8), start));
  if (!m) return null;
  const sym = m[1];
  const code = CURRENCY_SYMBOLS[sym] ?? CURRENCY_CODES.get(sym);
  return code ? { code, start: start - m[0].length, symbol: sym.replace(/^GB\s*/, '') } : null;
}

const wordsAround = (text: string, start: number, end: number) =>
  new Set(
    text
      .slice(Math.max(0, start - 60), end + 40)
      .toLowerCase()
      .split(/[^\p{L}£]+/u),
  );

/** "pounds": weight when words of weighing outnumber words of money around it; money with a magnitude */
function poundsAreWeight(text: string, r: Reading, mag: Magnitude): boolean {
  if (mag.factor >= 1e6) return false;
  const words = wordsAround(text, r.start, r.end);
  const count = (cues: Set<string>) => [...words].filter((w) => cues.has(w)).length;
  const weight = count(WEIGHT_CUES) + (/^\s+of\s+(?!\p{Lu})/u.test(text.slice(r.end, r.end + 6)) ? 1 : 0);
  return weight > count(MONEY_CUES);
}

/** "6-3", "2–2": a result, when it reads like one (first not below the second, or a word of sport or votes near) */
function isScore(text: string, a: NumberMatch, b: NumberMatch, link: string): boolean {
  if (!/^[-–]$/.test(link) || a.word || b.word || a.value === null || b.value === null) return false;
  if (!Number.isInteger(a.value) || !Number.isInteger(b.value) || a.value > 200 || b.value > 200) return false;
  if (a.value >= b.value) return true;
  return [...wordsAround(text, a.start, b.end)].some((w) => SCORE_CUES.has(w));
}

/** "13 dollars and 45 cents", "$5 and 20 cents"; "5 ft 2 in", "7 pounds 4 ounces": the smaller unit adds on */
function compoundRest(text: string, r: Reading, unitWord: string | null): void {
  if (r.value === null) return;
  const add = (rest: number, factor: number, length: number) => {
    r.value = Math.round((r.value! + rest * factor) * 1e6) / 1e6;
    r.end += length;
  };
  const m = COMPOUND_REST.exec(text.slice(r.end, r.end + 40));
  if (m) {
    const word = m[2].toLowerCase();
    const sub = SUBUNITS.get(word);
    let factor: number | undefined;
    if (r.kind === 'money' && sub && (sub.of === null || sub.of === r.unit || sub.factor === 0.01)) factor = sub.factor;
    if (r.kind === 'quantity' && r.unit) factor = UNIT_COMPOUNDS[r.unit]?.[word] ?? UNIT_COMPOUNDS[r.unit]?.[m[2]];
    // "$13 and 45 cents" needs the "and"; "13 dollars 45 cents" does not
    if (factor !== undefined && !(unitWord === null && r.kind === 'money' && !/^\s+and\s/.test(m[0]))) {
      add(/^\d/.test(m[1]) ? parseFloat(m[1]) : (wordValue(m[1]) ?? 0), factor, m[0].length);
      return;
    }
  }
  // "6 foot 3": inches left unsaid
  const inches = r.unit === 'ft' && /^\s+(\d{1,2})(?![\d.,])/.exec(text.slice(r.end, r.end + 6));
  if (inches && +inches[1] < 12 && !suffixAt(text, r.end + inches[0].length)) add(+inches[1], 1 / 12, inches[0].length);
}

function applySuffix(
  text: string,
  r: Reading,
  suffix: Suffix | null,
  cur: { code: string } | null,
  mag: Magnitude,
): void {
  if (cur) {
    r.kind = 'money';
    r.unit = cur.code;
  }
  if (!suffix) return;
  if (suffix.type === 'percent' && !cur) {
    r.kind = 'percent';
    r.unit = suffix.unit;
    r.end = suffix.end;
    return;
  }
  if (suffix.type === 'subunit' && !cur) {
    r.kind = 'money';
    r.unit = suffix.code;
    r.end = suffix.end;
    const scale = (v: number | null) => (v === null ? null : Math.round(v * suffix.factor * 1e8) / 1e8);
    r.value = scale(r.value);
    r.low = scale(r.low);
    r.high = scale(r.high);
    return;
  }
  if (suffix.type === 'currency') {
    // "$20 US dollars" keeps the symbol's currency; "C$ 20 dollars" too
    r.kind = 'money';
    r.end = suffix.end;
    if (!cur) r.unit = suffix.code;
    return;
  }
  if (suffix.type === 'unit' && !cur) {
    const pounds = CURRENCY_WORDS.has(suffix.word.toLowerCase());
    if (pounds && !poundsAreWeight(text, r, mag)) {
      r.kind = 'money';
      r.unit = 'GBP';
      r.end = suffix.end;
      return;
    }
    r.kind = 'quantity';
    r.unit = suffix.entry.unit;
    r.dimension = suffix.entry.dimension;
    r.end = suffix.end;
    // "temperatures will drop to 4 degrees": bare degrees in weather talk are a temperature (scale unsaid)
    if (r.unit === '°' && [...wordsAround(text, r.start, r.end)].some((w) => TEMPERATURE_CUES.has(w)))
      r.dimension = 'temperature';
  }
}

/**
 * "5% to 7%", "between 10 km and 20 km": the unit written twice is still one range. Not after "from":
 * "rose from 5% to 7%" gives two levels, not a range.
 */
function repeatedRange(text: string, r: Reading, next: NumberMatch | undefined): boolean {
  RANGE_LINK.lastIndex = r.end;
  const link = RANGE_LINK.exec(text);
  if (!link || !next || next.start !== r.end + link[0].length || r.value === null) return false;
  const before = text.slice(Math.max(0, r.start - 30), r.start);
  const word = link[1].trim();
  if (/\bfrom\s+$/i.test(before) || (word === 'and' && !/\bbetween\s+$/i.test(before))) return false;
  const mag = magnitudeAt(text, next.end);
  const suffix = suffixAt(text, mag.end);
  const again: Reading = {
    ...r,
    start: next.start,
    end: mag.end,
    value: scaled(next, mag),
    kind: 'count',
    unit: null,
    dimension: null,
  };
  applySuffix(text, again, suffix, null, mag);
  if (again.kind !== r.kind || again.unit !== r.unit || again.value === null) return false;
  r.low = r.value;
  r.high = again.value;
  r.end = again.end;
  return true;
}

const scaled = (n: NumberMatch, mag: Magnitude) =>
  n.value === null ? null : Math.round(n.value * mag.factor * 1e6) / 1e6;

/**
 * "5-7", "$5 to $7 billion", "between 10 and 20": the second number of a range, with its magnitude; or a score
 * ("won 6-3"), which is never a range. The range borrows magnitudes both ways ("$5-7 billion").
 */
function readRange(
  text: string,
  r: Reading,
  n: NumberMatch,
  next: NumberMatch | undefined,
  mag: Magnitude,
  cur: Currency | null,
): Magnitude | 'score' | null {
  RANGE_LINK.lastIndex = mag.end;
  const link = RANGE_LINK.exec(text);
  if (!link || !next || next.fractionOf || next.scales) return null;
  const gap = text.slice(link.index + link[0].length, next.start);
  const qual = QUALIFIER_RE.exec(text.slice(Math.max(0, r.start - 30), r.start))?.[1]?.toLowerCase();
  const linkWord = link[1].trim();
  const sameShape = /^(?:[^\s\p{L}\d]{1,3}|[A-Z]{3}\s?)?$/u.test(gap) && n.word === next.word;
  const years = /^\d{4}$/.test(text.slice(n.start, n.end)) && /^\d{2,4}$/.test(text.slice(next.start, next.end));
  if (!sameShape || years || (linkWord === 'and' && qual !== 'between')) return null;
  // "rose from $5 to $7", "tuition rose $1,000 to $15,000": a change and a level, not a range
  const lead = text.slice(Math.max(0, r.start - 30), r.start);
  if (linkWord === 'to' && (/\bfrom\s+$/i.test(lead) || UP_VERBS.test(lead) || DOWN_VERBS.test(lead))) return null;
  if (!cur && mag.factor === 1 && isScore(text, n, next, linkWord)) return 'score';
  const end = magnitudeAt(text, next.end);
  r.high = scaled(next, end);
  r.low = scaled(n, mag.factor === 1 ? end : mag);
  r.end = end.end;
  return end;
}

const TIME_UNIT_AFTER = new RegExp(`^\\s+(?:${alternation(Object.keys(DATE_UNITS))})s?\\b`, 'i');
const PROPORTION_LINK = /^\s+(?:in|out\s+of)\s+(?:every\s+)?$/i;
/** "one in five people", "1 in 10 homes", "two out of three voters": a share of a whole, as a fraction */
function proportion(
  text: string,
  n: NumberMatch,
  next: NumberMatch | undefined,
): Pick<Reading, 'end' | 'value'> | null {
  if (!next || n.value === null || next.value === null || n.fractionOf || next.fractionOf) return null;
  if (!PROPORTION_LINK.test(text.slice(n.end, next.start)) || magnitudeAt(text, next.end).factor !== 1) return null;
  if (!(n.value > 0 && n.value < next.value) || !Number.isInteger(n.value) || !Number.isInteger(next.value))
    return null;
  // "rose to 7 in 2022", "retired at 60 in 2015": a year is when, not a whole
  if (/^\d{4}$/.test(text.slice(next.start, next.end)) && next.value >= 1000 && next.value <= 2200) return null;
  // "2 in 3 minutes", "5 in 10 km": a number before a unit measures, it does not divide
  if (suffixAt(text, next.end) || TIME_UNIT_AFTER.test(text.slice(next.end, next.end + 12))) return null;
  return { end: next.end, value: Math.round((n.value / next.value) * 1e4) / 1e4 };
}

/** what the number is: money, percent, quantity (suffix, "500m", a unit before it), fraction or count */
function readKind(
  text: string,
  r: Reading,
  n: NumberMatch,
  mag: Magnitude,
  cur: Currency | null,
  suffix: Suffix | null,
  ranged: boolean,
): boolean {
  // "4K", "3D"-like codes: a capital one-letter magnitude needs money around it ("$5M", "5M euros")
  if (mag.short && /^[KMB]$/.test(mag.short) && !cur && suffix?.type !== 'currency') return false;
  // "500m" is 500 metres unless money is written around it ("$500m", "500m euros")
  if (mag.short === 'm' && !cur && suffix?.type !== 'currency') {
    r.value = n.value;
    r.kind = 'quantity';
    r.unit = 'm';
    r.dimension = 'length';
  } else {
    applySuffix(text, r, suffix, cur, mag);
  }
  const prefix =
    r.kind === 'count' && !ranged ? UNIT_PREFIX_RE.exec(text.slice(Math.max(0, r.start - 12), r.start)) : null;
  if (prefix) {
    const entry = UNIT_PREFIXES.get(prefix[1].toLowerCase())!;
    r.kind = 'quantity';
    r.unit = entry.unit;
    r.dimension = entry.dimension;
    r.start -= prefix[0].replace(/^[^\p{L}]/u, '').length;
  }
  if (n.scales && r.kind === 'count' && mag.factor === 1) return false; // "half a" before nothing it can scale
  if (n.fractionOf && r.kind === 'count') r.kind = 'fraction';
  return true;
}

/** one figure from number `i`: the reading and the index of the last number it used */
function readAmount(text: string, nums: NumberMatch[], i: number): { reading: Reading; last: number } | null {
  const n = nums[i];
  let cur = currencyBefore(text, n.start);
  let mag = magnitudeAt(text, n.end);
  // "#" stands for "£" in old plain-text archives, but "#1" is a rank or a tag: only with a magnitude or pence
  if (cur?.symbol === '#' && mag.factor === 1 && !/[.,]/.test(text.slice(n.start, n.end))) cur = null;
  const r: Reading = {
    start: cur?.start ?? n.start,
    end: mag.end,
    value: null,
    low: null,
    high: null,
    kind: 'count',
    unit: null,
    dimension: null,
    factor: 1,
  };
  const share = !cur && mag.factor === 1 ? proportion(text, n, nums[i + 1]) : null;
  if (share) return { reading: { ...r, ...share, kind: 'fraction' }, last: i + 1 };
  const range = readRange(text, r, n, nums[i + 1], mag, cur);
  if (range === 'score') return { reading: { ...r, end: nums[i + 1].end, kind: 'score' }, last: i + 1 };
  if (range && mag.factor === 1) mag = range;
  if (!range) r.value = scaled(n, mag);
  r.factor = mag.factor;
  const suffix = suffixAt(text, r.end);
  if (!readKind(text, r, n, mag, cur, suffix, !!range)) return null;
  compoundRest(text, r, suffix?.type === 'currency' ? suffix.word : null);
  const last = range ? i + 1 : suffix && repeatedRange(text, r, nums[i + 1]) ? i + 1 : i;
  return { reading: r, last };
}

export const amounts: Rule<FigureCandidate> = {
  name: 'amount',
  find(ctx: Context) {
    const text = ctx.doc.clean;
    const nums = findNumbers(text);
    const readings: Reading[] = [];
    let consumed = 0;
    for (let i = 0; i < nums.length; i++) {
      if (nums[i].start < consumed) continue;
      const read = readAmount(text, nums, i);
      if (!read) continue;
      i = read.last;
      consumed = read.reading.end;
      readings.push(read.reading);
    }
    readings.forEach((r, k) => shareUnit(text, r, readings[k + 1]));
    return readings.map((r) => candidate(ctx, r, text));
  },
};

/**
 * "from 5 to 7 dollars", "rose from 2 to 3 million people": a bare number linked to the next figure shares its
 * unit and magnitude, though the two are a change, not a range.
 */
function shareUnit(text: string, r: Reading, next: Reading | undefined): void {
  if (
    !next ||
    r.kind !== 'count' ||
    r.value === null ||
    r.low !== null ||
    next.kind === 'count' ||
    next.kind === 'score'
  )
    return;
  if (
    !/^\s*(?:to|and|or|-|–)\s*$/.test(text.slice(r.end, next.start)) ||
    /[\p{L}%]/u.test(text.slice(r.start, r.end).slice(-1))
  )
    return;
  r.kind = next.kind;
  r.unit = next.unit;
  r.dimension = next.dimension;
  if (next.factor !== 1 && r.factor === 1) {
    r.value = Math.round(r.value * next.factor * 1e6) / 1e6;
    r.factor = next.factor;
  }
}

const AGED = new RegExp(`\\b(?:${alternation(FIGURE_WORDS.ageVerbs)})\\s+$`, 'i');
/** "She was 84.": a person's pronoun and "was"/"is", the number closing the clause */
const PRONOUN_AGE = new RegExp(
  `\\b(?:${alternation([...lexicons.gender.female.pronouns, ...lexicons.gender.male.pronouns])})\\s+(?:was|is)\\s+$`,
  'i',
);
/** "turned 50 people away": a plural noun after the number is what it counts */
function countsNoun(ctx: Context, end: number): boolean {
  const t = ctx.doc.tokenAt(end + 1);
  return !!t && t.start === end + 1 && t.tags.has('Plural') && !t.tags.has('Date');
}
const NEGATIONS = FIGURE_WORDS.negations.filter((w) => /^\p{L}/u.test(w));
// a negation up to two words before the qualifier ("never rise above", "did not fall below", "won't exceed")
const NEGATED = new RegExp(`(?:\\b(?:${alternation(NEGATIONS)})|n['’]t)(?:\\s+[\\p{L}'’]+){0,2}\\s+$`, 'iu');

/** whether the word ending before `at` is a noun (not a verb, number or function word): "a drama about" */
function afterNoun(ctx: Context, at: number): boolean {
  const t = ctx.doc.tokensIn(Math.max(0, at - 30), at).pop();
  // singular: "employs about 300 staff" is a verb compromise read as a plural noun
  return (
    !!t &&
    t.end <= at &&
    t.tags.has('Noun') &&
    t.tags.has('Singular') &&
    !t.tags.has('Verb') &&
    !t.tags.has('Value') &&
    !t.tags.has('Pronoun') &&
    !t.tags.has('Date') &&
    !/[,.;:]/.test(t.post)
  );
}

/** "£180,000 a week", "$80 per barrel", "15 an hour": what a rate is counted per (the noun, singular) */
function rateOf(ctx: Context, end: number): string | null {
  const m = /^\s+(?:an?|per)\s+(\p{L}+)(?![\p{L}'’-]|\.\p{L})(?!\s+(?:ago|later|earlier|before|after)\b)/u.exec(
    ctx.doc.clean.slice(end, end + 32),
  );
  if (!m) return null;
  const t = ctx.doc.tokenAt(end + m[0].length - 1);
  if (!t || !t.tags.has('Noun') || t.tags.has('Plural') || t.tags.has('Pronoun')) return null;
  return m[1].toLowerCase();
}

/** qualifier, sign and direction from the words before; the span clipped to the text */
function candidate(ctx: Context, r: Reading, text: string): FigureCandidate {
  let start = r.start;
  let before = text.slice(Math.max(0, start - 40), start);
  // "minus five percent", "-0.3%", "−5 °C" (a true minus sign)
  const negative = NEGATIVE_RE.exec(before) ?? (/(?:^|[\s(])[-−]$/.test(before) ? { 0: '-' } : null);
  if (negative && r.value !== null) {
    r.value = -r.value;
    start -= negative[0].replace(/^[^\p{L}-]/u, '').length;
  }
  before = text.slice(Math.max(0, start - 40), start);
  const qual = QUALIFIER_RE.exec(before);
  let qualifier = qual?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? null;
  // "a drama about two sisters": "about" after a noun is a preposition, not an estimate
  if (
    qualifier === 'about' &&
    r.kind === 'count' &&
    countsNoun(ctx, r.end) &&
    afterNoun(ctx, start - qual![0].replace(/^[^\p{L}]/u, '').length)
  )
    qualifier = null;
  if (qualifier) start -= qual![0].replace(/^[^\p{L}]/u, '').length;
  const lead = text.slice(Math.max(0, start - 30), start);
  // "never rise above minus 230 °C", "did not fall below 2%": a negated bound is the other bound
  const negated = qualifier !== null && NEGATED.test(lead);
  const lower = qualifier !== null && (negated ? UPPER_BOUND : LOWER_BOUND).has(qualifier);
  const upper = qualifier !== null && (negated ? LOWER_BOUND : UPPER_BOUND).has(qualifier);
  // "tens of thousands": at least ten thousand, and no more exact than that
  const vague = /^(?:tens|hundreds)\s+of\s/i.test(text.slice(r.start, r.end));
  // "fell below $50", "rose above 3%": a level crossed, not the size of a change
  const level = qualifier === 'above' || qualifier === 'below';
  // "adults aged 40 to 79", "will turn 84 in the spring": an age in years, not a count of anything
  const pronounAge =
    PRONOUN_AGE.test(lead) && /^\s*(?:[.;,]|$)/.test(text.slice(r.end, r.end + 2)) && r.value !== null && r.value < 130;
  // (an address is no age: "died at 14 Hanover Street")
  const address = /^\s+\p{Lu}/u.test(text.slice(r.end, r.end + 3));
  if (r.kind === 'count' && (AGED.test(lead) || pronounAge) && !countsNoun(ctx, r.end) && !address) {
    r.kind = 'quantity';
    r.unit = 'yr';
    r.dimension = 'age';
  }
  const direction = level ? null : UP_VERBS.test(lead) ? 'up' : DOWN_VERBS.test(lead) ? 'down' : null;
  const span = ctx.doc.text.slice(start, r.end).replace(/[\s,;:]+$/, '');
  const isRange = r.low !== null || r.high !== null;
  const per = r.kind === 'score' ? null : rateOf(ctx, r.end); // set only on rates: other figures read as before
  return {
    start,
    end: start + span.length,
    text: span,
    kind: r.kind,
    unit: r.unit,
    dimension: r.dimension,
    value: r.kind === 'score' || isRange ? null : r.value,
    low: r.low,
    high: r.high,
    approximate: (!!qualifier && APPROXIMATE.has(qualifier)) || vague,
    bound: lower || (vague && !upper) ? 'lower' : upper ? 'upper' : null,
    direction,
    ...(per ? { per } : {}),
    subject: null,
    rule: `amount/${r.kind}`,
  };
}
