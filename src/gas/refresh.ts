/**
 * One board refresh, from the menu, the every-minute trigger or a sidebar. A document lock keeps
 * runs from interleaving: a run that finds it busy returns at once. On any failure only the header
 * changes to "Stale since …": the board keeps its last good content and is never blank.
 */
import type { AvailabilityReads } from '../aircall/availability-rotation';
import type { CallsWindowState } from '../aircall/calls-window';
import { readLiveState } from '../aircall/live-state';
import { renderBoard } from '../sheet/layout';
import { fitTexts } from '../tracker/aircall-text';
import { buildBoard } from '../tracker/board';
import { formatAge } from '../tracker/durations';
import { knownStatuses, nextStatusSince, type StatusSince } from '../tracker/status-since';
import { describeFailure } from './aircall';
import { HUNG_KEY } from './aircall-hangs';
import { notifyAlerts } from './alerts';
import { BOARD_SHEET, staleBanner, writeBoard, writeStaleBoard, writtenName } from './board-sheet';
import {
  CACHE_MAX_TTL_SEC,
  documentCache,
  prefetchCached,
  readCached,
  removeCached,
  withCacheWritesBatched,
  writeCached,
} from './chunked-store';
import { openAircallForRefresh, type RefreshCaller, refreshDeadline } from './deadlines';
import { DIRECTORY_CACHE_NAMES, ensureDirectory, loadUserNumberMap } from './directory';
import { withDocumentPropertiesRead } from './document-properties';
import { writeExtraBoards, writeExtraBoardsStale } from './extra-boards';
import { recordHistory } from './history-sheet';
import { loadSettings } from './settings-store';
import { ensureBoardSheet } from './setup';
import { activeSpreadsheet, formatMoment, spreadsheetTimeZone, TIME_ZONE_CACHE_KEY } from './spreadsheet';
import { publishTvSnapshot } from './tv-snapshot-store';

const CALLS_WINDOW = 'calls-window';
const STATUS_SINCE = 'status-since';
const AVAILABILITY_READS = 'availability-reads';
const LAST_GOOD_KEY = 'board.lastGoodMs';
const BOARD_TITLE = 'Aircall Activity Tracker';
/** The every-minute trigger's period: a board older than two of them is stale. */
const REFRESH_PERIOD_MS = 60_000;

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
export function refreshBoard(unlessYoungerThanMs = 0, caller: RefreshCaller = 'menu'): RefreshOutcome {
  if (unlessYoungerThanMs > 0) {
    const recent = recentRefresh(unlessYoungerThanMs);
    if (recent) return recent;
  }
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(0)) {
    markOldWhileBusy();
    return { status: 'busy' };
  }
  try {
    return withCacheWritesBatched(() => withDocumentPropertiesRead(() => refreshLocked(caller)));
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

function refreshLocked(caller: RefreshCaller): RefreshOutcome {
  // What the refresh reads from the document cache, in one getAll instead of one call each.
  prefetchCached(
    [CALLS_WINDOW, STATUS_SINCE, AVAILABILITY_READS, ...DIRECTORY_CACHE_NAMES, writtenName(BOARD_SHEET)],
    [LAST_GOOD_KEY, TIME_ZONE_CACHE_KEY, HUNG_KEY],
  );
  const spreadsheet = activeSpreadsheet();
  const sheet = ensureBoardSheet(spreadsheet);
  const timeZone = spreadsheetTimeZone(spreadsheet);
  const cache = documentCache();
  const nowMs = Date.now();
  try {
    const settings = loadSettings();
    const client = openAircallForRefresh(caller, !cache.get(LAST_GOOD_KEY), nowMs);
    const directory = ensureDirectory(client, settings, nowMs);
    const map = loadUserNumberMap();
    // Re-read after any wait, so the queue and statuses are those at the moment of writing.
    const live = readLiveState(
      client,
      readCached<CallsWindowState>(cache, CALLS_WINDOW),
      settings.activityPeriodMin * 60,
      () => Date.now(),
      directory.users.length,
      readCached<AvailabilityReads>(cache, AVAILABILITY_READS),
    );
    const { window, nowSec } = live;
    writeCached(cache, CALLS_WINDOW, window.state, CACHE_MAX_TTL_SEC);
    writeCached(cache, AVAILABILITY_READS, live.availabilityReads, CACHE_MAX_TTL_SEC);
    const calls = fitTexts(window.calls); // text from Aircall cut to fit a cell

    // Statuses read in rotation: an agent of the directory not read this time keeps the last reading.
    const inDirectory = new Set(directory.users.map((user) => user.id));
    const statusSince = nextStatusSince(
      readCached<StatusSince>(cache, STATUS_SINCE),
      live.availabilities,
      nowSec,
      live.partial ? (id) => inDirectory.has(id) : undefined,
    );
    writeCached(cache, STATUS_SINCE, statusSince, CACHE_MAX_TTL_SEC);
    const availabilities = live.partial ? knownStatuses(statusSince) : live.availabilities;
    const input = {
      nowSec,
      settings,
      users: directory.users,
      teams: directory.teams,
      numbers: directory.numbers,
      userNumbers: map ? map.byUser : null,
      availabilities,
      calls,
      statusSince,
    };
    const model = buildBoard(input);
    const refreshedAtText = formatMoment(nowMs, nowMs, timeZone);
    const header = { title: BOARD_TITLE, refreshedAtText, activityPeriodMin: settings.activityPeriodMin };
    writeBoard(sheet, BOARD_SHEET, renderBoard(model, header));
    writeExtraBoards(spreadsheet, input, header, refreshDeadline(caller, false, nowMs));
    cache.put(LAST_GOOD_KEY, String(nowMs), CACHE_MAX_TTL_SEC);
    // Per-refresh hooks, once the board is written: one line each.
    notifyAlerts(model, nowMs, timeZone);
    publishTvSnapshot(model, nowMs);
    recordHistory({ spreadsheet, model, calls, nowMs, timeZone, settings, client });
    return { status: 'refreshed', refreshedAtText, requests: client.requestsMade };
  } catch (error) {
    const reason = describeFailure(error);
    const lastGoodMs = Number(cache.get(LAST_GOOD_KEY)) || null;
    const staleSinceText = lastGoodMs ? formatMoment(lastGoodMs, nowMs, timeZone) : null;
    // Older than two refresh periods: say how old, and grey the whole board out.
    const old = lastGoodMs !== null && nowMs - lastGoodMs > 2 * REFRESH_PERIOD_MS;
    const ageText = old ? formatAge(nowMs - lastGoodMs) : null;
    const banner = staleBanner(staleSinceText, ageText, reason);
    writeStaleBoard(sheet, BOARD_SHEET, BOARD_TITLE, banner, old);
    writeExtraBoardsStale(spreadsheet, banner, old);
    console.warn(`Refresh failed: ${reason}`);
    return { status: 'stale', reason, staleSinceText };
  }
}

/**
 * Another execution has held the refresh lock so long that the board is older than two refresh
 * periods (a stuck run, a long Map Users to Numbers): say so in the header, whatever the reason, so
 * nobody reads an old board as live. Only the banner row is written; the lock holder's own write, if
 * it ever comes, replaces it.
 */
function markOldWhileBusy(): void {
  const lastGoodMs = Number(documentCache().get(LAST_GOOD_KEY)) || null;
  const nowMs = Date.now();
  if (lastGoodMs === null || nowMs - lastGoodMs <= 2 * REFRESH_PERIOD_MS) return;
  const spreadsheet = activeSpreadsheet();
  const sheet = spreadsheet.getSheetByName(BOARD_SHEET);
  if (!sheet) return;
  const sinceText = formatMoment(lastGoodMs, nowMs, spreadsheetTimeZone(spreadsheet));
  const reason = 'another refresh has been running since; the board updates when it ends.';
  writeStaleBoard(sheet, BOARD_SHEET, BOARD_TITLE, staleBanner(sinceText, formatAge(nowMs - lastGoodMs), reason), true);
}

/** Clear Cache: the next refresh fetches the whole activity period and every agent's status again. */
export function forgetCallsWindow(): void {
  removeCached(documentCache(), [CALLS_WINDOW, AVAILABILITY_READS]);
}
