// `factsheet extract`: JSON Lines, a directory of .txt/.html files, one file or stdin → fact
// sheets (JSON Lines, Label Studio tasks or brat standoff), in input order, on a worker pool.
import fs from 'node:fs';
import { MAX_TEXT_DEFAULT } from '../core/article';
import { directory, countFiles, fileTask, jsonLines } from '../batch/inputs';
import { defaultWorkers, runBatch, type Format } from '../batch/runner';
import { runTask } from '../batch/task';

export interface ExtractFlags {
  published?: string; title?: string; maxText?: number;
  workers?: number; out?: string; resume?: boolean; format?: Format; progress?: boolean;
}

export class UsageError extends Error {}

/** One plain-text or HTML article, pretty-printed. */
export function extractFile(file: string, flags: ExtractFlags): { json: string; ok: boolean } {
  const task = fileTask(file, file, { publishedAt: flags.published, title: flags.title, maxText: flags.maxText ?? MAX_TEXT_DEFAULT });
  const { result } = runTask(task);
  return { json: JSON.stringify(result, null, 2), ok: !('error' in result) };
}

export async function extractBatch(input: string | undefined, flags: ExtractFlags): Promise<{ done: number; failed: number; skipped: number }> {
  const format = flags.format ?? 'jsonl';
  if (flags.resume && (!flags.out || format !== 'jsonl')) throw new UsageError('--resume needs --out FILE and the jsonl format');
  if (format === 'brat' && !flags.out) throw new UsageError('--format brat needs --out DIR');
  const o = { publishedAt: flags.published, title: flags.title, maxText: flags.maxText ?? MAX_TEXT_DEFAULT };
  let tasks, total: number | null = null;
  if (!input || input === '-') tasks = jsonLines(process.stdin, o);
  else if (!fs.existsSync(input)) throw new UsageError(`no such file or directory: ${input}`);
  else if (fs.statSync(input).isDirectory()) { tasks = directory(input, o); total = countFiles(input); }
  else if (/\.(?:jsonl|ndjson)$/i.test(input)) tasks = jsonLines(fs.createReadStream(input), o);
  else tasks = (async function* one() { yield fileTask(input, input, o); })();
  const live = flags.progress ?? (process.stderr as NodeJS.WriteStream).isTTY === true;
  return runBatch(tasks, { workers: flags.workers ?? defaultWorkers(), format, out: flags.out, resume: !!flags.resume, progress: live, total }, { stdout: process.stdout, stderr: process.stderr });
}
