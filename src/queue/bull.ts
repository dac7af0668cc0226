// The article queue on BullMQ (Redis): producers add jobs, workers run `processArticleJob`, the
// CLI and HTTP read job states. Settings come from the environment (src/http/config.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, UnrecoverableError, Worker, type Job, type RedisOptions } from 'bullmq';
import { Piscina } from 'piscina';
import type { FactSheet } from '../core/factsheet';
import type { Extractor } from '../store/service';
import type { FactStore } from '../store/types';
import { BadArticleError, jobIdFor, processArticleJob, type ArticleJob, type JobResult } from './jobs';

export interface QueueSettings {
  redisUrl: string;
  queueName: string;
  attempts: number;
  lockMs: number;
}

export interface ArticleQueue {
  queue: Queue<ArticleJob, JobResult>;
  close(): Promise<void>;
}

/** BullMQ connects by URL itself, so it owns (and closes) its connections; commands wait out a Redis restart. */
export const redisOptions = (url: string): RedisOptions => ({ url, maxRetriesPerRequest: null });

export function openQueue(s: QueueSettings): ArticleQueue {
  const queue = new Queue<ArticleJob, JobResult>(s.queueName, {
    connection: redisOptions(s.redisUrl),
    defaultJobOptions: {
      attempts: s.attempts,
      backoff: { type: 'exponential', delay: 1000 },
      // kept so that re-enqueueing a done article adds nothing and its state can be asked for
      removeOnComplete: { age: 30 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
  return { queue, close: () => queue.close() };
}

/** Adds jobs in bulk; ids already in the queue (waiting, active, done or failed) are not added again. */
export async function enqueue(q: ArticleQueue, jobs: ArticleJob[]): Promise<string[]> {
  const added = await q.queue.addBulk(jobs.map((data) => ({ name: 'article', data, opts: { jobId: jobIdFor(data) } })));
  return added.map((j) => j.id!);
}

export interface WorkerHandle {
  worker: Worker<ArticleJob, JobResult>;
  close(): Promise<void>;
}

/** A worker: `concurrency` jobs at a time; a dead worker's job is handed to another after `lockMs`. */
export function startWorker(s: QueueSettings, store: FactStore, concurrency: number): WorkerHandle {
  // extraction on a worker-thread pool, one thread per concurrent job (in this thread when run from
  // the TypeScript sources, as in the tests, where no compiled thread file exists)
  const file = path.join(__dirname, 'extract-thread.js');
  const pool = fs.existsSync(file)
    ? new Piscina({ filename: file, minThreads: concurrency, maxThreads: concurrency })
    : null;
  const extractor: Extractor | undefined = pool
    ? (text, o) => pool.run({ text, ...o }) as Promise<FactSheet>
    : undefined;
  const worker = new Worker<ArticleJob, JobResult>(
    s.queueName,
    async (job: Job<ArticleJob, JobResult>) => {
      try {
        return await processArticleJob(job.data, store, extractor);
      } catch (e) {
        if (e instanceof BadArticleError) throw new UnrecoverableError(e.message);
        throw e;
      }
    },
    {
      // the name is recorded on each job it takes (job.processedBy): which machine and process ran it
      name: `${os.hostname()}:${process.pid}`,
      connection: redisOptions(s.redisUrl),
      concurrency,
      lockDuration: s.lockMs,
      stalledInterval: Math.max(1000, Math.floor(s.lockMs / 2)),
      maxStalledCount: 2,
      metrics: { maxDataPoints: 24 * 60 },
    },
  );
  // the worker reports Redis errors and retries by itself; without a listener they would crash the process
  worker.on('error', () => undefined);
  return {
    worker,
    close: async () => {
      await worker.close();
      await pool?.destroy();
    },
  };
}

export interface JobView {
  id: string;
  state: string;
  attempts: number;
  error?: string;
  articleId?: string;
  version?: number;
  outcome?: string;
}

export async function jobView(q: ArticleQueue, id: string): Promise<JobView | null> {
  // the state first: a job read before it finished would lack its result or error
  const state = await q.queue.getJobState(id);
  if (state === 'unknown') return null;
  const job = await q.queue.getJob(id);
  if (!job) return null;
  const r = state === 'completed' ? job.returnvalue : null;
  const done = r ? { articleId: r.articleId, version: r.version, outcome: r.outcome } : {};
  return { id, state, attempts: job.attemptsMade, ...(job.failedReason && { error: job.failedReason }), ...done };
}

export interface QueueStats {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  perMinute: { last: number; last15: number };
}

export async function queueStats(q: ArticleQueue): Promise<QueueStats> {
  const c = await q.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
  const m = await q.queue.getMetrics('completed', 0, 15);
  // data points are jobs completed per minute, newest first
  const points = m.data.map(Number);
  return {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    completed: c.completed ?? 0,
    failed: c.failed ?? 0,
    perMinute: { last: points[0] ?? 0, last15: points.slice(0, 15).reduce((a, b) => a + b, 0) / 15 },
  };
}
