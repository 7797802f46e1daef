/**
 * Advanced Search over a full day as the sidebar runs it: the built server function called with
 * its cursor until it is null, the page waiting whenever the server says Aircall's rate limit is
 * used up. The small call center makes ~8,600 calls a day: more than one minute of budget at 60/min.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APPS_SCRIPT_LATENCY } from '../../local/runtime/index';
import type { Call } from '../../src/aircall/types';
import { exportRows } from '../../src/calls/export';
import { matchesCriteria } from '../../src/calls/search';
import type { AdvancedSearchChunk, AdvancedSearchCriteria, ExportResult } from '../../src/sidebar-contract';
import { openWallboard, type Wallboard } from '../support/wallboard';

const DAY_SEC = 86_400;
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
    const callPages = requests.filter((r) => r.path === '/v1/calls');
    expect(callPages.length).toBeGreaterThan(60);
    expect(chunks.filter((c) => c.resumeInSec !== null).length).toBeGreaterThanOrEqual(2);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
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

  it('exports rows in chunks to one tab, as text, with one write per chunk', () => {
    const header = exportRows([])[0];
    const row = (id: string, agent: string) => header.map((_, i) => (i === 0 ? id : i === 3 ? agent : '+33 6 12'));
    wb.runtime.resetCounters();
    const first = wb.runtime.callFromClient<ExportResult>('exportCallsToSheet', [
      { sheetName: null, rows: [row('1', '=HYPERLINK("x")')] },
    ]);
    expect(first.sheetName).toMatch(/^Calls \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d$/);
    expect(first.rows).toBe(1);
    const second = wb.runtime.callFromClient<ExportResult>('exportCallsToSheet', [
      { sheetName: first.sheetName, rows: [row('2', 'Ana'), row('3', 'Chen')] },
    ]);
    expect(second).toEqual({ sheetName: first.sheetName, rows: 3 });
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setValues')).toBe(2);

    const tab = wb.runtime.spreadsheet.snapshot(first.sheetName);
    expect(tab.displayValues).toEqual([header, row('1', '=HYPERLINK("x")'), row('2', 'Ana'), row('3', 'Chen')]);
    expect(tab.formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('refuses to write anywhere but its own export tab, or rows that are not export rows', () => {
    const header = exportRows([])[0];
    const rows = [header.map(() => 'x')];
    expect(() => wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: 'Activity Tracker', rows }])).toThrow(
      /could not be read/,
    );
    expect(() =>
      wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: null, rows: [['too', 'short']] }]),
    ).toThrow(/could not be read/);
    expect(() =>
      wb.runtime.callFromClient('exportCallsToSheet', [{ sheetName: 'Calls 2001-01-01 00.00.00', rows }]),
    ).toThrow('The tab "Calls 2001-01-01 00.00.00" is gone. Please export again.');
  });
});
