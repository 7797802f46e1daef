/** Merging and unmerging (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist): top-left value kept, partial overlaps refused. */
import { gasError, MESSAGES } from '../errors.js';
import type { GridRect } from './a1.js';
import { clearContent } from './cell.js';
import type { SheetModel } from './sheet-model.js';

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/** Removes the merges inside `area`; a merge sticking out of it is the partial-merge error. */
function releaseMerges(sheet: SheetModel, area: GridRect): void {
  const touched = sheet.merges.filter((m) => intersects(m, area));
  if (touched.some((m) => !contains(area, m))) throw gasError(MESSAGES.partialMerge);
  sheet.merges = sheet.merges.filter((m) => !touched.includes(m));
}

/** merge() is one piece; mergeAcross() one per row; mergeVertically() one per column. */
export function mergePieces(sheet: SheetModel, area: GridRect, pieces: GridRect[]): void {
  releaseMerges(sheet, area);
  for (const piece of pieces) {
    if (piece.numRows * piece.numColumns < 2) continue;
    sheet.merges.push(piece);
    for (let r = piece.row; r < piece.row + piece.numRows; r++) {
      for (let c = piece.column; c < piece.column + piece.numColumns; c++) {
        const cell = sheet.cell(r, c);
        if (cell && sheet.isCovered(r, c)) clearContent(cell);
      }
    }
  }
}

export function breakApart(sheet: SheetModel, area: GridRect): void {
  releaseMerges(sheet, area);
}

export function rowsOf(area: GridRect): GridRect[] {
  return Array.from({ length: area.numRows }, (_, i) => ({ ...area, row: area.row + i, numRows: 1 }));
}

export function columnsOf(area: GridRect): GridRect[] {
  return Array.from({ length: area.numColumns }, (_, i) => ({ ...area, column: area.column + i, numColumns: 1 }));
}
