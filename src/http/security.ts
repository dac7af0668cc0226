// Security basics, all configured from the environment: CORS off unless origins are listed,
// security headers (helmet) on the HTML pages and nosniff everywhere, API keys for the routes
// that write, and a rate limit per key or client address.
import { createHash, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { Express, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config';
import { FactsheetError } from '../errors';
import { sendProblem } from './problem';

/** The key a request presents: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
export function presentedKey(req: Request): string | null {
  const auth = req.get('authorization');
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return m?.[1] ?? req.get('x-api-key') ?? null;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Only requests with one of `keys` pass; no keys configured: every request passes. */
export function requireKey(keys: string[]): RequestHandler {
  const known = keys.map(digest);
  return (req, res, next) => {
    if (!known.length) return next();
    const key = presentedKey(req);
    // compared as fixed-length digests, in constant time, so timing does not reveal a prefix
    if (key && known.some((k) => timingSafeEqual(k, digest(key)))) return next();
    res.set('WWW-Authenticate', 'Bearer realm="factsheet"');
    sendProblem(
      res,
      req,
      new FactsheetError(
        'unauthorized',
        key ? 'the API key is not valid' : 'this route needs an API key (Authorization: Bearer KEY or X-API-Key)',
        [{ field: 'Authorization', message: key ? 'unknown key' : 'missing' }],
      ),
    );
  };
}

export function applySecurity(app: Express, config: Config): void {
  app.use(helmet.noSniff());
  if (config.corsOrigins.length) {
    app.use(
      cors({
        origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
        exposedHeaders: ['ETag', 'X-Cache', 'X-Request-Id', 'Retry-After', 'Location'],
        allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'If-None-Match', 'X-Request-Id'],
      }),
    );
  }
  if (config.rateLimit > 0) {
    const known = new Set(config.apiKeys);
    app.use(
      '/v1',
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimit,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        // a known key is its own bucket; an unknown one counts against the address, so inventing
        // keys does not buy a fresh allowance
        keyGenerator: (req) => {
          const key = presentedKey(req);
          return key && known.has(key) ? `key:${digest(key).toString('hex')}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
        },
        handler: (req: Request, res: Response) =>
          sendProblem(
            res,
            req,
            new FactsheetError(
              'too-many-requests',
              `more than ${config.rateLimit} requests a minute (FACTSHEET_RATE_LIMIT)`,
            ),
          ),
      }),
    );
  }
}

/** Headers for the HTML pages (the API docs): a strict content security policy and friends. */
// No `upgrade-insecure-requests`: the service is often reached over plain http on an internal host, where that
// directive would send the pages' own scripts and styles to an https port nobody listens on.
export const htmlHeaders = (): RequestHandler =>
  helmet({ hsts: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
