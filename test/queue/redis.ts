// Redis for the queue tests: FACTSHEET_TEST_REDIS_URL (default redis://127.0.0.1:6379), one queue
// name per run, obliterated afterwards. An unreachable server fails the suite; it is never skipped.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { redisOptions } from '../../src/queue/bull';

export const TEST_REDIS_URL = process.env.FACTSHEET_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export async function requireRedis(): Promise<void> {
  const r = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new Error(
      `the queue tests need Redis: FACTSHEET_TEST_REDIS_URL=${TEST_REDIS_URL} is unreachable (${(e as Error).message}). Start Redis or point the variable at one.`,
    );
  } finally {
    r.disconnect();
  }
}

export const testQueueName = (what: string) => `factsheet-test-${what}-${process.pid}-${Date.now().toString(36)}`;

export async function dropQueue(name: string): Promise<void> {
  const q = new Queue(name, { connection: redisOptions(TEST_REDIS_URL) });
  try {
    await q.obliterate({ force: true });
  } finally {
    await q.close();
  }
}
