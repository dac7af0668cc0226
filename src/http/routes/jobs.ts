// Asynchronous ingest on the job queue: POST /v1/articles?async=true answers 202 with a job id
// (a worker extracts and stores it), GET /v1/jobs/{id} tells its state and, once done, the stored
// article's id and version. Without a queue (no FACTSHEET_REDIS_URL) async requests get a 503.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ArticleJob } from '../../queue/jobs';
import type { ArticleQueue } from '../../queue/bull';
import { ArticleIngest } from '../../store/types';
import type { Config } from '../config';
import { HttpProblem, zodErrors } from '../problem';

const AsyncQuery = z.object({ async: z.enum(['true', 'false']).optional() });

const noQueue = (field: string) =>
  new HttpProblem(503, 'Service unavailable', 'no job queue is configured (FACTSHEET_REDIS_URL)', [{ field, message: 'no job queue' }]);

export function jobRoutes(queue: ArticleQueue | undefined, config: Config): Router {
  const r = Router();

  r.post('/v1/articles', async (req: Request, res, next) => {
    const q = AsyncQuery.safeParse(req.query);
    if (!q.success) throw new HttpProblem(400, 'Invalid input', 'async is true or false', [{ field: 'async', message: 'true or false' }]);
    if (q.data.async !== 'true') return next();
    if (!queue) throw noQueue('async');
    if (!req.is('application/json')) {
      throw new HttpProblem(415, 'Unsupported media type', 'send application/json', [{ field: 'Content-Type', message: 'unsupported' }]);
    }
    const body = ArticleIngest.safeParse(req.body);
    if (!body.success) {
      const errors = zodErrors(body.error);
      throw new HttpProblem(400, 'Invalid input', `bad body: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    }
    const { enqueue } = await import('../../queue/bull');
    const job: ArticleJob = { id: body.data.id ?? null, kind: 'json', payload: JSON.stringify(body.data), maxText: config.maxTextChars };
    const [id] = await enqueue(queue, [job]);
    res.status(202).location(`/v1/jobs/${encodeURIComponent(id)}`).json({ jobId: id });
  });

  r.get('/v1/jobs/:id', async (req, res) => {
    if (!queue) throw noQueue('id');
    const { jobView } = await import('../../queue/bull');
    const view = await jobView(queue, req.params.id);
    if (!view) throw new HttpProblem(404, 'Not found', `no job ${req.params.id}`, [{ field: 'id', message: 'not found' }]);
    res.json(view);
  });
  return r;
}
