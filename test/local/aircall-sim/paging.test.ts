import { describe, expect, it } from '@jest/globals';
import { ApiError, paginate, parsePageQuery, windowRange } from '../../../local/aircall-sim/paging.js';

const params = (query: string) => new URLSearchParams(query);
const items = Array.from({ length: 45 }, (_, i) => i);

describe('parsePageQuery', () => {
  it('defaults to page 1, 20 per page, oldest first', () => {
    expect(parsePageQuery(params(''))).toEqual({ page: 1, perPage: 20, order: 'asc', fromSec: null, toSec: null });
  });

  it.each(['per_page=0', 'per_page=51', 'page=0', 'order=newest', 'from=yesterday'])('rejects %s with a 400', (q) => {
    expect(() => parsePageQuery(params(q))).toThrow(ApiError);
    try {
      parsePageQuery(params(q));
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
    }
  });
});

describe('paginate', () => {
  it('links the next and previous pages with absolute Aircall URLs and stops at the last page', () => {
    const q = 'order=desc&per_page=20';
    const first = paginate(items, parsePageQuery(params(q)), '/v1/calls', params(q), 10_000);
    expect(first.items[0]).toBe(44);
    expect(first.meta).toMatchObject({ count: 20, total: 45, current_page: 1, previous_page_link: null });
    expect(first.meta.next_page_link).toBe('https://api.aircall.io/v1/calls?order=desc&per_page=20&page=2');
    const last = paginate(items, parsePageQuery(params(`${q}&page=3`)), '/v1/calls', params(`${q}&page=3`), 10_000);
    expect(last.items).toEqual([4, 3, 2, 1, 0]);
    expect(last.meta.next_page_link).toBeNull();
    expect(last.meta.previous_page_link).toBe('https://api.aircall.io/v1/calls?order=desc&per_page=20&page=2');
  });

  it('refuses pages past the record cap and ends the links at the cap while total stays exact', () => {
    const query = (page: number) => parsePageQuery(params(`per_page=10&page=${page}`));
    const atCap = paginate(items, query(3), '/v1/calls', params('per_page=10&page=3'), 30);
    expect(atCap.meta.total).toBe(45);
    expect(atCap.meta.next_page_link).toBeNull();
    expect(() => paginate(items, query(4), '/v1/calls', params(''), 30)).toThrow(/30 records/);
  });
});

it('windowRange keeps items whose second is inside the inclusive from/to window', () => {
  const seconds = [10, 20, 20, 30, 40];
  const range = windowRange(seconds.length, (i) => seconds[i], parsePageQuery(params('from=20&to=30')));
  expect(range).toEqual([1, 4]);
});
