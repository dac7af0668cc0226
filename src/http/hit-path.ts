// Cache hits before Express. A newsroom tool re-sends the article an editor is looking at, so many
// POST /v1/extract requests repeat a body byte for byte. Express's routing, body parsing and validation
// cost several times what writing the cached bytes does (measured on 2 cores: ~3,000 hits/s through
// Express, ~14,000 for a bare handler), so a repeated JSON body is answered here: its bytes are hashed,
// and the route has remembered which cache key those bytes resolved to. Anything else — another route, a
// query string, another media type, a body seen for the first time, a rate limit to count — goes to
// Express unchanged; a body read here travels with the request (`preread`) and the route's parser uses it.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { stdSerializers, type Logger } from 'pino';
import { EXTRACTOR_VERSION } from '../core/version';
import type { ResponseCache } from './cache';
import type { Metrics } from './metrics';

export const ROUTE = '/v1/extract';
const JSON_UTF8 = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/** The ETag of a response cached under `key`: the same on either path. */
export const etagOf = (key: string): string => `"${key.slice(0, 32)}"`;

const PREREAD = Symbol('preread');
interface Preread {
  raw: Buffer;
  hash: string;
}
type WithPreread = IncomingMessage & { [PREREAD]?: Preread };

export interface HitPathOptions {
  cache: ResponseCache;
  logger: Logger;
  metrics?: Metrics;
  maxBodyBytes: number;
  /** off when every request must pass Express's middleware (a rate limit counts each one) */
  enabled: boolean;
  /** CORS answers a browser's Origin in Express; such requests go there */
  cors: boolean;
}

export class HitPath {
  /** hash of a raw body → the cache key it resolved to; insertion order is age */
  private readonly keys = new Map<string, string>();
  /** responses written here (200 and 304) */
  answered = 0;

  constructor(private readonly o: HitPathOptions) {}

  /** The route tells which key a body read here resolved to, so its next copy is a hit. */
  remember(req: Request, key: string): void {
    const pre = (req as WithPreread)[PREREAD];
    if (!pre) return;
    this.keys.delete(pre.hash);
    this.keys.set(pre.hash, key);
    // a key without a cached body is useless: never more keys than the cache can hold bodies (and at most 100k)
    const max = Math.min(100_000, Math.max(16, this.o.cache.size * 2));
    for (const k of this.keys.keys()) {
      if (this.keys.size <= max) break;
      this.keys.delete(k);
    }
  }

  /** The server's request listener: hits answered here, everything else handed to `app`. */
  listener(app: RequestListener): RequestListener {
    return (req, res) => {
      if (!this.eligible(req)) return app(req, res);
      const started = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      // an aborted upload has nobody to answer; the socket is already gone
      req.on('end', () => {
        const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const hash = createHash('sha256').update(EXTRACTOR_VERSION).update('\0').update(raw).digest('hex');
        const key = this.keys.get(hash);
        if (key !== undefined && this.answer(req, res, key, started)) return;
        (req as WithPreread)[PREREAD] = { raw, hash };
        app(req, res);
      });
    };
  }

  private eligible(req: IncomingMessage): boolean {
    if (!this.o.enabled || !this.o.cache.enabled) return false;
    if (req.method !== 'POST' || req.url !== ROUTE) return false;
    const h = req.headers;
    if (!JSON_UTF8.test(h['content-type'] ?? '')) return false;
    if (h['content-encoding'] && h['content-encoding'] !== 'identity') return false;
    if (h['transfer-encoding'] || h['content-length'] === undefined) return false;
    if (Number(h['content-length']) > this.o.maxBodyBytes) return false; // Express answers 413
    return !(this.o.cors && h.origin);
  }

  /** Answers from the cache (or 304); false when the body was evicted and the route must run. */
  private answer(req: IncomingMessage, res: ServerResponse, key: string, started: number): boolean {
    const etag = etagOf(key);
    const fresh = req.headers['if-none-match'] === etag;
    const body = fresh ? undefined : this.o.cache.get(key, { countMiss: false });
    if (!fresh && !body) return false;
    const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('X-Request-Id', id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', etag);
    if (body) {
      res.setHeader('X-Cache', 'hit');
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', body.byteLength);
      res.statusCode = 200;
      res.end(body);
    } else {
      res.statusCode = 304;
      res.end();
    }
    this.answered++;
    const seconds = (performance.now() - started) / 1000;
    this.o.metrics?.observe({ method: 'POST', route: ROUTE, status: String(res.statusCode) }, seconds);
    // the line pino-http writes for a request through Express
    if (this.o.logger.isLevelEnabled('info')) {
      Object.assign(req, { id, query: {}, params: {} }); // what Express would have set (the URL has no query)
      this.o.logger.info(
        { req: stdSerializers.req(req), res: stdSerializers.res(res), responseTime: Math.round(seconds * 1000) },
        'request completed',
      );
    }
    return true;
  }
}

/**
 * First of a JSON route's body parsers: a body the hit path already read is parsed here as
 * express.json would (an empty body is {}, a byte-order mark is dropped, a syntax error is a 400).
 * express.json then sees a finished request and leaves it alone.
 */
export function prereadJson(req: Request, _res: Response, next: NextFunction): void {
  const pre = (req as WithPreread)[PREREAD];
  if (!pre) return next();
  const text = pre.raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    req.body = text.length ? JSON.parse(text) : {};
  } catch (e) {
    return next(Object.assign(e as Error, { status: 400, statusCode: 400, type: 'entity.parse.failed' }));
  }
  next();
}
