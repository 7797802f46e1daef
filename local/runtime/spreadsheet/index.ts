/** In-memory SpreadsheetApp for the local Apps Script runtime. */
export { createSpreadsheetApp, FakeSpreadsheetApp } from './app.js';
export type { BorderEdge, CellBorders } from './cell.js';
export type { SpreadsheetHooks } from './context.js';
export { type SheetSnapshot, SpreadsheetModel } from './model.js';
export { FakeRange } from './range.js';
export { FakeRangeList } from './range-list.js';
export { FakeRichTextValue, FakeRichTextValueBuilder } from './rich-text.js';
export { FakeSheet } from './sheet.js';
export { FakeSelection, FakeSpreadsheet } from './spreadsheet.js';
