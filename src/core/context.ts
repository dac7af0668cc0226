// What every rule receives: the document model, the publication date, and the facts of the
// passes that ran before it (entities first, then dates, figures, quotes, events).
import type { DocumentModel } from './document/model';
import type { DateFact, Entity, Figure, Quote } from './factsheet';
import { firstFrom } from './text';

export interface YMD {
  year: number;
  month: number;
  day: number;
}

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
export interface Trace {
  pass: string;
  lines: TraceLine[];
}

/** A rule finds one kind of fact; `name` is what `rule` says on every fact it produces. */
export interface Rule<C> {
  name: string;
  find(ctx: Context): C[];
}
/** A refiner sees every candidate of a pass at once: merges, filters, removes overlaps. */
export interface Refiner<C> {
  name: string;
  refine(ctx: Context, candidates: C[]): C[];
}

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
        if (!snapshot.has(c) || snapshot.get(c) !== JSON.stringify(c))
          trace.lines.push(traceLine(trace.pass, f.name, 'rewrote', c));
      }
    }
  }
  return out;
}

export interface TraceLine {
  pass: string;
  step: string;
  action: 'produced' | 'removed' | 'rewrote';
  start?: number;
  end?: number;
  text?: string;
}

function traceLine(pass: string, step: string, action: TraceLine['action'], candidate: unknown): TraceLine {
  const c = candidate as { start?: unknown; end?: unknown; text?: unknown; name?: unknown };
  const text = typeof c.text === 'string' ? c.text : typeof c.name === 'string' ? c.name : undefined;
  return {
    pass,
    step,
    action,
    text,
    start: typeof c.start === 'number' ? c.start : undefined,
    end: typeof c.end === 'number' ? c.end : undefined,
  };
}

/** Interval helpers shared by refiners. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * A set of disjoint spans answering "does [start, end) overlap one of you?" in O(log n): a
 * Fenwick tree counts kept starts by position; the nearest kept span starting before `start`
 * is the only other one that can reach into it.
 */
class DisjointSpans {
  private readonly tree: Int32Array;
  private readonly endAt: Int32Array;
  private readonly size: number;
  private readonly top: number;
  constructor(limit: number) {
    this.size = limit + 1;
    this.tree = new Int32Array(this.size + 1);
    this.endAt = new Int32Array(this.size).fill(-1);
    let top = 1;
    while (top * 2 <= this.size) top *= 2;
    this.top = top;
  }
  /** how many kept spans start before `at` */
  private before(at: number): number {
    let n = 0;
    for (let i = Math.min(at, this.size); i > 0; i -= i & -i) n += this.tree[i];
    return n;
  }
  /** the start of the k-th kept span (1-based), by binary lifting over the tree */
  private kth(k: number): number {
    let pos = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      if (pos + step <= this.size && this.tree[pos + step] < k) {
        pos += step;
        k -= this.tree[pos];
      }
    }
    return pos; // tree index pos + 1 holds start pos
  }
  overlaps(start: number, end: number): boolean {
    const b = this.before(start);
    if (this.before(Math.max(start, end)) > b) return true; // a kept span starts inside
    if (b === 0) return false;
    return this.endAt[this.kth(b)] > start;
  }
  add(start: number, end: number): void {
    this.endAt[start] = end;
    for (let i = start + 1; i <= this.size; i += i & -i) this.tree[i]++;
  }
}

/** Keeps the longest of overlapping spans (ties: the earlier rule, i.e. the earlier candidate). O(n log n). */
export function longestNonOverlapping<T extends { start: number; end: number }>(items: T[]): T[] {
  const order = items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => b.it.end - b.it.start - (a.it.end - a.it.start) || a.i - b.i);
  const limit = items.reduce((m, it) => Math.max(m, it.end, it.start), 0);
  const kept = new DisjointSpans(limit);
  const out: T[] = [];
  for (const { it } of order) {
    // an empty span overlaps nothing under `overlaps`: keep it, but it reserves no room
    if (it.end <= it.start) {
      out.push(it);
      continue;
    }
    if (!kept.overlaps(it.start, it.end)) {
      kept.add(it.start, it.end);
      out.push(it);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The spans overlapping a query span, for many questions over one list: spans sorted by start under a segment
 * tree of maximum ends, so a query visits only subtrees that reach past its start. O(log n + k log n) per query;
 * a prefix maximum alone would walk back over every earlier span whenever one long span (a whole-article period)
 * keeps the maximum high — quadratic on a text of thousands of numbers. Results come latest start first.
 */
export function overlapFinder<T extends { start: number; end: number }>(
  spans: T[],
): (s: { start: number; end: number }) => T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const n = sorted.length;
  let size = 1;
  while (size < n) size *= 2;
  const maxEnd = new Float64Array(2 * size).fill(-Infinity);
  sorted.forEach((x, i) => {
    maxEnd[size + i] = x.end;
  });
  for (let i = size - 1; i > 0; i--) maxEnd[i] = Math.max(maxEnd[2 * i], maxEnd[2 * i + 1]);
  return (s) => {
    const lo = firstFrom(sorted, s.end); // first span starting at or after s.end
    const out: T[] = [];
    // among sorted[0, lo): every span ending after s.start, right subtree first (latest start first)
    const visit = (node: number, from: number, width: number): void => {
      if (from >= lo || maxEnd[node] <= s.start) return;
      if (width === 1) {
        out.push(sorted[from]);
        return;
      }
      const half = width >> 1;
      visit(2 * node + 1, from + half, half);
      visit(2 * node, from, half);
    };
    visit(1, 0, size);
    return out;
  };
}

/** "Does this span overlap any of those?" for many questions over one list: O(log n) each. */
export function overlapIndex(spans: { start: number; end: number }[]): (s: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // prefix maximum of ends: the spans may overlap each other
  const maxEnd: number[] = [];
  sorted.forEach((x, i) => maxEnd.push(Math.max(x.end, i ? maxEnd[i - 1] : -Infinity)));
  return (s) => {
    const lo = firstFrom(sorted, s.end); // first span starting at or after s.end
    return lo > 0 && maxEnd[lo - 1] > s.start;
  };
}
