/** One tab's grid: sparse cells, merges, dimensions and view settings. */
import type { GridRect } from './a1.js';
import { type Cell, hasContent, isFormatted, newCell } from './cell.js';

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  maxRows = 1000;
  maxColumns = 26;
  hiddenGridlines = false;
  tabColor: string | null = null;
  /** rows[r-1][c-1]; sparse. */
  rows: (Cell | undefined)[][] = [];
  merges: GridRect[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** The A1 ranges last selected on this tab; the last one is the active range. */
  selection: string[] = ['A1'];

  constructor(
    public name: string,
    readonly id: number,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    const cells = this.rows[row - 1] ?? [];
    this.rows[row - 1] = cells;
    cells[column - 1] ??= newCell();
    return cells[column - 1]!;
  }

  /** Last row/column holding a value or formula (0 when empty), as getLastRow() reports it. */
  lastRow(used: (cell: Cell | undefined) => boolean = hasContent): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some(used)) return r;
    return 0;
  }

  lastColumn(used: (cell: Cell | undefined) => boolean = hasContent): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (used(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Extent of content, formatting or notes, for snapshots. */
  usedExtent(): { rows: number; columns: number } {
    const used = (cell: Cell | undefined) => !!cell && (hasContent(cell) || cell.note !== '' || isFormatted(cell));
    return { rows: this.lastRow(used), columns: this.lastColumn(used) };
  }

  /** The merge containing the cell, if any. */
  mergeAt(row: number, column: number): GridRect | undefined {
    return this.merges.find(
      (m) => row >= m.row && row < m.row + m.numRows && column >= m.column && column < m.column + m.numColumns,
    );
  }

  /** True for a cell hidden under a merge (every merged cell but the top-left one). */
  isCovered(row: number, column: number): boolean {
    const merge = this.mergeAt(row, column);
    return !!merge && (merge.row !== row || merge.column !== column);
  }

  insertRows(beforeRow: number, count: number): void {
    this.rows.splice(beforeRow - 1, 0, ...new Array<Cell[]>(count));
    this.maxRows += count;
    this.merges = this.merges.map((m) => shiftSpan(m, 'row', 'numRows', beforeRow, count));
    this.rowHeights = shiftKeys(this.rowHeights, beforeRow, count);
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    this.merges = this.merges.flatMap((m) => shrinkSpan(m, 'row', 'numRows', row, count));
    this.rowHeights = shiftKeys(this.rowHeights, row + count, -count);
  }

  insertColumns(beforeColumn: number, count: number): void {
    for (const cells of this.rows) cells?.splice(beforeColumn - 1, 0, ...new Array<Cell>(count));
    this.maxColumns += count;
    this.merges = this.merges.map((m) => shiftSpan(m, 'column', 'numColumns', beforeColumn, count));
    this.columnWidths = shiftKeys(this.columnWidths, beforeColumn, count);
  }

  deleteColumns(column: number, count: number): void {
    for (const cells of this.rows) cells?.splice(column - 1, count);
    this.maxColumns -= count;
    this.merges = this.merges.flatMap((m) => shrinkSpan(m, 'column', 'numColumns', column, count));
    this.columnWidths = shiftKeys(this.columnWidths, column + count, -count);
  }
}

type Start = 'row' | 'column';
type Size = 'numRows' | 'numColumns';

/** Inserting before a merge moves it; inserting inside it widens it. */
function shiftSpan(m: GridRect, start: Start, size: Size, at: number, count: number): GridRect {
  if (at <= m[start]) return { ...m, [start]: m[start] + count };
  if (at < m[start] + m[size]) return { ...m, [size]: m[size] + count };
  return m;
}

/** Deleting lines drops them from a merge; a merge reduced to one cell disappears. */
function shrinkSpan(m: GridRect, start: Start, size: Size, at: number, count: number): GridRect[] {
  const end = m[start] + m[size];
  const removed = Math.max(0, Math.min(end, at + count) - Math.max(m[start], at));
  const newStart = m[start] >= at + count ? m[start] - count : Math.min(m[start], at);
  const next = { ...m, [start]: newStart, [size]: m[size] - removed };
  return next.numRows * next.numColumns > 1 && next[size] > 0 ? [next] : [];
}

function shiftKeys(map: Map<number, number>, from: number, delta: number): Map<number, number> {
  const next = new Map<number, number>();
  for (const [k, v] of map) {
    if (k < from) {
      if (delta > 0 || k < from + delta) next.set(k, v);
    } else next.set(k + delta, v);
  }
  return next;
}
