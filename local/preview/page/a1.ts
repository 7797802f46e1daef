/** A1 notation on the page: cells and rectangles, 1-based. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function parseCell(text: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/i.exec(text.trim());
  if (!match) throw new Error(`Not a cell: ${text}`);
  const column = [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
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

export function toA1(rect: Rect): string {
  const first = `${columnLetter(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return first;
  return `${first}:${columnLetter(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

export const contains = (rect: Rect, row: number, column: number) =>
  row >= rect.row && row < rect.row + rect.numRows && column >= rect.column && column < rect.column + rect.numColumns;
