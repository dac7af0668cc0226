// The not-a-figure filter is a list of rows {reason, test}: a dropped candidate says which row dropped it.
import { buildDocument } from '../../src/core/document/model';
import { extractDates } from '../../src/core/dates';
import { amounts } from '../../src/core/figures/amounts';
import { whyNotAFigure } from '../../src/core/figures/filters';
import type { Context } from '../../src/core/context';

function reasons(text: string): Record<string, string | null> {
  const ctx: Context = {
    doc: buildDocument(text),
    publishedAt: { year: 2025, month: 7, day: 4 },
    entities: [],
    dates: [],
    figures: [],
    quotes: [],
  };
  ctx.dates = extractDates(ctx);
  return Object.fromEntries(amounts.find(ctx).map((f) => [f.text, whyNotAFigure(ctx, f)]));
}

describe('whyNotAFigure', () => {
  test('names the row that dropped a candidate, and null for a figure', () => {
    expect(reasons('Apple sold the iPhone 4, and 300 buyers came.')).toEqual({
      4: 'product, model or version after a name',
      300: null,
    });
    expect(reasons('See page 12 of the report.')).toEqual({
      12: 'number used as a name ("Flight 447", "page 5", "No. 3")',
    });
    expect(reasons('Call 555-1234 today.')['555-1234']).toMatch(/phone/);
    expect(reasons('Read http://example.com/a%20b now.')).toEqual({});
  });
});
