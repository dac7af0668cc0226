// Opens the configured store: SQLite in FACTSHEET_DATA_DIR by default, or FACTSHEET_DATABASE_URL
// (sqlite:PATH or postgres://…). The PostgreSQL driver is loaded only when it is asked for.
import fs from 'node:fs';
import path from 'node:path';
import { sqliteEngine } from './sqlite/engine';
import { KyselyStore } from './store';
import type { FactStore } from './types';

export class StoreConfigError extends Error {}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
  dbPoolSize?: number;
  dbStatementTimeoutMs?: number;
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

export async function openStore(opts: StoreOptions): Promise<FactStore> {
  const url = opts.databaseUrl;
  if (url && /^postgres(?:ql)?:\/\//.test(url)) {
    const { postgresEngine } = await import('./postgres/engine');
    try {
      return new KyselyStore(
        await postgresEngine({
          url,
          poolSize: opts.dbPoolSize ?? 10,
          statementTimeoutMs: opts.dbStatementTimeoutMs ?? 30_000,
        }),
      );
    } catch (e) {
      throw new Error(
        `cannot open PostgreSQL at ${redact(url)}: ${(e as Error).message || (e as { code?: string }).code || String(e)}`,
      );
    }
  }
  if (url) {
    const m = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(url);
    if (!m)
      throw new StoreConfigError(`FACTSHEET_DATABASE_URL: sqlite:PATH or postgres://… expected, got ${redact(url)}`);
    fs.mkdirSync(path.dirname(path.resolve(m[1])), { recursive: true });
    return new KyselyStore(sqliteEngine(m[1]));
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  return new KyselyStore(sqliteEngine(path.join(opts.dataDir, 'factsheet.db')));
}
