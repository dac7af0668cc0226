// Linear time on any input: for each adversarial family, time(200 KB) / time(25 KB) must stay
// near 8 (allowed: GROWTH_LIMIT). The best of a few runs of CPU time is compared, not wall-clock limits. Quotes are left out here: their own growth rows live with them.
// HTML pages are bounded before Readability (src/input/html-bounds.ts).
import { extract } from '../../src/core';
import { articleFromHtml } from '../../src/input/html';
import { boundHtml } from '../../src/input/html-bounds';
import { cpuBest, growth, GROWTH_LIMIT, LARGE, SMALL } from '../support/growth';
import { FAMILIES, nestedDivs, unclosedDivs } from './adversarial';

const NOT_QUOTES = {
  include: ['entities', 'dates', 'figures', 'events'] as ('entities' | 'dates' | 'figures' | 'events')[],
};

function best(fn: () => void, runs: number): number {
  return cpuBest(runs, fn, () => undefined);
}

beforeAll(() => {
  extract('Warm up the tagger on Monday, said Ana Ruiz.');
});

describe.each(Object.entries(FAMILIES))('%s', (_name, make) => {
  test('grows linearly (200 KB / 25 KB)', () => {
    const small = make(SMALL),
      large = make(LARGE);
    const tSmall = best(() => extract(small, NOT_QUOTES), 3);
    const tLarge = best(() => extract(large, NOT_QUOTES), 2);
    // below a few ms the ratio is noise: a floor keeps it meaningful
    expect(growth(tSmall, tLarge, 25)).toBeLessThanOrEqual(GROWTH_LIMIT);
  }, 120_000);
});

describe.each([
  ['nested <div>s', nestedDivs],
  ['unclosed <div>s', unclosedDivs],
])('HTML: %s', (_name, make) => {
  test('reading the page grows linearly (200 KB / 25 KB), and its sentence survives', () => {
    const small = make(SMALL),
      large = make(LARGE);
    const tSmall = best(() => articleFromHtml(small), 3);
    const tLarge = best(() => articleFromHtml(large), 2);
    expect(growth(tSmall, tLarge, 25)).toBeLessThanOrEqual(GROWTH_LIMIT);
    expect(articleFromHtml(large).text).toMatch(/The minister said/);
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
