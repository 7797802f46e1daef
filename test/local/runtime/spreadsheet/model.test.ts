import { describe, expect, it } from '@jest/globals';
import { createSpreadsheetApp } from '../../../../local/runtime/spreadsheet/index.js';
import { newDocument } from './fixture.js';

describe('SpreadsheetModel inspection', () => {
  it('snapshots the used area with values, display, formats and merges', () => {
    const { model, sheet } = newDocument();
    sheet.getRange('A1:B1').setValues([['Agent', '2024-01-15']]);
    sheet.getRange('A2').setValue('=HYPERLINK("u","Ann")').setFontColor('blue');
    sheet.getRange('C3').setBackground('#00B388');
    sheet.getRange('A1:B1').merge();
    sheet.setColumnWidth(1, 180);
    const snap = model.snapshot('Sheet1');
    expect([snap.maxRows, snap.maxColumns, snap.hidden, snap.tabColor]).toEqual([1000, 26, false, null]);
    expect(snap.values).toEqual([
      ['Agent', '', ''],
      ['Ann', '', ''],
      ['', '', ''],
    ]);
    expect(snap.displayValues[1][0]).toBe('Ann');
    expect(snap.formulas[1][0]).toBe('=HYPERLINK("u","Ann")');
    expect(snap.fontColors[1][0]).toBe('#0000ff');
    expect(snap.backgrounds[2][2]).toBe('#00b388');
    expect(snap.merges).toEqual(['A1:B1']);
    expect(snap.columnWidths).toEqual({ 1: 180 });
  });

  it('gives dates as ISO strings and an error cell as #ERROR!', () => {
    const { model, sheet } = newDocument();
    sheet.getRange('A1:B1').setValues([['2024-01-15', '+33 6 11 11 33 33']]);
    const snap = model.snapshot('Sheet1');
    expect(snap.values).toEqual([['2024-01-14T23:00:00.000Z', '#ERROR!']]);
    expect(snap.displayValues).toEqual([['2024-01-15', '#ERROR!']]);
  });

  it('dumps every tab in tab order and throws for a missing one', () => {
    const { app, model } = newDocument();
    app.getActiveSpreadsheet().insertSheet('First', 0);
    expect(model.dump().sheets.map((s) => s.name)).toEqual(['First', 'Sheet1']);
    expect(model.sheetNames()).toEqual(['First', 'Sheet1']);
    expect(() => model.snapshot('Nope')).toThrow(/Nope/);
  });

  it('persists across SpreadsheetApp instances (executions)', () => {
    const { model, sheet } = newDocument();
    sheet.getRange('A1').setValue(42);
    const nextExecution = createSpreadsheetApp(model, { getUi: () => null, onToast: () => {} });
    expect(nextExecution.getActiveSheet().getRange('A1').getValue()).toBe(42);
  });
});

describe('selection', () => {
  it('setActive drives every getActiveRange and the range list', () => {
    const { app, model } = newDocument();
    app.getActiveSpreadsheet().insertSheet('Board');
    model.setActive('Sheet1', 'A1,C3:C5');
    const ss = app.getActiveSpreadsheet();
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
    expect(app.getActiveRange().getA1Notation()).toBe('C3:C5');
    expect(ss.getActiveRange().getA1Notation()).toBe('C3:C5');
    expect(ss.getActiveSheet().getActiveRange().getA1Notation()).toBe('C3:C5');
    const list = ss.getSelection().getActiveRangeList();
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1', 'C3:C5']);
    expect(ss.getSelection().getCurrentCell().getA1Notation()).toBe('C3');
  });

  it('activating a range or tab moves the selection', () => {
    const { app, model } = newDocument();
    const board = app.getActiveSpreadsheet().insertSheet('Board');
    board.getRange('B2:D2').activate();
    expect(app.getActiveRange().getA1Notation()).toBe('B2:D2');
    app.getActiveSpreadsheet().setActiveSheet(app.getActiveSpreadsheet().getSheetByName('Sheet1')!);
    expect(app.getActiveRange().getA1Notation()).toBe('A1');
    model.setActive('Board', 'A5');
    expect(app.getActiveSheet().getName()).toBe('Board');
  });
});
