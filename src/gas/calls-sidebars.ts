/**
 * Server side of the Calls menu: User / All Call History and Advanced Search. Aircall is asked for
 * as little as the criteria allow (/v1/calls/search narrows by agent and direction), the rest is
 * filtered here, and the sidebar receives readable cards — never the raw fetch. What a sidebar
 * sends is checked by the pure rules of src/calls/ before use.
 */
import type { Call } from '../aircall/types';
import { agentLabels } from '../calls/agents';
import { toCallCard } from '../calls/call-card';
import { headerCells, readExportRequest, sheetCells } from '../calls/export';
import {
  agentsFor,
  type CallHistoryRequest,
  decodeHistoryCursor,
  embedCallHistoryRequest,
  encodeHistoryCursor,
  FIRST_HISTORY_CARDS,
  historyFilter,
  teamFilterAgents,
} from '../calls/history';
import { readHistoryRequest, readSearchCriteria } from '../calls/requests';
import { searchChunk } from '../calls/search';
import { decodeCursor, encodeCursor, type SearchState, searchProgress, startSearch } from '../calls/search-cursor';
import { formatWallClock } from '../calls/wall-clock';
import { parseOffset } from '../history/calendar';
import { agentInCell, REFRESHING_MESSAGE } from '../sheet/notes';
import {
  type AdvancedSearchChunk,
  type AdvancedSearchCriteria,
  type CallHistoryChunk,
  type ExportRequest,
  type ExportResult,
  MAX_CALL_CARDS,
  type SearchOptions,
} from '../sidebar-contract';
import { byNameThenId } from '../tracker/names';
import { openAircall, WAIT_IN_SIDEBAR_MS } from './aircall';
import { BOARD_SHEET } from './board-sheet';
import { documentCache, readCached, writeCached } from './chunked-store';
import { refreshedDirectory } from './context';
import { isBoardTab } from './extra-boards';
import { loadSettings } from './settings-store';
import { showSidebar } from './sidebars';
import { activeSpreadsheet, formatTime, spreadsheetTimeZone } from './spreadsheet';

/** A person is waiting, with progress shown: allow a couple of rate-limit windows. */
const SEARCH_WAIT_MS = 120_000;
/** One search chunk's share of an execution: the sidebar hears back (and shows progress) this often at least. */
const SEARCH_CHUNK_MS = 40_000;
/** Matches one chunk sends (each card carries its raw JSON): keeps every answer a few MB at most. */
const SEARCH_CHUNK_MATCHES = 2_000;
/** Tags change rarely; Advanced Search opens without asking Aircall for them again meanwhile. */
const TAGS_CACHE = 'aircall-tags';
const TAGS_TTL_SEC = 600;

/** Formats times in the spreadsheet's zone with one Utilities call per hour they fall in, not one per time. */
function zoneFormatter(timeZone: string): (sec: number) => string {
  const offsets = new Map<number, number>();
  return (sec) => {
    const hour = Math.floor(sec / 3600);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = parseOffset(formatTime(hour * 3_600_000, timeZone, 'Z'));
      offsets.set(hour, offset);
    }
    return formatWallClock(sec, offset);
  };
}

/** Newest first. */
function callCards(calls: Call[], timeZone: string, nowSec: number) {
  const formatSec = zoneFormatter(timeZone);
  return calls
    .sort((a, b) => b.started_at - a.started_at || b.id - a.id)
    .map((call) => toCallCard(call, { formatTime: formatSec, nowSec }));
}

// ---- Opening the sidebars -------------------------------------------------------------------

function showCallHistory(request: CallHistoryRequest, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile('CallHistory');
  output.setContent(embedCallHistoryRequest(output.getContent(), request)).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Select User: the agent in the selected board cell, identified by id (duplicate names work). */
export function showUserCallHistory(): void {
  const spreadsheet = activeSpreadsheet();
  const range = spreadsheet.getActiveRange();
  const onBoard = range && isBoardTab(range.getSheet().getName());
  const agent = onBoard ? agentInCell(range.getDisplayValue(), range.getNote()) : null;
  if (agent === 'refreshing') {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Select User', REFRESHING_MESSAGE, ui.ButtonSet.OK);
    return;
  }
  if (agent === null) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      'Select User',
      `Select an agent's name cell on the "${BOARD_SHEET}" tab or another board's, then choose Calls › Select User.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  showCallHistory({ scope: 'user', userId: agent.id }, `Call history — ${agent.name}`);
}

export function showAllCallHistory(): void {
  showCallHistory({ scope: 'all' }, 'Call history — all users');
}

export function showAdvancedSearch(): void {
  showSidebar('AdvancedSearch', 'Advanced Search');
}

// ---- google.script.run targets --------------------------------------------------------------

/**
 * The next calls of a Call History, newest first: pages are walked newest first and the walk stops
 * at `maxMatches`, so All Users at 1,000 agents answers after a page or two of fetches instead of
 * listing every call of the period. Later steps wait out a rate limit that runs out, within `budgetMs`.
 */
function nextHistoryCalls(
  criteria: AdvancedSearchCriteria,
  start: SearchState,
  keep: (call: Call) => boolean,
  limits: { maxMatches: number; budgetMs: number; wait: boolean },
) {
  const client = openAircall(undefined, SEARCH_WAIT_MS);
  const deadlineMs = Date.now() + limits.budgetMs;
  let state = start;
  const calls: Call[] = [];
  while (state.parts.length > 0 && calls.length < limits.maxMatches && Date.now() < deadlineMs) {
    const chunk = searchChunk(
      criteria,
      state,
      client,
      { nowMs: () => Date.now(), stopAtMs: deadlineMs, maxMatches: limits.maxMatches - calls.length },
      keep,
    );
    calls.push(...chunk.calls);
    state = chunk.state;
    if (chunk.resumeInMs !== null) {
      if (!limits.wait || Date.now() + chunk.resumeInMs >= deadlineMs) break;
      Utilities.sleep(chunk.resumeInMs);
    }
  }
  return { calls, state };
}

const count = (n: number) => n.toLocaleString('en-US');
const callsText = (n: number) => `${count(n)} call${n === 1 ? '' : 's'}`;

/** How many calls the sidebar shows, and of how many when it shows only the newest MAX_CALL_CARDS. */
function historyCount(state: SearchState, everyCall: boolean, more: boolean): string {
  const found = state.matches;
  if (more) return `${callsText(found)} so far, loading more…`;
  if (state.parts.length === 0) return callsText(found);
  return everyCall && state.totalCalls !== null
    ? `${callsText(state.totalCalls)} — showing the newest ${count(MAX_CALL_CARDS)} of ${count(state.totalCalls)}`
    : `showing the newest ${callsText(found)} (Advanced Search lists them all)`;
}

/**
 * Call History in steps: the first answers with the newest FIRST_HISTORY_CARDS calls as soon as
 * they are fetched, each next one (with the cursor) adds more, up to MAX_CALL_CARDS.
 */
export function getCallHistory(request: CallHistoryRequest, cursor: string | null = null): CallHistoryChunk {
  const valid = readHistoryRequest(request);
  const settings = loadSettings();
  const directory = refreshedDirectory(openAircall(undefined, SEARCH_WAIT_MS));
  const nowSec = Math.floor(Date.now() / 1000);
  const agentIds = agentsFor(valid, teamFilterAgents(settings.teamFilter, directory));
  const keep = historyFilter({ agentIds, userNumbers: directory.userNumbers });
  const first = cursor === null;
  const continued = first ? null : decodeHistoryCursor(cursor);
  const period = continued ?? { fromSec: nowSec - settings.activityPeriodMin * 60, toSec: nowSec };
  const criteria: AdvancedSearchCriteria = { fromSec: period.fromSec, toSec: period.toSec };
  const start = continued ? decodeCursor(criteria, continued.search) : startSearch(criteria, nowSec);
  const { calls, state } = nextHistoryCalls(criteria, start, keep, {
    maxMatches: (first ? FIRST_HISTORY_CARDS : MAX_CALL_CARDS) - start.matches,
    budgetMs: SEARCH_CHUNK_MS,
    wait: !first,
  });
  const more = state.parts.length > 0 && state.matches < MAX_CALL_CARDS;
  const who =
    valid.scope === 'user'
      ? (directory.users.find((u) => u.id === valid.userId)?.name ?? `Aircall user ${valid.userId}`)
      : settings.teamFilter
        ? 'All users in the selected teams'
        : 'All users';
  return {
    title: who,
    periodText: `Last ${Math.round((period.toSec - period.fromSec) / 60)} min — ${historyCount(state, agentIds === null, more)}`,
    calls: callCards(calls, spreadsheetTimeZone(activeSpreadsheet()), nowSec),
    nowSec,
    cursor: more ? encodeHistoryCursor(period, encodeCursor(criteria, state)) : null,
  };
}

/**
 * Agents (namesakes told apart), lines and tags for the pickers. Agents and lines come from the
 * directory the board keeps (so Clear Cache and a new account show at once); tags, the one list
 * fetched for this sidebar alone, are kept in the cache a few minutes.
 */
function pickerOptions(): Pick<SearchOptions, 'users' | 'numbers' | 'tags'> {
  const client = openAircall(undefined, SEARCH_WAIT_MS);
  const directory = refreshedDirectory(client);
  const cache = documentCache();
  let tags = readCached<string[]>(cache, TAGS_CACHE);
  if (!tags) {
    tags = client.listTags().map((t) => t.name);
    writeCached(cache, TAGS_CACHE, tags, TAGS_TTL_SEC);
  }
  const byName = byNameThenId;
  return {
    users: agentLabels([...directory.users].sort(byName)),
    numbers: [...directory.numbers].sort(byName),
    tags,
  };
}

export function getSearchOptions(): SearchOptions {
  const nowSec = Math.floor(Date.now() / 1000);
  return {
    ...pickerOptions(),
    // A supervisor's usual question is about the last hour.
    defaultRange: { fromSec: nowSec - 3600, toSec: nowSec },
    timeZone: spreadsheetTimeZone(activeSpreadsheet()),
  };
}

/**
 * One chunk of an Advanced Search: as much as fits in SEARCH_CHUNK_MS and the rate budget left
 * now, then a cursor to continue. Long periods take several calls; none comes near the 6-minute limit.
 */
export function advancedSearch(criteria: AdvancedSearchCriteria, cursor?: string | null): AdvancedSearchChunk {
  const valid = readSearchCriteria(criteria);
  const startMs = Date.now();
  const state = cursor == null ? startSearch(valid, Math.floor(startMs / 1000)) : decodeCursor(valid, cursor);
  const client = openAircall(undefined, WAIT_IN_SIDEBAR_MS);
  const chunk = searchChunk(valid, state, client, {
    nowMs: () => Date.now(),
    stopAtMs: startMs + SEARCH_CHUNK_MS,
    maxMatches: SEARCH_CHUNK_MATCHES,
  });
  const timeZone = spreadsheetTimeZone(activeSpreadsheet());
  const format = (sec: number) => formatTime(sec * 1000, timeZone, 'yyyy-MM-dd HH:mm');
  const nowSec = Math.floor(Date.now() / 1000);
  return {
    title: 'Advanced Search',
    periodText: `${format(valid.fromSec)} → ${format(valid.toSec)}`,
    calls: callCards(chunk.calls, timeZone, nowSec),
    nowSec,
    cursor: encodeCursor(valid, chunk.state),
    progress: searchProgress(chunk.state),
    resumeInSec: chunk.resumeInMs === null ? null : Math.ceil(chunk.resumeInMs / 1000),
    totalMatches: chunk.state.matches,
  };
}

function newExportTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const base = `Calls ${formatTime(Date.now(), spreadsheetTimeZone(spreadsheet), 'yyyy-MM-dd HH.mm.ss')}`;
  let sheetName = base;
  for (let n = 2; spreadsheet.getSheetByName(sheetName); n++) sheetName = `${base} (${n})`;
  return spreadsheet.insertSheet(sheetName);
}

/** Writes cells below `firstRow`, adding rows first when the tab is too short (a new tab has 1,000). */
function writeRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  firstRow: number,
  cells: { values: unknown[][]; formats: string[][] },
): void {
  const { values, formats } = cells;
  if (values.length === 0) return;
  const lastRow = firstRow + values.length - 1;
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const range = sheet.getRange(firstRow, 1, values.length, values[0].length);
  range.setNumberFormats(formats); // before the values: "=…", "+33 6…" and "00123" stay text
  range.setValues(values);
}

/**
 * Writes the rows of a search's matches (exportRows, oldest first) to a tab: the first call
 * (sheetName null) opens a new tab with the header, the next ones append to it. A first call that
 * fails leaves no tab behind.
 */
export function exportCallsToSheet(request: ExportRequest): ExportResult {
  const { sheetName, rows } = readExportRequest(request);
  const spreadsheet = activeSpreadsheet();
  if (sheetName !== null) {
    const sheet = spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`The tab "${sheetName}" is gone. Please export again.`);
    const firstRow = sheet.getLastRow() + 1;
    writeRows(sheet, firstRow, sheetCells(rows));
    return { sheetName, rows: firstRow + rows.length - 2 };
  }
  const sheet = newExportTab(spreadsheet);
  try {
    const header = headerCells();
    const body = sheetCells(rows);
    writeRows(sheet, 1, { values: [...header.values, ...body.values], formats: [...header.formats, ...body.formats] });
    sheet.getRange(1, 1, 1, header.values[0].length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return { sheetName: sheet.getName(), rows: rows.length };
}
