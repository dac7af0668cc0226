// FactStore on SQLite (better-sqlite3, FTS5). Only the newest version of each article has its
// facts indexed; every version keeps its text and sheet. Writes are IMMEDIATE transactions, so
// concurrent ingests of one id serialise and a failure leaves nothing half-stored.
import Database from 'better-sqlite3';
import type { Entity, FactSheet } from '../../core/factsheet';
import { decodeCursor, encodeCursor, normName } from '../cursor';
import { conflictsIn } from '../conflicts';
import { timexRange } from '../timex-range';
import type {
  ArticleFilter, ArticleIngest, ArticleRecord, EntityFilter, EventFilter, EventHit, FactStore, FigureConflict, FigureFilter,
  FigureHit, GlobalEntity, IngestOutcome, Page, QuoteFilter, QuoteHit, StoredVersion,
} from '../types';
import { MIGRATIONS } from './migrations';

type Row = Record<string, unknown>;
const STATEMENT_KINDS = `('direct','partial','indirect')`;
/** An article record without its text and sheet, which lists never need. */
const RECORD_COLUMNS = 'a.id, a.version, a.url, a.title, a.source, a.published_at, a.extractor_version, a.created_at';
const words = (s: string) => s.split(/\s+/).filter(Boolean);

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
  return MIGRATIONS[MIGRATIONS.length - 1].version;
}

export class SqliteStore implements FactStore {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
  }

  close(): void { this.db.close(); }

  // ------------------------------------------------------------------ articles

  private record(id: string, version?: number): ArticleRecord | null {
    const row = (version === undefined
      ? this.db.prepare('SELECT a.* FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version WHERE h.id = ?').get(id)
      : this.db.prepare('SELECT * FROM articles WHERE id = ? AND version = ?').get(id, version)) as Row | undefined;
    if (!row) return null;
    const versions = (this.db.prepare('SELECT version FROM articles WHERE id = ? ORDER BY version').all(id) as { version: number }[]).map((r) => r.version);
    return toRecord(row, versions);
  }

  getArticle(id: string, version?: number): StoredVersion | null {
    const record = this.record(id, version);
    if (!record) return null;
    const row = this.db.prepare('SELECT text, sheet FROM articles WHERE id = ? AND version = ?').get(id, record.version) as { text: string; sheet: string };
    return { record, text: row.text, sheet: JSON.parse(row.sheet) as FactSheet };
  }

  headHash(id: string): string | null {
    const row = this.db.prepare('SELECT a.text_hash FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version WHERE h.id = ?').get(id) as { text_hash: string } | undefined;
    return row?.text_hash ?? null;
  }

  save(input: ArticleIngest & { id: string }, textHash: string, sheet: FactSheet): { record: ArticleRecord; outcome: IngestOutcome } {
    const run = this.db.transaction((): IngestOutcome => {
      const head = this.db.prepare('SELECT h.version, a.text_hash FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version WHERE h.id = ?').get(input.id) as { version: number; text_hash: string } | undefined;
      if (head && head.text_hash === textHash) return 'unchanged';
      const version = (head?.version ?? 0) + 1;
      this.db.prepare(`INSERT INTO articles (id, version, url, title, source, published_at, text, text_hash, extractor_version, sheet, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(input.id, version, input.url ?? null, input.title ?? null, input.source ?? null,
        input.publishedAt ?? null, input.text, textHash, sheet.extractorVersion, JSON.stringify(sheet), new Date().toISOString());
      const seq = ((this.db.prepare('SELECT MAX(seq) AS s FROM heads').get() as { s: number | null }).s ?? 0) + 1;
      this.db.prepare('INSERT INTO heads (id, version, seq) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, seq = excluded.seq').run(input.id, version, seq);
      this.unindex(input.id);
      this.index(input.id, input.title ?? sheet.title ?? null, input.text, sheet);
      return head ? 'new-version' : 'created';
    });
    const outcome = run.immediate();
    return { record: this.record(input.id)!, outcome };
  }

  replaceSheet(id: string, sheet: FactSheet): void {
    this.db.transaction(() => {
      const head = this.db.prepare('SELECT h.version, a.text, a.title FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version WHERE h.id = ?').get(id) as { version: number; text: string; title: string | null } | undefined;
      if (!head) return;
      this.db.prepare('UPDATE articles SET sheet = ?, extractor_version = ? WHERE id = ? AND version = ?').run(JSON.stringify(sheet), sheet.extractorVersion, id, head.version);
      this.unindex(id);
      this.index(id, head.title ?? sheet.title ?? null, head.text, sheet);
    }).immediate();
  }

  staleArticles(extractorVersion: string): string[] {
    return (this.db.prepare('SELECT a.id FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version WHERE a.extractor_version <> ? ORDER BY h.seq').all(extractorVersion) as { id: string }[]).map((r) => r.id);
  }

  // ------------------------------------------------------------------ indexing

  private unindex(id: string): void {
    for (const q of this.db.prepare('SELECT id, text FROM quotes WHERE article_id = ?').all(id) as { id: number; text: string }[]) {
      this.db.prepare(`INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)`).run(q.id, q.text);
    }
    for (const f of this.db.prepare('SELECT id, subject FROM figures WHERE article_id = ? AND subject IS NOT NULL').all(id) as { id: number; subject: string }[]) {
      this.db.prepare(`INSERT INTO figures_fts (figures_fts, rowid, subject) VALUES ('delete', ?, ?)`).run(f.id, f.subject);
    }
    this.db.prepare('DELETE FROM event_entities WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)').run(id);
    for (const t of ['quotes', 'figures', 'events', 'mentions']) this.db.prepare(`DELETE FROM ${t} WHERE article_id = ?`).run(id);
    this.db.prepare('DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM heads WHERE id = ?)').run(id);
  }

  /** The global entity a sheet's entity is: same type and a shared full name or alias. */
  private resolveEntity(e: Entity): number {
    const names = [...new Set([e.name, ...e.aliases])];
    // a bare surname is too weak to merge two people across articles, unless it is all we have
    const keys = (e.type === 'person' && words(e.name).length > 1 ? names.filter((n) => words(n).length > 1) : names).map(normName);
    const placeholders = keys.map(() => '?').join(',');
    const hit = this.db.prepare(`SELECT n.entity_id AS id, e.name FROM entity_names n JOIN entities e ON e.id = n.entity_id
      WHERE n.type = ? AND n.name_norm IN (${placeholders}) ORDER BY (n.name_norm = ?) DESC, n.entity_id LIMIT 1`).get(e.type, ...keys, normName(e.name)) as { id: number; name: string } | undefined;
    let id: number;
    if (hit) {
      id = hit.id;
      if (words(e.name).length > words(hit.name).length) this.db.prepare('UPDATE entities SET name = ? WHERE id = ?').run(e.name, id);
    } else {
      id = Number(this.db.prepare('INSERT INTO entities (type, name) VALUES (?, ?)').run(e.type, e.name).lastInsertRowid);
    }
    const add = this.db.prepare('INSERT OR IGNORE INTO entity_names (entity_id, type, name, name_norm) VALUES (?, ?, ?, ?)');
    for (const n of names) add.run(id, e.type, n, normName(n));
    return id;
  }

  private index(id: string, title: string | null, text: string, sheet: FactSheet): void {
    const global = new Map<string, number>();
    const mention = this.db.prepare('INSERT INTO mentions (article_id, entity_id, local_id, start, "end", sentence) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of sheet.entities) {
      const gid = this.resolveEntity(e);
      global.set(e.id, gid);
      for (const m of e.mentions) mention.run(id, gid, e.id, m.start, m.end, m.sentence);
    }
    const sentence = (i: number | null) => {
      const s = i === null ? undefined : sheet.document.sentences[i];
      return s ? [s.start, s.end, text.slice(s.start, s.end)] : [null, null, null];
    };
    const quote = this.db.prepare(`INSERT INTO quotes (article_id, start, "end", text, kind, speaker_entity, speaker_name, sentence, sent_start, sent_end, sent_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const quoteFts = this.db.prepare('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)');
    for (const q of sheet.quotes) {
      const speaker = q.speaker?.entityId ? global.get(q.speaker.entityId) ?? null : null;
      const r = quote.run(id, q.start, q.end, q.text, q.kind, speaker, q.speaker?.name ?? null, q.sentence, ...sentence(q.sentence));
      quoteFts.run(r.lastInsertRowid, q.text);
    }
    const figure = this.db.prepare(`INSERT INTO figures (article_id, start, "end", text, kind, value, unit, approximate, bound, low, high, subject, subject_norm, sentence, sent_start, sent_end, sent_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const figureFts = this.db.prepare('INSERT INTO figures_fts (rowid, subject) VALUES (?, ?)');
    for (const f of sheet.figures) {
      const r = figure.run(id, f.start, f.end, f.text, f.kind, f.value, f.unit, f.approximate ? 1 : 0, f.bound, f.low, f.high, f.subject?.text ?? null,
        f.subject ? normName(f.subject.text) : null, f.sentence, ...sentence(f.sentence));
      if (f.subject) figureFts.run(r.lastInsertRowid, f.subject.text);
    }
    const event = this.db.prepare(`INSERT INTO events (article_id, start, "end", trigger, date_value, date_from, date_to, relation, summary, sentence, sent_start, sent_end, sent_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const participant = this.db.prepare('INSERT INTO event_entities (event_id, entity_id, role) VALUES (?, ?, ?)');
    for (const ev of sheet.events) {
      const range = timexRange(ev.date?.value);
      const r = event.run(id, ev.trigger.start, ev.trigger.end, ev.trigger.text, ev.date?.value ?? null, range?.[0] ?? null, range?.[1] ?? null,
        ev.relation, ev.summary, ev.sentence, ...sentence(ev.sentence));
      const linked = new Set<number>();
      for (const p of ev.participants) {
        const gid = global.get(p.entityId);
        if (gid !== undefined) { participant.run(r.lastInsertRowid, gid, p.role); linked.add(gid); }
      }
      // everything named in the event's sentence, so "events involving X" is one indexed look-up
      for (const e of sheet.entities) {
        const gid = global.get(e.id)!;
        if (!linked.has(gid) && e.mentions.some((m) => m.sentence === ev.sentence)) { participant.run(r.lastInsertRowid, gid, 'mentioned'); linked.add(gid); }
      }
    }
    this.db.prepare('INSERT INTO articles_fts (rowid, title, text) SELECT rowid, ?, ? FROM heads WHERE id = ?').run(title ?? '', text, id);
  }

  // ------------------------------------------------------------------ queries

  /** Global entity ids whose canonical name or an alias is `name` (or ends with it: "Putin"). */
  private entityIds(name: string): number[] {
    const n = normName(name);
    return (this.db.prepare(`SELECT DISTINCT entity_id FROM entity_names WHERE name_norm = ? OR name_norm LIKE ? ESCAPE '\\'`)
      .all(n, `% ${n.replace(/[%_\\]/g, '\\$&')}`) as { entity_id: number }[]).map((r) => r.entity_id);
  }

  private page<T>(rows: Row[], limit: number, map: (r: Row) => T, key: (r: Row) => (string | number | null)[]): Page<T> {
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    return { items: items.map(map), nextCursor: more ? encodeCursor(key(items[items.length - 1])) : null };
  }

  private dateFilters(where: string[], args: unknown[], from?: string, to?: string, column = 'a.published_at') {
    if (from) { where.push(`${column} >= ?`); args.push(from); }
    if (to) { where.push(`${column} <= ?`); args.push(to); }
  }

  private entityFilter(name: string | undefined, id: number | undefined): number[] | null {
    if (id !== undefined) return [id];
    if (name === undefined) return null;
    return this.entityIds(name);
  }

  quotes(f: QuoteFilter & { entityId?: number }): Page<QuoteHit> {
    const where = [`q.kind IN ${STATEMENT_KINDS}`], args: unknown[] = [];
    const speakers = this.entityFilter(f.speaker, f.entityId);
    if (speakers) { where.push(`q.speaker_entity IN (${speakers.map(() => '?').join(',') || 'NULL'})`); args.push(...speakers); }
    if (f.about) {
      const about = this.entityIds(f.about);
      where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.sentence = q.sentence AND m.entity_id IN (${about.map(() => '?').join(',') || 'NULL'}))`);
      args.push(...about);
    }
    if (f.q) { where.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)'); args.push(ftsQuery(f.q)); }
    this.dateFilters(where, args, f.from, f.to);
    const after = decodeCursor(f.cursor, 1);
    if (after) { where.push('q.id > ?'); args.push(after[0]); }
    const rows = this.db.prepare(`SELECT q.*, a.title, a.published_at FROM quotes q JOIN heads h ON h.id = q.article_id
      JOIN articles a ON a.id = h.id AND a.version = h.version WHERE ${where.join(' AND ')} ORDER BY q.id LIMIT ?`).all(...args, f.limit + 1) as Row[];
    return this.page(rows, f.limit, (r) => ({
      text: r.text as string, kind: r.kind as QuoteHit['kind'],
      speaker: r.speaker_name || r.speaker_entity ? { entityId: (r.speaker_entity as number | null) ?? null, name: (r.speaker_name as string | null) ?? null } : null,
      ...provenance(r),
    }), (r) => [r.id as number]);
  }

  private figureRows(f: FigureFilter & { entityId?: number }, extra: { where: string[]; args: unknown[] } = { where: [], args: [] }, limit?: number): Row[] {
    const where = [...extra.where], args: unknown[] = [...extra.args];
    if (f.subject?.trim()) { where.push('f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ?)'); args.push(ftsQuery(f.subject)); }
    if (f.kind) { where.push('f.kind = ?'); args.push(f.kind); }
    if (f.unit) { where.push('f.unit = ?'); args.push(f.unit); }
    if (f.min !== undefined) { where.push('COALESCE(f.value, f.high) >= ?'); args.push(f.min); }
    if (f.max !== undefined) { where.push('COALESCE(f.value, f.low) <= ?'); args.push(f.max); }
    if (f.entityId !== undefined) { where.push('EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = f.article_id AND m.sentence = f.sentence AND m.entity_id = ?)'); args.push(f.entityId); }
    this.dateFilters(where, args, f.from, f.to);
    const after = decodeCursor(f.cursor, 1);
    if (after) { where.push('f.id > ?'); args.push(after[0]); }
    return this.db.prepare(`SELECT f.*, a.title, a.published_at FROM figures f JOIN heads h ON h.id = f.article_id
      JOIN articles a ON a.id = h.id AND a.version = h.version ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY f.id ${limit ? 'LIMIT ?' : ''}`)
      .all(...args, ...(limit ? [limit] : [])) as Row[];
  }

  figures(f: FigureFilter & { entityId?: number }): Page<FigureHit> {
    return this.page(this.figureRows(f, undefined, f.limit + 1), f.limit, toFigure, (r) => [r.id as number]);
  }

  figureConflicts(subject: string | undefined): FigureConflict[] {
    const rows = this.figureRows({ subject, limit: 0 }, { where: ["f.kind IN ('money','percent','count','quantity')", 'f.subject_norm IS NOT NULL'], args: [] });
    return conflictsIn(rows.map(toFigure));
  }

  events(f: EventFilter & { entityId?: number }): Page<EventHit> {
    const where = ['e.date_from IS NOT NULL'], args: unknown[] = [];
    const ids = this.entityFilter(f.entity, f.entityId);
    if (ids) {
      const ph = ids.map(() => '?').join(',') || 'NULL';
      where.push(`e.id IN (SELECT event_id FROM event_entities WHERE entity_id IN (${ph}))`);
      args.push(...ids);
    }
    if (f.from) { where.push('e.date_to >= ?'); args.push(f.from); }
    if (f.to) { where.push('e.date_from <= ?'); args.push(f.to); }
    const after = decodeCursor(f.cursor, 2);
    if (after) { where.push('(e.date_from, e.id) > (?, ?)'); args.push(after[0], after[1]); }
    const rows = this.db.prepare(`SELECT e.*, a.title, a.published_at FROM events e JOIN heads h ON h.id = e.article_id
      JOIN articles a ON a.id = h.id AND a.version = h.version WHERE ${where.join(' AND ')} ORDER BY e.date_from, e.id LIMIT ?`).all(...args, f.limit + 1) as Row[];
    const who = this.db.prepare(`SELECT ee.entity_id, ee.role, en.name FROM event_entities ee JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id = ? AND ee.role <> 'mentioned'`);
    return this.page(rows, f.limit, (r) => ({
      trigger: r.trigger as string, date: r.date_value === null || r.date_value === undefined ? null : { value: r.date_value as string }, relation: r.relation as string, summary: r.summary as string,
      participants: (who.all(r.id) as { entity_id: number; role: string; name: string }[]).map((p) => ({ entityId: p.entity_id, name: p.name, role: p.role })),
      ...provenance(r),
    }), (r) => [r.date_from as string, r.id as number]);
  }

  listArticles(f: ArticleFilter): Page<ArticleRecord> {
    const where: string[] = [], args: unknown[] = [];
    // "+" keeps the planner walking heads in seq order (and stopping at the limit) instead of
    // joining every matching article first: a common word matches most of the archive
    if (f.q) { where.push('+h.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)'); args.push(ftsQuery(f.q)); }
    if (f.entity) {
      const ids = this.entityIds(f.entity);
      where.push(`h.id IN (SELECT article_id FROM mentions WHERE entity_id IN (${ids.map(() => '?').join(',') || 'NULL'}))`);
      args.push(...ids);
    }
    this.dateFilters(where, args, f.from, f.to);
    const after = decodeCursor(f.cursor, 1);
    if (after) { where.push('h.seq < ?'); args.push(after[0]); }
    const rows = this.db.prepare(`SELECT ${RECORD_COLUMNS}, h.seq FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY h.seq DESC LIMIT ?`).all(...args, f.limit + 1) as Row[];
    const versions = this.db.prepare('SELECT version FROM articles WHERE id = ? ORDER BY version');
    return this.page(rows, f.limit, (r) => toRecord(r, (versions.all(r.id) as { version: number }[]).map((v) => v.version)), (r) => [r.seq as number]);
  }

  private entityRow(where: string, args: unknown[], limit: number, offset: number): Row[] {
    return this.db.prepare(`SELECT e.id, e.name, e.type,
        (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) AS article_count,
        (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count
      FROM entities e ${where} ORDER BY mention_count DESC, e.id LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
  }

  private toEntity = (r: Row): GlobalEntity => ({
    id: r.id as number, name: r.name as string, type: r.type as GlobalEntity['type'],
    aliases: (this.db.prepare('SELECT name FROM entity_names WHERE entity_id = ? ORDER BY name').all(r.id) as { name: string }[]).map((x) => x.name).filter((n) => n !== r.name),
    articleCount: r.article_count as number, mentionCount: r.mention_count as number,
  });

  listEntities(f: EntityFilter): Page<GlobalEntity> {
    const where: string[] = ['EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)'], args: unknown[] = [];
    if (f.q) { where.push(`e.id IN (SELECT entity_id FROM entity_names WHERE name_norm LIKE ? ESCAPE '\\')`); args.push(`%${normName(f.q).replace(/[%_\\]/g, '\\$&')}%`); }
    if (f.type) { where.push('e.type = ?'); args.push(f.type); }
    const offset = (decodeCursor(f.cursor, 1)?.[0] as number | undefined) ?? 0;
    const rows = this.entityRow(`WHERE ${where.join(' AND ')}`, args, f.limit + 1, offset);
    const more = rows.length > f.limit;
    return { items: rows.slice(0, f.limit).map(this.toEntity), nextCursor: more ? encodeCursor([offset + f.limit]) : null };
  }

  getEntity(id: number): GlobalEntity | null {
    const row = this.entityRow('WHERE e.id = ?', [id], 1, 0)[0];
    return row ? this.toEntity(row) : null;
  }
}

function toRecord(r: Row, versions: number[]): ArticleRecord {
  return {
    id: r.id as string, version: r.version as number, url: (r.url as string | null) ?? null, title: (r.title as string | null) ?? null,
    source: (r.source as string | null) ?? null, publishedAt: (r.published_at as string | null) ?? null,
    extractorVersion: r.extractor_version as string, createdAt: r.created_at as string, versions,
  };
}

function provenance(r: Row) {
  return {
    articleId: r.article_id as string, title: (r.title as string | null) ?? null, publishedAt: (r.published_at as string | null) ?? null,
    start: r.start as number, end: r.end as number,
    sentence: r.sent_text == null ? null : { start: r.sent_start as number, end: r.sent_end as number, text: r.sent_text as string },
  };
}

function toFigure(r: Row): FigureHit {
  return {
    id: r.id as number, text: r.text as string, kind: r.kind as FigureHit['kind'], value: (r.value as number | null) ?? null, unit: (r.unit as string | null) ?? null,
    approximate: r.approximate === 1, bound: (r.bound as FigureHit['bound']) ?? null, low: (r.low as number | null) ?? null, high: (r.high as number | null) ?? null,
    subject: (r.subject as string | null) ?? null, ...provenance(r),
  };
}

/** User words → an FTS5 query that matches all of them, with no FTS syntax passed through. */
function ftsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.length ? terms.map((t) => `"${t}"`).join(' AND ') : '""';
}
