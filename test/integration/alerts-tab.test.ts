/**
 * The Alerts tab keeps a week of entries and at most 1,000, pruned like History: each refresh that
 * logs adds its rows on top and drops what is too old or too many. t0 is 18 Nov 2026, 12:06:40 in
 * the spreadsheet's Europe/Paris, so the week starts 11 Nov 12:07:40 at t0+60.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { at, LONGEST_WAIT_30, openAlerts, type Setup, SUPPORT, twoLines } from '../alerts/wallboard';

const HEADER = ['Time', 'Rule', 'Line or team', 'Value', 'Channel', 'Outcome'];
const seeded = (time: string, count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => [time, `${tag} ${i + 1}`, 'Support', '1 s', 'Email', 'sent']);

describe('the Alerts tab is pruned', () => {
  let s: Setup;
  let afterAgePrune: string[][];
  let afterCountPrune: string[][];
  /** Replaces the tab's entries by `rows` (below the header), as earlier refreshes would have left them. */
  const seed = (rows: string[][]) =>
    s.wb.runtime.runSnippet(`(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getSheetByName('Alerts') || ss.insertSheet('Alerts');
      if (sheet.getLastRow() > 1) sheet.deleteRows(2, sheet.getLastRow() - 1);
      sheet.getRange(1, 1, 1, 6).setValues([${JSON.stringify(HEADER)}]);
      const rows = ${JSON.stringify(rows)};
      const missing = rows.length + 1 - sheet.getMaxRows();
      if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
      sheet.getRange(2, 1, rows.length, 6).setNumberFormat('@');
      sheet.getRange(2, 1, rows.length, 6).setValues(rows);
    })()`);

  beforeAll(async () => {
    s = await openAlerts(
      twoLines([
        { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
        { atMs: at(100), type: 'answer', callId: 1, userId: 1 },
      ]),
    );
    s.saveAlerts({ rules: [LONGEST_WAIT_30], emailTo: 'supervisor@example.com' });
    seed([...seeded('2026-11-18 11:00:00', 5, 'recent'), ...seeded('2026-11-05 09:00:00', 5, 'old')]);
    await s.refreshAt(60); // Support starts: one entry.
    afterAgePrune = s.alertRows();
    seed(seeded('2026-11-18 11:00:00', 1_200, 'recent'));
    await s.refreshAt(120); // Support clears: one entry.
    afterCountPrune = s.alertRows();
  }, 120_000);
  afterAll(() => s?.close());

  it('drops entries older than a week', () => {
    expect(afterAgePrune.map((row) => row[1])).toEqual([
      'Started: Longest wait above 30 s',
      'recent 1',
      'recent 2',
      'recent 3',
      'recent 4',
      'recent 5',
    ]);
  });

  it('keeps the newest 1,000 entries', () => {
    expect(afterCountPrune).toHaveLength(1_000);
    expect(afterCountPrune[0][1]).toBe('Cleared: Longest wait above 30 s');
    expect(afterCountPrune[0][2]).toBe('Support');
    expect(afterCountPrune[999][1]).toBe('recent 999');
  });
});
