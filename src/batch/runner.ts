// Runs batch tasks on a worker-thread pool (piscina) and writes results in input order. At most
// a few tasks per worker are in flight, so memory stays bounded however long the input is; each
// has a deadline (FACTSHEET_EXTRACT_TIMEOUT_MS), so one pathological article cannot stall the run.
import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { bratName, BRAT_CONF } from './exports/brat';
import { Progress } from './progress';
import { renderTask, type Format, type Rendered } from './render';
import { completedIds } from './resume';
import type { Task } from './task';

export type { Format } from './render';
export interface BatchOptions {
  workers: number;
  format: Format;
  out?: string;
  resume: boolean;
  progress: boolean;
  total: number | null;
  /** running time allowed per article; past it its worker is replaced and the article yields {id, error} (0: none) */
  timeoutMs?: number;
  /** the worker module (tests substitute one) */
  workerFile?: string;
}

/** Allowance for a replacement worker to load the core (0.4 s of CPU; more on a loaded machine). */
const WORKER_BOOT_MS = 10_000;

/** FACTSHEET_EXTRACT_TIMEOUT_MS, as for the HTTP API; a minute when unset. */
export const defaultTimeoutMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.FACTSHEET_EXTRACT_TIMEOUT_MS);
  return Number.isInteger(v) && v > 0 ? v : 60_000;
};

const IN_FLIGHT_PER_WORKER = 4;
export { defaultWorkers } from '../config';

interface Sink {
  write(r: Rendered): Promise<void>;
  close(): Promise<void>;
}

function streamWriter(out: NodeJS.WritableStream) {
  return (s: string) =>
    new Promise<void>((resolve) => {
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
}

/** JSON Lines; to a file each line is one write() call, so a kill leaves at most one partial line. */
function jsonlSink(out: string | undefined, stdout: NodeJS.WritableStream): Sink {
  if (out) {
    const fd = fs.openSync(out, 'a');
    return {
      write: async (r) => {
        fs.writeSync(fd, r.line + '\n');
      },
      close: async () => fs.closeSync(fd),
    };
  }
  const w = streamWriter(stdout);
  return { write: (r) => w(r.line + '\n'), close: async () => undefined };
}

/** A JSON array of Label Studio tasks; failures go to stderr as {id, error} lines. */
function labelStudioSink(out: string | undefined, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Sink {
  const w = out
    ? ((fd) => async (s: string) => {
        fs.writeSync(fd, s);
      })(fs.openSync(out, 'w'))
    : streamWriter(stdout);
  let first = true;
  const opened = w('[\n');
  return {
    write: async (r) => {
      await opened;
      if (r.failed) {
        stderr.write(r.line + '\n');
        return;
      }
      await w((first ? '' : ',\n') + r.labelstudio);
      first = false;
    },
    close: async () => {
      await opened;
      await w('\n]\n');
    },
  };
}

function bratSink(dir: string, stderr: NodeJS.WritableStream): Sink {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'annotation.conf'), BRAT_CONF);
  const used = new Set<string>();
  return {
    write: async (r) => {
      if (r.failed || !r.brat) {
        stderr.write(r.line + '\n');
        return;
      }
      const base = bratName(r.id ?? 'article');
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
      used.add(name);
      fs.writeFileSync(path.join(dir, `${name}.txt`), r.brat.txt);
      fs.writeFileSync(path.join(dir, `${name}.ann`), r.brat.ann);
    },
    close: async () => undefined,
  };
}

export async function runBatch(
  tasks: AsyncIterable<Task>,
  o: BatchOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream | NodeJS.WritableStream },
): Promise<{ done: number; failed: number; skipped: number }> {
  const skip = o.resume && o.out ? completedIds(o.out) : new Set<string>();
  const sink =
    o.format === 'brat'
      ? bratSink(o.out!, io.stderr)
      : o.format === 'labelstudio'
        ? labelStudioSink(o.out, io.stdout, io.stderr)
        : jsonlSink(o.out, io.stdout);
  const progress = new Progress(io.stderr, o.progress, o.total === null ? null : o.total - skip.size);
  const timeoutMs = o.timeoutMs ?? defaultTimeoutMs();
  // a worker thread is the only place a deadline can interrupt, so one is used even for one worker
  const pool =
    o.workers > 1 || timeoutMs > 0
      ? new Piscina({
          filename: o.workerFile ?? path.join(__dirname, 'worker.js'),
          minThreads: o.workers,
          maxThreads: o.workers,
        })
      : null;
  // a task goes to the pool only when a worker is free, so its deadline counts its own running
  // time, not the time it waited behind a slow neighbour
  let running = 0,
    replaced = 0; // replaced: terminated workers whose successors have not run a task yet
  const waiting: (() => void)[] = [];
  const slot = () =>
    new Promise<void>((resolve) => {
      if (running < o.workers) {
        running++;
        resolve();
      } else
        waiting.push(() => {
          running++;
          resolve();
        });
    });
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const onPool = async (p: Piscina, t: Task): Promise<Rendered> => {
    await slot();
    // the first task on a replacement worker waits for it to load the core: not its own time
    const boot = replaced > 0 ? (replaced--, WORKER_BOOT_MS) : 0;
    const signal = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs + boot) : undefined;
    try {
      return (await p.run({ task: t, format: o.format }, { signal })) as Rendered;
    } catch (e) {
      if (!signal?.aborted) throw e;
      replaced++;
      const detail = `extraction took longer than FACTSHEET_EXTRACT_TIMEOUT_MS=${timeoutMs} ms and was abandoned`;
      // the {id, error} shape of every failed line (the HTTP API's 'timeout' problem kind)
      const error = {
        type: 'https://factsheet.dev/problems/timeout',
        title: 'Extraction timed out',
        detail,
        field: null,
      };
      return { id: t.id, failed: true, line: JSON.stringify({ id: t.id, error }) };
    } finally {
      release();
    }
  };
  const run = (t: Task): Promise<Rendered> =>
    pool ? onPool(pool, t) : Promise.resolve().then(() => renderTask(t, o.format));

  const inFlight: Promise<Rendered>[] = [];
  let done = 0,
    failed = 0,
    skipped = 0;
  const drainOne = async () => {
    const r = await inFlight.shift()!;
    await sink.write(r);
    const bad = r.failed;
    done++;
    if (bad) failed++;
    progress.tick(bad);
  };
  try {
    for await (const t of tasks) {
      if (t.id !== null && skip.has(t.id)) {
        skipped++;
        continue;
      }
      inFlight.push(run(t));
      // failures surface when drained; keep the promise from being reported as unhandled meanwhile
      inFlight[inFlight.length - 1].catch(() => undefined);
      while (inFlight.length >= o.workers * IN_FLIGHT_PER_WORKER) await drainOne();
    }
    while (inFlight.length) await drainOne();
  } finally {
    await sink.close();
    await pool?.destroy();
  }
  progress.finish(skipped);
  return { done, failed, skipped };
}
