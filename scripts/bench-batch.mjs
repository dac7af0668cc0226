// Batch throughput benchmark (not a test): articles/s through `factsheet extract` with 1 worker
// and with every core, peak RSS, and the scaling ratio, on >= 2,000 articles.
//   npm run build && node scripts/bench-batch.mjs [--articles 2000]
// The corpus repeats the seed article and, when ../shared/eval is present, the dev texts (read at
// run time, never copied into the project).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchTexts, root } from './corpus.mjs';

const n = Number(process.argv[process.argv.indexOf('--articles') + 1]) || 2000;
const texts = benchTexts();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-batchbench-'));
const input = path.join(dir, 'in.jsonl');
fs.writeFileSync(
  input,
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `a${i}`, publishedAt: '2025-07-04', text: texts[i % texts.length] }),
  ).join('\n') + '\n',
);
const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

function measure(workers) {
  const out = path.join(dir, `out-${workers}.jsonl`);
  const t = Date.now();
  // /usr/bin/time reports the peak RSS of the whole process tree's main process (workers are threads)
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      path.join(root, 'dist/cli/main.js'),
      'extract',
      input,
      '--out',
      out,
      '--workers',
      String(workers),
    ],
    { encoding: 'utf8' },
  );
  const secs = (Date.now() - t) / 1000;
  const rssKb = Number((r.stderr.trim().split('\n').pop() ?? '').trim());
  const lines = fs.readFileSync(out, 'utf8').trim().split('\n').length;
  return { workers, secs, rate: n / secs, rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : NaN, lines };
}

console.log(`${n} articles, ${cores} cores`);
const one = measure(1);
const all = measure(cores);
for (const m of [one, all])
  console.log(
    `workers ${m.workers}: ${m.rate.toFixed(1)} articles/s (${m.secs.toFixed(1)} s, ${m.lines} lines), peak RSS ${m.rssMb.toFixed(0)} MB`,
  );
console.log(`scaling ratio (all cores / 1 worker): ${(all.rate / one.rate).toFixed(2)}`);
fs.rmSync(dir, { recursive: true, force: true });
