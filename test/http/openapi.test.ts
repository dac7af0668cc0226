// The OpenAPI document: in sync with the code, valid for real validators and client generators,
// and complete (every status a route can return is documented).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfig, lint } from '@redocly/openapi-core';
import pino from 'pino';
import request from 'supertest';
import YAML from 'yaml';
import { FactSheet, PartialFactSheet } from '../../src/core';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/http/app';
import { buildOpenApi, exampleSheet, openApiYaml } from '../../src/http/openapi';
import { openStore } from '../../src/store/open';
import type { FactStore } from '../../src/store/types';

const ROOT = path.join(__dirname, '../..');
const FILE = path.join(ROOT, 'openapi.yaml');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = () => YAML.parse(fs.readFileSync(FILE, 'utf8')) as Json;

test('openapi.yaml is generated from the zod schemas and up to date (npm run openapi)', () => {
  expect(fs.readFileSync(FILE, 'utf8')).toBe(openApiYaml());
});

test('passes the recommended rules of Redocly (no errors)', async () => {
  const problems = await lint({ ref: FILE, config: await createConfig({ extends: ['recommended'] }) });
  const errors = problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
  expect(errors).toEqual([]);
  // the only warnings: health, readiness, metrics, this document and its page cannot fail with a 4xx
  const warnings = problems.filter((p) => p.severity !== 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
  expect(
    warnings.every((w) => /^operation-4xx-response #\/paths\/~1(healthz|readyz|metrics|openapi\.yaml|docs)\//.test(w)),
  ).toBe(true);
});

test('is a valid OpenAPI 3.1 document whose every $ref names a component', async () => {
  // swagger-parser is an ES module jest cannot load: it validates in a child process
  const validate = spawnSync(
    process.execPath,
    [
      '-e',
      `require('@apidevtools/swagger-parser').validate(${JSON.stringify(FILE)})
    .then(() => console.log('valid'), (e) => { console.log(e.message); process.exit(1); })`,
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(validate.stdout.trim()).toBe('valid');
  const d = doc();
  expect(d.openapi).toBe('3.1.0');
  const refs: string[] = [];
  const walk = (n: unknown, at: string): void => {
    if (Array.isArray(n)) {
      n.forEach((x, i) => walk(x, `${at}/${i}`));
      return;
    }
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      expect([`${at}/${k}`, ['$id', '$defs', 'definitions', '$schema'].includes(k)]).toEqual([`${at}/${k}`, false]);
      if (k === '$ref') refs.push(v as string);
      else walk(v, `${at}/${k}`);
    }
  };
  walk(d, '#');
  for (const r of new Set(refs)) {
    const m = /^#\/components\/(schemas|responses)\/(\w+)$/.exec(r);
    expect([r, !!m && !!d.components[m[1]][m[2]]]).toEqual([r, true]);
  }
  for (const name of [
    'Entity',
    'Mention',
    'DateFact',
    'Event',
    'Quote',
    'Speaker',
    'Figure',
    'Boilerplate',
    'FactSheet',
    'Problem',
    'QuoteHit',
    'FigureHit',
    'EventHit',
    'GlobalEntity',
    'ArticleRecord',
    'QuotePage',
    'FigurePage',
    'EventPage',
    'EntityPage',
    'ArticlePage',
  ]) {
    expect([name, !!d.components.schemas[name]]).toEqual([name, true]);
  }
  expect(d.components.schemas.FactSheet.properties.entities.items).toEqual({ $ref: '#/components/schemas/Entity' });
});

test('every operation has a unique operationId, tags, and the problem responses', () => {
  const d = doc();
  const ids: string[] = [];
  for (const [p, ops] of Object.entries(d.paths as Json)) {
    for (const [method, op] of Object.entries(ops as Json)) {
      ids.push(op.operationId);
      expect([p, method, op.tags?.length > 0]).toEqual([p, method, true]);
      if (p.startsWith('/v1/'))
        expect([p, method, op.responses['500']]).toEqual([p, method, { $ref: '#/components/responses/InternalError' }]);
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(['extract', 'extractBatch', 'ingestArticle', 'listQuotes', 'getEntity']));
  expect(d.paths['/v1/articles'].post.security).toEqual([{ BearerAuth: [] }, { ApiKey: [] }]);
  expect(d.servers).toEqual([{ url: 'http://127.0.0.1:8080' }]);
  expect(buildOpenApi(loadConfig({ FACTSHEET_PUBLIC_URL: 'https://facts.example.org' })).servers).toEqual([
    { url: 'https://facts.example.org' },
  ]);
  const seed = fs.readFileSync(path.join(ROOT, 'data/samples/seed-article.txt'), 'utf8');
  expect(d.paths['/v1/extract'].post.requestBody.content['application/json'].example.text).toBe(seed);
});

test('the examples are valid', () => {
  expect(() => FactSheet.parse(exampleSheet())).not.toThrow();
  expect(() =>
    PartialFactSheet.parse(doc().paths['/v1/extract'].post.responses['200'].content['application/json'].example),
  ).not.toThrow();
  const sheet = exampleSheet();
  for (const f of [...sheet.dates, ...sheet.quotes, ...sheet.entities.flatMap((e) => e.mentions)]) {
    expect(f.text).toBe('“We are ready,” said Grace Wanjiru on Thursday.'.slice(f.start, f.end));
  }
});

describe('every status code a route returns is documented', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-openapi-'));
  let store: FactStore;
  let app: ReturnType<typeof createApp>;
  const config = loadConfig({
    FACTSHEET_MAX_TEXT_CHARS: '500',
    FACTSHEET_MAX_BODY_BYTES: '4000',
    FACTSHEET_BATCH_MAX_LINES: '2',
  });
  beforeAll(async () => {
    store = await openStore({ dataDir: dir }); // awaited: a store may open asynchronously
    app = createApp(config, pino({ level: 'silent' }), { store });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const text = 'The port of Mombasa reopened on Thursday, said Amina Yusuf.';
  const ndjson = (req: request.Test) => req.set('Content-Type', 'application/x-ndjson');
  const cases: [string, string, (r: typeof request) => request.Test][] = [
    ['post', '/v1/extract', (r) => r(app).post('/v1/extract').send({ text })],
    ['post', '/v1/extract', (r) => r(app).post('/v1/extract').send({ text: '' })],
    [
      'post',
      '/v1/extract',
      (r) =>
        r(app)
          .post('/v1/extract')
          .send({ text: 'word '.repeat(200) }),
    ],
    ['post', '/v1/extract', (r) => r(app).post('/v1/extract').set('Content-Type', 'application/xml').send('<a/>')],
    ['post', '/v1/extract/batch', (r) => ndjson(r(app).post('/v1/extract/batch')).send(JSON.stringify({ text }))],
    ['post', '/v1/extract/batch', (r) => ndjson(r(app).post('/v1/extract/batch')).send('\n')],
    ['post', '/v1/extract/batch', (r) => ndjson(r(app).post('/v1/extract/batch')).send('{}\n{}\n{}')],
    ['post', '/v1/extract/batch', (r) => r(app).post('/v1/extract/batch').send({ text })],
    ['post', '/v1/articles', (r) => r(app).post('/v1/articles').send({ id: 'a', text })],
    ['post', '/v1/articles', (r) => r(app).post('/v1/articles').send({ id: 'a', text })],
    [
      'post',
      '/v1/articles',
      (r) =>
        r(app)
          .post('/v1/articles')
          .send({ id: 'a', text: 'x'.repeat(600) }),
    ],
    ['post', '/v1/articles', (r) => r(app).post('/v1/articles').send({ id: 'a', txt: text })],
    ['post', '/v1/articles', (r) => r(app).post('/v1/articles').set('Content-Type', 'application/xml').send('<a/>')],
    ['get', '/v1/articles', (r) => r(app).get('/v1/articles?q=port')],
    ['get', '/v1/articles', (r) => r(app).get('/v1/articles?bogus=1')],
    ['get', '/v1/articles/{id}', (r) => r(app).get('/v1/articles/a')],
    ['get', '/v1/articles/{id}', (r) => r(app).get('/v1/articles/nope')],
    ['get', '/v1/articles/{id}', (r) => r(app).get('/v1/articles/a?version=0')],
    ['get', '/v1/quotes', (r) => r(app).get('/v1/quotes?speaker=Yusuf')],
    ['get', '/v1/quotes', (r) => r(app).get('/v1/quotes?limit=0')],
    ['get', '/v1/figures', (r) => r(app).get('/v1/figures')],
    ['get', '/v1/figures', (r) => r(app).get('/v1/figures?min=abc')],
    ['get', '/v1/figures/conflicts', (r) => r(app).get('/v1/figures/conflicts')],
    ['get', '/v1/figures/conflicts', (r) => r(app).get('/v1/figures/conflicts?subjct=x')],
    ['get', '/v1/events', (r) => r(app).get('/v1/events')],
    ['get', '/v1/events', (r) => r(app).get('/v1/events?from=2025-02-30')],
    ['get', '/v1/entities', (r) => r(app).get('/v1/entities')],
    ['get', '/v1/entities', (r) => r(app).get('/v1/entities?type=planet')],
    ['get', '/v1/entities/{id}', (r) => r(app).get('/v1/entities/1')],
    ['get', '/v1/entities/{id}', (r) => r(app).get('/v1/entities/99999')],
    ['get', '/v1/entities/{id}', (r) => r(app).get('/v1/entities/abc')],
    ['get', '/healthz', (r) => r(app).get('/healthz')],
    ['get', '/openapi.yaml', (r) => r(app).get('/openapi.yaml')],
  ];
  test.each(cases.map((c, i) => [i, ...c] as const))('#%i %s %s', async (_i, method, route, send) => {
    const res = await send(request);
    const documented = Object.keys(doc().paths[route][method].responses);
    expect([method, route, res.status, documented.includes(String(res.status))]).toEqual([
      method,
      route,
      res.status,
      true,
    ]);
  });
});

test('openapi-typescript types compile against a typed client usage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-types-'));
  try {
    const gen = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), FILE, '-o', path.join(dir, 'api.d.ts')],
      { encoding: 'utf8' },
    );
    expect(gen.status).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'usage.ts'),
      `import type { components, paths } from './api';
type Sheet = components['schemas']['FactSheet'];
type IsAny<T> = 0 extends 1 & T ? true : false;
declare const sheet: Sheet;
const start: number = sheet.entities[0].mentions[0].start;
const startIsTyped: IsAny<typeof start> = false;
const quote = sheet.quotes[0];
const speaker: string | null | undefined = quote.speaker?.name;
const kind: 'direct' | 'partial' | 'indirect' | 'scare' | 'title' = quote.kind;
// @ts-expect-error facts are typed, not unknown: a field that does not exist does not compile
sheet.entities[0].nonsense;
type Extracted = paths['/v1/extract']['post']['responses'][200]['content']['application/json'];
declare const extracted: Extracted;
const value: string | null | undefined = extracted.dates?.[0]?.value;
type QuotePage = paths['/v1/quotes']['get']['responses'][200]['content']['application/json'];
declare const page: QuotePage;
const cursor: string | null = page.nextCursor;
const problem: components['schemas']['Problem'] = { type: 't', title: 't', status: 400, detail: 'd', instance: '/', errors: [{ field: 'text', message: 'text is required' }] };
export { start, startIsTyped, speaker, kind, value, cursor, problem };
`,
    );
    const tsc = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--types',
        'node',
        '--target',
        'es2022',
        '--module',
        'commonjs',
        path.join(dir, 'usage.ts'),
      ],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
