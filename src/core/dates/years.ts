// Rule `year`: a bare year ("in 1979", "since 2021", "the 2022 deal", "2009-2010", "'82"). Four
// digits alone are a year only where the context says so: not "1,979 troops", "$2021", "Boeing 787",
// "Windows 2000". Rule `decade`: "the 1990s", "the '70s", "the sixties"; rule `century`: "the 20th century".
import type { Context, Rule } from '../context';
import { lexicons } from '../lexicons';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { alternation, cue, MONTH_RE, periodMod } from './words';

const L = lexicons.dates;
const YEAR =
  /(?<![\d,.$£€#/]|(?<!\bmid)-)(1[5-9]\d\d|20\d\d)(?:\s*[–-]\s*(\d{4})\b(?!\s*[–-]\d))?(?![\d%]|,\d|\.\d|-\d|\/\d|[\p{L}])/gu;
const TEMPORAL_BEFORE = new RegExp(`(?:\\b(?:${alternation(L.temporalBefore)})\\s*|[—–-]\\s*|[(,]\\s*|^)$`, 'i');
const NOT_A_YEAR_AFTER = new RegExp(`^\\s*(?:${alternation(L.notAYearAfter)})\\b`, 'i');
/** "number 1998", "flight 2020": a label before the digits makes them an identifier. */
const NOT_A_YEAR_BEFORE = new RegExp(`\\b(?:${alternation(L.notAYearBefore)})\\s*$`, 'i');
/** "has 2020 windows": digits counting a plural noun, unless a determiner or preposition makes them a year ("the 2020 elections"). */
const PLURAL_AFTER = /^\s+\p{Ll}[\p{Ll}-]*[^s']s\b/u;
const YEAR_DETERMINER = new RegExp(`\\b(?:${cue('yearDeterminers')})\\s*$`, 'i');
const MONTH_OR_QUARTER = new RegExp(`^(?:${MONTH_RE}|Q[1-4])$`);
/** "'82", "’09": an apostrophe year (not a quote mark before a number: "'82 percent'" has no following space). */
const SHORT_YEAR = /(?<![\p{L}\d])['’](\d\d)(?!\d|['’]?s\b|\s*%|[.,]\d)/gu;

/** "in '82", "the class of '09": the words an apostrophe year follows. */
const SHORT_YEAR_BEFORE = new RegExp(`\\b(?:${cue('shortYearBefore')})\\s+$|[–-]\\s*$`, 'i');

export const years: Rule<DateCandidate> = {
  name: 'year',
  find(ctx: Context) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, YEAR)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (NOT_A_YEAR_AFTER.test(after) || NOT_A_YEAR_BEFORE.test(before)) continue;
      if (!m[2] && PLURAL_AFTER.test(after) && !YEAR_DETERMINER.test(before) && !TEMPORAL_BEFORE.test(before)) continue;
      const prevWord = /([\p{L}\d]+)[^\p{L}\d]*$/u.exec(before)?.[1] ?? '';
      // "Boeing 787", "Windows 2000": a capitalised name right before the number makes it a model
      if (
        /^\p{Lu}/u.test(prevWord) &&
        !TEMPORAL_BEFORE.test(before) &&
        !MONTH_OR_QUARTER.test(prevWord) &&
        !lexicons.stopwords.has(prevWord.toLowerCase())
      )
        continue;
      if (+m[1] > 2100) continue;
      out.push(dateCandidate(ctx, m.index, m.index + 4, 'date', m[1], 'year'));
      if (!m[2]) continue;
      // "2009-2010": the second year of a span, when it follows the first ("2021-22" is a season or budget label)
      const second = +m[2];
      if (second <= +m[1] || second - +m[1] > 50) continue;
      out.push(
        dateCandidate(ctx, m.index + m[0].length - m[2].length, m.index + m[0].length, 'date', String(second), 'year'),
      );
    }
    for (const m of matches(ctx, SHORT_YEAR)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (!SHORT_YEAR_BEFORE.test(before)) continue;
      const y = +m[1];
      const century = ctx.publishedAt && y <= ctx.publishedAt.year % 100 ? Math.floor(ctx.publishedAt.year / 100) : 19;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', `${century}${m[1]}`, 'year'));
    }
    return out;
  },
};

const DECADE_WORDS = L.decadeWords;
const DECADE = new RegExp(
  `\\b(?:(1[5-9]\\d|20\\d)0['’]?s|the\\s+['’]?(\\d)0s|the\\s+(?:(early|mid|late)[-\\s])?(${alternation(Object.keys(DECADE_WORDS))}))\\b`,
  'gi',
);

/** Rule `decade`: "the 1990s", "1930's" → 199 / 193, "the '90s" → 199, "the sixties" → 196, "the 2000s" → 200. */
export const decades: Rule<DateCandidate> = {
  name: 'decade',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, DECADE)) {
      // "the sixties" is a decade of the last century; "his sixties" is an age and needs no rule
      const value = m[1] ?? (m[2] ? (+m[2] >= 3 ? `19${m[2]}` : `20${m[2]}`) : `19${DECADE_WORDS[m[4].toLowerCase()]}`);
      const mod = m[3] ? periodMod(m[3]) : undefined;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'decade', mod ? { mod } : {}));
    }
    return out;
  },
};

const ORDINALS = L.centuryOrdinals;
const CENTURY = new RegExp(
  `\\bthe\\s+(?:(\\d{1,2})(?:st|nd|rd|th)|(${alternation(Object.keys(ORDINALS))}))[-\\s]century\\b`,
  'gi',
);

/** Rule `century`: "the 20th century", "the nineteenth century" → TIMEX3 19 / 18 (the hundreds of its years). */
export const centuries: Rule<DateCandidate> = {
  name: 'century',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, CENTURY)) {
      const n = m[1] ? +m[1] : ORDINALS[m[2].toLowerCase()];
      if (!n || n > 22) continue;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', String(n - 1).padStart(2, '0'), 'century'));
    }
    return out;
  },
};
