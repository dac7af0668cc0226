// The hit path (src/http/hit-path.ts): a repeated JSON body is answered before Express, with the
// same bytes and headers the route gives; everything it cannot answer reaches Express unchanged.
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';

const silent = pino({ level: 'silent' });
const ARTICLE = 'Judge Mara Lindqvist said on Tuesday that the trial would resume in 14 days. ';
let serial = 0;
const fresh = () => `${ARTICLE}Hearing ${++serial} of the autumn session.`;

/** Requests answered by the hit path so far, read from /metrics as an operator would. */
async function answered(app: ReturnType<typeof createApp>): Promise<number> {
  const text = (await request(app).get('/metrics')).text;
  return Number(/^factsheet_cache_hit_path_answers (\d+)/m.exec(text)?.[1] ?? NaN);
}

const post = (app: ReturnType<typeof createApp>, body: string) =>
  request(app).post('/v1/extract').set('Content-Type', 'application/json').send(body);

describe('hit path', () => {
  const app = createApp(loadConfig({}), silent);

  test('a repeated body is answered before Express with the bytes and headers of the route', async () => {
    const body = JSON.stringify({ text: fresh(), publishedAt: '2026-03-03' });
    const first = await post(app, body); // miss: through Express
    const before = await answered(app);
    const second = await post(app, body).set('X-Request-Id', 'editor-42');
    expect(await answered(app)).toBe(before + 1);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    for (const h of ['etag', 'content-type', 'content-length', 'x-content-type-options'])
      expect([h, second.headers[h]]).toEqual([h, first.headers[h]]);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers['x-request-id']).toBe('editor-42');
    const notModified = await post(app, body).set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(await answered(app)).toBe(before + 2);
  });

  test('the same sheet asked in other bytes goes through Express once, then is answered here', async () => {
    const text = fresh();
    const compact = JSON.stringify({ text });
    const spaced = JSON.stringify({ text }, null, 2);
    await post(app, compact);
    const before = await answered(app);
    const first = await post(app, spaced); // other bytes: the route finds the cached sheet
    expect(first.headers['x-cache']).toBe('hit');
    expect(await answered(app)).toBe(before);
    const again = await post(app, spaced);
    expect(again.text).toBe(first.text);
    expect(await answered(app)).toBe(before + 1);
  });

  test('a body it read but cannot answer reaches the route: errors are the same problems', async () => {
    const broken = await post(app, '{"text": ');
    expect(broken.status).toBe(400);
    expect(broken.body.type).toMatch(/invalid-json$/);
    expect(broken.body.errors).toEqual([{ field: '(body)', message: 'not valid JSON' }]);
    const empty = await post(app, '');
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toContain('text');
    const bom = await post(app, `\uFEFF${JSON.stringify({ text: fresh() })}`);
    expect(bom.status).toBe(200);
    const unknown = await post(app, JSON.stringify({ text: fresh(), colour: 'red' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('colour');
  });

  test('a refused body never becomes a hit', async () => {
    const body = JSON.stringify({ text: fresh(), publishedAt: '2026-02-30' });
    for (let i = 0; i < 2; i++) expect((await post(app, body)).status).toBe(400);
  });

  test('query strings, other media types and oversized bodies are left to Express', async () => {
    const text = fresh();
    await post(app, JSON.stringify({ text }));
    const before = await answered(app);
    const withQuery = await request(app)
      .post('/v1/extract?include=dates')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text }));
    expect(withQuery.status).toBe(400);
    const plain = await request(app).post('/v1/extract').set('Content-Type', 'text/plain').send(text);
    expect(plain.status).toBe(200);
    const small = createApp(loadConfig({ FACTSHEET_MAX_BODY_BYTES: '1024' }), silent);
    const big = await post(small, JSON.stringify({ text: 'x'.repeat(2000) }));
    expect(big.status).toBe(413);
    expect(await answered(app)).toBe(before);
  });

  test('an evicted body is extracted again, and its miss counted once', async () => {
    const tiny = createApp(loadConfig({ FACTSHEET_CACHE_ENTRIES: '1' }), silent);
    const a = JSON.stringify({ text: fresh() });
    const b = JSON.stringify({ text: fresh() });
    await post(tiny, a);
    await post(tiny, b); // a is evicted
    const again = await post(tiny, a);
    expect(again.headers['x-cache']).toBe('miss');
    const metrics = (await request(tiny).get('/metrics')).text;
    expect(metrics).toMatch(/^factsheet_cache_misses 3$/m);
  });

  test('off under a rate limit (every request is counted) and for a browser when CORS is on', async () => {
    const limited = createApp(loadConfig({ FACTSHEET_RATE_LIMIT: '100' }), silent);
    const body = JSON.stringify({ text: fresh() });
    await post(limited, body);
    const hit = await post(limited, body);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers.ratelimit).toBeDefined();
    expect(await answered(limited)).toBe(0);

    const origin = 'https://newsroom.example';
    const cors = createApp(loadConfig({ FACTSHEET_CORS_ORIGINS: origin }), silent);
    await post(cors, body);
    const browser = await post(cors, body).set('Origin', origin);
    expect(browser.headers['x-cache']).toBe('hit');
    expect(browser.headers['access-control-allow-origin']).toBe(origin);
    expect(await answered(cors)).toBe(0);
    await post(cors, body); // no Origin: a server-side tool
    expect(await answered(cors)).toBe(1);
  });

  test('logs the line pino-http writes, with the request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logged = createApp(loadConfig({}), pino({ level: 'info' }, sink));
    const body = JSON.stringify({ text: fresh() });
    await post(logged, body);
    await post(logged, body).set('X-Request-Id', 'r-2');
    const [viaExpress, viaHitPath] = lines.filter((l) => l.msg === 'request completed');
    expect(viaHitPath).toMatchObject({
      req: { id: 'r-2', method: 'POST', url: '/v1/extract' },
      res: { statusCode: 200 },
    });
    expect(Object.keys(viaHitPath).sort()).toEqual(Object.keys(viaExpress).sort());
    expect(Object.keys(viaHitPath.req as object).sort()).toEqual(Object.keys(viaExpress.req as object).sort());
  });

  test('a client that hangs up halfway through its body leaves the server serving', async () => {
    const server = createServer(createApp(loadConfig({}), silent));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await new Promise<void>((resolve) => {
        const s = connect(port, '127.0.0.1', () => {
          s.write('POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
          s.write('Content-Length: 1000\r\n\r\n{"text": "The hearing was adjourned');
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 50);
        });
      });
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`http://127.0.0.1:${port}/v1/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: fresh() }),
      });
      expect(res.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
