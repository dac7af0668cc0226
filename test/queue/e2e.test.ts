// End to end through the real binary: enqueue 200 articles (and three bad lines), run two worker
// processes on PostgreSQL, SIGKILL one mid-run, finish with the other. Every article is stored
// exactly once, and the failed jobs are exactly the bad lines. Runs dist/ (npm test builds first).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openQueue, queueStats, type ArticleQueue } from '../../src/queue/bull';
import type { FactStore } from '../../src/store/types';
import { postgresTestEngine, type TestEngine } from '../store/engines';
import { dropQueue, requireRedis, TEST_REDIS_URL, testQueueName } from './redis';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
const N = 200;
const PLACES = ['Riverton', 'Lakeside', 'Northfield', 'Ashford', 'Millbrook'];
const LONG = (i: number) => i % 50 === 10; // a few long articles take seconds to extract: a kill lands inside one
const article = (i: number) => {
  const para =
    `The council of ${PLACES[i % PLACES.length]} approved a budget of $${i + 1} million on Monday. ` +
    `“We will build ${i + 3} new schools,” Mayor Dana Whitfield said. Item ${i}.`;
  return {
    id: `wire-${i}`,
    publishedAt: `2025-0${1 + (i % 9)}-1${i % 10}`,
    text: LONG(i) ? Array(200).fill(para).join('\n') : para,
  };
};
const BAD = [
  { id: 'bad-empty', text: '' },
  { id: 'bad-date', text: 'A text.', publishedAt: '2025-02-30' },
  { id: 'bad-type', text: 42 },
];

let engine: TestEngine, store: FactStore, queue: ArticleQueue, dir: string;
const queueName = testQueueName('e2e');
const workers: ChildProcess[] = [];

beforeAll(async () => {
  await requireRedis();
  engine = await postgresTestEngine();
  store = await engine.open();
  queue = openQueue({ redisUrl: TEST_REDIS_URL, queueName, attempts: 3, lockMs: 2000 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-e2e-'));
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await queue?.close();
  await store?.close();
  await engine?.drop();
  await dropQueue(queueName).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const until = async (what: string, ok: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await queueStats(queue))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

test('200 articles, two workers, one SIGKILLed mid-run: each article stored once, only the bad lines failed', async () => {
  const env = {
    ...process.env,
    FACTSHEET_REDIS_URL: TEST_REDIS_URL,
    FACTSHEET_QUEUE_NAME: queueName,
    FACTSHEET_DATABASE_URL: engine.options.databaseUrl,
    FACTSHEET_JOB_LOCK_MS: '2000',
    FACTSHEET_DB_POOL_SIZE: '4',
  };
  const file = path.join(dir, 'articles.jsonl');
  const lines = Array.from({ length: N }, (_, i) => JSON.stringify(article(i)));
  lines.splice(50, 0, JSON.stringify(BAD[0]));
  lines.splice(120, 0, JSON.stringify(BAD[1]), JSON.stringify(BAD[2]));
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const enq = spawnSync(process.execPath, [BIN, 'enqueue', file], { env, encoding: 'utf8' });
  expect(enq.status).toBe(0);
  expect(enq.stderr).toMatch(/enqueued 203 articles/);
  expect(spawnSync(process.execPath, [BIN, 'enqueue', file], { env, encoding: 'utf8' }).status).toBe(0);
  expect((await queueStats(queue)).waiting).toBe(N + BAD.length); // the second enqueue added nothing

  const start = () => {
    const w = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    w.stderr!.on('data', (d) => {
      log += d;
    });
    workers.push(w);
    return { w, log: () => log };
  };
  // A starts alone, so the long articles are certainly its own (with both running, B could take every one of them);
  // B joins once A holds one, then A is killed inside it: the job must be handed to B by stalled-job detection
  const a = start();
  const nameA = `${os.hostname()}:${a.w.pid}`;
  let held: string | undefined;
  await until(
    'a long article active on worker A',
    async () => {
      held = (await queue.queue.getActive()).find((j) => j.processedBy === nameA && j.data.payload.length > 5000)?.id;
      return held !== undefined;
    },
    60_000,
  );
  const b = start();
  a.w.kill('SIGKILL');
  await until(
    'every job finished',
    async () => {
      const s = await queueStats(queue);
      return s.completed + s.failed === N + BAD.length;
    },
    90_000,
  );
  b.w.kill('SIGTERM');
  const code = await new Promise((r) => b.w.on('exit', (c) => r(c)));
  expect(code).toBe(0);
  expect(b.log()).toMatch(/SIGTERM, finishing current jobs/);

  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 200, cursor });
    for (const r of page.items) {
      ids.push(r.id);
      expect(r.versions).toEqual([1]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(ids).toHaveLength(N);
  expect(new Set(ids)).toEqual(new Set(Array.from({ length: N }, (_, i) => `wire-${i}`)));
  const failed = await queue.queue.getFailed(0, 100);
  expect(failed.map((j) => j.id!.split('#')[0]).sort()).toEqual(['bad-date', 'bad-empty', 'bad-type']);
  expect(failed.find((j) => j.id!.startsWith('bad-date'))?.failedReason).toMatch(/^publishedAt:/);
  expect((await queueStats(queue)).completed).toBe(N);
  const handed = await queue.queue.getJob(held!);
  expect(await handed!.getState()).toBe('completed');
  expect(handed!.processedBy).toBe(`${os.hostname()}:${b.w.pid}`);
  expect(b.log()).toContain(`job ${held} stalled`);
}, 180_000);
