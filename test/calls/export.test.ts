import { describe, expect, it } from '@jest/globals';
import { toCallCard } from '../../src/calls/call-card';
import { EXPORT_HEADER, exportRows, headerCells, readExportRequest, sheetCells } from '../../src/calls/export';
import { HOSTILE, sidebarCalls } from '../fixtures/sidebar-calls';

const NOW = 1_700_000_000;
const cards = sidebarCalls(NOW).map((call) => toCallCard(call, { formatTime: (s) => `at ${s}`, nowSec: NOW }));
const col = (name: string) => EXPORT_HEADER.indexOf(name);

describe('exportRows', () => {
  it('writes one row per call: figures as numbers, Aircall text as text, columns aligned', () => {
    const rows = exportRows(cards);
    expect(rows).toHaveLength(cards.length);
    for (const row of rows) expect(row).toHaveLength(EXPORT_HEADER.length);
    const hostile = rows.find((row) => row[col('Call ID')] === 9002)!;
    expect(hostile[col('Agent')]).toBe(HOSTILE.agent);
    expect(hostile[col('Tags')]).toBe(`${HOSTILE.tag}, connected`);
    expect(hostile[col('Direction')]).toBe('Outbound');
    const missed = rows.find((row) => row[col('Call ID')] === 9003)!;
    expect(missed[col('Missed reason')]).toBe('Caller hung up within seconds');
    expect(missed[col('Answered')]).toBeNull();
    expect(missed[col('Started')]).toBe(NOW - 240);
    expect(typeof missed[col('Duration (s)')]).toBe('number');
    expect(typeof missed[col('External number')]).toBe('string');
  });

  it('writes nothing when nothing was found', () => {
    expect(exportRows([])).toEqual([]);
  });
});

describe('sheetCells', () => {
  it('turns times into dates and empty cells into "", with a number format per column', () => {
    const rows = exportRows(cards);
    const { values, formats } = sheetCells(rows);
    const missed = values[rows.findIndex((row) => row[col('Call ID')] === 9003)];
    expect(missed[col('Started')]).toEqual(new Date((NOW - 240) * 1000));
    expect(missed[col('Answered')]).toBe('');
    expect(formats[0][col('Agent')]).toBe('@');
    expect(formats[0][col('External number')]).toBe('@');
    expect(formats[0][col('Wait (s)')]).toBe('0');
    expect(formats[0][col('Started')]).toBe('yyyy-mm-dd hh:mm:ss');
    expect(headerCells().values[0]).toEqual(EXPORT_HEADER);
  });
});

describe('readExportRequest', () => {
  const row = exportRows(cards)[0];
  const refused = 'The export could not be read. Please search again, then export.';

  it('accepts rows as exportRows makes them, to a new tab or an export tab', () => {
    expect(readExportRequest({ sheetName: null, rows: [row] })).toEqual({ sheetName: null, rows: [row] });
    expect(readExportRequest({ sheetName: 'Calls 2024-06-01 12.00.00 (2)', rows: [] }).rows).toEqual([]);
  });

  it('refuses another tab, a text where a figure belongs, a figure where text belongs, or short rows', () => {
    expect(() => readExportRequest({ sheetName: 'Activity Tracker', rows: [row] })).toThrow(refused);
    const textDuration = row.map((cell, i) => (i === col('Duration (s)') ? '=1/0' : cell));
    expect(() => readExportRequest({ sheetName: null, rows: [textDuration] })).toThrow(refused);
    const numberName = row.map((cell, i) => (i === col('Agent') ? 123 : cell));
    expect(() => readExportRequest({ sheetName: null, rows: [numberName] })).toThrow(refused);
    expect(() => readExportRequest({ sheetName: null, rows: [row.slice(1)] })).toThrow(refused);
    expect(() => readExportRequest(null)).toThrow(refused);
  });
});
