// The small input holes: NUL bytes anywhere, a few bad bytes in a short article, year-0000
// publication dates, non-http URLs in the store.
import pino from 'pino';
import request from 'supertest';
import { looksBinary } from '../../src/input/article';
import { createApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import { ArticleIngest } from '../../src/store/types';

const app = createApp(loadConfig({}), pino({ level: 'silent' }));
const ARTICLE = 'The Kenyan Health Ministry said on Thursday that 1,200 clinics would reopen.';

test('a NUL byte after the first 4,096 characters is still binary', async () => {
  const text = `${ARTICLE} `.repeat(80) + '\u0000tail';
  expect(text.indexOf('\u0000')).toBeGreaterThan(4096);
  const res = await request(app).post('/v1/extract').send({ text });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].field).toBe('text');
});

test('a short article with a few mis-decoded bytes is text; mostly junk is not', () => {
  expect(looksBinary('Caf\uFFFD owner Jos\uFFFD Ruiz said on Monday that sales rose.')).toBe(false);
  expect(looksBinary('\u0001\u0002\u0003\u0004abc')).toBe(true);
  expect(looksBinary('PK\u0003\u0004'.repeat(400))).toBe(true);
});

test('publishedAt 0000-01-01 is refused, naming the field', async () => {
  const res = await request(app).post('/v1/extract').send({ text: ARTICLE, publishedAt: '0000-01-01' });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].field).toBe('publishedAt');
});

test('only http(s) URLs are stored', () => {
  expect(ArticleIngest.safeParse({ text: ARTICLE, url: 'javascript:alert(1)' }).success).toBe(false);
  expect(ArticleIngest.safeParse({ text: ARTICLE, url: 'data:text/html,<b>x</b>' }).success).toBe(false);
  expect(ArticleIngest.safeParse({ text: ARTICLE, url: 'https://news.example/a' }).success).toBe(true);
});

test('re-ingesting the same text with a new URL keeps the URL (a new version, not "unchanged")', async () => {
  const os = await import('node:os');
  const path = await import('node:path');
  const { openStore } = await import('../../src/store/open');
  const store = await openStore({ dataDir: path.join(os.tmpdir(), `fs-reingest-${process.pid}-${Date.now()}`) });
  try {
    const withStore = createApp(loadConfig({}), pino({ level: 'silent' }), { store });
    const first = await request(withStore).post('/v1/articles').send({ id: 'a1', text: ARTICLE });
    expect(first.body.outcome).toBe('created');
    expect((await request(withStore).post('/v1/articles').send({ id: 'a1', text: ARTICLE })).body.outcome).toBe(
      'unchanged',
    );
    const moved = await request(withStore)
      .post('/v1/articles')
      .send({ id: 'a1', text: ARTICLE, url: 'https://news.example/a1' });
    expect(moved.body.outcome).toBe('new-version');
    expect(moved.body.article.url).toBe('https://news.example/a1');
    expect(
      (await request(withStore).post('/v1/articles').send({ id: 'a1', text: ARTICLE, url: 'https://news.example/a1' }))
        .body.outcome,
    ).toBe('unchanged');
  } finally {
    await store.close();
  }
});
