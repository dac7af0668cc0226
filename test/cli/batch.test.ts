// Batch annotation through the real binary: worker pool order, bad lines, resume after SIGKILL,
// directories of .txt/.html, and the Label Studio and brat exports.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '../../dist/cli/main.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-batch-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SENTENCES = [
  'Lena Berg said the talks in Oslo went well on Monday.',
  'Exports from Chile rose 12% in 2024, officials said.',
  '“We will rebuild,” said Mayor Ana Costa of Lima.',
  'The Kenyan Health Ministry reported 1,200 new cases last week.',
];
const article = (i: number) => ({
  id: `doc-${i}`,
  publishedAt: '2025-07-04',
  text: `${SENTENCES[i % SENTENCES.length]} Item ${i} was filed in Nairobi.`,
});
const jsonl = (n: number, bad?: number) =>
  Array.from({ length: n }, (_, i) => (i === bad ? '{"id": "broken", "text": ' : JSON.stringify(article(i)))).join(
    '\n',
  ) + '\n';
const ids = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).id as string);

test('several workers keep input order, and a bad line yields an error line in place', () => {
  const r = run(['extract', '--workers', '3'], jsonl(40, 17));
  expect(r.status).toBe(1); // every line ran; one failed
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(out.map((o) => o.id)).toEqual(Array.from({ length: 40 }, (_, i) => (i === 17 ? 'broken' : `doc-${i}`)));
  expect(out[17].error.title).toBe('Invalid JSON');
  expect(out[2].quotes[0].speaker.name).toBe('Ana Costa');
  expect(r.stderr).toMatch(/done 39, failed 1/);
});

test('resume after SIGKILL mid-stream: no article lost, none duplicated', async () => {
  const input = path.join(dir, 'big.jsonl');
  const out = path.join(dir, 'big.out.jsonl');
  fs.writeFileSync(input, jsonl(600));
  const child = spawn(process.execPath, [BIN, 'extract', input, '--out', out, '--workers', '2'], { stdio: 'ignore' });
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (fs.existsSync(out) && fs.statSync(out).size > 20000) {
        clearInterval(poll);
        child.kill('SIGKILL');
        resolve();
      }
    }, 5);
  });
  await new Promise((resolve) => child.on('exit', resolve));
  // simulate the worst case too: a half-written last line
  fs.appendFileSync(out, '{"id":"doc-9999","extractorVers');
  const partial = fs.readFileSync(out, 'utf8').trim().split('\n').length;
  expect(partial).toBeLessThan(600);
  const r = run(['extract', input, '--out', out, '--resume', '--workers', '2']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/skipped \d+ \(resume\)/);
  const got = ids(fs.readFileSync(out, 'utf8'));
  expect(got).toHaveLength(600);
  expect(new Set(got).size).toBe(600);
});

test('a directory of .txt and .html files: ids are relative paths, HTML text is extracted', () => {
  const d = path.join(dir, 'mixed');
  fs.mkdirSync(path.join(d, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(d, 'a.txt'), 'The council met in Lima on Monday.');
  fs.writeFileSync(
    path.join(d, 'sub', 'b.html'),
    '<html><head><title>Port reopens</title><meta property="article:published_time" content="2025-07-04T08:00:00Z"></head><body><nav>Home</nav><article><h1>Port reopens</h1><p>The port of Mombasa reopened on Thursday after a strike that lasted nearly two weeks, officials said.</p><p>“Trade is flowing again,” said Amina Yusuf, the port director, adding that 40 ships were waiting.</p></article></body></html>',
  );
  const r = run(['extract', d, '--workers', '2']);
  expect(r.status).toBe(0);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(out.map((o) => o.id)).toEqual(['a.txt', 'sub/b.html']);
  const html = out[1];
  expect(html.text).toMatch(/^The port of Mombasa/);
  expect(html.title).toBe('Port reopens');
  expect(html.publishedAt).toBe('2025-07-04');
  expect(html.dates.find((x: { text: string }) => x.text === 'Thursday').value).toBe('2025-07-03');
  for (const q of html.quotes) expect(html.text.slice(q.start, q.end)).toBe(q.text);
  expect(html.text).not.toMatch(/Home/);
});

test('Label Studio export: tasks with data.text and predictions matching the labeling config', () => {
  const r = run(['extract', '--format', 'labelstudio', '--workers', '1'], jsonl(3));
  expect(r.status).toBe(0);
  const tasks = JSON.parse(r.stdout);
  expect(tasks).toHaveLength(3);
  for (const t of tasks) {
    expect(typeof t.data.text).toBe('string');
    const [pred] = t.predictions;
    expect(typeof pred.model_version).toBe('string');
    const labels = pred.result.filter((x: { type: string }) => x.type === 'labels');
    expect(labels.length).toBeGreaterThan(0);
    const ids = new Set(labels.map((x: { id: string }) => x.id));
    for (const x of labels) {
      expect(x).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
      expect(t.data.text.slice(x.value.start, x.value.end)).toBe(x.value.text);
      expect(x.value.labels).toHaveLength(1);
    }
    for (const rel of pred.result.filter((x: { type: string }) => x.type === 'relation')) {
      expect(ids.has(rel.from_id) && ids.has(rel.to_id)).toBe(true);
    }
  }
});

test('brat export: .txt/.ann pairs and annotation.conf, offsets in code points', () => {
  const out = path.join(dir, 'brat');
  const input = [
    JSON.stringify({
      id: 'emoji/1',
      publishedAt: '2025-07-04',
      text: '😀 Lena Berg said the port in Mombasa reopened on Thursday.',
    }),
    JSON.stringify(article(2)),
  ].join('\n');
  const r = run(['extract', '--format', 'brat', '--out', out], input);
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8')).toMatch(
    /\[entities\][\s\S]*PERSON[\s\S]*\[relations\][\s\S]*\[events\][\s\S]*\[attributes\]/,
  );
  const conf = fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8');
  const txt = fs.readFileSync(path.join(out, 'emoji_1.txt'), 'utf8');
  const cps = [...txt];
  const ann = fs.readFileSync(path.join(out, 'emoji_1.ann'), 'utf8').trim().split('\n');
  for (const line of ann) {
    if (line.startsWith('T')) {
      const m = /^T\d+\t([A-Z]+) (\d+) (\d+)\t(.*)$/.exec(line)!;
      expect(m).not.toBeNull();
      expect(conf).toContain(`\n${m[1]}\n`);
      expect(cps.slice(+m[2], +m[3]).join('')).toBe(m[4]);
    } else expect(line).toMatch(/^(?:R\d+\tSaidBy Arg1:T\d+ Arg2:T\d+|#\d+\tAnnotatorNotes T\d+\t.+)$/);
  }
  expect(fs.existsSync(path.join(out, 'doc-2.ann'))).toBe(true);
});

test('usage errors', () => {
  expect(run(['extract', '--resume']).status).toBe(2);
  expect(run(['extract', '--format', 'brat']).status).toBe(2);
  expect(run(['extract', '--workers', '0']).status).toBe(2);
  expect(run(['extract', '--format', 'xml']).status).toBe(2);
});

test('the README shows the labeling config the Label Studio export is made for', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LABEL_STUDIO_CONFIG } = require('../../src/batch/exports/labelstudio');
  expect(fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8')).toContain(LABEL_STUDIO_CONFIG);
});
