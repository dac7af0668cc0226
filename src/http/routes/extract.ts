// POST /v1/extract: one article (JSON, or text/plain / text/html with query parameters) → its
// fact sheet. Responses are cached by a hash of text, options and extractor version, and carry an ETag.
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import NodeCache from 'node-cache';
import type { PartialFactSheet as FactSheet } from '../../core/factsheet';
import { EXTRACTOR_VERSION } from '../../core/version';
import { FactsheetError } from '../../errors';
import { ExtractQuery, ExtractRequest, parseInput, parseQuery, type Limits } from '../../input/article';
import { articleFromHtml } from '../../input/html';
import { extractArticle, runLine } from '../../services/run-article';
import type { Config } from '../../config';
import { articleBody, NDJSON_TYPES, rawTextBody } from '../body';

export { ExtractRequest } from '../../input/article';
export { NDJSON_TYPES } from '../body';

const unsupported = (req: Request, send: string) => new FactsheetError('unsupported-media-type',
  `send ${send}, not ${req.get('content-type') ?? 'a body without Content-Type'}`, [{ field: 'Content-Type', message: `expected ${send}` }]);

/** The request as validated extract input; for HTML, the article text Readability found (returned too). */
export function readExtractRequest(req: Request, limits: Limits): { article: ExtractRequest; html: boolean } {
  if (req.is('application/json')) {
    const keys = Object.keys(req.query);
    if (keys.length) {
      throw new FactsheetError('invalid-input', `with a JSON body, options go in the body, not the query string (${keys.join(', ')})`,
        keys.map((field) => ({ field, message: `${field} is a query option for text/plain and text/html bodies; put it in the JSON body` })));
    }
    return { article: parseInput(ExtractRequest, req.body, limits), html: false };
  }
  const html = !!req.is('text/html');
  if (!html && !req.is('text/plain')) throw unsupported(req, 'application/json, text/plain or text/html');
  const q = parseQuery(ExtractQuery, req.query);
  const body = typeof req.body === 'string' ? req.body : '';
  if (!html) return { article: parseInput(ExtractRequest, { text: body, ...q }, limits), html };
  const page = articleFromHtml(body);
  const raw = { text: page.text, publishedAt: q.publishedAt ?? page.publishedAt ?? undefined, title: q.title ?? page.title ?? undefined, include: q.include };
  return { article: parseInput(ExtractRequest, raw, limits), html };
}

export function extractRoutes(config: Config): Router {
  const cache = new NodeCache({ stdTTL: config.cacheTtlSeconds, maxKeys: config.cacheEntries > 0 ? config.cacheEntries : -1, useClones: false, checkperiod: 60 });
  const router = Router();
  router.post('/v1/extract', ...articleBody(config.maxBodyBytes), (req, res) => {
    const request = readExtractRequest(req, config);
    const { text, publishedAt, title, include } = request.article;
    const key = createHash('sha256').update(JSON.stringify([EXTRACTOR_VERSION, publishedAt ?? null, title ?? null, include ?? null])).update('\0').update(text).digest('hex');
    const etag = `"${key.slice(0, 32)}"`;
    res.set('ETag', etag);
    if (req.get('if-none-match') === etag) { res.status(304).end(); return; }
    let sheet = config.cacheEntries > 0 ? cache.get<FactSheet>(key) : undefined;
    res.set('X-Cache', sheet ? 'hit' : 'miss');
    if (!sheet) {
      sheet = extractArticle({ text, publishedAt, title, include });
      if (config.cacheEntries > 0) { try { cache.set(key, sheet); } catch { /* cache full: serve uncached */ } }
    }
    res.json(request.html ? { ...sheet, text } : sheet);
  });

  // NDJSON in, NDJSON out: each line's sheet (or {id, error}) is written as soon as it is ready.
  router.post('/v1/extract/batch', rawTextBody(config.maxBodyBytes), async (req, res) => {
    if (!req.is(NDJSON_TYPES)) {
      const hint = req.is('application/json') ? ' (one JSON object per line; application/json is for a single document)' : '';
      throw unsupported(req, `${NDJSON_TYPES[0]}${hint}`);
    }
    const lines = (typeof req.body === 'string' ? req.body : '').split('\n').filter((l) => l.trim());
    if (!lines.length) throw new FactsheetError('invalid-input', 'the body has no lines', [{ field: '(body)', message: 'no lines' }]);
    if (lines.length > config.batchMaxLines) {
      throw new FactsheetError('too-many-lines', `${lines.length} lines; the limit is ${config.batchMaxLines} (FACTSHEET_BATCH_MAX_LINES)`,
        [{ field: '(body)', message: `more than ${config.batchMaxLines} lines` }]);
    }
    res.status(200).type('application/x-ndjson');
    let closed = false;
    res.on('close', () => { closed = true; }); // the client went away: stop working for it
    for (const [i, line] of lines.entries()) {
      if (closed) break;
      const { result } = runLine(line, `line:${i + 1}`, {}, config);
      res.write(JSON.stringify(result) + '\n');
      await new Promise((r) => setImmediate(r)); // let other requests in between articles
    }
    res.end();
  });
  return router;
}
