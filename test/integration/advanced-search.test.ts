/**
 * Advanced Search over a full day as the sidebar runs it: the built server function called with
 * its cursor until it is null, the page waiting whenever the server says Aircall's rate limit is
 * used up. The small call center makes ~5,000 calls a day: more than one minute of budget at 60/min.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APPS_SCRIPT_LATENCY } from '../../local/runtime/index';
import type { Call } from '../../src/aircall/types';
import { toCallCard } from '../../src/calls/call-card';
import { EXPORT_HEADER, exportRows } from '../../src/calls/export';
import { matchesCriteria } from '../../src/calls/search';
import {
  type AdvancedSearchChunk,
  type AdvancedSearchCriteria,
  EXPORT_ROWS_PER_CALL,
  type ExportCell,
  type ExportResult,
} from '../../src/sidebar-contract';
import { sidebarCalls } from '../fixtures/sidebar-calls';
import { openWallboard, type Wallboard } from '../support/wallboard';

const DAY_SEC = 86_400;
const sampleCard = toCallCard(sidebarCalls(1_700_000_000)[0], { formatTime: String, nowSec: 1_700_000_000 });
let wb: Wallboard;

beforeAll(async () => {
  wb = await openWallboard({
    preset: 'small',
    seed: 8,
    rateLimit: 60,
    runtime: { latencyProfile: APPS_SCRIPT_LATENCY },
  });
});
afterAll(async () => {
  await wb?.close();
});

/** What the sidebar does: chunk after chunk, waiting out the rate limit when told to. */
async function searchToTheEnd(criteria: AdvancedSearchCriteria) {
  const chunks: AdvancedSearchChunk[] = [];
  const executions: { clockMs: number; modeledMs: number }[] = [];
  let cursor: string | null = null;
  do {
    const modeledBefore = wb.runtime.modeledMs;
    const chunk: AdvancedSearchChunk = wb.runtime.callFromClient('advancedSearch', [criteria, cursor]);
    const run = wb.runtime.executions.at(-1)!;
    executions.push({ clockMs: run.endMs! - run.startMs, modeledMs: wb.runtime.modeledMs - modeledBefore });
    chunks.push(chunk);
    cursor = chunk.cursor;
    if (cursor && chunk.resumeInSec) await wb.sim.advance(chunk.resumeInSec * 1000);
  } while (cursor !== null && chunks.length < 100);
  return { chunks, executions, ids: chunks.flatMap((c) => c.calls.map((card) => card.id)) };
}

describe('Advanced Search over a full day at 60 requests a minute', () => {
  it('finds exactly the matching calls across resumable chunks, never tripping the rate limit', async () => {
    await wb.sim.resetRequests();
    const nowSec = Math.floor((await wb.sim.nowMs()) / 1000);
    // Ending an hour ago: every call in the period is over, so the truth read later agrees with the fetch.
    const criteria: AdvancedSearchCriteria = { fromSec: nowSec - DAY_SEC, toSec: nowSec - 3600, missed: 'any_missed' };
    const { chunks, executions, ids } = await searchToTheEnd(criteria);

    const truth = (await wb.sim.truth()).calls as Call[];
    const expected = truth.filter((call) => matchesCriteria(call, criteria)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(100);
    expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect(chunks.at(-1)!.totalMatches).toBe(expected.length);

    // More than a minute of budget: the search had to wait, chunk by chunk, and said how far it was.
    const requests = await wb.sim.requests();
    const callPages = requests.filter((r) => r.path === '/v1/calls' && r.status === 200);
    expect(callPages.length).toBeGreaterThan(60);
    expect(chunks.filter((c) => c.resumeInSec !== null).length).toBeGreaterThanOrEqual(1);
    // Aircall states its limit only on a 429: at most one probe past the assumed 60 (docs/aircall-notes.md).
    expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(10);
    const last = chunks.at(-1)!.progress;
    expect(last.done).toBe(last.total);
    expect(last.done).toBe(callPages.length);
    for (const [i, chunk] of chunks.slice(1).entries())
      expect(chunk.progress.done).toBeGreaterThanOrEqual(chunks[i].progress.done);

    // Each execution is a small share of Apps Script's 6 minutes, even with modeled latency.
    for (const run of executions) {
      expect(run.clockMs).toBeLessThan(45_000);
      expect(run.modeledMs).toBeLessThan(60_000);
    }
  });

  it('narrows the fetch with /v1/calls/search for one agent and a direction', async () => {
    await wb.sim.resetRequests();
    const nowSec = Math.floor((await wb.sim.nowMs()) / 1000);
    const truth = (await wb.sim.truth()).calls as Call[];
    const agent = truth.find((c) => c.user && c.direction === 'outbound')!.user!.id;
    const criteria: AdvancedSearchCriteria = {
      fromSec: nowSec - DAY_SEC,
      toSec: nowSec - 3600,
      userIds: [agent],
      direction: 'outbound',
    };
    const { ids } = await searchToTheEnd(criteria);
    const expected = truth.filter((call) => matchesCriteria(call, criteria)).map((c) => c.id);
    expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    const requests = await wb.sim.requests();
    expect(requests.filter((r) => r.path === '/v1/calls')).toEqual([]);
    expect(requests.filter((r) => r.path === '/v1/calls/search').length).toBeLessThanOrEqual(
      Math.ceil(expected.length / 50) + 1,
    );
  });

  it('refuses a cursor that was altered or belongs to another search', () => {
    const criteria = { fromSec: 1_000, toSec: 2_000 };
    expect(() => wb.runtime.callFromClient('advancedSearch', [criteria, '{"v":1,"parts":[]}'])).toThrow(
      'This search can no longer be continued. Please start it again.',
    );
  });

  /** What the sidebar does on Export: the rows in chunks of EXPORT_ROWS_PER_CALL, appended to one tab. */
  function exportAll(rows: ExportCell[][]): ExportResult {
    let result: ExportResult = { sheetName: '', rows: 0 };
    for (let at = 0; at < rows.length; at += EXPORT_ROWS_PER_CALL) {
      const sheetName: string | null = at === 0 ? null : result.sheetName;
      result = wb.runtime.callFromClient<ExportResult>('exportCallsToSheet', [
        { sheetName, rows: rows.slice(at, at + EXPORT_ROWS_PER_CALL) },
      ]);
    }
    return result;
  }

  it('exports 5,000 calls in one run: figures as numbers and dates, Aircall text as literal text', async () => {
    const truth = ((await wb.sim.truth()).calls as Call[]).filter((call) => call.ended_at !== null);
    expect(truth.length).toBeGreaterThanOrEqual(2_500);
    const nowSec = Math.floor((await wb.sim.nowMs()) / 1000);
    // A day of the small center's calls, taken twice over if needed to make 5,000 rows.
    const cards = Array.from({ length: 5_000 }, (_, i) =>
      toCallCard(truth[i % truth.length], { formatTime: String, nowSec }),
    );
    // Text from Aircall that a sheet would otherwise turn into a formula, a number or a date.
    const hostile = ['=HYPERLINK("https://evil.example","x")', '00123', '+33 6 12 34 56 78', '2024-06-01'];
    hostile.forEach((text, i) => {
      cards[i] = { ...cards[i], agent: text, comments: [text], tags: [text] };
    });
    wb.runtime.resetCounters();

    const result = exportAll(exportRows(cards));

    expect(result.rows).toBe(5_000);
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setValues')).toBe(3);
    const tab = wb.runtime.spreadsheet.snapshot(result.sheetName);
    expect(tab.values).toHaveLength(5_001);
    expect(tab.maxRows).toBeGreaterThanOrEqual(5_001);
    expect(tab.frozenRows).toBe(1);
    expect(tab.displayValues[0]).toEqual(EXPORT_HEADER);
    const col = (name: string) => EXPORT_HEADER.indexOf(name);
    for (const [i, card] of cards.entries()) {
      const row = tab.values[i + 1];
      expect(row[col('Call ID')]).toBe(card.id);
      expect(row[col('Duration (s)')]).toBe(card.durationSec);
      expect(row[col('Wait (s)')]).toBe(card.waitSec);
      expect(row[col('Started')]).toBe(new Date(card.startedAtSec * 1000).toISOString());
      expect(row[col('External number')]).toBe(card.externalNumber);
    }
    expect(tab.displayValues[1][col('Started')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    hostile.forEach((text, i) => {
      for (const name of ['Agent', 'Tags', 'Comments']) {
        expect(tab.values[i + 1][col(name)]).toBe(text);
        expect(tab.displayValues[i + 1][col(name)]).toBe(text);
      }
    });
    expect(tab.formulas.flat().filter(Boolean)).toEqual([]);
    // =AVERAGE and charts skip text: every exported duration must be a number.
    const durations = tab.values.slice(1).map((row) => row[col('Duration (s)')]);
    expect(durations.every((d) => typeof d === 'number')).toBe(true);
  });

  it('leaves no empty tab when the first write fails, and says why', () => {
    const tabs = () => wb.runtime.spreadsheet.sheetNames().filter((name) => name.startsWith('Calls '));
    const before = tabs();
    // A workbook close to Google Sheets' 10 million cells: a new tab (1,000 × 26) fits, growing it to 2,001 rows does not.
    wb.runtime.runSnippet(`(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
      const filler = ss.insertSheet('Filler');
      filler.insertColumnsAfter(26, Math.floor((10000000 - used - 26000 - 13000) / 1000) - 26);
    })()`);
    const cards = [1, 2].map((id) => ({ ...sampleCard, id }));
    const rows = Array.from({ length: EXPORT_ROWS_PER_CALL }, (_, i) => exportRows(cards)[i % 2]);
    expect(() => wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: null, rows }])).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(tabs()).toEqual(before);
    wb.runtime.runSnippet(
      `SpreadsheetApp.getActiveSpreadsheet().deleteSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Filler'))`,
    );
  });

  it('refuses to write anywhere but its own export tab, or rows that are not export rows', () => {
    const row = exportRows([sampleCard])[0];
    const tabsBefore = wb.runtime.spreadsheet.sheetNames();
    expect(() =>
      wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: 'Activity Tracker', rows: [row] }]),
    ).toThrow(/could not be read/);
    expect(() =>
      wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: null, rows: [['too', 'short']] }]),
    ).toThrow(/could not be read/);
    expect(() =>
      wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: 'Calls 2001-01-01 00.00.00', rows: [row] }]),
    ).toThrow('The tab "Calls 2001-01-01 00.00.00" is gone. Please export again.');
    expect(wb.runtime.spreadsheet.sheetNames()).toEqual(tabsBefore);
  });
});
