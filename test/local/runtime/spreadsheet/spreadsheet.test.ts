import { describe, expect, it } from '@jest/globals';
import { newDocument } from './fixture.js';

describe('Spreadsheet', () => {
  it('inserts tabs by name and index and makes the new tab active', () => {
    const { app } = newDocument();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('Board');
    ss.insertSheet('UserDB', 0);
    expect(ss.getSheets().map((s) => `${s.getIndex()}:${s.getName()}`)).toEqual(['1:UserDB', '2:Sheet1', '3:Board']);
    expect(app.getActiveSheet().getName()).toBe('UserDB');
    expect(ss.getSheetByName('missing')).toBeNull();
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  it('refuses a duplicate tab name with the Sheets text', () => {
    const { app } = newDocument();
    expect(() => app.getActiveSpreadsheet().insertSheet('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  it('deletes tabs but never the last one', () => {
    const { app } = newDocument();
    const ss = app.getActiveSpreadsheet();
    const board = ss.insertSheet('Board');
    ss.deleteSheet(board);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('reads a range with a tab prefix', () => {
    const { app } = newDocument();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet("Agent's board").getRange('B2').setValue('here');
    expect(ss.getRange("'Agent''s board'!B2").getValue()).toBe('here');
  });

  it('hands toasts to the runtime, with Apps Script defaults', () => {
    const { app, toasts } = newDocument();
    app.getActiveSpreadsheet().toast('Refreshed');
    app.getActiveSpreadsheet().toast('Done', 'Tracker', 3);
    expect(toasts).toEqual([
      ['Refreshed', '', 5],
      ['Done', 'Tracker', 3],
    ]);
  });

  it('reports its time zone, locale and identity', () => {
    const { app } = newDocument({ timeZone: 'America/New_York', locale: 'fr_FR' });
    const ss = app.getActive();
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(), ss.getName()]).toEqual([
      'America/New_York',
      'fr_FR',
      'Tracker',
    ]);
    expect(ss.getUrl()).toContain(ss.getId());
  });
});
