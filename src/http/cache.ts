// The response cache: serialised response bodies by key, least recently used out first, bounded
// by bytes as well as entries (a sheet's size follows its article's, from 1 KB to megabytes).
// A body over `maxEntryBytes` is served but never cached.

interface Entry { body: string; bytes: number; expires: number }

export interface CacheOptions { maxBytes: number; maxEntries: number; maxEntryBytes: number; ttlMs: number; now?: () => number }

/** UTF-16 code units: what V8 holds at most for a string (one byte each for Latin-1 text). */
export const sizeOf = (body: string): number => body.length * 2;

export class ResponseCache {
  private readonly map = new Map<string, Entry>(); // insertion order = recency order
  private total = 0;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(private readonly o: CacheOptions) { this.now = o.now ?? Date.now; }

  get enabled(): boolean { return this.o.maxEntries > 0 && this.o.maxBytes > 0; }
  get bytes(): number { return this.total; }
  get size(): number { return this.map.size; }

  get(key: string): string | undefined {
    const e = this.map.get(key);
    if (!e || e.expires <= this.now()) {
      if (e) this.delete(key, e);
      this.misses++;
      return undefined;
    }
    this.map.delete(key); // move to the most recent end
    this.map.set(key, e);
    this.hits++;
    return e.body;
  }

  set(key: string, body: string): boolean {
    const bytes = sizeOf(body);
    if (!this.enabled || bytes > this.o.maxEntryBytes || bytes > this.o.maxBytes) return false;
    const old = this.map.get(key);
    if (old) this.delete(key, old);
    this.map.set(key, { body, bytes, expires: this.now() + this.o.ttlMs });
    this.total += bytes;
    for (const [k, e] of this.map) {
      if (this.total <= this.o.maxBytes && this.map.size <= this.o.maxEntries) break;
      this.delete(k, e);
    }
    return true;
  }

  private delete(key: string, e: Entry): void {
    this.map.delete(key);
    this.total -= e.bytes;
  }
}
