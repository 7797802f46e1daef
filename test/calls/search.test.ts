import { describe, expect, it } from '@jest/globals';
import type { CallSearch } from '../../src/aircall/client';
import type { Call } from '../../src/aircall/types';
import { matchesCriteria, planSearch, type SearchChunk, searchChunk } from '../../src/calls/search';
import { searchProgress, startSearch } from '../../src/calls/search-cursor';
import type { AdvancedSearchCriteria } from '../../src/sidebar-contract';
import { sidebarCalls } from '../fixtures/sidebar-calls';

const NOW = 1_700_000_000;
const calls = sidebarCalls(NOW);
const range = { fromSec: NOW - 86_400, toSec: NOW };
const found = (criteria: Partial<AdvancedSearchCriteria>) =>
  calls.filter((call) => matchesCriteria(call, { ...range, ...criteria })).map((call) => call.id);

describe('planSearch', () => {
  it('uses the plain list when nothing narrows the fetch', () => {
    expect(planSearch({ ...range, userIds: [101, 102], numberIds: [201], tags: ['x'] })).toEqual({
      from: range.fromSec,
      to: range.toSec,
      useSearch: false,
    });
  });

  it('passes a single user and the direction to /v1/calls/search', () => {
    expect(planSearch({ ...range, userIds: [101], direction: 'outbound' })).toMatchObject({
      userId: 101,
      direction: 'outbound',
      useSearch: true,
    });
  });
});

describe('matchesCriteria', () => {
  it('ignores empty criteria', () => {
    expect(
      found({ userIds: [], numberIds: [], tags: [], direction: '', asset: '', missed: '', durationOp: '' }),
    ).toEqual(calls.map((c) => c.id));
  });

  it('keeps only calls inside the period', () => {
    expect(found({ fromSec: NOW - 1000 })).toEqual([9001, 9003, 9005, 9006]);
  });

  it('ORs options within a criterion and ANDs criteria', () => {
    expect(found({ userIds: [101, 103] })).toEqual([9001, 9005, 9006]);
    expect(found({ userIds: [101, 103], direction: 'outbound' })).toEqual([9005]);
    expect(found({ numberIds: [202] })).toEqual([9002, 9003]);
  });

  it('matches tags by name, case-insensitively', () => {
    expect(found({ tags: ['CONNECTED'] })).toEqual([9001, 9002]);
    expect(found({ tags: ['nope', ' connected '] })).toEqual([9001, 9002]);
  });

  it('filters on recordings and voicemails', () => {
    expect(found({ asset: 'recording' })).toEqual([9001, 9002]);
    expect(found({ asset: 'voicemail' })).toEqual([9003]);
    expect(found({ asset: 'either' })).toEqual([9001, 9002, 9003]);
  });

  it('filters missed calls, in general or by reason', () => {
    expect(found({ missed: 'any_missed' })).toEqual([9003, 9004]);
    expect(found({ missed: 'not_missed' })).toEqual([9001, 9002, 9005, 9006]);
    expect(found({ missed: 'no_available_agent' })).toEqual([9004]);
  });

  it('filters on duration longer or shorter than N seconds', () => {
    expect(found({ durationOp: 'gt', durationSec: 60 })).toEqual([9001, 9002]);
    expect(found({ durationOp: 'lt', durationSec: 30 })).toEqual([9003, 9006]);
    expect(found({ durationOp: 'gt', durationSec: null })).toHaveLength(calls.length);
  });
});

describe('searchChunk', () => {
  const DAY = 86_400;
  const START = 1_795_000_000;
  /** An Aircall in memory: calls listed by started_at within [from, to] (inclusive), 50 a page, 10,000 a query. */
  function fakeAircall(count: number, usablePerWindow: number) {
    const all = Array.from(
      { length: count },
      (_, i) =>
        ({
          id: i + 1,
          started_at: START + Math.floor((i * DAY) / count),
          direction: i % 3 === 0 ? 'outbound' : 'inbound',
          user: { id: 1 + (i % 4) },
          tags: [],
          duration: i % 200,
        }) as unknown as Call,
    );
    const aircall = {
      all,
      usable: usablePerWindow,
      requests: 0,
      rateBudgetNow: () => ({ usable: aircall.usable, resetInMs: 42_000 }),
      callPages(search: CallSearch, pages: number[]) {
        const room = Math.min(pages.length, aircall.usable);
        aircall.usable -= room;
        aircall.requests += room;
        const matching = all
          .filter((c) => c.started_at >= search.from && c.started_at <= search.to)
          .filter((c) => !search.direction || c.direction === search.direction)
          .reverse();
        return pages.map((page, i) => {
          if (i >= room) return undefined;
          if (page > 200) throw new Error('past the 10,000-record cap');
          const items = matching.slice((page - 1) * 50, page * 50);
          return {
            items,
            meta: { total: matching.length, next_page_link: page * 50 < matching.length ? 'next' : null },
          };
        });
      },
    };
    return aircall;
  }

  /** Calls searchChunk with the cursor until it is done, a new rate window before each chunk. */
  function searchToTheEnd(
    criteria: AdvancedSearchCriteria,
    aircall: ReturnType<typeof fakeAircall>,
    perWindow: number,
  ) {
    let state = startSearch(criteria, criteria.toSec);
    const found: Call[] = [];
    const chunks: SearchChunk[] = [];
    do {
      aircall.usable = perWindow;
      const chunk = searchChunk(criteria, state, aircall, { nowMs: () => 0, stopAtMs: 1, maxMatches: 2_000 });
      chunks.push(chunk);
      found.push(...chunk.calls);
      state = chunk.state;
    } while (state.parts.length > 0 && chunks.length < 1_000);
    return { found, chunks, state };
  }

  it('walks a day over the 10,000-record cap in parts and chunks, finding each match once', () => {
    const aircall = fakeAircall(25_000, 54);
    const criteria: AdvancedSearchCriteria = { fromSec: START, toSec: START + DAY, durationOp: 'gt', durationSec: 150 };
    const { found, chunks, state } = searchToTheEnd(criteria, aircall, 54);
    const expected = aircall.all.filter((c) => matchesCriteria(c, criteria)).map((c) => c.id);
    expect(found.map((c) => c.id).sort((a, b) => a - b)).toEqual(expected);
    expect(state.matches).toBe(expected.length);
    // 500 pages of calls, the cap's few extra probes, no more.
    expect(aircall.requests).toBeGreaterThanOrEqual(500);
    expect(aircall.requests).toBeLessThan(520);
    expect(chunks.length).toBe(Math.ceil(aircall.requests / 54));
    expect(searchProgress(state).done).toBe(searchProgress(state).total);
    expect(chunks[0].state.totalPages).toBe(500);
  });

  it('asks /v1/calls/search for the direction, so fewer pages are walked', () => {
    const aircall = fakeAircall(6_000, 54);
    const criteria: AdvancedSearchCriteria = { fromSec: START, toSec: START + DAY, direction: 'outbound' };
    const { found } = searchToTheEnd(criteria, aircall, 54);
    expect(found).toHaveLength(2_000);
    expect(aircall.requests).toBe(40);
  });

  it('stops when the rate budget is used up and says when to resume, without losing its place', () => {
    const aircall = fakeAircall(3_000, 0);
    const criteria = { fromSec: START, toSec: START + DAY };
    const state = startSearch(criteria, criteria.toSec);
    const chunk = searchChunk(criteria, state, aircall, { nowMs: () => 0, stopAtMs: 1, maxMatches: 2_000 });
    expect(chunk).toEqual({ calls: [], state, resumeInMs: 42_000 });
    expect(aircall.requests).toBe(0);

    aircall.usable = 10;
    const next = searchChunk(criteria, state, aircall, { nowMs: () => 0, stopAtMs: 1, maxMatches: 2_000 });
    expect(next.calls).toHaveLength(500); // page 1, then 9 more pages in one batch
    expect(next.resumeInMs).toBe(42_000);
    expect(next.state.parts[0]).toMatchObject({ pages: 60, next: 11 });
  });

  it('returns by its deadline, and after about maxMatches', () => {
    const aircall = fakeAircall(3_000, 1_000);
    const criteria = { fromSec: START, toSec: START + DAY };
    const state = startSearch(criteria, criteria.toSec);
    expect(searchChunk(criteria, state, aircall, { nowMs: () => 5, stopAtMs: 5, maxMatches: 2_000 }).calls).toEqual([]);
    const capped = searchChunk(criteria, state, aircall, { nowMs: () => 0, stopAtMs: 1, maxMatches: 120 });
    expect(capped.calls).toHaveLength(150); // whole pages: 1, then 2 more
    expect(capped.resumeInMs).toBeNull();
  });

  it("gives Call History the newest calls of its scope first, and the period's count from page 1", () => {
    const aircall = fakeAircall(11_228, 1_000);
    const criteria = { fromSec: START, toSec: START + DAY };
    const agentTwo = (call: Call) => call.user?.id === 2;
    const chunk = searchChunk(
      criteria,
      startSearch(criteria, criteria.toSec),
      aircall,
      { nowMs: () => 0, stopAtMs: 1, maxMatches: 1_000 },
      agentTwo,
    );
    expect(chunk.calls.length).toBeGreaterThanOrEqual(1_000);
    expect(chunk.calls.every(agentTwo)).toBe(true);
    const newest = aircall.all
      .filter(agentTwo)
      .reverse()
      .slice(0, 1_000)
      .map((c) => c.id);
    expect(chunk.calls.slice(0, 1_000).map((c) => c.id)).toEqual(newest);
    expect(chunk.state.totalCalls).toBe(11_228);
    // A quarter of the calls are agent 2's: about 4,000 calls walked, not the 11,228 of the period.
    expect(aircall.requests).toBeLessThan(100);
  });
});
