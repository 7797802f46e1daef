import { AircallError } from './errors';
import { type ApiRequest, describeRequest, malformed, type Query, type RequestRunner, unwrap } from './request-runner';
import type { Meta } from './types';

/** Aircall's maximum page size. */
export const PER_PAGE = 50;
/** Aircall serves at most 10,000 records per query, however it is paged. */
export const RECORD_CAP = 10_000;
const MAX_PAGES = RECORD_CAP / PER_PAGE;

export interface Page<T> {
  items: T[];
  meta: Partial<Meta>;
}

export interface ListQuery {
  path: string;
  /** The array's key in the response body: "users", "calls"… */
  key: string;
  query?: Query;
}

const pageRequest = (list: ListQuery, page: number): ApiRequest => ({
  method: 'get',
  path: list.path,
  query: { ...list.query, page, per_page: PER_PAGE },
});

function readPage<T>(data: unknown, list: ListQuery, page: number): Page<T> {
  const body = data as Record<string, unknown> | null;
  const items = body?.[list.key];
  if (!Array.isArray(items)) throw malformed(200, `${describeRequest(pageRequest(list, page))} page ${page}`);
  return { items: items as T[], meta: (body?.meta ?? {}) as Partial<Meta> };
}

export function fetchFirstPage<T>(runner: RequestRunner, list: ListQuery): Page<T> {
  return readPage<T>(runner.send(pageRequest(list, 1)), list, 1);
}

/** How many records the query matches, as far as page 1 says. */
export const totalOf = (page: Page<unknown>) =>
  typeof page.meta.total === 'number' ? page.meta.total : page.items.length;

/**
 * Every record after page 1: the pages meta.total announces are fetched in parallel batches; if the
 * last of them still has a next_page_link (total was too low), the rest is followed one page at a time.
 */
export function fetchRemainingPages<T extends { id: number }>(
  runner: RequestRunner,
  list: ListQuery,
  first: Page<T>,
): T[] {
  if (totalOf(first) > RECORD_CAP)
    throw new AircallError(
      'too_many_records',
      0,
      `Aircall returns at most ${RECORD_CAP.toLocaleString('en-US')} records per query and ${describeRequest(pageRequest(list, 1))} matches ${totalOf(first).toLocaleString('en-US')}.`,
    );
  const items = [...first.items];
  if (!first.meta.next_page_link) return items;

  const lastAnnounced = Math.min(MAX_PAGES, Math.ceil(totalOf(first) / PER_PAGE));
  const numbers = Array.from({ length: Math.max(0, lastAnnounced - 1) }, (_, i) => i + 2);
  const pages = unwrap(runner.sendAll(numbers.map((n) => pageRequest(list, n)))).map((data, i) =>
    readPage<T>(data, list, numbers[i]),
  );
  for (const page of pages) items.push(...page.items);

  let last = pages.length ? pages[pages.length - 1] : first;
  for (
    let n = Math.max(2, lastAnnounced + 1);
    last.meta.next_page_link && last.items.length > 0 && n <= MAX_PAGES;
    n++
  ) {
    last = readPage<T>(runner.send(pageRequest(list, n)), list, n);
    items.push(...last.items);
  }
  return dedupeById(items);
}

export function fetchAllPages<T extends { id: number }>(runner: RequestRunner, list: ListQuery): T[] {
  return fetchRemainingPages(runner, list, fetchFirstPage<T>(runner, list));
}

/** One list read beside others: how many pages to ask for before its page 1 says how many it has. */
export interface ListPlan {
  list: ListQuery;
  expectedPages: number;
  /** Read these pages and no others (a part of the list, e.g. availabilities in rotation). */
  onlyPages?: number[];
}

/** A list read by fetchListsTogether: its records (null past RECORD_CAP) and how many it has in all. */
export interface ListRead<T> {
  items: T[] | null;
  /** Records the list has in all; null when a partial read's pages did not say. */
  total: number | null;
}

const pagesFrom = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * Several lists read together, each round trip one fetchAll for all of them: first the pages each
 * list is expected to have, then the pages its page 1 announced beyond those, then (if meta.total was
 * too low) the rest one page at a time. With good guesses every list costs one round trip, where reading
 * them one after the other costs two each (page 1, then the rest). A list matching more than
 * RECORD_CAP records comes back null, for the caller to read another way. A list with `onlyPages`
 * costs exactly those pages.
 */
export function fetchListsTogether<T extends { id: number }>(runner: RequestRunner, plans: ListPlan[]): ListRead<T>[] {
  const pages: Page<T>[][] = plans.map(() => []);
  const sendPages = (wanted: { plan: number; page: number }[]) => {
    const data = unwrap(runner.sendAll(wanted.map(({ plan, page }) => pageRequest(plans[plan].list, page))));
    wanted.forEach(({ plan, page }, i) => {
      pages[plan][page - 1] = readPage<T>(data[i], plans[plan].list, page);
    });
  };
  const firstPages = (plan: ListPlan) => plan.onlyPages ?? pagesFrom(1, Math.max(1, plan.expectedPages));
  sendPages(plans.flatMap((plan, p) => firstPages(plan).map((page) => ({ plan: p, page }))));
  // A partial read is what was asked for: its pages as they are, and the total any of them announces.
  const partial = (p: number): ListRead<T> => {
    const read = pages[p].filter((page) => page !== undefined);
    const total = read.find((page) => typeof page.meta.total === 'number')?.meta.total;
    return { items: dedupeById(read.flatMap((page) => page.items)), total: total ?? null };
  };

  const whole = plans.map((plan) => !plan.onlyPages);
  const tooMany = pages.map((listPages, p) => whole[p] && totalOf(listPages[0]) > RECORD_CAP);
  const announced = pages.map((listPages, p) =>
    whole[p] && listPages[0].meta.next_page_link ? Math.min(MAX_PAGES, Math.ceil(totalOf(listPages[0]) / PER_PAGE)) : 1,
  );
  const missing = plans.flatMap((_, p) =>
    !whole[p] || tooMany[p] ? [] : pagesFrom(pages[p].length + 1, announced[p]).map((page) => ({ plan: p, page })),
  );
  if (missing.length > 0) sendPages(missing);

  return pages.map((listPages, p): ListRead<T> => {
    if (!whole[p]) return partial(p);
    if (tooMany[p]) return { items: null, total: totalOf(listPages[0]) };
    // Pages past the last one with records were guessed too many: they are empty.
    let withRecords = listPages.length;
    while (withRecords > 1 && listPages[withRecords - 1].items.length === 0) withRecords--;
    const read = listPages.slice(0, Math.max(announced[p], withRecords));
    let last = read[read.length - 1];
    for (let n = read.length + 1; last.meta.next_page_link && last.items.length > 0 && n <= MAX_PAGES; n++) {
      last = readPage<T>(runner.send(pageRequest(plans[p].list, n)), plans[p].list, n);
      read.push(last);
    }
    const items = dedupeById(read.flatMap((page) => page.items));
    return { items, total: Math.max(totalOf(listPages[0]), items.length) };
  });
}

/** Keeps the first occurrence of each id, in order (records can shift between pages while paging). */
export function dedupeById<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
}
