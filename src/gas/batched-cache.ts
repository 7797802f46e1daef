/**
 * The document cache with its writes held until the end of a unit of work, then sent together: one
 * putAll per expiry instead of one put or putAll per value. A refresh writes half a dozen small
 * entries (calls window, time in status, the board's last written grid, the TV snapshot…) and each
 * write costs about as much as 50–90 ms of the trigger's budget
 * (developers.google.com/apps-script/reference/cache/cache#putAllvalues,-expirationInSeconds).
 * Reads see the held writes, so the work reads back what it wrote. Removals go through at once and
 * drop any held write of the same key.
 */
type Cache = GoogleAppsScript.Cache.Cache;

/** Apps Script's default cache expiry when none is given. */
const DEFAULT_TTL_SEC = 600;

export class BatchedCache implements Cache {
  /** expiry (s) → key → value, in the order written. */
  private readonly held = new Map<number, Map<string, string>>();

  constructor(private readonly cache: Cache) {}

  private heldValue(key: string): string | undefined {
    for (const entries of this.held.values()) if (entries.has(key)) return entries.get(key);
    return undefined;
  }

  private hold(key: string, value: string, ttlSec: number): void {
    for (const entries of this.held.values()) entries.delete(key);
    const entries = this.held.get(ttlSec) ?? new Map<string, string>();
    this.held.set(ttlSec, entries);
    entries.set(key, value);
  }

  get(key: string): string | null {
    return this.heldValue(key) ?? this.cache.get(key);
  }

  getAll(keys: string[]): Record<string, string> {
    const unheld = keys.filter((key) => this.heldValue(key) === undefined);
    const found = unheld.length > 0 ? this.cache.getAll(unheld) : {};
    for (const key of keys) {
      const value = this.heldValue(key);
      if (value !== undefined) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_SEC): void {
    this.hold(key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds = DEFAULT_TTL_SEC): void {
    for (const [key, value] of Object.entries(values)) this.hold(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    for (const entries of this.held.values()) entries.delete(key);
    this.cache.remove(key);
  }

  removeAll(keys: string[]): void {
    for (const entries of this.held.values()) for (const key of keys) entries.delete(key);
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
