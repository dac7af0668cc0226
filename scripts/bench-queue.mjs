// Queue benchmark (not a test): N articles through the job queue into PostgreSQL with 1 and with 2
// worker processes (each `factsheet worker --concurrency 1`): articles/s and the scaling ratio.
//   npm run build && node scripts/bench-queue.mjs [--articles 2000] [--workers 1,2]
//     [--database-url postgres://postgres@127.0.0.1:5432/test] [--redis-url redis://127.0.0.1:6379]
// Each run uses a fresh schema and a fresh queue, both dropped afterwards. On a shared machine the
// absolute numbers move with the load: repeat, and compare runs made at the same time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { benchTexts, root } from './corpus.mjs';
const require = createRequire(import.meta.url);
const { openQueue, enqueue, queueStats } = require('../dist/queue/bull.js');
const pg = require('pg');

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const n = Number(arg('--articles', 2000));
const counts = arg('--workers', '1,2').split(',').map(Number);
const databaseUrl = arg('--database-url', 'postgres://postgres@127.0.0.1:5432/test');
const redisUrl = arg('--redis-url', 'redis://127.0.0.1:6379');
const texts = benchTexts();
const BIN = path.join(root, 'dist/cli/main.js');

async function run(workers) {
  const tag = `factsheet_bench_q${workers}_${process.pid}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', tag);
  const q = openQueue({ redisUrl, queueName: tag, attempts: 3, lockMs: 30000 });
  const jobs = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    kind: 'json',
    maxText: 200000,
    payload: JSON.stringify({
      id: `a${i}`,
      publishedAt: '2025-07-04',
      text: `${texts[i % texts.length]}\nFiled as item ${i}.`,
    }),
  }));
  for (let i = 0; i < jobs.length; i += 500) await enqueue(q, jobs.slice(i, i + 500));
  const env = {
    ...process.env,
    FACTSHEET_REDIS_URL: redisUrl,
    FACTSHEET_QUEUE_NAME: tag,
    FACTSHEET_DATABASE_URL: url.toString(),
    FACTSHEET_DB_POOL_SIZE: '4',
  };
  const t0 = performance.now();
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [BIN, 'worker', '--concurrency', '1'], { env, stdio: 'ignore' }),
  );
  let s,
    first = null,
    firstDone = 0;
  do {
    await new Promise((r) => setTimeout(r, 250));
    s = await queueStats(q);
    if (first === null && s.completed > 0) {
      first = performance.now();
      firstDone = s.completed;
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${workers} worker(s): ${s.completed}/${n}`);
  } while (s.completed + s.failed < n);
  const secs = (performance.now() - t0) / 1000;
  const steady = (n - firstDone) / ((performance.now() - first) / 1000);
  await Promise.all(
    procs.map(
      (p) =>
        new Promise((r) => {
          p.on('exit', r);
          p.kill('SIGTERM');
        }),
    ),
  );
  await q.queue.obliterate({ force: true });
  await q.close();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const stored = (await c.query(`SELECT COUNT(*)::int AS n FROM ${tag}.heads`)).rows[0].n;
  await c.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`);
  await c.end();
  console.log(
    `${workers} worker process(es): ${n} articles (${stored} stored, ${s.failed} failed) in ${secs.toFixed(1)} s: ` +
      `${(n / secs).toFixed(1)} articles/s with start-up, ${steady.toFixed(1)} articles/s once running`,
  );
  return steady;
}

const rates = [];
for (const w of counts) rates.push(await run(w));
if (rates.length > 1)
  console.log(
    `scaling ${counts[0]} → ${counts[counts.length - 1]} workers (once running): ×${(rates[rates.length - 1] / rates[0]).toFixed(2)}`,
  );
