/** What each "Activity Tracker" menu item does, with a toast saying how it went. */

import { forgetDirectory } from './directory';
import { hasUserNumberMap, scheduleMapRebuild } from './mapping';
import { forgetCallsWindow, refreshBoard } from './refresh';
import { loadCredentials } from './settings-store';
import { setupActivityTracker } from './setup';
import { activeSpreadsheet } from './spreadsheet';
import { startAutoRefresh, stopAutoRefresh } from './triggers';

const TOAST_TITLE = 'Activity Tracker';

function toast(message: string): void {
  activeSpreadsheet().toast(message, TOAST_TITLE, 8);
}

export function refreshFromMenu(): void {
  const outcome = refreshBoard();
  switch (outcome.status) {
    case 'refreshed':
    case 'recent':
      toast(`Refreshed at ${outcome.refreshedAtText}.`);
      break;
    case 'busy':
      toast('A refresh is already running; the board will update in a moment.');
      break;
    case 'stale': {
      const ui = SpreadsheetApp.getUi();
      ui.alert('The board could not be refreshed', outcome.reason, ui.ButtonSet.OK);
      break;
    }
  }
}

/** A Live mode sidebar may have refreshed moments ago: the trigger then leaves Aircall alone. */
const TRIGGER_SHARES_REFRESH_YOUNGER_THAN_MS = 15_000;

/** The every-minute trigger: never touches Ui, which throws in a trigger. */
export function refreshFromTrigger(): void {
  refreshBoard(TRIGGER_SHARES_REFRESH_YOUNGER_THAN_MS, 'trigger');
}

export function setupFromMenu(): void {
  setupActivityTracker(activeSpreadsheet());
  toast('The Activity Tracker tab is ready. Open Configure to enter your Aircall API key, then Refresh.');
}

export function clearCacheFromMenu(): void {
  const hadMap = hasUserNumberMap();
  forgetDirectory();
  forgetCallsWindow();
  if (hadMap) scheduleMapRebuild();
  toast(
    `Cached Aircall data cleared: the next refresh reloads users, teams and numbers${hadMap ? ', and the user↔number map is rebuilt in the background' : ''}. Your key and settings are kept.`,
  );
}

export function startAutoRefreshFromMenu(): void {
  // An installable trigger runs as the user who creates it, with the key that user can read.
  if (!loadCredentials()) {
    toast(
      'Auto-refresh runs as you: enter your Aircall API key in Configure (or ask a colleague to share theirs) first.',
    );
    return;
  }
  startAutoRefresh();
  toast('Auto-refresh is on: the board refreshes every minute.');
}

export function stopAutoRefreshFromMenu(): void {
  const removed = stopAutoRefresh();
  toast(removed ? 'Auto-refresh is off.' : 'Auto-refresh was not on.');
}
