// The process around the app: configuration, listening, graceful shutdown.
import http from 'node:http';
import { createApp } from './app';
import { openStore, StoreConfigError } from '../store/open';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';

export async function startServer(): Promise<void> {
  let config;
  try { config = loadConfig(); } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`factsheet: ${e.message}\n`); process.exit(2); }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let store;
  try { store = openStore(config); } catch (e) {
    process.stderr.write(`factsheet: cannot open the store: ${(e as Error).message}\n`);
    process.exit(e instanceof StoreConfigError ? 2 : 1);
  }
  const app = createApp(config, logger, { store });
  // "listening" is logged once the socket listens, never before (express's listen callback also fires on errors)
  const server = http.createServer(app);
  server.once('listening', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    logger.info({ port, host: config.host }, `factsheet listening on http://${config.host}:${port}`);
  });
  server.once('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use (another server running? set PORT or --port)`
      : e.code === 'EACCES' ? `no permission to listen on port ${config.port}` : e.message;
    logger.fatal({ err: e }, `cannot listen: ${why}`);
    store.close();
    process.exit(1);
  });
  server.listen(config.port, config.host);
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => { store.close(); process.exit(0); });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
