/** The fake Sheet: a tab of the document, addressed by name through the model. */
import { gasError, MESSAGES } from '../errors.js';
import type { Implements } from '../gas-types.js';
import { type GridRect, parseA1, splitSheetPrefix } from './a1.js';
import { assertGridArgs, signatureError } from './arguments.js';
import { type FakeEmbeddedChart, type FakeEmbeddedChartBuilder, SheetCharts } from './charts.js';
import { normaliseColor } from './colors.js';
import type { FakeContext } from './context.js';
import { SHEET_MESSAGES } from './messages.js';
import { FakeRange } from './range.js';
import { FakeRangeList } from './range-list.js';
import type { SheetModel } from './sheet-model.js';
import { FakeSpreadsheet } from './spreadsheet.js';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type Implemented =
  | 'getName'
  | 'setName'
  | 'getIndex'
  | 'getSheetId'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRows'
  | 'insertColumns'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'appendRow'
  | 'deleteRows'
  | 'deleteColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'setRowHeight'
  | 'setRowHeights'
  | 'getRowHeight'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setHiddenGridlines'
  | 'hasHiddenGridlines'
  | 'setTabColor'
  | 'getTabColor'
  | 'activate'
  | 'getActiveRange'
  | 'setActiveRange'
  | 'getActiveCell'
  | 'getParent'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export class FakeSheet implements Implements<GasSheet, Implemented> {
  static readonly gasName = 'Sheet';

  constructor(
    readonly ctx: FakeContext,
    readonly sheetModel: SheetModel,
  ) {}

  private range(rect: GridRect): FakeRange {
    return new FakeRange(this.ctx, this.sheetModel, rect);
  }

  private whole(): FakeRange {
    return this.range({ row: 1, column: 1, numRows: this.sheetModel.maxRows, numColumns: this.sheetModel.maxColumns });
  }

  /** An A1 notation on this tab ("A1:B2"); a "Tab!" prefix naming another tab is resolved there. */
  rangeFromA1(a1: string): FakeRange {
    const { sheetName, cells } = splitSheetPrefix(a1);
    const target = sheetName === undefined ? this.sheetModel : this.ctx.doc.sheetByName(sheetName);
    if (!target) throw gasError(MESSAGES.rangeNotFound);
    const rect = parseA1(cells, target.maxRows, target.maxColumns);
    assertGridArgs(
      'SpreadsheetApp.Sheet.getRange',
      [rect.row, rect.column, rect.numRows, rect.numColumns],
      target.maxRows,
      target.maxColumns,
    );
    return new FakeRange(this.ctx, target, rect);
  }

  getName(): string {
    return this.sheetModel.name;
  }

  setName(name: string): this {
    const clash = this.ctx.doc.sheets.find((s) => s !== this.sheetModel && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw gasError(SHEET_MESSAGES.duplicateSheet(name));
    this.sheetModel.name = name;
    return this;
  }

  getIndex(): number {
    return this.ctx.doc.sheets.indexOf(this.sheetModel) + 1;
  }

  getSheetId(): number {
    return this.sheetModel.id;
  }

  getRange(...args: [string] | [number, number, number?, number?]): FakeRange {
    if (args.length === 1 && typeof args[0] === 'string') return this.rangeFromA1(args[0]);
    if (args.length < 2 || args.length > 4) throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    const [row, column, numRows, numColumns] = assertGridArgs(
      'SpreadsheetApp.Sheet.getRange',
      args,
      this.sheetModel.maxRows,
      this.sheetModel.maxColumns,
    );
    return this.range({ row, column, numRows, numColumns });
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations)) throw signatureError('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    return new FakeRangeList(a1Notations.map((a1) => this.rangeFromA1(a1)));
  }

  getDataRange(): FakeRange {
    const numRows = Math.max(1, this.sheetModel.lastRow());
    const numColumns = Math.max(1, this.sheetModel.lastColumn());
    return this.range({ row: 1, column: 1, numRows, numColumns });
  }

  getLastRow(): number {
    return this.sheetModel.lastRow();
  }
  getLastColumn(): number {
    return this.sheetModel.lastColumn();
  }
  getMaxRows(): number {
    return this.sheetModel.maxRows;
  }
  getMaxColumns(): number {
    return this.sheetModel.maxColumns;
  }

  private growRows(beforeRow: number, howMany: number): this {
    this.ctx.doc.assertRoomFor(howMany * this.sheetModel.maxColumns);
    this.sheetModel.insertRows(beforeRow, howMany);
    return this;
  }

  private growColumns(beforeColumn: number, howMany: number): this {
    this.ctx.doc.assertRoomFor(howMany * this.sheetModel.maxRows);
    this.sheetModel.insertColumns(beforeColumn, howMany);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.getRange(afterPosition, 1);
    return this.growRows(afterPosition + 1, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.getRange(beforePosition, 1);
    return this.growRows(beforePosition, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.getRange(1, afterPosition);
    return this.growColumns(afterPosition + 1, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.getRange(1, beforePosition);
    return this.growColumns(beforePosition, howMany);
  }

  /** One or more blank rows before `rowIndex` (developers.google.com/apps-script/reference/spreadsheet/sheet#insertRows(Integer,Integer)). */
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  /**
   * Writes after the last row with content, from column A, growing the sheet when it is full;
   * strings are parsed as setValues parses them ("=…" becomes a formula)
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)).
   */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.sheetModel.lastRow() + 1;
    if (row > this.sheetModel.maxRows) this.growRows(this.sheetModel.maxRows + 1, row - this.sheetModel.maxRows);
    const extraColumns = rowContents.length - this.sheetModel.maxColumns;
    if (extraColumns > 0) this.growColumns(this.sheetModel.maxColumns + 1, extraColumns);
    this.range({ row, column: 1, numRows: 1, numColumns: rowContents.length }).setValues([rowContents]);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.getRange(rowPosition, 1, howMany, 1);
    this.sheetModel.deleteRows(rowPosition, howMany);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.getRange(1, columnPosition, 1, howMany);
    this.sheetModel.deleteColumns(columnPosition, howMany);
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.whole().clear(options);
    return this;
  }
  clearContents(): this {
    this.whole().clearContent();
    return this;
  }
  clearFormats(): this {
    this.whole().clearFormat();
    return this;
  }
  clearNotes(): this {
    this.whole().clearNote();
    return this;
  }

  setFrozenRows(rows: number): void {
    this.sheetModel.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.sheetModel.frozenColumns = columns;
  }
  getFrozenRows(): number {
    return this.sheetModel.frozenRows;
  }
  getFrozenColumns(): number {
    return this.sheetModel.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.getRange(1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.sheetModel.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.sheetModel.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): this {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.getRange(startRow, 1, numRows, 1);
    for (let r = startRow; r < startRow + numRows; r++) this.sheetModel.rowHeights.set(r, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this.sheetModel.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  hideSheet(): this {
    const othersVisible = this.ctx.doc.sheets.some((s) => s !== this.sheetModel && !s.hidden);
    if (!othersVisible) throw gasError(SHEET_MESSAGES.hideAllSheets);
    this.sheetModel.hidden = true;
    return this;
  }
  showSheet(): this {
    this.sheetModel.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.sheetModel.hidden;
  }
  setHiddenGridlines(hideGridlines: boolean): this {
    this.sheetModel.hiddenGridlines = hideGridlines;
    return this;
  }
  hasHiddenGridlines(): boolean {
    return this.sheetModel.hiddenGridlines;
  }
  setTabColor(color: string | null): this {
    this.sheetModel.tabColor = color ? (normaliseColor(color) ?? this.sheetModel.tabColor) : null;
    return this;
  }
  getTabColor(): string | null {
    return this.sheetModel.tabColor;
  }

  activate(): this {
    this.ctx.doc.activeSheet = this.sheetModel;
    return this;
  }

  /** The tab's selection; with several ranges selected, the last one is the active range. */
  getActiveRange(): FakeRange {
    return this.rangeFromA1(this.sheetModel.selection[this.sheetModel.selection.length - 1]);
  }
  activeRangeList(): FakeRangeList {
    return new FakeRangeList(this.sheetModel.selection.map((a1) => this.rangeFromA1(a1)));
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range | FakeRange): FakeRange {
    if (!(range instanceof FakeRange)) throw signatureError('SpreadsheetApp.Sheet.setActiveRange', [range]);
    // Read the argument's fields rather than call it: it may be an instrumented proxy.
    return new FakeRange(this.ctx, range.sheetModel, range.rect).activate();
  }
  getActiveCell(): FakeRange {
    const active = this.getActiveRange().rect;
    return this.range({ row: active.row, column: active.column, numRows: 1, numColumns: 1 });
  }

  newChart(): FakeEmbeddedChartBuilder {
    return new SheetCharts(this.ctx, this.sheetModel).newChart();
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | FakeEmbeddedChart): void {
    new SheetCharts(this.ctx, this.sheetModel).insert(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return new SheetCharts(this.ctx, this.sheetModel).list();
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | FakeEmbeddedChart): void {
    new SheetCharts(this.ctx, this.sheetModel).update(chart);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | FakeEmbeddedChart): void {
    new SheetCharts(this.ctx, this.sheetModel).remove(chart);
  }

  getParent(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.ctx);
  }

  toString(): string {
    return 'Sheet';
  }
}
