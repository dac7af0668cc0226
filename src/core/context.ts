// What every rule receives: the document model, the publication date, and the facts of the
// passes that ran before it (entities first, then dates, figures, quotes, events).
import type { DocumentModel } from './document/model';
import type { DateFact, Entity, Figure, Quote } from './factsheet';

export interface YMD { year: number; month: number; day: number }

export interface Context {
  doc: DocumentModel;
  publishedAt: YMD | null;
  entities: Entity[];
  dates: DateFact[];
  figures: Figure[];
  quotes: Quote[];
}

/** A rule finds one kind of fact; `name` is what `rule` says on every fact it produces. */
export interface Rule<C> { name: string; find(ctx: Context): C[] }
/** A refiner sees every candidate of a pass at once: merges, filters, removes overlaps. */
export interface Refiner<C> { name: string; refine(ctx: Context, candidates: C[]): C[] }

export function runPipeline<C>(ctx: Context, rules: Rule<C>[], refiners: Refiner<C>[]): C[] {
  let out: C[] = [];
  for (const r of rules) out.push(...r.find(ctx));
  for (const f of refiners) out = f.refine(ctx, out);
  return out;
}

/** Interval helpers shared by refiners. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** Keeps the longest of overlapping spans (ties: the earlier rule, i.e. the earlier candidate). */
export function longestNonOverlapping<T extends { start: number; end: number }>(items: T[]): T[] {
  const order = items.map((it, i) => ({ it, i })).sort((a, b) => (b.it.end - b.it.start) - (a.it.end - a.it.start) || a.i - b.i);
  const kept: T[] = [];
  for (const { it } of order) if (!kept.some((k) => overlaps(k, it))) kept.push(it);
  return kept.sort((a, b) => a.start - b.start);
}
