import { type CallsWindowRefresh, type CallsWindowState, refreshCallsWindow } from './calls-window';
import type { AircallClient } from './client';
import type { UserAvailability } from './types';

/**
 * What the board shows as live — callers waiting, agents' statuses and their calls — read so that it
 * is true when the board is written. A read that took longer than STALE_AFTER_MS (it waited for
 * Aircall's rate-limit window, or Aircall was slow) is read again at once: the calls since the oldest
 * one still ringing (an incremental window refresh) and every availability. Otherwise a caller who was
 * ringing on a page listed before a one-minute wait would show as waiting after being answered, and
 * an agent's status would be a minute older than the queue beside it.
 */
export const STALE_AFTER_MS = 10_000;
/** Reads per refresh: the first, and at most two re-reads if those also had to wait. */
const MAX_READS = 3;

export interface LiveState {
  /** When the live data had been read (UNIX seconds): "now" for the board written next. */
  nowSec: number;
  availabilities: UserAvailability[];
  window: CallsWindowRefresh;
  /** How many times it was read (1 when nothing had to be read again). */
  reads: number;
}

export function readLiveState(
  client: AircallClient,
  previous: CallsWindowState | null,
  periodSec: number,
  nowMs: () => number,
): LiveState {
  let kept = previous;
  for (let reads = 1; ; reads++) {
    const startedMs = nowMs();
    const window = refreshCallsWindow(client, kept, Math.floor(startedMs / 1000), periodSec);
    const availabilities = client.listAvailabilities();
    const readMs = nowMs();
    if (readMs - startedMs <= STALE_AFTER_MS || reads >= MAX_READS)
      return { nowSec: Math.floor(readMs / 1000), availabilities, window, reads };
    kept = window.state;
  }
}
