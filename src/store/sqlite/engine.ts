// The SQLite engine (better-sqlite3, FTS5): one file, WAL, writers serialised by SQLite's own
// write lock. Full-text indexes are FTS5 tables beside the fact tables, kept in step here.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Engine, Trx } from '../engine';
import type { Database as Tables } from '../schema';
import { MIGRATIONS } from './migrations';

/** Applies pending migrations, each in an IMMEDIATE transaction that re-checks it, so two processes opening one file do not race. */
export function migrate(db: Database.Database): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    db.transaction(() => {
      if (isApplied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return MIGRATIONS[MIGRATIONS.length - 1].version;
}

const BUSY_TIMEOUT_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the write lock with a write as the transaction's first statement (as BEGIN IMMEDIATE would,
 * so no writer reads the head and then fails to upgrade). While another connection writes, it waits
 * on timers instead of SQLite's busy handler, which would block the event loop, and with it a
 * second connection of this same process that holds the lock, until the timeout.
 */
async function writeLock(raw: Database.Database, write: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  raw.pragma('busy_timeout = 0');
  try {
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        await write();
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
      }
      await sleep(wait);
    }
  } finally {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** User words → an FTS5 query that matches all of them, with no FTS syntax passed through. */
function ftsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.length ? terms.map((t) => `"${t}"`).join(' AND ') : '""';
}

export function sqliteEngine(file: string): Engine {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  raw.pragma('synchronous = NORMAL');
  migrate(raw);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    name: 'sqlite',
    db,
    lockArticle: (trx: Trx, id: string) =>
      writeLock(raw, () => sql`UPDATE heads SET seq = seq WHERE id = ${id}`.execute(trx)),
    lockNames: async () => {
      /* the write lock already serialises writers */
    },
    nextSeq: async (trx: Trx) =>
      (await sql<{ s: number }>`SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM heads`.execute(trx)).rows[0].s,
    indexText: async (trx: Trx, id: string, title: string, text: string) => {
      await sql`INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE article_id = ${id}`.execute(trx);
      await sql`INSERT INTO figures_fts (rowid, subject)
        SELECT id, subject FROM figures WHERE article_id = ${id} AND subject IS NOT NULL`.execute(trx);
      await sql`INSERT INTO articles_fts (rowid, title, text) SELECT rowid, ${title}, ${text} FROM heads WHERE id = ${id}`.execute(
        trx,
      );
    },
    unindexText: async (trx: Trx, id: string) => {
      await sql`INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', id, text FROM quotes WHERE article_id = ${id}`.execute(
        trx,
      );
      await sql`INSERT INTO figures_fts (figures_fts, rowid, subject)
        SELECT 'delete', id, subject FROM figures WHERE article_id = ${id} AND subject IS NOT NULL`.execute(trx);
      await sql`DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM heads WHERE id = ${id})`.execute(trx);
    },
    quoteMatches: (q: string) =>
      sql<boolean>`q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${ftsQuery(q)})`,
    figureSubjectMatches: (q: string) =>
      sql<boolean>`f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ${ftsQuery(q)})`,
    // "+" keeps the planner walking heads in seq order (and stopping at the limit) instead of
    // joining every matching article first: a common word matches most of the archive
    articleMatches: (q: string) =>
      sql<boolean>`+h.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${ftsQuery(q)})`,
    close: () => db.destroy(),
  };
}
