// Rules for named periods and rates: quarters and halves ("Q3 2024", "the third quarter of 2024", "a third-quarter loss",
// "the third quarter of this year", "the fourth quarter" → the one the tense points at, "H1 2024",
// "the first half"), fiscal years ("fiscal 2024", "FY2024", "this fiscal year"), seasons
// ("summer 2024"), and sets ("every year", "annually", "annual", "15 a year").
import type { Context, Rule } from '../context';
import { lexicons } from '../lexicons';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { tenseOf } from './tense';
import { alternation, cue, UNIT_FORMS, HALF_WORDS, QUARTER_WORDS, SEASONS } from './words';

const L = lexicons.dates;
/** The year a period belongs to: digits, "this year", "last year", "next year", or nothing (the tense decides). */
const YEAR_OF =
  '(?:\\s+(?:of\\s+|in\\s+)?(?:(\\d{4})|(this|last|next|the\\s+current|the\\s+previous)\\s+(?:fiscal\\s+)?year))?';
const QUARTER_WORD = alternation(Object.keys(QUARTER_WORDS));
const HALF_WORD = alternation(Object.keys(HALF_WORDS));
const QUARTER = new RegExp(
  '\\b(?:(?:the\\s+)?(?:fiscal\\s+)?(?:Q([1-4])|(' +
    QUARTER_WORD +
    ')(?:\\s+fiscal|\\s+calendar)?[\\s-]quarter)' +
    '|(?:the\\s+)?(?:fiscal\\s+)?(?:H([12])|(' +
    HALF_WORD +
    ')[\\s-]half))' +
    YEAR_OF +
    '\\b',
  'gi',
);
const FISCAL =
  /\b(?:(?:fiscal(?:\s+year)?|FY)\s*(\d{4}|['’]?\d\d)(?!\d)|(this|last|next|the\s+current|the\s+previous)\s+fiscal\s+year)\b/gi;
const SEASON = new RegExp(`\\b(${alternation(Object.keys(SEASONS))})\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi');
const SET = new RegExp(
  `\\b(?:(every|each|per|a)\\s+(${alternation(Object.keys(L.sets.units))})|(${alternation(Object.keys(L.sets.adverbs))}))\\b`,
  'gi',
);
const BUSINESS_WORDS = new Set(L.businessContext.words.map((w) => w.toLowerCase()));
const BUSINESS = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(L.businessContext.words)})(?![\\p{L}])`, 'iu');
/** "the second half of the match": a part of a thing, not of the year. */
const OF_A_THING = new RegExp(`^\\s+of\\s+(?:${cue('determiners')}|${cue('demonstratives')})\\b`, 'i');
/** "every day lives": "everyday" written apart. */
const NOT_EVERY_DAY = new RegExp(`^\\s+(?:${cue('notEveryDayAfter')})\\b`, 'i');
const YEAR_SHIFT: Record<string, number> = { this: 0, 'the current': 0, last: -1, 'the previous': -1, next: 1 };

function yearOf(ctx: Context, digits: string | undefined, word: string | undefined): number | null {
  if (digits) return +digits;
  if (!ctx.publishedAt) return null;
  return ctx.publishedAt.year + (YEAR_SHIFT[(word ?? 'this').toLowerCase().replace(/\s+/g, ' ')] ?? 0);
}

const sentenceText = (ctx: Context, at: number) => {
  const s = ctx.doc.sentenceOf(at);
  return s === null
    ? ctx.doc.clean.slice(Math.max(0, at - 120), at + 120)
    : ctx.doc.clean.slice(ctx.doc.sentences[s].start, ctx.doc.sentences[s].end);
};

export const quarters: Rule<DateCandidate> = {
  name: 'quarter',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, QUARTER)) {
      const quarter = !!(m[1] || m[2]);
      const n = quarter
        ? m[1]
          ? +m[1]
          : QUARTER_WORDS[m[2].toLowerCase()]
        : m[3]
          ? +m[3]
          : HALF_WORDS[m[4].toLowerCase()];
      const explicit = !!(m[5] || m[6]);
      // "the last quarter" alone is the previous quarter (relative rule); a bare word needs "the" or a year
      // ("a third-quarter loss": the hyphenated adjective names the period when what it describes is business —
      // "a first-half penalty", "a fourth-quarter collapse" are parts of a match)
      const adjective = /-(?:quarter|half)\b/i.test(m[0]);
      const described = ctx.doc.tokensIn(m.index + m[0].length, m.index + m[0].length + 40)[0];
      if (adjective && !(described && BUSINESS_WORDS.has(described.normal))) continue;
      if (!explicit && !m[1] && !m[3] && !/^the\s/i.test(m[0]) && !adjective) continue;
      if (!explicit && /^(?:the\s+)?(?:last|final)\s/i.test(m[0])) continue;
      let year = yearOf(ctx, m[5], m[6]);
      const end = m.index + m[0].length;
      // "scored in the first half", "the second half of the match": a part of a game, not of the year
      if (
        !explicit &&
        (OF_A_THING.test(ctx.doc.clean.slice(end, end + 10)) || !BUSINESS.test(sentenceText(ctx, m.index)))
      )
        continue;
      const p = ctx.publishedAt;
      if (!explicit && year !== null && p) {
        // "the fourth quarter" with no year: this year's, unless the clause is past and it has not begun yet
        const current = quarter ? Math.floor((p.month - 1) / 3) + 1 : p.month <= 6 ? 1 : 2;
        if (n > current && tenseOf(ctx, m.index, end) === 'past') year -= 1;
      }
      const value = year === null ? null : `${year}-${quarter ? 'Q' : 'H'}${n}`;
      out.push(dateCandidate(ctx, m.index, end, 'date', value, quarter ? 'quarter' : 'half', { relative: !m[5] }));
    }
    for (const m of matches(ctx, FISCAL)) {
      let y: number | null;
      if (m[1]) {
        const d = m[1].replace(/^['’]/, '');
        y = d.length === 2 ? 2000 + +d : +d;
      } else y = yearOf(ctx, undefined, m[2]);
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, 'date', y === null ? null : String(y), 'fiscal', {
          relative: !m[1],
        }),
      );
    }
    for (const m of matches(ctx, SEASON)) {
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, 'date', `${m[2]}-${SEASONS[m[1].toLowerCase()]}`, 'season'),
      );
    }
    return out;
  },
};

/** "190 kilometres per hour", "60 km per hour": a rate of a measure, not a set. */
const UNIT_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alternation(UNIT_FORMS)})\\s+$`, 'iu');

export const sets: Rule<DateCandidate> = {
  name: 'set',
  find(ctx) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, SET)) {
      const q = m[1]?.toLowerCase();
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (q === 'a' && !/[\d\p{L}]\s+$/u.test(before.slice(-3))) continue;
      // "a year" is a rate only right after an amount: "15 a year", "$3 billion a year"
      if (
        q === 'a' &&
        !/(?:\d|million|billion|thousand|times|once|twice|percent|%)(?:\s+[\p{L}-]+){0,3}\s+$/iu.test(before)
      )
        continue;
      if (q === 'per' && UNIT_BEFORE.test(before)) continue;
      if (q === 'every' && NOT_EVERY_DAY.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
      const word = (m[2] ?? m[3]).toLowerCase();
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, 'set', L.sets.units[word] ?? L.sets.adverbs[word], 'set'),
      );
    }
    return out;
  },
};
