import { describe, expect, it } from '@jest/globals';
import { newDocument } from './fixture.js';

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('getRange validation', () => {
  it.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[2, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[2, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) → %s', (args, message) => {
    const { sheet } = newDocument();
    expect(messageOf(() => (sheet.getRange as (...a: number[]) => unknown)(...args))).toBe(message);
  });

  it('rejects unreadable A1 notations and non-numeric coordinates', () => {
    const { sheet } = newDocument();
    expect(messageOf(() => sheet.getRange('A1:B2:C3'))).toBe('Range not found');
    expect(messageOf(() => sheet.getRange('hello'))).toBe('Range not found');
    expect(messageOf(() => sheet.getRange(undefined as unknown as number, 1))).toBe(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('reads whole columns, rows and open ranges against the grid', () => {
    const { sheet } = newDocument();
    expect(sheet.getRange('B:C').getA1Notation()).toBe('B1:C1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:Z3');
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
  });
});

describe('sheet dimensions', () => {
  it('starts at 1000×26 and reports the last used row and column', () => {
    const { sheet } = newDocument();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A9').setBackground('red');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it('inserts and deletes rows and columns, moving content and merges', () => {
    const { sheet } = newDocument();
    sheet.getRange('A2').setValue('two');
    sheet.getRange('B3:C3').merge();
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A4').getValue()).toBe('two');
    expect(sheet.getRange('B5').getMergedRanges()[0].getA1Notation()).toBe('B5:C5');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('C5').getMergedRanges()[0].getA1Notation()).toBe('C5:D5');
    sheet.deleteRows(1, 3);
    expect(sheet.getRange('A1').getValue()).toBe('two');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([999, 27]);
    sheet.deleteColumns(3, 1);
    expect(sheet.getRange('A1:Z5').isPartOfMerge()).toBe(false);
  });

  it('refuses to grow the workbook past 10,000,000 cells', () => {
    const { sheet } = newDocument();
    expect(messageOf(() => sheet.insertRowsAfter(1000, 400_000))).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('records widths, heights, frozen lines, gridlines and tab colour', () => {
    const { sheet } = newDocument();
    sheet.setColumnWidths(2, 3, 150);
    sheet.setRowHeight(1, 40);
    sheet.setFrozenRows(2);
    sheet.setHiddenGridlines(true);
    sheet.setTabColor('orange');
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(4), sheet.getRowHeight(1), sheet.getRowHeight(2)]).toEqual([
      100, 150, 40, 21,
    ]);
    expect([sheet.getFrozenRows(), sheet.hasHiddenGridlines(), sheet.getTabColor()]).toEqual([2, true, '#ffa500']);
  });

  it('clear() empties the tab and unmerges it', () => {
    const { sheet } = newDocument();
    sheet.getRange('A1:B1').merge().setValue('x').setBackground('blue');
    sheet.clear();
    expect([sheet.getLastRow(), sheet.getRange('A1').getBackground(), sheet.getRange('A1').isPartOfMerge()]).toEqual([
      0,
      '#ffffff',
      false,
    ]);
  });
});

describe('hiding and naming tabs', () => {
  it('cannot hide the last visible tab', () => {
    const { app, sheet } = newDocument();
    expect(messageOf(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    app.getActiveSpreadsheet().insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
  });

  it('refuses a name another tab already has', () => {
    const { app, sheet } = newDocument();
    app.getActiveSpreadsheet().insertSheet('Board');
    expect(messageOf(() => sheet.setName('board'))).toBe(
      'A sheet with the name "board" already exists. Please enter another name.',
    );
  });
});
