import { describe, expect, it } from '@jest/globals';
import { newDocument } from './fixture.js';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('did not throw');
};

describe('2-D setters check sizes rows first, then each row', () => {
  it('reports a wrong number of rows before a ragged row', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange(1, 1, 3, 4);
    expect(thrown(() => range.setValues([[1, 2, 3, 4, 5]]))).toEqual({
      name: 'Exception',
      message:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    });
  });

  it("reports the first offending row's length", () => {
    const { sheet } = newDocument();
    const range = sheet.getRange(1, 1, 3, 4);
    expect(thrown(() => range.setValues([[1, 2, 3, 4], [1, 2, 3, 4, 5], [1]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(range.isBlank()).toBe(true);
  });

  it.each([
    'setBackgrounds',
    'setFontColors',
    'setFontWeights',
    'setFontStyles',
    'setNotes',
    'setNumberFormats',
    'setHorizontalAlignments',
    'setWraps',
    'setRichTextValues',
  ] as const)('%s uses the same texts', (method) => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:B2');
    const call = (data: unknown) => (range[method] as (d: unknown) => unknown).call(range, data);
    expect(thrown(() => call([[]])).message).toMatch(/The data has 1 but the range has 2\.$/);
    expect(thrown(() => call([[], []])).message).toMatch(
      /^The number of columns.*The data has 0 but the range has 2\.$/,
    );
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = newDocument();
    const long = 'x'.repeat(50_001);
    expect(thrown(() => sheet.getRange('A1:B1').setValues([['ok', long]])).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });
});

describe('reading', () => {
  it('returns fresh arrays each time', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:B1').setValues([['a', 'b']]);
    const first = range.getValues();
    first[0][0] = 'changed';
    expect(range.getValues()).toEqual([['a', 'b']]);
    expect(range.getValues()).not.toBe(range.getValues());
  });

  it('setValue fills every cell of the range and getValue reads the top-left one', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('B2:C3').setValue('x');
    expect(range.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(sheet.getRange('B2:C3').getCell(2, 2).getA1Notation()).toBe('C3');
    expect(sheet.getRange('B2').offset(1, 1, 2, 3).getA1Notation()).toBe('C3:E4');
  });
});

describe('formats', () => {
  it('normalises colours to lower-case hex and has Sheets defaults', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:C1');
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff', '#ffffff']]);
    expect(range.getFontColor()).toBe('#000000');
    expect(range.getFontWeight()).toBe('normal');
    expect(range.getFontStyle()).toBe('normal');
    range.setBackgrounds([['#FF0000', 'orange', 'white']]);
    range.setFontColors([['#ABC', null, 'Black']]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffa500', '#ffffff']]);
    expect(range.getFontColors()).toEqual([['#aabbcc', '#000000', '#000000']]);
  });

  it('applies number formats to display values', () => {
    const { sheet } = newDocument();
    const cells = sheet.getRange('A1:D1').setValues([[1234.5, 0.256, -2.5, 45000]]);
    cells.setNumberFormats([['#,##0.00', '0.0%', '"$"#,##0.00', 'yyyy-mm-dd']]);
    expect(cells.getDisplayValues()).toEqual([['1,234.50', '25.6%', '-$2.50', '2023-03-15']]);
    expect(cells.getValues()[0][3]).toBeInstanceOf(Date);
  });

  it('keeps notes separately from values and clears them on demand', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:B1').setNotes([['first', null]]);
    range.setValues([['v', 'w']]);
    expect(range.getNotes()).toEqual([['first', '']]);
    range.clearContent();
    expect(range.getNote()).toBe('first');
    range.clearNote();
    expect(range.getNotes()).toEqual([['', '']]);
  });

  it('clear() removes contents and formats but not notes', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1').setValue(3).setBackground('red').setNote('n');
    range.clear({ contentsOnly: true });
    expect([range.getValue(), range.getBackground()]).toEqual(['', '#ff0000']);
    range.clear();
    expect([range.getBackground(), range.getNote()]).toEqual(['#ffffff', 'n']);
  });
});

describe('merges', () => {
  it('keep the top-left value only and read covered cells as empty', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:B2').setValues([
      ['keep', 'lost'],
      ['lost', 'lost'],
    ]);
    range.merge();
    expect(range.getValues()).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
    sheet.getRange('B2').setValue('hidden');
    expect(sheet.getRange('B2').getValue()).toBe('');
    range.breakApart();
    expect(range.getValues()).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
  });

  it('refuse to merge or unmerge over part of an existing merge', () => {
    const { sheet } = newDocument();
    sheet.getRange('A1:B2').merge();
    const partial = 'You must select all cells in a merged range to merge or unmerge them.';
    expect(thrown(() => sheet.getRange('B1:C3').merge()).message).toBe(partial);
    expect(thrown(() => sheet.getRange('A1').breakApart()).message).toBe(partial);
    sheet.getRange('A1:C3').merge();
    expect(
      sheet
        .getRange('C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C3']);
  });

  it('mergeAcross merges each row and mergeVertically each column', () => {
    const { sheet } = newDocument();
    sheet.getRange('A1:C2').mergeAcross();
    sheet.getRange('E1:F3').mergeVertically();
    expect(
      sheet
        .getRange('A1:F3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1', 'A2:C2', 'E1:E3', 'F1:F3']);
    expect(sheet.getRange('D1').isPartOfMerge()).toBe(false);
    expect(sheet.getRange('A2').isPartOfMerge()).toBe(true);
  });
});
