/**
 * Writes the board into its tab with a constant number of Spreadsheet calls, whatever the number
 * of agents, teams and calls: one range over the whole board receives every matrix at once, and
 * each line color's highlight borders take one RangeList. Nothing is cleared first, so viewers
 * never see an empty board: the grid is padded to the previous extent instead.
 */
import { type BoardGrid, REFRESH_CELL, staleCell } from '../sheet/layout';

export const BOARD_SHEET = 'Activity Tracker';
const EXTENT_KEY = 'board.extent';
const WHITE = '#ffffff';

/** What the tab looks like now, remembered so a refresh need not ask the Spreadsheet service. */
export interface BoardExtent {
  /** The board last written. */
  rows: number;
  columns: number;
  /** The tab's size. */
  maxRows: number;
  maxColumns: number;
  /** Width of each column of the tab, as last set; null where unknown (e.g. inserted columns). */
  columnWidths: (number | null)[];
}

export function loadExtent(): BoardExtent | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(EXTENT_KEY);
  try {
    return raw ? (JSON.parse(raw) as BoardExtent) : null;
  } catch {
    return null;
  }
}

export function saveExtent(extent: BoardExtent): void {
  PropertiesService.getDocumentProperties().setProperty(EXTENT_KEY, JSON.stringify(extent));
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

const widthsApplied = (known: (number | null)[], wanted: number[]) => wanted.every((w, i) => known[i] === w);

/** Grows the tab when the board outgrows it (rare: only when agents, teams or the queue grow). */
function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, extent: BoardExtent, grid: BoardGrid): void {
  if (grid.rows > extent.maxRows) {
    sheet.insertRowsAfter(extent.maxRows, grid.rows - extent.maxRows);
    extent.maxRows = grid.rows;
  }
  if (grid.columns > extent.maxColumns) {
    sheet.insertColumnsAfter(extent.maxColumns, grid.columns - extent.maxColumns);
    extent.columnWidths = [...extent.columnWidths, ...Array<null>(grid.columns - extent.maxColumns).fill(null)];
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
  const before = JSON.stringify(extent);
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
  if (!widthsApplied(extent.columnWidths, grid.columnWidths)) {
    applyColumnWidths(sheet, grid.columnWidths);
    extent.columnWidths = [...grid.columnWidths, ...extent.columnWidths.slice(grid.columnWidths.length)];
  }
  const after = { ...extent, rows: grid.rows, columns: grid.columns };
  if (!previous || JSON.stringify(after) !== before) saveExtent(after);
}

/** On a failed refresh only the header changes: the board keeps its last good content. */
export function writeStaleHeader(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  sinceText: string | null,
  reason: string,
): void {
  const { value, style } = staleCell(sinceText, reason);
  const cell = sheet.getRange(REFRESH_CELL.row, REFRESH_CELL.column, 1, 1);
  cell.setNumberFormat('@');
  cell.setValues([[value]]);
  cell.setBackgrounds([[style.background]]);
  cell.setFontColors([[style.fontColor]]);
  cell.setFontWeights([[style.bold ? 'bold' : 'normal']]);
}
