// The dates pass: rules in order, then refiners. Overlaps keep the longest expression
// ("April 8, 2025" over "2025", "two weeks ago" over "two weeks").
import { longestNonOverlapping, runPipeline, type Context, type Refiner, type Rule } from '../context';
import type { DateFact } from '../factsheet';
import type { DateCandidate } from './candidate';
import { chronoAbsolute } from './chrono-absolute';
import { clockWords } from './clock-words';
import { holidays, seasons } from './holidays';
import { durations } from './durations';
import { quarters, sets } from './periods';
import { ranges, timeAnchors } from './ranges';
import { join } from './join';
import { modified, periodOf } from './modified';
import { anchored, anchoredWords, ago, cycles, dayWords, present } from './relative';
import { speechTime } from './speech-time';
import { weekdays } from './weekdays';
import { centuries, decades, years } from './years';

export const rules: Rule<DateCandidate>[] = [
  chronoAbsolute,
  quarters,
  decades,
  centuries,
  years,
  ago,
  cycles,
  periodOf,
  dayWords,
  anchoredWords,
  weekdays,
  durations,
  sets,
  present,
  clockWords,
  holidays,
  seasons,
];

const overlap: Refiner<DateCandidate> = { name: 'overlap', refine: (_ctx, ds) => longestNonOverlapping(ds) };
export const refiners: Refiner<DateCandidate>[] = [overlap, join, modified, anchored, ranges, timeAnchors, speechTime];

export function extractDates(ctx: Context): DateFact[] {
  const found = runPipeline(ctx, rules, refiners);
  const ids = new Map(found.map((d, i) => [`${d.start}`, `D${i + 1}`]));
  return found.map(({ timeOnly: _internal, anchor: _anchor, ...d }, i) => ({
    id: `D${i + 1}`,
    ...d,
    range: d.range
      ? { role: d.range.role, other: d.range.other === null ? null : (ids.get(d.range.other) ?? null) }
      : undefined,
    sentence: ctx.doc.sentenceOf(d.start),
  }));
}
