// Where batch articles come from: JSON Lines (a file or stdin), a directory of .txt/.html files
// (id = relative path), or one file. Streams; never reads a whole JSONL file at once.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { LineDefaults, Limits } from '../input/article';
import type { Task } from './task';

export interface InputOptions extends LineDefaults, Limits {}

export async function* jsonLines(input: NodeJS.ReadableStream, o: InputOptions): AsyncGenerator<Task> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (!raw.trim()) continue;
    let id: string | null = null;
    const m = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(raw);
    if (m) {
      try {
        id = JSON.parse(`"${m[1]}"`) as string;
      } catch {
        id = null;
      }
    }
    yield { id: id ?? `line:${line}`, kind: 'json', payload: raw, ...o };
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:txt|html?)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export const countFiles = (dir: string): number => listFiles(dir).length;

export function fileTask(file: string, id: string, o: InputOptions): Task {
  const payload = fs.readFileSync(file, 'utf8');
  return { id, kind: /\.html?$/i.test(file) ? 'html' : 'text', payload, ...o };
}

export async function* directory(dir: string, o: InputOptions): AsyncGenerator<Task> {
  for (const file of listFiles(dir)) yield fileTask(file, path.relative(dir, file).split(path.sep).join('/'), o);
}

/** Non-empty lines of a file, for the progress bar's total (a cheap pass over the bytes). */
export function countLines(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n = 0,
    last = 10;
  try {
    for (let got = fs.readSync(fd, buf); got > 0; got = fs.readSync(fd, buf)) {
      for (let i = 0; i < got; i++) {
        if (buf[i] === 10 && last !== 10) n++;
        last = buf[i];
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return last === 10 ? n : n + 1;
}
