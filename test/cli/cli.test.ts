// The real binary (built dist/cli/main.js), as ../shared/eval/run and users call it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error('build first: npm run build (npm test does it)');
});

test('extract streams JSON Lines in order, with an error line for a bad line', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'Lena Berg said the talks went well on Monday.', publishedAt: '2025-07-04' }),
    '{ not json',
    JSON.stringify({ id: 'b', text: '' }),
    JSON.stringify({ id: 'c', text: 'Exports rose 12% in 2024.' }),
  ].join('\n');
  const r = run(['extract'], lines + '\n');
  expect(r.status).toBe(0);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(out).toHaveLength(4);
  expect(out.map((o) => o.id)).toEqual(['a', 'line:2', 'b', 'c']); // a line without a readable id is named by its line number
  expect(out[0].quotes[0].speaker.name).toBe('Lena Berg');
  expect(out[1].error.title).toBe('Invalid JSON');
  expect(out[2].error.field).toBe('text');
  expect(out[3].figures[0]).toMatchObject({ kind: 'percent', value: 12 });
});

test('extract FILE pretty-prints one article', () => {
  const file = path.join(os.tmpdir(), `factsheet-${process.pid}.txt`);
  fs.writeFileSync(file, 'The summit opened in Nairobi on Thursday.');
  const r = run(['extract', file, '--published', '2025-07-04']);
  fs.unlinkSync(file);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/\n {2}"entities"/);
  expect(JSON.parse(r.stdout).dates[0].value).toBe('2025-07-03');
});

test('usage errors exit non-zero', () => {
  expect(run(['frobnicate']).status).toBe(2);
  expect(run(['extract', '--published', 'soon']).status).toBe(2);
  expect(run(['extract', '/no/such/file.txt']).status).toBe(2);
});
