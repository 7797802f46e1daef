/**
 * Writes a board into its tab, paying per cell only for what changed since the last refresh.
 *
 * The writer trusts the sheet, not a remembered state: each run reads the board's values back.
 * Values that are not those last written (a cell typed over, rows or columns inserted inside the
 * board, cells merged), a tab that no longer holds the board (rows or columns deleted: the board's
 * range falls outside it), a board whose structure changed, an unknown previous state (cache
 * evicted) or a muted stale board get a full write: the tab is cut or grown to the board, merges
 * are broken, every attribute is written. Otherwise only what changed since the last write (per-row
 * hashes of each attribute) is written, one call per attribute, over the rows from the top to its
 * last change, and only the outlines that changed are redrawn (border-groups.ts planOutlines).
 * Attributes that never change between refreshes (number format, font sizes, alignment, wrap,
 * card borders, column widths, frozen rows) are written only in a full write, every
 * FULL_WRITE_EVERY refreshes at least: it also cuts rows or columns added past the board's edges,
 * which change nothing the board shows (reading the tab's size would cost two calls each refresh).
 *
 * Half-written boards are never presented as fresh: the refresh cell says "Updating…" first, and
 * the values — which carry the new "Last refresh" text — are written last. Menu actions also check
 * each agent cell's name against its note (notes.ts agentInCell).
 */

import { planOutlines } from '../sheet/border-groups';
import { MATRIX_NAMES, type MatrixName } from '../sheet/grid';
import { type BoardGrid, REFRESH_CELL } from '../sheet/layout';
import { HEADER_STYLE, MUTED_BACKGROUND, MUTED_FONT, STALE_STYLE } from '../sheet/styles';
import { CACHE_MAX_TTL_SEC, documentCache, readCached, removeCached, writeCached } from './chunked-store';

export const BOARD_SHEET = 'Activity Tracker';
const WHITE = '#ffffff';
/** Format edits (a recoloured cell) are not read back: a full write every so often heals them too. */
const FULL_WRITE_EVERY = 30;
export const UPDATING_TEXT = 'Updating the board…';
const CELLS_WORTH_A_CALL = 350;

/** What the last write left in the tab, kept in the document cache per board tab. */
export interface WrittenBoard {
  structure: string;
  rows: number;
  columns: number;
  /** Per attribute, one hash per row, as last written. */
  hashes: Partial<Record<MatrixName, string[]>>;
  borders: { color: string; a1s: string[] }[];
  /** Refreshes since the last full write. */
  partialWrites: number;
  /** Greyed out by a stale refresh: the next write is a full one. */
  muted: boolean;
}

/** How a write went, for the benchmark and tests. */
export interface WriteReport {
  full: boolean;
  /** Rows rewritten per attribute. */
  rowsWritten: Partial<Record<MatrixName, number>>;
}

/** The cached name of what was last written to a board tab (readCached/prefetchCached). */
export const writtenName = (sheetName: string) => `board-written:${sheetName}`;

export function loadWritten(sheetName: string): WrittenBoard | null {
  return readCached<WrittenBoard>(documentCache(), writtenName(sheetName));
}

/** The next refresh of this tab writes it in full. */
export function forgetWritten(sheetName: string): void {
  removeCached(documentCache(), [writtenName(sheetName)]);
}

function saveWritten(sheetName: string, written: WrittenBoard): void {
  writeCached(documentCache(), writtenName(sheetName), written, CACHE_MAX_TTL_SEC);
}

/** FNV-1a, 32 bits: enough to tell one row of cells from the next refresh's. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

const rowHashes = (matrix: readonly (readonly string[])[]) => matrix.map((row) => hash(row.join('\u0001')));

function structureOf(grid: BoardGrid): string {
  return hash(
    JSON.stringify([grid.rows, grid.columns, grid.rowFontSizes, grid.clippedRows, grid.columnWidths, grid.frozenRows]),
  );
}

/** The first and last rows (0-based) where two lists differ, or null. */
function changedBand(before: readonly string[] | undefined, after: readonly string[]): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let r = 0; r < after.length; r++) {
    if (before?.[r] !== after[r]) {
      if (first < 0) first = r;
      last = r;
    }
  }
  return first < 0 ? null : [first, last];
}

/** Cuts or grows the tab to exactly the board, so rows or columns a user inserted or deleted are healed. */
function fitTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  size: { maxRows: number; maxColumns: number },
  grid: BoardGrid,
) {
  if (size.maxRows > grid.rows) sheet.deleteRows(grid.rows + 1, size.maxRows - grid.rows);
  else if (size.maxRows < grid.rows) sheet.insertRowsAfter(size.maxRows, grid.rows - size.maxRows);
  if (size.maxColumns > grid.columns) sheet.deleteColumns(grid.columns + 1, size.maxColumns - grid.columns);
  else if (size.maxColumns < grid.columns) sheet.insertColumnsAfter(size.maxColumns, grid.columns - size.maxColumns);
}

function writeAttribute(range: GoogleAppsScript.Spreadsheet.Range, name: MatrixName, matrix: unknown[][]): void {
  switch (name) {
    case 'values':
      range.setValues(matrix);
      break;
    case 'backgrounds':
      range.setBackgrounds(matrix as string[][]);
      break;
    case 'fontColors':
      range.setFontColors(matrix as string[][]);
      break;
    case 'fontWeights':
      range.setFontWeights(matrix as ('bold' | 'normal')[][]);
      break;
    case 'notes':
      range.setNotes(matrix as string[][]);
      break;
  }
}

/** Values last: they carry the fresh "Last refresh" text, so the header turns fresh only once all else is written. */
const WRITE_ORDER: readonly MatrixName[] = ['notes', 'backgrounds', 'fontColors', 'fontWeights', 'values'];

function fullWrite(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: BoardGrid,
  size: { maxRows: number; maxColumns: number },
) {
  fitTab(sheet, size, grid);
  const range = sheet.getRange(1, 1, grid.rows, grid.columns);
  range.breakApart();
  // Plain-text format BEFORE the values: "=…", "+33 6…" and "00123" stay exactly as given.
  range.setNumberFormat('@');
  range.setFontSizes(grid.rowFontSizes.map((size) => Array<number>(grid.columns).fill(size)));
  range.setFontStyle('normal');
  range.setWrap(true);
  const [firstClipped, endClipped] = grid.clippedRows;
  if (endClipped > firstClipped) {
    sheet.getRange(firstClipped + 1, 1, endClipped - firstClipped, grid.columns).setWrap(false);
  }
  range.setVerticalAlignment('middle');
  range.setHorizontalAlignment('center');
  // Thin white borders give every cell the card look and wipe any highlight left behind.
  range.setBorder(true, true, true, true, true, true, WHITE, SpreadsheetApp.BorderStyle.SOLID);
  sheet.setColumnWidths(1, grid.columns, grid.columnWidths[0]);
  sheet.setFrozenRows(grid.frozenRows);
  for (const name of WRITE_ORDER) writeAttribute(range, name, grid[name]);
}

/** The outlines last drawn turned into the board's, with as few calls as the change allows. */
function redrawOutlines(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  board: GoogleAppsScript.Spreadsheet.Range,
  before: WrittenBoard['borders'],
  after: BoardGrid['borderGroups'],
): void {
  const plan = planOutlines(before, after);
  const { SOLID } = SpreadsheetApp.BorderStyle;
  if (plan.wipe) board.setBorder(true, true, true, true, true, true, WHITE, SOLID);
  if (plan.clear.length > 0) sheet.getRangeList(plan.clear).setBorder(true, true, true, true, null, null, WHITE, SOLID);
  drawHighlights(sheet, plan.draw);
}

function drawHighlights(sheet: GoogleAppsScript.Spreadsheet.Sheet, groups: BoardGrid['borderGroups']): void {
  for (const group of groups) {
    if (group.a1s.length === 0) continue;
    sheet
      .getRangeList(group.a1s)
      .setBorder(true, true, true, true, null, null, group.color, SpreadsheetApp.BorderStyle.SOLID_THICK);
  }
}

export function writeBoard(sheet: GoogleAppsScript.Spreadsheet.Sheet, sheetName: string, grid: BoardGrid): WriteReport {
  const previous = loadWritten(sheetName);
  const structure = structureOf(grid);
  const hashes: WrittenBoard['hashes'] = {};
  for (const name of MATRIX_NAMES) hashes[name] = rowHashes(grid[name]);
  let full =
    !previous || previous.muted || previous.structure !== structure || previous.partialWrites + 1 >= FULL_WRITE_EVERY;
  let range: GoogleAppsScript.Spreadsheet.Range | null = null;
  if (!full) {
    // Someone edited the board since the last write: rewrite it all rather than guess what else moved.
    try {
      range = sheet.getRange(1, 1, grid.rows, grid.columns);
      const shown = rowHashes(range.getValues().map((row) => row.map(String)));
      full = changedBand(previous?.hashes.values, shown) !== null;
    } catch {
      full = true; // rows or columns deleted: the board's range no longer fits in the tab
    }
  }

  const report: WriteReport = { full, rowsWritten: {} };
  // Until the values (with the fresh "Last refresh") land, the header says the board is being written.
  sheet.getRange(REFRESH_CELL.row, REFRESH_CELL.column).setValue(UPDATING_TEXT);
  if (full || !range || !previous) {
    fullWrite(sheet, grid, { maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() });
    drawHighlights(sheet, grid.borderGroups);
    for (const name of MATRIX_NAMES) report.rowsWritten[name] = grid.rows;
  } else {
    const bands = new Map<MatrixName, [number, number]>();
    for (const name of MATRIX_NAMES) {
      const band = changedBand(previous.hashes[name], hashes[name]!);
      if (band) bands.set(name, band);
    }
    // The refresh cell now says "Updating…": the values always go. Each changed attribute is written
    // from the top row to the last row any of them changed — through the range already at hand unless
    // a shorter one saves more cells than a call costs (about 50 ms, some 350 cells at the platform's
    // per-cell price).
    const last = Math.max(0, ...[...bands.values()].map(([, end]) => end));
    const short = (grid.rows - 1 - last) * grid.columns > CELLS_WORTH_A_CALL;
    const rows = short ? last + 1 : grid.rows;
    const target = short ? sheet.getRange(1, 1, rows, grid.columns) : range;
    for (const name of WRITE_ORDER) {
      if (name !== 'values' && !bands.has(name)) continue;
      // Outlines before the values, so the fresh "Last refresh" text comes with every outline right.
      if (name === 'values') redrawOutlines(sheet, range, previous.borders, grid.borderGroups);
      writeAttribute(target, name, grid[name].slice(0, rows));
      report.rowsWritten[name] = rows;
    }
  }
  saveWritten(sheetName, {
    structure,
    rows: grid.rows,
    columns: grid.columns,
    hashes,
    borders: grid.borderGroups,
    partialWrites: report.full || !previous ? 0 : previous.partialWrites + 1,
    muted: false,
  });
  return report;
}

/** The banner of a board whose refresh failed: when its content dates from, how old it is, and why. */
export function staleBanner(sinceText: string | null, ageText: string | null, reason: string): string {
  if (!sinceText) return `Not refreshed yet — ${reason}`;
  return `Stale since ${sinceText}${ageText ? ` (${ageText} old)` : ''} — ${reason}`;
}

/**
 * On a failed refresh the board keeps its last good content under a banner across row 1. Once
 * the content is older than two refresh periods (`mute`), every colour fades to grey so nobody
 * acts on old alarms; the next successful refresh rewrites the whole board.
 */
export function writeStaleBoard(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  sheetName: string,
  title: string,
  banner: string,
  mute: boolean,
): void {
  const written = loadWritten(sheetName);
  const columns = written ? Math.min(written.columns, sheet.getMaxColumns()) : 2;
  if (mute && written && !written.muted) {
    // The tab may have been cut since: grey out what is left of the board.
    const rows = Math.min(written.rows, sheet.getMaxRows());
    const board = sheet.getRange(1, 1, rows, Math.min(written.columns, sheet.getMaxColumns()));
    board.setBackground(MUTED_BACKGROUND);
    board.setFontColor(MUTED_FONT);
    board.setBorder(true, true, true, true, true, true, WHITE, SpreadsheetApp.BorderStyle.SOLID);
    saveWritten(sheetName, { ...written, muted: true });
  }
  const row = sheet.getRange(REFRESH_CELL.row, 1, 1, columns);
  row.setNumberFormat('@');
  const values = Array<string>(columns).fill('');
  values[0] = title;
  values[REFRESH_CELL.column - 1] = banner;
  row.setValues([values]);
  row.setBackgrounds([values.map((_, c) => (c === 0 ? HEADER_STYLE.background : STALE_STYLE.background))]);
  row.setFontColors([values.map(() => STALE_STYLE.fontColor)]);
  row.setFontWeights([values.map(() => 'bold')]);
}
