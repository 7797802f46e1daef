/**
 * Setup Activity Tracker: creates the board tab and formats it for a wall screen. Running it again
 * is safe: it re-applies the formatting and keeps whatever the board shows.
 */
import { COLUMN_WIDTH, FROZEN_ROWS } from '../sheet/layout';
import { BOARD_SHEET, loadExtent, saveExtent } from './board-sheet';
import { spreadsheetTimeZone } from './spreadsheet';

export const SWITCH_LOG_SHEET = 'Status Switch Log';
const SWITCH_LOG_HEADER = ['When', 'Switched by', 'Agent', 'Aircall user id', 'From', 'To'];

/**
 * Wall-screen formatting for the whole tab. What a refresh would otherwise have to ask for or set
 * (the tab's size, column widths, the time zone) is remembered here, so a refresh stays within its
 * Spreadsheet call budget from the very first run.
 */
function formatBoardSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, { newTab }: { newTab: boolean }): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  sheet.setHiddenGridlines(true);
  sheet.setFrozenRows(FROZEN_ROWS);
  sheet.setColumnWidths(1, maxColumns, COLUMN_WIDTH);
  const all = sheet.getRange(1, 1, maxRows, maxColumns);
  all.setWrap(true);
  all.setVerticalAlignment('middle');
  all.setHorizontalAlignment('center');
  sheet.setTabColor('#00b388');
  const board = newTab ? null : loadExtent();
  saveExtent({
    rows: board?.rows ?? 0,
    columns: board?.columns ?? 0,
    maxRows,
    maxColumns,
    columnWidths: Array<number>(maxColumns).fill(COLUMN_WIDTH),
  });
  spreadsheetTimeZone(sheet.getParent());
}

/** The board tab, created and formatted when missing (a refresh before Setup still works). */
export function ensureBoardSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(BOARD_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(BOARD_SHEET, 0);
  formatBoardSheet(sheet, { newTab: true });
  sheet
    .getRange(1, 1, 1, 2)
    .setValues([['Aircall Activity Tracker', 'Open Activity Tracker › Configure, then Refresh.']]);
  return sheet;
}

export function ensureSwitchLogSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(SWITCH_LOG_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(SWITCH_LOG_SHEET);
  const header = sheet.getRange(1, 1, 1, SWITCH_LOG_HEADER.length);
  header.setValues([SWITCH_LOG_HEADER]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

export function setupActivityTracker(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const existing = spreadsheet.getSheetByName(BOARD_SHEET);
  // Running Setup again re-applies the formatting and keeps what the board shows.
  if (existing) formatBoardSheet(existing, { newTab: false });
  const board = existing ?? ensureBoardSheet(spreadsheet);
  ensureSwitchLogSheet(spreadsheet);
  spreadsheet.setActiveSheet(board);
}
