/** How long each caller of a refresh gives Aircall (src/aircall/deadline.ts says why). */
import type { AircallClient } from '../aircall/client';
import { type Deadline, deadlineIn } from '../aircall/deadline';
import { openAircall, SIDEBAR_DEADLINE_MS, WAIT_IN_BACKGROUND_MS, WAIT_IN_SIDEBAR_MS } from './aircall';
import { refuseWhileAircallHangs } from './aircall-hangs';
import { loadCredentials } from './settings-store';

/** Who is waiting for a refresh: a menu Refresh still tries a hanging Aircall, the others wait for it. */
export type RefreshCaller = 'menu' | 'trigger' | 'sidebar';

/** A refresh ends (board written, or marked stale) well inside the trigger's minute. */
const REFRESH_DEADLINE_MS = 40_000;
/**
 * The first fill of a large board (about 250 requests at 1,000 agents) waits through a couple of
 * rate-limit windows; meanwhile the lock turns the next trigger runs away at once.
 */
const FIRST_FILL_DEADLINE_MS = 150_000;

export function refreshDeadline(caller: RefreshCaller, firstFill: boolean, nowMs: number): Deadline {
  const ms = caller === 'sidebar' ? SIDEBAR_DEADLINE_MS : firstFill ? FIRST_FILL_DEADLINE_MS : REFRESH_DEADLINE_MS;
  return deadlineIn(ms, nowMs, 'the refresh');
}

/** The Aircall client for one refresh, within its caller's deadline. */
export function openAircallForRefresh(caller: RefreshCaller, firstFill: boolean, nowMs: number): AircallClient {
  if (caller !== 'menu') refuseWhileAircallHangs(nowMs);
  const maxWaitMs = caller === 'sidebar' ? WAIT_IN_SIDEBAR_MS : WAIT_IN_BACKGROUND_MS;
  return openAircall(loadCredentials(), maxWaitMs, refreshDeadline(caller, firstFill, nowMs));
}
