// The entity pass alone grows linearly: time(200 KB) / time(25 KB) ≤ 16 (linear is 8). The document is
// built outside the timing (tagging is the shared cost, and would hide the pass's own growth); a fresh
// document per run, so per-document caches are measured too. CPU time of this process, the best of a
// few runs: the machine is shared. A list of thousands of distinct names once made clustering quadratic
// (every short name scanned every longer one), and every title scanned every candidate for its affiliation.
import type { Context } from '../../src/core/context';
import { buildDocument } from '../../src/core/document/model';
import { extractEntities } from '../../src/core/entities';
import { growth, GROWTH_LIMIT } from '../support/growth';

/** "Qbo", "Qcdo": distinct capitalised words English does not know. */
const word = (i: number) =>
  'Q' + [...i.toString(26)].map((d) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(d, 26)]).join('') + 'o';
const build = (unit: (i: number) => string, n: number) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += unit(i);
  return s;
};

const FAMILIES: Record<string, (i: number) => string> = {
  'distinct two-word names separated by commas': (i) => `${word(i)} ${word(i + 7)}, `,
  'distinct one-word names separated by commas': (i) => `${word(i)}, `,
  'titled names with affiliations, one sentence': (i) => `Mayor ${word(i)} ${word(i + 3)} of ${word(i + 5)} City, `,
  'surnames after their full names': (i) => `${word(i)} ${word(i + 1)} and ${word(i)}, `,
  'commas and spaces': () => ', ',
};

describe('the entity pass grows linearly on adversarial input', () => {
  for (const [name, unit] of Object.entries(FAMILIES)) {
    test(
      name,
      () => {
        const context = (size: number): Context => ({
          doc: buildDocument(build(unit, size)),
          publishedAt: null,
          entities: [],
          dates: [],
          figures: [],
          quotes: [],
        });
        // below 10 ms the noise of a shared machine dominates the ratio
        expect(growth(extractEntities, context, { floorMs: 10 })).toBeLessThanOrEqual(GROWTH_LIMIT);
      },
      120_000,
    );
  }
});
