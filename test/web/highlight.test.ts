// The highlighter is a pure function (displaCy's render): tested without a browser.
import fc from 'fast-check';
import { escapeHtml, highlight, type HighlightSpan } from '../../src/web/highlight';

const span = (start: number, end: number, type: string, key: string): HighlightSpan => ({ start, end, type, key });

test('text outside facts is escaped once, facts become marks carrying their keys', () => {
  const html = highlight('<b>Ann & Bo</b> met', [span(3, 6, 'person', 'E1')]);
  expect(html).toBe(
    '&lt;b&gt;<mark class="f f-person" data-at="3" data-facts="E1" data-starts="E1">Ann</mark> &amp; Bo&lt;/b&gt; met',
  );
});

test('overlapping facts: pieces carry every covering fact, coloured by the narrowest non-quote', () => {
  const text = 'He said Ann Lee came.';
  const html = highlight(text, [span(8, 20, 'quote', 'Q1'), span(8, 15, 'person', 'E1')]);
  expect(html).toContain(
    '<mark class="f f-person in-quote" data-at="8" data-facts="Q1 E1" data-starts="Q1 E1">Ann Lee</mark>',
  );
  expect(html).toContain('<mark class="f f-quote" data-at="15" data-facts="Q1"> came</mark>');
});

test('hover titles are escaped, bad spans are dropped rather than thrown on', () => {
  const html = highlight('abc', [
    { ...span(0, 1, 'date', 'D1'), title: '"x" <y>' },
    span(2, 9, 'date', 'D2'),
    span(2, 1, 'date', 'D3'),
  ]);
  expect(html).toBe(
    '<mark class="f f-date" data-at="0" data-facts="D1" data-starts="D1" title="&quot;x&quot; &lt;y&gt;">a</mark>bc',
  );
});

test('property: removing the tags gives back the escaped text, whatever the spans', () => {
  const arb = fc
    .string({ maxLength: 60 })
    .chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('person', 'quote', 'date')), {
          maxLength: 8,
        }),
      ),
    );
  fc.assert(
    fc.property(arb, ([text, raw]) => {
      const spans = raw.map(([a, b, t], i) => span(Math.min(a, b), Math.max(a, b), t, `K${i}`));
      expect(highlight(text, spans).replace(/<\/?mark[^>]*>/g, '')).toBe(escapeHtml(text));
    }),
  );
});
