// The store contract: the same suite against every engine (SQLite in a temp directory, PostgreSQL
// in a fresh schema). Query tests load hand-written sheets (test/store/sheets.ts), so they assert
// what the store keeps and answers, never what the extractor finds; ingest tests go through HTTP.
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/store/open';
import { textHash, versionHash } from '../../src/store/service';
import type { FactStore } from '../../src/store/types';
import { ENGINES, type TestEngine } from './engines';
import { sheetOf, SPECS, type ArticleSpec } from './sheets';

describe.each(ENGINES)('%s store', (_name, makeEngine) => {
  let engine: TestEngine, store: FactStore, app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    engine = await makeEngine();
    store = await engine.open();
    app = createApp(
      loadConfig({ FACTSHEET_LOG_LEVEL: 'silent', FACTSHEET_MAX_TEXT_CHARS: '50000' }),
      pino({ level: 'silent' }),
      { store },
    );
    for (const a of SPECS) {
      const input = { id: a.id, title: a.title, publishedAt: a.publishedAt, source: a.source, text: a.text };
      const { outcome } = await store.save(input, versionHash(input), sheetOf(a));
      expect(outcome).toBe('created');
    }
  });
  afterAll(async () => {
    await store?.close();
    await engine?.drop();
  });

  const get = (url: string) => request(app).get(url);

  describe('ingest', () => {
    test('the same id with the same text is a no-op; new text is a new version', async () => {
      const first = SPECS[1];
      const again = await request(app)
        .post('/v1/articles')
        .send({
          id: first.id,
          text: first.text,
          title: first.title,
          publishedAt: first.publishedAt,
          source: first.source,
        });
      expect(again.status).toBe(200);
      expect(again.body.outcome).toBe('unchanged');
      const edited = { id: 'versioned', publishedAt: '2025-07-04', text: 'The minister spoke in Oslo on Monday.' };
      expect((await request(app).post('/v1/articles').send(edited)).body.article.version).toBe(1);
      const v2 = await request(app)
        .post('/v1/articles')
        .send({ ...edited, text: 'The minister spoke in Bergen on Tuesday.' });
      expect(v2.status).toBe(201);
      expect(v2.body).toMatchObject({ outcome: 'new-version', article: { version: 2, versions: [1, 2] } });
      const old = await get('/v1/articles/versioned?version=1');
      expect(old.body.text).toMatch(/Oslo/);
      expect(old.body.sheet.document.length).toBe(edited.text.length);
      expect((await get('/v1/articles/versioned')).body.text).toMatch(/Bergen/);
    });

    test('a stored sheet comes back as it was saved', async () => {
      const stored = await store.getArticle('recognition');
      expect(stored?.sheet).toEqual(sheetOf(SPECS[0]));
      expect(stored?.record).toMatchObject({
        id: 'recognition',
        version: 1,
        versions: [1],
        title: SPECS[0].title,
        publishedAt: '2025-07-04',
        extractorVersion: 'fixture-1',
      });
      const s0 = SPECS[0];
      expect(await store.headHash('recognition')).toBe(
        versionHash({ id: s0.id, title: s0.title, publishedAt: s0.publishedAt, source: s0.source, text: s0.text }),
      );
      expect(await store.staleArticles('fixture-1')).not.toContain('recognition');
      expect(await store.staleArticles('another')).toEqual(expect.arrayContaining(SPECS.map((a) => a.id)));
    });

    test('without an id the text identifies the article', async () => {
      const body = { text: 'A storm hit the coast of Chile on Sunday.' };
      const a = await request(app).post('/v1/articles').send(body);
      const b = await request(app).post('/v1/articles').send(body);
      expect(a.status).toBe(201);
      expect(b.status).toBe(200);
      expect(b.body.article.id).toBe(a.body.article.id);
    });

    test('bad input is a 4xx problem naming the field, and nothing is stored', async () => {
      const before = (await get('/v1/articles?limit=200')).body.items.length;
      const r1 = await request(app).post('/v1/articles').send({ id: 'x', text: '' });
      expect(r1.status).toBe(400);
      expect(r1.body.errors[0].field).toBe('text');
      const r2 = await request(app).post('/v1/articles').send({ id: 'x', text: 'ok', publishedAt: '2025-13-01' });
      expect(r2.body.errors[0].field).toBe('publishedAt');
      const r3 = await request(app).post('/v1/articles').set('Content-Type', 'application/xml').send('<a>hello</a>');
      expect(r3.status).toBe(415);
      const r4 = await request(app).post('/v1/articles').send({ id: 'x', text: 'ok', published_at: '2025-07-04' });
      expect(r4.status).toBe(400);
      expect(r4.body.errors).toEqual([{ field: 'published_at', message: 'published_at is not a known field' }]);
      const r5 = await request(app)
        .post('/v1/articles')
        .send({ id: 'x', text: 'a'.repeat(50001) });
      expect(r5.status).toBe(413); // the same text limit as /v1/extract
      expect(r5.body.detail).toBe('text is 50001 characters; the limit is 50000');
      expect((await get('/v1/articles?limit=200')).body.items.length).toBe(before);
    });

    test('text/plain bodies with the other fields as query parameters', async () => {
      const r = await request(app)
        .post('/v1/articles?id=plain-1&publishedAt=2025-07-04')
        .set('Content-Type', 'text/plain')
        .send('The port of Mombasa reopened on Monday.');
      expect(r.status).toBe(201);
      expect(r.body.article).toMatchObject({ id: 'plain-1', publishedAt: '2025-07-04' });
      const bad = await request(app)
        .post('/v1/articles?publishedat=2025-07-04')
        .set('Content-Type', 'text/plain')
        .send('Some text.');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('publishedat');
    });

    test('replacing a sheet re-indexes the newest version', async () => {
      const spec: ArticleSpec = {
        id: 'resheeted',
        title: 'Port fees',
        publishedAt: '2025-09-01',
        text: '“Fees will rise,” the harbour master said in Valletta.\n',
        entities: [{ id: 'E1', name: 'Valletta', type: 'place', mentions: ['Valletta'] }],
        quotes: [{ text: 'Fees will rise', kind: 'partial' }],
      };
      await store.save(
        { id: spec.id, text: spec.text, publishedAt: spec.publishedAt },
        textHash(spec.text),
        sheetOf(spec),
      );
      expect((await store.quotes({ q: 'fees', limit: 10 })).items.map((q) => q.articleId)).toEqual(['resheeted']);
      await store.replaceSheet(spec.id, { ...sheetOf(spec), quotes: [], extractorVersion: 'fixture-2' });
      expect((await store.quotes({ q: 'fees', limit: 10 })).items).toEqual([]);
      expect((await store.getArticle(spec.id))?.record).toMatchObject({ extractorVersion: 'fixture-2', versions: [1] });
      expect((await store.listEntities({ q: 'valletta', limit: 10 })).items).toMatchObject([
        { articleCount: 1, mentionCount: 1 },
      ]);
    });
  });

  describe('fact-checker questions', () => {
    test('every quote by Vladimir Putin about the Taliban', async () => {
      const all = await get('/v1/quotes?speaker=Vladimir%20Putin');
      expect(new Set(all.body.items.map((q: { articleId: string }) => q.articleId))).toEqual(
        new Set(['recognition', 'interview', 'summit']),
      );
      const bySurname = await get('/v1/quotes?speaker=putin');
      expect(bySurname.body.items.length).toBe(all.body.items.length);
      const about = await get('/v1/quotes?speaker=Putin&about=Taliban');
      expect(about.body.items.map((q: { text: string }) => q.text).sort()).toEqual([
        'The Taliban are an ally in the region',
        'The Taliban are our partners in the fight against terrorism',
      ]);
      const q = about.body.items[0];
      expect(q.sentence.text).toContain(q.text);
      expect(q).toMatchObject({
        publishedAt: '2025-07-04',
        title: SPECS[0].title,
        speaker: { name: 'Vladimir Putin' },
      });
      expect((await get('/v1/quotes?q=partners%20terrorism')).body.items).toHaveLength(1);
      expect((await get('/v1/quotes?speaker=Nobody%20Known')).body.items).toEqual([]);
      expect(
        (await get('/v1/quotes?speaker=Putin&from=2025-08-01')).body.items.map(
          (x: { articleId: string }) => x.articleId,
        ),
      ).toEqual(['summit']);
    });

    test('money figures about Afghan assets, and the one conflict', async () => {
      const figs = await get('/v1/figures?subject=afghan%20assets&kind=money');
      expect(figs.body.items.map((f: { value: number }) => f.value).sort()).toEqual([7e9, 9e9, 9.4e9]);
      expect(
        figs.body.items.every((f: { approximate: boolean; unit: string }) => f.approximate && f.unit === 'USD'),
      ).toBe(true);
      const conflicts = await get('/v1/figures/conflicts?subject=afghan%20assets');
      expect(conflicts.body.items).toHaveLength(1);
      const values = conflicts.body.items[0].figures.map((f: { value: number }) => f.value).sort();
      // $7 billion disagrees with both; roughly $9 billion and some $9.4 billion agree within their approximation
      expect(values).toEqual([7e9, 9e9, 9.4e9]);
      expect(conflicts.body.items[0].reason).not.toMatch(/\$9 billion” \(recognition\) vs “\$9\.4/);
      const stemmed = await get('/v1/figures?subject=afghan%20asset&kind=money');
      expect(stemmed.body.items).toHaveLength(3); // "asset" finds "assets"
      const inRange = await get('/v1/figures?kind=money&min=8000000000&max=10000000000');
      expect(inRange.body.items.map((f: { value: number }) => f.value).sort()).toEqual([9e9, 9.4e9]);
      expect(
        (await get('/v1/figures?kind=percent&unit=%25')).body.items.map((f: { subject: string }) => f.subject),
      ).toEqual(['exports']);
    });

    test('what happened between 2021 and 2022 involving Russia', async () => {
      const res = await get('/v1/events?entity=Russia&from=2021-01-01&to=2022-12-31');
      // "seized" names Russia only in its sentence: linked as mentioned
      expect(
        res.body.items.map((e: { trigger: string; date: { value: string } }) => `${e.trigger}:${e.date.value}`),
      ).toEqual(['kept:2021', 'seized:2021-08', 'signed:2022']);
      expect(res.body.items[2].participants).toEqual([
        { entityId: expect.any(Number), name: 'Russia', role: 'agent' },
        { entityId: expect.any(Number), name: 'Uzbekistan', role: 'other' },
      ]);
      const all = await get('/v1/events?limit=200');
      const dates = all.body.items.map((e: { date: { value: string } }) => e.date.value);
      expect([...dates].sort((a: string, b: string) => a.localeCompare(b))).toEqual(dates);
    });

    test('entities merge across articles', async () => {
      const res = await get('/v1/entities?q=putin&type=person');
      expect(res.body.items).toHaveLength(1);
      const putin = res.body.items[0];
      expect(putin).toMatchObject({ name: 'Vladimir Putin', articleCount: 3, mentionCount: 5 });
      const one = await get(`/v1/entities/${putin.id}`);
      expect(one.body.quotes.items.length).toBe(3);
      expect(one.body.entity.aliases).toContain('Putin');
      expect(one.body.events.items.map((e: { trigger: string }) => e.trigger)).toEqual(['hosted']);
      const russia = (await get('/v1/entities?q=russia&type=place')).body.items;
      expect(russia).toMatchObject([{ name: 'Russia', articleCount: 3, mentionCount: 4 }]);
    });

    test('articles by full text, entity and date', async () => {
      expect((await get('/v1/articles?q=Sochi')).body.items.map((a: { id: string }) => a.id)).toEqual(['summit']);
      const withKabul = (await get('/v1/articles?entity=Kabul&from=2025-07-01&to=2025-12-31')).body.items.map(
        (a: { id: string }) => a.id,
      );
      expect(withKabul.sort()).toEqual(['recognition', 'summit']);
      expect((await get('/v1/articles?q=frozen%20reserves')).body.items.map((a: { id: string }) => a.id)).toEqual([
        'donors',
      ]); // title words
    });
  });

  describe('pagination and errors', () => {
    test('cursors are opaque and bound to their list and filters', async () => {
      const first = await get('/v1/events?limit=2');
      const cursor = first.body.nextCursor as string;
      expect(Buffer.from(cursor, 'base64url').toString()).not.toMatch(/^\[/); // not a readable sort key
      expect((await get(`/v1/events?limit=5&cursor=${cursor}`)).status).toBe(200); // another page size is fine
      for (const url of [`/v1/quotes?cursor=${cursor}`, `/v1/events?entity=Russia&cursor=${cursor}`]) {
        const res = await get(url);
        expect([url, res.status, res.body.errors?.[0]?.field]).toEqual([url, 400, 'cursor']);
      }
    });

    test('cursor pagination walks every item once', async () => {
      for (const route of ['/v1/events', '/v1/quotes', '/v1/figures', '/v1/articles', '/v1/entities']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await get(`${route}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.status).toBe(200);
          seen.push(
            ...res.body.items.map((e: { articleId?: string; start?: number; id?: string }) => JSON.stringify(e)),
          );
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeGreaterThan(2);
        expect(seen.length).toBe((await get(`${route}?limit=200`)).body.items.length);
      }
    });

    test.each([
      ['/v1/figures?min=5&max=1', 'min'],
      ['/v1/figures?kind=weight', 'kind'],
      ['/v1/events?from=2025-02-30', 'from'],
      ['/v1/events?from=2025-05-01&to=2025-01-01', 'from'],
      ['/v1/quotes?limit=500', 'limit'],
      ['/v1/quotes?speakr=Putin', 'speakr'],
      ['/v1/quotes?cursor=bogus', 'cursor'],
      [`/v1/quotes?cursor=${Buffer.from('["x"]').toString('base64url')}`, 'cursor'],
      [`/v1/events?cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'cursor'],
      ['/v1/articles/recognition?version=zero', 'version'],
      ['/v1/entities/abc', 'id'],
    ])('%s → 400 naming %s', async (url, field) => {
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    test('unknown ids → 404', async () => {
      expect((await get('/v1/articles/nope')).status).toBe(404);
      expect((await get('/v1/articles/recognition?version=99')).status).toBe(404);
      expect((await get('/v1/entities/999999')).status).toBe(404);
    });
  });

  describe('faults and concurrency', () => {
    test('a failure in the middle of an ingest leaves nothing half-stored', async () => {
      const spec: ArticleSpec = { ...SPECS[1], id: 'half' };
      spec.entities = [...spec.entities, { id: 'E9', name: 'Halfland', type: 'place', mentions: ['Moscow'] }];
      const broken = sheetOf(spec);
      // a figure row that violates NOT NULL (text) makes the transaction fail after the article, entity and quote rows were written
      (broken.figures[0] as unknown as { text: null }).text = null;
      // (caught by hand: the driver's error class may come from another test file's module registry in a shared
      // jest worker, and `rejects.toThrow` does not recognise it as an Error)
      const failed = await store.save({ id: 'half', text: spec.text }, textHash(spec.text), broken).then(
        () => false,
        () => true,
      );
      expect(failed).toBe(true);
      expect(await store.getArticle('half')).toBeNull();
      expect(await store.headHash('half')).toBeNull();
      expect((await store.quotes({ q: 'partners terrorism', limit: 10 })).items.map((q) => q.articleId)).toEqual([
        'interview',
      ]);
      expect((await store.listArticles({ limit: 200 })).items.map((a) => a.id)).not.toContain('half');
      expect((await store.listEntities({ q: 'halfland', limit: 10 })).items).toEqual([]);
      expect((await store.listEntities({ q: 'uzbekistan', limit: 10 })).items).toMatchObject([
        { articleCount: 1, mentionCount: 1 },
      ]);
    });

    test('concurrent ingests of one id create one article', async () => {
      const body = { id: 'race', text: 'The council met in Lima on Monday.', publishedAt: '2025-07-04' };
      const results = await Promise.all(Array.from({ length: 8 }, () => request(app).post('/v1/articles').send(body)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect((await get('/v1/articles/race')).body.article.versions).toEqual([1]);
    });

    test('concurrent saves of one id through separate stores (connections) make one version', async () => {
      const other = await openStore(engine.options);
      try {
        const spec = { ...SPECS[3], id: 'race-2' };
        const outcomes = await Promise.all(
          [store, other, store, other].map((s) =>
            s.save({ id: spec.id, text: spec.text }, textHash(spec.text), sheetOf(spec)).then((r) => r.outcome),
          ),
        );
        expect(outcomes.sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged']);
        expect((await store.getArticle('race-2'))?.record.versions).toEqual([1]);
        // the entities of both writers merged: one Geneva, in two articles
        expect((await store.listEntities({ q: 'geneva', limit: 10 })).items).toMatchObject([{ articleCount: 2 }]);
      } finally {
        await other.close();
      }
    });

    test('two stores opening one database at once both migrate cleanly', async () => {
      const [a, b] = await Promise.all([openStore(engine.options), openStore(engine.options)]);
      await Promise.all([a.close(), b.close()]);
    });
  });
});
