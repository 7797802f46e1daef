/**
 * History, Today and Daily tabs, written after each board refresh with a constant number of
 * Spreadsheet calls: one batch write appends the snapshot to History, one deleteRows prunes what
 * fell out of the retention, and the Today table (24 hourly rows, the source of its charts) is
 * written once from the day's hourly figures kept in History's state, never read back. At the first refresh of a new day the previous day is rolled up into Daily
 * from that day's calls as Aircall lists them. Nothing here may break the board: failures are
 * logged and retried at the next refresh.
 */
import type { AircallClient } from '../aircall/client';
import type { Call } from '../aircall/types';
import { dayStartMs, hourOf, parseOffset } from '../history/calendar';
import {
  addCallsToDaily,
  DAILY_HEADERS,
  type DailyProgress,
  dailyRow,
  finishDaily,
  isDayCounted,
  startDaily,
} from '../history/daily';
import {
  addDayHeat,
  addDayToHeatMap,
  type DayHeat,
  dayHeat,
  emptyDayHeat,
  type HeatMap,
  heatMapRows,
  newHeatMap,
} from '../history/heatmap';
import { DAILY_RETENTION_DAYS, expiredRowCount, maxHistoryRows, retentionCutoffMs } from '../history/retention';
import { historyColumnCount, historyHeader, historyLineIds, snapshotRow } from '../history/snapshot';
import {
  addCallEvents,
  addSnapshot,
  emptyDay,
  HOURS,
  type HourBucket,
  readBuckets,
  TODAY_HEADERS,
  todayRows,
} from '../history/today';
import { TODAY_CHARTS, TODAY_LINES, TODAY_TOP, todayLineFormula, todayTitle } from '../history/today-layout';
import { a1 } from '../sheet/grid';
import type { BoardModel } from '../tracker/board';
import type { Settings } from '../tracker/settings';
import { readFromProperties, removeFromProperties, writeToProperties } from './chunked-store';
import { documentProperties } from './document-properties';
import { insertSheetInBackground } from './spreadsheet';

export const HISTORY_SHEET = 'History';
export const TODAY_SHEET = 'Today';
export const DAILY_SHEET = 'Daily';
export const HEAT_MAP_SHEET = 'Heat map';

const STATE_KEY = 'history.state';
const HEAT_MAP_KEY = 'history.heatmap';
const DAILY_PROGRESS_KEY = 'history.daily';
/**
 * How much of a finished day one refresh lists for Daily: sized so a part holds about a thousand calls
 * (20 pages), from a minute to an hour, starting at a quarter of an hour.
 */
const DAILY_PART = { firstMs: 900_000, minMs: 60_000, maxMs: 3_600_000, calls: 1_000 };
/** Rows a full History tab grows by at once: a day of every-minute refreshes. */
const GROW_ROWS = 1440;
/** Times of the oldest rows kept in the state, so pruning reads the tab about once an hour. */
const KNOWN_OLDEST = 60;
const READ_OLDEST = 1500;
const TEXT = '@';
/** Per Daily column: the date, the line's name and the busiest hour as plain text, numbers as numbers. */
const DAILY_FORMATS = ['yyyy-mm-dd', TEXT, '0', '0', '0', '0', '0.0', '0.0', '0', TEXT] as const;

/** What the adapter remembers between refreshes (one document property), so it need not ask the tabs. */
interface HistoryState {
  lineIds: number[];
  /** Last row holding a snapshot; 1 = the header only. */
  lastRow: number;
  maxRows: number;
  maxColumns: number;
  /** Times of the oldest snapshots, oldest first (at most KNOWN_OLDEST). */
  oldest: number[];
  lastMs: number | null;
  /** The day the Today table holds (its local midnight). */
  dayStartMs: number;
  /**
   * That day's hourly figures, as the Today table shows them: kept here so the table need not be read
   * back each refresh (a state saved before they were kept reads them from the table once).
   */
  today?: HourBucket[];
  /** A finished day still to roll up into Daily (retried until it succeeds). */
  dailyDueMs: number | null;
}

/** A finished day being rolled up: the Daily counts and the heat map's hours so far. */
interface DailyRollUp {
  progress: DailyProgress;
  heat: DayHeat;
  partMs: number;
}

export interface HistoryInput {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  model: BoardModel;
  /** The calls the board was built from (the activity period). */
  calls: readonly Call[];
  nowMs: number;
  timeZone: string;
  settings: Settings;
  client: AircallClient;
}

/** Chunked across properties: the line list of a large account outgrows one property's 9 KB. */
function loadState(): HistoryState | null {
  return readFromProperties<HistoryState>(documentProperties().getProperties(), STATE_KEY);
}

function saveState(state: HistoryState): void {
  writeToProperties(documentProperties(), STATE_KEY, state);
}

/** Minutes east of UTC in the spreadsheet's time zone at that instant. */
function offsetAt(ms: number, timeZone: string): number {
  return parseOffset(Utilities.formatDate(new Date(ms), timeZone, 'Z'));
}

/** Records the refresh; never throws (the board is already written). */
export function recordHistory(input: HistoryInput): void {
  try {
    recordLocked(input);
  } catch (error) {
    console.warn(`History not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function recordLocked(input: HistoryInput): void {
  const { spreadsheet, model, nowMs, timeZone } = input;
  const offset = offsetAt(nowMs, timeZone);
  const todayStartMs = dayStartMs(nowMs, offset);
  let state = loadState();
  if (state && isTooSoon(state, nowMs, todayStartMs)) return;
  let history = spreadsheet.getSheetByName(HISTORY_SHEET);
  if (!history || !state) {
    // Without its state the tab's columns cannot be matched to lines again: History starts afresh.
    if (history) history.clearContents();
    else history = insertSheetInBackground(spreadsheet, HISTORY_SHEET);
    state = startHistory(history, todayStartMs, state);
    // Daily is there from the start (header only), so it can be connected to Looker Studio at once.
    ensureDaily(spreadsheet);
  }
  const newDay = state.dayStartMs < todayStartMs;
  if (newDay) {
    state.dailyDueMs ??= state.dayStartMs;
    state.dayStartMs = todayStartMs;
  }
  if (state.dailyDueMs !== null && state.dailyDueMs < todayStartMs) {
    try {
      if (rollUpDay(input, state.dailyDueMs)) state.dailyDueMs = null;
    } catch (error) {
      console.warn(`Daily roll-up postponed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const linesChanged = appendSnapshot(history, state, model, nowMs);
  prune(history, state, nowMs, input.settings.historyRetentionDays);
  writeToday(input, state, { offset, todayStartMs, newDay, linesChanged });
  state.lastMs = nowMs;
  saveState(state);
}

/**
 * At most one snapshot a minute: Live mode and TV screens refresh every 20 s, and three rows a minute
 * would triple History's size (and its cells' share of the spreadsheet's 10 million) for no new trend.
 * A skipped refresh loses nothing: the next snapshot counts the calls since the last one written.
 */
const MIN_SNAPSHOT_GAP_MS = 55_000;

function isTooSoon(state: HistoryState, nowMs: number, todayStartMs: number): boolean {
  const sameDay = state.dayStartMs >= todayStartMs;
  return sameDay && state.lastMs !== null && nowMs - state.lastMs < MIN_SNAPSHOT_GAP_MS;
}

/** A new (or unknown) History tab: its header comes with the first snapshot. */
function startHistory(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  todayStartMs: number,
  previous: HistoryState | null,
): HistoryState {
  sheet.setFrozenRows(1);
  return {
    lineIds: [],
    lastRow: 1,
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    oldest: [],
    lastMs: null,
    dayStartMs: previous?.dayStartMs ?? todayStartMs,
    dailyDueMs: previous?.dailyDueMs ?? null,
    ...(previous?.today ? { today: previous.today } : {}),
  };
}

/** Returns true when the History gained line columns (the header was rewritten). */
function appendSnapshot(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  state: HistoryState,
  model: BoardModel,
  nowMs: number,
): boolean {
  const lineIds = historyLineIds(state.lineIds, model);
  const columns = historyColumnCount(lineIds.length);
  const linesChanged = lineIds.length !== state.lineIds.length || state.lastRow === 1;
  if (columns > state.maxColumns) {
    sheet.insertColumnsAfter(state.maxColumns, columns - state.maxColumns);
    state.maxColumns = columns;
  }
  if (state.lastRow + 1 > state.maxRows) {
    sheet.insertRowsAfter(state.maxRows, GROW_ROWS);
    state.maxRows += GROW_ROWS;
  }
  if (linesChanged) {
    // Line names are Aircall's text: plain-text format first, so none can become a formula.
    const header = sheet.getRange(1, 1, 1, columns);
    header.setNumberFormat(TEXT);
    header.setValues([historyHeader(lineIds, model)]);
    state.lineIds = lineIds;
  }
  state.lastRow++;
  sheet.getRange(state.lastRow, 1, 1, columns).setValues([snapshotRow(model, lineIds, new Date(nowMs))]);
  if (state.oldest.length === state.lastRow - 2 && state.oldest.length < KNOWN_OLDEST) state.oldest.push(nowMs);
  return linesChanged;
}

/** Drops the snapshots older than the retention (or beyond the cell budget) in one deleteRows. */
function prune(sheet: GoogleAppsScript.Spreadsheet.Sheet, state: HistoryState, nowMs: number, days: number): void {
  const cutoffMs = retentionCutoffMs(nowMs, days);
  const dataRows = state.lastRow - 1;
  const excess = Math.max(0, dataRows - maxHistoryRows(historyColumnCount(state.lineIds.length)));
  let known = state.oldest;
  if (known.length < dataRows && (known.length === 0 || expiredRowCount(known, cutoffMs) === known.length)) {
    // Every remembered time has expired: read the next ones from the tab.
    const read = Math.min(dataRows, READ_OLDEST);
    known = sheet
      .getRange(2, 1, read, 1)
      .getValues()
      .map(([time]) => (time instanceof Date ? time.getTime() : Number(time)));
  }
  const count = Math.min(dataRows, Math.max(expiredRowCount(known, cutoffMs), excess));
  if (count > 0) {
    sheet.deleteRows(2, count);
    state.lastRow -= count;
    state.maxRows -= count;
  }
  state.oldest = known.slice(count, count + KNOWN_OLDEST);
  if (state.oldest.length > state.lastRow - 1) state.oldest = state.oldest.slice(0, state.lastRow - 1);
}

function ensureToday(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  created: boolean;
} {
  const existing = spreadsheet.getSheetByName(TODAY_SHEET);
  if (existing) return { sheet: existing, created: false };
  const sheet = insertSheetInBackground(spreadsheet, TODAY_SHEET);
  const header = sheet.getRange(TODAY_TOP - 1, 1, 1, TODAY_HEADERS.length);
  header.setValues([[...TODAY_HEADERS]]);
  header.setFontWeight('bold');
  // "09:00" stays a label, not a time of day.
  sheet.getRange(TODAY_TOP, 1, HOURS, 1).setNumberFormat(TEXT);
  sheet.setFrozenRows(TODAY_TOP - 1);
  for (const chart of TODAY_CHARTS) {
    let builder = sheet.newChart();
    for (const a1 of chart.ranges) builder = builder.addRange(sheet.getRange(a1));
    const typed =
      chart.type === 'COLUMN'
        ? builder.asColumnChart()
        : chart.type === 'AREA'
          ? builder.asAreaChart()
          : builder.asLineChart();
    for (const [option, value] of Object.entries(chart.options ?? {})) typed.setOption(option, value);
    sheet.insertChart(
      typed
        .setNumHeaders(1)
        .setPosition(chart.row, chart.column, 0, 0)
        .setOption('title', chart.title)
        .setOption('width', chart.width)
        .setOption('height', chart.height)
        .build(),
    );
  }
  return { sheet, created: true };
}

function writeToday(
  input: HistoryInput,
  state: HistoryState,
  day: { offset: number; todayStartMs: number; newDay: boolean; linesChanged: boolean },
): void {
  const { spreadsheet, model, calls, nowMs, settings } = input;
  // Most refreshes only rewrite the table: straight to its range, without finding the tab first.
  const routine = !day.newDay && !day.linesChanged && state.today !== undefined;
  let table = routine ? tabRange(spreadsheet, TODAY_SHEET, TODAY_TOP, HOURS, TODAY_HEADERS.length) : null;
  let tab: { sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } | null = null;
  if (!table) {
    tab = ensureToday(spreadsheet);
    table = tab.sheet.getRange(TODAY_TOP, 1, HOURS, TODAY_HEADERS.length);
  }
  const created = tab?.created ?? false;
  // A Today tab deleted by mistake comes back with the day's figures so far.
  const kept = day.newDay ? null : (state.today ?? (created ? null : readBuckets(table.getValues())));
  const buckets = kept ?? emptyDay();
  addSnapshot(buckets, hourOf(nowMs, day.offset), model);
  const sinceSec = Math.max(state.lastMs ?? 0, day.todayStartMs) / 1000;
  addCallEvents(buckets, calls, sinceSec, nowMs / 1000, settings.slaSec, (sec) =>
    sec * 1000 < day.todayStartMs ? null : hourOf(sec * 1000, day.offset),
  );
  table.setValues(todayRows(buckets, settings.slaSec > 0));
  state.today = buckets;
  if (!tab) return;
  if (day.newDay || created) {
    tab.sheet
      .getRange(1, 1)
      .setValues([[todayTitle(Utilities.formatDate(new Date(nowMs), input.timeZone, 'EEE d MMM yyyy'))]]);
  }
  if (day.linesChanged || created) writeTodayLines(tab.sheet, state.lineIds, model);
}

/**
 * Rows of a tab from the first column, through the spreadsheet: one call where finding the tab first
 * takes two (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)).
 * Null when the tab is gone.
 */
function tabRange(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  row: number,
  rows: number,
  columns: number,
): GoogleAppsScript.Spreadsheet.Range | null {
  const cells = `${a1(row - 1, 0)}:${a1(row + rows - 2, columns - 1)}`;
  try {
    return spreadsheet.getRange(`'${tab.replace(/'/g, "''")}'!${cells}`);
  } catch {
    return null;
  }
}

/** Per line: its name (plain text) and a SPARKLINE over its History column, addressed by column letter only. */
function writeTodayLines(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  lineIds: readonly number[],
  model: BoardModel,
): void {
  const names = new Map(model.lines.map((line) => [line.lineId, line.name]));
  const header = sheet.getRange(TODAY_TOP - 1, TODAY_LINES.column, 1, 2);
  header.setValues([[...TODAY_LINES.headers]]);
  header.setFontWeight('bold');
  if (lineIds.length === 0) return;
  const nameRange = sheet.getRange(TODAY_TOP, TODAY_LINES.column, lineIds.length, 1);
  nameRange.setNumberFormat(TEXT);
  nameRange.setValues(lineIds.map((id) => [names.get(id) ?? `Line #${id}`]));
  // Our own formulas, entered like typed input (setValues) in a column left in automatic format.
  sheet
    .getRange(TODAY_TOP, TODAY_LINES.column + 1, lineIds.length, 1)
    .setValues(lineIds.map((_, index) => [todayLineFormula(HISTORY_SHEET, index)]));
}

/** The finished day starting at `startMs`, from Aircall's own list of that day's calls. */
/**
 * Rolls the finished day starting at `startMs` up from Aircall's own list of its calls, one part of
 * the day per refresh so no refresh spends more than about 20 pages of requests on it. Returns true
 * once the Daily rows are written.
 */
function rollUpDay(input: HistoryInput, startMs: number): boolean {
  const { spreadsheet, model, client, settings, timeZone } = input;
  const properties = documentProperties();
  const saved = readFromProperties<DailyRollUp>(properties.getProperties(), DAILY_PROGRESS_KEY);
  let rollUp: DailyRollUp;
  if (saved && saved.progress.day.startMs === startMs) rollUp = saved;
  else {
    const nextDayMs = startMs + 36 * 3_600_000;
    const day = {
      startMs,
      endMs: dayStartMs(nextDayMs, offsetAt(nextDayMs, timeZone)),
      offsetMinutes: offsetAt(startMs + 12 * 3_600_000, timeZone),
      slaSec: settings.slaSec,
    };
    rollUp = { progress: startDaily(day), heat: emptyDayHeat(), partMs: DAILY_PART.firstMs };
  }
  const { progress } = rollUp;
  const fromMs = progress.countedUntilMs;
  const untilMs = Math.min(fromMs + rollUp.partMs, progress.day.endMs);
  // Listed up to and including `until`'s second (whether Aircall's bounds include it is undocumented);
  // counting keeps only the calls that started within [from, until).
  const listed = client.listCalls({ from: Math.floor(fromMs / 1000), to: Math.ceil(untilMs / 1000) });
  const calls = listed.filter((call) => call.started_at * 1000 >= fromMs && call.started_at * 1000 < untilMs);
  addCallsToDaily(progress, calls, untilMs);
  addDayHeat(rollUp.heat, dayHeat(calls, progress.day.startMs, progress.day.endMs));
  const scaled = calls.length > 0 ? (rollUp.partMs * DAILY_PART.calls) / calls.length : DAILY_PART.maxMs;
  rollUp.partMs = Math.round(Math.min(DAILY_PART.maxMs, Math.max(DAILY_PART.minMs, scaled)));
  if (!isDayCounted(progress)) {
    writeToProperties(properties, DAILY_PROGRESS_KEY, rollUp);
    return false;
  }
  const lines = model.lines.map((line) => ({ lineId: line.lineId, name: line.name }));
  const rows = finishDaily(progress, lines).map((line) => dailyRow(new Date(startMs), line));
  writeDaily(spreadsheet, rows, input.nowMs);
  writeHeatMap(spreadsheet, rollUp.heat, startMs, progress.day.offsetMinutes, timeZone);
  removeFromProperties(properties, [DAILY_PROGRESS_KEY]);
  return true;
}

function ensureDaily(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(DAILY_SHEET);
  if (existing) return existing;
  const sheet = insertSheetInBackground(spreadsheet, DAILY_SHEET);
  const header = sheet.getRange(1, 1, 1, DAILY_HEADERS.length);
  header.setValues([[...DAILY_HEADERS]]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

function writeDaily(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: (Date | string | number)[][],
  nowMs: number,
): void {
  const sheet = ensureDaily(spreadsheet);
  if (rows.length === 0) return;
  let lastRow = Math.max(1, sheet.getLastRow());
  const cutoffMs = retentionCutoffMs(nowMs, DAILY_RETENTION_DAYS);
  if (lastRow > 1) {
    const dates = sheet
      .getRange(2, 1, lastRow - 1, 1)
      .getValues()
      .map(([date]) => (date instanceof Date ? date.getTime() : Number(date)));
    const expired = expiredRowCount(dates, cutoffMs);
    if (expired > 0) {
      sheet.deleteRows(2, expired);
      lastRow -= expired;
    }
  }
  const maxRows = sheet.getMaxRows();
  if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
  const range = sheet.getRange(lastRow + 1, 1, rows.length, DAILY_HEADERS.length);
  // The line name (column B) is Aircall's text: plain text, never a formula.
  range.setNumberFormats(rows.map(() => [...DAILY_FORMATS]));
  range.setValues(rows);
}

function writeHeatMap(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  day: DayHeat,
  startMs: number,
  offset: number,
  timeZone: string,
): void {
  const properties = documentProperties();
  let heat: HeatMap;
  try {
    heat =
      JSON.parse(properties.getProperty(HEAT_MAP_KEY) ?? 'null') ??
      newHeatMap(Utilities.formatDate(new Date(startMs), timeZone, 'yyyy-MM-dd'));
  } catch {
    heat = newHeatMap(Utilities.formatDate(new Date(startMs), timeZone, 'yyyy-MM-dd'));
  }
  addDayToHeatMap(heat, startMs, offset, day);
  properties.setProperty(HEAT_MAP_KEY, JSON.stringify(heat));
  const sheet = spreadsheet.getSheetByName(HEAT_MAP_SHEET) ?? insertSheetInBackground(spreadsheet, HEAT_MAP_SHEET);
  const grid = heatMapRows(heat);
  const range = sheet.getRange(1, 1, grid.values.length, grid.values[0].length);
  range.setValues(grid.values);
  range.setBackgrounds(grid.backgrounds);
}
