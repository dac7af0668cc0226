// Batch deadlines: a line past FACTSHEET_EXTRACT_TIMEOUT_MS becomes an {id, error} line in its
// place and the run goes on (needs `npm run build`: the pool runs the compiled worker).
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { defaultTimeoutMs, runBatch } from '../../src/batch/runner';
import type { Task } from '../../src/batch/task';

async function* tasks(lines: { id: string; text: string }[]): AsyncGenerator<Task> {
  for (const l of lines) yield { id: l.id, kind: 'json', payload: JSON.stringify(l), maxTextChars: 200_000 };
}

test('a line past its deadline yields {id, error} in place; the others are extracted', async () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const t = Date.now();
  const lines = [
    { id: 'a', text: 'Ana Ruiz, the mayor, said on Monday that 12 schools would reopen.' },
    { id: 'slow', text: 'SPIN The council met.' },
    { id: 'c', text: 'Exports rose 4% in 2024, the ministry said.' },
  ];
  const r = await runBatch(
    tasks(lines),
    {
      workers: 1,
      format: 'jsonl',
      resume: false,
      progress: false,
      total: null,
      timeoutMs: 4000,
      workerFile: path.join(__dirname, 'fixtures/spin-batch-worker.js'),
    },
    { stdout, stderr: new PassThrough() },
  );
  expect(Date.now() - t).toBeLessThan(30_000); // not the minute the slow line would take
  const rows = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(rows.map((x) => x.id)).toEqual(['a', 'slow', 'c']);
  expect(rows[1].error.title).toBe('Extraction timed out');
  expect(rows[1].error.detail).toMatch(/FACTSHEET_EXTRACT_TIMEOUT_MS=4000/);
  expect(rows[2].error).toBeUndefined();
  expect(rows[2].figures.length).toBeGreaterThan(0);
  expect(r).toMatchObject({ done: 3, failed: 1 });
}, 60_000);

test('the deadline comes from FACTSHEET_EXTRACT_TIMEOUT_MS, a minute by default', () => {
  expect(defaultTimeoutMs({})).toBe(60_000);
  expect(defaultTimeoutMs({ FACTSHEET_EXTRACT_TIMEOUT_MS: '2500' })).toBe(2500);
});
