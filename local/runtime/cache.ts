/**
 * CacheService (docs/apps-script-notes.md#cacheservice): string values, keys ≤ 250 chars, values ≤ 102,400 bytes, TTL
 * 600 s by default and at most 21,600 s, on the runtime clock; about 1,000 items, and writing the
 * 1,001st evicts first in, first out: the oldest writes go, 10 % at once, whatever their
 * expiration or how recently they were read (measured on the platform:
 * https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits).
 */
import type { Clock } from './clock.js';
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';

const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 102_400;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;
const MAX_ITEMS = 1_000;
const ITEMS_EVICTED_ON_OVERFLOW = 100;

interface Entry {
  value: string;
  expiresAtMs: number;
}

/** The storage behind one cache scope; persists across executions. */
export class CacheStore {
  readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  write(key: string, value: string, ttlSeconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: this.clock.now() + ttlSeconds * 1000 });
    if (this.entries.size > MAX_ITEMS) this.evict();
  }

  clear(): void {
    this.entries.clear();
  }

  /** Expired items first; then the oldest writes (a Map iterates in insertion order, and write() re-inserts). */
  private evict(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) if (entry.expiresAtMs <= now) this.entries.delete(key);
    if (this.entries.size <= MAX_ITEMS) return;
    let evicted = 0;
    for (const key of this.entries.keys()) {
      if (evicted++ >= ITEMS_EVICTED_ON_OVERFLOW) break;
      this.entries.delete(key);
    }
  }
}

function checkedKey(key: unknown): string {
  const text = String(key);
  if (text.length > MAX_KEY_CHARS) throw gasError(MESSAGES.cacheKeyTooLarge);
  return text;
}

function checkedValue(value: unknown): string {
  const text = String(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw gasError(MESSAGES.cacheValueTooLarge);
  return text;
}

/** TTL "is only a suggestion": below 1 s it is accepted and treated as 1 s; above 6 h it is clamped [unc]. */
function ttlSeconds(ttl: unknown): number {
  if (ttl === undefined || ttl === null) return DEFAULT_TTL_S;
  const seconds = Math.trunc(Number(ttl));
  if (Number.isNaN(seconds)) throw gasError(`Cannot convert '${String(ttl)}' to int.`);
  return Math.min(Math.max(seconds, 1), MAX_TTL_S);
}

type GasCache = GoogleAppsScript.Cache.Cache;

export class Cache implements Implements<GasCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  static readonly gasName = 'Cache';

  constructor(private readonly store: CacheStore) {}

  get(key: string): string | null {
    return this.store.read(checkedKey(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys.map(checkedKey)) {
      const value = this.store.read(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store.write(checkedKey(key), checkedValue(value), ttlSeconds(expirationInSeconds));
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const ttl = ttlSeconds(expirationInSeconds);
    // Validated first: one oversized value fails the whole call.
    const checked = Object.entries(values).map(([key, value]) => [checkedKey(key), checkedValue(value)] as const);
    for (const [key, value] of checked) this.store.write(key, value, ttl);
  }

  remove(key: string): void {
    this.store.entries.delete(checkedKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys.map(checkedKey)) this.store.entries.delete(key);
  }
}

/** All caches of a script; user caches are per user. */
export class CacheStores {
  readonly script: CacheStore;
  readonly document: CacheStore;
  private readonly users = new Map<string, CacheStore>();

  constructor(private readonly clock: Clock) {
    this.script = new CacheStore(clock);
    this.document = new CacheStore(clock);
  }

  user(email: string): CacheStore {
    let store = this.users.get(email);
    if (!store) {
      store = new CacheStore(this.clock);
      this.users.set(email, store);
    }
    return store;
  }

  /** Test hook: every value held in any scope, e.g. to check a secret never reaches a cache. */
  values(): string[] {
    return [this.script, this.document, ...this.users.values()].flatMap((store) =>
      [...store.entries.values()].map((entry) => entry.value),
    );
  }

  /** Test hook: the platform may drop everything at any time ("only a suggestion"). */
  evictAll(): void {
    this.script.clear();
    this.document.clear();
    for (const store of this.users.values()) store.clear();
  }
}

type GasCacheService = GoogleAppsScript.Cache.CacheService;

export class CacheService
  implements Implements<GasCacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'>
{
  static readonly gasName = 'CacheService';

  constructor(
    private readonly stores: CacheStores,
    private readonly user: string,
  ) {}

  getScriptCache(): Cache {
    return new Cache(this.stores.script);
  }

  getUserCache(): Cache {
    return new Cache(this.stores.user(this.user));
  }

  /** The script is bound to the spreadsheet, so there is always a containing document. */
  getDocumentCache(): Cache {
    return new Cache(this.stores.document);
  }
}
