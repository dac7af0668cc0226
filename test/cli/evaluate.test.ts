// `factsheet evaluate` through the real binary: the shipped gold sample, and round trips through
// our own Label Studio and brat exports (what we export, evaluate reads back with F1 = 1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
const SAMPLE = path.join(__dirname, '../../data/gold-sample');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-eval-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sampleLines = () =>
  fs
    .readdirSync(SAMPLE)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const d = JSON.parse(fs.readFileSync(path.join(SAMPLE, f), 'utf8'));
      return JSON.stringify({ id: d.id, text: d.text, publishedAt: d.publishedAt });
    })
    .join('\n') + '\n';

interface Score {
  gold: number;
  predicted: number;
  overlap: { f1: number };
  exact: { f1: number };
  valueAccuracy: number | null;
  speakerAccuracy: number | null;
}

test('the gold sample scores every fact type, as a table and as JSON', () => {
  const table = run(['evaluate', SAMPLE]);
  expect(table.status).toBe(0);
  expect(table.stdout.split('\n')[0]).toMatch(/^type\s+gold\s+pred\s+P\s+R\s+F1\s+P exact/);
  expect(table.stderr).toMatch(/^evaluated 3 document\(s\)/m);
  const json = JSON.parse(run(['evaluate', SAMPLE, '--json']).stdout) as {
    documents: number;
    scores: Record<string, Score>;
  };
  expect(json.documents).toBe(3);
  for (const t of ['entities', 'dates', 'quotes', 'figures']) {
    expect(json.scores[t].gold).toBeGreaterThan(5);
    expect(json.scores[t].overlap.f1).toBeGreaterThan(0.8);
  }
  expect(json.scores.quotes.speakerAccuracy).not.toBeNull();
  expect(json.scores.dates.valueAccuracy).not.toBeNull();
});

test('--show lists the misses of one type', () => {
  const gold = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'harbour-strike.json'), 'utf8'));
  gold.dates.push({ start: 0, end: 4, text: gold.text.slice(0, 4), type: 'date', value: '2025' }); // a date that is not one
  const file = path.join(dir, 'one.json');
  fs.writeFileSync(file, JSON.stringify(gold));
  const r = run(['evaluate', file, '--show', 'dates']);
  expect(r.stdout).toMatch(/missed\s+harbour-strike 0-4 "Dock"/);
  expect(run(['evaluate', file, '--show', 'nonsense']).status).toBe(2);
  expect(run(['evaluate', path.join(dir, 'nothing-here.json')]).status).toBe(2);
});

test('round trip: export with --format labelstudio, evaluate it → F1 = 1 for every type', () => {
  const tasks = path.join(dir, 'tasks.json');
  expect(run(['extract', '--format', 'labelstudio', '--out', tasks, '--workers', '1'], sampleLines()).status).toBe(0);
  const r = run(['evaluate', tasks, '--json']);
  expect(r.status).toBe(0);
  const { scores } = JSON.parse(r.stdout) as { scores: Record<string, Score> };
  for (const [type, s] of Object.entries(scores)) {
    if (!s.gold) continue;
    expect([type, s.exact.f1, s.valueAccuracy ?? 1, s.speakerAccuracy ?? 1]).toEqual([type, 1, 1, 1]);
  }
  expect(scores.entities.gold).toBeGreaterThan(0);
});

test('a Label Studio export with annotations: the corrections of the annotators are the gold', () => {
  const tasks = path.join(dir, 'tasks.json');
  expect(run(['extract', '--format', 'labelstudio', '--out', tasks, '--workers', '1'], sampleLines()).status).toBe(0);
  const exported = JSON.parse(fs.readFileSync(tasks, 'utf8')) as {
    data: { text: string };
    predictions: { result: { type: string; value?: { labels: string[] } }[] }[];
  }[];
  // an annotator removed every DATE region of the first task and submitted: those dates become false positives
  const [first] = exported;
  const kept = first.predictions[0].result.filter((r) => !(r.type === 'labels' && r.value?.labels[0] === 'DATE'));
  const removed = first.predictions[0].result.length - kept.length;
  expect(removed).toBeGreaterThan(0);
  const corrected = [{ ...first, annotations: [{ id: 1, was_cancelled: false, result: kept }] }, ...exported.slice(1)];
  const file = path.join(dir, 'annotated.json');
  fs.writeFileSync(file, JSON.stringify(corrected));
  const { scores } = JSON.parse(run(['evaluate', file, '--json']).stdout) as { scores: Record<string, Score> };
  expect(scores.dates.predicted - scores.dates.gold).toBe(removed);
  expect(scores.dates.overlap.f1).toBeLessThan(1);
  expect(scores.entities.exact.f1).toBe(1);
});

test('round trip through brat standoff: the same spans (brat counts code points)', () => {
  const out = path.join(dir, 'brat');
  const emoji = JSON.stringify({
    id: 'emoji',
    text: '🚢 Dock workers in Rotterdam ended a strike on Thursday, said Jan Smit.',
  });
  expect(
    run(['extract', '--format', 'brat', '--out', out, '--workers', '1'], sampleLines() + emoji + '\n').status,
  ).toBe(0);
  const { scores } = JSON.parse(run(['evaluate', out, '--json']).stdout) as { scores: Record<string, Score> };
  const dated = JSON.parse(
    run(['evaluate', path.join(out, 'harbour-strike.ann'), '--published', '2025-03-14', '--json']).stdout,
  ) as { scores: Record<string, Score> };
  expect(dated.scores.dates.valueAccuracy).toBe(1); // the publication date brat files lack, from the command line
  // brat files carry no publication date, and which events are dated depends on it: spans only
  for (const type of ['entities', 'dates', 'quotes', 'figures'])
    expect([type, scores[type].exact.f1]).toEqual([type, 1]);
  expect(scores.entities.gold).toBeGreaterThan(10);
});
