/** A1 notation <-> grid coordinates (1-based, inclusive). */
import { gasError, MESSAGES } from '../errors.js';

export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1", "A1:B2"; a single cell prints without ":" as Apps Script does. */
export function toA1(rect: GridRect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/** Splits "'My tab'!A1:B2" into its sheet name (if any) and the cell part. */
export function splitSheetPrefix(a1: string): { sheetName?: string; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { cells: a1 };
  let sheetName = a1.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, cells: a1.slice(bang + 1) };
}

const END = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses the cell part of an A1 notation against a sheet's size: whole columns ("A:B"),
 * whole rows ("2:3") and open ranges ("A2:C") extend to the grid's edge.
 * Anything unreadable is `Range not found` (unconfirmed, docs/apps-script-notes.md#ranges-limits-merges-and-rangelist).
 */
export function parseA1(cells: string, maxRows: number, maxColumns: number): GridRect {
  const parts = cells.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw gasError(MESSAGES.rangeNotFound);
  const ends = parts.map((p) => END.exec(p));
  if (ends.some((m) => !m || (!m[1] && !m[2]))) throw gasError(MESSAGES.rangeNotFound);
  const [a, b = a] = ends as RegExpExecArray[];
  // A lone "A" or "3" is not a range; "A:A" and "3:3" are.
  if (parts.length === 1 && (!a[1] || !a[2])) throw gasError(MESSAGES.rangeNotFound);
  if (!a[1] !== !b[1] && parts.length === 2 && !a[1]) throw gasError(MESSAGES.rangeNotFound);
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  if (r1 < 1 || r2 < 1) throw gasError(MESSAGES.rangeNotFound);
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
