// Asynchronous ingest on the job queue: POST /v1/articles?async=true answers 202 with a job id
// (a worker extracts and stores it), GET /v1/jobs/{id} tells its state and, once done, the stored
// article's id and version. Without a queue (no FACTSHEET_REDIS_URL) async requests get a 503.
import { Router, type Request, type RequestHandler } from 'express';
import type { Config } from '../../config';
import { FactsheetError } from '../../errors';
import { parseInput } from '../../input/article';
import type { ArticleJob } from '../../queue/jobs';
import type { ArticleQueue } from '../../queue/bull';
import { ArticleIngest } from '../../store/types';
import { articleBody } from '../body';

/** How long a request waits for Redis: the queue's commands wait out a restart, a client should not. */
const REDIS_WAIT_MS = 5000;

/** The queue command's answer, or 503 when Redis does not answer in time (it may be down or restarting). */
async function inTime<T>(work: Promise<T>, field: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new FactsheetError(
            'unavailable',
            `the job queue (Redis) did not answer within ${REDIS_WAIT_MS / 1000} s; retry shortly`,
            [{ field, message: 'job queue unavailable' }],
          ),
        ),
      REDIS_WAIT_MS,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const noQueue = (field: string) =>
  new FactsheetError('unavailable', 'no job queue is configured (FACTSHEET_REDIS_URL)', [
    { field, message: 'no job queue' },
  ]);

export function jobRoutes(queue: ArticleQueue | undefined, config: Config, writeGuard?: RequestHandler): Router {
  const r = Router();
  const isAsync = (req: Request) => {
    const a = req.query.async;
    if (a === undefined || a === 'false') return false;
    if (a === 'true') return true;
    throw new FactsheetError('invalid-input', 'async is true or false', [{ field: 'async', message: 'true or false' }]);
  };
  const onlyAsync: RequestHandler = (req, _res, next) => next(isAsync(req) ? undefined : 'route');
  const guard: RequestHandler = writeGuard ?? ((_q, _s, next) => next());

  r.post('/v1/articles', onlyAsync, guard, ...articleBody(config.maxBodyBytes), async (req: Request, res) => {
    if (!queue) throw noQueue('async');
    if (!req.is('application/json')) {
      throw new FactsheetError('unsupported-media-type', 'send application/json for an asynchronous ingest', [
        { field: 'Content-Type', message: 'expected application/json' },
      ]);
    }
    const { async: _a, ...rest } = req.query;
    if (Object.keys(rest).length)
      throw new FactsheetError(
        'invalid-input',
        'with a JSON body, fields go in the body',
        Object.keys(rest).map((field) => ({ field, message: 'not a known parameter' })),
      );
    const body = parseInput(ArticleIngest, req.body, config);
    const { enqueue } = await import('../../queue/bull');
    const job: ArticleJob = {
      id: body.id ?? null,
      kind: 'json',
      payload: JSON.stringify(body),
      maxTextChars: config.maxTextChars,
    };
    const [id] = await inTime(enqueue(queue, [job]), 'async');
    res
      .status(202)
      .location(`/v1/jobs/${encodeURIComponent(id)}`)
      .json({ jobId: id });
  });

  r.get('/v1/jobs/:id', async (req, res) => {
    if (!queue) throw noQueue('id');
    const { jobView } = await import('../../queue/bull');
    const view = await inTime(jobView(queue, req.params.id), 'id');
    if (!view)
      throw new FactsheetError('not-found', `no job ${req.params.id}`, [{ field: 'id', message: 'not found' }]);
    res.json(view);
  });
  return r;
}
