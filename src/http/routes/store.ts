// The fact store over HTTP: ingest articles, query quotes, figures, events, articles and
// entities across everything stored. Query parameters are validated by zod (unknown ones too).
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { defaultConfig, type Config } from '../../config';
import type { FactSheet } from '../../core/factsheet';
import { FactsheetError } from '../../errors';
import { parseInput, parseQuery as parse } from '../../input/article';
import { CursorError } from '../../store/cursor';
import {
  ArticlesQuery,
  ConflictsQuery,
  EntitiesQuery,
  EntityId,
  EventsQuery,
  FiguresQuery,
  IngestQuery,
  QuotesQuery,
  VersionQuery,
} from '../../store/queries';
import { ingestArticle, ingestArticleWith } from '../../store/service';
import { boundPage } from '../../store/paging';
import { ArticleIngest, type FactStore, type Page } from '../../store/types';
import { articleBody } from '../body';
import { clientGone, submit, type Serving } from '../extraction';

export {
  ArticlesQuery,
  ConflictsQuery,
  EntitiesQuery,
  EventsQuery,
  FiguresQuery,
  QuotesQuery,
} from '../../store/queries';

const notFound = (detail: string, field: string) =>
  new FactsheetError('not-found', detail, [{ field, message: 'not found' }]);

/** An ingest body: JSON fields, or text/plain with the other fields as query parameters. */
function readIngest(req: Request, config: Config): ArticleIngest {
  if (req.is('application/json')) return parseInput(ArticleIngest, req.body, config);
  if (req.is('text/plain'))
    return parseInput(
      ArticleIngest,
      { ...parse(IngestQuery, req.query), text: typeof req.body === 'string' ? req.body : '' },
      config,
    );
  throw new FactsheetError(
    'unsupported-media-type',
    `send application/json or text/plain, not ${req.get('content-type') ?? 'a body without Content-Type'}`,
    [{ field: 'Content-Type', message: 'expected application/json or text/plain' }],
  );
}

/** One page of a list; its cursors are bound to the list and its filters (src/store/paging.ts). */
async function paged<Q extends { cursor?: string }, T>(
  list: string,
  query: Q,
  run: (q: Q) => Page<T> | Promise<Page<T>>,
): Promise<Page<T>> {
  try {
    return await boundPage(list, query, run);
  } catch (e) {
    if (e instanceof CursorError)
      throw new FactsheetError('invalid-input', e.message, [{ field: 'cursor', message: e.message }]);
    throw e;
  }
}

export function storeRoutes(
  store: FactStore,
  config: Config = defaultConfig(),
  serving?: Serving & { writeGuard?: RequestHandler },
): Router {
  const r = Router();
  const guard: RequestHandler = serving?.writeGuard ?? ((_q, _s, next) => next());

  r.post('/v1/articles', guard, ...articleBody(config.maxBodyBytes), async (req: Request, res) => {
    const input = readIngest(req, config);
    // extraction on the worker pool when there is one; the store is written here
    const done = serving
      ? await ingestArticleWith(store, input, async (a) => {
          const r = await submit(
            serving,
            res,
            { op: 'sheet', text: a.text, options: { publishedAt: a.publishedAt, title: a.title } },
            clientGone(res),
          );
          return r && r.kind === 'sheet' ? (r.sheet as FactSheet) : null;
        })
      : await ingestArticle(store, input);
    if (!done) return; // the client went away
    const { record, outcome } = done;
    res
      .status(outcome === 'unchanged' ? 200 : 201)
      .location(`/v1/articles/${encodeURIComponent(record.id)}`)
      .json({ outcome, article: record });
  });

  r.get('/v1/articles', async (req, res) => {
    res.json(await paged('articles', parse(ArticlesQuery, req.query), (q) => store.listArticles(q)));
  });

  r.get('/v1/articles/:id', async (req, res) => {
    const { version } = parse(VersionQuery, req.query);
    const stored = await store.getArticle(req.params.id, version);
    if (!stored)
      throw notFound(`no article ${req.params.id}${version ? ` version ${version}` : ''}`, version ? 'version' : 'id');
    res.json({ article: stored.record, text: stored.text, sheet: stored.sheet });
  });

  r.get('/v1/quotes', async (req, res) => {
    res.json(await paged('quotes', parse(QuotesQuery, req.query), (q) => store.quotes(q)));
  });
  r.get('/v1/figures/conflicts', async (req, res) => {
    res.json({ items: await store.figureConflicts(parse(ConflictsQuery, req.query).subject) });
  });
  r.get('/v1/figures', async (req, res) => {
    res.json(await paged('figures', parse(FiguresQuery, req.query), (q) => store.figures(q)));
  });
  r.get('/v1/events', async (req, res) => {
    res.json(await paged('events', parse(EventsQuery, req.query), (q) => store.events(q)));
  });
  r.get('/v1/entities', async (req, res) => {
    res.json(await paged('entities', parse(EntitiesQuery, req.query), (q) => store.listEntities(q)));
  });

  r.get('/v1/entities/:id', async (req, res) => {
    const id = parse(z.strictObject({ id: EntityId }), { id: req.params.id }).id;
    parse(z.strictObject({}), req.query);
    const entity = await store.getEntity(id);
    if (!entity) throw notFound(`no entity ${id}`, 'id');
    const byEntity: { entityId: number; limit: number; cursor?: string } = { entityId: id, limit: 50 };
    res.json({
      entity,
      quotes: await paged(`entity:${id}:quotes`, byEntity, (q) => store.quotes(q)),
      events: await paged(`entity:${id}:events`, byEntity, (q) => store.events(q)),
      figures: await paged(`entity:${id}:figures`, byEntity, (q) => store.figures(q)),
    });
  });
  return r;
}
