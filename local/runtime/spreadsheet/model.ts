/** The document's state, shared by every execution, plus inspection for tests and previews. */
import { gasError, MESSAGES } from '../errors.js';
import { parseA1, splitSheetPrefix, toA1 } from './a1.js';
import { type CellBorders, DEFAULT_FORMAT } from './cell.js';
import { localeSymbols } from './locale.js';
import { SHEET_MESSAGES } from './messages.js';
import { AUTOMATIC_FORMAT } from './number-format.js';
import { SheetModel } from './sheet-model.js';
import { type DocumentSettings, readDisplay, readValue } from './values.js';

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  hiddenGridlines: boolean;
  tabColor: string | null;
  values: (string | number | boolean | null)[][];
  displayValues: string[][];
  formulas: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: string[][];
  fontStyles: string[][];
  fontSizes: number[][];
  horizontalAlignments: string[][];
  verticalAlignments: string[][];
  wraps: boolean[][];
  numberFormats: string[][];
  notes: string[][];
  borders: (CellBorders | null)[][];
  merges: string[];
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
}

const MAX_CELLS = 10_000_000;

export class SpreadsheetModel implements DocumentSettings {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[] = [];
  activeSheet: SheetModel;
  private nextSheetId = 0;

  constructor(opts: { name?: string; timeZone?: string; locale?: string } = {}) {
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.timeZone = opts.timeZone ?? 'Europe/Paris';
    this.locale = opts.locale ?? 'en_US';
    this.id = `local-${this.name.replace(/\W+/g, '-').toLowerCase()}`;
    this.activeSheet = this.insertSheet('Sheet1');
  }

  get symbols() {
    return localeSymbols(this.locale);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  totalCells(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  /** Every insertion (tab, rows, columns) goes through the 10,000,000-cell limit (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). */
  assertRoomFor(extraCells: number): void {
    if (this.totalCells() + extraCells > MAX_CELLS) throw gasError(MESSAGES.cellLimit);
  }

  insertSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(SHEET_MESSAGES.duplicateSheet(name));
    }
    const sheet = new SheetModel(name, this.nextSheetId === 0 ? 0 : 1_000_000 + this.nextSheetId * 7919);
    this.assertRoomFor(sheet.maxRows * sheet.maxColumns);
    this.nextSheetId++;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw gasError(SHEET_MESSAGES.removeAllSheets);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  private requireSheet(name: string): SheetModel {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}" (tabs: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  /** What a person's click does: select a tab and one or more ranges ("A1,C3:C5"). */
  setActive(sheetName: string, a1: string): void {
    const sheet = this.requireSheet(sheetName);
    const ranges = a1.split(',').map((part) => {
      const cells = splitSheetPrefix(part.trim()).cells;
      return toA1(parseA1(cells, sheet.maxRows, sheet.maxColumns));
    });
    sheet.selection = ranges;
    this.activeSheet = sheet;
  }

  snapshot(sheetName: string): SheetSnapshot {
    const sheet = this.requireSheet(sheetName);
    const { rows, columns } = sheet.usedExtent();
    const grid = <T>(read: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(r + 1, c + 1)));
    const format = <K extends keyof typeof DEFAULT_FORMAT>(key: K) =>
      grid((r, c) => sheet.cell(r, c)?.format[key] ?? DEFAULT_FORMAT[key]);
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      hiddenGridlines: sheet.hiddenGridlines,
      tabColor: sheet.tabColor,
      values: grid((r, c) => {
        const value = readValue(sheet.cell(r, c), this);
        return value instanceof Date ? value.toISOString() : value;
      }),
      displayValues: grid((r, c) => readDisplay(sheet.cell(r, c), this)),
      formulas: grid((r, c) => sheet.cell(r, c)?.formula ?? ''),
      backgrounds: format('background'),
      fontColors: format('fontColor'),
      fontWeights: format('fontWeight'),
      fontStyles: format('fontStyle'),
      fontSizes: format('fontSize'),
      horizontalAlignments: format('horizontalAlignment'),
      verticalAlignments: format('verticalAlignment'),
      wraps: grid((r, c) => sheet.cell(r, c)?.format.wrapStrategy === 'WRAP'),
      numberFormats: grid((r, c) => sheet.cell(r, c)?.format.numberFormat || AUTOMATIC_FORMAT),
      notes: grid((r, c) => sheet.cell(r, c)?.note ?? ''),
      borders: grid((r, c) => effectiveBorders(sheet, r, c)),
      merges: sheet.merges.map(toA1),
      columnWidths: Object.fromEntries(sheet.columnWidths),
      rowHeights: Object.fromEntries(sheet.rowHeights),
    };
  }

  dump(): { sheets: SheetSnapshot[] } {
    return { sheets: this.sheets.map((s) => this.snapshot(s.name)) };
  }
}

/** A line between two cells is one edge: a cell's top is also the bottom of the cell above. */
export function effectiveBorders(sheet: SheetModel, row: number, column: number): CellBorders | null {
  const own = sheet.cell(row, column)?.borders;
  const borders: CellBorders = {
    top: own?.top ?? sheet.cell(row - 1, column)?.borders.bottom ?? null,
    left: own?.left ?? sheet.cell(row, column - 1)?.borders.right ?? null,
    bottom: own?.bottom ?? sheet.cell(row + 1, column)?.borders.top ?? null,
    right: own?.right ?? sheet.cell(row, column + 1)?.borders.left ?? null,
  };
  return Object.values(borders).some((e) => e !== null) ? borders : null;
}
