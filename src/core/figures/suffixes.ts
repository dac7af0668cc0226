// What follows a number and says what it counts: a percent word, a currency (symbol, code, name, subunit) or
// a unit, read by looking up the next one to three words in the tables, longest first. "10 €", "200 usd",
// "13 dollars", "45 cents", "500km", "a 776-foot tower", "20 (kg)", "35 °C", "2 percentage points".
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOL_AFTER_RE,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  FIGURE_WORDS,
  PERCENT_RE,
  PERCENT_WORDS,
  SUBUNITS,
  UNIT_FORMS,
  type UnitEntry,
} from './words';

type Found =
  | { type: 'percent'; unit: string }
  | { type: 'currency'; code: string | null; word: string }
  | { type: 'subunit'; code: string | null; factor: number }
  | { type: 'unit'; entry: UnitEntry; word: string };
export type Suffix = Found & { end: number };

const LOWER_CODES = new Set(FIGURE_WORDS.lowerCaseCodes);
// separator: nothing ("500km"), a space, a hyphen ("776-foot") or an opening bracket ("20 (kg)")
const WORDS_AFTER = new RegExp(
  "(?<sep>\\s?\\(\\s?|-|\\s?)(?<w1>[\\p{L}°º′″µμ$¢²³/'’.-]+)" +
    '(?:(?<s2>\\s+)(?<w2>[\\p{L}/.-]+))?(?:(?<s3>\\s+)(?<w3>[\\p{L}/.-]+))?',
  'uy',
);

function lookup(phrase: string): Found | null {
  const lower = phrase.toLowerCase();
  const pct = PERCENT_WORDS.get(lower);
  if (pct) return { type: 'percent', unit: pct };
  // "pounds" is money or weight: the unit reading decides in context (amounts.ts)
  if (CURRENCY_WORDS.has(lower) && !UNIT_FORMS.has(lower)) {
    return { type: 'currency', code: CURRENCY_WORDS.get(lower) ?? null, word: phrase };
  }
  if (CURRENCY_CODES.has(phrase) || (LOWER_CODES.has(phrase) && CURRENCY_CODES.has(phrase.toUpperCase()))) {
    return { type: 'currency', code: CURRENCY_CODES.get(phrase.toUpperCase())!, word: phrase };
  }
  const sub = SUBUNITS.get(lower);
  // "50p", "50¢" but not "50 P"
  if (sub && (phrase.length > 1 || phrase === 'p' || phrase === '¢'))
    return { type: 'subunit', code: sub.of, factor: sub.factor };
  const unit = phrase.length <= 3 ? UNIT_FORMS.get(phrase) : UNIT_FORMS.get(lower);
  if (unit) return { type: 'unit', entry: unit, word: phrase };
  return null;
}

/** the suffix right at `pos` (after the number and its magnitude), or null */
export function suffixAt(text: string, pos: number): Suffix | null {
  PERCENT_RE.lastIndex = pos;
  const p = PERCENT_RE.exec(text);
  if (p) {
    return {
      type: 'percent',
      unit: PERCENT_WORDS.get(p[1].toLowerCase().replace(/[\s-]+/g, ' '))!,
      end: pos + p[0].length,
    };
  }
  CURRENCY_SYMBOL_AFTER_RE.lastIndex = pos;
  const s = CURRENCY_SYMBOL_AFTER_RE.exec(text);
  if (s && !/^[\p{L}\d]/u.test(text.slice(pos + s[0].length, pos + s[0].length + 1))) {
    return { type: 'currency', code: CURRENCY_SYMBOLS[s[1]], end: pos + s[0].length, word: s[1] };
  }
  WORDS_AFTER.lastIndex = pos;
  const m = WORDS_AFTER.exec(text);
  if (!m) return null;
  const g = m.groups!;
  const bracket = g.sep.includes('(');
  const parts = [g.w1, g.w2, g.w3];
  const seps = ['', g.s2, g.s3];
  for (let n = 3; n >= 1; n--) {
    if (!parts[n - 1]) continue;
    let phrase = parts
      .slice(0, n)
      .map((w, i) => (i ? seps[i] : '') + w)
      .join('');
    // sentence punctuation is not part of the unit ("5 km." ), a unit's own dot may be ("Rs.")
    for (const candidate of [phrase, phrase.replace(/[.’']+$/, '')]) {
      const hit = candidate && lookup(candidate.replace(/\s+/g, ' '));
      if (!hit) continue;
      phrase = candidate;
      let end = pos + g.sep.length + phrase.length;
      if (bracket) {
        const close = /^\s?\)/.exec(text.slice(end));
        if (!close) return null;
        end += close[0].length;
      }
      // "3 Gs" is not "3 G" + s; but feet run into inches: 5'11"
      const next = text.slice(end, end + 1);
      if (/^[\p{L}\d]/u.test(next) && !(/^['′]$/.test(phrase) && /^\d/.test(next))) continue;
      return { ...hit, end } as Suffix;
    }
  }
  return null;
}
