// `factsheet enqueue`, `factsheet worker`, `factsheet jobs`: batch extraction on the job queue
// (BullMQ on FACTSHEET_REDIS_URL), storing into the configured store. main.ts only dispatches here.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { directory, fileTask, jsonLines, type InputOptions } from '../batch/inputs';
import type { Task } from '../batch/task';
import { loadConfig, type Config } from '../config';
import { enqueue, openQueue, queueStats, startWorker, type QueueSettings } from '../queue/bull';
import { openStore } from '../store/open';

export class QueueUsageError extends Error {}

function settings(config: Config): QueueSettings {
  if (!config.redisUrl)
    throw new QueueUsageError('the job queue needs FACTSHEET_REDIS_URL (e.g. redis://127.0.0.1:6379)');
  return {
    redisUrl: config.redisUrl,
    queueName: config.queueName,
    attempts: config.jobAttempts,
    lockMs: config.jobLockMs,
  };
}

async function* inputs(paths: string[], o: InputOptions): AsyncGenerator<Task> {
  for (const input of paths.length ? paths : ['-']) {
    if (input === '-') yield* jsonLines(process.stdin, o);
    else if (!fs.existsSync(input)) throw new QueueUsageError(`no such file or directory: ${input}`);
    else if (fs.statSync(input).isDirectory()) yield* directory(input, o);
    else if (/\.(?:jsonl|ndjson)$/i.test(input)) yield* jsonLines(fs.createReadStream(input), o);
    else yield fileTask(input, input, o);
  }
}

export async function enqueueCommand(args: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { published: { type: 'string' }, title: { type: 'string' } },
  });
  if (v.published && !/^\d{4}-\d{2}-\d{2}$/.test(v.published))
    throw new QueueUsageError(`--published must be YYYY-MM-DD, got ${v.published}`);
  const config = loadConfig();
  const q = openQueue(settings(config));
  const started = Date.now();
  let n = 0;
  const batch: Task[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await enqueue(q, batch.splice(0));
    process.stderr.write(
      `\renqueued ${n} articles, ${(n / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0)}/s`,
    );
  };
  try {
    for await (const task of inputs(positionals, {
      publishedAt: v.published,
      title: v.title,
      maxTextChars: config.maxTextChars,
    })) {
      batch.push(task);
      n++;
      if (batch.length >= 500) await flush();
    }
    await flush();
    const s = await queueStats(q);
    process.stderr.write(
      `\nenqueued ${n} articles (ids already queued or done are not added twice); ` +
        `queue: ${s.waiting} waiting, ${s.active} active, ${s.completed} done, ${s.failed} failed\n`,
    );
  } finally {
    await q.close();
  }
  return n;
}

export async function workerCommand(args: string[]): Promise<void> {
  const { values: v } = parseArgs({ args, options: { concurrency: { type: 'string' } } });
  const concurrency = v.concurrency === undefined ? 1 : Number(v.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new QueueUsageError(`--concurrency must be a whole number from 1 to 256, got ${v.concurrency}`);
  }
  const config = loadConfig();
  const s = settings(config);
  const store = await openStore(config);
  const w = startWorker(s, store, concurrency);
  let done = 0,
    failed = 0;
  w.worker.on('completed', () => {
    done++;
  });
  w.worker.on('failed', (job, err) => {
    failed++;
    process.stderr.write(`job ${job?.id}: ${err.message}\n`);
  });
  w.worker.on('stalled', (id) => {
    process.stderr.write(`job ${id} stalled (its worker stopped renewing the lock): taken up again\n`);
  });
  process.stderr.write(
    `worker ${process.pid}: queue ${s.queueName}, store ${store.engine}, concurrency ${concurrency}\n`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`worker ${process.pid}: ${signal}, finishing current jobs\n`);
      void w
        .close()
        .then(() => store.close())
        .then(resolve, resolve);
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
  process.stderr.write(`worker ${process.pid}: stopped after ${done} done, ${failed} failed\n`);
}

export async function jobsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (rest.length || (sub && !['retry-failed', 'failed'].includes(sub)))
    throw new QueueUsageError('jobs takes retry-failed, failed or nothing');
  const q = openQueue(settings(loadConfig()));
  try {
    if (sub === 'retry-failed') {
      const before = (await queueStats(q)).failed;
      await q.queue.retryJobs({ state: 'failed' });
      process.stdout.write(`${before} failed job(s) moved back to waiting\n`);
      return;
    }
    if (sub === 'failed') {
      for (const job of await q.queue.getFailed(0, 999)) process.stdout.write(`${job.id}\t${job.failedReason}\n`);
      return;
    }
    const s = await queueStats(q);
    process.stdout.write(
      `waiting ${s.waiting}\nactive ${s.active}\ndelayed ${s.delayed}\ndone ${s.completed}\nfailed ${s.failed}\n` +
        `throughput ${s.perMinute.last} articles/min (last minute), ${s.perMinute.last15.toFixed(1)} articles/min (last 15 minutes)\n`,
    );
  } finally {
    await q.close();
  }
}

/** The hook main.ts calls: true when `command` is a queue command (and it ran). */
export async function runQueueCommand(command: string, args: string[]): Promise<boolean> {
  if (command === 'enqueue') await enqueueCommand(args);
  else if (command === 'worker') await workerCommand(args);
  else if (command === 'jobs') await jobsCommand(args);
  else return false;
  return true;
}
