// `factsheet extract`: JSON Lines, a directory of .txt/.html files, one file or stdin → fact
// sheets (JSON Lines, Label Studio tasks or brat standoff), in input order, on a worker pool.
import fs from 'node:fs';
import { directory, countFiles, countLines, fileTask, jsonLines } from '../batch/inputs';
import { Progress } from '../batch/progress';
import { defaultWorkers, runBatch, type Format } from '../batch/runner';
import { runTask } from '../batch/task';
import type { Limits } from '../input/article';

export interface ExtractFlags {
  published?: string;
  title?: string;
  workers?: number;
  out?: string;
  resume?: boolean;
  format?: Format;
  progress?: boolean;
}

/** A mistake in the command line: exit 2 with one line and a pointer to --help. */
export class UsageError extends Error {}

export interface RunCounts {
  done: number;
  failed: number;
  skipped: number;
}

/** One plain-text or HTML article, pretty-printed, with the summary line on stderr. */
export function extractFile(file: string, flags: ExtractFlags, limits: Limits): RunCounts {
  const progress = new Progress(process.stderr, false, 1);
  const { result } = runTask(fileTask(file, file, { publishedAt: flags.published, title: flags.title, ...limits }));
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  const failed = 'error' in result;
  progress.tick(failed);
  progress.finish();
  return { done: 1, failed: failed ? 1 : 0, skipped: 0 };
}

export async function extractBatch(input: string | undefined, flags: ExtractFlags, limits: Limits): Promise<RunCounts> {
  const format = flags.format ?? 'jsonl';
  if (flags.resume && (!flags.out || format !== 'jsonl'))
    throw new UsageError('--resume needs --out FILE and the jsonl format');
  if (format === 'brat' && !flags.out) throw new UsageError('--format brat needs --out DIR');
  const o = { publishedAt: flags.published, title: flags.title, ...limits };
  let tasks,
    total: number | null = null;
  if (!input || input === '-') tasks = jsonLines(process.stdin, o);
  else if (!fs.existsSync(input)) throw new UsageError(`no such file or directory: ${input}`);
  else if (fs.statSync(input).isDirectory()) {
    tasks = directory(input, o);
    total = countFiles(input);
  } else if (/\.(?:jsonl|ndjson)$/i.test(input)) {
    tasks = jsonLines(fs.createReadStream(input), o);
    total = countLines(input);
  } else {
    tasks = (async function* one() {
      yield fileTask(input, input, o);
    })();
    total = 1;
  }
  const live = flags.progress ?? (process.stderr as NodeJS.WriteStream).isTTY === true;
  return runBatch(
    tasks,
    {
      workers: flags.workers ?? defaultWorkers(),
      format,
      out: flags.out,
      resume: !!flags.resume,
      progress: live,
      total,
    },
    { stdout: process.stdout, stderr: process.stderr },
  );
}
