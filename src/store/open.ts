// Opens the configured store: SQLite in FACTSHEET_DATA_DIR by default, or FACTSHEET_DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteStore } from './sqlite/store';
import type { FactStore } from './types';

export class StoreConfigError extends Error {}

export function openStore(opts: { dataDir: string; databaseUrl?: string }): FactStore {
  if (opts.databaseUrl) {
    const m = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(opts.databaseUrl);
    if (!m) throw new StoreConfigError(`FACTSHEET_DATABASE_URL: only sqlite:PATH is supported so far, got ${opts.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
    fs.mkdirSync(path.dirname(path.resolve(m[1])), { recursive: true });
    return new SqliteStore(m[1]);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  return new SqliteStore(path.join(opts.dataDir, 'factsheet.db'));
}
