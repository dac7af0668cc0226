// Tables for figures, built from data/lexicons (numbers, currencies, units, figures). Patterns are built from
// the same tables that give the values, so a word cannot be matched and then miss its value.
import { alternation } from '../text';
import { lexicons } from '../lexicons';

/** longest first, escaped, spaces matching any run of spaces */
export const alt = alternation;
const lowerMap = <T>(o: Record<string, T>) => new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));

const N = lexicons.numbers;
export const NUMBER_WORDS: Record<string, number> = { ...N.units, ...N.tens };
export const MAGNITUDES = lowerMap(N.magnitudes);
export const ORDINALS = N.ordinals;
/** "a dozen" → 12, "a couple of" → 2; plurals ("dozens") are vague: null */
export const COLLECTIVES = N.collectives;
/** "half", "a third", "two-thirds", "three-quarters" */
export const FRACTIONS = lowerMap(N.fractions);
export const UNICODE_FRACTIONS: Record<string, number> = {
  '½': 0.5,
  '¼': 0.25,
  '¾': 0.75,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '⅛': 0.125,
  '⅕': 0.2,
};
/** where a number starts inside a figure's text, after its qualifier or currency */
export const NUMBER_START_RE = new RegExp(
  `[\\d${Object.keys(UNICODE_FRACTIONS).join('')}]|(?<![\\p{L}])(?:${alt([
    ...Object.keys(NUMBER_WORDS),
    ...Object.keys(N.collectives),
    ...Object.keys(N.fractions),
    'a',
    'an',
  ])})(?![\\p{L}])`,
  'iu',
);

// Magnitude words after a number; one-letter ones ("m", "b", "k") glued to it only, and read by amounts.ts
// in context ("500m" is metres without a currency).
const WORD_MAGNITUDES = Object.keys(N.magnitudes).filter((k) => k.length > 2);
const SHORT_MAGNITUDES = Object.keys(N.magnitudes).filter((k) => k.length <= 3 && !WORD_MAGNITUDES.includes(k));
export const MAGNITUDE_RE = new RegExp(
  `(?:\\s*-?\\s*(${alt(WORD_MAGNITUDES)})(?![\\p{L}])|\\s?(${alt(SHORT_MAGNITUDES)})(?![\\p{L}\\d]))`,
  'iuy',
);

// ---- currencies -------------------------------------------------------------------------------------------
const C = lexicons.currencies;
export const CURRENCY_CODES = new Map(Object.entries(C.codes));
export const CURRENCY_SYMBOLS = C.symbols;
/** "dollars" → USD; a name several currencies share without a preferred one ("dinars") → null */
export const CURRENCY_WORDS = lowerMap(C.words);
export const SUBUNITS = lowerMap(C.subunits);
// Symbols that are letters ("R", "Fr.", "Rs") need a space or nothing before digits, but not a letter before them.
const SYMBOLS = Object.keys(C.symbols);
/** a currency before the number: "$", "US$", "€", "USD ", "AUD$ " */
export const CURRENCY_BEFORE_RE = new RegExp(
  `(?<![\\p{L}\\d])(${alt(SYMBOLS)}|${alt(CURRENCY_CODES.keys())})\\s?$`,
  'u',
);
/** a symbol after the number: "10 €", "100 元", "50$" */
export const CURRENCY_SYMBOL_AFTER_RE = new RegExp(`\\s?(${alt(SYMBOLS.filter((s) => !/^[A-Za-z]/.test(s)))})`, 'uy');

// ---- units ------------------------------------------------------------------------------------------------
export interface UnitEntry {
  unit: string;
  dimension: string;
}
/** exact forms (up to three characters: "m", "MB", "°C") and lower-cased longer forms ("Kilometres") */
export const UNIT_FORMS = new Map<string, UnitEntry>();
for (const [dimension, units] of Object.entries(lexicons.units.dimensions)) {
  for (const [unit, forms] of Object.entries(units)) {
    for (const f of forms) UNIT_FORMS.set(f.length <= 3 ? f : f.toLowerCase(), { unit, dimension });
  }
}
/** units written before the number: "magnitude 6.2", "Mach 2" */
export const UNIT_PREFIXES = new Map(
  Object.entries(lexicons.units.prefixes)
    .filter((e): e is [string, UnitEntry] => typeof e[1] !== 'string')
    .map(([k, v]) => [k.toLowerCase(), v]),
);
export const UNIT_PREFIX_RE = new RegExp(`(?:^|[^\\p{L}])(${alt(UNIT_PREFIXES.keys())})\\s+$`, 'iu');
export const UNIT_COMPOUNDS = Object.fromEntries(
  Object.entries(lexicons.units.compounds).filter(([, v]) => typeof v !== 'string'),
) as Record<string, Record<string, number>>;

// ---- qualifiers, directions, percent words ------------------------------------------------------------------
const F = lexicons.figures;
export const APPROXIMATE = new Set(F.qualifiers.approximate);
export const LOWER_BOUND = new Set(F.qualifiers.lower);
export const UPPER_BOUND = new Set(F.qualifiers.upper);
const QUALIFIERS = new Set([...APPROXIMATE, ...LOWER_BOUND, ...UPPER_BOUND, ...F.qualifiers.other]);
/**
 * A `$`-anchored pattern over the words before a number, tried only when those words end with one of its last
 * words: a regex anchored at the end still starts at every position of the slice, and this runs for every number.
 */
function endingIn(re: RegExp, phrases: Iterable<string>, extra: string[] = []) {
  const last = new Set([...[...phrases].map((p) => p.toLowerCase().split(/\s+/).pop()!), ...extra]);
  const ends = (s: string) => last.has(/([\p{L}.]+)\s+$/u.exec(s.slice(-24))?.[1].toLowerCase() ?? '');
  return { exec: (s: string) => (ends(s) ? re.exec(s) : null), test: (s: string) => ends(s) && re.test(s) };
}
export const QUALIFIER_RE = endingIn(new RegExp(`(?:^|[^\\p{L}])(${alt(QUALIFIERS)})\\s+$`, 'iu'), QUALIFIERS);
// "rose 5%", "rose by 5%", "cut rates by 25 basis points"; not "rose to 5%" (a level, not a change)
// "makes up 5%", "ended down 3 points" are not changes when "up"/"down" is the particle of another verb
const PHRASAL = alt(F.phrasalBeforeDirection);
const direction = (ws: string[]) =>
  endingIn(
    new RegExp(
      `(?:^|[^\\p{L}])(?<!(?:^|[^\\p{L}])(?:${PHRASAL})\\s+)(?:${alt(ws)})\\s+(?:(?:[\\p{L}'’-]+\\s+){0,3}by\\s+)?$`,
      'iu',
    ),
    ws,
    ['by'],
  );
export const UP_VERBS = direction(F.directions.up);
export const DOWN_VERBS = direction(F.directions.down);
export const PERCENT_WORDS = lowerMap(F.percentWords);
// "5%", "5 per cent", "a 50-percent stake", "5pc"
const PERCENT_FORMS = Object.keys(F.percentWords).filter((k) => F.percentWords[k]);
export const PERCENT_RE = new RegExp(`(?:\\s?|-)(${alt(PERCENT_FORMS)})(?![\\p{L}])`, 'iuy');
export const NEGATIVE_RE = endingIn(new RegExp(`(?:^|[^\\p{L}])(?:${alt(F.negative)})\\s+$`, 'iu'), F.negative);

export const wordSet = (ws: string[]) => new Set(ws.map((w) => w.toLowerCase()));
export const FIGURE_WORDS = F;
