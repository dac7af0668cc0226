// Rules for expressions relative to the publication date: "yesterday", "today", "last week",
// "next month", "earlier this month", "this year", "two weeks ago", "now".
import type { Context, Rule, YMD } from '../context';
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek } from './calendar';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { NUMBER_WORD_RE, numberValue, UNITS } from './words';

const DAY_WORDS = /\b(yesterday|today|tomorrow|tonight)\b/gi;
const DELTA: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };

const CYCLE = /\b(?:(earlier|later)\s+)?(last|next|this|past|coming|previous)\s+(week|weekend|month|year|quarter|decade|century)\b/gi;
const AGO = new RegExp(`\\b(${NUMBER_WORD_RE}|a few|several)\\s+(years?|months?|weeks?|days?|decades?)\\s+(ago|earlier|before|later)\\b`, 'gi');
const PRESENT = /\b(now|currently|at present|at the moment|nowadays|these days|recently|in the past|in the future)\b/gi;
const PRESENT_VALUE: Record<string, string> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', 'at present': 'PRESENT_REF', 'at the moment': 'PRESENT_REF', nowadays: 'PRESENT_REF',
  'these days': 'PRESENT_REF', recently: 'PAST_REF', 'in the past': 'PAST_REF', 'in the future': 'FUTURE_REF',
};

function cycleValue(p: YMD, unit: string, shift: number): string {
  switch (unit) {
    case 'week': return fmtWeek(addDays(p, 7 * shift));
    case 'weekend': return `${fmtWeek(addDays(p, 7 * shift))}-WE`;
    case 'month': { const [y, m] = addMonths(p.year, p.month, shift); return fmtMonth(y, m); }
    case 'year': return String(p.year + shift);
    case 'quarter': { const q = Math.floor((p.month - 1) / 3) + shift; const y = p.year + Math.floor(q / 4); return `${y}-Q${((q % 4) + 4) % 4 + 1}`; }
    case 'decade': return String(Math.floor(p.year / 10) + shift);
    default: return String(Math.floor((p.year - 1) / 100) + 1 + shift).padStart(2, '0');
  }
}

export const dayWords: Rule<DateCandidate> = {
  name: 'relative/day',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, DAY_WORDS)) {
      const p = ctx.publishedAt;
      const value = p ? fmtDay(addDays(p, DELTA[m[1].toLowerCase()])) : null;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'relative/day', { relative: true }));
    }
    return out;
  },
};

export const cycles: Rule<DateCandidate> = {
  name: 'relative/cycle',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, CYCLE)) {
      const which = m[2].toLowerCase(), unit = m[3].toLowerCase();
      const shift = which === 'last' || which === 'past' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
      // "the last year" / "the past month" read as durations
      if (/\bthe\s+$/i.test(ctx.doc.clean.slice(Math.max(0, m.index - 4), m.index)) && shift === -1) {
        out.push(dateCandidate(ctx, m.index - 4, m.index + m[0].length, 'duration', `P1${UNITS[unit] ?? 'Y'}`, 'relative/cycle'));
        continue;
      }
      const value = ctx.publishedAt ? cycleValue(ctx.publishedAt, unit, shift) : null;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'relative/cycle', { relative: true }));
    }
    return out;
  },
};

export const ago: Rule<DateCandidate> = {
  name: 'relative/ago',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, AGO)) {
      const n = numberValue(m[1]);
      const unit = m[2].toLowerCase().replace(/s$/, '');
      const dir = m[3].toLowerCase();
      if (dir !== 'ago') continue; // "three days later" needs an anchor event: left to a later refinement
      const p = ctx.publishedAt;
      let value: string | null = null;
      if (p && n !== null && Number.isInteger(n)) {
        if (unit === 'day') value = fmtDay(addDays(p, -n));
        else if (unit === 'week') value = fmtWeek(addDays(p, -7 * n));
        else if (unit === 'month') { const [y, mo] = addMonths(p.year, p.month, -n); value = fmtMonth(y, mo); }
        else if (unit === 'year') value = String(p.year - n);
        else if (unit === 'decade') value = String(Math.floor((p.year - 10 * n) / 10));
      } else if (p && n === null) value = 'PAST_REF';
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'relative/ago', { relative: true }));
    }
    return out;
  },
};

export const present: Rule<DateCandidate> = {
  name: 'relative/present',
  find(ctx: Context) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, PRESENT)) {
      if (m[1].toLowerCase() === 'now') {
        if (/\b(?:right|just|until|till|by|from)\s+$/i.test(ctx.doc.clean.slice(Math.max(0, m.index - 7), m.index))) continue;
        // "the now-cancelled deal", "will now receive": an adverb of sequence, not a time
        if (ctx.doc.clean[m.index + 3] === '-') continue;
        if (/\b(?:will|would|can|could|must|should|may|might|has|have|had|is|are|was|were)\s+$/i.test(ctx.doc.clean.slice(Math.max(0, m.index - 8), m.index))) continue;
      }
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', PRESENT_VALUE[m[1].toLowerCase()], 'relative/present'));
    }
    return out;
  },
};
