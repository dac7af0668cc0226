// The events pass alone grows linearly: time(200 KB) / time(25 KB) ≤ 16 (linear is 8). Tagging, entities
// and dates are built outside the timing (they have growth tests of their own). A list or liveblog
// without full stops is one "sentence": every date once searched the whole of it for its trigger,
// agent and the next date.
import type { Context } from '../../src/core/context';
import { extractDates } from '../../src/core/dates';
import { buildDocument } from '../../src/core/document/model';
import { extractEntities } from '../../src/core/entities';
import { extractEvents } from '../../src/core/events';
import { growth, GROWTH_LIMIT } from '../support/growth';

const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const FAMILIES: Record<string, string> = {
  'dated clauses with names, no full stop': 'on 4 May 2024 Ana Ruiz of the Harbour Board signed the lease, ',
  'dated list items under one lead-in': 'The Harbour Board said:\n- signed the lease on 4 May 2024\n',
  'dates with coordinated verbs, no full stop': 'Ana Ruiz resigned on Monday and the board met and voted, ',
};

describe('the events pass grows linearly on adversarial input', () => {
  const contexts = new Map<string, Context>();
  for (const [name, unit] of Object.entries(FAMILIES)) {
    test(
      name,
      () => {
        const context = (size: number): Context => {
          const key = `${name}/${size}`;
          let ctx = contexts.get(key);
          if (!ctx) {
            ctx = {
              doc: buildDocument(fill(unit, size)),
              publishedAt: { year: 2025, month: 7, day: 4 },
              entities: [],
              dates: [],
              figures: [],
              quotes: [],
            };
            ctx.entities = extractEntities(ctx);
            ctx.dates = extractDates(ctx);
            contexts.set(key, ctx);
          }
          return ctx;
        };
        expect(extractEvents(context(5000)).length).toBeGreaterThan(10);
        // below 5 ms the noise of a shared machine dominates the ratio
        expect(growth(extractEvents, context, { floorMs: 5 })).toBeLessThanOrEqual(GROWTH_LIMIT);
      },
      120_000,
    );
  }
});
