/**
 * Server side of the Calls menu: User / All Call History and Advanced Search. Aircall is asked for
 * as little as the criteria allow (/v1/calls/search narrows by agent and direction), the rest is
 * filtered here, and the sidebar receives readable cards — never the raw fetch.
 */
import type { Call } from '../aircall/types';
import { toCallCard } from '../calls/call-card';
import { exportRows } from '../calls/export';
import { agentsFor, type CallHistoryRequest, embedCallHistoryRequest, historyFilter } from '../calls/history';
import { searchChunk } from '../calls/search';
import { decodeCursor, encodeCursor, searchProgress, startSearch } from '../calls/search-cursor';
import { agentIdFromNote } from '../sheet/layout';
import {
  type AdvancedSearchChunk,
  type AdvancedSearchCriteria,
  type CallListResult,
  EXPORT_ROWS_PER_CALL,
  type ExportRequest,
  type ExportResult,
  type SearchOptions,
} from '../sidebar-contract';
import { type Settings, SINGLE_USERS } from '../tracker/settings';
import { openAircall, WAIT_IN_SIDEBAR_MS } from './aircall';
import { BOARD_SHEET } from './board-sheet';
import { type DirectoryView, loadDirectory } from './context';
import { loadSettings } from './settings-store';
import { showSidebar } from './sidebars';
import { activeSpreadsheet, formatTime, spreadsheetTimeZone } from './spreadsheet';

/** What one sidebar can show and google.script.run can carry comfortably. */
const MAX_CARDS = 1_000;
/** A person is waiting, with progress shown: allow a couple of rate-limit windows. */
const SEARCH_WAIT_MS = 120_000;
/** One search chunk's share of an execution: the sidebar hears back (and shows progress) this often at least. */
const SEARCH_CHUNK_MS = 40_000;
/** Matches one chunk sends (each card carries its raw JSON): keeps every answer a few MB at most. */
const SEARCH_CHUNK_MATCHES = 2_000;

/** Newest first. */
function callCards(calls: Call[], timeZone: string, nowSec: number) {
  const formatSec = (sec: number) => formatTime(sec * 1000, timeZone, 'yyyy-MM-dd HH:mm:ss');
  return calls
    .sort((a, b) => b.started_at - a.started_at || b.id - a.id)
    .map((call) => toCallCard(call, { formatTime: formatSec, nowSec }));
}

const cardsFrom = (calls: Call[], timeZone: string, nowSec: number) =>
  callCards(calls, timeZone, nowSec).slice(0, MAX_CARDS);

function shownOf(total: number): string {
  return total > MAX_CARDS
    ? ` — showing the newest ${MAX_CARDS.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
    : '';
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
  const onBoard = range && range.getSheet().getName() === BOARD_SHEET;
  const userId = onBoard ? agentIdFromNote(range.getNote()) : null;
  if (userId === null) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      'Select User',
      `Select an agent's name cell on the "${BOARD_SHEET}" tab, then choose Calls › Select User.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const name = range?.getDisplayValue().split('\n')[0] ?? `Aircall user ${userId}`;
  showCallHistory({ scope: 'user', userId }, `Call history — ${name}`);
}

export function showAllCallHistory(): void {
  showCallHistory({ scope: 'all' }, 'Call history — all users');
}

export function showAdvancedSearch(): void {
  showSidebar('AdvancedSearch', 'Advanced Search');
}

// ---- google.script.run targets --------------------------------------------------------------

/** The agents the team filter lets through, or null when there is no filter. */
function teamFilterAgents(settings: Settings, directory: DirectoryView): Set<number> | null {
  if (!settings.teamFilter) return null;
  const wanted = new Set(settings.teamFilter);
  const agents = new Set<number>();
  const inSomeTeam = new Set<number>();
  for (const team of directory.teams) {
    for (const id of team.userIds) inSomeTeam.add(id);
    if (wanted.has(String(team.id))) for (const id of team.userIds) agents.add(id);
  }
  if (wanted.has(SINGLE_USERS)) for (const user of directory.users) if (!inSomeTeam.has(user.id)) agents.add(user.id);
  return agents;
}

function validHistoryRequest(request: unknown): CallHistoryRequest {
  const r = request as Partial<{ scope: string; userId: unknown }> | null;
  if (r?.scope === 'all') return { scope: 'all' };
  if (r?.scope === 'user' && Number.isSafeInteger(r.userId)) return { scope: 'user', userId: r.userId as number };
  throw new Error('Open Call History from the Calls menu.');
}

export function getCallHistory(request: unknown): CallListResult {
  const valid = validHistoryRequest(request);
  const settings = loadSettings();
  const client = openAircall(undefined, SEARCH_WAIT_MS);
  const directory = loadDirectory(client);
  const nowSec = Math.floor(Date.now() / 1000);
  const fromSec = nowSec - settings.activityPeriodMin * 60;
  const keep = historyFilter({
    agentIds: agentsFor(valid, teamFilterAgents(settings, directory)),
    userNumbers: directory.userNumbers,
  });
  const calls = client.listCalls({ from: fromSec, to: nowSec, order: 'desc' }).filter(keep);
  const timeZone = spreadsheetTimeZone(activeSpreadsheet());
  const who =
    valid.scope === 'user'
      ? (directory.users.find((u) => u.id === valid.userId)?.name ?? `Aircall user ${valid.userId}`)
      : settings.teamFilter
        ? 'All users in the selected teams'
        : 'All users';
  return {
    title: who,
    periodText: `Last ${settings.activityPeriodMin} min — ${calls.length} call${calls.length === 1 ? '' : 's'}${shownOf(calls.length)}`,
    calls: cardsFrom(calls, timeZone, nowSec),
    nowSec,
  };
}

export function getSearchOptions(): SearchOptions {
  const client = openAircall(undefined, SEARCH_WAIT_MS);
  const directory = loadDirectory(client);
  const timeZone = spreadsheetTimeZone(activeSpreadsheet());
  const nowMs = Date.now();
  const byName = <T extends { name: string; id: number }>(a: T, b: T) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id;
  return {
    users: [...directory.users].sort(byName),
    numbers: [...directory.numbers].sort(byName),
    tags: client.listTags().map((t) => t.name),
    // A supervisor's usual question is about the last hour.
    defaultRange: { fromSec: Math.floor(nowMs / 1000) - 3600, toSec: Math.floor(nowMs / 1000) },
    timeZone,
  };
}

function validCriteria(criteria: AdvancedSearchCriteria): AdvancedSearchCriteria {
  const from = Number(criteria?.fromSec);
  const to = Number(criteria?.toSec);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new Error('Choose a start and an end date.');
  if (from >= to) throw new Error('The start of the period must be before its end.');
  return { ...criteria, fromSec: Math.floor(from), toSec: Math.floor(to) };
}

/**
 * One chunk of an Advanced Search: as much as fits in SEARCH_CHUNK_MS and the rate budget left
 * now, then a cursor to continue. Long periods take several calls; none comes near the 6-minute limit.
 */
export function advancedSearch(criteria: AdvancedSearchCriteria, cursor?: string | null): AdvancedSearchChunk {
  const valid = validCriteria(criteria);
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

const EXPORT_TAB = /^Calls \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d( \(\d+\))?$/;
/** Google Sheets' limit for one cell. */
const MAX_CELL_CHARS = 50_000;

function validExport(request: unknown, columns: number): ExportRequest {
  const r = request as Partial<ExportRequest> | null;
  const validRow = (row: unknown) =>
    Array.isArray(row) &&
    row.length === columns &&
    row.every((cell) => typeof cell === 'string' && cell.length <= MAX_CELL_CHARS);
  const name = r?.sheetName;
  const valid =
    (name === null || (typeof name === 'string' && EXPORT_TAB.test(name))) &&
    Array.isArray(r?.rows) &&
    r.rows.length <= EXPORT_ROWS_PER_CALL &&
    r.rows.every(validRow);
  if (!valid) throw new Error('The export could not be read. Please search again, then export.');
  return { sheetName: name as string | null, rows: r.rows as string[][] };
}

function newExportTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const base = `Calls ${formatTime(Date.now(), spreadsheetTimeZone(spreadsheet), 'yyyy-MM-dd HH.mm.ss')}`;
  let sheetName = base;
  for (let n = 2; spreadsheet.getSheetByName(sheetName); n++) sheetName = `${base} (${n})`;
  return spreadsheet.insertSheet(sheetName);
}

/**
 * Writes the rows of a search's matches (exportRows, oldest first) to a tab, as text: the first
 * call (sheetName null) opens a new tab with the header, the next ones append to it.
 */
export function exportCallsToSheet(request: ExportRequest): ExportResult {
  const header = exportRows([])[0];
  const { sheetName, rows } = validExport(request, header.length);
  const spreadsheet = activeSpreadsheet();
  const existing = sheetName === null ? null : spreadsheet.getSheetByName(sheetName);
  if (sheetName !== null && !existing) throw new Error(`The tab "${sheetName}" is gone. Please export again.`);
  const sheet = existing ?? newExportTab(spreadsheet);
  const values = existing ? rows : [header, ...rows];
  const firstRow = existing ? existing.getLastRow() + 1 : 1;
  if (values.length > 0) {
    const range = sheet.getRange(firstRow, 1, values.length, header.length);
    range.setNumberFormat('@'); // before the values: "=…" and "+33 6…" stay text
    range.setValues(values);
  }
  if (!existing) {
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return { sheetName: sheet.getName(), rows: firstRow + values.length - 2 };
}
