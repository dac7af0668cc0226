// The process around the app: configuration, listening, graceful shutdown.
import pino from 'pino';
import { createApp } from './app';
import { openStore, StoreConfigError } from '../store/open';
import { ConfigError, loadConfig } from './config';

export async function startServer(): Promise<void> {
  let config;
  try { config = loadConfig(); } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`factsheet: ${e.message}\n`); process.exit(2); }
    throw e;
  }
  const logger = pino({ level: config.logLevel });
  let store;
  try { store = await openStore(config); } catch (e) {
    process.stderr.write(`factsheet: cannot open the store: ${(e as Error).message}\n`);
    process.exit(e instanceof StoreConfigError ? 2 : 1);
  }
  // the job queue, when configured: POST /v1/articles?async=true hands articles to workers
  const queue = config.redisUrl ? (await import('../queue/bull')).openQueue({
    redisUrl: config.redisUrl, queueName: config.queueName, attempts: config.jobAttempts, lockMs: config.jobLockMs,
  }) : undefined;
  const app = createApp(config, logger, { store, queue });
  const server = app.listen(config.port, config.host, () => {
    const addr = server.address();
    logger.info({ port: typeof addr === 'object' && addr ? addr.port : config.port, host: config.host }, `factsheet listening on http://${config.host}:${typeof addr === 'object' && addr ? addr.port : config.port}`);
  });
  server.on('error', (e) => { logger.fatal({ err: e }, 'cannot listen'); process.exit(1); });
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => { void Promise.allSettled([store.close(), queue?.close()]).finally(() => process.exit(0)); });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
