// Shutdown in one place, in the order that loses no work: stop accepting (and say so on
// /readyz), let in-flight requests finish for at most the grace period, then close the worker
// pool and the store, and exit 0.
import type { Server } from 'node:http';

export interface Closer {
  name: string;
  close(): unknown;
}
interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

export class Lifecycle {
  private stopping: Promise<void> | null = null;
  constructor(
    private readonly server: Server,
    private readonly closers: Closer[],
    private readonly graceMs: number,
    private readonly log: Log,
  ) {}

  /** true until shutdown starts */
  get accepting(): boolean {
    return this.stopping === null;
  }

  /** Idempotent: a second signal waits for the first shutdown. */
  shutdown(signal: string): Promise<void> {
    this.stopping ??= this.run(signal);
    return this.stopping;
  }

  private async run(signal: string): Promise<void> {
    const started = Date.now();
    this.log.info({ signal, graceMs: this.graceMs }, 'shutting down: no new connections, draining in-flight requests');
    const drained = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections(); // idle keep-alive sockets would hold close() open
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.graceMs).unref());
    if ((await Promise.race([drained.then(() => 'drained' as const), timer])) === 'timeout') {
      this.log.warn({ graceMs: this.graceMs }, 'grace period over: closing the remaining connections');
      this.server.closeAllConnections();
    }
    for (const c of this.closers) {
      try {
        await c.close();
      } catch (e) {
        this.log.error({ err: e, closer: c.name }, 'close failed');
      }
    }
    this.log.info({ ms: Date.now() - started }, 'stopped');
  }
}
