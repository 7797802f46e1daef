/** The `SpreadsheetApp` global handed to product code. */
import type { Implements } from '../gas-types.js';
import type { FakeContext, SpreadsheetHooks } from './context.js';
import type { SpreadsheetModel } from './model.js';
import type { FakeRange } from './range.js';
import type { FakeRangeList } from './range-list.js';
import { FakeRichTextValueBuilder } from './rich-text.js';
import type { FakeSheet } from './sheet.js';
import { type FakeSelection, FakeSpreadsheet, type GasSheetArg } from './spreadsheet.js';

/** Enum members print as their names in Apps Script (String(BorderStyle.SOLID) === 'SOLID'). */
function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
}

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Implemented =
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getSelection'
  | 'getCurrentCell'
  | 'setActiveSheet'
  | 'setActiveRange'
  | 'getUi'
  | 'flush'
  | 'newRichTextValue';

export class FakeSpreadsheetApp implements Implements<GasApp, Implemented> {
  static readonly gasName = 'SpreadsheetApp';
  readonly BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
  readonly WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
  readonly Dimension = enumOf('COLUMNS', 'ROWS');

  constructor(readonly ctx: FakeContext) {}

  private spreadsheet(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.ctx);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet();
  }
  getActive(): FakeSpreadsheet {
    return this.spreadsheet();
  }
  getActiveSheet(): FakeSheet {
    return this.spreadsheet().getActiveSheet();
  }
  getActiveRange(): FakeRange {
    return this.spreadsheet().getActiveRange();
  }
  getActiveRangeList(): FakeRangeList {
    return this.spreadsheet().getActiveRangeList();
  }
  getSelection(): FakeSelection {
    return this.spreadsheet().getSelection();
  }
  getCurrentCell(): FakeRange {
    return this.spreadsheet().getSelection().getCurrentCell();
  }
  setActiveSheet(sheet: GasSheetArg): FakeSheet {
    return this.spreadsheet().setActiveSheet(sheet);
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range | FakeRange): FakeRange {
    return this.spreadsheet().getActiveSheet().setActiveRange(range);
  }
  getUi(): unknown {
    return this.ctx.hooks.getUi();
  }
  /** Writes apply immediately in the model, so there is nothing to flush. */
  flush(): void {}
  newRichTextValue(): FakeRichTextValueBuilder {
    return new FakeRichTextValueBuilder();
  }
}

export function createSpreadsheetApp(model: SpreadsheetModel, hooks: SpreadsheetHooks): FakeSpreadsheetApp {
  return new FakeSpreadsheetApp({ doc: model, hooks });
}
