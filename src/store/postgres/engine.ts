// The PostgreSQL engine (pg pool): migrations under an advisory lock, tsvector + GIN full text,
// advisory transaction locks per article id and per entity name so concurrent writers on
// different connections serialise exactly where they could collide.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Engine, Trx } from '../engine';
import type { Database } from '../schema';
import { MIGRATIONS } from './migrations';

export interface PostgresOptions {
  /** postgres://user@host:port/db, optionally ?schema=NAME (created when missing) */
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
}

/** Advisory lock namespaces (first key of the two-key form). */
const LOCK = { migrations: 7301, article: 7302, name: 7303 } as const;
/** tsvector has a 1 MB limit: very long texts are indexed by their first part. */
const MAX_INDEXED_CHARS = 400_000;

/** BIGINT ids and COUNT(*) come back as numbers, not strings (they stay far below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function parsePostgresUrl(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !/^[A-Za-z_][\w]{0,62}$/.test(schema))
    throw new Error(`schema must be a plain identifier, got ${schema}`);
  return { connectionString: u.toString(), schema };
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // two instances starting at once: the second waits here, then finds everything applied
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK.migrations]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return MIGRATIONS[MIGRATIONS.length - 1].version;
}

export async function postgresEngine(opts: PostgresOptions): Promise<Engine> {
  const { connectionString, schema } = parsePostgresUrl(opts.url);
  const pool = new pg.Pool({
    connectionString,
    max: opts.poolSize,
    statement_timeout: opts.statementTimeoutMs,
    types,
    application_name: 'factsheet',
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // an idle client that loses its server must not crash the process; the next query reports it
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    lockArticle: async (trx: Trx, id: string) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK.article}, hashtext(${id}))`.execute(trx);
    },
    // in one statement, in sorted order, so two writers never wait on each other's names crosswise
    lockNames: async (trx: Trx, keys: string[]) => {
      if (!keys.length) return;
      await sql`SELECT pg_advisory_xact_lock(${LOCK.name}, k)
        FROM (SELECT DISTINCT hashtext(x) AS k FROM unnest(${keys}::text[]) x ORDER BY 1) s`.execute(trx);
    },
    nextSeq: async (trx: Trx) => (await sql<{ s: number }>`SELECT nextval('heads_seq') AS s`.execute(trx)).rows[0].s,
    indexText: async (trx: Trx, id: string, title: string, text: string) => {
      await sql`INSERT INTO article_search (id, tsv) VALUES (${id},
        setweight(to_tsvector('english', ${title}), 'A') || to_tsvector('english', left(${text}, ${MAX_INDEXED_CHARS})))`.execute(
        trx,
      );
    },
    // quotes and figure subjects carry generated tsvector columns: deleting the rows unindexes them
    unindexText: async (trx: Trx, id: string) => {
      await sql`DELETE FROM article_search WHERE id = ${id}`.execute(trx);
    },
    quoteMatches: (q: string) => sql<boolean>`q.tsv @@ plainto_tsquery('english', ${q})`,
    figureSubjectMatches: (q: string) => sql<boolean>`f.subject_tsv @@ plainto_tsquery('english', ${q})`,
    articleMatches: (q: string) =>
      sql<boolean>`h.id IN (SELECT s.id FROM article_search s WHERE s.tsv @@ plainto_tsquery('english', ${q}))`,
    close: () => db.destroy(),
  };
}
