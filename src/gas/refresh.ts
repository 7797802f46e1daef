/**
 * One board refresh, from the menu, the every-minute trigger or a sidebar. A document lock keeps
 * runs from interleaving: a run that finds it busy returns at once. On any failure only the header
 * changes to "Stale since …": the board keeps its last good content and is never blank.
 */
import { type CallsWindowState, refreshCallsWindow } from '../aircall/calls-window';
import { renderBoard } from '../sheet/layout';
import { buildBoard } from '../tracker/board';
import { describeFailure, openAircall } from './aircall';
import { notifyAlerts } from './alerts';
import { loadExtent, writeBoard, writeStaleHeader } from './board-sheet';
import { documentCache, readCached, removeCached, writeCached } from './chunked-store';
import { ensureDirectory, loadUserNumberMap } from './directory';
import { loadCredentials, loadSettings } from './settings-store';
import { ensureBoardSheet } from './setup';
import { activeSpreadsheet, formatMoment, spreadsheetTimeZone } from './spreadsheet';

const CALLS_WINDOW = 'calls-window';
const STATUS_SINCE = 'status-since';
const LAST_GOOD_KEY = 'board.lastGoodMs';
const SIX_HOURS_SEC = 21_600;

export type RefreshOutcome =
  | { status: 'refreshed'; refreshedAtText: string; requests: number }
  | { status: 'busy' }
  | { status: 'recent'; refreshedAtText: string }
  | { status: 'stale'; reason: string; staleSinceText: string | null };

/**
 * Refreshes the board unless another run holds the lock, or — when `unlessYoungerThanMs` is given —
 * unless a refresh already succeeded that recently: several Live mode sidebars plus the trigger then
 * share one refresh instead of multiplying Aircall requests.
 */
export function refreshBoard(unlessYoungerThanMs = 0): RefreshOutcome {
  if (unlessYoungerThanMs > 0) {
    const recent = recentRefresh(unlessYoungerThanMs);
    if (recent) return recent;
  }
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(0)) return { status: 'busy' };
  try {
    return refreshLocked();
  } finally {
    lock.releaseLock();
  }
}

function recentRefresh(maxAgeMs: number): RefreshOutcome | null {
  const lastGoodMs = Number(documentCache().get(LAST_GOOD_KEY)) || 0;
  const nowMs = Date.now();
  if (!lastGoodMs || nowMs - lastGoodMs >= maxAgeMs) return null;
  const timeZone = spreadsheetTimeZone(activeSpreadsheet());
  return { status: 'recent', refreshedAtText: formatMoment(lastGoodMs, nowMs, timeZone) };
}

function refreshLocked(): RefreshOutcome {
  const spreadsheet = activeSpreadsheet();
  const sheet = ensureBoardSheet(spreadsheet);
  const timeZone = spreadsheetTimeZone(spreadsheet);
  const cache = documentCache();
  const nowMs = Date.now();
  try {
    const settings = loadSettings();
    const client = openAircall(loadCredentials());
    const directory = ensureDirectory(client, settings, nowMs);
    const map = loadUserNumberMap();
    const availabilities = client.listAvailabilities();
    const nowSec = Math.floor(nowMs / 1000);
    const window = refreshCallsWindow(
      client,
      readCached<CallsWindowState>(cache, CALLS_WINDOW),
      nowSec,
      settings.activityPeriodMin * 60,
    );
    writeCached(cache, CALLS_WINDOW, window.state, SIX_HOURS_SEC);

    const statusSince = trackStatusSince(cache, availabilities, nowSec);
    const model = buildBoard({
      nowSec,
      settings,
      users: directory.users,
      teams: directory.teams,
      numbers: directory.numbers,
      userNumbers: map ? map.byUser : null,
      availabilities,
      calls: window.calls,
      statusSince,
    });
    const refreshedAtText = formatMoment(nowMs, nowMs, timeZone);
    const previous = loadExtent();
    const grid = renderBoard(
      model,
      {
        title: 'Aircall Activity Tracker',
        refreshedAtText,
        activityPeriodMin: settings.activityPeriodMin,
        stale: null,
      },
      previous ? { rows: previous.rows, columns: previous.columns } : undefined,
    );
    writeBoard(sheet, grid, previous);
    cache.put(LAST_GOOD_KEY, String(nowMs), SIX_HOURS_SEC);
    notifyAlerts(model, nowMs, timeZone);
    return { status: 'refreshed', refreshedAtText, requests: client.requestsMade };
  } catch (error) {
    const reason = describeFailure(error);
    const lastGoodMs = Number(cache.get(LAST_GOOD_KEY)) || null;
    const staleSinceText = lastGoodMs ? formatMoment(lastGoodMs, nowMs, timeZone) : null;
    writeStaleHeader(sheet, staleSinceText, reason);
    console.warn(`Refresh failed: ${reason}`);
    return { status: 'stale', reason, staleSinceText };
  }
}

type StatusSince = Record<number, { status: string; sinceSec: number }>;

/**
 * Time in current status: counted from when a refresh first saw the status, kept across
 * refreshes in the cache (if evicted, counting restarts from now).
 */
function trackStatusSince(
  cache: GoogleAppsScript.Cache.Cache,
  availabilities: { id: number; availability: string }[],
  nowSec: number,
): StatusSince {
  const previous = readCached<StatusSince>(cache, STATUS_SINCE) ?? {};
  const next: StatusSince = {};
  for (const { id, availability } of availabilities) {
    const seen = previous[id];
    next[id] = seen && seen.status === availability ? seen : { status: availability, sinceSec: nowSec };
  }
  writeCached(cache, STATUS_SINCE, next, SIX_HOURS_SEC);
  return next;
}

/** Clear Cache: the next refresh fetches the whole activity period again. */
export function forgetCallsWindow(): void {
  removeCached(documentCache(), [CALLS_WINDOW]);
}
