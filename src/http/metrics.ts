// Prometheus metrics (prom-client), one registry per app so tests can build several apps:
// requests and latency per route and status, time per core pass, queue depth and pool use,
// cache hits and bytes, and why jobs were refused or abandoned.
import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import type { ResponseCache } from './cache';
import type { HitPath } from './hit-path';
import type { Passes } from './jobs';
import type { Extractor } from './pool';

export interface Metrics {
  registry: client.Registry;
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** one request answered outside Express (the hit path) */
  observe(labels: RequestLabels, seconds: number): void;
  passes(p: Passes): void;
  refused(reason: 'queue_full' | 'deadline' | 'cancelled'): void;
  /** the pool and cache are created after the metrics; they report through these */
  watch(extractor: Extractor, cache: ResponseCache, hits?: HitPath): void;
}

export interface RequestLabels {
  method: string;
  route: string;
  status: string;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'factsheet_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new client.Counter({
    name: 'factsheet_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'factsheet_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames,
    registers: [registry],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  const pass = new client.Histogram({
    name: 'factsheet_extract_pass_seconds',
    help: 'extraction time per pass of the core (document model, then one per fact type)',
    labelNames: ['pass'],
    registers: [registry],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const refusals = new client.Counter({
    name: 'factsheet_extract_refused_total',
    help: 'jobs refused (queue full) or abandoned (deadline, client gone)',
    labelNames: ['reason'],
    registers: [registry],
  });

  let extractor: Extractor | null = null,
    cache: ResponseCache | null = null,
    hitPath: HitPath | undefined;
  const gauge = (name: string, help: string, read: () => number | undefined) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const v = read();
        if (v !== undefined) this.set(v);
      },
    });
  gauge('factsheet_queue_depth', 'extraction jobs waiting for a worker', () => extractor?.stats().queued);
  gauge('factsheet_queue_max', 'jobs that may wait before requests get 503', () => extractor?.stats().queueMax);
  gauge('factsheet_pool_workers', 'worker threads', () => extractor?.stats().workers);
  gauge('factsheet_pool_running', 'jobs running on a worker', () => extractor?.stats().running);
  gauge(
    'factsheet_pool_utilization',
    'share of the pool busy since start (piscina), 0..1',
    () => extractor?.stats().utilization,
  );
  gauge('factsheet_cache_hits', 'response cache hits since start', () => cache?.hits);
  gauge('factsheet_cache_misses', 'response cache misses since start', () => cache?.misses);
  gauge('factsheet_cache_bytes', 'bytes held by the response cache (bodies in UTF-8)', () => cache?.bytes);
  gauge('factsheet_cache_entries', 'responses in the cache', () => cache?.size);
  gauge(
    'factsheet_cache_hit_path_answers',
    'repeated extractions answered before Express (200 or 304)',
    () => hitPath?.answered,
  );

  return {
    registry,
    middleware(req, res, next) {
      const end = latency.startTimer();
      res.on('finish', () => {
        const route = req.route?.path
          ? `${req.baseUrl}${String(req.route.path)}`
          : req.path.startsWith('/docs/')
            ? '/docs/assets'
            : 'unmatched';
        const labels = { method: req.method, route, status: String(res.statusCode) };
        requests.inc(labels);
        end(labels);
      });
      next();
    },
    observe(labels, seconds) {
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    passes(p) {
      for (const [name, ms] of Object.entries(p)) pass.observe({ pass: name }, (ms ?? 0) / 1000);
    },
    refused(reason) {
      refusals.inc({ reason });
    },
    watch(x, c, h) {
      extractor = x;
      cache = c;
      hitPath = h;
    },
  };
}
