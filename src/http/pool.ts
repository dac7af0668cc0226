// Extraction off the event loop: a worker-thread pool (piscina) behind a bounded queue, with a
// deadline on every job. The queue bound and the deadline are the service's seatbelts: a full
// queue answers 503 at once, and a job past its deadline is abandoned — piscina terminates the
// worker running it and starts a fresh one — so no input can hold a core for ever.
import path from 'node:path';
import { Piscina } from 'piscina';
import { runJob, type Job, type JobResult } from './jobs';

export class QueueFullError extends Error {
  constructor(readonly limit: number) {
    super(`the extraction queue is full (FACTSHEET_QUEUE_MAX=${limit}); retry shortly`);
  }
}
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`extraction took longer than FACTSHEET_EXTRACT_TIMEOUT_MS=${ms} ms and was abandoned`);
  }
}
/** The client went away: nobody is waiting for the result. */
export class CancelledError extends Error {
  constructor() {
    super('the client disconnected');
  }
}

/** Allowance for a replacement worker to load the core (0.4 s of CPU; more on a loaded machine). */
export const WORKER_BOOT_MS = 10_000;

/** How long a running job may go on after its client hung up before its worker is replaced. */
export const CANCEL_GRACE_MS = 250;

export interface PoolStats {
  workers: number;
  running: number;
  queued: number;
  queueMax: number;
  full: boolean;
  utilization: number;
}

export interface RunOptions {
  /** aborts the job (a disconnected client) */
  signal?: AbortSignal;
  /** admitted even when the queue is full: a batch already accepted keeps going */
  force?: boolean;
}

export interface Extractor {
  run(job: Job, options?: RunOptions): Promise<JobResult>;
  stats(): PoolStats;
  /** finishes running jobs, then stops the workers */
  close(): Promise<void>;
}

export interface PoolOptions {
  workers: number;
  queueMax: number;
  timeoutMs: number;
  /** the worker module (tests substitute one); default: the compiled extract-worker */
  workerFile?: string;
}

export { defaultWorkers } from '../config';

interface Waiting {
  job: Job;
  signal?: AbortSignal;
  resolve(r: JobResult): void;
  reject(e: unknown): void;
  cancel(): void;
}

/**
 * Admission, queue, deadline and cancellation, whatever runs the job. The queue is ours, not
 * the pool's: a job goes to a worker only when one is free, so its deadline counts its own
 * running time — a batch line is not timed out for waiting behind a slow neighbour — and the
 * queue depth is exact.
 */
abstract class Admission implements Extractor {
  private running = 0;
  /** workers terminated mid-job whose replacements have not run a job yet */
  private replaced = 0;
  private readonly queue: Waiting[] = [];
  constructor(protected readonly o: PoolOptions) {}

  protected abstract exec(job: Job, signal: AbortSignal): Promise<JobResult>;
  protected abstract utilization(): number;
  abstract close(): Promise<void>;

  stats(): PoolStats {
    return {
      workers: this.o.workers,
      running: this.running,
      queued: this.queue.length,
      queueMax: this.o.queueMax,
      full: this.running >= this.o.workers && this.queue.length >= this.o.queueMax,
      utilization: this.utilization(),
    };
  }

  run(job: Job, { signal, force = false }: RunOptions = {}): Promise<JobResult> {
    if (!force && this.stats().full) return Promise.reject(new QueueFullError(this.o.queueMax));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<JobResult>((resolve, reject) => {
      const w: Waiting = {
        job,
        signal,
        resolve,
        reject,
        cancel: () => {
          const i = this.queue.indexOf(w);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(new CancelledError());
          }
        },
      };
      signal?.addEventListener('abort', w.cancel, { once: true });
      this.queue.push(w);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.running < this.o.workers && this.queue.length) {
      const w = this.queue.shift()!;
      w.signal?.removeEventListener('abort', w.cancel);
      this.running++;
      void this.start(w);
    }
  }

  private async start(w: Waiting): Promise<void> {
    const ac = new AbortController();
    // the first job on a replacement worker waits for it to load the core: not its own time
    const boot = this.replaced > 0 ? (this.replaced--, WORKER_BOOT_MS) : 0;
    const timer = setTimeout(() => ac.abort(new DeadlineError(this.o.timeoutMs)), this.o.timeoutMs + boot);
    // a running job whose client left gets a moment to finish: replacing its worker costs more
    // than the last milliseconds of an ordinary article, but not more than a pathological one
    let grace: NodeJS.Timeout | undefined;
    const cancel = () => {
      grace = setTimeout(() => ac.abort(new CancelledError()), CANCEL_GRACE_MS);
    };
    if (w.signal?.aborted) cancel();
    w.signal?.addEventListener('abort', cancel, { once: true });
    let settle: () => void;
    try {
      const r = await this.exec(w.job, ac.signal);
      // finished within its grace: nobody to answer
      settle = w.signal?.aborted ? () => w.reject(new CancelledError()) : () => w.resolve(r);
    } catch (e) {
      const reason: unknown = ac.signal.aborted ? ac.signal.reason : e;
      if (ac.signal.aborted) this.replaced++; // piscina terminated the worker and starts another
      settle = () => w.reject(reason);
    }
    clearTimeout(timer);
    clearTimeout(grace);
    w.signal?.removeEventListener('abort', cancel);
    // the slot is free before the caller hears back, so its next job finds room
    this.running--;
    this.dispatch();
    settle();
  }
}

/** Worker threads: the production extractor. */
export class PoolExtractor extends Admission {
  private readonly pool: Piscina<Job, JobResult>;
  constructor(o: PoolOptions) {
    super(o);
    this.pool = new Piscina({
      filename: o.workerFile ?? workerFile(),
      minThreads: o.workers,
      maxThreads: o.workers,
      idleTimeout: 60 * 60_000,
      concurrentTasksPerWorker: 1,
      closeTimeout: Math.max(o.timeoutMs, 1000),
    });
  }
  protected exec(job: Job, signal: AbortSignal): Promise<JobResult> {
    return this.pool.run(job, { signal });
  }
  protected utilization(): number {
    return this.pool.utilization;
  }
  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * On the calling thread, for tests and tools: the same admission and results, but a running job
 * cannot be interrupted (its deadline is checked when it ends) and it blocks the event loop.
 */
export class InProcessExtractor extends Admission {
  constructor(o: Partial<PoolOptions> = {}) {
    super({ workers: 1, queueMax: 1_000_000, timeoutMs: 60_000, ...o });
  }
  protected async exec(job: Job, signal: AbortSignal): Promise<JobResult> {
    await new Promise((r) => setImmediate(r)); // queued like a pool job: the caller's code runs first
    if (signal.aborted) throw signal.reason;
    const result = runJob(job);
    if (signal.aborted) throw signal.reason;
    return result;
  }
  protected utilization(): number {
    return 0;
  }
  async close(): Promise<void> {
    /* nothing to stop */
  }
}

/** The compiled worker; under ts-jest (sources are .ts) the build in dist/ is used. */
function workerFile(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'extract-worker.js');
  return path.resolve(__dirname, '../../dist/http/extract-worker.js');
}
