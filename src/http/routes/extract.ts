// POST /v1/extract: one article (JSON, text/plain with query parameters, or an HTML page) → its
// fact sheet, extracted on the worker pool. Responses are cached (serialised, bounded in bytes)
// by a hash of input, options and extractor version, and carry an ETag.
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { ArticleInput, looksBinary } from '../../core/article';
import { Section } from '../../core/factsheet';
import { problem } from '../../core/run-article';
import { EXTRACTOR_VERSION } from '../../core/version';
import { clientGone, overloaded, submit, type Serving } from '../extraction';
import type { Job } from '../jobs';
import { DeadlineError } from '../pool';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
import type { Config } from '../config';
import { HttpProblem, zodErrors } from '../problem';

export const ExtractRequest = ArticleInput.omit({ id: true }).meta({ id: 'ExtractRequest' });

const QueryOptions = z.object({
  publishedAt: z.string().optional(),
  title: z.string().optional(),
  include: z.string().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
});

/** The job a request asks for and its cache key; HTML is parsed on the pool, not here. */
function readRequest(req: Request, config: Config): { job: Job; key: string } {
  const hash = (kind: string, options: unknown, body: string) =>
    createHash('sha256').update(JSON.stringify([EXTRACTOR_VERSION, kind, options])).update('\0').update(body).digest('hex');
  if (req.is('text/html')) {
    const q = QueryOptions.safeParse(req.query);
    if (!q.success) throw new HttpProblem(400, 'Invalid input', 'bad query parameters', zodErrors(q.error));
    const include = q.data.include ? Section.array().safeParse(q.data.include) : undefined;
    if (include && !include.success) throw new HttpProblem(400, 'Invalid input', include.error.issues[0].message, zodErrors(include.error).map((e) => ({ ...e, field: `include.${e.field}` })));
    const options = { publishedAt: q.data.publishedAt ?? null, title: q.data.title ?? null, include: include?.data };
    const html = typeof req.body === 'string' ? req.body : '';
    return { job: { op: 'html', html, options, maxText: config.maxTextChars }, key: hash('html', options, html) };
  }
  const parsed = ExtractRequest.safeParse(readPlain(req));
  if (!parsed.success) throw new HttpProblem(400, 'Invalid input', parsed.error.issues[0].message, zodErrors(parsed.error));
  const { text, publishedAt, title, include } = parsed.data;
  if (text.length > config.maxTextChars) throw new HttpProblem(413, 'Text too large', `text is ${text.length} characters; the limit is ${config.maxTextChars}`, [{ field: 'text', message: 'too long' }]);
  if (looksBinary(text)) throw new HttpProblem(400, 'Invalid input', 'text looks like binary data, not an article', [{ field: 'text', message: 'binary data' }]);
  const options = { publishedAt: publishedAt ?? null, title: title ?? null, include };
  return { job: { op: 'extract', text, options }, key: hash('text', [publishedAt ?? null, title ?? null, include ?? null], text) };
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

/** The {id, error} line of a batch line that was abandoned; the id as the line gives it. */
function abandonedLine(line: string, fallback: string, e: unknown): string {
  let id = fallback;
  try { const o = JSON.parse(line) as { id?: unknown }; if (typeof o?.id === 'string') id = o.id; } catch { /* keep line:N */ }
  const [title, detail] = e instanceof DeadlineError ? ['Extraction timed out', e.message] : ['Extraction failed', e instanceof Error ? e.message : String(e)];
  return JSON.stringify(problem(id, title, detail, null));
}

export function extractRoutes(config: Config, serving: Serving): Router {
  const { cache, extractor } = serving;
  const router = Router();
  router.post('/v1/extract', async (req, res) => {
    const { job, key } = readRequest(req, config);
    const etag = `"${key.slice(0, 32)}"`;
    res.set('ETag', etag);
    if (req.get('if-none-match') === etag) { res.status(304).end(); return; }
    // the cache is checked here, before the pool: a hit costs no worker and no queue slot
    let body = cache.enabled ? cache.get(key) : undefined;
    res.set('X-Cache', body ? 'hit' : 'miss');
    if (body === undefined) {
      const r = await submit(serving, res, job, clientGone(res));
      if (!r) return; // the client went away
      if (r.kind !== 'json') throw new Error(`unexpected job result ${r.kind}`);
      body = r.body;
      cache.set(key, body);
    }
    res.type('application/json').send(body);
  });

  // NDJSON in, NDJSON out: each line's sheet (or {id, error}) is written in input order as soon
  // as it and the lines before it are ready; a few lines run on the pool at once.
  router.post('/v1/extract/batch', async (req, res) => {
    if (!req.is(NDJSON_TYPES)) throw new HttpProblem(415, 'Unsupported media type', `send ${NDJSON_TYPES[0]}`, [{ field: 'Content-Type', message: 'unsupported' }]);
    const lines = (typeof req.body === 'string' ? req.body : '').split('\n').filter((l) => l.trim());
    if (!lines.length) throw new HttpProblem(400, 'Invalid input', 'the body has no lines', [{ field: '(body)', message: 'empty' }]);
    if (lines.length > config.batchMaxLines) throw new HttpProblem(413, 'Too many lines', `${lines.length} lines; the limit is ${config.batchMaxLines}`, [{ field: '(body)', message: 'too many lines' }]);
    // admitted only with room in the queue; once streaming, its lines are not refused
    if (extractor.stats().full) { serving.metrics?.refused('queue_full'); throw overloaded(res, `the extraction queue is full (FACTSHEET_QUEUE_MAX=${extractor.stats().queueMax}); retry shortly`); }
    res.status(200).type('application/x-ndjson');
    const signal = clientGone(res);
    const window = Math.max(2, extractor.stats().workers * 2);
    const run = (line: string, i: number): Promise<string> =>
      extractor.run({ op: 'line', line, id: `line:${i + 1}`, maxText: config.maxTextChars }, { signal, force: true })
        .then((r) => (r.kind === 'line' ? r.line : JSON.stringify(problem(`line:${i + 1}`, 'Extraction failed', `unexpected job result ${r.kind}`, null))))
        .catch((e: unknown) => {
          if (e instanceof DeadlineError) serving.metrics?.refused('deadline');
          return abandonedLine(line, `line:${i + 1}`, e);
        });
    const inFlight: Promise<string>[] = [];
    let next = 0;
    while (next < lines.length || inFlight.length) {
      while (next < lines.length && inFlight.length < window && !signal.aborted) { inFlight.push(run(lines[next], next)); next++; }
      if (!inFlight.length) break;
      const out = await inFlight.shift()!;
      if (signal.aborted) { serving.metrics?.refused('cancelled'); break; } // the client went away: its other lines were cancelled
      if (!res.write(out + '\n')) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
  return router;
}
