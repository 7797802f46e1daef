/**
 * The document cache with its writes held until the end of a unit of work, then sent together: one
 * putAll per expiry instead of one put or putAll per value. A refresh writes half a dozen small
 * entries (calls window, time in status, the board's last written grid, the TV snapshot…) and each
 * write costs about as much as 50–90 ms of the trigger's budget
 * (developers.google.com/apps-script/reference/cache/cache#putAllvalues,-expirationInSeconds).
 * Reads see the held writes, so the work reads back what it wrote. Removals go through at once and
 * drop any held write of the same key.
 * Reads can be fetched ahead too: `prefetch` asks for every key the work will read in one getAll
 * (each get or getAll costs ~20 ms), and later reads of those keys are answered from it.
 */
type Cache = GoogleAppsScript.Cache.Cache;

/** Apps Script's default cache expiry when none is given. */
const DEFAULT_TTL_SEC = 600;

export class BatchedCache implements Cache {
  /** expiry (s) → key → value, in the order written. */
  private readonly held = new Map<number, Map<string, string>>();
  /** Keys fetched ahead → their value then (null: absent), until this work writes or removes them. */
  private readonly fetched = new Map<string, string | null>();

  constructor(private readonly cache: Cache) {}

  /** What this work wrote or fetched ahead for `key`: undefined when only the cache can tell. */
  private known(key: string): string | null | undefined {
    for (const entries of this.held.values()) if (entries.has(key)) return entries.get(key);
    return this.fetched.get(key);
  }

  private hold(key: string, value: string, ttlSec: number): void {
    this.fetched.delete(key);
    for (const entries of this.held.values()) entries.delete(key);
    const entries = this.held.get(ttlSec) ?? new Map<string, string>();
    this.held.set(ttlSec, entries);
    entries.set(key, value);
  }

  /** Fetches `keys` in one getAll, so the reads of them that follow cost nothing. */
  prefetch(keys: string[]): void {
    const unknown = keys.filter((key) => this.known(key) === undefined);
    if (unknown.length === 0) return;
    const found = this.cache.getAll(unknown);
    for (const key of unknown) this.fetched.set(key, found[key] ?? null);
  }

  get(key: string): string | null {
    const known = this.known(key);
    return known === undefined ? this.cache.get(key) : known;
  }

  getAll(keys: string[]): Record<string, string> {
    const unknown = keys.filter((key) => this.known(key) === undefined);
    const found = unknown.length > 0 ? this.cache.getAll(unknown) : {};
    for (const key of keys) {
      const value = this.known(key);
      if (typeof value === 'string') found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_SEC): void {
    this.hold(key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds = DEFAULT_TTL_SEC): void {
    for (const [key, value] of Object.entries(values)) this.hold(key, value, expirationInSeconds);
  }

  /** Removed keys read as absent for the rest of the work, whatever was held or fetched. */
  private forget(keys: string[]): void {
    for (const key of keys) {
      for (const entries of this.held.values()) entries.delete(key);
      this.fetched.set(key, null);
    }
  }

  remove(key: string): void {
    this.forget([key]);
    this.cache.remove(key);
  }

  removeAll(keys: string[]): void {
    this.forget(keys);
    this.cache.removeAll(keys);
  }

  /** Sends every held write: one putAll per expiry. */
  flush(): void {
    for (const [ttlSec, entries] of this.held) {
      if (entries.size > 0) this.cache.putAll(Object.fromEntries(entries), ttlSec);
    }
    this.held.clear();
  }
}
