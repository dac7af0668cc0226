// `factsheet extract`: JSON Lines on stdin → one fact sheet (or {id, error}) per line on stdout,
// in input order; or one plain-text file, pretty-printed.
import fs from 'node:fs';
import readline from 'node:readline';
import { MAX_TEXT_DEFAULT } from '../core/article';
import { problem, runArticle } from '../core/run-article';

export interface ExtractFlags { published?: string; title?: string; maxText?: number }

export async function extractJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, flags: ExtractFlags): Promise<{ done: number; failed: number }> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let done = 0, failed = 0, lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let raw: unknown;
    let result;
    try { raw = JSON.parse(line); } catch (e) {
      result = problem(null, 'Invalid JSON', `line ${lineNo}: ${(e as Error).message}`, null);
    }
    result ??= runArticle(raw, flags.maxText ?? MAX_TEXT_DEFAULT);
    if ('error' in result) failed++; else done++;
    if (!output.write(JSON.stringify(result) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return { done, failed };
}

export function extractFile(file: string, flags: ExtractFlags): { json: string; ok: boolean } {
  const text = fs.readFileSync(file, 'utf8');
  const result = runArticle({ id: file, text, publishedAt: flags.published, title: flags.title }, flags.maxText ?? MAX_TEXT_DEFAULT);
  return { json: JSON.stringify(result, null, 2), ok: !('error' in result) };
}
