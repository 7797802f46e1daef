/**
 * Advanced Search: narrow the Aircall fetch with what /v1/calls/search can filter on, then apply
 * the remaining criteria to each call. Criteria are AND-ed; options within one criterion are OR-ed;
 * an empty criterion is ignored.
 */
import type { CallSearch } from '../aircall/client';
import { type Page, PER_PAGE, RECORD_CAP, totalOf } from '../aircall/pagination';
import type { Call, CallDirection } from '../aircall/types';
import type { AdvancedSearchCriteria } from '../sidebar-contract';
import { pagesFor, type SearchPart, type SearchState, splitPart } from './search-cursor';

export interface SearchPlan {
  from: number;
  to: number;
  /** Set only when exactly one user is searched: /v1/calls/search takes a single user_id. */
  userId?: number;
  direction?: CallDirection;
  /** True when /v1/calls/search narrows the fetch; otherwise the plain /v1/calls list is enough. */
  useSearch: boolean;
}

const nonEmpty = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

export function planSearch(criteria: AdvancedSearchCriteria): SearchPlan {
  const plan: SearchPlan = { from: criteria.fromSec, to: criteria.toSec, useSearch: false };
  if (criteria.userIds?.length === 1) plan.userId = criteria.userIds[0];
  if (criteria.direction) plan.direction = criteria.direction;
  // Numbers and tags stay client-side: phone_number means the caller's E.164 number, and tags[] is AND-ed by id.
  plan.useSearch = plan.userId !== undefined || plan.direction !== undefined;
  return plan;
}

function matchesAsset(call: Call, asset: AdvancedSearchCriteria['asset']): boolean {
  if (asset === 'recording') return !!call.recording;
  if (asset === 'voicemail') return !!call.voicemail;
  if (asset === 'either') return !!call.recording || !!call.voicemail;
  return true;
}

function matchesMissed(call: Call, missed: AdvancedSearchCriteria['missed']): boolean {
  if (!missed) return true;
  if (missed === 'not_missed') return !call.missed_call_reason;
  if (missed === 'any_missed') return !!call.missed_call_reason;
  return call.missed_call_reason === missed;
}

function matchesDuration(
  call: Call,
  op: AdvancedSearchCriteria['durationOp'],
  sec: number | null | undefined,
): boolean {
  if (!op || sec === null || sec === undefined || !Number.isFinite(sec)) return true;
  return op === 'gt' ? call.duration > sec : call.duration < sec;
}

function matchesTags(call: Call, wanted: readonly string[]): boolean {
  const names = new Set((call.tags ?? []).map((tag) => tag.name.trim().toLowerCase()));
  return wanted.some((tag) => names.has(tag.trim().toLowerCase()));
}

export function matchesCriteria(call: Call, criteria: AdvancedSearchCriteria): boolean {
  if (call.started_at < criteria.fromSec || call.started_at > criteria.toSec) return false;
  if (nonEmpty(criteria.userIds) && !(call.user && criteria.userIds.includes(call.user.id))) return false;
  if (nonEmpty(criteria.numberIds) && !(call.number && criteria.numberIds.includes(call.number.id))) return false;
  if (criteria.direction && call.direction !== criteria.direction) return false;
  if (nonEmpty(criteria.tags) && !matchesTags(call, criteria.tags)) return false;
  return (
    matchesAsset(call, criteria.asset) &&
    matchesMissed(call, criteria.missed) &&
    matchesDuration(call, criteria.durationOp, criteria.durationSec)
  );
}

/** What a search chunk needs from the Aircall client (AircallClient provides it). */
export interface CallPageSource {
  rateBudgetNow(): { usable: number; resetInMs: number };
  callPages(search: CallSearch, pages: number[], stopAtMs: number): (Page<Call> | undefined)[];
}

export interface SearchChunk {
  /** Matches found in this chunk. */
  calls: Call[];
  /** Where the search stands now (no parts left = complete). */
  state: SearchState;
  /** Set when Aircall's rate limit is used up: continue after this long. */
  resumeInMs: number | null;
}

const MAX_PAGES = RECORD_CAP / PER_PAGE;

/**
 * Walks the search on from `state` until `stopAtMs`, until the rate budget is used up or until about
 * `maxMatches` are found, whichever comes first, and never waits for the budget: a person is
 * watching, and the sidebar shows the wait. `keep` narrows the matches further (Call History's scope).
 */
export function searchChunk(
  criteria: AdvancedSearchCriteria,
  state: SearchState,
  source: CallPageSource,
  limits: { nowMs: () => number; stopAtMs: number; maxMatches: number },
  keep: (call: Call) => boolean = () => true,
): SearchChunk {
  const { nowMs, stopAtMs, maxMatches } = limits;
  const plan = planSearch(criteria);
  const filters = plan.useSearch ? { userId: plan.userId, direction: plan.direction } : {};
  const next: SearchState = { ...state, parts: state.parts.map((part) => ({ ...part })) };
  const calls: Call[] = [];
  const take = (part: SearchPart, page: Page<Call>) => {
    for (const call of page.items)
      if (call.started_at >= part.from && call.started_at <= part.to && matchesCriteria(call, criteria) && keep(call))
        calls.push(call);
    next.pagesDone++;
  };

  while (next.parts.length > 0 && nowMs() < stopAtMs && calls.length < maxMatches) {
    const { usable, resetInMs } = source.rateBudgetNow();
    if (usable === 0) return { calls, state: withMatches(next, calls), resumeInMs: Math.max(1_000, resetInMs) };
    const part = next.parts[0];
    // One second either side: whether Aircall's bounds are inclusive is undocumented; `take` keeps the part's own.
    const query: CallSearch = { ...filters, from: part.from - 1, to: part.to + 1, order: 'desc' };
    const numbers =
      part.pages === null
        ? [1]
        : Array.from(
            { length: Math.min(part.pages - part.next + 1, usable, pagesFor(maxMatches - calls.length)) },
            (_, i) => part.next + i,
          );
    const pages = source.callPages(query, numbers, stopAtMs);
    if (!pages[0]) break; // nothing could be sent in time: the next chunk carries on
    if (part.pages === null) {
      const total = totalOf(pages[0]);
      next.totalPages ??= pagesFor(total);
      next.totalCalls ??= total;
      if (total > RECORD_CAP) {
        next.parts.splice(0, 1, ...splitPart(part, total));
        continue;
      }
      part.pages = Math.max(1, pagesFor(total));
    }
    for (const page of pages) {
      if (!page) break;
      take(part, page);
      part.next++;
      if (page.items.length === 0)
        part.next = part.pages + 1; // calls gone since the count: nothing further
      else if (part.next > part.pages && page.meta.next_page_link && part.pages < MAX_PAGES) part.pages++; // count was low
    }
    if (part.next > part.pages) next.parts.shift();
  }
  return { calls, state: withMatches(next, calls), resumeInMs: null };
}

const withMatches = (state: SearchState, found: Call[]): SearchState => ({
  ...state,
  matches: state.matches + found.length,
});
