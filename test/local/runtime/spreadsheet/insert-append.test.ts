/**
 * Sheet.insertRows/insertColumns/insertRowAfter/Before/insertColumnAfter/Before and appendRow, as
 * the Apps Script reference describes them (developers.google.com/apps-script/reference/spreadsheet/sheet):
 * blank rows or columns pushing content down or right, and appendRow writing after the last row
 * with content, parsing strings as setValues does.
 */
import { describe, expect, it } from '@jest/globals';
import { newDocument } from './fixture.js';

const columnA = (sheet: ReturnType<typeof newDocument>['sheet'], rows: number) =>
  sheet
    .getRange(1, 1, rows, 1)
    .getValues()
    .map((row) => row[0]);

describe('inserting rows and columns', () => {
  it('insertRows(i, n) and insertRowBefore/After push content down and grow the sheet', () => {
    const { sheet } = newDocument();
    sheet.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    sheet.insertRows(2, 2);
    expect(columnA(sheet, 5)).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.insertRows(1);
    expect(columnA(sheet, 2)).toEqual(['', 'a']);
    expect(sheet.insertRowAfter(2)).toBe(sheet);
    expect(columnA(sheet, 4)).toEqual(['', 'a', '', '']);
    sheet.insertRowBefore(1);
    expect(columnA(sheet, 3)).toEqual(['', '', 'a']);
    expect(sheet.getMaxRows()).toBe(1005);
  });

  it('insertColumns(i, n) and insertColumnBefore/After push content right', () => {
    const { sheet } = newDocument();
    sheet.getRange(1, 1, 1, 2).setValues([['a', 'b']]);
    sheet.insertColumns(2);
    sheet.insertColumnAfter(3);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['', 'a', '', 'b', '']]);
    expect(sheet.getMaxColumns()).toBe(29);
  });

  it('refuses a position outside the sheet', () => {
    const { sheet } = newDocument();
    expect(() => sheet.insertRows(0)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.insertColumnAfter(27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});

describe('appendRow', () => {
  it('writes after the last row with content, parsing strings like setValues', () => {
    const { sheet } = newDocument();
    sheet.getRange(3, 2).setValue('x');
    expect(sheet.appendRow(['00123', '=1+1', 'plain'])).toBe(sheet);
    expect(sheet.getRange(4, 1, 1, 3).getValues()).toEqual([[123, 2, 'plain']]);
    sheet.appendRow([true]);
    expect(sheet.getLastRow()).toBe(5);
  });

  it('grows a full sheet by a row, and by columns for a row wider than the sheet', () => {
    const { sheet } = newDocument();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(new Array(30).fill('v'));
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1001, 30).getValue()).toBe('v');
  });
});
