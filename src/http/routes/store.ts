// The fact store over HTTP: ingest articles, query quotes, figures, events, articles and
// entities across everything stored. Query parameters are validated by zod (unknown ones too).
import { Router, type Request } from 'express';
import { z } from 'zod';
import { EntityType, FigureKind, isoDate } from '../../core/factsheet';
import { CursorError } from '../../store/cursor';
import { ingestArticle } from '../../store/service';
import { ArticleIngest, type FactStore } from '../../store/types';
import { HttpProblem, zodErrors } from '../problem';

const text = z.string().trim().min(1).max(200);
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() };
const range = { from: isoDate.optional(), to: isoDate.optional() };
const ordered = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;

export const QuotesQuery = z.strictObject({ speaker: text.optional(), about: text.optional(), q: text.optional(), ...range, ...page })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const FiguresQuery = z.strictObject({
  subject: text.optional(), kind: FigureKind.optional(), unit: z.string().trim().min(1).max(12).optional(),
  min: z.coerce.number().finite().optional(), max: z.coerce.number().finite().optional(), ...range, ...page,
}).refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, { message: 'min is greater than max', path: ['min'] })
  .refine(ordered, { message: 'from is after to', path: ['from'] });
export const ConflictsQuery = z.strictObject({ subject: text.optional() });
export const EventsQuery = z.strictObject({ entity: text.optional(), ...range, ...page }).refine(ordered, { message: 'from is after to', path: ['from'] });
export const ArticlesQuery = z.strictObject({ q: text.optional(), entity: text.optional(), ...range, ...page }).refine(ordered, { message: 'from is after to', path: ['from'] });
export const EntitiesQuery = z.strictObject({ q: text.optional(), type: EntityType.optional(), ...page });
const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
const EntityId = z.coerce.number().int().min(1);

/** Validates; a problem names each bad field (`field` names a bare value such as a path parameter). */
function parse<T>(schema: z.ZodType<T>, value: unknown, what = 'query', field?: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const errors = zodErrors(r.error).map((e) => (e.field !== '(body)' ? e
      : r.error.issues[0].code === 'unrecognized_keys' ? { field: (r.error.issues[0] as { keys: string[] }).keys.join(','), message: 'unknown parameter' }
      : { ...e, field: field ?? e.field }));
    throw new HttpProblem(400, 'Invalid input', `bad ${what}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  return r.data;
}

const paged = async <T>(fn: () => Promise<T>): Promise<T> => {
  try { return await fn(); } catch (e) {
    if (e instanceof CursorError) throw new HttpProblem(400, 'Invalid input', e.message, [{ field: 'cursor', message: e.message }]);
    throw e;
  }
};

export function storeRoutes(store: FactStore): Router {
  const r = Router();

  r.post('/v1/articles', async (req: Request, res) => {
    if (!req.is('application/json')) throw new HttpProblem(415, 'Unsupported media type', 'send application/json', [{ field: 'Content-Type', message: 'unsupported' }]);
    const input = parse(ArticleIngest, req.body, 'body');
    const { record, outcome } = await ingestArticle(store, input);
    res.status(outcome === 'unchanged' ? 200 : 201).location(`/v1/articles/${encodeURIComponent(record.id)}`).json({ outcome, article: record });
  });

  r.get('/v1/articles', async (req, res) => { res.json(await paged(() => store.listArticles(parse(ArticlesQuery, req.query)))); });

  r.get('/v1/articles/:id', async (req, res) => {
    const { version } = parse(VersionQuery, req.query);
    const stored = await store.getArticle(req.params.id, version);
    if (!stored) throw new HttpProblem(404, 'Not found', `no article ${req.params.id}${version ? ` version ${version}` : ''}`, [{ field: version ? 'version' : 'id', message: 'not found' }]);
    res.json({ article: stored.record, text: stored.text, sheet: stored.sheet });
  });

  r.get('/v1/quotes', async (req, res) => { res.json(await paged(() => store.quotes(parse(QuotesQuery, req.query)))); });
  r.get('/v1/figures/conflicts', async (req, res) => { res.json({ items: await store.figureConflicts(parse(ConflictsQuery, req.query).subject) }); });
  r.get('/v1/figures', async (req, res) => { res.json(await paged(() => store.figures(parse(FiguresQuery, req.query)))); });
  r.get('/v1/events', async (req, res) => { res.json(await paged(() => store.events(parse(EventsQuery, req.query)))); });
  r.get('/v1/entities', async (req, res) => { res.json(await paged(() => store.listEntities(parse(EntitiesQuery, req.query)))); });

  r.get('/v1/entities/:id', async (req, res) => {
    const id = parse(EntityId, req.params.id, 'entity id', 'id');
    parse(z.strictObject({}), req.query);
    const entity = await store.getEntity(id);
    if (!entity) throw new HttpProblem(404, 'Not found', `no entity ${id}`, [{ field: 'id', message: 'not found' }]);
    res.json({
      entity,
      quotes: await store.quotes({ entityId: id, limit: 50 }),
      events: await store.events({ entityId: id, limit: 50 }),
      figures: await store.figures({ entityId: id, limit: 50 }),
    });
  });
  return r;
}
