// Load benchmark (not a test): starts the server, drives it with autocannon and prints one table.
// Distinct ~5 KB articles (every request a cache miss) at 1, 8 and 32 connections, then cache
// hits, for 1 worker and for all cores: requests/s, latency p50/p95/p99, server CPU (cores) and
// peak RSS. usage: npm run build && node scripts/bench-load.mjs [--seconds 10] [--workers 1,2]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = Number(arg('seconds', '10'));
const CORES = os.availableParallelism?.() ?? os.cpus().length;
const WORKERS = arg('workers', `1,${CORES}`).split(',').map(Number);
const CONNECTIONS = arg('connections', '1,8,32').split(',').map(Number);

const NAMES = [
  'Amina Diallo',
  'Chen Wei',
  'Lars Holm',
  'Priya Nair',
  'Tomás Ruiz',
  'Grace Wanjiru',
  'Oleg Petrov',
  'Sara Cohen',
];
const ORGS = [
  'the Finance Ministry',
  'Voltra Energy',
  'the Central Bank',
  'the city council',
  'Norden Shipping',
  'the health agency',
];
const PLACES = ['Nairobi', 'Oslo', 'Lima', 'Hanoi', 'Warsaw', 'Accra'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
let serial = 0;
/** A distinct ~5 KB article: same shapes as news, different names, numbers and dates. */
function article() {
  const n = ++serial;
  const pick = (xs, k) => xs[(n * 7 + k * 13) % xs.length];
  const parts = [];
  for (let k = 0; parts.join(' ').length < 5000; k++) {
    parts.push(
      [
        `${pick(NAMES, k)}, a spokesperson for ${pick(ORGS, k)}, said on ${pick(DAYS, k)} that spending rose ${(n % 90) + k}% to $${(n + k) % 500} million in ${2000 + ((n + k) % 25)}.`,
        `“We expect ${k + (n % 40)} new contracts before the end of the year,” ${pick(NAMES, k + 1)} told reporters in ${pick(PLACES, k)}.`,
        `The agreement, signed in ${pick(PLACES, k + 2)} on ${((n + k) % 28) + 1} March, covers ${(n * 3 + k) % 900} workers and ${k + 2} ports.`,
        `According to ${pick(ORGS, k + 3)}, exports fell by ${(n + k) % 17}.${k % 10} per cent over ${(k % 5) + 2} years.`,
      ][k % 4],
    );
  }
  return JSON.stringify({ text: `Report ${n}\n` + parts.join(' '), publishedAt: '2025-07-04' });
}

function cpuSeconds(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / os.constants?.CLK_TCK || (Number(f[11]) + Number(f[12])) / 100;
}
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function startServer(workers, port) {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/main.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      FACTSHEET_WORKERS: String(workers),
      FACTSHEET_QUEUE_MAX: '1000',
      FACTSHEET_LOG_LEVEL: 'silent',
      FACTSHEET_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'fs-bench-')),
      FACTSHEET_MAX_BODY_BYTES: '2000000',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // warm every worker (each loads the core once)
  await Promise.all(
    Array.from({ length: workers * 2 }, () =>
      fetch(`http://127.0.0.1:${port}/v1/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: article(),
      }),
    ),
  );
  return child;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function scenario(port, pid, connections, body) {
  const latencies = [];
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      /* gone */
    }
  }, 250);
  const cpu0 = cpuSeconds(pid),
    t0 = performance.now();
  const inst = autocannon({
    url: `http://127.0.0.1:${port}/v1/extract`,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body ? body : article() }) }],
  });
  inst.on('response', (_c, _status, _bytes, ms) => latencies.push(ms));
  const result = await inst;
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const non2xx = result.non2xx;
  return {
    rps: result.requests.total / wall,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    cpu: (cpuSeconds(pid) - cpu0) / wall,
    rss: peak,
    non2xx,
  };
}

const rows = [];
for (const workers of WORKERS) {
  const port = 19000 + workers;
  const child = await startServer(workers, port);
  try {
    for (const c of CONNECTIONS)
      rows.push({ workers, load: `distinct 5 KB, ${c} conn`, ...(await scenario(port, child.pid, c, null)) });
    const cached = article();
    await fetch(`http://127.0.0.1:${port}/v1/extract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: cached,
    });
    rows.push({ workers, load: 'cache hits, 8 conn', ...(await scenario(port, child.pid, 8, cached)) });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log(
  `\n${SECONDS} s per row, ${CORES} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
console.log('| workers | load | req/s | p50 ms | p95 ms | p99 ms | server CPU (cores) | peak RSS MB | non-2xx |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.workers} | ${r.load} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.cpu, 2)} | ${f(r.rss, 0)} | ${r.non2xx} |`,
  );
