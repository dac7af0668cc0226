// Configuration, read once from the environment and validated; a bad value stops start-up.
import path from 'node:path';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  PORT: int(0, 65535).default(8080),
  FACTSHEET_HOST: z.string().default('127.0.0.1'),
  FACTSHEET_MAX_BODY_BYTES: int(1024, 50_000_000).default(1_000_000),
  FACTSHEET_MAX_TEXT_CHARS: int(1, 5_000_000).default(200_000),
  FACTSHEET_BATCH_MAX_LINES: int(1, 100_000).default(1000),
  FACTSHEET_CACHE_ENTRIES: int(0, 1_000_000).default(500),
  FACTSHEET_CACHE_TTL_SECONDS: int(1, 7 * 24 * 3600).default(600),
  FACTSHEET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FACTSHEET_DATA_DIR: z.string().min(1).default(path.join(process.cwd(), '.factsheet-data')),
  FACTSHEET_DATABASE_URL: z.string().min(1).optional(),
  FACTSHEET_DB_POOL_SIZE: int(1, 1000).default(10),
  FACTSHEET_DB_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  FACTSHEET_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'redis://… or rediss://… expected').optional(),
  FACTSHEET_QUEUE_NAME: z.string().regex(/^[\w.-]{1,100}$/, 'letters, digits, _ . - only').default('factsheet-articles'),
  FACTSHEET_JOB_ATTEMPTS: int(1, 100).default(3),
  FACTSHEET_JOB_LOCK_MS: int(1000, 3_600_000).default(30_000),
});

export interface Config {
  port: number; host: string; maxBodyBytes: number; maxTextChars: number; batchMaxLines: number;
  cacheEntries: number; cacheTtlSeconds: number; logLevel: string; dataDir: string; databaseUrl?: string;
  dbPoolSize: number; dbStatementTimeoutMs: number; redisUrl?: string;
  /** The job queue (BullMQ on FACTSHEET_REDIS_URL): name, attempts per job, lock time before a dead worker's job is handed on. */
  queueName: string; jobAttempts: number; jobLockMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const r = ConfigSchema.safeParse(known);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = r.data;
  return {
    port: c.PORT, host: c.FACTSHEET_HOST, maxBodyBytes: c.FACTSHEET_MAX_BODY_BYTES, maxTextChars: c.FACTSHEET_MAX_TEXT_CHARS, batchMaxLines: c.FACTSHEET_BATCH_MAX_LINES,
    cacheEntries: c.FACTSHEET_CACHE_ENTRIES, cacheTtlSeconds: c.FACTSHEET_CACHE_TTL_SECONDS, logLevel: c.FACTSHEET_LOG_LEVEL, dataDir: c.FACTSHEET_DATA_DIR, databaseUrl: c.FACTSHEET_DATABASE_URL,
    dbPoolSize: c.FACTSHEET_DB_POOL_SIZE, dbStatementTimeoutMs: c.FACTSHEET_DB_STATEMENT_TIMEOUT_MS, redisUrl: c.FACTSHEET_REDIS_URL,
    queueName: c.FACTSHEET_QUEUE_NAME, jobAttempts: c.FACTSHEET_JOB_ATTEMPTS, jobLockMs: c.FACTSHEET_JOB_LOCK_MS,
  };
}

export const defaultConfig = (): Config => loadConfig({});
