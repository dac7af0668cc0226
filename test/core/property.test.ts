// Invariants over arbitrary text: nothing throws, every fact's offsets slice to its text.
import fc from 'fast-check';
import { extract } from '../../src/core';
import type { FactSheet } from '../../src/core';

const pieces = ['Russia', 'said', '“', '”', '‘', '’', '"', "'", '$9 billion', 'in 2021', 'on Thursday', 'Minister', 'Amir Khan', ',', '.', '\n', '- ', '45%', 'the', 'United Nations (UN)', 'nearly four years', 'USSR', 'according to', 'A380', '1,979', ' ', 'é', '😀', '\t'];
const newsish = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((xs) => xs.join(' '));

function spans(s: FactSheet) {
  return [
    ...s.entities.flatMap((e) => [...e.mentions, ...e.roles]), ...s.dates, ...s.quotes, ...s.figures, ...s.boilerplate,
    ...s.quotes.flatMap((q) => [q.speaker, q.cue].filter((x): x is NonNullable<typeof x> => !!x)),
    ...s.figures.flatMap((f) => (f.subject ? [f.subject] : [])), ...s.events.map((e) => e.trigger),
  ];
}

test('every offset slices to its text, for any text', () => {
  fc.assert(fc.property(fc.oneof(newsish, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })), fc.option(fc.constantFrom('2025-07-04', '2000-02-29')), (text, publishedAt) => {
    const sheet = extract(text, { publishedAt });
    for (const s of spans(sheet)) {
      expect(s.start).toBeLessThanOrEqual(s.end);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  }), { numRuns: 300 });
});
