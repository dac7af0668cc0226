// Configuration, read once from the environment and validated; a bad value stops start-up.
import path from 'node:path';
import { z } from 'zod';
import { fieldErrors, sentence } from './errors';
import { MAX_TEXT_DEFAULT } from './input/article';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  PORT: int(0, 65535).default(8080),
  FACTSHEET_HOST: z.string().default('127.0.0.1'),
  FACTSHEET_PUBLIC_URL: z.url().optional(),
  FACTSHEET_MAX_BODY_BYTES: int(1024, 50_000_000).default(1_000_000),
  FACTSHEET_MAX_TEXT_CHARS: int(1, 5_000_000).default(MAX_TEXT_DEFAULT),
  FACTSHEET_BATCH_MAX_LINES: int(1, 100_000).default(1000),
  FACTSHEET_CACHE_ENTRIES: int(0, 1_000_000).default(500),
  FACTSHEET_CACHE_TTL_SECONDS: int(1, 7 * 24 * 3600).default(600),
  FACTSHEET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FACTSHEET_DATA_DIR: z.string().min(1).default(path.join(process.cwd(), '.factsheet-data')),
  FACTSHEET_DATABASE_URL: z.string().min(1).optional(),
});

export interface Config {
  /** the base URL clients use (OpenAPI `servers`); http://HOST:PORT when unset */
  publicUrl: string;
  port: number; host: string; maxBodyBytes: number; maxTextChars: number; batchMaxLines: number;
  cacheEntries: number; cacheTtlSeconds: number; logLevel: string; dataDir: string; databaseUrl?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const r = ConfigSchema.safeParse(known);
  if (!r.success) {
    const lines = fieldErrors(r.error, known).map((e) => `  ${sentence(e)} (got ${JSON.stringify(env[e.field])})`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = r.data;
  return {
    publicUrl: c.FACTSHEET_PUBLIC_URL ?? `http://${c.FACTSHEET_HOST}:${c.PORT}`,
    port: c.PORT, host: c.FACTSHEET_HOST, maxBodyBytes: c.FACTSHEET_MAX_BODY_BYTES, maxTextChars: c.FACTSHEET_MAX_TEXT_CHARS, batchMaxLines: c.FACTSHEET_BATCH_MAX_LINES,
    cacheEntries: c.FACTSHEET_CACHE_ENTRIES, cacheTtlSeconds: c.FACTSHEET_CACHE_TTL_SECONDS, logLevel: c.FACTSHEET_LOG_LEVEL, dataDir: c.FACTSHEET_DATA_DIR, databaseUrl: c.FACTSHEET_DATABASE_URL,
  };
}

export const defaultConfig = (): Config => loadConfig({});
