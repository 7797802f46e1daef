import { createSpreadsheetApp, SpreadsheetModel } from '../../../../local/runtime/spreadsheet/index.js';

/** A fresh document and its SpreadsheetApp, recording toasts. */
export function newDocument(opts: { locale?: string; timeZone?: string } = {}) {
  const model = new SpreadsheetModel({ name: 'Tracker', ...opts });
  const toasts: [string, string, number][] = [];
  const app = createSpreadsheetApp(model, {
    getUi: () => 'the ui',
    onToast: (message, title, timeout) => toasts.push([message, title, timeout]),
  });
  return { model, app, sheet: app.getActiveSheet(), toasts };
}

/** Writes each input into its own cell of column A and reads back what Apps Script would give. */
export function typed(inputs: unknown[], opts: { locale?: string } = {}) {
  const { sheet } = newDocument(opts);
  const range = sheet.getRange(1, 1, inputs.length, 1);
  range.setValues(inputs.map((input) => [input]));
  const values = range.getValues();
  const displays = range.getDisplayValues();
  const formulas = range.getFormulas();
  return inputs.map((_, i) => ({ value: values[i][0], display: displays[i][0], formula: formulas[i][0] }));
}
