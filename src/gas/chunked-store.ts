/**
 * JSON values larger than one cache entry (100 KB) or one property (9 KB), split into chunks.
 * Reads and writes are one service call each: getAll/putAll for the cache (asking for every
 * possible chunk key at once; missing ones are simply absent), getProperties/setProperties for
 * the durable copy.
 */
import { BatchedCache } from './batched-cache';

const CACHE_CHUNK_CHARS = 90_000; // under the 102,400-byte value cap, leaving room for multi-byte text
const PROPERTY_CHUNK_CHARS = 2_000; // 9 KB per value: a chunk of 2,000 UTF-16 chars stays under it even if every char takes 4 bytes
const MAX_CACHE_CHUNKS = 40;
/** CacheService keeps an entry 6 hours at most: https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds */
export const CACHE_MAX_TTL_SEC = 21_600;

let batched: BatchedCache | null = null;

/** The spreadsheet's own cache, shared by its users; the script's when there is no container. */
export function documentCache(): GoogleAppsScript.Cache.Cache {
  return batched ?? CacheService.getDocumentCache() ?? CacheService.getScriptCache();
}

/**
 * Runs `work` with its document-cache writes sent together at its end, even if it throws, and its
 * reads fetched ahead when it says what it will read (prefetchCached; batched-cache.ts).
 */
export function withCacheWritesBatched<T>(work: () => T): T {
  if (batched) return work();
  const cache = new BatchedCache(documentCache());
  batched = cache;
  try {
    return work();
  } finally {
    batched = null;
    cache.flush();
  }
}

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length ? chunks : [''];
}

function join(count: string | undefined | null, read: (i: number) => string | undefined | null): string | null {
  const n = Number(count);
  if (!count || !Number.isInteger(n) || n < 1) return null;
  let text = '';
  for (let i = 0; i < n; i++) {
    const part = read(i);
    if (part == null) return null; // a chunk was evicted: the value is lost as a whole
    text += part;
  }
  return text;
}

function parse<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Every key a chunked value may occupy: its chunk count, then each possible chunk. */
function chunkKeys(name: string): string[] {
  const keys = [`${name}#n`];
  for (let i = 0; i < MAX_CACHE_CHUNKS; i++) keys.push(`${name}#${i}`);
  return keys;
}

export function readCached<T>(cache: GoogleAppsScript.Cache.Cache, name: string): T | null {
  const found = cache.getAll(chunkKeys(name));
  return parse<T>(join(found[`${name}#n`], (i) => found[`${name}#${i}`]));
}

/**
 * Inside withCacheWritesBatched: fetches the chunked values `names` and the plain `keys` the work is
 * about to read from the document cache in one getAll, instead of one get or getAll each.
 */
export function prefetchCached(names: string[], keys: string[] = []): void {
  batched?.prefetch([...keys, ...names.flatMap(chunkKeys)]);
}

/** Returns false when the value is too big for the cache; callers then live without it. */
export function writeCached(
  cache: GoogleAppsScript.Cache.Cache,
  name: string,
  value: unknown,
  ttlSec: number,
): boolean {
  const chunks = split(JSON.stringify(value), CACHE_CHUNK_CHARS);
  if (chunks.length > MAX_CACHE_CHUNKS) return false;
  const entries: Record<string, string> = { [`${name}#n`]: String(chunks.length) };
  chunks.forEach((chunk, i) => {
    entries[`${name}#${i}`] = chunk;
  });
  cache.putAll(entries, Math.min(Math.max(1, Math.round(ttlSec)), CACHE_MAX_TTL_SEC));
  return true;
}

export function removeCached(cache: GoogleAppsScript.Cache.Cache, names: string[]): void {
  cache.removeAll(names.flatMap(chunkKeys));
}

/** Reads a chunked value out of an already loaded property map (one getProperties call serves many reads). */
export function readFromProperties<T>(all: Record<string, string>, name: string): T | null {
  return parse<T>(join(all[`${name}#n`], (i) => all[`${name}#${i}`]));
}

/**
 * Stores `value` under `name` in one setProperties call that touches only its own keys, so a
 * setting or key another execution writes meanwhile is never overwritten with an older copy.
 * Chunks left over from a longer earlier value stay unread (the count says where the value ends)
 * until a longer value overwrites them.
 */
export function writeToProperties(
  properties: GoogleAppsScript.Properties.Properties,
  name: string,
  value: unknown,
): void {
  const chunks = split(JSON.stringify(value), PROPERTY_CHUNK_CHARS);
  const entries: Record<string, string> = { [`${name}#n`]: String(chunks.length) };
  chunks.forEach((chunk, i) => {
    entries[`${name}#${i}`] = chunk;
  });
  properties.setProperties(entries);
}

/** Forgets values stored with writeToProperties: without its count a value reads as absent. */
export function removeFromProperties(properties: GoogleAppsScript.Properties.Properties, names: string[]): void {
  for (const name of names) properties.deleteProperty(`${name}#n`);
}
