/** A1 notation on the page: cells and rectangles, 1-based, written as the local runtime writes them. */
import { columnLetters, columnNumber, type GridRect, toA1 } from '../../runtime/spreadsheet/a1';

export type Rect = GridRect;
export { columnLetters, toA1 };

function parseCell(text: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/i.exec(text.trim());
  if (!match) throw new Error(`Not a cell: ${text}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

export function parseRect(a1: string): Rect {
  const [first, last = first] = a1.split(':').map(parseCell);
  return spanning(first, last);
}

export function spanning(a: { row: number; column: number }, b: { row: number; column: number }): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return { row, column, numRows: Math.abs(a.row - b.row) + 1, numColumns: Math.abs(a.column - b.column) + 1 };
}

export const contains = (rect: Rect, row: number, column: number) =>
  row >= rect.row && row < rect.row + rect.numRows && column >= rect.column && column < rect.column + rect.numColumns;
