// The HTTP API through supertest against createApp(): success, caching, and every error shape.
import pino from 'pino';
import request from 'supertest';
import { FactSheet, PartialFactSheet } from '../../src/core';
import { createApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import { Problem } from '../../src/http/problem';

const config = loadConfig({
  FACTSHEET_MAX_TEXT_CHARS: '2000',
  FACTSHEET_MAX_BODY_BYTES: '20000',
  FACTSHEET_CACHE_ENTRIES: '10',
});
const app = createApp(config, pino({ level: 'silent' }));
const ARTICLE =
  'The Kenyan Health Ministry said on Thursday that 1,200 clinics would reopen. “We are ready,” said Grace Wanjiru.';

function expectProblem(res: request.Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = Problem.parse(JSON.parse(res.text));
  expect(body.status).toBe(status);
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  return body;
}

describe('POST /v1/extract', () => {
  test('returns a valid fact sheet for JSON', async () => {
    const res = await request(app).post('/v1/extract').send({ text: ARTICLE, publishedAt: '2025-07-04' });
    expect(res.status).toBe(200);
    const sheet = FactSheet.parse(res.body);
    expect(sheet.quotes.find((q) => q.kind === 'direct')?.speaker?.name).toBe('Grace Wanjiru');
    expect(sheet.dates.find((d) => d.text === 'Thursday')?.value).toBe('2025-07-03');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  test('accepts text/plain with query parameters', async () => {
    const res = await request(app)
      .post('/v1/extract?publishedAt=2025-07-04&include=dates')
      .set('Content-Type', 'text/plain')
      .send(ARTICLE);
    expect(res.status).toBe(200);
    expect(res.body.dates.length).toBeGreaterThan(0);
  });

  test('caches by content and answers If-None-Match with 304', async () => {
    const text = `${ARTICLE} Cache probe ${Date.now()}.`;
    const first = await request(app).post('/v1/extract').send({ text });
    const second = await request(app).post('/v1/extract').send({ text });
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers.etag).toBe(first.headers.etag);
    const third = await request(app).post('/v1/extract').set('If-None-Match', first.headers.etag).send({ text });
    expect(third.status).toBe(304);
  });

  test('invalid JSON → 400', async () => {
    const res = await request(app).post('/v1/extract').set('Content-Type', 'application/json').send('{"text": ');
    expectProblem(res, 400, '(body)');
  });
  test('wrong type → 400 naming the field', async () => {
    expectProblem(await request(app).post('/v1/extract').send({ text: 42 }), 400, 'text');
    expectProblem(
      await request(app)
        .post('/v1/extract')
        .send({ text: 'ok text', include: ['nonsense'] }),
      400,
      'include.0',
    );
  });
  test('empty text → 400', async () => {
    expectProblem(await request(app).post('/v1/extract').send({ text: '   ' }), 400, 'text');
  });
  test('invalid date → 400 naming publishedAt', async () => {
    expectProblem(
      await request(app).post('/v1/extract').send({ text: ARTICLE, publishedAt: '2025-02-30' }),
      400,
      'publishedAt',
    );
    expectProblem(
      await request(app).post('/v1/extract').send({ text: ARTICLE, publishedAt: 'yesterday' }),
      400,
      'publishedAt',
    );
  });
  test('binary junk → 400', async () => {
    const junk = Array.from({ length: 500 }, (_, i) => String.fromCharCode(i % 31)).join('');
    expectProblem(await request(app).post('/v1/extract').send({ text: junk }), 400, 'text');
  });
  test('text over the limit → 413 naming text', async () => {
    expectProblem(
      await request(app)
        .post('/v1/extract')
        .send({ text: 'word '.repeat(1000) }),
      413,
      'text',
    );
  });
  test('body over the limit → 413', async () => {
    expectProblem(
      await request(app)
        .post('/v1/extract')
        .send({ text: 'x'.repeat(30000) }),
      413,
    );
  });
  test('unsupported media type → 415', async () => {
    expectProblem(
      await request(app).post('/v1/extract').set('Content-Type', 'application/xml').send('<a/>'),
      415,
      'Content-Type',
    );
  });
  test('a JSON array body → 400', async () => {
    expectProblem(await request(app).post('/v1/extract').send([1, 2]), 400);
  });
  test('messages are written for people, one error per bad field', async () => {
    const missing = expectProblem(await request(app).post('/v1/extract').send({ title: 'x' }), 400, 'text');
    expect(missing.errors).toEqual([{ field: 'text', message: 'text is required' }]);
    const wrong = expectProblem(await request(app).post('/v1/extract').send({ text: 42, title: 7 }), 400);
    expect(wrong.errors).toEqual([
      { field: 'text', message: 'text must be a string' },
      { field: 'title', message: 'title must be a string' },
    ]);
    expect(JSON.stringify(wrong)).not.toMatch(/received|expected string|Unrecognized/);
  });
  test('unknown body fields and query parameters → 400 naming them', async () => {
    const body = expectProblem(
      await request(app).post('/v1/extract').send({ text: ARTICLE, published_at: '2025-07-04' }),
      400,
      'published_at',
    );
    expect(body.errors).toEqual([{ field: 'published_at', message: 'published_at is not a known field' }]);
    expectProblem(
      await request(app).post('/v1/extract?publishedat=2025-07-04').set('Content-Type', 'text/plain').send(ARTICLE),
      400,
      'publishedat',
    );
    expectProblem(
      await request(app).post('/v1/extract?include=dates,nonsense').set('Content-Type', 'text/plain').send(ARTICLE),
      400,
      'include.1',
    );
  });
  test('a JSON body together with query options → 400', async () => {
    const p = expectProblem(
      await request(app).post('/v1/extract?publishedAt=2025-07-04').send({ text: ARTICLE }),
      400,
      'publishedAt',
    );
    expect(p.detail).toMatch(/options go in the body/);
  });
  test('413 says the limit', async () => {
    const text = expectProblem(
      await request(app)
        .post('/v1/extract')
        .send({ text: 'word '.repeat(1000) }),
      413,
      'text',
    );
    expect(text.detail).toBe('text is 5000 characters; the limit is 2000');
    const body = expectProblem(
      await request(app)
        .post('/v1/extract')
        .send({ text: 'x'.repeat(30000) }),
      413,
      '(body)',
    );
    expect(body.detail).toMatch(/the limit is 20000 bytes/);
  });
  test('include leaves the sections that were not asked for out', async () => {
    const res = await request(app).post('/v1/extract?include=dates').set('Content-Type', 'text/plain').send(ARTICLE);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(expect.arrayContaining(['dates', 'boilerplate', 'document']));
    expect(res.body).not.toHaveProperty('quotes');
    expect(res.body).not.toHaveProperty('figures');
    const quotes = await request(app)
      .post('/v1/extract')
      .send({ text: ARTICLE, include: ['quotes'] });
    expect(quotes.body.quotes.length).toBeGreaterThan(0);
    expect(quotes.body.entities.length).toBeGreaterThan(0); // quotes refer to entities: they come too
    expect(quotes.body).not.toHaveProperty('dates');
    expect(() => PartialFactSheet.parse(quotes.body)).not.toThrow();
  });
});

describe('other routes', () => {
  test('unknown route → 404 problem', async () => {
    expectProblem(await request(app).get('/v1/nope'), 404, 'path');
  });
  test('healthz, openapi.yaml and docs', async () => {
    expect((await request(app).get('/healthz')).body.status).toBe('ok');
    const y = await request(app).get('/openapi.yaml');
    expect(y.status).toBe(200);
    expect(y.text).toMatch(/^openapi: 3/);
    const d = await request(app).get('/docs');
    expect(d.text).toMatch(/swagger-ui/);
    expect((await request(app).get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('config', () => {
  test('a bad value stops start-up with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ FACTSHEET_CACHE_ENTRIES: '-5' })).toThrow(/FACTSHEET_CACHE_ENTRIES/);
  });
});

describe('POST /v1/extract with HTML and /v1/extract/batch', () => {
  test('an HTML page: text extracted, offsets into it, date from metadata', async () => {
    const page =
      '<html><head><title>Port reopens</title><meta property="article:published_time" content="2025-07-04"></head><body><nav>Menu</nav><article><p>The port of Mombasa reopened on Thursday after a strike that lasted nearly two weeks, officials said on the record.</p><p>“Trade is flowing again,” said Amina Yusuf, who runs the port, adding that ships were waiting.</p></article></body></html>';
    const res = await request(app).post('/v1/extract').set('Content-Type', 'text/html').send(page);
    expect(res.status).toBe(200);
    expect(res.body.text).toMatch(/^The port of Mombasa/);
    expect(() => PartialFactSheet.parse(res.body)).not.toThrow(); // `text` is part of the contract
    expect(res.body.publishedAt).toBe('2025-07-04');
    for (const d of res.body.dates) expect(res.body.text.slice(d.start, d.end)).toBe(d.text);
  });

  test('an HTML fragment is the article itself', async () => {
    const res = await request(app)
      .post('/v1/extract?publishedAt=2025-07-04')
      .set('Content-Type', 'text/html')
      .send('<p>The port of Mombasa reopened on Thursday.</p><p>“Trade is flowing again,” said Amina Yusuf.</p>');
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(
      'The port of Mombasa reopened on Thursday.\n“Trade is flowing again,” said Amina Yusuf.',
    );
    expect(res.body.dates[0]).toMatchObject({ text: 'Thursday', value: '2025-07-03' });
  });

  test('NDJSON batch streams one line per input line, in order, with per-line errors', async () => {
    const body = [
      JSON.stringify({ id: 'a', text: 'Lena Berg said the talks went well.' }),
      'not json',
      JSON.stringify({ id: 'c', text: 'Exports rose 12% in 2024.' }),
    ].join('\n');
    const res = await request(app).post('/v1/extract/batch').set('Content-Type', 'application/x-ndjson').send(body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/ndjson/);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'line:2', 'c']);
    expect(lines[1].error.title).toBe('Invalid JSON');
    expect(() => FactSheet.parse(lines[2])).not.toThrow();
  });

  test('batch errors: too many lines, no lines, wrong type', async () => {
    const small = createApp(loadConfig({ FACTSHEET_BATCH_MAX_LINES: '2' }), pino({ level: 'silent' }));
    const three = ['{"text":"a"}', '{"text":"b"}', '{"text":"c"}'].join('\n');
    expectProblem(
      await request(small).post('/v1/extract/batch').set('Content-Type', 'application/x-ndjson').send(three),
      413,
    );
    expectProblem(
      await request(app).post('/v1/extract/batch').set('Content-Type', 'application/x-ndjson').send('\n\n'),
      400,
    );
    expectProblem(await request(app).post('/v1/extract/batch').send({ text: 'x' }), 415, 'Content-Type');
    // NDJSON labelled application/json: say which type to send, not "invalid JSON"
    const p = expectProblem(
      await request(app)
        .post('/v1/extract/batch')
        .set('Content-Type', 'application/json')
        .send('{"text":"a"}\n{"text":"b"}'),
      415,
      'Content-Type',
    );
    expect(p.detail).toMatch(/^send application\/x-ndjson/);
  });
});
