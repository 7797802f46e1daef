import { describe, expect, it } from '@jest/globals';
import { newDocument, typed } from './fixture.js';

describe('strings written with setValue(s) are read as if typed (USER_ENTERED)', () => {
  it.each([
    ['00123', 123, '123'],
    ['1e3', 1000, '1000'],
    ['2.000', 2, '2'],
    ['1,000,000', 1000000, '1,000,000'],
    ['$2.99', 2.99, '$2.99'],
    ['+33611113333', 33611113333, '33611113333'],
    ['-5', -5, '-5'],
    ['50%', 0.5, '50%'],
  ])('%s becomes the number %s shown as %s', (input, value, display) => {
    const [cell] = typed([input]);
    expect(cell).toEqual({ value, display, formula: '' });
  });

  it('keeps booleans typed in any case', () => {
    expect(typed(['TRUE', 'false']).map((c) => c.value)).toEqual([true, false]);
  });

  it('stores "=…" as a formula, including HYPERLINK', () => {
    const [link, sum] = typed(['=HYPERLINK("https://x.test","Open")', '=1+2']);
    expect(link).toEqual({ value: 'Open', display: 'Open', formula: '=HYPERLINK("https://x.test","Open")' });
    expect(sum).toEqual({ value: 3, display: '3', formula: '=1+2' });
  });

  it('turns a phone number with spaces and a leading + into a broken formula', () => {
    const [phone] = typed(['+33 6 11 11 33 33']);
    expect(phone.display).toBe('#ERROR!');
    expect(phone.value).toBe('#ERROR!');
    expect(phone.formula).toBe('=+33 6 11 11 33 33');
  });

  it('treats a leading "-" on text as a formula too', () => {
    expect(typed(['-abc'])[0].display).toBe('#ERROR!');
  });

  it('shows #ERROR! for formulas the local runtime cannot evaluate', () => {
    expect(typed(['=SUM(A2:A3', '=NOSUCH(1)'])).toEqual([
      { value: '#ERROR!', display: '#ERROR!', formula: '=SUM(A2:A3' },
      { value: '#ERROR!', display: '#ERROR!', formula: '=NOSUCH(1)' },
    ]);
  });

  it('reads ISO dates and times as dates in the spreadsheet time zone', () => {
    const [day, time] = typed(['2024-01-15', '10:30']);
    expect(day.value).toBeInstanceOf(Date);
    expect((day.value as Date).toISOString()).toBe('2024-01-14T23:00:00.000Z'); // midnight in Paris
    expect(day.display).toBe('2024-01-15');
    expect(time.value).toBeInstanceOf(Date);
    expect(time.display).toBe('10:30');
  });

  it('reads slash dates in the locale order and leaves impossible ones as text', () => {
    expect(typed(['1/15/2024', '15/01/2024']).map((c) => c.display)).toEqual(['1/15/2024', '15/01/2024']);
    expect(typed(['15/01/2024'])[0].value).toBe('15/01/2024');
    const [french] = typed(['15/01/2024'], { locale: 'fr_FR' });
    expect(french.value).toBeInstanceOf(Date);
  });

  it('uses the locale decimal comma', () => {
    expect(typed(['1,5'], { locale: 'fr_FR' })[0].value).toBe(1.5);
    expect(typed(['1,5'])[0].value).toBe('1,5');
  });

  it('keeps text after an apostrophe, without the apostrophe', () => {
    expect(typed(["'00123", "'=1+2"])).toEqual([
      { value: '00123', display: '00123', formula: '' },
      { value: '=1+2', display: '=1+2', formula: '' },
    ]);
  });

  it('stores JS values as they are and empties cells for "" and null', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:E1');
    range.setValues([['x', 12.5, true, null, '']]);
    expect(range.getValues()).toEqual([['x', 12.5, true, '', '']]);
    range.setValues([[null, '', undefined, 0, false]]);
    expect(range.getValues()).toEqual([['', '', '', 0, false]]);
    expect(sheet.getLastColumn()).toBe(5);
  });

  it('stores a JS Date as a date cell', () => {
    const { sheet } = newDocument();
    const when = new Date('2024-03-01T08:15:00Z');
    sheet.getRange('A1').setValue(when);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2024 9:15:00');
  });
});

describe("plain-text format '@'", () => {
  it('set before writing keeps the exact string', () => {
    const { sheet } = newDocument();
    const range = sheet.getRange('A1:C1');
    range.setNumberFormat('@');
    range.setValues([['00123', '=1+2', '+33 6 11 11 33 33']]);
    expect(range.getValues()).toEqual([['00123', '=1+2', '+33 6 11 11 33 33']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  it("accepts '@STRING@' and survives a switch back to automatic", () => {
    const { sheet } = newDocument();
    const cell = sheet.getRange('B2').setNumberFormat('@STRING@').setValue('007');
    cell.setNumberFormat('General');
    expect(cell.getValue()).toBe('007');
  });

  it('set after writing does not bring the lost zeros back', () => {
    const { sheet } = newDocument();
    const cell = sheet.getRange('A1').setValue('00123');
    cell.setNumberFormat('@');
    expect(cell.getValue()).toBe(123);
    expect(cell.getDisplayValue()).toBe('123');
  });
});

describe('rich text', () => {
  it('stores text as text, with its link', () => {
    const { app, sheet } = newDocument();
    const rich = app.newRichTextValue().setText('00123').setLinkUrl('https://x.test').build();
    const cell = sheet.getRange('A1').setRichTextValue(rich);
    expect(cell.getValue()).toBe('00123');
    expect(cell.getRichTextValue()?.getLinkUrl()).toBe('https://x.test');
  });

  it('returns null rich text for a number cell', () => {
    const { sheet } = newDocument();
    expect(sheet.getRange('A1').setValue(5).getRichTextValue()).toBeNull();
    expect(sheet.getRange('A2').setValue('five').getRichTextValue()?.getText()).toBe('five');
  });
});
