/**
 * Setup Activity Tracker: creates the board tab and formats it for a wall screen. Running it again
 * is safe: it re-applies the formatting and keeps whatever the board shows.
 */
import { BOARD_SHEET, forgetExtent } from './board-sheet';

export const SWITCH_LOG_SHEET = 'Status Switch Log';
const SWITCH_LOG_HEADER = ['When', 'Switched by', 'Agent', 'Aircall user id', 'From', 'To'];

function formatBoardSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.setHiddenGridlines(true);
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.setWrap(true);
  all.setVerticalAlignment('middle');
  all.setHorizontalAlignment('center');
  sheet.setTabColor('#00b388');
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
  forgetExtent();
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
  const board = ensureBoardSheet(spreadsheet);
  formatBoardSheet(board);
  ensureSwitchLogSheet(spreadsheet);
  spreadsheet.setActiveSheet(board);
}
