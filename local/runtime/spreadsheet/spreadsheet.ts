/** The fake Spreadsheet (the bound document) and its Selection. */
import type { Implements } from '../gas-types.js';
import { signatureError } from './arguments.js';
import type { FakeContext } from './context.js';
import type { FakeRange } from './range.js';
import type { FakeRangeList } from './range-list.js';
import { FakeSheet } from './sheet.js';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
/** Apps Script's Sheet in signatures, or one of ours. */
export type GasSheetArg = GoogleAppsScript.Spreadsheet.Sheet | FakeSheet;
type SheetOptions = { template?: GoogleAppsScript.Spreadsheet.Sheet };

/** A Sheet argument must be one of ours (possibly behind an instrumentation proxy). */
export function asFakeSheet(method: string, sheet: unknown): FakeSheet {
  if (!(sheet instanceof FakeSheet)) throw signatureError(`SpreadsheetApp.${method}`, [sheet]);
  return sheet;
}
type Implemented =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getSelection'
  | 'getRange'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'toast';

export class FakeSpreadsheet implements Implements<GasSpreadsheet, Implemented> {
  static readonly gasName = 'Spreadsheet';

  constructor(readonly ctx: FakeContext) {}

  private sheet(model = this.ctx.doc.activeSheet): FakeSheet {
    return new FakeSheet(this.ctx, model);
  }

  getId(): string {
    return this.ctx.doc.id;
  }
  getName(): string {
    return this.ctx.doc.name;
  }
  rename(newName: string): void {
    this.ctx.doc.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx.doc.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    return this.ctx.doc.sheets.map((s) => this.sheet(s));
  }
  getNumSheets(): number {
    return this.ctx.doc.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    const model = this.ctx.doc.sheetByName(name);
    return model ? this.sheet(model) : null;
  }

  /** insertSheet([name][, index]); index is 0-based; the new tab becomes the active one. */
  insertSheet(first?: string | number | SheetOptions, second?: number | SheetOptions): FakeSheet {
    // Template options are not emulated: refuse them rather than ignore them.
    const valid =
      ['string', 'number', 'undefined'].includes(typeof first) && ['number', 'undefined'].includes(typeof second);
    if (!valid)
      throw signatureError(
        'SpreadsheetApp.Spreadsheet.insertSheet',
        [first, second].filter((a) => a !== undefined),
      );
    const name = typeof first === 'string' ? first : this.freeName();
    const index = typeof first === 'number' ? first : (second as number | undefined);
    const model = this.ctx.doc.insertSheet(name, index);
    this.ctx.doc.activeSheet = model;
    return this.sheet(model);
  }

  private freeName(): string {
    let n = this.ctx.doc.sheets.length + 1;
    while (this.ctx.doc.sheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  deleteSheet(sheet: GasSheetArg): void {
    this.ctx.doc.deleteSheet(asFakeSheet('Spreadsheet.deleteSheet', sheet).sheetModel);
  }

  getActiveSheet(): FakeSheet {
    return this.sheet();
  }
  setActiveSheet(sheet: GasSheetArg): FakeSheet {
    const { sheetModel } = asFakeSheet('Spreadsheet.setActiveSheet', sheet);
    this.ctx.doc.activeSheet = sheetModel;
    return this.sheet(sheetModel);
  }
  getActiveRange(): FakeRange {
    return this.sheet().getActiveRange();
  }
  getActiveRangeList(): FakeRangeList {
    return this.sheet().activeRangeList();
  }
  getSelection(): FakeSelection {
    return new FakeSelection(this.ctx);
  }

  /** getRange("Tab!A1:B2"), or an A1 notation on the active tab. */
  getRange(a1Notation: string): FakeRange {
    return this.sheet().rangeFromA1(a1Notation);
  }

  getSpreadsheetTimeZone(): string {
    return this.ctx.doc.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.doc.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.ctx.doc.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.ctx.doc.locale = locale;
  }

  /** Never throws, whatever the context (docs/apps-script-notes.md#ui-from-non-interactive-contexts); the runtime decides whether anyone sees it. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.hooks.onToast(String(msg), title === undefined ? '' : String(title), timeoutSeconds ?? 5);
  }

  toString(): string {
    return 'Spreadsheet';
  }
}

type GasSelection = GoogleAppsScript.Spreadsheet.Selection;

export class FakeSelection
  implements Implements<GasSelection, 'getActiveRange' | 'getActiveRangeList' | 'getActiveSheet' | 'getCurrentCell'>
{
  static readonly gasName = 'Selection';

  constructor(readonly ctx: FakeContext) {}

  private sheet(): FakeSheet {
    return new FakeSheet(this.ctx, this.ctx.doc.activeSheet);
  }

  getActiveRange(): FakeRange {
    return this.sheet().getActiveRange();
  }
  getActiveRangeList(): FakeRangeList {
    return this.sheet().activeRangeList();
  }
  getActiveSheet(): FakeSheet {
    return this.sheet();
  }
  getCurrentCell(): FakeRange {
    return this.sheet().getActiveCell();
  }
}
