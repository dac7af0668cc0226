// The article queue on BullMQ (Redis): producers add jobs, workers run `processArticleJob`, the
// CLI and HTTP read job states. Settings come from the environment (src/http/config.ts).
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { FactStore } from '../store/types';
import { BadArticleError, jobIdFor, processArticleJob, type ArticleJob, type JobResult } from './jobs';

export interface QueueSettings { redisUrl: string; queueName: string; attempts: number; lockMs: number }

export interface ArticleQueue { queue: Queue<ArticleJob, JobResult>; close(): Promise<void> }

const connect = (url: string) => new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

export function openQueue(s: QueueSettings): ArticleQueue {
  const connection = connect(s.redisUrl);
  const queue = new Queue<ArticleJob, JobResult>(s.queueName, {
    connection,
    defaultJobOptions: {
      attempts: s.attempts, backoff: { type: 'exponential', delay: 1000 },
      // kept so that re-enqueueing a done article adds nothing and its state can be asked for
      removeOnComplete: { age: 30 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
  return { queue, close: async () => { await queue.close(); connection.disconnect(); } };
}

/** Adds jobs in bulk; ids already in the queue (waiting, active, done or failed) are not added again. */
export async function enqueue(q: ArticleQueue, jobs: ArticleJob[]): Promise<string[]> {
  const added = await q.queue.addBulk(jobs.map((data) => ({ name: 'article', data, opts: { jobId: jobIdFor(data) } })));
  return added.map((j) => j.id!);
}

export interface WorkerHandle { worker: Worker<ArticleJob, JobResult>; close(): Promise<void> }

/** A worker: `concurrency` jobs at a time; a dead worker's job is handed to another after `lockMs`. */
export function startWorker(s: QueueSettings, store: FactStore, concurrency: number): WorkerHandle {
  const connection = connect(s.redisUrl);
  const worker = new Worker<ArticleJob, JobResult>(s.queueName, async (job: Job<ArticleJob, JobResult>) => {
    try { return await processArticleJob(job.data, store); } catch (e) {
      if (e instanceof BadArticleError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }, {
    connection, concurrency, lockDuration: s.lockMs, stalledInterval: Math.max(1000, Math.floor(s.lockMs / 2)),
    maxStalledCount: 2, metrics: { maxDataPoints: 24 * 60 },
  });
  // the worker reports Redis errors and retries by itself; without a listener they would crash the process
  worker.on('error', () => undefined);
  return { worker, close: async () => { await worker.close(); connection.disconnect(); } };
}

export interface JobView { id: string; state: string; attempts: number; error?: string; articleId?: string; version?: number; outcome?: string }

export async function jobView(q: ArticleQueue, id: string): Promise<JobView | null> {
  const job = await q.queue.getJob(id);
  if (!job) return null;
  const state = await job.getState();
  const done = state === 'completed' && job.returnvalue ? { articleId: job.returnvalue.articleId, version: job.returnvalue.version, outcome: job.returnvalue.outcome } : {};
  return { id, state, attempts: job.attemptsMade, ...(job.failedReason && { error: job.failedReason }), ...done };
}

export interface QueueStats { waiting: number; active: number; delayed: number; completed: number; failed: number; perMinute: { last: number; last15: number } }

export async function queueStats(q: ArticleQueue): Promise<QueueStats> {
  const c = await q.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
  const m = await q.queue.getMetrics('completed', 0, 15);
  // data points are jobs completed per minute, newest first
  const points = m.data.map(Number);
  return {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0,
    perMinute: { last: points[0] ?? 0, last15: points.slice(0, 15).reduce((a, b) => a + b, 0) / 15 },
  };
}
