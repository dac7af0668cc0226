// The job queue: job ids, the processor, a worker in this process and the HTTP async ingest, on
// Redis (a queue of its own per run) and a SQLite store in a temp directory.
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import {
  enqueue,
  jobView,
  openQueue,
  queueStats,
  startWorker,
  type ArticleQueue,
  type QueueSettings,
  type WorkerHandle,
} from '../../src/queue/bull';
import { articleOf, BadArticleError, jobIdFor, type ArticleJob } from '../../src/queue/jobs';
import type { FactStore } from '../../src/store/types';
import { sqliteTestEngine, type TestEngine } from '../store/engines';
import { dropQueue, requireRedis, TEST_REDIS_URL, testQueueName } from './redis';

const line = (o: object): ArticleJob => ({ id: null, kind: 'json', payload: JSON.stringify(o), maxTextChars: 200_000 });

describe('job ids and articles', () => {
  test('the id is the article id plus a hash of its text; colons are escaped', () => {
    const a = line({ id: 'wire:1', text: 'The council met in Lima on Monday.' });
    expect(jobIdFor(a)).toMatch(/^wire%3A1#[0-9a-f]{16}$/);
    expect(jobIdFor(line({ id: 'wire:1', text: 'The council met in Lima on Monday.', title: 'other' }))).toBe(
      jobIdFor(a),
    );
    expect(jobIdFor(line({ id: 'wire:1', text: 'The council met in Quito on Monday.' }))).not.toBe(jobIdFor(a));
    expect(jobIdFor(line({ text: 'No id here.' }))).toMatch(/^sha256%3A[0-9a-f]{24}#/);
    expect(jobIdFor({ id: 'dir/a.txt', kind: 'text', payload: 'Some text.', maxTextChars: 100 })).toMatch(
      /^dir\/a\.txt#/,
    );
  });

  test('a bad article is a BadArticleError naming the field', () => {
    expect(() => articleOf(line({ id: 'x', text: '' }))).toThrow(new BadArticleError('text is empty'));
    expect(() => articleOf(line({ id: 'x', text: 'ok', publishedAt: '2025-13-01' }))).toThrow(/^publishedAt:/);
    expect(() => articleOf({ id: null, kind: 'json', payload: '{broken', maxTextChars: 10 })).toThrow(/^not JSON/);
    expect(() => articleOf({ id: 'long', kind: 'text', payload: 'x'.repeat(11), maxTextChars: 10 })).toThrow(
      /the limit is 10/,
    );
    expect(articleOf({ ...line({ id: 'y', text: 'ok' }), publishedAt: '2025-07-04' })).toMatchObject({
      id: 'y',
      publishedAt: '2025-07-04',
    });
  });
});

describe('queue on Redis', () => {
  let engine: TestEngine, store: FactStore, queue: ArticleQueue, worker: WorkerHandle | undefined;
  const settings: QueueSettings = {
    redisUrl: TEST_REDIS_URL,
    queueName: testQueueName('unit'),
    attempts: 2,
    lockMs: 5000,
  };

  beforeAll(async () => {
    await requireRedis();
    engine = await sqliteTestEngine();
    store = await engine.open();
    queue = openQueue(settings);
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await store?.close();
    await engine?.drop();
    await dropQueue(settings.queueName).catch(() => undefined);
  });

  const waitFor = async (ids: string[], states = ['completed', 'failed']) => {
    for (let i = 0; i < 200; i++) {
      const views = await Promise.all(ids.map((id) => jobView(queue, id)));
      if (views.every((v) => v && states.includes(v.state))) return views.map((v) => v!);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`jobs not finished: ${ids.join(', ')}`);
  };

  test('enqueueing twice adds nothing; a worker stores each article once and fails the bad one with its error', async () => {
    const jobs = [
      line({ id: 'q1', text: 'The council met in Lima on Monday.', publishedAt: '2025-07-04' }),
      line({ id: 'q2', text: 'The mayor of Quito resigned on Friday.', publishedAt: '2025-07-04' }),
      line({ id: 'bad', text: '' }),
    ];
    const ids = await enqueue(queue, jobs);
    expect(await enqueue(queue, jobs)).toEqual(ids);
    expect((await queueStats(queue)).waiting).toBe(3);
    worker = startWorker(settings, store, 2);
    const [q1, q2, bad] = await waitFor(ids);
    expect(q1).toMatchObject({ state: 'completed', articleId: 'q1', version: 1, outcome: 'created' });
    expect(q2).toMatchObject({ state: 'completed', articleId: 'q2', version: 1 });
    expect(bad).toMatchObject({ state: 'failed', attempts: 1, error: 'text is empty' }); // no retries for a bad article
    expect((await store.getArticle('q1'))?.record.versions).toEqual([1]);
    expect(await queueStats(queue)).toMatchObject({ waiting: 0, active: 0, completed: 2, failed: 1 });
    // the same article again: the same job, nothing new
    expect(await enqueue(queue, [jobs[0]])).toEqual([ids[0]]);
    expect((await queueStats(queue)).completed).toBe(2);
  });

  test('HTTP: POST /v1/articles?async=true → 202 and a job id; GET /v1/jobs/{id} → state, then article id and version', async () => {
    const app = createApp(loadConfig({ FACTSHEET_LOG_LEVEL: 'silent' }), pino({ level: 'silent' }), { store, queue });
    const body = { id: 'async-1', text: 'The harbour in Valletta reopened on Tuesday.', publishedAt: '2025-07-04' };
    const res = await request(app).post('/v1/articles?async=true').send(body);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/v1/jobs/${encodeURIComponent(res.body.jobId)}`);
    await waitFor([res.body.jobId]);
    const job = await request(app).get(res.headers.location);
    expect(job.body).toMatchObject({
      id: res.body.jobId,
      state: 'completed',
      articleId: 'async-1',
      version: 1,
      outcome: 'created',
    });
    expect((await request(app).get('/v1/articles/async-1')).body.article.versions).toEqual([1]);
    const bad = await request(app).post('/v1/articles?async=true').send({ id: 'x', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('text');
    expect((await request(app).post('/v1/articles?async=maybe').send(body)).body.errors[0].field).toBe('async');
    expect((await request(app).get('/v1/jobs/nope')).status).toBe(404);
    // without a queue: a clear 503, never a silent synchronous ingest
    const noQueue = createApp(loadConfig({ FACTSHEET_LOG_LEVEL: 'silent' }), pino({ level: 'silent' }), { store });
    expect((await request(noQueue).post('/v1/articles?async=true').send(body)).status).toBe(503);
  });
});
