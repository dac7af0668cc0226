// Refiner `not-a-figure`: numbers that are something else, as rows {reason, test} so a dropped candidate says
// why (`whyNotAFigure`). Dates and durations (the dates pass owns them), clock times, URLs and codes, model
// numbers and product versions ("Boeing 787", "iPhone 4", "Windows 7"), numbers used as names ("Flight 447",
// "page 5"), phone numbers, list numbering, years, and bare number words that do not count a noun.
import { overlapFinder, overlapIndex, type Context, type Refiner } from '../context';
import type { DateFact } from '../factsheet';
import type { FigureCandidate } from './candidate';
import { lexicons } from '../lexicons';
import { FIGURE_WORDS, NUMBER_START_RE, wordSet } from './words';

// compromise tags of words that cannot be the noun a number word counts
const FUNCTION_TAGS = FIGURE_WORDS.functionTags;
const MONTHS = new Set(FIGURE_WORDS.months);
const NAME_NUMBERS = wordSet(FIGURE_WORDS.nameNumbers);
const BEFORE_COUNT = new Set(FIGURE_WORDS.capitalisedBeforeCount);
const MORE_WORDS = wordSet(FIGURE_WORDS.moreWords);
const ODDS_NOUNS = wordSet(FIGURE_WORDS.oddsNouns);
// URLs, e-mail addresses, percent-encoding ("a%20b"), phone numbers ("+44 20 7946 0958", "(212) 555-0100", "555-010-0199")
const URL_OR_CODE = new RegExp(
  [
    /\b(?:https?:\/\/|www\.)\S+/,
    /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+/,
    /(?<!\S)\S*%[0-9A-F]{2}\S*/,
    /(?:\+\d{1,3}[\s.-]?|\(\d{2,4}\)\s?)\d{2,4}(?:[\s.-]\d{2,4}){1,3}/,
    /\b\d{3}[.-]\d{3}[.-]\d{4}\b/,
    /\b0\d{2,4}(?:\s\d{3,4}){1,3}\b/,
  ]
    .map((r) => r.source)
    .join('|'),
  'giu',
);

/** "the striker, 29,": the word before the comma names a person (compromise tags occupations as actors) */
function personWordBefore(ctx: Context, at: number): boolean {
  const m = /(\p{L}+),\s*$/u.exec(ctx.doc.clean.slice(Math.max(0, at - 40), at));
  if (!m) return false;
  const t = ctx.doc.tokenAt(at - m[0].length);
  return !!t && (t.tags.has('Actor') || t.tags.has('Person') || PERSON_WORDS.has(t.normal));
}
const PERSON_WORDS = new Set(lexicons.quoteWords.personVoices);

/**
 * "1,412,306 votes to Holloway's 1,381,950", "52 seats to Labour's 41": a possessive before a number in a comparison,
 * or before a number with thousands, owns a tally; it does not name a model ("Boeing's 787")
 */
const tallyOf = (f: { text: string }, prevWord: string, before: string) =>
  /['’]s$/.test(prevWord) && (/\d,\d{3}/.test(f.text) || /\b(?:to|against|versus|vs\.?)\s+\S+['’]s\s*$/i.test(before));

interface Scope {
  ctx: Context;
  text: string;
  f: FigureCandidate;
  before: string;
  after: string;
  prevWord: string;
  models: Set<string>;
  /** whether a span overlaps a URL, e-mail or phone number, by binary search */
  inUrl: (s: { start: number; end: number }) => boolean;
  /** the dates overlapping a span, by binary search (not a scan of every date per figure) */
  datesAt: (s: { start: number; end: number }) => DateFact[];
  /** block start → whether the block is a Title Case headline, computed once per block */
  headlines: Map<number, boolean>;
}
interface Filter {
  reason: string;
  test: (s: Scope) => boolean;
}

/**
 * Numbers the article uses as names: "Boeing 787", "Airbus 380", "Flight 447". Once a number
 * follows a capitalised name anywhere in the text, its bare uses ("the 787", "50 787s") are
 * the same model, not a count.
 */
function modelNumbers(text: string): Set<string> {
  const out = new Set<string>();
  // "Boeing 787", "Boeing's 787", "A380", and a bare plural of three digits: "the 777s"
  const re =
    /\b\p{Lu}[\p{L}-]*(?:['’]s)?[\s-]+(\d{3,4})(?:-\d+)?s?\b|(?<![\d,.])(\d{3})s\b|\b\p{Lu}{1,3}-?(\d{3,4})\b/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    if (m[2] || m[3]) out.add(m[2] ?? m[3]);
    else if (!/[.!?]\s$/.test(prev) && !BEFORE_COUNT.has(m[0].split(/[\s-]/)[0])) out.add(m[1]);
  }
  return out;
}

/**
 * "their 520 regional jet", "the first 910 Skyliner": a bare three- or four-digit number before a
 * singular noun (or a name) identifies one thing; a count of hundreds is followed by a plural.
 */
function namesOneThing(ctx: Context, end: number): boolean {
  if (!/^\s+[\p{L}]/u.test(ctx.doc.clean.slice(end, end + 3))) return false; // "to 230.", "340 + seat"
  const toks = ctx.doc.tokensIn(end, end + 80).slice(0, 6);
  if (toks[0] && /^\p{Lu}/u.test(toks[0].text) && !toks[0].tags.has('Date')) return true; // "910 Skyliner"
  let head = null;
  for (const t of toks) {
    if (!(t.tags.has('Adjective') || t.tags.has('Noun') || t.tags.has('Gerund'))) break;
    head = t;
    if (/[,.;:!?()]/.test(t.post)) break;
  }
  return (
    !!head &&
    head.tags.has('Noun') &&
    head.tags.has('Singular') &&
    !head.tags.has('Plural') &&
    !head.tags.has('Uncountable')
  );
}

const NEVER_DATES = new Set(['money', 'percent', 'score']);
/** a "date" that is only numbers: "10 1/2", "300 to 400" (under a unit or a currency, it is the figure's) */
const NUMERIC_DATE = /^[\d\s/.,–-]+(?:(?:to|and)\s+[\d\s/.,]+)?$/;
/** where the number itself starts, after a qualifier or currency */
const numberStart = (text: string, f: FigureCandidate) =>
  f.start + Math.max(0, text.slice(f.start, f.end).search(NUMBER_START_RE));
const bare = (f: FigureCandidate) => f.kind === 'count';
const digitsOnly = (f: FigureCandidate) => f.text.replace(/^\D+/, '');

/** a number word counts only what follows it: "five aircraft", "two of the engines" */
function wordWithoutNoun({ ctx, text, f }: Scope): boolean {
  // "roughly 48,000" is written in digits: only a qualifier is a word
  if (!bare(f) || /\d/.test(f.text) || !/^\p{L}/u.test(f.text.replace(/^(?:[\p{L}]+\s+)*?(?=\p{L}+$)/u, '')))
    return false;
  const next = ctx.doc.tokenAt(f.end + 1);
  if (!next || /[,.;:!?]/.test(text.slice(f.end, next.start))) return true;
  // compromise sometimes tags the counted noun as a verb ("Five engineers were…"): reject only function words
  return next.normal !== 'of' && !MORE_WORDS.has(next.normal) && FUNCTION_TAGS.some((g) => next.tags.has(g));
}

const SMALL_WORDS = wordSet(FIGURE_WORDS.titleCaseSmallWords);
const words = (s: string) => (s.match(/\p{L}[\p{L}\d'’-]*/gu) ?? []).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * Headlines of other stories that the page ran into the article: a Title Case line past the title ("Floods Swamp
 * Valley Towns as River Rises 4 Metres"), or a Title Case run inside a paragraph ("…a year. Ferry With
 * 120 Passengers Sinks Off Norland It is…"): capitalised words (small words aside) on both sides of the figure.
 */
function inHeadline({ ctx, text, f, headlines }: Scope): boolean {
  const block = ctx.doc.blockOf(f.start);
  if (!block || block.start === ctx.doc.blocks[0]?.start) return false;
  if (!headlines.has(block.start)) {
    const line = text.slice(block.start, block.end).trim();
    const all = line.length > 300 ? [] : words(line); // a headline is short; no need to read a long paragraph
    headlines.set(
      block.start,
      all.length >= 4 && !/[.!?:"”]$/.test(line) && all.filter(capitalised).length >= 0.8 * all.length,
    );
  }
  if (headlines.get(block.start)) return true;
  const before = words(text.slice(Math.max(block.start, f.start - 40), f.start)).slice(-3);
  const after = words(text.slice(f.end, Math.min(block.end, f.end + 30))).slice(0, 2);
  return (
    before.length === 3 &&
    after.length === 2 &&
    before.every(capitalised) &&
    after.every(capitalised) &&
    !/[.!?]\s*$/.test(text.slice(Math.max(block.start, f.start - 3), f.start))
  );
}

const FILTERS: Filter[] = [
  // the dates pass owns "5 years", "in 1998"; but "90 miles per hour" only lends it "per hour", and a measure's
  // "10 1/2 miles" is not the date chrono reads in "10 1/2", nor a score "6–3" a day of June, nor "$2 a barrel" 2 a.m.
  {
    reason: 'inside a date',
    test: ({ f, text, datesAt }) => {
      const near = NEVER_DATES.has(f.kind) ? [] : datesAt(f);
      if (!near.length) return false;
      const at = numberStart(text, f);
      // a "date" of bare numbers ("2 to 3") does not own a figure that runs past it ("3 million people")
      return near.some(
        (d) =>
          d.start < f.end &&
          at < d.end &&
          (d.start <= at || f.kind === 'count') &&
          !((f.kind !== 'count' || f.end > d.end) && NUMERIC_DATE.test(d.text)),
      );
    },
  },
  // "the 2-1 favourite", "at odds of 5-1": betting odds are a price, not a result
  {
    reason: 'betting odds',
    test: ({ f, text, before }) =>
      f.kind === 'score' &&
      (ODDS_NOUNS.has(/^\s+([\p{L}-]+)/u.exec(text.slice(f.end, f.end + 24))?.[1].toLowerCase() ?? '') ||
        /\bodds\s+(?:of\s+)?$/i.test(before)),
  },
  { reason: 'inside a URL, e-mail or percent-encoding', test: ({ f, inUrl }) => inUrl(f) },
  // "777s", "3D", "150px", "7e7", "4K": a number glued to letters is a code or a model
  {
    reason: 'glued to letters',
    test: ({ f, text }) => /^[\p{L}\d]/u.test(text.slice(f.end, f.end + 1)) && /\d$/.test(f.text),
  },
  { reason: 'model number named in the text', test: ({ f, models }) => bare(f) && models.has(digitsOnly(f)) },
  {
    reason: 'names one thing ("its 777 airliner")',
    test: ({ ctx, f }) => bare(f) && /^\d{3,4}(?:-\d{2,4})?$/.test(f.text) && namesOneThing(ctx, f.end),
  },
  // "Hugo Duro, 25, told reporters", "the striker, 29, signed": after a name or a word for a person
  {
    reason: 'age in an apposition',
    test: ({ ctx, f, before, after }) =>
      bare(f) &&
      /^\d{1,3}$/.test(f.text) &&
      +f.text <= 120 &&
      /^\s*,/.test(after) &&
      (/\p{Lu}[\p{L}'’-]*,\s*$/u.test(before) || personWordBefore(ctx, f.start)),
  },
  { reason: 'clock time', test: ({ after }) => /^(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC))/i.test(after) },
  // "5-star", "a 12-year-old", "seven-fold", "a 12-member panel": a number inside a compound modifier
  { reason: 'inside a compound modifier', test: ({ f, after }) => bare(f) && /^-?fold\b|^-\p{L}/iu.test(after) },
  {
    reason: 'phone number or part code ("737-800")',
    test: ({ f, before, after }) =>
      /^[-/]\d/.test(after) ||
      /\d[-/.]$/.test(before) ||
      (bare(f) && f.high !== null && /^\d{3}[-.]\d{4}$/.test(f.text)),
  },
  // "Boeing 787", "iPhone 4", "iOS 5", "Windows 7": a name (capitalised, or with a capital inside) before a bare number
  {
    reason: 'product, model or version after a name',
    test: ({ f, prevWord, before }) =>
      bare(f) &&
      /^\p{Ll}*\p{Lu}/u.test(prevWord) &&
      !MONTHS.has(prevWord) &&
      !BEFORE_COUNT.has(prevWord) &&
      !tallyOf(f, prevWord, before),
  },
  {
    reason: 'number used as a name ("Flight 447", "page 5", "No. 3")',
    test: ({ f, prevWord }) =>
      (bare(f) || f.kind === 'quantity') && NAME_NUMBERS.has(prevWord.toLowerCase().replace(/\.$/, '')),
  },
  { reason: 'rank or tag ("#1 hit")', test: ({ f, before }) => bare(f) && /#\s?$/.test(before) },
  { reason: 'code with a leading zero ("0800", "007")', test: ({ f }) => bare(f) && /^0\d/.test(f.text) },
  {
    reason: 'version number ("v2.0", "3.1.4")',
    test: ({ f, before, after }) => bare(f) && (/\bv\.?\s?$/i.test(before) || /^\.\d/.test(after)),
  },
  {
    reason: 'list numbering',
    test: ({ ctx, f, text }) =>
      ctx.doc.blockOf(f.start)?.start === f.start && /^\d{1,2}[.)]\s/.test(text.slice(f.start, f.start + 4)),
  },
  // "in 1998" is the dates pass's; a bare year-like number before no plural noun is a year, not a count
  {
    reason: 'year',
    test: ({ ctx, f }) =>
      bare(f) && /^(?:1[89]|20)\d\d$/.test(f.text) && !ctx.doc.tokenAt(f.end + 1)?.tags.has('Plural'),
  },
  { reason: 'number word counting nothing', test: wordWithoutNoun },
  { reason: 'inside a Title Case headline in the body (a teaser of another story)', test: inHeadline },
  // "One of the jets", "one day": a bare "one" is rarely a figure anyone checks
  { reason: 'a bare "one"', test: ({ f }) => bare(f) && /^(?:one|an?)$/i.test(f.text) },
];

/** why a candidate is not a figure, or null when it is one */
export function whyNotAFigure(
  ctx: Context,
  f: FigureCandidate,
  models = modelNumbers(ctx.doc.clean),
  inUrl = overlapIndex(urlSpans(ctx.doc.clean)),
  datesAt = overlapFinder(ctx.dates),
  headlines = new Map<number, boolean>(),
): string | null {
  const text = ctx.doc.clean;
  const before = text.slice(Math.max(0, f.start - 24), f.start);
  // the word right before, in the same sentence ("Monday. About 300" has none)
  const word = /([\p{L}][\p{L}\d.'’-]*?)\.?\s*$/u.exec(before)?.[1] ?? '';
  const prevWord = /[.!?:;]\s*$/.test(before) && !NAME_NUMBERS.has(word.toLowerCase()) ? '' : word;
  const scope: Scope = {
    ctx,
    text,
    f,
    before,
    after: text.slice(f.end, f.end + 12),
    prevWord,
    models,
    inUrl,
    datesAt,
    headlines,
  };
  return FILTERS.find((r) => r.test(scope))?.reason ?? null;
}

function urlSpans(text: string): { start: number; end: number }[] {
  if (!/[/@%+(.-]/.test(text)) return [];
  return [...text.matchAll(URL_OR_CODE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export const notAFigure: Refiner<FigureCandidate> = {
  name: 'not-a-figure',
  refine(ctx, figures) {
    const models = modelNumbers(ctx.doc.clean);
    const inUrl = overlapIndex(urlSpans(ctx.doc.clean)); // not a scan of every URL per figure
    const datesAt = overlapFinder(ctx.dates); // O(log n) per figure, not a scan of every date
    const headlines = new Map<number, boolean>();
    return figures.filter((f) => whyNotAFigure(ctx, f, models, inUrl, datesAt, headlines) === null);
  },
};

/**
 * An ordinal and the figures it overlaps: the digits of "its 21st summit" are the ordinal's, not a count of their
 * own (they used to take the ordinal down with them, and then fell as glued to letters: no figure at all); an
 * ordinal inside a longer figure is part of that figure.
 */
export const ordinalOverlap: Refiner<FigureCandidate> = {
  name: 'ordinal-overlap',
  refine(_ctx, figures) {
    const others = overlapFinder(figures.filter((g) => g.kind !== 'ordinal'));
    const inOrdinal = new Set<FigureCandidate>();
    const out = figures.filter((f) => {
      if (f.kind !== 'ordinal') return true;
      const near = others(f);
      if (near.some((g) => g.start < f.start || g.end > f.end)) return false;
      near.forEach((g) => inOrdinal.add(g));
      return true;
    });
    return out.filter((f) => !inOrdinal.has(f));
  },
};
