/**
 * Setup Activity Tracker: creates the board tab and formats it for a wall screen. Running it again
 * is safe: it re-applies the formatting and keeps whatever the board shows.
 */
import { BOARD_SHEET, forgetWritten } from './board-sheet';
import { spreadsheetTimeZone } from './spreadsheet';

export const SWITCH_LOG_SHEET = 'Status Switch Log';
const SWITCH_LOG_HEADER = ['When', 'Switched by', 'Agent', 'Aircall user id', 'From', 'To'];

/**
 * Wall-screen look of the tab as a whole. The board's own formatting (size, fonts, alignment, column
 * widths, frozen rows) is applied by the board writer's full write, which forgetting what was last
 * written guarantees on the next refresh.
 */
function formatBoardSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.setHiddenGridlines(true);
  sheet.setTabColor('#0b5345');
  forgetWritten(sheet.getName());
  spreadsheetTimeZone(sheet.getParent());
}

/** The board tab, created and formatted when missing (a refresh before Setup still works). */
export function ensureBoardSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(BOARD_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(BOARD_SHEET, 0);
  formatBoardSheet(sheet);
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
  if (existing) formatBoardSheet(existing);
  const board = existing ?? ensureBoardSheet(spreadsheet);
  ensureSwitchLogSheet(spreadsheet);
  spreadsheet.setActiveSheet(board);
}
