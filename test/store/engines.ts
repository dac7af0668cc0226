// The engines every store test runs against. PostgreSQL: FACTSHEET_TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/test), a fresh schema per run, dropped afterwards. An
// unreachable server fails the suite with a message saying so; it is never skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type StoreOptions } from '../../src/store/open';
import type { FactStore } from '../../src/store/types';

export const TEST_DATABASE_URL = process.env.FACTSHEET_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  /** Store options for this engine (a second store may be opened on the same database). */
  options: StoreOptions;
  open(): Promise<FactStore>;
  /** Removes the database (directory or schema). */
  drop(): Promise<void>;
}

export async function sqliteTestEngine(): Promise<TestEngine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-store-'));
  const options = { dataDir: dir };
  return {
    options,
    open: () => openStore(options),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresTestEngine(): Promise<TestEngine> {
  const schema = `factsheet_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `the PostgreSQL store tests need a server: FACTSHEET_TEST_DATABASE_URL=${TEST_DATABASE_URL} is unreachable ` +
        `(${(e as Error).message || (e as { code?: string }).code}). Start PostgreSQL or point the variable at one.`,
    );
  }
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  const options = { dataDir: '', databaseUrl: url.toString(), dbPoolSize: 10, dbStatementTimeoutMs: 30_000 };
  return {
    options,
    open: () => openStore(options),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

export const ENGINES: [string, () => Promise<TestEngine>][] = [
  ['sqlite', sqliteTestEngine],
  ['postgres', postgresTestEngine],
];
