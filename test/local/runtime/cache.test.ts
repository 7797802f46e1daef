import { describe, expect, it } from '@jest/globals';
import { Cache, CacheStore } from '../../../local/runtime/cache';
import { manualClock } from '../../../local/runtime/clock';

function cache() {
  const clock = manualClock();
  return { clock, cache: new Cache(new CacheStore(clock)) };
}

describe('CacheService cache', () => {
  it('stores strings only and answers null on a miss', () => {
    const { cache: c } = cache();
    c.put('n', 42 as unknown as string);
    expect(c.get('n')).toBe('42');
    expect(c.get('missing')).toBeNull();
    expect(c.getAll(['n', 'missing'])).toEqual({ n: '42' });
  });

  it('expires entries after 600 s by default, on the runtime clock', () => {
    const { cache: c, clock } = cache();
    c.put('k', 'v');
    clock.advance(599_000);
    expect(c.get('k')).toBe('v');
    clock.advance(1_000);
    expect(c.get('k')).toBeNull();
  });

  it('clamps a TTL above 6 hours to 21,600 s', () => {
    const { cache: c, clock } = cache();
    c.put('k', 'v', 100_000);
    clock.advance(21_599_000);
    expect(c.get('k')).toBe('v');
    clock.advance(1_000);
    expect(c.get('k')).toBeNull();
  });

  it('refuses keys over 250 characters, from get as well as put', () => {
    const { cache: c } = cache();
    const key = 'k'.repeat(251);
    expect(() => c.put(key, 'v')).toThrow('Argument too large: key');
    expect(() => c.get(key)).toThrow('Argument too large: key');
    c.put('k'.repeat(250), 'v');
    expect(c.get('k'.repeat(250))).toBe('v');
  });

  it('refuses values over 102,400 bytes, counting UTF-8 bytes', () => {
    const { cache: c } = cache();
    c.put('fits', 'x'.repeat(102_400));
    expect(() => c.put('big', 'x'.repeat(102_401))).toThrow('Argument too large: value');
    expect(() => c.put('accents', 'é'.repeat(51_201))).toThrow('Argument too large: value');
    expect(() => c.putAll({ ok: 'v', big: 'x'.repeat(102_401) })).toThrow('Argument too large: value');
    expect(c.get('ok')).toBeNull();
  });

  it('evicts first in, first out, 10 % at once, when the 1,001st is written (Poehnelt’s measurements)', () => {
    // https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits: "Removes items
    // based on creation time, ignoring recent access. Removes ~100 items (10%) at once when full."
    const { cache: c } = cache();
    // Older writes live longer: an expiry-based policy would evict the newest ones instead.
    for (let i = 0; i < 1_000; i++) c.put(`k${i}`, 'v', 20_000 - i);
    expect(c.get('k0')).toBe('v'); // a recent read does not save it
    c.put('k5', 'rewritten', 600); // a rewrite is a new write
    c.put('new', 'v', 60);
    const kept = Array.from({ length: 1_000 }, (_, i) => `k${i}`).filter((key) => c.get(key) !== null);
    expect(kept.length).toBe(900);
    expect(kept.slice(0, 2)).toEqual(['k5', 'k101']);
    expect(c.get('new')).toBe('v');
  });

  it('removes one or several keys', () => {
    const { cache: c } = cache();
    c.putAll({ a: '1', b: '2', d: '3' });
    c.remove('a');
    c.removeAll(['b']);
    expect(c.getAll(['a', 'b', 'd'])).toEqual({ d: '3' });
  });
});
