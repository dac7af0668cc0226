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
  /** Set only with `debug: true`: where runPipeline records what each rule produced and each refiner removed. */
  trace?: Trace;
}

/** The debug trace of one extraction (chrono's `context.debug`): one line per candidate a rule produced or a
 * refiner dropped, so a failing corpus row shows which step lost or invented a fact. */
export interface Trace { pass: string; lines: TraceLine[] }

/** A rule finds one kind of fact; `name` is what `rule` says on every fact it produces. */
export interface Rule<C> { name: string; find(ctx: Context): C[] }
/** A refiner sees every candidate of a pass at once: merges, filters, removes overlaps. */
export interface Refiner<C> { name: string; refine(ctx: Context, candidates: C[]): C[] }

export function runPipeline<C>(ctx: Context, rules: Rule<C>[], refiners: Refiner<C>[]): C[] {
  const trace = ctx.trace;
  let out: C[] = [];
  for (const r of rules) {
    const found = r.find(ctx);
    if (trace) for (const c of found) trace.lines.push(traceLine(trace.pass, r.name, 'produced', c));
    out.push(...found);
  }
  for (const f of refiners) {
    const before = out;
    const snapshot = trace ? new Map(before.map((c) => [c, JSON.stringify(c)])) : null;
    out = f.refine(ctx, out);
    if (trace && snapshot) {
      const kept = new Set(out);
      for (const c of before) if (!kept.has(c)) trace.lines.push(traceLine(trace.pass, f.name, 'removed', c));
      for (const c of out) {
        if (!snapshot.has(c) || snapshot.get(c) !== JSON.stringify(c)) trace.lines.push(traceLine(trace.pass, f.name, 'rewrote', c));
      }
    }
  }
  return out;
}

export interface TraceLine { pass: string; step: string; action: 'produced' | 'removed' | 'rewrote'; start?: number; end?: number; text?: string }

function traceLine(pass: string, step: string, action: TraceLine['action'], candidate: unknown): TraceLine {
  const c = candidate as { start?: unknown; end?: unknown; text?: unknown; name?: unknown };
  const text = typeof c.text === 'string' ? c.text : typeof c.name === 'string' ? c.name : undefined;
  return {
    pass, step, action, text,
    start: typeof c.start === 'number' ? c.start : undefined, end: typeof c.end === 'number' ? c.end : undefined,
  };
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
