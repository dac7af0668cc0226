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
import type { Config } from '../config';
import { HttpProblem, zodErrors } from '../problem';

export const ExtractRequest = ArticleInput.omit({ id: true }).meta({ id: 'ExtractRequest' });

const QueryOptions = z.object({
  publishedAt: z.string().optional(),
  title: z.string().optional(),
  include: z.string().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
});

function readRequest(req: Request): unknown {
  if (req.is('application/json')) {
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw new HttpProblem(400, 'Invalid input', 'the body must be a JSON object', [{ field: '(body)', message: 'expected an object' }]);
    return req.body;
  }
  if (req.is('text/plain')) {
    const q = QueryOptions.safeParse(req.query);
    if (!q.success) throw new HttpProblem(400, 'Invalid input', 'bad query parameters', zodErrors(q.error));
    return { text: typeof req.body === 'string' ? req.body : '', ...q.data };
  }
  throw new HttpProblem(415, 'Unsupported media type', `send application/json or text/plain, not ${req.get('content-type') ?? 'nothing'}`, [{ field: 'Content-Type', message: 'unsupported' }]);
}

export function extractRoutes(config: Config): Router {
  const cache = new NodeCache({ stdTTL: config.cacheTtlSeconds, maxKeys: config.cacheEntries > 0 ? config.cacheEntries : -1, useClones: false, checkperiod: 60 });
  const router = Router();
  router.post('/v1/extract', (req, res) => {
    const parsed = ExtractRequest.safeParse(readRequest(req));
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
    res.json(sheet);
  });
  return router;
}
