import { AircallError } from './errors';
import { dedupeById, fetchFirstPage, fetchRemainingPages, type ListQuery, RECORD_CAP, totalOf } from './pagination';
import type { Query, RequestRunner } from './request-runner';
import type { Call } from './types';

export interface CallRange {
  /** UNIX seconds, started_at lower bound. */
  from: number;
  /** UNIX seconds, started_at upper bound. */
  to: number;
  order?: 'asc' | 'desc';
}

export const callRangeList = (path: string, range: CallRange, filters: Query = {}): ListQuery => ({
  path,
  key: 'calls',
  query: { ...filters, from: range.from, to: range.to, order: range.order ?? 'asc' },
});

/**
 * Calls of /v1/calls or /v1/calls/search over [from, to]. A range matching more than Aircall's
 * 10,000-record cap is halved until every part fits, then the parts are merged in order, each call once.
 */
export function fetchCallRange(runner: RequestRunner, path: string, range: CallRange, filters: Query = {}): Call[] {
  const order = range.order ?? 'asc';
  const list = callRangeList(path, range, filters);
  const first = fetchFirstPage<Call>(runner, list);
  if (totalOf(first) <= RECORD_CAP) return fetchRemainingPages(runner, list, first);
  if (range.to - range.from <= 1)
    throw new AircallError(
      'too_many_records',
      0,
      `More than ${RECORD_CAP.toLocaleString('en-US')} calls started within one second; Aircall cannot list them all.`,
    );
  const mid = Math.floor((range.from + range.to) / 2);
  // The halves share the second `mid`: whether Aircall's bounds are inclusive is undocumented.
  const halves = [
    { from: range.from, to: mid, order },
    { from: mid, to: range.to, order },
  ];
  if (order === 'desc') halves.reverse();
  return dedupeById(halves.flatMap((half) => fetchCallRange(runner, path, half, filters)));
}
