import { describe, expect, it } from '@jest/globals';
import {
  decodeCursor,
  encodeCursor,
  SearchCursorError,
  searchProgress,
  splitPart,
  startSearch,
} from '../../src/calls/search-cursor';
import type { AdvancedSearchCriteria } from '../../src/sidebar-contract';

const criteria: AdvancedSearchCriteria = { fromSec: 1_000_000, toSec: 1_086_400, direction: 'inbound', userIds: [7] };

describe('startSearch', () => {
  it('walks the period up to now at most: later calls belong to a later search', () => {
    expect(startSearch(criteria, 1_050_000).parts).toEqual([{ from: 1_000_000, to: 1_050_000, pages: null, next: 1 }]);
    expect(startSearch(criteria, 2_000_000).parts[0].to).toBe(criteria.toSec);
  });
});

describe('splitPart', () => {
  it('cuts a part too big for one query into contiguous spans, newest first, each meant to fit', () => {
    const part = { from: 1_000, to: 87_399, pages: null, next: 1 };
    const pieces = splitPart(part, 43_000);
    expect(pieces.length).toBe(6); // 43,000 calls at 8,000 a piece
    expect(pieces[0].to).toBe(part.to);
    expect(pieces.at(-1)?.from).toBe(part.from);
    pieces.forEach((piece, i) => {
      expect(piece.from).toBeLessThanOrEqual(piece.to);
      if (i > 0) expect(piece.to).toBe(pieces[i - 1].from - 1);
    });
  });

  it('refuses a single second holding more calls than Aircall lists', () => {
    expect(() => splitPart({ from: 5, to: 5, pages: null, next: 1 }, 12_000)).toThrow(/within one second/);
  });
});

describe('search cursor', () => {
  const state = {
    parts: [
      { from: 1_050_000, to: 1_086_400, pages: 120, next: 37 },
      { from: 1_000_000, to: 1_049_999, pages: null, next: 1 },
    ],
    totalPages: 300,
    totalCalls: 14_987,
    pagesDone: 36,
    matches: 12,
  };

  it('round-trips the state of a search, and is null once it is complete', () => {
    const cursor = encodeCursor(criteria, state);
    expect(decodeCursor(criteria, cursor)).toEqual(state);
    expect(encodeCursor(criteria, { ...state, parts: [] })).toBeNull();
  });

  it('belongs to its criteria: another search cannot continue from it', () => {
    const cursor = encodeCursor(criteria, state);
    expect(() => decodeCursor({ ...criteria, direction: 'outbound' }, cursor)).toThrow(SearchCursorError);
    expect(() => decodeCursor({ ...criteria, toSec: criteria.toSec + 1 }, cursor)).toThrow(SearchCursorError);
    expect(() => decodeCursor({ ...criteria, fromSec: criteria.fromSec - 1 }, cursor)).toThrow(SearchCursorError);
  });

  it('refuses what the sidebar could have altered', () => {
    const tamper = (change: (data: Record<string, unknown> & typeof state) => void) => {
      const data = JSON.parse(encodeCursor(criteria, state) as string);
      change(data);
      return () => decodeCursor(criteria, JSON.stringify(data));
    };
    expect(() => decodeCursor(criteria, 'not json')).toThrow(SearchCursorError);
    expect(() => decodeCursor(criteria, null)).toThrow(SearchCursorError);
    expect(tamper((d) => (d.parts[0].pages = 500))).toThrow(SearchCursorError); // past the 10,000-record cap
    expect(tamper((d) => (d.parts[0].next = 121))).toThrow(SearchCursorError);
    expect(tamper((d) => (d.parts[1].to = 1_049_000))).toThrow(SearchCursorError); // a gap in the period
    expect(tamper((d) => (d.parts[0].to = criteria.toSec + 3600))).toThrow(SearchCursorError);
    expect(tamper((d) => (d.pagesDone = -1))).toThrow(SearchCursorError);
    expect(tamper((d) => (d.totalCalls = -5))).toThrow(SearchCursorError);
    expect(tamper((d) => (d.parts = []))).toThrow(SearchCursorError);
    expect(tamper((d) => (d.v = 2))).toThrow(SearchCursorError);
    expect(tamper(() => undefined)).not.toThrow();
  });
});

describe('searchProgress', () => {
  it('counts pages of the whole period, and ends at what was walked', () => {
    const running = {
      parts: [{ from: 1, to: 2, pages: 3, next: 2 }],
      totalPages: 173,
      totalCalls: 8_640,
      pagesDone: 120,
      matches: 0,
    };
    expect(searchProgress(running)).toEqual({ done: 120, total: 173, unit: 'pages' });
    expect(searchProgress({ ...running, totalPages: null })).toEqual({ done: 120, total: null, unit: 'pages' });
    expect(searchProgress({ ...running, parts: [], pagesDone: 176 })).toEqual({ done: 176, total: 176, unit: 'pages' });
  });
});
