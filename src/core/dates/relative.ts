// Rules for expressions relative to the publication date: "yesterday", "today", "last week",
// "next month", "earlier this month", "this year", "two weeks ago", "now"; and the ones relative
// to the time the text is talking about ("that day", "the previous year", "three days later"),
// resolved by the `anchored` refiner against the last calendar date before them.
import type { Context, Refiner, Rule, YMD } from '../context';
import { lexicons } from '../lexicons';
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, parseYMD, weekday } from './calendar';
import { tenseOf } from './tense';
import { dateCandidate, matches, type DateCandidate } from './candidate';
import { alternation, cue, NUMBER_WORD_RE, numberValue, UNITS } from './words';

const L = lexicons.dates;
const DELTA: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1, this: 0, last: -1 };
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const DAY_WORDS = new RegExp(
  `\\b(${alternation(Object.keys(DELTA))})(?:\\s+(${alternation(Object.keys(PART_OF_DAY))}))?\\b`,
  'gi',
);
/** "over the weekend": the weekend the tense points at (TIMEX3 week value with -WE). */
const WEEKEND = new RegExp(`\\b(?:${alternation(L.cues.weekendPrepositions)})\\s+(the\\s+weekend)\\b`, 'gi');

const CYCLE = new RegExp(
  `\\b(?:(earlier|later|this)\\s+)?(${cue('cycleModifiers')})\\s+(${cue('cycleUnits')})\\b`,
  'gi',
);
const AGO = new RegExp(
  `\\b(${NUMBER_WORD_RE}|a few|several|a couple of)\\s+(years?|months?|weeks?|days?|decades?)\\s+(ago|earlier|later)\\b(?!\\s+than)`,
  'gi',
);
const REFERENCES = new RegExp(`\\b(${alternation(Object.keys(L.references))})\\b`, 'gi');
const ANCHORED = new RegExp(
  `\\b(${alternation([...Object.keys(L.anchoredDays), ...Object.keys(L.anchoredPeriods)])})\\b`,
  'gi',
);
/** "over the past year", "in the last month": a stretch of time up to now, not the previous calendar period. */
const STRETCH_BEFORE = new RegExp(`\\b(?:${cue('stretchPrepositions')})\\s+$`, 'i');

export function cycleValue(p: YMD, unit: string, shift: number): string {
  switch (unit) {
    case 'day':
      return fmtDay(addDays(p, shift));
    case 'week':
      return fmtWeek(addDays(p, 7 * shift));
    case 'weekend':
      return `${fmtWeek(addDays(p, 7 * shift))}-WE`;
    case 'month': {
      const [y, m] = addMonths(p.year, p.month, shift);
      return fmtMonth(y, m);
    }
    case 'year':
      return String(p.year + shift);
    case 'quarter': {
      const q = Math.floor((p.month - 1) / 3) + shift;
      const y = p.year + Math.floor(q / 4);
      return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
    }
    case 'decade':
      return String(Math.floor(p.year / 10) + shift);
    // TIMEX3 names a century by the hundreds of its years: the 1900s are "19"
    default:
      return String(Math.floor(p.year / 100) + shift).padStart(2, '0');
  }
}

/** "tomorrow", "last night", "this morning" counted from `ref`: the value and type, or null for another phrase. */
export function dayWordValue(phrase: string, ref: YMD): { value: string; type: 'date' | 'time' } | null {
  const m = /^(\p{L}+)(?:\s+(\p{L}+))?$/u.exec(phrase.trim().toLowerCase());
  if (!m || !(m[1] in DELTA) || (m[2] && !(m[2] in PART_OF_DAY))) return null;
  const part = m[2] ? PART_OF_DAY[m[2]] : m[1] === 'tonight' ? 'NI' : null;
  return { value: fmtDay(addDays(ref, DELTA[m[1]])) + (part ? `T${part}` : ''), type: part ? 'time' : 'date' };
}

export const dayWords: Rule<DateCandidate> = {
  name: 'relative/day',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, DAY_WORDS)) {
      const word = m[1].toLowerCase();
      // "this morning", "last night": "this"/"last" name a day only with a part of it
      if ((word === 'this' || word === 'last') && (!m[2] || (word === 'last' && m[2].toLowerCase() !== 'night')))
        continue;
      const p = ctx.publishedAt;
      const part = m[2] ? PART_OF_DAY[m[2].toLowerCase()] : word === 'tonight' ? 'NI' : null;
      const value = p ? fmtDay(addDays(p, DELTA[word])) + (part ? `T${part}` : '') : null;
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, part ? 'time' : 'date', value, 'relative/day', {
          relative: true,
        }),
      );
    }
    for (const m of matches(ctx, WEEKEND)) {
      const p = ctx.publishedAt;
      const start = m.index + m[0].length - m[1].length;
      const future = p ? tenseOf(ctx, start, m.index + m[0].length) === 'future' : false;
      // the weekend before publication, or the next one in a future clause
      const value = p
        ? `${fmtWeek(addDays(p, future ? (6 - weekday(p) + 7) % 7 : -((weekday(p) + 7) % 7 || 7)))}-WE`
        : null;
      out.push(dateCandidate(ctx, start, m.index + m[0].length, 'date', value, 'relative/day', { relative: true }));
    }
    return out;
  },
};

export const cycles: Rule<DateCandidate> = {
  name: 'relative/cycle',
  find(ctx) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, CYCLE)) {
      const which = m[2].toLowerCase(),
        unit = m[3].toLowerCase();
      const the = /\bthe\s+$/i.exec(text.slice(Math.max(0, m.index - 4), m.index));
      const start = the && !m[1] ? m.index - the[0].length : m.index;
      // "the previous year", "the following month", "the same week": relative to the time the text talks about
      if (the && /^(?:previous|following|same)$/.test(which)) {
        const shift = which === 'previous' ? -1 : which === 'following' ? 1 : 0;
        out.push(
          dateCandidate(ctx, start, m.index + m[0].length, 'date', null, 'relative/anchored', {
            relative: true,
            anchor: { unit, shift },
          }),
        );
        continue;
      }
      if (!the && /^(?:following|same|previous)$/.test(which)) continue;
      const shift =
        which === 'last' || which === 'past' || which === 'previous'
          ? -1
          : which === 'next' || which === 'coming'
            ? 1
            : 0;
      // "over the past year": the stretch up to now (P1Y); "the last quarter" on its own names the period
      if (the && shift === -1 && STRETCH_BEFORE.test(text.slice(Math.max(0, start - 12), start))) {
        out.push(
          dateCandidate(ctx, start, m.index + m[0].length, 'duration', `P1${UNITS[unit] ?? 'Y'}`, 'relative/cycle'),
        );
        continue;
      }
      const value = ctx.publishedAt ? cycleValue(ctx.publishedAt, unit, shift) : null;
      out.push(dateCandidate(ctx, start, m.index + m[0].length, 'date', value, 'relative/cycle', { relative: true }));
    }
    return out;
  },
};

const AGO_UNIT: Record<string, string> = { day: 'day', week: 'week', month: 'month', year: 'year', decade: 'decade' };

export const ago: Rule<DateCandidate> = {
  name: 'relative/ago',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, AGO)) {
      const n = numberValue(m[1]);
      const unit = AGO_UNIT[m[2].toLowerCase().replace(/s$/, '')];
      const dir = m[3].toLowerCase();
      const end = m.index + m[0].length;
      if (dir !== 'ago') {
        // "three days later", "a year earlier": counted from the time the text is talking about
        // ("three years after it was due" is a duration and a signal, TimeML-style: the duration rule's)
        const shift = n !== null && Number.isInteger(n) ? (dir === 'later' ? n : -n) : null;
        out.push(
          dateCandidate(ctx, m.index, end, 'date', null, 'relative/anchored', {
            relative: true,
            anchor: shift === null ? undefined : { unit, shift },
          }),
        );
        continue;
      }
      const p = ctx.publishedAt;
      let value: string | null = null;
      if (p && n !== null && Number.isInteger(n)) value = cycleValue(p, unit, -n);
      else if (p && n === null) value = 'PAST_REF';
      out.push(dateCandidate(ctx, m.index, end, 'date', value, 'relative/ago', { relative: true }));
    }
    return out;
  },
};

/** Words that make "now", "later", "earlier" something other than a time: a sequence adverb or a comparison. */
const NOT_REFERENCE_BEFORE: Record<string, RegExp> = {
  now: new RegExp(`\\b(?:${cue('notNowBefore')})\\s+$`, 'i'),
  earlier:
    /\b(?:the|an?|much|than|any|no|its|their|his|her|even|far|years?|months?|weeks?|days?|hours?|decades?|minutes?)\s+$/i,
  recent: /\b(?:in|most|more)\s+$/i,
};
const NOT_REFERENCE_AFTER: Record<string, RegExp> = {
  now: /^-/,
  earlier: new RegExp(`^\\s+(?:${cue('notEarlierAfter')})\\b`, 'i'),
  // "recent" before its noun ("a recent poll") describes the noun; TIMEX3 marks it only as a predicate
  recent: /^\s+\w/i,
};

export const present: Rule<DateCandidate> = {
  name: 'relative/present',
  find(ctx: Context) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, REFERENCES)) {
      const word = m[1].toLowerCase().replace(/\s+/g, ' ');
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (NOT_REFERENCE_BEFORE[word]?.test(before) || NOT_REFERENCE_AFTER[word]?.test(after) || /^-\p{L}/u.test(after))
        continue;
      // "ongoing" is a time only as a predicate ("talks are ongoing"), not as an adjective before its noun
      if (word === 'ongoing' && !/^\s*[.,;)]/.test(after)) continue;
      // "earlier" is a time only standing alone, at the end of its clause ("as she said earlier")
      if (word === 'earlier' && !/^\s*(?:[.,;:)"”]|$)/.test(after)) continue;
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', L.references[word], 'relative/present'));
    }
    return out;
  },
};

export const anchoredWords: Rule<DateCandidate> = {
  name: 'relative/anchored',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, ANCHORED)) {
      const phrase = m[1].toLowerCase().replace(/\s+/g, ' ');
      const after = ctx.doc.clean.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // "the best 30 minutes of the day", "the goal of the session": a part of any day, not the day the text tells
      // ("the end of the session" is that day's end: the modified refiner bounds it)
      if (
        GENERIC.has(phrase) &&
        OF_BEFORE.test(ctx.doc.clean.slice(Math.max(0, m.index - 24), m.index)) &&
        !MOD_BEFORE.test(ctx.doc.clean.slice(Math.max(0, m.index - 24), m.index))
      )
        continue;
      // "the day of the attack", "the day when", "the day's": the phrase is a noun with its own complement
      if (COMPLEMENT_AFTER.test(after) && !/before|after/.test(phrase)) continue;
      // "the year before the war": a before/after phrase with its own complement is counted from that event
      if (/before|after/.test(phrase) && OWN_COMPLEMENT.test(after)) continue;
      const day = L.anchoredDays[phrase];
      const [code, shift] = L.anchoredPeriods[phrase]?.split(':') ?? [];
      const anchor = typeof day === 'number' ? { unit: 'day', shift: day } : { unit: UNIT_NAME[code], shift: +shift };
      out.push(
        dateCandidate(ctx, m.index, m.index + m[0].length, 'date', null, 'relative/anchored', {
          relative: true,
          anchor,
        }),
      );
    }
    return out;
  },
};
/** "the day of the attack", "the day when", "the day's": a noun with its own complement. */
const COMPLEMENT_AFTER = new RegExp(`^(?:'s|’s|\\s+(?:${cue('anchoredComplementAfter')})\\b)`, 'i');
/** "the year before the war": counted from that event. */
const OWN_COMPLEMENT = new RegExp(`^\\s+(?:${cue('determiners')}|\\p{Lu}|\\d)`, 'u');
const GENERIC = new Set(L.genericAfterOf.words);
const OF_BEFORE = /\bof\s+$/i;
const MOD_BEFORE = new RegExp(`\\b(?:${alternation(Object.keys(L.periodModifiers))})\\s+$`, 'i');
const UNIT_NAME: Record<string, string> = { D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade' };

/** How precise a reference value must be to anchor each unit. */
const NEEDS: Record<string, RegExp> = {
  day: /^\d{4}-\d\d-\d\d/,
  week: /^\d{4}-\d\d-\d\d/,
  weekend: /^\d{4}-\d\d-\d\d/,
  month: /^\d{4}-\d\d/,
  quarter: /^\d{4}-(?:\d\d|Q\d)/,
  year: /^\d{4}/,
  decade: /^\d{4}/,
  century: /^\d{4}/,
};

/**
 * Refiner `anchored`: "that day", "the previous year", "three days later" take the last calendar
 * date before them that is precise enough (the time the text is talking about), else the publication date.
 */
export const anchored: Refiner<DateCandidate> = {
  name: 'anchored',
  refine(ctx, dates) {
    let last: YMD | null = null;
    let lastValue = '';
    for (const d of dates) {
      if (d.anchor && d.type === 'date') {
        const { unit, shift } = d.anchor;
        // "shares ended the day 3 % lower on Tuesday": a day in the same sentence is the one meant
        const s = ctx.doc.sentenceOf(d.start);
        const same = dates.find(
          (o) => o !== d && !o.anchor && o.value && NEEDS.day.test(o.value) && ctx.doc.sentenceOf(o.start) === s,
        );
        if (same && unit === 'day' && shift === 0 && same.value) {
          d.value = same.value.slice(0, 10);
          delete d.note;
          continue;
        }
        const anchoredToText: boolean = !!last && !!NEEDS[unit]?.test(lastValue);
        const ref: YMD | null = anchoredToText ? last : (ctx.publishedAt ?? null);
        // "net income rose in the quarter" with no quarter named before: the last one that has ended
        const ended =
          !anchoredToText && unit === 'quarter' && shift === 0 && tenseOf(ctx, d.start, d.end) === 'past' ? -1 : 0;
        if (ref) {
          d.value = cycleValue(ref, unit, shift + ended);
          delete d.note;
        }
        if (ref && unit === 'quarter' && /Q\d/.test(lastValue) && last === ref) {
          const q = +lastValue.slice(6) - 1 + shift;
          d.value = `${ref.year + Math.floor(q / 4)}-Q${(((q % 4) + 4) % 4) + 1}`;
        }
      } else if (d.value && /^\d{4}(?:-|$)/.test(d.value) && (d.type === 'date' || d.type === 'time')) {
        const ymd = parseYMD(d.value) ?? parsePartial(d.value);
        if (ymd) {
          last = ymd;
          lastValue = d.value;
        }
      }
    }
    return dates;
  },
};

function parsePartial(v: string): YMD | null {
  const m = /^(\d{4})(?:-(\d\d)|-Q(\d))?/.exec(v);
  if (!m) return null;
  const month = m[2] ? +m[2] : m[3] ? (+m[3] - 1) * 3 + 1 : 1;
  return { year: +m[1], month, day: 1 };
}
