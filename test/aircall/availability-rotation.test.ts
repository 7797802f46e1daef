import { describe, expect, it } from '@jest/globals';
import {
  type AvailabilityReads,
  planAvailabilityPages,
  READS_PER_MINUTE,
  recordAvailabilityReads,
  STATUS_MAX_AGE_SEC,
} from '../../src/aircall/availability-rotation';

/** Refreshes `everySec` apart for `minutes`, each listing `callPages` pages of calls; what each read. */
function simulate(agents: number, everySec: number, callPages: number, minutes = 30) {
  let reads: AvailabilityReads | null = null;
  const lastReadSec = new Map<number, number>();
  const refreshes: { atSec: number; requests: number; oldestSec: number }[] = [];
  const pageCount = Math.ceil(agents / 50);
  for (let atSec = 10_000; atSec < 10_000 + minutes * 60; atSec += everySec) {
    const pages = planAvailabilityPages(reads, atSec, agents, callPages);
    const read = pages ?? Array.from({ length: pageCount }, (_, i) => i + 1);
    for (const page of read) lastReadSec.set(page, atSec);
    reads = recordAvailabilityReads(reads, pages, agents, atSec);
    const oldest = Math.min(...Array.from({ length: pageCount }, (_, i) => lastReadSec.get(i + 1) ?? 0));
    refreshes.push({ atSec, requests: callPages + read.length, oldestSec: atSec - oldest });
  }
  return refreshes;
}

const perMinute = (refreshes: { atSec: number; requests: number }[]) => {
  const minutes = new Map<number, number>();
  for (const { atSec, requests } of refreshes) {
    const minute = Math.floor((atSec - 10_000) / 60);
    minutes.set(minute, (minutes.get(minute) ?? 0) + requests);
  }
  return Math.max(...[...minutes.values()].slice(1));
};

describe('reading availabilities in rotation', () => {
  it('reads every page every time while they fit the budget (200 agents)', () => {
    const reads = recordAvailabilityReads(null, null, 200, 1_000);
    expect(planAvailabilityPages(reads, 1_060, 200, 3)).toBeNull();
  });

  it('reads every page when it has no record of earlier reads (first refresh, cache lost)', () => {
    expect(planAvailabilityPages(null, 1_000, 1_000, 8)).toBeNull();
  });

  it('at 1,000 agents and a refresh a minute: at most 25 requests, no status older than 2 minutes', () => {
    const refreshes = simulate(1_000, 60, 8).slice(1);
    expect(Math.max(...refreshes.map((r) => r.requests))).toBe(READS_PER_MINUTE);
    expect(Math.max(...refreshes.map((r) => r.oldestSec))).toBeLessThanOrEqual(STATUS_MAX_AGE_SEC);
  });

  it('with Live mode every 20 s: about the same requests a minute, statuses still under 2 minutes old', () => {
    const refreshes = simulate(1_000, 20, 5).slice(1);
    expect(perMinute(refreshes)).toBeLessThanOrEqual(READS_PER_MINUTE + 3);
    expect(Math.max(...refreshes.map((r) => r.oldestSec))).toBeLessThanOrEqual(STATUS_MAX_AGE_SEC);
  });

  it('never lets the budget starve statuses when calls take it all (a surge)', () => {
    const refreshes = simulate(1_000, 60, 30).slice(1);
    expect(Math.max(...refreshes.map((r) => r.oldestSec))).toBeLessThanOrEqual(STATUS_MAX_AGE_SEC);
  });

  it('reads the pages of agents added since, and after a long gap reads everything', () => {
    const reads = recordAvailabilityReads(null, null, 1_000, 1_000);
    const grown = planAvailabilityPages(reads, 1_060, 1_100, 8);
    expect(grown).toEqual(expect.arrayContaining([21, 22]));
    expect(planAvailabilityPages(reads, 1_000 + 2 * 60 + 1, 1_000, 8)).toBeNull();
  });
});
