// The process around the app. Start-up order: configuration → store → worker pool → listen;
// shutdown (lifecycle.ts): stop accepting → drain → close pool → close store → exit 0.
import http from 'node:http';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStore, StoreConfigError } from '../store/open';
import { createApp } from './app';
import { Lifecycle } from './lifecycle';
import { PoolExtractor } from './pool';

export async function startServer(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`factsheet: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let store;
  try {
    store = await openStore(config);
  } catch (e) {
    process.stderr.write(`factsheet: cannot open the store: ${(e as Error).message}\n`);
    process.exit(e instanceof StoreConfigError ? 2 : 1);
  }
  const extractor = new PoolExtractor({
    workers: config.workers,
    queueMax: config.queueMax,
    timeoutMs: config.extractTimeoutMs,
  });
  // the job queue, when configured: POST /v1/articles?async=true hands articles to workers
  const queue = config.redisUrl
    ? (await import('../queue/bull')).openQueue({
        redisUrl: config.redisUrl,
        queueName: config.queueName,
        attempts: config.jobAttempts,
        lockMs: config.jobLockMs,
      })
    : undefined;
  let lifecycle: Lifecycle | null = null;
  const app = createApp(config, logger, { store, queue, extractor, ready: () => lifecycle?.accepting ?? false });
  // "listening" is logged once the socket listens, never before (express's listen callback also fires on errors)
  const server = http.createServer(app);
  server.once('listening', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    logger.info(
      {
        port,
        host: config.host,
        workers: config.workers,
        queueMax: config.queueMax,
        extractTimeoutMs: config.extractTimeoutMs,
      },
      `factsheet listening on http://${config.host}:${port}`,
    );
  });
  server.once('error', (e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (another server running? set PORT or --port)`
        : e.code === 'EACCES'
          ? `no permission to listen on port ${config.port}`
          : e.message;
    logger.fatal({ err: e }, `cannot listen: ${why}`);
    void extractor.close();
    store.close();
    process.exit(1);
  });
  server.listen(config.port, config.host);
  lifecycle = new Lifecycle(
    server,
    [
      { name: 'worker pool', close: () => extractor.close() },
      { name: 'store', close: () => store.close() },
      ...(queue ? [{ name: 'job queue', close: () => queue.close() }] : []),
    ],
    config.shutdownGraceMs,
    logger,
  );
  const stop = (signal: string) => {
    void lifecycle!.shutdown(signal).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
