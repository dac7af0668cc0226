// Rule `dateline`: complete dates in lines the document model blanked (teaser headlines, source and
// category lines) are still dates; partial ones and dates in running text are left to the other rules.
import type { Context } from '../../src/core/context';
import { datelines } from '../../src/core/dates/dateline';

/** A context whose `clean` text blanks the given substrings, as the boilerplate pass does. */
function ctxWith(text: string, blanked: string[]): Context {
  let clean = text;
  for (const b of blanked) clean = clean.replace(b, ' '.repeat(b.length));
  return { doc: { text, clean }, publishedAt: { year: 2009, month: 4, day: 4 } } as unknown as Context;
}
const found = (text: string, blanked: string[]) => datelines.find(ctxWith(text, blanked)).map((d) => [d.text, d.value]);

test.each([
  ['Painter opens studio\nSaturday, April 4, 2009\nThe painter opened her studio.', ['Saturday, April 4, 2009'], [['Saturday, April 4, 2009', '2009-04-04']]],
  ['A storm flooded the valley.\nSources\n— Valley Times, August 16, 2008', ['— Valley Times, August 16, 2008'], [['August 16, 2008', '2008-08-16']]],
  ['Categories: 15 August 2008 Canada', ['Categories: 15 August 2008 Canada'], [['15 August 2008', '2008-08-15']]],
])('%s', (text, blanked, expected) => {
  expect(found(text, blanked)).toEqual(expected);
});

test('dates in running text and partial dates in blanked lines are not taken', () => {
  expect(found('The studio opened on April 4, 2009.', [])).toEqual([]);
  expect(found('Related: April 2009 archive', ['Related: April 2009 archive'])).toEqual([]);
});
