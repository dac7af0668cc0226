// Invariants over arbitrary text: nothing throws, every fact's offsets slice to its text.
import fc from 'fast-check';
import { extract } from '../../src/core';
import type { FactSheet } from '../../src/core';

const pieces = [
  'Russia',
  'said',
  '“',
  '”',
  '‘',
  '’',
  '"',
  "'",
  '$9 billion',
  'in 2021',
  'on Thursday',
  'Minister',
  'Amir Khan',
  ',',
  '.',
  '\n',
  '- ',
  '45%',
  'the',
  'United Nations (UN)',
  'nearly four years',
  'USSR',
  'according to',
  'A380',
  '1,979',
  ' ',
  'é',
  '😀',
  '\t',
];
const newsish = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((xs) => xs.join(' '));

function spans(s: FactSheet) {
  return [
    ...s.entities.flatMap((e) => [...e.mentions, ...e.roles]),
    ...s.dates,
    ...s.quotes,
    ...s.figures,
    ...s.boilerplate,
    ...s.quotes.flatMap((q) => [q.speaker, q.cue].filter((x): x is NonNullable<typeof x> => !!x)),
    ...s.figures.flatMap((f) => (f.subject ? [f.subject] : [])),
    ...s.events.map((e) => e.trigger),
  ];
}

test('every offset slices to its text, for any text', () => {
  fc.assert(
    fc.property(
      fc.oneof(newsish, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })),
      fc.option(fc.constantFrom('2025-07-04', '2000-02-29')),
      (text, publishedAt) => {
        const sheet = extract(text, { publishedAt });
        for (const s of spans(sheet)) {
          expect(s.start).toBeLessThanOrEqual(s.end);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
      },
    ),
    { numRuns: 300 },
  );
});

// Realistic news text: names, titles, organisations, figures, dates and quotes in sentence
// shapes a wire story uses, joined by the whitespace real feeds carry (double spaces, NBSP,
// tabs, CRLF line ends) and both straight and curly quotes.
const NAMES = ['Chen Wei', 'Amina Diallo', 'Lars Holm', 'Priya Nair', 'Tomás Ruiz', 'Jean-Luc Moreau', "Sean O'Neill"];
const TITLES = [
  'the Foreign Minister',
  'the finance minister',
  'chief executive of Voltra',
  'the Kenyan president',
  'a spokesperson for the United Nations',
  'Prime Minister',
];
const ORGS = [
  'the Central Bank',
  'Voltra Energy Ltd',
  'the World Health Organization (WHO)',
  'Norden Shipping',
  'the European Union',
];
const WHEN = ['on Monday', 'last week', 'on 4 March 2024', 'in 2021', 'yesterday', 'next month', 'from 2009 to 2011'];
const FIGS = ['$12 billion', '4.5%', '1,200 clinics', 'nearly four years', '€3.2m', 'three ports', '45 per cent'];
const OPEN = ['“', '"', '‘'],
  CLOSE: Record<string, string> = { '“': '”', '"': '"', '‘': '’' };
const pick = <T>(xs: T[]) => fc.constantFrom(...xs);

const sentence = fc.oneof(
  fc
    .tuple(pick(NAMES), pick(TITLES), pick(WHEN), pick(FIGS))
    .map(([n, t, w, f]) => `${n}, ${t}, said ${w} that exports rose ${f}.`),
  fc
    .tuple(pick(OPEN), pick(FIGS), pick(NAMES), pick(WHEN))
    .map(([o, f, n, w]) => `${o}We expect ${f} before the end of the year,${CLOSE[o]} ${n} told reporters ${w}.`),
  fc.tuple(pick(ORGS), pick(FIGS), pick(WHEN)).map(([o, f, w]) => `According to ${o}, spending fell by ${f} ${w}.`),
  fc
    .tuple(pick(TITLES), pick(NAMES), pick(ORGS))
    .map(([t, n, o]) => `${t.replace(/^the /, '')} ${n} met ${o} in Nairobi.`),
  fc.tuple(pick(NAMES), pick(OPEN)).map(([n, o]) => `${n} said: ${o}This is not over.${CLOSE[o]}`),
);
const SPACES = [' ', ' ', ' ', '  ', '\u00a0', '\t', ' \u00a0'];
const BREAKS = ['\n', '\r\n', '\n\n', '\r\n\r\n', ' '];
/** Re-spaces a sentence: every single space may become a double space, an NBSP or a tab. */
const respace = (s: string) =>
  fc.array(pick(SPACES), { minLength: s.split(' ').length, maxLength: s.split(' ').length }).map((gaps) =>
    s
      .split(' ')
      .map((w, i) => (i ? gaps[i] : '') + w)
      .join(''),
  );
const article = fc
  .array(sentence.chain(respace), { minLength: 1, maxLength: 8 })
  .chain((ss) =>
    fc
      .array(pick(BREAKS), { minLength: ss.length, maxLength: ss.length })
      .map((bs) => ss.map((s, i) => s + bs[i]).join('')),
  );

test('every offset slices to its text, on realistic news text with real-world whitespace', () => {
  fc.assert(
    fc.property(article, (text) => {
      const sheet = extract(text, { publishedAt: '2025-07-04' });
      for (const s of spans(sheet)) {
        expect(s.start).toBeLessThanOrEqual(s.end);
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }),
    { numRuns: 200 },
  );
});
