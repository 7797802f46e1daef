import { describe, expect, it } from '@jest/globals';
import { newDocument } from './fixture.js';

describe('RangeList', () => {
  it('has no merge, no getValues/setValues and no plural setters', () => {
    const { sheet } = newDocument();
    const list = sheet.getRangeList(['A1:B1', 'D4']) as unknown as Record<string, () => unknown>;
    for (const method of ['merge', 'mergeAcross', 'setValues', 'getValues', 'setBackgrounds']) {
      expect(() => list[method]()).toThrow(TypeError);
    }
  });

  it('applies single-value setters to every range', () => {
    const { sheet } = newDocument();
    const list = sheet.getRangeList(['A1:B1', 'D4']);
    list.setValue('x').setBackground('yellow').setFontWeight('bold').setNote('n');
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'D4']);
    expect(sheet.getRange('A1:D4').getValues()[0]).toEqual(['x', 'x', '', '']);
    expect(sheet.getRange('D4').getBackground()).toBe('#ffff00');
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('D4').getNote()).toBe('n');
  });

  it('draws borders on each range with colour and style', () => {
    const { app, model, sheet } = newDocument();
    sheet
      .getRangeList(['A1:B2', 'D1'])
      .setBorder(true, true, true, true, null, null, 'red', app.BorderStyle.SOLID_MEDIUM);
    const edge = { color: '#ff0000', style: 'SOLID_MEDIUM' };
    const { borders } = model.snapshot('Sheet1');
    expect(borders[0][0]).toEqual({ top: edge, left: edge, bottom: null, right: null });
    expect(borders[1][1]).toEqual({ top: null, left: null, bottom: edge, right: edge });
    expect(borders[0][3]).toEqual({ top: edge, left: edge, bottom: edge, right: edge });
    // C1 sits between B1's right line and D1's left line: each line is shared by both cells.
    expect(borders[0][2]).toEqual({ top: null, left: edge, bottom: null, right: edge });
  });
});

describe('Range.setBorder', () => {
  it('draws inner lines, leaves null sides alone and removes false sides', () => {
    const { model, sheet } = newDocument();
    const range = sheet.getRange('A1:B2');
    range.setBorder(true, true, true, true, true, true);
    const solid = { color: '#000000', style: 'SOLID' };
    expect(model.snapshot('Sheet1').borders[0][0]).toEqual({ top: solid, left: solid, bottom: solid, right: solid });
    range.setBorder(null, null, null, null, false, null);
    expect(model.snapshot('Sheet1').borders[0][0]).toEqual({ top: solid, left: solid, bottom: solid, right: null });
    sheet.getRange('A2').setBorder(false, null, null, null, null, null);
    expect(model.snapshot('Sheet1').borders[0][0]?.bottom).toBeNull();
  });
});
