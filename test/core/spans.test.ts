// The span helpers shared by refiners agree with the pairwise definition they replace.
import fc from 'fast-check';
import { longestNonOverlapping, overlapFinder, overlapIndex, overlaps } from '../../src/core/context';
import { chunkEnds } from '../../src/core/document/chunks';

const span = fc.tuple(fc.nat(60), fc.nat(12)).map(([start, len]) => ({ start, end: start + len }));

function pairwise<T extends { start: number; end: number }>(items: T[]): T[] {
  const order = items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => b.it.end - b.it.start - (a.it.end - a.it.start) || a.i - b.i);
  const kept: T[] = [];
  for (const { it } of order) if (!kept.some((k) => overlaps(k, it))) kept.push(it);
  return kept.sort((a, b) => a.start - b.start);
}

test('longestNonOverlapping keeps what the pairwise comparison kept', () => {
  fc.assert(
    fc.property(
      fc.array(
        span.filter((s) => s.end > s.start),
        { maxLength: 40 },
      ),
      (items) => {
        expect(longestNonOverlapping(items)).toEqual(pairwise(items));
      },
    ),
    { numRuns: 500 },
  );
});

test('overlapIndex answers as overlaps() over every span would', () => {
  fc.assert(
    fc.property(fc.array(span, { maxLength: 30 }), span, (spans, q) => {
      expect(overlapIndex(spans)(q)).toBe(spans.some((s) => overlaps(s, q)));
    }),
    { numRuns: 500 },
  );
});

test('overlapFinder returns the spans overlaps() finds, latest start first', () => {
  fc.assert(
    fc.property(fc.array(span, { maxLength: 30 }), span, (spans, q) => {
      const found = overlapFinder(spans)(q);
      expect(new Set(found)).toEqual(new Set(spans.filter((s) => s.end > q.start && s.start < q.end)));
      expect(found.map((s) => s.start)).toEqual([...found.map((s) => s.start)].sort((a, b) => b - a));
    }),
    { numRuns: 500 },
  );
});

test('overlapFinder stays near-linear when one long span keeps the maximum end high', () => {
  const time = (n: number): number => {
    const spans = [
      { start: 0, end: n * 10 },
      ...Array.from({ length: n }, (_, i) => ({ start: i * 10 + 10, end: i * 10 + 15 })),
    ];
    const t0 = process.hrtime.bigint();
    const at = overlapFinder(spans);
    for (let i = 0; i < n; i++) at({ start: i * 10 + 20, end: i * 10 + 22 });
    return Number(process.hrtime.bigint() - t0);
  };
  // the best of a few runs, and sizes 8× apart: n log n gives ~9–10, quadratic ~64
  const best = (n: number): number => Math.min(...[0, 1, 2].map(() => time(n)));
  time(2000);
  expect(best(64000) / best(8000)).toBeLessThan(20);
});

test('chunkEnds cuts at a line break, then a sentence end, then whitespace, never above the limit', () => {
  expect(chunkEnds('short', 10)).toEqual([5]);
  const text = 'one two. three four five six seven\neight nine ten';
  const ends = chunkEnds(text, 20);
  let from = 0;
  for (const e of ends) {
    expect(e - from).toBeLessThanOrEqual(20);
    from = e;
  }
  expect(ends[ends.length - 1]).toBe(text.length);
  expect(chunkEnds('aaaa bbbb. cccc dddd eeee', 20)[0]).toBe(11); // after "bbbb. "
  expect(chunkEnds('x'.repeat(25), 10)).toEqual([10, 20, 25]);
});
