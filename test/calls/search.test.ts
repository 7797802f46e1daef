import { describe, expect, it } from 'vitest';
import { matchesCriteria, planSearch } from '../../src/calls/search';
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
