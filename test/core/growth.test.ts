// Linear time on any input: for each adversarial family, time(200 KB) / time(25 KB) ≤ 16 (linear is 8),
// measured by test/support/growth.ts, never a wall-clock limit. Quotes are left out here: their own
// growth rows live with them.
// HTML pages are bounded before Readability (src/input/html-bounds.ts).
import { extract } from '../../src/core';
import { articleFromHtml } from '../../src/input/html';
import { boundHtml } from '../../src/input/html-bounds';
import { growth, GROWTH_LIMIT, LARGE } from '../support/growth';
import { FAMILIES, nestedDivs, unclosedDivs } from './adversarial';

const NOT_QUOTES = {
  include: ['entities', 'dates', 'figures', 'events'] as ('entities' | 'dates' | 'figures' | 'events')[],
};

beforeAll(() => {
  extract('Warm up the tagger on Monday, said Ana Ruiz.');
});

describe.each(Object.entries(FAMILIES))('%s', (_name, make) => {
  test('grows linearly (200 KB / 25 KB ≤ 16)', () => {
    // below a few ms the ratio is noise: a floor keeps it meaningful
    expect(growth((text) => extract(text, NOT_QUOTES), make, { floorMs: 25 })).toBeLessThanOrEqual(GROWTH_LIMIT);
  }, 120_000);
});

describe.each([
  ['nested <div>s', nestedDivs],
  ['unclosed <div>s', unclosedDivs],
])('HTML: %s', (_name, make) => {
  test('reading the page grows linearly (200 KB / 25 KB ≤ 16), and its sentence survives', () => {
    expect(growth(articleFromHtml, make, { floorMs: 25 })).toBeLessThanOrEqual(GROWTH_LIMIT);
    expect(articleFromHtml(make(LARGE)).text).toMatch(/The minister said/);
  }, 120_000);
});

test('boundHtml keeps shallow pages as they are and flattens past the depth limit, keeping text', () => {
  const page = '<html><body><div><p>One.</p><p>Two</div></body></html>';
  expect(boundHtml(page).html).toBe(page);
  const deep = boundHtml('<div>'.repeat(10) + '<p>Deep text.</p>' + '</div>'.repeat(10), 4);
  expect(deep.depth).toBe(4);
  expect(deep.html).toContain('Deep text.');
  expect((deep.html.match(/<div>/g) ?? []).length).toBe(4);
  expect((deep.html.match(/<\/div>/g) ?? []).length).toBe(4);
  expect(boundHtml('<script>if (a<b && c>d) go()</script><p>x</p>', 1).html).toContain('if (a<b && c>d) go()');
});
