import { describe, expect, it } from '@jest/globals';
import { CallCounters, instrument } from '../../../../local/runtime/instrument.js';
import { newDocument } from './fixture.js';

describe('SpreadsheetApp', () => {
  it('counts each call through instrument()', () => {
    const { app: raw } = newDocument();
    const counters = new CallCounters();
    const app = instrument(raw, 'SpreadsheetApp', counters);
    const sheet = app.getActiveSheet();
    counters.reset();
    sheet.getRange(1, 1, 1, 2).setValues([['a', 'b']]);
    expect(counters.toJSON()).toEqual({ 'SpreadsheetApp.Range.setValues': 1, 'SpreadsheetApp.Sheet.getRange': 1 });
    app.getActiveSpreadsheet().getSheetByName('Sheet1')!.getRangeList(['A1', 'B1']).setBackground('red');
    expect(counters.total('SpreadsheetApp')).toBe(6);
    expect(counters.byMethod.get('SpreadsheetApp.RangeList.setBackground')).toBe(1);
  });

  it('accepts instrumented objects as arguments without counting extra calls', () => {
    const { app: raw, model } = newDocument();
    const counters = new CallCounters();
    const app = instrument(raw, 'SpreadsheetApp', counters);
    const ss = app.getActiveSpreadsheet();
    const board = ss.insertSheet('Board');
    ss.setActiveSheet(ss.getSheets()[0]);
    ss.deleteSheet(board);
    const rich = app.newRichTextValue().setText('007').build();
    app.getActiveSheet().getRange('A1').setRichTextValue(rich);
    expect(model.sheetNames()).toEqual(['Sheet1']);
    expect(model.snapshot('Sheet1').values).toEqual([['007']]);
    expect(counters.byMethod.has('SpreadsheetApp.RichTextValue.getText')).toBe(false);
  });

  it('delegates getUi to the runtime and exposes the enums', () => {
    const { app } = newDocument();
    expect(app.getUi()).toBe('the ui');
    expect(String(app.BorderStyle.SOLID_THICK)).toBe('SOLID_THICK');
    expect(app.WrapStrategy.CLIP).toBe('CLIP');
    app.flush();
  });
});
