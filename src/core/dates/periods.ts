// Rules for named periods and rates: quarters ("Q3 2024", "the third quarter of 2024"),
// seasons ("summer 2024"), and sets ("every year", "annually", "15 a year").
import type { Rule } from '../context';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { QUARTER_WORDS, SEASONS } from './words';

const QUARTER = /\b(?:Q([1-4])\s*(?:of\s+)?(\d{4})|(first|second|third|fourth|final|last)\s+quarter\s+(?:of\s+)?(\d{4}))\b/gi;
const SEASON = /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi;
const SET = /\b(?:(every|each|per|a)\s+(year|month|week|day|hour|quarter)|(annually|yearly|monthly|weekly|daily|hourly))\b/gi;
const SET_UNIT: Record<string, string> = { year: 'P1Y', month: 'P1M', week: 'P1W', day: 'P1D', hour: 'PT1H', quarter: 'P3M', annually: 'P1Y', yearly: 'P1Y', monthly: 'P1M', weekly: 'P1W', daily: 'P1D', hourly: 'PT1H' };

export const quarters: Rule<DateCandidate> = {
  name: 'quarter',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, QUARTER)) {
      const q = m[1] ? +m[1] : QUARTER_WORDS[m[3].toLowerCase()];
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', `${m[2] ?? m[4]}-Q${q}`, 'quarter'));
    }
    for (const m of matches(ctx, SEASON)) {
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', `${m[2]}-${SEASONS[m[1].toLowerCase()]}`, 'season'));
    }
    return out;
  },
};

export const sets: Rule<DateCandidate> = {
  name: 'set',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, SET)) {
      if (m[1]?.toLowerCase() === 'a' && !/[\d\p{L}]\s+$/u.test(ctx.doc.clean.slice(Math.max(0, m.index - 3), m.index))) continue;
      // "a year" is a rate only right after an amount: "15 a year", "$3 billion a year"
      if (m[1]?.toLowerCase() === 'a' && !/(?:\d|million|billion|thousand|times|once|twice|percent|%)(?:\s+[\p{L}-]+){0,3}\s+$/iu.test(ctx.doc.clean.slice(Math.max(0, m.index - 40), m.index))) continue;
      const unit = (m[2] ?? m[3]).toLowerCase();
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'set', SET_UNIT[unit], 'set'));
    }
    return out;
  },
};
