import { describe, expect, it } from '@jest/globals';
import { a1, CellGrid, columnLetters } from '../../src/sheet/grid';

describe('A1 notation', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [60, 'BH'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('names column %d %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it('names 0-based cells', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
  });
});

describe('CellGrid', () => {
  it('fills unset cells with the default look and pads to the requested size', () => {
    const grid = new CellGrid();
    grid.set(1, 1, { value: 'x', style: { background: '#006b51', fontColor: '#ffffff', bold: true }, note: 'n' });
    const m = grid.toMatrices(3, 4);
    expect([m.rows, m.columns]).toEqual([3, 4]);
    expect(m.values).toEqual([
      ['', '', '', ''],
      ['', 'x', '', ''],
      ['', '', '', ''],
    ]);
    expect(m.backgrounds[1]).toEqual(['#ffffff', '#006b51', '#ffffff', '#ffffff']);
    expect(m.fontColors[2]).toEqual(['#000000', '#000000', '#000000', '#000000']);
    expect(m.fontWeights[1][1]).toBe('bold');
    expect(m.notes[1]).toEqual(['', 'n', '', '']);
  });
});
