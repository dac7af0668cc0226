// What the routes share about running a job on the pool: its refusals as problem+json (503 with
// Retry-After when the queue is full, 504 naming the limit past the deadline), the pass timings
// to the metrics, and cancellation when the client hangs up.
import type { Response } from 'express';
import type { ResponseCache } from './cache';
import type { HitPath } from './hit-path';
import type { Job, JobResult } from './jobs';
import type { Metrics } from './metrics';
import { CancelledError, DeadlineError, QueueFullError, type Extractor } from './pool';
import { FactsheetError } from '../errors';

/** What createApp gives the routes that extract. */
export interface Serving {
  extractor: Extractor;
  cache: ResponseCache;
  /** answers repeated bodies before Express; the route tells it which key a body resolved to */
  hits?: HitPath;
  metrics?: Metrics;
  timeoutMs: number;
}

/** Seconds a refused client should wait: long enough for the queue to move. */
export const RETRY_AFTER_SECONDS = 1;

/** Aborts when the client disconnects before its response is complete. */
export function clientGone(res: Response): AbortSignal {
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  return ac.signal;
}

export function overloaded(res: Response, detail: string): FactsheetError {
  res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return new FactsheetError('overloaded', detail, [{ field: '(request)', message: 'queue full' }]);
}

/**
 * Runs a job for a request: the result, or null when the client is gone (nothing to answer).
 * Refusals and deadlines throw the problem the client gets.
 */
export async function submit(
  s: Serving,
  res: Response,
  job: Job,
  signal: AbortSignal,
): Promise<Exclude<JobResult, { kind: 'problem' }> | null> {
  let r: JobResult;
  try {
    r = await s.extractor.run(job, { signal });
  } catch (e) {
    if (e instanceof QueueFullError) {
      s.metrics?.refused('queue_full');
      throw overloaded(res, e.message);
    }
    if (e instanceof DeadlineError) {
      s.metrics?.refused('deadline');
      throw new FactsheetError('timeout', e.message, [{ field: '(request)', message: 'over the deadline' }]);
    }
    if (e instanceof CancelledError) {
      s.metrics?.refused('cancelled');
      return null;
    }
    throw e;
  }
  if (r.kind === 'problem') throw new FactsheetError(r.problem, r.detail, r.errors);
  if ('passes' in r) s.metrics?.passes(r.passes);
  return r;
}
