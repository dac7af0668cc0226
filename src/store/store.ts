// FactStore over any Kysely engine: versioned ingest, indexing and every query, written once.
// Only the newest version of each article has its facts indexed; every version keeps its text and
// sheet. A save is one transaction, so a failure leaves nothing half-stored.
import { sql, type Kysely } from 'kysely';
import type { FactSheet } from '../core/factsheet';
import { conflictsIn } from './conflicts';
import { CursorError, decodeCursor, encodeCursor, normName } from './cursor';
import type { Engine, Trx } from './engine';
import { resolveEntities } from './merge';
import {
  eventEntityRows,
  eventRows,
  figureRows,
  mentionRows,
  parseSheet,
  quoteRows,
  slices,
  toEvent,
  toFigure,
  toQuote,
  toRecord,
} from './rows';
import type { Database } from './schema';
import type {
  ArticleFilter,
  ArticleIngest,
  ArticleRecord,
  EntityFilter,
  EventFilter,
  EventHit,
  FactStore,
  FigureConflict,
  FigureFilter,
  FigureHit,
  GlobalEntity,
  IngestOutcome,
  Page,
  QuoteFilter,
  QuoteHit,
  StoredVersion,
} from './types';

type Row = Record<string, unknown>;
const STATEMENT_KINDS = ['direct', 'partial', 'indirect'];
const CONFLICT_KINDS = ['money', 'percent', 'count', 'quantity'];
const RECORD_COLUMNS = [
  'a.id',
  'a.version',
  'a.url',
  'a.title',
  'a.source',
  'a.published_at',
  'a.extractor_version',
  'a.created_at',
] as const;
const empty = <T>(): Page<T> => ({ items: [], nextCursor: null });
const likeEscape = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** A cursor key of the expected types, or a CursorError (never a database type error). */
function cursorKey(cursor: string | undefined, types: ('string' | 'number')[]): (string | number)[] | null {
  const key = decodeCursor(cursor, types.length);
  if (key && !key.every((k, i) => typeof k === types[i])) throw new CursorError('cursor is not one this API issued');
  return key as (string | number)[] | null;
}

/** The newest version of each article: heads h joined to its articles row a. */
const heads = (db: Kysely<Database>) =>
  db
    .selectFrom('heads as h')
    .innerJoin('articles as a', (j) => j.onRef('a.id', '=', 'h.id').onRef('a.version', '=', 'h.version'));

type EntityQuery = ReturnType<KyselyStore['entityBase']>;

export class KyselyStore implements FactStore {
  readonly engine: string;
  private readonly db: Kysely<Database>;

  constructor(private readonly impl: Engine) {
    this.engine = impl.name;
    this.db = impl.db;
  }

  close(): Promise<void> {
    return this.impl.close();
  }

  // ------------------------------------------------------------------ articles

  private async versions(ids: string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.db
      .selectFrom('articles')
      .select(['id', 'version'])
      .where('id', 'in', ids)
      .orderBy('version')
      .execute();
    for (const r of rows) out.get(r.id)!.push(r.version);
    return out;
  }

  private async record(id: string): Promise<ArticleRecord | null> {
    const row = await heads(this.db).select(RECORD_COLUMNS).where('h.id', '=', id).executeTakeFirst();
    return row ? toRecord(row, (await this.versions([id])).get(id)!) : null;
  }

  async getArticle(id: string, version?: number): Promise<StoredVersion | null> {
    const row = await (
      version === undefined
        ? heads(this.db)
            .select([...RECORD_COLUMNS, 'a.text', 'a.sheet'])
            .where('h.id', '=', id)
        : this.db
            .selectFrom('articles as a')
            .select([...RECORD_COLUMNS, 'a.text', 'a.sheet'])
            .where('a.id', '=', id)
            .where('a.version', '=', version)
    ).executeTakeFirst();
    if (!row) return null;
    return {
      record: toRecord(row, (await this.versions([id])).get(id)!),
      text: row.text,
      sheet: parseSheet(row.sheet),
    };
  }

  async headHash(id: string): Promise<string | null> {
    const row = await heads(this.db).select('a.text_hash').where('h.id', '=', id).executeTakeFirst();
    return row?.text_hash ?? null;
  }

  async save(
    input: ArticleIngest & { id: string },
    textHash: string,
    sheet: FactSheet,
  ): Promise<{ record: ArticleRecord; outcome: IngestOutcome }> {
    const outcome = await this.db.transaction().execute(async (trx): Promise<IngestOutcome> => {
      await this.impl.lockArticle(trx, input.id);
      const head = await heads(trx)
        .select(['h.version', 'a.text_hash'])
        .where('h.id', '=', input.id)
        .executeTakeFirst();
      if (head && head.text_hash === textHash) return 'unchanged';
      const version = (head?.version ?? 0) + 1;
      await trx
        .insertInto('articles')
        .values({
          id: input.id,
          version,
          url: input.url ?? null,
          title: input.title ?? null,
          source: input.source ?? null,
          published_at: input.publishedAt ?? null,
          text: input.text,
          text_hash: textHash,
          extractor_version: sheet.extractorVersion,
          sheet: JSON.stringify(sheet),
          created_at: new Date().toISOString(),
        })
        .execute();
      const seq = await this.impl.nextSeq(trx);
      await trx
        .insertInto('heads')
        .values({ id: input.id, version, seq })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), seq: eb.ref('excluded.seq') })),
        )
        .execute();
      // facts are indexed for a head only: a new article has none to remove
      if (head) await this.unindex(trx, input.id);
      await this.index(trx, input.id, input.title ?? sheet.title ?? null, input.text, sheet);
      return head ? 'new-version' : 'created';
    });
    return { record: (await this.record(input.id))!, outcome };
  }

  async replaceSheet(id: string, sheet: FactSheet): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.impl.lockArticle(trx, id);
      const head = await heads(trx)
        .select(['h.version', 'a.text', 'a.title'])
        .where('h.id', '=', id)
        .executeTakeFirst();
      if (!head) return;
      await trx
        .updateTable('articles')
        .set({ sheet: JSON.stringify(sheet), extractor_version: sheet.extractorVersion })
        .where('id', '=', id)
        .where('version', '=', head.version)
        .execute();
      await this.unindex(trx, id);
      await this.index(trx, id, head.title ?? sheet.title ?? null, head.text, sheet);
    });
  }

  async staleArticles(extractorVersion: string): Promise<string[]> {
    const rows = await heads(this.db)
      .select('a.id')
      .where('a.extractor_version', '<>', extractorVersion)
      .orderBy('h.seq')
      .execute();
    return rows.map((r) => r.id);
  }

  // ------------------------------------------------------------------ indexing

  private async unindex(trx: Trx, id: string): Promise<void> {
    await this.impl.unindexText(trx, id);
    await trx
      .deleteFrom('event_entities')
      .where('event_id', 'in', trx.selectFrom('events').select('id').where('article_id', '=', id))
      .execute();
    for (const t of ['quotes', 'figures', 'events', 'mentions'] as const)
      await trx.deleteFrom(t).where('article_id', '=', id).execute();
  }

  /** One statement per table (sliced for parameter limits), never one per fact. */
  private async index(trx: Trx, id: string, title: string | null, text: string, sheet: FactSheet): Promise<void> {
    const global = await resolveEntities(trx, this.impl, sheet.entities);
    for (const part of slices(mentionRows(id, sheet, global))) await trx.insertInto('mentions').values(part).execute();
    for (const part of slices(quoteRows(id, text, sheet, global)))
      await trx.insertInto('quotes').values(part).execute();
    for (const part of slices(figureRows(id, text, sheet))) await trx.insertInto('figures').values(part).execute();
    const eventIds: number[] = [];
    for (const part of slices(eventRows(id, text, sheet))) {
      for (const r of await trx.insertInto('events').values(part).returning('id').execute())
        eventIds.push(Number(r.id));
    }
    for (const part of slices(eventEntityRows(sheet, eventIds, global)))
      await trx.insertInto('event_entities').values(part).execute();
    await this.impl.indexText(trx, id, title ?? '', text);
  }

  // ------------------------------------------------------------------ queries

  /** Global entity ids whose canonical name or an alias is `name` (or ends with it: "Putin"). */
  private async entityIds(name: string): Promise<number[]> {
    const n = normName(name);
    const rows = await this.db
      .selectFrom('entity_names')
      .select('entity_id')
      .distinct()
      .where((eb) => eb.or([eb('name_norm', '=', n), sql<boolean>`name_norm LIKE ${`% ${likeEscape(n)}`} ESCAPE '\\'`]))
      .execute();
    return rows.map((r) => r.entity_id);
  }

  private async entityFilter(name: string | undefined, id: number | undefined): Promise<number[] | null> {
    if (id !== undefined) return [id];
    return name === undefined ? null : this.entityIds(name);
  }

  private page<T>(
    rows: Row[],
    limit: number,
    map: (r: Row) => T,
    key: (r: Row) => (string | number | null)[],
  ): Page<T> {
    const items = rows.slice(0, limit);
    return {
      items: items.map(map),
      nextCursor: rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null,
    };
  }

  async quotes(f: QuoteFilter & { entityId?: number }): Promise<Page<QuoteHit>> {
    const after = cursorKey(f.cursor, ['number']);
    const speakers = await this.entityFilter(f.speaker, f.entityId);
    const about = f.about === undefined ? null : await this.entityIds(f.about);
    if (speakers?.length === 0 || about?.length === 0) return empty();
    let q = heads(this.db)
      .innerJoin('quotes as q', 'q.article_id', 'h.id')
      .selectAll('q')
      .select(['a.title', 'a.published_at'])
      .where('q.kind', 'in', STATEMENT_KINDS);
    if (speakers) q = q.where('q.speaker_entity', 'in', speakers);
    if (about) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('mentions as m')
            .select('m.entity_id')
            .whereRef('m.article_id', '=', 'q.article_id')
            .whereRef('m.sentence', '=', 'q.sentence')
            .where('m.entity_id', 'in', about),
        ),
      );
    }
    if (f.q) q = q.where(this.impl.quoteMatches(f.q));
    if (f.from) q = q.where('a.published_at', '>=', f.from);
    if (f.to) q = q.where('a.published_at', '<=', f.to);
    if (after) q = q.where('q.id', '>', after[0] as number);
    const rows = await q
      .orderBy('q.id')
      .limit(f.limit + 1)
      .execute();
    return this.page(rows, f.limit, toQuote, (r) => [r.id as number]);
  }

  private figureQuery(f: FigureFilter & { entityId?: number }) {
    let q = heads(this.db)
      .innerJoin('figures as f', 'f.article_id', 'h.id')
      .selectAll('f')
      .select(['a.title', 'a.published_at']);
    if (f.subject?.trim()) q = q.where(this.impl.figureSubjectMatches(f.subject));
    if (f.kind) q = q.where('f.kind', '=', f.kind);
    if (f.unit) q = q.where('f.unit', '=', f.unit);
    if (f.min !== undefined) q = q.where((eb) => eb(eb.fn.coalesce('f.value', 'f.high'), '>=', f.min!));
    if (f.max !== undefined) q = q.where((eb) => eb(eb.fn.coalesce('f.value', 'f.low'), '<=', f.max!));
    if (f.entityId !== undefined) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('mentions as m')
            .select('m.entity_id')
            .whereRef('m.article_id', '=', 'f.article_id')
            .whereRef('m.sentence', '=', 'f.sentence')
            .where('m.entity_id', '=', f.entityId!),
        ),
      );
    }
    if (f.from) q = q.where('a.published_at', '>=', f.from);
    if (f.to) q = q.where('a.published_at', '<=', f.to);
    return q;
  }

  async figures(f: FigureFilter & { entityId?: number }): Promise<Page<FigureHit>> {
    const after = cursorKey(f.cursor, ['number']);
    let q = this.figureQuery(f);
    if (after) q = q.where('f.id', '>', after[0] as number);
    return this.page(
      await q
        .orderBy('f.id')
        .limit(f.limit + 1)
        .execute(),
      f.limit,
      toFigure,
      (r) => [r.id as number],
    );
  }

  async figureConflicts(subject: string | undefined): Promise<FigureConflict[]> {
    const rows = await this.figureQuery({ subject, limit: 0 })
      .where('f.kind', 'in', CONFLICT_KINDS)
      .where('f.subject_norm', 'is not', null)
      .orderBy('f.id')
      .execute();
    return conflictsIn(rows.map(toFigure));
  }

  async events(f: EventFilter & { entityId?: number }): Promise<Page<EventHit>> {
    const after = cursorKey(f.cursor, ['string', 'number']);
    const ids = await this.entityFilter(f.entity, f.entityId);
    if (ids?.length === 0) return empty();
    let q = heads(this.db)
      .innerJoin('events as e', 'e.article_id', 'h.id')
      .selectAll('e')
      .select(['a.title', 'a.published_at'])
      .where('e.date_from', 'is not', null);
    if (ids)
      q = q.where('e.id', 'in', this.db.selectFrom('event_entities').select('event_id').where('entity_id', 'in', ids));
    if (f.from) q = q.where('e.date_to', '>=', f.from);
    if (f.to) q = q.where('e.date_from', '<=', f.to);
    if (after)
      q = q.where((eb) =>
        eb(eb.refTuple('e.date_from', 'e.id'), '>', eb.tuple(after[0] as string, after[1] as number)),
      );
    const rows = await q
      .orderBy('e.date_from')
      .orderBy('e.id')
      .limit(f.limit + 1)
      .execute();
    const shown = rows.slice(0, f.limit).map((r) => r.id);
    const who = shown.length
      ? await this.db
          .selectFrom('event_entities as ee')
          .innerJoin('entities as en', 'en.id', 'ee.entity_id')
          .select(['ee.event_id', 'ee.entity_id', 'ee.role', 'en.name'])
          .where('ee.event_id', 'in', shown)
          .where('ee.role', '<>', 'mentioned')
          .execute()
      : [];
    const participants = (id: unknown) =>
      who.filter((p) => p.event_id === id).map((p) => ({ entityId: p.entity_id, name: p.name, role: p.role }));
    return this.page(
      rows,
      f.limit,
      (r) => toEvent(r, participants(r.id)),
      (r) => [r.date_from as string, r.id as number],
    );
  }

  async listArticles(f: ArticleFilter): Promise<Page<ArticleRecord>> {
    const after = cursorKey(f.cursor, ['number']);
    const ids = f.entity === undefined ? null : await this.entityIds(f.entity);
    if (ids?.length === 0) return empty();
    let q = heads(this.db).select([...RECORD_COLUMNS, 'h.seq']);
    if (f.q) q = q.where(this.impl.articleMatches(f.q));
    if (ids)
      q = q.where('h.id', 'in', this.db.selectFrom('mentions').select('article_id').where('entity_id', 'in', ids));
    if (f.from) q = q.where('a.published_at', '>=', f.from);
    if (f.to) q = q.where('a.published_at', '<=', f.to);
    if (after) q = q.where('h.seq', '<', after[0] as number);
    const rows = await q
      .orderBy('h.seq', 'desc')
      .limit(f.limit + 1)
      .execute();
    const versions = await this.versions(rows.slice(0, f.limit).map((r) => r.id));
    return this.page(
      rows,
      f.limit,
      (r) => toRecord(r, versions.get(r.id as string)!),
      (r) => [Number(r.seq)],
    );
  }

  private async entityPage(
    where: (q: EntityQuery) => EntityQuery,
    limit: number,
    offset: number,
  ): Promise<GlobalEntity[]> {
    const rows = await where(this.entityBase())
      .orderBy('mention_count', 'desc')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const ids = rows.map((r) => r.id);
    const names = ids.length
      ? await this.db
          .selectFrom('entity_names')
          .select(['entity_id', 'name'])
          .where('entity_id', 'in', ids)
          .orderBy('name')
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type as GlobalEntity['type'],
      aliases: names.filter((n) => n.entity_id === r.id && n.name !== r.name).map((n) => n.name),
      articleCount: Number(r.article_count),
      mentionCount: Number(r.mention_count),
    }));
  }

  private entityBase() {
    return this.db
      .selectFrom('entities as e')
      .select(['e.id', 'e.name', 'e.type'])
      .select((eb) => [
        eb
          .selectFrom('mentions as m')
          .select((x) => x.fn.count('m.article_id').distinct().as('n'))
          .whereRef('m.entity_id', '=', 'e.id')
          .as('article_count'),
        eb
          .selectFrom('mentions as m')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('m.entity_id', '=', 'e.id')
          .as('mention_count'),
      ]);
  }

  async listEntities(f: EntityFilter): Promise<Page<GlobalEntity>> {
    const offset = (cursorKey(f.cursor, ['number'])?.[0] as number | undefined) ?? 0;
    const items = await this.entityPage(
      (q) => {
        q = q.where((eb) =>
          eb.exists(eb.selectFrom('mentions as m').select('m.entity_id').whereRef('m.entity_id', '=', 'e.id')),
        );
        if (f.q) {
          const like = `%${likeEscape(normName(f.q))}%`;
          const named = this.db
            .selectFrom('entity_names')
            .select('entity_id')
            .where(sql<boolean>`name_norm LIKE ${like} ESCAPE '\\'`);
          q = q.where('e.id', 'in', named);
        }
        if (f.type) q = q.where('e.type', '=', f.type);
        return q;
      },
      f.limit + 1,
      offset,
    );
    return {
      items: items.slice(0, f.limit),
      nextCursor: items.length > f.limit ? encodeCursor([offset + f.limit]) : null,
    };
  }

  async getEntity(id: number): Promise<GlobalEntity | null> {
    return (await this.entityPage((q) => q.where('e.id', '=', id), 1, 0))[0] ?? null;
  }
}
