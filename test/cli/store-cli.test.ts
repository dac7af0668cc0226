// `factsheet ingest` and `factsheet query` through the real binary, on a temp data dir.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES } from '../store/fixtures';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
let dir: string;
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, FACTSHEET_DATA_DIR: dir },
  });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('ingest loads JSON Lines with a summary on stderr, and query answers from the store', () => {
  const file = path.join(dir, 'in.jsonl');
  fs.writeFileSync(
    file,
    [...ARTICLES.map((a) => JSON.stringify(a)), '{broken', JSON.stringify({ id: 'empty', text: '' })].join('\n') + '\n',
  );
  const r = run(['ingest', file]);
  expect(r.status).toBe(1); // some lines failed: the others are stored, the run says so
  expect(r.stderr).toMatch(/^done 4, failed 2, stored 4, unchanged 0, elapsed/m);
  const errors = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  expect(errors.map((e) => [e.id, e.error.field])).toEqual([
    ['line:5', '(line)'],
    ['empty', 'text'],
  ]);
  const again = run(['ingest', file]);
  expect(again.stderr).toMatch(/stored 0, unchanged 4/);

  const quotes = run(['query', 'quotes', '--speaker', 'Putin']);
  expect(quotes.status).toBe(0);
  expect(quotes.stdout.split('\n')[0]).toMatch(/speaker\.name/);
  expect(quotes.stdout).toMatch(/partners in the fight/);
  const json = JSON.parse(run(['query', 'figures', '--subject', 'afghan assets', '--json']).stdout);
  expect(json.items.length).toBe(3);
  const conflicts = JSON.parse(run(['query', 'conflicts', '--subject', 'afghan assets', '--json']).stdout);
  expect(conflicts).toHaveLength(1);
});

test('bad filters are usage errors', () => {
  const r = run(['query', 'figures', '--min', '5', '--max', '1']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/min is greater than max/);
  expect(r.stderr.trim().split('\n')).toHaveLength(2); // one line, then the pointer to --help
  expect(run(['query', 'quotes', '--speakr', 'Putin']).stderr).toMatch(/--speakr is not a known field/);
  expect(run(['query', 'nonsense']).status).toBe(2);
});
