// Numbers as written in news text, found in one left-to-right scan: digits ("1,500", "3.5", "10 1/2", "10½"),
// number words as whole words ("twenty-five", never the "ten" in "tennis"), "one and a half", collectives
// ("a dozen", "dozens"), "a" before a magnitude ("a million"), fractions of what follows ("half a million",
// "a quarter of a billion", "a 10th of a percent") and fractions of a whole ("a third of", "three-quarters").
import {
  alt,
  COLLECTIVES,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  FRACTIONS,
  MAGNITUDES,
  NUMBER_WORDS,
  UNICODE_FRACTIONS,
} from './words';
import { lexicons } from '../lexicons';

export interface NumberMatch {
  start: number;
  end: number;
  /** null for vague plurals: "dozens", "thousands" */
  value: number | null;
  /** written in words ("five", "a dozen"): these count only a noun that follows */
  word: boolean;
  /** "a third of", "three-quarters of": a share of a whole, not a count */
  fractionOf: boolean;
  /** "half a", "a quarter of a": scales the magnitude or unit after it */
  scales: boolean;
}

const N = lexicons.numbers;
const UNITS = alt(Object.keys(N.units));
const TENS = alt(Object.keys(N.tens));
export const SMALL = `(?:(?:${TENS})(?:[-\\s](?:${UNITS}))?|${UNITS})`;
const FRACTION_WORDS = alt(FRACTIONS.keys());
const MAG_WORDS = alt([...MAGNITUDES.keys()].filter((k) => k.length > 2));
const COLLECTIVE_WORDS = alt(Object.keys(COLLECTIVES).filter((k) => k !== 'half'));
const UNICODE = Object.keys(UNICODE_FRACTIONS).join('');
const ORDINAL_DENOMINATOR = '(?:\\d+(?:st|nd|rd|th)|tenths?|hundredths?|thousandths?|fifths?|quarters?|thirds?|half)';

// "two and a half"; then no letter or digit glued on ("tennis", "3G" are not numbers here)
// (digits may carry a glued unit or magnitude: "500km", "5bn"; amounts.ts reads what is glued on)
const TAIL = (i: number) => `(?<half${i}>\\s+and\\s+a\\s+half)?${i === 2 || i === 3 ? '' : '(?![\\p{L}\\d])'}`;
// English "1,234.5"; European "1.234,56", "1.234.567" and a decimal comma before cents ("2,50 €")
const DIGITS =
  `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![,\\d])|\\d{1,3}(?:\\.\\d{3})+,\\d{1,2}(?!\\d)|\\d{1,3}(?:\\.\\d{3}){2,}(?![.\\d])` +
  `|\\d+,\\d{1,2}(?![\\d,])|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)`;
// "EUR5bn", "USD200", "Rs500": codes and lettered symbols of two letters or more (not "R2", "A320")
const GLUED_CURRENCIES = [
  ...CURRENCY_CODES.keys(),
  ...Object.keys(CURRENCY_SYMBOLS).filter((k) => /^\p{L}{2,}\.?$/u.test(k)),
];
const GLUED = new Set(GLUED_CURRENCIES);
const NUMBER_RE = new RegExp(
  [
    // "half a million", "a quarter of a billion", "a 10th of a percent"
    `(?<scale>(?:(?:a|${UNITS})[\\s-]+)?${ORDINAL_DENOMINATOR}\\s+(?:of\\s+)?an?\\s+(?=[\\p{L}%]))`,
    // "a third of", "two-thirds of", "half of"
    `(?<fraction>(?:${FRACTION_WORDS})(?=\\s+of\\s))`,
    // "cut the risk by a third", "fell by half": a share of what was there before
    `(?<=\\bby\\s+)(?<byFraction>(?:${FRACTION_WORDS})(?![\\p{L}\\d-]|\\s+(?:of|an?)\\s))`,
    // "1,500", "3.5", "10 1/2", "10½", "two and a half"
    `(?<digits>${DIGITS}(?:\\s+(?<num>\\d)/(?<den>\\d{1,2})(?!\\d)|\\s?(?<uni>[${UNICODE}]))?)`,
    `(?<unicode>[${UNICODE}])`,
    // "twenty-five", "two hundred and fifty", "three thousand four hundred"
    `(?<words>${SMALL}(?:[-\\s]+(?:hundred|thousand)(?:[-\\s]+(?:and\\s+)?${SMALL})?)*)`,
    `(?<collective>(?:an?\\s+)?(?:${COLLECTIVE_WORDS}))`,
    `(?<one>an?)(?=\\s+(?:${MAG_WORDS})(?![\\p{L}]))`,
  ]
    .map((p, i) => `(?<![\\p{L}\\d.,%/:_@'’]|\\p{L}-|[\\p{L}\\d]#)${p}${i === 0 ? '' : TAIL(i)}`)
    .join('|') +
    // "EUR5bn", "USD200": digits glued to a currency code are a number too (other letters make a code: "A320")
    `|(?<=(?<![\\p{L}])(?:${alt(GLUED_CURRENCIES)}))(?<glued>${DIGITS})`,
  'iuy',
);

/** "twenty five" → 25, "two hundred and fifty" → 250, "three thousand four hundred" → 3400 */
export function wordValue(s: string): number | null {
  let total = 0,
    current = 0;
  for (const p of s.toLowerCase().split(/[-\s]+/)) {
    if (p === 'and') continue;
    if (p === 'hundred') current *= 100;
    else if (p === 'thousand') {
      total += current * 1000;
      current = 0;
    } else if (p in NUMBER_WORDS) current += NUMBER_WORDS[p];
    else return null;
  }
  return total + current;
}

/** "a 10th" → 0.1, "a quarter" → 0.25, "half" → 0.5, "three quarters" → 0.75 */
function denominatorValue(s: string): number | null {
  const m = /^(?:(\p{L}+)[\s-]+)?(.+?)s?$/u.exec(s.toLowerCase())!;
  const times = !m[1] || m[1] === 'a' ? 1 : NUMBER_WORDS[m[1]];
  if (times === undefined) return null;
  const w = m[2] === 'hal' ? 'half' : m[2];
  const f = FRACTIONS.get(w);
  const n = /^(\d+)/.exec(w)?.[1] ?? { tenth: '10', hundredth: '100', thousandth: '1000', fifth: '5' }[w];
  const one = f ?? (n ? 1 / Number(n) : null);
  return one === null ? null : one * times;
}

function valueOf(g: Record<string, string | undefined>): number | null {
  if (g.scale) return denominatorValue(g.scale.trim().replace(/\s+(?:of\s+)?an?$/i, ''));
  if (g.fraction ?? g.byFraction)
    return FRACTIONS.get((g.fraction ?? g.byFraction)!.toLowerCase().replace(/\s+/g, ' ')) ?? null;
  const digits = g.digits ?? g.glued;
  if (digits) {
    const european = /,\d{1,2}$/.test(digits) || /\.\d{3}\./.test(digits);
    let v = parseFloat(european ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, ''));
    if (g.num) v += Number(g.num) / Number(g.den);
    if (g.uni) v += UNICODE_FRACTIONS[g.uni];
    return v;
  }
  if (g.unicode) return UNICODE_FRACTIONS[g.unicode];
  if (g.words) return wordValue(g.words);
  if (g.collective) return COLLECTIVES[g.collective.toLowerCase().replace(/^an?\s+/, '')] ?? null;
  if (g.one) return 1;
  return null;
}

// Speed: the pattern above is tried only where a number can start (a digit, a fraction sign, a word that opens a
// number, a currency code glued to digits), not at every character of the text.
const STARTS = /\.?\d|[½¼¾⅓⅔⅛⅕]|(?<!\p{L})\p{L}+/gu;
const START_WORDS = new Set([
  'a',
  'an',
  'one',
  ...Object.keys(N.units),
  ...Object.keys(N.tens),
  ...Object.keys(COLLECTIVES).map((c) => c.split(' ')[0]),
  ...[...FRACTIONS.keys()].map((f) => f.split(/[\s-]/)[0]),
  'quarters',
  'thirds',
  'tenth',
  'tenths',
  'hundredth',
  'hundredths',
  'thousandth',
  'thousandths',
  'fifth',
  'fifths',
]);

function numberAt(text: string, at: number): NumberMatch | null {
  NUMBER_RE.lastIndex = at;
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const g = m.groups!;
  const end = at + m[0].length;
  // the pattern ignores case; a glued code must be written as one ("USD5", not "usd5" or "top10")
  if (g.glued && !GLUED.has(/\p{L}+\.?$/u.exec(text.slice(Math.max(0, at - 6), at))?.[0] ?? '')) return null;
  // a bare "a"/"an" is a number only before a magnitude; a "1/2" needs a whole number before it
  if (g.collective && !/s$/i.test(g.collective) && !/^an?\s/i.test(g.collective)) return null;
  // "a couple of", "a pair of", "a score of" count; "a couple" alone is two people, "a score" a result
  if (g.collective && /couple|pair|score/i.test(g.collective) && !/^\s+of\s/i.test(text.slice(end, end + 5)))
    return null;
  let value = valueOf(g);
  if (Object.keys(g).some((k) => k.startsWith('half') && g[k]) && value !== null) value += 0.5;
  return {
    start: at,
    end,
    value,
    word: !g.digits && !g.glued && !g.unicode,
    fractionOf: !!(g.fraction ?? g.byFraction),
    scales: !!g.scale,
  };
}

export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  STARTS.lastIndex = 0;
  for (let m = STARTS.exec(text); m; m = STARTS.exec(text)) {
    let at = m.index;
    if (/^\p{L}/u.test(m[0]) && !START_WORDS.has(m[0].toLowerCase())) {
      // "EUR5bn": a code glued to digits
      if (!(GLUED.has(m[0]) && /\d/.test(text[at + m[0].length] ?? ''))) continue;
      at += m[0].length;
    }
    const n = numberAt(text, at);
    if (n) {
      out.push(n);
      STARTS.lastIndex = n.end;
    }
  }
  return out;
}
