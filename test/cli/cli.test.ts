// The real binary (built dist/cli/main.js), as ../shared/eval/run and users call it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });

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
  expect(r.status).toBe(1); // every line ran; two failed
  expect(r.stderr).toMatch(/^done 2, failed 2, elapsed/m);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(out).toHaveLength(4);
  expect(out.map((o) => o.id)).toEqual(['a', 'line:2', 'b', 'c']); // a line without a readable id is named by its line number
  expect(out[0].quotes[0].speaker.name).toBe('Lena Berg');
  expect(out[1].error.title).toBe('Invalid JSON');
  expect(out[2].error).toMatchObject({ field: 'text', detail: 'text is empty' });
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
  expect(r.stderr).toMatch(/^done 1, failed 0, elapsed/m); // the summary line ends every run
});

test('--published applies to JSON Lines that do not give their own date', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'The summit opened in Nairobi on Thursday.' }),
    JSON.stringify({ id: 'b', text: 'The summit opened in Nairobi on Thursday.', publishedAt: '2025-06-20' }),
  ].join('\n');
  const r = run(['extract', '--published', '2025-07-04'], lines + '\n');
  expect(r.status).toBe(0);
  const [a, b] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(a).toMatchObject({ publishedAt: '2025-07-04', dates: [{ value: '2025-07-03' }] });
  expect(b).toMatchObject({ publishedAt: '2025-06-20', dates: [{ value: '2025-06-19' }] }); // the line's own date wins
});

test('help and version exit 0; a missing command shows help and exits 2', () => {
  for (const args of [['--help'], ['extract', '--help'], ['extract', '-h'], ['ingest', '--help'], ['help', 'query']]) {
    const r = run(args);
    expect([args, r.status]).toEqual([args, 0]);
    expect(r.stdout).toMatch(/^Usage: factsheet/);
  }
  const v = run(['--version']);
  expect(v.status).toBe(0);
  expect(v.stdout).toMatch(/^\d+\.\d+\.\d+ \(extractor /);
  const bare = run([]);
  expect(bare.status).toBe(2);
  expect(bare.stderr).toMatch(/Usage: factsheet/);
});

test('a usage error is one line with a pointer to --help, exit 2', () => {
  const r = run(['extract', '--published', '2025-02-30']);
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([
    "factsheet: option '--published <date>' argument '2025-02-30' is invalid. expected a calendar date as YYYY-MM-DD, got 2025-02-30",
    '(run factsheet extract --help for usage)',
  ]);
  expect(r.stdout).toBe('');
  expect(run(['extract', '--frobnicate']).stderr).toMatch(
    /^factsheet: unknown option '--frobnicate'\n\(run factsheet extract --help/,
  );
});

test('usage errors exit non-zero', () => {
  expect(run(['frobnicate']).status).toBe(2);
  expect(run(['extract', '--format', 'xml']).status).toBe(2);
  expect(run(['extract', '--workers', '0']).status).toBe(2);
  expect(run(['extract', '--published', 'soon']).status).toBe(2);
  expect(run(['extract', '/no/such/file.txt']).status).toBe(2);
});
