/**
 * Writes the board into its tab with a constant number of Spreadsheet calls, whatever the number
 * of agents, teams and calls: one range over the whole board receives every matrix at once, and
 * each line color's highlight borders take one RangeList. Nothing is cleared first, so viewers
 * never see an empty board: the grid is padded to the previous extent instead.
 */
import type { BoardGrid } from '../sheet/layout';

export const BOARD_SHEET = 'Activity Tracker';
const EXTENT_KEY = 'board.extent';
const WHITE = '#ffffff';

export interface BoardExtent {
  rows: number;
  columns: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: number[];
}

export function loadExtent(): BoardExtent | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(EXTENT_KEY);
  try {
    return raw ? (JSON.parse(raw) as BoardExtent) : null;
  } catch {
    return null;
  }
}

function saveExtent(extent: BoardExtent): void {
  PropertiesService.getDocumentProperties().setProperty(EXTENT_KEY, JSON.stringify(extent));
}

export function forgetExtent(): void {
  PropertiesService.getDocumentProperties().deleteProperty(EXTENT_KEY);
}

/** Consecutive columns of equal width go in one setColumnWidths call. */
function applyColumnWidths(sheet: GoogleAppsScript.Spreadsheet.Sheet, widths: number[]): void {
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i === widths.length || widths[i] !== widths[start]) {
      sheet.setColumnWidths(start + 1, i - start, widths[start]);
      start = i;
    }
  }
}

function sameWidths(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Grows the tab when the board outgrows it (rare: only when agents, teams or the queue grow). */
function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, extent: BoardExtent, grid: BoardGrid): void {
  if (grid.rows > extent.maxRows) {
    sheet.insertRowsAfter(extent.maxRows, grid.rows - extent.maxRows);
    extent.maxRows = grid.rows;
  }
  if (grid.columns > extent.maxColumns) {
    sheet.insertColumnsAfter(extent.maxColumns, grid.columns - extent.maxColumns);
    extent.maxColumns = grid.columns;
  }
}

export function writeBoard(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: BoardGrid,
  previous: BoardExtent | null,
): void {
  const extent: BoardExtent = previous
    ? { ...previous }
    : { rows: 0, columns: 0, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns(), columnWidths: [] };
  ensureSize(sheet, extent, grid);

  const range = sheet.getRange(1, 1, grid.rows, grid.columns);
  // Plain-text format BEFORE the values: "=…", "+33 6…" and "00123" stay exactly as given.
  range.setNumberFormat('@');
  range.setValues(grid.values);
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  range.setFontWeights(grid.fontWeights);
  range.setFontStyles(grid.fontStyles);
  range.setNotes(grid.notes);
  // Thin white borders give every cell the card look and wipe last refresh's highlights.
  range.setBorder(true, true, true, true, true, true, WHITE, SpreadsheetApp.BorderStyle.SOLID);
  for (const group of grid.borderGroups) {
    if (group.a1s.length === 0) continue;
    sheet
      .getRangeList(group.a1s)
      .setBorder(true, true, true, true, null, null, group.color, SpreadsheetApp.BorderStyle.SOLID_THICK);
  }
  if (!sameWidths(extent.columnWidths, grid.columnWidths)) {
    applyColumnWidths(sheet, grid.columnWidths);
    extent.columnWidths = grid.columnWidths;
  }
  if (extent.rows !== grid.rows || extent.columns !== grid.columns || !previous) {
    saveExtent({ ...extent, rows: grid.rows, columns: grid.columns });
  }
}

/** On a failed refresh only the header changes: the board keeps its last good content. */
export function writeStaleHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet, text: string): void {
  const cell = sheet.getRange(1, 2, 1, 1);
  cell.setNumberFormat('@');
  cell.setValues([[text]]);
  cell.setBackgrounds([['#ff7b7b']]);
  cell.setFontColors([[WHITE]]);
  cell.setFontWeights([['bold']]);
}
