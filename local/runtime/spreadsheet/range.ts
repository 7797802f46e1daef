/** The fake Range: every read returns fresh arrays, every write goes through the model's rules. */
import { gasError } from '../errors.js';
import type { Implements } from '../gas-types.js';
import { type GridRect, toA1 } from './a1.js';
import { assertGridArgs, assertMatrix, signatureError } from './arguments.js';
import { applyBorder, type BorderFlag } from './borders.js';
import { type Cell, type CellFormat, clearContent, clearFormat, DEFAULT_FORMAT, hasContent } from './cell.js';
import { normaliseColor } from './colors.js';
import type { FakeContext } from './context.js';
import { breakApart, columnsOf, intersects, mergePieces, rowsOf } from './merges.js';
import { SHEET_MESSAGES } from './messages.js';
import { AUTOMATIC_FORMAT, isAutomatic } from './number-format.js';
import { FakeRichTextValue } from './rich-text.js';
import { FakeSheet } from './sheet.js';
import type { SheetModel } from './sheet-model.js';
import { assertCellLength, readDisplay, readValue, writeFormula, writeInput, writeText } from './values.js';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type RichTextArg = GoogleAppsScript.Spreadsheet.RichTextValue | FakeRichTextValue;
/** Apps Script's enum in signatures; ours are the member names (SpreadsheetApp.BorderStyle.SOLID === 'SOLID'). */
export type BorderStyleArg = GoogleAppsScript.Spreadsheet.BorderStyle | string;
export type WrapStrategyArg = GoogleAppsScript.Spreadsheet.WrapStrategy | string;
type Implemented =
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getSheet'
  | 'getCell'
  | 'offset'
  | 'getValue'
  | 'getValues'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'setValue'
  | 'setValues'
  | 'getFormula'
  | 'getFormulas'
  | 'setFormula'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getFontColor'
  | 'getFontColors'
  | 'setFontColor'
  | 'setFontColors'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'getFontSize'
  | 'getFontSizes'
  | 'setFontSize'
  | 'setFontSizes'
  | 'getFontFamily'
  | 'setFontFamily'
  | 'getHorizontalAlignment'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'getVerticalAlignment'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'getWrap'
  | 'getWraps'
  | 'setWrap'
  | 'setWraps'
  | 'setWrapStrategy'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'clearNote'
  | 'getRichTextValue'
  | 'getRichTextValues'
  | 'setRichTextValue'
  | 'setRichTextValues'
  | 'setBorder'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'breakApart'
  | 'isPartOfMerge'
  | 'getMergedRanges'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'activate'
  | 'isBlank';

const resetOnNull =
  <K extends keyof CellFormat>(key: K) =>
  (value: CellFormat[K] | null | undefined): CellFormat[K] =>
    value === null || value === undefined || value === '' ? DEFAULT_FORMAT[key] : value;

/** Colours: hex or CSS names normalised; text no parser accepts leaves the cell unchanged [unc]. */
const toColor = (key: 'background' | 'fontColor') => (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? DEFAULT_FORMAT[key] : normaliseColor(String(value));

const toNumberFormat = (value: string | null | undefined) => (!value || isAutomatic(value) ? '' : String(value));

/** Reads fields, not methods: the value may be an instrumented proxy whose calls would be counted. */
function assertRichText(method: string, value: unknown): FakeRichTextValue {
  if (!(value instanceof FakeRichTextValue)) throw signatureError(`SpreadsheetApp.Range.${method}`, [value]);
  assertCellLength(value.text);
  return value;
}

export class FakeRange implements Implements<GasRange, Implemented> {
  static readonly gasName = 'Range';

  constructor(
    readonly ctx: FakeContext,
    readonly sheetModel: SheetModel,
    readonly rect: GridRect,
  ) {}

  private get lastRowIndex(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  private get lastColumnIndex(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  private read<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => fn(this.sheetModel.cell(row + r, column + c), row + r, column + c)),
    );
  }

  private topLeft(): Cell | undefined {
    return this.sheetModel.cell(this.rect.row, this.rect.column);
  }

  private write(fn: (cell: Cell, r: number, c: number) => void): this {
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numColumns; c++) {
        fn(this.sheetModel.ensureCell(this.rect.row + r, this.rect.column + c), r, c);
      }
    }
    return this;
  }

  /** Content lands on visible cells only: a cell covered by a merge swallows the write (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). */
  private writeContent(fn: (cell: Cell, r: number, c: number) => void): this {
    return this.write((cell, r, c) => {
      if (!this.sheetModel.isCovered(this.rect.row + r, this.rect.column + c)) fn(cell, r, c);
    });
  }

  /** Visits existing cells only, so clearing a whole sheet does not materialise it. */
  private visit(fn: (cell: Cell) => void): this {
    for (let r = this.rect.row; r <= this.lastRowIndex; r++) {
      for (let c = this.rect.column; c <= this.lastColumnIndex; c++) {
        const cell = this.sheetModel.cell(r, c);
        if (cell) fn(cell);
      }
    }
    return this;
  }

  private setFormat<K extends keyof CellFormat>(key: K, value: CellFormat[K] | undefined): this {
    if (value === undefined) return this;
    return this.write((cell) => {
      cell.format[key] = value;
    });
  }

  private setFormats<K extends keyof CellFormat, V>(
    method: string,
    key: K,
    data: V[][],
    convert: (v: V) => CellFormat[K] | undefined,
  ): this {
    assertMatrix(method, data, this.rect.numRows, this.rect.numColumns);
    return this.write((cell, r, c) => {
      const value = convert(data[r][c]);
      if (value !== undefined) cell.format[key] = value;
    });
  }

  private format<K extends keyof CellFormat>(key: K): CellFormat[K][][] {
    return this.read((cell) => cell?.format[key] ?? DEFAULT_FORMAT[key]);
  }

  private sub(rect: GridRect): FakeRange {
    return new FakeRange(this.ctx, this.sheetModel, rect);
  }

  // Geometry

  getA1Notation(): string {
    return toA1(this.rect);
  }
  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getLastRow(): number {
    return this.lastRowIndex;
  }
  getLastColumn(): number {
    return this.lastColumnIndex;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getSheet(): FakeSheet {
    return new FakeSheet(this.ctx, this.sheetModel);
  }

  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw gasError(SHEET_MESSAGES.cellOutOfRange);
    }
    return this.sub({ row: this.rect.row + row - 1, column: this.rect.column + column - 1, numRows: 1, numColumns: 1 });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const args = [this.rect.row + rowOffset, this.rect.column + columnOffset, numRows ?? this.rect.numRows];
    const [row, column, rows, columns] = assertGridArgs(
      'SpreadsheetApp.Range.offset',
      [...args, numColumns ?? this.rect.numColumns],
      this.sheetModel.maxRows,
      this.sheetModel.maxColumns,
    );
    return this.sub({ row, column, numRows: rows, numColumns: columns });
  }

  // Values

  getValue(): string | number | boolean | Date {
    return readValue(this.topLeft(), this.ctx.doc);
  }
  getValues(): (string | number | boolean | Date)[][] {
    return this.read((cell) => readValue(cell, this.ctx.doc));
  }
  getDisplayValue(): string {
    return readDisplay(this.topLeft(), this.ctx.doc);
  }
  getDisplayValues(): string[][] {
    return this.read((cell) => readDisplay(cell, this.ctx.doc));
  }

  setValue(value: unknown): this {
    assertCellLength(value);
    return this.writeContent((cell) => writeInput(cell, value, this.ctx.doc));
  }

  setValues(values: unknown[][]): this {
    assertMatrix('setValues', values, this.rect.numRows, this.rect.numColumns);
    for (const row of values) for (const value of row) assertCellLength(value);
    return this.writeContent((cell, r, c) => writeInput(cell, values[r][c], this.ctx.doc));
  }

  getFormula(): string {
    return this.topLeft()?.formula ?? '';
  }
  getFormulas(): string[][] {
    return this.read((cell) => cell?.formula ?? '');
  }

  setFormula(formula: string): this {
    assertCellLength(formula);
    return this.writeContent((cell) => writeFormula(cell, formula, this.ctx.doc));
  }

  isBlank(): boolean {
    return this.read((cell) => hasContent(cell)).every((row) => row.every((used) => !used));
  }

  // Rich text

  getRichTextValue(): FakeRichTextValue | null {
    return this.getRichTextValues()[0][0];
  }
  getRichTextValues(): (FakeRichTextValue | null)[][] {
    return this.read((cell) =>
      !cell || typeof cell.value === 'string'
        ? new FakeRichTextValue(String(cell?.value ?? ''), cell?.link ?? null)
        : null,
    );
  }
  setRichTextValue(value: RichTextArg): this {
    const { text, link } = assertRichText('setRichTextValue', value);
    return this.writeContent((cell) => writeText(cell, text, link));
  }
  setRichTextValues(values: RichTextArg[][]): this {
    assertMatrix('setRichTextValues', values, this.rect.numRows, this.rect.numColumns);
    const texts = values.map((row) => row.map((v) => assertRichText('setRichTextValues', v)));
    return this.writeContent((cell, r, c) => writeText(cell, texts[r][c].text, texts[r][c].link));
  }

  // Formats

  getBackground(): string {
    return this.format('background')[0][0];
  }
  getBackgrounds(): string[][] {
    return this.format('background');
  }
  setBackground(color: string | null): this {
    return this.setFormat('background', toColor('background')(color));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.setFormats('setBackgrounds', 'background', colors, toColor('background'));
  }
  getFontColor(): string {
    return this.format('fontColor')[0][0];
  }
  getFontColors(): string[][] {
    return this.format('fontColor');
  }
  setFontColor(color: string | null): this {
    return this.setFormat('fontColor', toColor('fontColor')(color));
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.setFormats('setFontColors', 'fontColor', colors, toColor('fontColor'));
  }
  getFontWeight(): string {
    return this.format('fontWeight')[0][0];
  }
  getFontWeights(): string[][] {
    return this.format('fontWeight');
  }
  setFontWeight(weight: string | null): this {
    return this.setFormat('fontWeight', resetOnNull('fontWeight')(weight));
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.setFormats('setFontWeights', 'fontWeight', weights, resetOnNull('fontWeight'));
  }
  getFontStyle(): string {
    return this.format('fontStyle')[0][0];
  }
  getFontStyles(): string[][] {
    return this.format('fontStyle');
  }
  setFontStyle(style: string | null): this {
    return this.setFormat('fontStyle', resetOnNull('fontStyle')(style));
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.setFormats('setFontStyles', 'fontStyle', styles, resetOnNull('fontStyle'));
  }
  getFontSize(): number {
    return this.format('fontSize')[0][0];
  }
  getFontSizes(): number[][] {
    return this.format('fontSize');
  }
  setFontSize(size: number): this {
    return this.setFormat('fontSize', resetOnNull('fontSize')(size));
  }
  setFontSizes(sizes: number[][]): this {
    return this.setFormats('setFontSizes', 'fontSize', sizes, resetOnNull('fontSize'));
  }
  getFontFamily(): string {
    return this.format('fontFamily')[0][0];
  }
  setFontFamily(family: string | null): this {
    return this.setFormat('fontFamily', resetOnNull('fontFamily')(family));
  }
  getHorizontalAlignment(): string {
    return this.format('horizontalAlignment')[0][0];
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setFormat('horizontalAlignment', resetOnNull('horizontalAlignment')(alignment));
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.setFormats(
      'setHorizontalAlignments',
      'horizontalAlignment',
      alignments,
      resetOnNull('horizontalAlignment'),
    );
  }
  getVerticalAlignment(): string {
    return this.format('verticalAlignment')[0][0];
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.setFormat('verticalAlignment', resetOnNull('verticalAlignment')(alignment));
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.setFormats('setVerticalAlignments', 'verticalAlignment', alignments, resetOnNull('verticalAlignment'));
  }
  getWrap(): boolean {
    return this.getWraps()[0][0];
  }
  getWraps(): boolean[][] {
    return this.format('wrapStrategy').map((row) => row.map((s) => s === 'WRAP'));
  }
  setWrap(wrap: boolean): this {
    return this.setFormat('wrapStrategy', wrap ? 'WRAP' : 'OVERFLOW');
  }
  setWraps(wraps: boolean[][]): this {
    return this.setFormats('setWraps', 'wrapStrategy', wraps, (w) => (w ? 'WRAP' : 'OVERFLOW'));
  }
  setWrapStrategy(strategy: WrapStrategyArg): this {
    return this.setFormat('wrapStrategy', String(strategy));
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this.format('numberFormat').map((row) => row.map((f) => f || AUTOMATIC_FORMAT));
  }
  setNumberFormat(format: string): this {
    return this.setFormat('numberFormat', toNumberFormat(format));
  }
  setNumberFormats(formats: string[][]): this {
    return this.setFormats('setNumberFormats', 'numberFormat', formats, toNumberFormat);
  }

  // Notes

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }
  getNotes(): string[][] {
    return this.read((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): this {
    return this.write((cell) => {
      cell.note = note === null || note === undefined ? '' : String(note);
    });
  }
  setNotes(notes: (string | null)[][]): this {
    assertMatrix('setNotes', notes, this.rect.numRows, this.rect.numColumns);
    return this.write((cell, r, c) => {
      cell.note = notes[r][c] === null || notes[r][c] === undefined ? '' : String(notes[r][c]);
    });
  }
  clearNote(): this {
    return this.visit((cell) => {
      cell.note = '';
    });
  }

  // Borders and merges

  setBorder(
    top: BorderFlag,
    left: BorderFlag,
    bottom: BorderFlag,
    right: BorderFlag,
    vertical: BorderFlag,
    horizontal: BorderFlag,
    color?: string | null,
    style?: BorderStyleArg | null,
  ): this {
    applyBorder(this.sheetModel, this.rect, { top, left, bottom, right, vertical, horizontal }, color, style);
    return this;
  }

  merge(): this {
    mergePieces(this.sheetModel, this.rect, [this.rect]);
    return this;
  }
  mergeAcross(): this {
    mergePieces(this.sheetModel, this.rect, rowsOf(this.rect));
    return this;
  }
  mergeVertically(): this {
    mergePieces(this.sheetModel, this.rect, columnsOf(this.rect));
    return this;
  }
  breakApart(): this {
    breakApart(this.sheetModel, this.rect);
    return this;
  }
  isPartOfMerge(): boolean {
    return this.sheetModel.merges.some((m) => intersects(m, this.rect));
  }
  getMergedRanges(): FakeRange[] {
    return this.sheetModel.merges.filter((m) => intersects(m, this.rect)).map((m) => this.sub(m));
  }

  // Clearing

  /** clear() = content + format; clearing formats also unmerges, as Sheets' "Clear formatting" does [unc]. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): this {
    const all = !options || (!options.contentsOnly && !options.formatOnly && !options.commentsOnly);
    if (all || options?.contentsOnly) this.clearContent();
    if (all || options?.formatOnly) this.clearFormat();
    if (options?.commentsOnly) this.clearNote();
    return this;
  }
  clearContent(): this {
    return this.visit(clearContent);
  }
  clearFormat(): this {
    this.sheetModel.merges = this.sheetModel.merges.filter((m) => !intersects(m, this.rect));
    return this.visit(clearFormat);
  }

  activate(): this {
    this.sheetModel.selection = [this.getA1Notation()];
    this.ctx.doc.activeSheet = this.sheetModel;
    return this;
  }
}
