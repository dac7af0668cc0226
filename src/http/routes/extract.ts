// POST /v1/extract: one article (JSON, or text/plain with query parameters) → its fact sheet.
// Responses are cached by a hash of text, options and extractor version, and carry an ETag.
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import NodeCache from 'node-cache';
import { z } from 'zod';
import { ArticleInput, looksBinary } from '../../core/article';
import { extract } from '../../core/extract';
import type { FactSheet } from '../../core/factsheet';
import { EXTRACTOR_VERSION } from '../../core/version';
import { articleFromHtml } from '../../batch/html';
import { runTask } from '../../batch/task';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
import type { Config } from '../config';
import { HttpProblem, zodErrors } from '../problem';

export const ExtractRequest = ArticleInput.omit({ id: true }).meta({ id: 'ExtractRequest' });

const QueryOptions = z.object({
  publishedAt: z.string().optional(),
  title: z.string().optional(),
  include: z.string().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
});

/** The request as extract options; for HTML, the article text Readability found (returned too). */
function readRequest(req: Request): { body: unknown; html: boolean } {
  if (req.is('text/html')) {
    const q = QueryOptions.safeParse(req.query);
    if (!q.success) throw new HttpProblem(400, 'Invalid input', 'bad query parameters', zodErrors(q.error));
    const page = articleFromHtml(typeof req.body === 'string' ? req.body : '');
    return { body: { text: page.text, publishedAt: q.data.publishedAt ?? page.publishedAt ?? undefined, title: q.data.title ?? page.title ?? undefined, include: q.data.include }, html: true };
  }
  return { body: readPlain(req), html: false };
}

function readPlain(req: Request): unknown {
  if (req.is('application/json')) {
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw new HttpProblem(400, 'Invalid input', 'the body must be a JSON object', [{ field: '(body)', message: 'expected an object' }]);
    return req.body;
  }
  if (req.is('text/plain')) {
    const q = QueryOptions.safeParse(req.query);
    if (!q.success) throw new HttpProblem(400, 'Invalid input', 'bad query parameters', zodErrors(q.error));
    return { text: typeof req.body === 'string' ? req.body : '', ...q.data };
  }
  throw new HttpProblem(415, 'Unsupported media type', `send application/json, text/plain or text/html, not ${req.get('content-type') ?? 'nothing'}`, [{ field: 'Content-Type', message: 'unsupported' }]);
}

export function extractRoutes(config: Config): Router {
  const cache = new NodeCache({ stdTTL: config.cacheTtlSeconds, maxKeys: config.cacheEntries > 0 ? config.cacheEntries : -1, useClones: false, checkperiod: 60 });
  const router = Router();
  router.post('/v1/extract', (req, res) => {
    const request = readRequest(req);
    const parsed = ExtractRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'Invalid input', parsed.error.issues[0].message, zodErrors(parsed.error));
    const { text, publishedAt, title, include } = parsed.data;
    if (text.length > config.maxTextChars) throw new HttpProblem(413, 'Text too large', `text is ${text.length} characters; the limit is ${config.maxTextChars}`, [{ field: 'text', message: 'too long' }]);
    if (looksBinary(text)) throw new HttpProblem(400, 'Invalid input', 'text looks like binary data, not an article', [{ field: 'text', message: 'binary data' }]);
    const key = createHash('sha256').update(JSON.stringify([EXTRACTOR_VERSION, publishedAt ?? null, title ?? null, include ?? null])).update('\0').update(text).digest('hex');
    const etag = `"${key.slice(0, 32)}"`;
    res.set('ETag', etag);
    if (req.get('if-none-match') === etag) { res.status(304).end(); return; }
    let sheet = config.cacheEntries > 0 ? cache.get<FactSheet>(key) : undefined;
    res.set('X-Cache', sheet ? 'hit' : 'miss');
    if (!sheet) {
      sheet = extract(text, { publishedAt, title, include });
      if (config.cacheEntries > 0) { try { cache.set(key, sheet); } catch { /* cache full: serve uncached */ } }
    }
    res.json(request.html ? { ...sheet, text } : sheet);
  });

  // NDJSON in, NDJSON out: each line's sheet (or {id, error}) is written as soon as it is ready.
  router.post('/v1/extract/batch', async (req, res) => {
    if (!req.is(NDJSON_TYPES)) throw new HttpProblem(415, 'Unsupported media type', `send ${NDJSON_TYPES[0]}`, [{ field: 'Content-Type', message: 'unsupported' }]);
    const lines = (typeof req.body === 'string' ? req.body : '').split('\n').filter((l) => l.trim());
    if (!lines.length) throw new HttpProblem(400, 'Invalid input', 'the body has no lines', [{ field: '(body)', message: 'empty' }]);
    if (lines.length > config.batchMaxLines) throw new HttpProblem(413, 'Too many lines', `${lines.length} lines; the limit is ${config.batchMaxLines}`, [{ field: '(body)', message: 'too many lines' }]);
    res.status(200).type('application/x-ndjson');
    let closed = false;
    res.on('close', () => { closed = true; }); // the client went away: stop working for it
    for (const [i, line] of lines.entries()) {
      if (closed) break;
      const { result } = runTask({ id: `line:${i + 1}`, kind: 'json', payload: line, maxText: config.maxTextChars });
      res.write(JSON.stringify(result) + '\n');
      await new Promise((r) => setImmediate(r)); // let other requests in between articles
    }
    res.end();
  });
  return router;
}
