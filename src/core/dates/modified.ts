// Refiner `modified`: a modifier that bounds part of a period stays in its span and goes into
// its TIMEX3 mod: "early 2024" (START), "mid-March" (MID), "late last year" / "the end of March"
// (END); "the first half of 2024" is the period 2024-H1. Rule `period-of`: "the end of the year",
// "the start of the month" name the current period with a mod.
import type { Refiner, Rule } from '../context';
import { lexicons } from '../lexicons';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { cycleValue } from './relative';
import { alternation, HALF_WORDS, periodMod } from './words';

const MODS = alternation(Object.keys(lexicons.dates.periodModifiers));
const BEFORE = new RegExp(`\\b(${MODS})(?:\\s+|(?<=-))$`, 'i');
const HALF = new RegExp(`\\bthe\\s+(${alternation(Object.keys(HALF_WORDS))})\\s+half\\s+of\\s+$`, 'i');
const OF_THE_PERIOD = new RegExp(`\\b(${MODS})\\s+the\\s+(year|month|week|decade|century)\\b`, 'gi');

export const modified: Refiner<DateCandidate> = {
  name: 'modified',
  refine(ctx, dates) {
    const text = ctx.doc.clean;
    for (const d of dates) {
      if (d.type !== 'date' || d.mod) continue;
      const before = text.slice(Math.max(0, d.start - 24), d.start);
      const half = HALF.exec(before);
      if (half && d.value && /^\d{4}$/.test(d.value)) {
        d.start -= half[0].length;
        d.value = `${d.value}-H${HALF_WORDS[half[1].toLowerCase()]}`;
        d.text = ctx.doc.text.slice(d.start, d.end);
        d.rule = `${d.rule}/half`;
        continue;
      }
      const m = BEFORE.exec(before);
      if (!m) continue;
      const mod = periodMod(m[1]);
      if (!mod || (d.value && /T/.test(d.value))) continue;
      // "late Tuesday", "early on Monday": only the bare words bound a day ("the end of June 3" is no phrase)
      if (d.value && /\d{4}-\d\d-\d\d/.test(d.value) && !/^(?:early|late|mid-?)$/i.test(m[1])) continue;
      d.start -= before.length - m.index;
      d.text = ctx.doc.text.slice(d.start, d.end);
      d.mod = mod;
    }
    return dates;
  },
};

export const periodOf: Rule<DateCandidate> = {
  name: 'period-of',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, OF_THE_PERIOD)) {
      const mod = periodMod(m[1]);
      if (!mod) continue;
      const unit = m[2].toLowerCase();
      const value = ctx.publishedAt ? cycleValue(ctx.publishedAt, unit, 0) : null;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'period-of', { relative: true, mod }));
    }
    return out;
  },
};
