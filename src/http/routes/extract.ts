// POST /v1/extract: one article (JSON, text/plain with query parameters, or an HTML page) → its
// fact sheet, extracted on the worker pool. Responses are cached (serialised, bounded in bytes)
// by a hash of input, options and extractor version, and carry an ETag.
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Config } from '../../config';
import { EXTRACTOR_VERSION } from '../../core/version';
import { FactsheetError, toLineError } from '../../errors';
import { ExtractQuery, ExtractRequest, parseInput, parseQuery, type Limits } from '../../input/article';
import { articleBody, NDJSON_TYPES, rawTextBody } from '../body';
import { clientGone, overloaded, submit, type Serving } from '../extraction';
import type { Job } from '../jobs';
import { etagOf } from '../hit-path';
import { DeadlineError } from '../pool';

export { ExtractRequest } from '../../input/article';
export { NDJSON_TYPES } from '../body';

const unsupported = (req: Request, send: string) =>
  new FactsheetError(
    'unsupported-media-type',
    `send ${send}, not ${req.get('content-type') ?? 'a body without Content-Type'}`,
    [{ field: 'Content-Type', message: `expected ${send}` }],
  );

const hash = (kind: string, options: unknown, body: string) =>
  createHash('sha256')
    .update(JSON.stringify([EXTRACTOR_VERSION, kind, options]))
    .update('\0')
    .update(body)
    .digest('hex');

/** The job a request asks for and its cache key. Text is validated here; HTML is parsed on the pool. */
export function readExtractRequest(req: Request, limits: Limits): { job: Job; key: string } {
  if (req.is('application/json')) {
    const keys = Object.keys(req.query);
    if (keys.length) {
      throw new FactsheetError(
        'invalid-input',
        `with a JSON body, options go in the body, not the query string (${keys.join(', ')})`,
        keys.map((field) => ({
          field,
          message: `${field} is a query option for text/plain and text/html bodies; put it in the JSON body`,
        })),
      );
    }
    return textJob(parseInput(ExtractRequest, req.body, limits));
  }
  const html = !!req.is('text/html');
  if (!html && !req.is('text/plain')) throw unsupported(req, 'application/json, text/plain or text/html');
  const query = parseQuery(ExtractQuery, req.query);
  const body = typeof req.body === 'string' ? req.body : '';
  if (!html) return textJob(parseInput(ExtractRequest, { text: body, ...query }, limits));
  return { job: { op: 'html', html: body, query, maxText: limits.maxTextChars }, key: hash('html', query, body) };
}

function textJob(a: ExtractRequest): { job: Job; key: string } {
  const options = { publishedAt: a.publishedAt ?? null, title: a.title ?? null, include: a.include };
  return {
    job: { op: 'extract', text: a.text, options },
    key: hash('text', [options.publishedAt, options.title, options.include ?? null], a.text),
  };
}

/** The {id, error} line of a batch line that was abandoned; the id as the line gives it. */
function abandonedLine(line: string, fallback: string, e: unknown): string {
  let id = fallback;
  try {
    const o = JSON.parse(line) as { id?: unknown };
    if (typeof o?.id === 'string') id = o.id;
  } catch {
    /* keep line:N */
  }
  const err =
    e instanceof DeadlineError
      ? new FactsheetError('timeout', e.message)
      : new FactsheetError('extraction-failed', e instanceof Error ? e.message : String(e));
  return JSON.stringify(toLineError(id, err));
}

export function extractRoutes(config: Config, serving: Serving): Router {
  const { cache, extractor } = serving;
  const router = Router();
  router.post('/v1/extract', ...articleBody(config.maxBodyBytes), async (req, res) => {
    const { job, key } = readExtractRequest(req, config);
    serving.hits?.remember(req, key);
    const etag = etagOf(key);
    res.set('ETag', etag);
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    // the cache is checked here, before the pool: a hit costs no worker and no queue slot
    let body = cache.enabled ? cache.get(key) : undefined;
    res.set('X-Cache', body ? 'hit' : 'miss');
    if (body === undefined) {
      const r = await submit(serving, res, job, clientGone(res));
      if (!r) return; // the client went away
      if (r.kind !== 'json') throw new Error(`unexpected job result ${r.kind}`);
      body = Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength); // a view, not a copy
      cache.set(key, body);
    }
    res.type('application/json').send(body);
  });

  // NDJSON in, NDJSON out: each line's sheet (or {id, error}) is written in input order as soon
  // as it and the lines before it are ready; a few lines run on the pool at once.
  router.post('/v1/extract/batch', rawTextBody(config.maxBodyBytes), async (req, res) => {
    if (!req.is(NDJSON_TYPES)) {
      const hint = req.is('application/json')
        ? ' (one JSON object per line; application/json is for a single document)'
        : '';
      throw unsupported(req, `${NDJSON_TYPES[0]}${hint}`);
    }
    const lines = (typeof req.body === 'string' ? req.body : '').split('\n').filter((l) => l.trim());
    if (!lines.length)
      throw new FactsheetError('invalid-input', 'the body has no lines', [{ field: '(body)', message: 'no lines' }]);
    if (lines.length > config.batchMaxLines) {
      throw new FactsheetError(
        'too-many-lines',
        `${lines.length} lines; the limit is ${config.batchMaxLines} (FACTSHEET_BATCH_MAX_LINES)`,
        [{ field: '(body)', message: `more than ${config.batchMaxLines} lines` }],
      );
    }
    // admitted only with room in the queue; once streaming, its lines are not refused
    if (extractor.stats().full) {
      serving.metrics?.refused('queue_full');
      throw overloaded(
        res,
        `the extraction queue is full (FACTSHEET_QUEUE_MAX=${extractor.stats().queueMax}); retry shortly`,
      );
    }
    res.status(200).type('application/x-ndjson');
    const signal = clientGone(res);
    const window = Math.max(2, extractor.stats().workers * 2);
    const run = (line: string, i: number): Promise<string> =>
      extractor
        .run({ op: 'line', line, id: `line:${i + 1}`, maxText: config.maxTextChars }, { signal, force: true })
        .then((r) =>
          r.kind === 'line'
            ? r.line
            : abandonedLine(line, `line:${i + 1}`, new Error(`unexpected job result ${r.kind}`)),
        )
        .catch((e: unknown) => {
          if (e instanceof DeadlineError) serving.metrics?.refused('deadline');
          return abandonedLine(line, `line:${i + 1}`, e);
        });
    const inFlight: Promise<string>[] = [];
    let next = 0;
    while (next < lines.length || inFlight.length) {
      while (next < lines.length && inFlight.length < window && !signal.aborted) {
        inFlight.push(run(lines[next], next));
        next++;
      }
      if (!inFlight.length) break;
      const out = await inFlight.shift()!;
      if (signal.aborted) {
        serving.metrics?.refused('cancelled');
        break;
      } // the client went away: its other lines were cancelled
      if (!res.write(out + '\n')) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
  return router;
}
