/**
 * List-endpoint paging as docs/aircall-notes.md#pagination documents it: page ≥ 1, per_page 1..50 (default 20), order asc|desc,
 * from/to in UNIX seconds (inclusive), meta with absolute next/previous links, and the per-query record cap beyond
 * which pages cannot be reached.
 */
import type { MetaPayload as Meta } from './payloads.js';
import { API_ORIGIN } from './shapes.js';

export const DEFAULT_RECORD_CAP = 10_000;

/** An application-tier error answered as {error, troubleshoot}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly troubleshoot: string,
  ) {
    super(troubleshoot);
  }
}

export const badRequest = (troubleshoot: string) => new ApiError(400, 'Bad Request', troubleshoot);

export interface PageQuery {
  page: number;
  perPage: number;
  order: 'asc' | 'desc';
  /** Inclusive bounds in UNIX seconds, when given. */
  fromSec: number | null;
  toSec: number | null;
}

function integerParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer`);
  return Number(raw);
}

export function parsePageQuery(params: URLSearchParams): PageQuery {
  const page = integerParam(params, 'page') ?? 1;
  if (page < 1) throw badRequest('page must be greater than or equal to 1');
  const perPage = integerParam(params, 'per_page') ?? 20;
  if (perPage < 1 || perPage > 50) throw badRequest('per_page must be between 1 and 50');
  const order = params.get('order') || 'asc';
  if (order !== 'asc' && order !== 'desc') throw badRequest('order must be asc or desc');
  return { page, perPage, order, fromSec: integerParam(params, 'from'), toSec: integerParam(params, 'to') };
}

function link(path: string, params: URLSearchParams, page: number): string {
  const query = new URLSearchParams(params);
  query.set('page', String(page));
  return `${API_ORIGIN}${path}?${query}`;
}

/** One page of `items` (given oldest first) plus its meta; rejects pages past the record cap. */
export function paginate<T>(
  items: readonly T[],
  query: PageQuery,
  path: string,
  params: URLSearchParams,
  recordCap: number,
): { items: T[]; meta: Meta } {
  const offset = (query.page - 1) * query.perPage;
  if (offset >= recordCap) {
    throw badRequest(
      `You cannot retrieve more than ${recordCap.toLocaleString('en-US')} records per query; narrow the range with from/to`,
    );
  }
  const total = items.length;
  const pageItems: T[] = [];
  for (let i = offset; i < Math.min(total, offset + query.perPage); i++) {
    pageItems.push(query.order === 'asc' ? items[i] : items[total - 1 - i]);
  }
  const end = offset + query.perPage;
  return {
    items: pageItems,
    meta: {
      count: pageItems.length,
      total,
      current_page: query.page,
      per_page: query.perPage,
      next_page_link: end < total && end < recordCap ? link(path, params, query.page + 1) : null,
      previous_page_link: query.page > 1 ? link(path, params, query.page - 1) : null,
    },
  };
}

/** Index range [lo, hi) of the items (seconds ascending, read by `secondAt`) inside the inclusive from/to window. */
export function windowRange(count: number, secondAt: (i: number) => number, query: PageQuery): [number, number] {
  const firstAtLeast = (sec: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (secondAt(mid) < sec) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lo = query.fromSec === null ? 0 : firstAtLeast(query.fromSec);
  const hi = query.toSec === null ? count : firstAtLeast(query.toSec + 1);
  return [lo, Math.max(lo, hi)];
}
