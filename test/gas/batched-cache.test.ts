import { describe, expect, it } from '@jest/globals';
import { BatchedCache } from '../../src/gas/batched-cache';

/** A CacheService cache that records its calls and each value's expiry. */
class RecordingCache {
  readonly values = new Map<string, { value: string; ttlSec: number }>();
  readonly calls: string[] = [];
  get(key: string): string | null {
    this.calls.push('get');
    return this.values.get(key)?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    this.calls.push('getAll');
    return Object.fromEntries(keys.flatMap((k) => (this.values.has(k) ? [[k, this.values.get(k)!.value]] : [])));
  }
  put(key: string, value: string, ttlSec = 600): void {
    this.calls.push('put');
    this.values.set(key, { value, ttlSec });
  }
  putAll(entries: Record<string, string>, ttlSec = 600): void {
    this.calls.push('putAll');
    for (const [key, value] of Object.entries(entries)) this.values.set(key, { value, ttlSec });
  }
  remove(key: string): void {
    this.calls.push('remove');
    this.values.delete(key);
  }
  removeAll(keys: string[]): void {
    this.calls.push('removeAll');
    for (const key of keys) this.values.delete(key);
  }
}

function batched() {
  const cache = new RecordingCache();
  return { cache, batch: new BatchedCache(cache as unknown as GoogleAppsScript.Cache.Cache) };
}

describe('BatchedCache', () => {
  it('holds writes until flushed, then sends one putAll per expiry with each value at its own expiry', () => {
    const { cache, batch } = batched();
    batch.put('last-good', '1', 21_600);
    batch.putAll({ 'window#n': '1', 'window#0': '[]' }, 21_600);
    batch.put('hung', '5', 300);
    expect(cache.calls).toEqual([]);
    batch.flush();
    expect(cache.calls).toEqual(['putAll', 'putAll']);
    expect(cache.values.get('last-good')).toEqual({ value: '1', ttlSec: 21_600 });
    expect(cache.values.get('window#0')).toEqual({ value: '[]', ttlSec: 21_600 });
    expect(cache.values.get('hung')).toEqual({ value: '5', ttlSec: 300 });
  });

  it('reads back its held writes, the latest one winning, and asks the cache only for the others', () => {
    const { cache, batch } = batched();
    cache.put('old', 'kept', 600);
    cache.calls.length = 0;
    batch.put('a', '1', 600);
    batch.put('a', '2', 21_600);
    expect(batch.get('a')).toBe('2');
    expect(batch.getAll(['a', 'old', 'missing'])).toEqual({ a: '2', old: 'kept' });
    expect(cache.calls).toEqual(['getAll']);
    batch.flush();
    expect(cache.values.get('a')).toEqual({ value: '2', ttlSec: 21_600 });
  });

  it('removes at once, and a removed key is not written by the flush', () => {
    const { cache, batch } = batched();
    cache.put('b', 'old', 600);
    batch.put('b', 'new', 600);
    batch.removeAll(['b']);
    expect(cache.values.has('b')).toBe(false);
    expect(batch.get('b')).toBeNull();
    batch.flush();
    expect(cache.values.has('b')).toBe(false);
  });

  it('answers the reads of prefetched keys from one getAll, absent ones included', () => {
    const { cache, batch } = batched();
    cache.put('window#n', '1', 600);
    cache.put('window#0', '[1]', 600);
    cache.put('last-good', '42', 600);
    cache.calls.length = 0;
    batch.prefetch(['last-good', 'hung', 'window#n', 'window#0', 'window#1']);
    expect(batch.get('last-good')).toBe('42');
    expect(batch.get('hung')).toBeNull();
    expect(batch.getAll(['window#n', 'window#0', 'window#1'])).toEqual({ 'window#n': '1', 'window#0': '[1]' });
    expect(cache.calls).toEqual(['getAll']);
    // A key nobody fetched ahead is still asked for.
    expect(batch.get('other')).toBeNull();
    expect(cache.calls).toEqual(['getAll', 'get']);
  });

  it('reads its own writes and removals over what it fetched ahead', () => {
    const { cache, batch } = batched();
    cache.put('a', 'old', 600);
    cache.put('b', 'old', 600);
    batch.prefetch(['a', 'b', 'c']);
    batch.put('a', 'new', 600);
    batch.remove('b');
    batch.put('c', 'written', 600);
    expect(batch.getAll(['a', 'b', 'c'])).toEqual({ a: 'new', c: 'written' });
    expect(batch.get('b')).toBeNull();
    expect(cache.values.has('b')).toBe(false);
    batch.flush();
    expect(cache.values.get('a')?.value).toBe('new');
    expect(cache.values.get('c')?.value).toBe('written');
  });

  it('does not fetch ahead what it already holds or knows', () => {
    const { cache, batch } = batched();
    batch.put('a', '1', 600);
    batch.prefetch(['a']);
    expect(cache.calls).toEqual([]);
    batch.prefetch(['b']);
    batch.prefetch(['a', 'b']);
    expect(cache.calls).toEqual(['getAll']);
  });
});
