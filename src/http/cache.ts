// The response cache: serialised response bodies (UTF-8 bytes) by key in node-cache (expiry, storage), bounded by bytes as
// well as entries — a sheet's size follows its article's, from 1 KB to megabytes — with the least recently
// used out first. A body over `maxEntryBytes` is served but never cached.
import NodeCache from 'node-cache';

export interface CacheOptions {
  maxBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  ttlMs: number;
}

/** A body's bytes and what a Buffer costs around them. */
export const sizeOf = (body: Buffer): number => body.byteLength + 128;

export class ResponseCache {
  // bodies are bytes, stored without clones: a hit writes them as they are; expired entries are swept once a minute and dropped on read
  private readonly store: NodeCache;
  /** key → bytes, in recency order (the least recently used first): node-cache keeps no order of use */
  private readonly recency = new Map<string, number>();
  private total = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly o: CacheOptions) {
    this.store = new NodeCache({ stdTTL: o.ttlMs / 1000, checkperiod: 60, useClones: false, deleteOnExpire: true });
    const forget = (key: string) => {
      const bytes = this.recency.get(key);
      if (bytes === undefined) return;
      this.recency.delete(key);
      this.total -= bytes;
    };
    this.store.on('del', forget);
    this.store.on('expired', forget);
  }

  get enabled(): boolean {
    return this.o.maxEntries > 0 && this.o.maxBytes > 0;
  }
  get bytes(): number {
    return this.total;
  }
  get size(): number {
    return this.recency.size;
  }

  /** `countMiss: false` for a look that a later one repeats (the hit path before the route) */
  get(key: string, { countMiss = true } = {}): Buffer | undefined {
    const body = this.store.get<Buffer>(key);
    if (body === undefined) {
      if (countMiss) this.misses++;
      return undefined;
    }
    const bytes = this.recency.get(key) ?? sizeOf(body);
    this.recency.delete(key); // move to the most recent end
    this.recency.set(key, bytes);
    this.hits++;
    return body;
  }

  // a Buffer, not a bare Uint8Array: node-cache sizes any other object by listing its keys (85,000 for 85 KB)
  set(key: string, body: Buffer): boolean {
    const bytes = sizeOf(body);
    if (!this.enabled || bytes > this.o.maxEntryBytes || bytes > this.o.maxBytes) return false;
    this.store.del(key);
    this.store.set(key, body);
    this.recency.set(key, bytes);
    this.total += bytes;
    for (const k of this.recency.keys()) {
      if (this.total <= this.o.maxBytes && this.recency.size <= this.o.maxEntries) break;
      this.store.del(k);
    }
    return true;
  }

  close(): void {
    this.store.close();
  }
}
