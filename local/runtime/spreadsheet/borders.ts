/**
 * Range.setBorder(top, left, bottom, right, vertical, horizontal[, color, style]):
 * true draws, false removes, null leaves unchanged; vertical/horizontal are the inner lines.
 */
import type { GridRect } from './a1.js';
import type { BorderEdge, Side } from './cell.js';
import { normaliseColor } from './colors.js';
import type { SheetModel } from './sheet-model.js';

export type BorderFlag = boolean | null;

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
const NEIGHBOUR: Record<Side, [number, number]> = { top: [-1, 0], bottom: [1, 0], left: [0, -1], right: [0, 1] };

/** One edge is stored once: drawing or removing it also clears the neighbour's copy. */
function setEdge(sheet: SheetModel, row: number, column: number, side: Side, edge: BorderEdge | null): void {
  const [dr, dc] = NEIGHBOUR[side];
  const neighbour = sheet.cell(row + dr, column + dc);
  if (neighbour) neighbour.borders[OPPOSITE[side]] = null;
  const cell = edge ? sheet.ensureCell(row, column) : sheet.cell(row, column);
  if (cell) cell.borders[side] = edge;
}

export function applyBorder(
  sheet: SheetModel,
  rect: GridRect,
  flags: {
    top: BorderFlag;
    left: BorderFlag;
    bottom: BorderFlag;
    right: BorderFlag;
    vertical: BorderFlag;
    horizontal: BorderFlag;
  },
  color?: string | null,
  style?: unknown,
): void {
  const edge: BorderEdge = {
    color: (color && normaliseColor(color)) || '#000000',
    style: style === null || style === undefined ? 'SOLID' : String(style),
  };
  const lastRow = rect.row + rect.numRows - 1;
  const lastColumn = rect.column + rect.numColumns - 1;
  const apply = (flag: BorderFlag, r: number, c: number, side: Side) => {
    if (flag !== null && flag !== undefined) setEdge(sheet, r, c, side, flag ? { ...edge } : null);
  };
  for (let r = rect.row; r <= lastRow; r++) {
    for (let c = rect.column; c <= lastColumn; c++) {
      apply(r === rect.row ? flags.top : flags.horizontal, r, c, 'top');
      apply(c === rect.column ? flags.left : flags.vertical, r, c, 'left');
      if (r === lastRow) apply(flags.bottom, r, c, 'bottom');
      if (c === lastColumn) apply(flags.right, r, c, 'right');
    }
  }
}
