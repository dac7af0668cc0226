// Configuration, read once from the environment and validated; a bad value stops start-up.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { fieldErrors, sentence } from './errors';
import { MAX_TEXT_DEFAULT } from './input/article';

/** One extraction thread per core: the default of the HTTP pool and of the CLI's batch runner. */
export const defaultWorkers = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

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
  // serving: worker pool, backpressure, deadlines, cache bytes, shutdown, security
  FACTSHEET_WORKERS: int(1, 256).optional(),
  FACTSHEET_QUEUE_MAX: int(0, 100_000).default(64),
  FACTSHEET_EXTRACT_TIMEOUT_MS: int(100, 600_000).default(20_000),
  FACTSHEET_CACHE_MAX_BYTES: int(0, 16_000_000_000).default(64_000_000),
  FACTSHEET_CACHE_MAX_ENTRY_BYTES: int(0, 1_000_000_000).default(4_000_000),
  FACTSHEET_SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
  FACTSHEET_CORS_ORIGINS: z.string().default(''),
  FACTSHEET_API_KEYS: z.string().default(''),
  FACTSHEET_RATE_LIMIT: int(0, 1_000_000).default(0),
  FACTSHEET_DB_POOL_SIZE: int(1, 1000).default(10),
  FACTSHEET_DB_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  FACTSHEET_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'redis://… or rediss://… expected')
    .optional(),
  FACTSHEET_QUEUE_NAME: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'letters, digits, _ . - only')
    .default('factsheet-articles'),
  FACTSHEET_JOB_ATTEMPTS: int(1, 100).default(3),
  FACTSHEET_JOB_LOCK_MS: int(1000, 3_600_000).default(30_000),
});

const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export interface Config {
  /** the base URL clients use (OpenAPI `servers`); http://HOST:PORT when unset */
  publicUrl: string;
  port: number;
  host: string;
  maxBodyBytes: number;
  maxTextChars: number;
  batchMaxLines: number;
  cacheEntries: number;
  cacheTtlSeconds: number;
  logLevel: string;
  dataDir: string;
  databaseUrl?: string;
  /** worker threads for extraction (default: one per core) */
  workers: number;
  /** jobs waiting beyond the running ones; one more gets 503 */
  queueMax: number;
  extractTimeoutMs: number;
  cacheMaxBytes: number;
  cacheMaxEntryBytes: number;
  /** how long SIGTERM waits for in-flight requests */
  shutdownGraceMs: number;
  /** origins allowed by CORS (empty: CORS off; `*`: any) */
  corsOrigins: string[];
  /** keys for the write routes (empty: open) */
  apiKeys: string[];
  /** requests per minute per key or client address (0: no limit) */
  rateLimit: number;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  redisUrl?: string;
  /** The job queue (BullMQ on FACTSHEET_REDIS_URL): name, attempts per job, lock time before a dead worker's job is handed on. */
  queueName: string;
  jobAttempts: number;
  jobLockMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const r = ConfigSchema.safeParse(known);
  if (!r.success) {
    const lines = fieldErrors(r.error, known).map((e) => `  ${sentence(e)} (got ${JSON.stringify(env[e.field])})`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = r.data;
  return {
    publicUrl: c.FACTSHEET_PUBLIC_URL ?? `http://${c.FACTSHEET_HOST}:${c.PORT}`,
    port: c.PORT,
    host: c.FACTSHEET_HOST,
    maxBodyBytes: c.FACTSHEET_MAX_BODY_BYTES,
    maxTextChars: c.FACTSHEET_MAX_TEXT_CHARS,
    batchMaxLines: c.FACTSHEET_BATCH_MAX_LINES,
    cacheEntries: c.FACTSHEET_CACHE_ENTRIES,
    cacheTtlSeconds: c.FACTSHEET_CACHE_TTL_SECONDS,
    logLevel: c.FACTSHEET_LOG_LEVEL,
    dataDir: c.FACTSHEET_DATA_DIR,
    databaseUrl: c.FACTSHEET_DATABASE_URL,
    workers: c.FACTSHEET_WORKERS ?? defaultWorkers(),
    queueMax: c.FACTSHEET_QUEUE_MAX,
    extractTimeoutMs: c.FACTSHEET_EXTRACT_TIMEOUT_MS,
    cacheMaxBytes: c.FACTSHEET_CACHE_MAX_BYTES,
    cacheMaxEntryBytes: c.FACTSHEET_CACHE_MAX_ENTRY_BYTES,
    shutdownGraceMs: c.FACTSHEET_SHUTDOWN_GRACE_MS,
    corsOrigins: list(c.FACTSHEET_CORS_ORIGINS),
    apiKeys: list(c.FACTSHEET_API_KEYS),
    rateLimit: c.FACTSHEET_RATE_LIMIT,
    dbPoolSize: c.FACTSHEET_DB_POOL_SIZE,
    dbStatementTimeoutMs: c.FACTSHEET_DB_STATEMENT_TIMEOUT_MS,
    redisUrl: c.FACTSHEET_REDIS_URL,
    queueName: c.FACTSHEET_QUEUE_NAME,
    jobAttempts: c.FACTSHEET_JOB_ATTEMPTS,
    jobLockMs: c.FACTSHEET_JOB_LOCK_MS,
  };
}

export const defaultConfig = (): Config => loadConfig({});
