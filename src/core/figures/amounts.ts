// Rule `amount`: money, percentages, quantities with a unit and counts, read left to right from
// each number: [qualifier] [currency] number [magnitude] [range] [currency word | % | unit].
// "roughly $9 billion" → money 9e9 USD approximate; "15-20%" → percent 15–20; "500km" → 500 km.
import type { Context, Rule } from '../context';
import type { FigureKind } from '../factsheet';
import type { FigureCandidate } from './candidate';
import {
  APPROXIMATE, CURRENCY_CODES, CURRENCY_PREFIX, CURRENCY_SUFFIX, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOWN_VERBS, LOWER_BOUND, MAGNITUDE,
  magnitudeValue, NUMBER, parseNumber, QUALIFIER, UNIT, UNITS, UP_VERBS, UPPER_BOUND,
} from './words';

const AMOUNT = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥#/:-])(${CURRENCY_PREFIX})?\\s?(${NUMBER})(${MAGNITUDE})?` +
  `(?:(\\s?[-–]\\s?|\\s+to\\s+|\\s+and\\s+)(${CURRENCY_PREFIX})?\\s?(${NUMBER})(${MAGNITUDE})?)?` +
  `(?:\\s?(%|per\\s?cent\\b|percent\\b|percentage points?\\b|basis points?\\b|bps?\\b)|\\s+(${CURRENCY_SUFFIX})\\b|\\s?(${UNIT})(?![\\p{L}\\d]))?`,
  'giu');

const symbolCode = (sym: string) => {
  const s = sym.trim();
  return CURRENCY_SYMBOLS[s] ?? CURRENCY_SYMBOLS[s.replace(/\s+/g, ' ')] ?? (CURRENCY_CODES.has(s) ? s : null);
};

export const amounts: Rule<FigureCandidate> = {
  name: 'amount',
  find(ctx: Context) {
    const text = ctx.doc.clean;
    const out: FigureCandidate[] = [];
    AMOUNT.lastIndex = 0;
    for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
      const [whole, cur1, num1, mag1, link, cur2, num2, mag2, pct, curWord, unitWord] = m;
      let end = m.index + whole.length;
      let start = m.index + (whole.length - whole.trimStart().length);
      const wordNumber = /^[a-z]/i.test(num1);
      // A range needs a second number of the same shape; "and" only after "between".
      let hasRange = !!num2;
      const before = text.slice(Math.max(0, start - 40), start);
      const qual = QUALIFIER.exec(before);
      const qualifier = qual?.[1]?.toLowerCase() ?? null;
      if (hasRange && /and/.test(link ?? '') && qualifier !== 'between') hasRange = false;
      if (hasRange && /^\s?[-–]\s?$/.test(link ?? '') && (/^[a-z]/i.test(num2!) || /^\d{4}$/.test(num1) && /^\d{2,4}$/.test(num2!))) hasRange = false;
      if (!hasRange && num2) {
        // re-scan from the second number next time
        end = m.index + whole.indexOf(link) ;
        AMOUNT.lastIndex = end;
      }
      const money = !!(cur1 || (hasRange && cur2) || curWord);
      let kind: FigureKind = 'count';
      let unit: string | null = null;
      if (money) {
        kind = 'money';
        unit = symbolCode(cur1 ?? cur2 ?? '') ?? CURRENCY_WORDS[(curWord ?? '').toLowerCase()] ?? (curWord && CURRENCY_CODES.has(curWord) ? curWord : null) ?? 'USD';
        if (cur1 && curWord && /^(?:dollars?)$/i.test(curWord)) unit = symbolCode(cur1) ?? 'USD';
      } else if (pct && (hasRange || !num2)) {
        kind = 'percent';
        unit = /basis|bp/i.test(pct) ? 'bp' : /point/i.test(pct) ? 'pp' : '%';
      } else if (unitWord && (hasRange || !num2)) {
        kind = 'quantity';
        unit = UNITS[unitWord] ?? UNITS[unitWord.toLowerCase()] ?? unitWord;
      }
      if (!hasRange && num2) {
        // we cut the match at the link: suffixes belonged to the second number
        if (kind !== 'money' || !cur1) { kind = 'count'; unit = null; }
      }
      if (kind === 'count' && wordNumber && /^(?:one|a\s)/i.test(num1)) continue; // "one of", "a dozen" handled below only with a noun
      const v1 = parseNumber(num1);
      const m1 = magnitudeValue(mag1, money);
      if (Number.isNaN(m1)) { kind = 'quantity'; unit = 'm'; }
      const value1 = v1 === null ? null : v1 * (Number.isNaN(m1) ? 1 : m1);
      let low: number | null = null, high: number | null = null;
      if (hasRange) {
        const v2 = parseNumber(num2!);
        const m2 = magnitudeValue(mag2 ?? mag1, money);
        high = v2 === null ? null : v2 * (Number.isNaN(m2) ? 1 : m2);
        // "$5-7 billion": the first number borrows the second's magnitude
        low = v1 === null ? null : v1 * (mag1 ? m1 : (mag2 ? magnitudeValue(mag2, money) : 1));
      }
      const clipped = ctx.doc.text.slice(start, end).replace(/[\s,.;:]+$/, '');
      end = start + clipped.length;
      let approximate = false, bound: 'lower' | 'upper' | null = null;
      if (qualifier) {
        start -= qual![0].length;
        if (APPROXIMATE.has(qualifier)) approximate = true;
        if (LOWER_BOUND.has(qualifier)) bound = 'lower';
        if (UPPER_BOUND.has(qualifier)) bound = 'upper';
      }
      const lead = text.slice(Math.max(0, start - 30), start);
      const direction = UP_VERBS.test(lead) ? 'up' : DOWN_VERBS.test(lead) ? 'down' : null;
      out.push({
        start, end, text: ctx.doc.text.slice(start, end), kind, unit,
        value: hasRange ? null : value1, low, high, approximate, bound, direction, subject: null,
        rule: `amount/${kind}`,
      });
    }
    return out;
  },
};
