// createApp(config, logger, deps): the Express app, never listening. server.ts owns the process
// around it and opens the store it passes in.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { EXTRACTOR_VERSION } from '../core/version';
import { defaultConfig, type Config } from '../config';
import { FactsheetError } from '../errors';
import { openApiYaml } from './openapi';
import { errorHandler, sendProblem } from './problem';
import { extractRoutes } from './routes/extract';
import { storeRoutes } from './routes/store';
import type { FactStore } from '../store/types';

const DOCS_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Factsheet API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#ui' });</script></body></html>`;

export interface AppDeps { store?: FactStore }

export function createApp(config: Config = defaultConfig(), logger = pino({ level: config.logLevel }), deps: AppDeps = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // extract sets its own content-hash ETag
  app.use(pinoHttp({
    logger,
    genReqId: (req, res) => { const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID(); res.setHeader('X-Request-Id', id); return id; },
  }));
  // bodies are parsed per route (src/http/body.ts): each reads only the media types it documents

  const yaml = openApiYaml(config);
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok', extractorVersion: EXTRACTOR_VERSION }); });
  app.get('/openapi.yaml', (_req, res) => { res.type('application/yaml').send(yaml); });
  app.get('/docs', (_req, res) => { res.type('html').send(DOCS_HTML); });
  app.use('/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json'))));
  app.use(extractRoutes(config));
  if (deps.store) app.use(storeRoutes(deps.store, config));

  app.use((req, res) => sendProblem(res, req, new FactsheetError('not-found', `no route for ${req.method} ${req.path}`, [{ field: 'path', message: 'unknown route' }])));
  app.use(errorHandler(logger));
  return app;
}
