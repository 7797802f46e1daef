/**
 * One tab drawn as Google Sheets draws it: column letters and row numbers, column widths, row
 * heights, merges, colors, fonts, alignment, wrapping, borders, notes, frozen rows and columns.
 */
import type { BorderEdge, CellBorders } from '../../runtime/spreadsheet/index.js';
import type { SheetView } from '../state.js';
import { columnLetters, contains, parseRect, type Rect } from './a1.js';
import { el } from './dom.js';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;
const ROW_HEADER_WIDTH = 46;

const BORDER_CSS: Record<string, string> = {
  SOLID: '1px solid',
  SOLID_MEDIUM: '2px solid',
  SOLID_THICK: '3px solid',
  DOTTED: '1px dotted',
  DASHED: '1px dashed',
  DOUBLE: '3px double',
};
const edgeCss = (edge: BorderEdge) => `${BORDER_CSS[edge.style] ?? '1px solid'} ${edge.color}`;

/** 'general' aligns like Sheets: numbers right, booleans centred, text left. */
function textAlign(alignment: string, value: unknown): string {
  const a = alignment.toLowerCase().replace(/^general-/, '');
  if (a === 'left' || a === 'center' || a === 'right') return a;
  if (typeof value === 'number') return 'right';
  return typeof value === 'boolean' ? 'center' : 'left';
}

const verticalAlign = (alignment: string) => {
  const a = alignment.toLowerCase();
  return a === 'top' || a === 'middle' ? a : 'bottom';
};

function mergesByStart(view: SheetView): { starts: Map<string, Rect>; covered: Set<string> } {
  const starts = new Map<string, Rect>();
  const covered = new Set<string>();
  for (const rect of view.merges.map(parseRect)) {
    starts.set(`${rect.row},${rect.column}`, rect);
    for (let r = rect.row; r < rect.row + rect.numRows; r++)
      for (let c = rect.column; c < rect.column + rect.numColumns; c++)
        if (r !== rect.row || c !== rect.column) covered.add(`${r},${c}`);
  }
  return { starts, covered };
}

/** Sheets draws an edge once; here each cell draws its bottom and right, and the first row and column their top and left. */
function applyBorders(td: HTMLElement, view: SheetView, rect: Rect): void {
  const at = (r: number, c: number): CellBorders | null => view.borders[r - 1]?.[c - 1] ?? null;
  const lastRow = rect.row + rect.numRows - 1;
  const lastColumn = rect.column + rect.numColumns - 1;
  const bottom = at(lastRow, rect.column)?.bottom;
  const right = at(rect.row, lastColumn)?.right;
  const top = rect.row === 1 ? at(1, rect.column)?.top : null;
  const left = rect.column === 1 ? at(rect.row, 1)?.left : null;
  if (bottom) td.style.borderBottom = edgeCss(bottom);
  if (right) td.style.borderRight = edgeCss(right);
  if (top) td.style.borderTop = edgeCss(top);
  if (left) td.style.borderLeft = edgeCss(left);
}

function cellElement(view: SheetView, rect: Rect): HTMLTableCellElement {
  const r = rect.row - 1;
  const c = rect.column - 1;
  const td = el('td', 'cell');
  td.dataset.row = String(rect.row);
  td.dataset.column = String(rect.column);
  td.dataset.a1 = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows > 1) td.rowSpan = rect.numRows;
  if (rect.numColumns > 1) td.colSpan = rect.numColumns;
  const text = view.displayValues[r]?.[c];
  if (text === undefined) return td; // the empty margin below and right of the used area
  td.textContent = text;
  const style = td.style;
  style.background = view.backgrounds[r][c];
  style.color = view.fontColors[r][c];
  style.fontWeight = view.fontWeights[r][c];
  style.fontStyle = view.fontStyles[r][c];
  style.fontSize = `${view.fontSizes[r][c]}pt`;
  style.textAlign = textAlign(view.horizontalAlignments[r][c], view.values[r][c]);
  style.verticalAlign = verticalAlign(view.verticalAlignments[r][c]);
  if (view.wraps[r][c]) td.classList.add('wrap');
  const note = view.notes[r][c];
  if (note) {
    td.classList.add('has-note');
    td.title = note;
  }
  applyBorders(td, view, rect);
  return td;
}

export function renderGrid(view: SheetView): HTMLTableElement {
  const table = el('table', view.hiddenGridlines ? 'grid no-gridlines' : 'grid');
  const colgroup = el('colgroup');
  const widths = [ROW_HEADER_WIDTH];
  for (let c = 1; c <= view.columns; c++) widths.push(view.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH);
  for (const width of widths) {
    const col = el('col');
    col.style.width = `${width}px`;
    colgroup.append(col);
  }
  table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;

  const headRow = el('tr');
  headRow.append(el('th', 'corner'));
  for (let c = 1; c <= view.columns; c++) headRow.append(el('th', 'column-header', columnLetters(c)));
  const thead = el('thead');
  thead.append(headRow);

  const { starts, covered } = mergesByStart(view);
  const tbody = el('tbody');
  for (let r = 1; r <= view.rows; r++) {
    const tr = el('tr');
    tr.style.height = `${view.rowHeights[r] ?? DEFAULT_ROW_HEIGHT}px`;
    tr.append(el('th', 'row-header', String(r)));
    for (let c = 1; c <= view.columns; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const rect = starts.get(`${r},${c}`) ?? { row: r, column: c, numRows: 1, numColumns: 1 };
      tr.append(cellElement(view, rect));
    }
    tbody.append(tr);
  }
  table.append(colgroup, thead, tbody);
  return table;
}

/** Frozen rows and columns stay put while the grid scrolls; call once the table is in the page. */
export function freezePanes(table: HTMLTableElement, view: SheetView): void {
  for (const td of Array.from(table.querySelectorAll<HTMLTableCellElement>('td.cell'))) {
    const row = Number(td.dataset.row);
    const column = Number(td.dataset.column);
    const frozenRow = row <= view.frozenRows;
    const frozenColumn = column <= view.frozenColumns;
    if (frozenRow) td.style.top = `${(td.parentElement as HTMLTableRowElement).offsetTop}px`;
    if (frozenColumn) td.style.left = `${td.offsetLeft}px`;
    td.classList.toggle('frozen', frozenRow || frozenColumn);
    td.classList.toggle('frozen-both', frozenRow && frozenColumn);
    if (row + td.rowSpan - 1 === view.frozenRows) td.classList.add('freeze-bottom');
    if (column + td.colSpan - 1 === view.frozenColumns) td.classList.add('freeze-right');
  }
  for (const th of Array.from(table.querySelectorAll<HTMLTableCellElement>('th.row-header'))) {
    const row = Number(th.textContent);
    if (row <= view.frozenRows) {
      th.classList.add('frozen-header');
      th.style.top = `${(th.parentElement as HTMLTableRowElement).offsetTop}px`;
    }
  }
}

/** Marks the selected cells; the active cell is the first cell of the last range. */
export function showSelection(table: HTMLTableElement, selection: Rect[]): void {
  const active = selection.at(-1);
  for (const td of Array.from(table.querySelectorAll<HTMLTableCellElement>('td.cell'))) {
    const row = Number(td.dataset.row);
    const column = Number(td.dataset.column);
    td.classList.toggle(
      'selected',
      selection.some((rect) => contains(rect, row, column)),
    );
    td.classList.toggle('active', !!active && active.row === row && active.column === column);
  }
}
