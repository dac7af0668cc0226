// Store benchmark (not a test): ingest N articles through the real ingest path (extraction +
// one transaction each), then p50/p95 latency of the fact-checker queries.
//   npm run build && node scripts/bench-store.mjs [--articles 10000] [--database-url postgres://…] [--reuse-sheets]
// --reuse-sheets extracts each distinct corpus text once and stores its sheet under every id that
// uses it: the ingest figure is then the store's alone, and a 10,000-article archive fills in minutes.
// Without --database-url: SQLite in a temp directory. With a postgres:// URL: a fresh schema,
// dropped afterwards (the URL's database must exist).
// Articles are the seed article and, when ../shared/eval is present, the dev texts, each made
// distinct by a suffix and a shifted publication date (read at run time, never copied here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { benchTexts } from './corpus.mjs';
const require = createRequire(import.meta.url);
const { openStore } = require('../dist/store/open.js');
const { ingestArticle, textHash } = require('../dist/store/service.js');
const { extract } = require('../dist/core/extract.js');

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const n = Number(arg('--articles')) || 10000;
const texts = benchTexts();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-bench-'));
let databaseUrl = arg('--database-url');
const schema = `factsheet_bench_${process.pid}`;
if (databaseUrl) {
  const u = new URL(databaseUrl);
  u.searchParams.set('schema', schema);
  databaseUrl = u.toString();
}
const store = await openStore({ dataDir: dir, databaseUrl, dbPoolSize: 4 });
console.log(`engine: ${store.engine}`);
const sheets = process.argv.includes('--reuse-sheets')
  ? texts.map((t) => extract(t, { publishedAt: '2020-01-01' }))
  : null;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86400000).toISOString().slice(0, 10);
  const input = {
    id: `a${i}`,
    publishedAt: day,
    title: `Article ${i}`,
    text: `${texts[i % texts.length]}\nFiled as item ${i}.`,
  };
  if (sheets) await store.save(input, textHash(input.text), { ...sheets[i % texts.length], id: input.id });
  else await ingestArticle(store, input);
  if ((i + 1) % 1000 === 0) process.stderr.write(`\r${i + 1}/${n}`);
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `\n${sheets ? 'stored (sheets reused)' : 'ingested'} ${n} articles in ${secs.toFixed(1)} s: ${(n / secs).toFixed(1)} articles/s`,
);

if (databaseUrl) {
  // as autovacuum would by now: planner statistics, and the GIN pending lists merged into the indexes
  const pg = require('pg');
  const c = new pg.Client({ connectionString: arg('--database-url') });
  await c.connect();
  const v0 = performance.now();
  for (const t of [
    'articles',
    'heads',
    'article_search',
    'entities',
    'entity_names',
    'mentions',
    'quotes',
    'figures',
    'events',
    'event_entities',
  ]) {
    await c.query(`VACUUM ANALYZE ${schema}.${t}`);
  }
  await c.end();
  console.log(`VACUUM ANALYZE in ${((performance.now() - v0) / 1000).toFixed(1)} s`);
}

const queries = {
  'quotes speaker=Putin': () => store.quotes({ speaker: 'Putin', limit: 50 }),
  'quotes speaker=Putin about=Taliban': () => store.quotes({ speaker: 'Putin', about: 'Taliban', limit: 50 }),
  'quotes q=recognition': () => store.quotes({ q: 'recognition', limit: 50 }),
  'figures subject=afghan assets kind=money': () =>
    store.figures({ subject: 'afghan assets', kind: 'money', limit: 50 }),
  'events entity=Russia 2021..2022': () =>
    store.events({ entity: 'Russia', from: '2021-01-01', to: '2022-12-31', limit: 50 }),
  'articles q=Boeing': () => store.listArticles({ q: 'Boeing', limit: 50 }),
  'entities q=putin': () => store.listEntities({ q: 'putin', limit: 50 }),
  'figures/conflicts subject=afghan assets': () => store.figureConflicts('afghan assets'),
};
for (const [name, fn] of Object.entries(queries)) {
  const xs = [];
  let hits = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const r = await fn();
    xs.push(performance.now() - t);
    hits = (r.items ?? r).length;
  }
  xs.sort((a, b) => a - b);
  console.log(`${name.padEnd(42)} p50 ${xs[15].toFixed(2)} ms  p95 ${xs[28].toFixed(2)} ms  (${hits} hits)`);
}
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
if (databaseUrl) {
  const pg = require('pg');
  const c = new pg.Client({ connectionString: arg('--database-url') });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}
