// Load benchmark (not a test): starts the server, drives it with autocannon and prints one table.
// Distinct ~5 KB articles (every request a cache miss) at 1, 8 and 32 connections, then cache
// hits, for 1 worker and for all cores: requests/s, latency p50/p95/p99, server CPU (cores) and
// peak RSS. Cache hits are measured for two fixed articles, one whose sheet is all ASCII and one with accented
// names: autocannon's response parser slows down on bytes over 127 (a bare server writing the accented sheet
// gets a quarter of the ASCII rate), so each hit row has a floor row beside it — a bare node:http server,
// run in the same session, that hashes each body and writes the very bytes our server answered.
// usage: npm run build && node scripts/bench-load.mjs [--seconds 10] [--workers 1,2] [--connections 1,8,32]
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
const ASCII_NAMES = NAMES.filter((n) => /^[\x20-\x7e]+$/.test(n));
const ACCENTED_NAMES = ['Tomás Ruiz', 'Zoë Laurent', 'Łukasz Wójcik', 'José Núñez'];
let serial = 0;
/** A distinct ~5 KB article: same shapes as news, different names, numbers and dates. */
function article(n = ++serial, names = NAMES) {
  const pick = (xs, k) => xs[(n * 7 + k * 13) % xs.length];
  const parts = [];
  for (let k = 0; parts.join(' ').length < 5000; k++) {
    parts.push(
      [
        `${pick(names, k)}, a spokesperson for ${pick(ORGS, k)}, said on ${pick(DAYS, k)} that spending rose ${(n % 90) + k}% to $${(n + k) % 500} million in ${2000 + ((n + k) % 25)}.`,
        `“We expect ${k + (n % 40)} new contracts before the end of the year,” ${pick(names, k + 1)} told reporters in ${pick(PLACES, k)}.`,
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
    // a fixed body is built into the request once; a fresh one per request costs the load generator a copy each time
    ...(body ? { body } : { requests: [{ setupRequest: (req) => ({ ...req, body: article() }) }] }),
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

// The floor: what any server does for a hit (read the body, hash it, write the cached bytes), nothing else.
const FLOOR = `
const http = require('node:http'), { createHash } = require('node:crypto');
const out = require('node:fs').readFileSync(process.env.BODY_FILE);
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const etag = createHash('sha256').update(Buffer.concat(chunks)).digest('hex').slice(0, 32);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': out.length, etag });
    res.end(out);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');`;

async function floor(port, name, sheet, body) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fs-floor-')), 'sheet.json');
  fs.writeFileSync(file, sheet);
  const child = spawn(process.execPath, ['-e', FLOOR], {
    env: { ...process.env, PORT: String(port), BODY_FILE: file },
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 500));
    return {
      workers: '-',
      load: `floor: bare node:http, same ${name} bytes`,
      ...(await scenario(port, child.pid, 8, body)),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

// The machine's own ceiling for parallel extraction: K processes extracting distinct articles, no HTTP,
// no pool. Two of them on two cores get less than twice one: V8's GC and compiler threads take the rest.
const LOOP = `
const { extract } = require(process.env.CORE);
const texts = JSON.parse(require('node:fs').readFileSync(process.env.TEXTS, 'utf8'));
let i = 0, n = 0;
for (let w = 0; w < 5; w++) JSON.stringify(extract(texts[i++ % texts.length], { publishedAt: '2025-07-04' }));
const end = Date.now() + Number(process.env.MS);
while (Date.now() < end) { JSON.stringify(extract(texts[i++ % texts.length], { publishedAt: '2025-07-04' })); n++; }
process.stdout.write(String(n));`;

async function ceiling(k) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fs-ceiling-')), 'texts.json');
  fs.writeFileSync(file, JSON.stringify(Array.from({ length: 200 }, () => JSON.parse(article()).text)));
  const env = { ...process.env, CORE: path.join(root, 'dist/core'), TEXTS: file, MS: String(SECONDS * 1000) };
  const counts = await Promise.all(
    Array.from({ length: k }, () => {
      const child = spawn(process.execPath, ['-e', LOOP], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      return new Promise((r) => child.on('exit', () => r(Number(out))));
    }),
  );
  const rps = counts.reduce((a, b) => a + b, 0) / SECONDS;
  return {
    workers: `${k} proc`,
    load: 'ceiling: bare extraction loops, no HTTP',
    rps,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    non2xx: '-',
  };
}

const HITS = {
  ASCII: article(1_000_000, ASCII_NAMES),
  accented: article(1_000_001, ACCENTED_NAMES),
};
const sheets = {};
const rows = [];
for (const workers of WORKERS) {
  const port = 19000 + workers;
  const child = await startServer(workers, port);
  try {
    for (const c of CONNECTIONS)
      rows.push({ workers, load: `distinct 5 KB, ${c} conn`, ...(await scenario(port, child.pid, c, null)) });
    for (const [name, body] of Object.entries(HITS)) {
      const res = await fetch(`http://127.0.0.1:${port}/v1/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      sheets[name] = Buffer.from(await res.arrayBuffer());
      const kb = (sheets[name].length / 1024).toFixed(0);
      rows.push({
        workers,
        load: `cache hits, ${name} sheet (${kb} KB), 8 conn`,
        ...(await scenario(port, child.pid, 8, body)),
      });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}
for (const [name, body] of Object.entries(HITS)) rows.push(await floor(19100, name, sheets[name], body));
for (const k of [...new Set([1, CORES])]) rows.push(await ceiling(k));
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
