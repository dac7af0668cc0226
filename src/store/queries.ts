// The store's query filters, shared by the HTTP routes and `factsheet query`. Unknown parameters
// are errors (strict objects), so a misspelt filter is never silently ignored.
import { z } from 'zod';
import { EntityType, FigureKind, isoDate } from '../core/factsheet';

const text = z.string().trim().min(1).max(200);
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() };
const range = { from: isoDate.optional(), to: isoDate.optional() };
const ordered = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;

export const QuotesQuery = z
  .strictObject({ speaker: text.optional(), about: text.optional(), q: text.optional(), ...range, ...page })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const FiguresQuery = z
  .strictObject({
    subject: text.optional(),
    kind: FigureKind.optional(),
    unit: z.string().trim().min(1).max(12).optional(),
    min: z.coerce.number().finite().optional(),
    max: z.coerce.number().finite().optional(),
    ...range,
    ...page,
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
    message: 'min is greater than max',
    path: ['min'],
  })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const ConflictsQuery = z.strictObject({ subject: text.optional() });
export const EventsQuery = z
  .strictObject({ entity: text.optional(), ...range, ...page })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const ArticlesQuery = z
  .strictObject({ q: text.optional(), entity: text.optional(), ...range, ...page })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const EntitiesQuery = z.strictObject({ q: text.optional(), type: EntityType.optional(), ...page });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const EntityId = z.coerce.number().int().min(1);
/** Article fields as query parameters, for a text/plain ingest body. */
export const IngestQuery = z.strictObject({
  id: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  publishedAt: z.string().optional(),
});
