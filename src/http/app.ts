// createApp(config, logger, deps): the request listener — repeated extractions answered from the cache
// (hit-path.ts), everything else by the Express app — never listening. server.ts owns the process around
// it and opens the store and the worker pool it passes in.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { RequestListener } from 'node:http';
import express from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { EXTRACTOR_VERSION } from '../core/version';
import { defaultConfig, type Config } from '../config';
import { FactsheetError } from '../errors';
import { openApiYaml } from './openapi';
import { errorHandler, sendProblem } from './problem';
import { extractRoutes } from './routes/extract';
import { jobRoutes } from './routes/jobs';
import { storeRoutes } from './routes/store';
import type { ArticleQueue } from '../queue/bull';
import type { FactStore } from '../store/types';
import { webRoutes } from '../web/pages';
import { ResponseCache } from './cache';
import { HitPath } from './hit-path';
import { createMetrics, type Metrics } from './metrics';
import { InProcessExtractor, type Extractor } from './pool';
import { applySecurity, htmlHeaders, requireKey } from './security';

// No inline script: the page's content security policy allows scripts from this origin only.
const DOCS_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Factsheet API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#ui' });`;

export interface AppDeps {
  store?: FactStore;
  /** the job queue (FACTSHEET_REDIS_URL): POST /v1/articles?async=true hands articles to workers */
  queue?: ArticleQueue;
  /** runs extraction; default: in-process (tests). server.ts passes the worker pool. */
  extractor?: Extractor;
  metrics?: Metrics;
  /** false while shutting down: /readyz answers 503 so balancers stop sending */
  ready?: () => boolean;
}

export function createApp(
  config: Config = defaultConfig(),
  logger = pino({ level: config.logLevel }),
  deps: AppDeps = {},
): RequestListener {
  const app = express();
  const metrics = deps.metrics ?? createMetrics();
  const extractor =
    deps.extractor ?? new InProcessExtractor({ queueMax: config.queueMax, timeoutMs: config.extractTimeoutMs });
  const cache = new ResponseCache({
    maxEntries: config.cacheEntries,
    maxBytes: config.cacheMaxBytes,
    maxEntryBytes: config.cacheMaxEntryBytes,
    ttlMs: config.cacheTtlSeconds * 1000,
  });
  app.disable('x-powered-by');
  app.use(metrics.middleware);
  app.set('etag', false); // extract sets its own content-hash ETag
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  applySecurity(app, config);
  // bodies are parsed per route (src/http/body.ts): each reads only the media types it documents

  const yaml = openApiYaml(config);
  // alive: the event loop answers (extraction never runs on it)
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', extractorVersion: EXTRACTOR_VERSION });
  });
  // ready: not shutting down, workers up, room in the queue
  app.get('/readyz', (_req, res) => {
    const pool = extractor.stats();
    const checks = {
      accepting: deps.ready ? deps.ready() : true,
      workers: pool.workers > 0,
      queue: !pool.full,
      store: deps.store ? true : null,
    };
    const ok = checks.accepting && checks.workers && checks.queue;
    if (!ok) res.set('Retry-After', '1');
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ready' : 'not ready',
      checks,
      queue: { queued: pool.queued, running: pool.running, max: pool.queueMax },
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(yaml);
  });
  app.get('/docs', htmlHeaders(), (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  app.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_INIT);
  });
  app.use('/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json'))));
  app.use(webRoutes(htmlHeaders()));
  const hits = new HitPath({
    cache,
    logger,
    metrics,
    maxBodyBytes: config.maxBodyBytes,
    enabled: config.rateLimit === 0,
    cors: config.corsOrigins.length > 0,
  });
  metrics.watch(extractor, cache, hits);
  const serving = { extractor, cache, hits, metrics, timeoutMs: config.extractTimeoutMs };
  app.use(extractRoutes(config, serving));
  const writeGuard = requireKey(config.apiKeys);
  if (deps.store || deps.queue) app.use(jobRoutes(deps.queue, config, writeGuard));
  if (deps.store) app.use(storeRoutes(deps.store, config, { ...serving, writeGuard }));

  app.use((req, res) =>
    sendProblem(
      res,
      req,
      new FactsheetError('not-found', `no route for ${req.method} ${req.path}`, [
        { field: 'path', message: 'unknown route' },
      ]),
    ),
  );
  app.use(errorHandler(logger));
  return hits.listener(app);
}
