/**
 * Live mode: a small sidebar that refreshes the board every N seconds while it is open. It works
 * where time-driven triggers are limited (an editor add-on may only run hourly triggers) and uses
 * none of the daily trigger-runtime quota, since google.script.run calls are not trigger runs.
 */
import { LIVE_DEFAULT_SEC, LIVE_MIN_SEC, type LiveRefreshResult } from '../sidebar-contract';
import { refreshBoard } from './refresh';
import { showSidebar } from './sidebars';

export function showLiveMode(): void {
  showSidebar('LiveMode', 'Activity Tracker — Live mode');
}

/** One tick of an open Live mode sidebar. */
export function liveRefresh(intervalSec: unknown): LiveRefreshResult {
  const requested = Number(intervalSec);
  const nextInSec = Number.isFinite(requested) ? Math.max(LIVE_MIN_SEC, Math.round(requested)) : LIVE_DEFAULT_SEC;
  // A refresh younger than the interval is shared, whoever made it (another sidebar, the trigger,
  // the menu): however many sidebars are open, the board refreshes about once per interval.
  const outcome = refreshBoard((nextInSec - 1) * 1000, 'sidebar');
  switch (outcome.status) {
    case 'refreshed':
    case 'recent':
      return { refreshedAtText: outcome.refreshedAtText, nextInSec, stale: null };
    case 'busy':
      return { refreshedAtText: '', nextInSec, stale: 'Another refresh is running; the board updates in a moment.' };
    case 'stale':
      return { refreshedAtText: outcome.staleSinceText ?? '', nextInSec, stale: outcome.reason };
  }
}
