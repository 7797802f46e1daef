import { type AvailabilityReads, planAvailabilityPages, recordAvailabilityReads } from './availability-rotation';
import { type CallsWindowRefresh, type CallsWindowState, mergeCallsWindow, planCallsWindow } from './calls-window';
import type { AircallClient } from './client';
import { PER_PAGE } from './pagination';
import type { UserAvailability } from './types';

/**
 * What the board shows as live — callers waiting, agents' statuses and their calls — read so that it
 * is true when the board is written. A read that took longer than STALE_AFTER_MS (it waited for
 * Aircall's rate-limit window, or Aircall was slow) is read again at once: the calls since the oldest
 * one still ringing (an incremental window refresh) and every availability. Otherwise a caller who was
 * ringing on a page listed before a one-minute wait would show as waiting after being answered, and
 * an agent's status would be a minute older than the queue beside it.
 *
 * The calls and the availabilities are listed together (one fetchAll when `agents`, the number of
 * users the directory knows, and the pace of recent calls guess the page counts right): every round
 * trip to Aircall costs a refresh 0.25–0.6 s of its trigger budget. At a large call center only some
 * availability pages are read each time (availability-rotation.ts); a re-read reads the same ones.
 */
export const STALE_AFTER_MS = 10_000;
/** Reads per refresh: the first, and at most two re-reads if those also had to wait. */
const MAX_READS = 3;

export interface LiveState {
  /** When the live data had been read (UNIX seconds): "now" for the board written next. */
  nowSec: number;
  /** The statuses read this time: every agent's, or only those of the pages read in rotation. */
  availabilities: UserAvailability[];
  /** True when only some availability pages were read: agents not among them keep their last status. */
  partial: boolean;
  availabilityReads: AvailabilityReads;
  window: CallsWindowRefresh;
  /** How many times it was read (1 when nothing had to be read again). */
  reads: number;
}

export function readLiveState(
  client: AircallClient,
  previous: CallsWindowState | null,
  periodSec: number,
  nowMs: () => number,
  agents = 0,
  previousReads: AvailabilityReads | null = null,
): LiveState {
  let kept = previous;
  let availabilityPages: number[] | null | undefined;
  for (let reads = 1; ; reads++) {
    const startedMs = nowMs();
    const startedSec = Math.floor(startedMs / 1000);
    const requestsBefore = client.requestsMade;
    const plan = planCallsWindow(kept, startedSec, periodSec);
    const callPages = Math.max(1, Math.ceil(plan.expectedCalls / PER_PAGE));
    availabilityPages ??= planAvailabilityPages(previousReads, startedSec, agents, callPages);
    const read = client.listCallsAndAvailabilities(
      { from: plan.since, to: startedSec, order: 'asc' },
      { calls: plan.expectedCalls, agents, availabilityPages },
    );
    const window = {
      ...mergeCallsWindow(plan, read.calls, startedSec, periodSec),
      requests: client.requestsMade - requestsBefore,
    };
    const readMs = nowMs();
    if (readMs - startedMs <= STALE_AFTER_MS || reads >= MAX_READS) {
      const nowSec = Math.floor(readMs / 1000);
      const counted = read.agents ?? Math.max(agents, previousReads?.agents ?? 0);
      return {
        nowSec,
        availabilities: read.availabilities,
        partial: availabilityPages !== null,
        availabilityReads: recordAvailabilityReads(previousReads, availabilityPages, counted, nowSec),
        window,
        reads,
      };
    }
    kept = window.state;
  }
}
