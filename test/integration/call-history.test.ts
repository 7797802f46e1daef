/**
 * Calls › All Users at 1,000 agents: the sidebar's one server call, timed on the runtime's clock with
 * Apps Script's modeled latency, and checked against the simulator's own calls.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APPS_SCRIPT_LATENCY } from '../../local/runtime/index';
import type { Call } from '../../src/aircall/types';
import type { CallHistoryChunk, SearchOptions } from '../../src/sidebar-contract';
import { LARGE_PRESET_START_MS, openWallboard, type Wallboard } from '../support/wallboard';

const PERIOD_MIN = 60;
let wb: Wallboard;

beforeAll(async () => {
  wb = await openWallboard({
    preset: 'large',
    seed: 16,
    form: { activityPeriodMin: PERIOD_MIN },
    runtime: { latencyProfile: APPS_SCRIPT_LATENCY },
  });
  // A running wallboard: the refresh has loaded users, teams and numbers, as the every-minute trigger keeps them.
  wb.runtime.run('refreshFromMenu');
  // The supervisor opens All Users a minute later: Aircall's rate window has turned.
  await wb.sim.advance(60_000);
}, LARGE_PRESET_START_MS);
afterAll(async () => {
  await wb?.close();
});

/** One google.script.run call, and how long its execution took on the runtime's clock. */
function timed<T>(fn: string, args: unknown[] = []): { result: T; ms: number } {
  const result = wb.runtime.callFromClient<T>(fn, args);
  const run = wb.runtime.executions.at(-1)!;
  return { result, ms: run.endMs! - run.startMs };
}

/** Aircall's own answer (the simulator's API, asked directly): the newest page of the period and its count. */
async function newestPage(fromSec: number, toSec: number): Promise<{ ids: number[]; total: number }> {
  const query = new URLSearchParams({ from: String(fromSec), to: String(toSec), order: 'desc', per_page: '50' });
  const response = await fetch(`${wb.sim.url}/v1/calls?${query}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${wb.sim.apiId}:${wb.sim.apiToken}`).toString('base64')}` },
  });
  const body = (await response.json()) as { calls: Call[]; meta: { total: number } };
  return { ids: body.calls.map((call) => call.id), total: body.meta.total };
}

describe('All Users at 1,000 agents', () => {
  it('shows its first cards within 5 s, then the newest 1,000 of a busy hour, and says how many it holds', async () => {
    await wb.sim.resetRequests();
    const first = timed<CallHistoryChunk>('getCallHistory', [{ scope: 'all' }, null]);
    expect(first.ms).toBeLessThan(5_000);
    expect(first.result.calls.length).toBeGreaterThanOrEqual(50);
    expect(first.result.cursor).not.toBeNull();
    expect(first.result.periodText).toMatch(/^Last 60 min — \d[\d,]* calls so far, loading more…$/);

    const chunks = [first];
    while (chunks.at(-1)!.result.cursor !== null && chunks.length < 20)
      chunks.push(timed<CallHistoryChunk>('getCallHistory', [{ scope: 'all' }, chunks.at(-1)!.result.cursor]));
    for (const chunk of chunks) expect(chunk.ms).toBeLessThan(60_000);
    // As the sidebar keeps them: each call once (a page can shift by a call while walked), newest first.
    const byId = new Map(chunks.flatMap((chunk) => chunk.result.calls).map((card) => [card.id, card]));
    const cards = [...byId.values()].sort((a, b) => b.startedAtSec - a.startedAtSec || b.id - a.id);
    expect(cards.length).toBeGreaterThanOrEqual(1_000);
    const starts = cards.map((card) => card.startedAtSec);
    // Twenty-some pages of 50 calls, not the hundreds the whole hour takes.
    const callPages = (await wb.sim.requests()).filter((r) => r.path === '/v1/calls');
    expect(callPages.length).toBeLessThanOrEqual(22);

    const fromSec = Math.min(...starts);
    const toSec = Math.max(...starts);
    const aircall = await newestPage(toSec - PERIOD_MIN * 60, toSec);
    expect(cards.slice(0, 50).map((card) => card.id)).toEqual(aircall.ids);
    expect(aircall.total).toBeGreaterThan(5_000);
    expect(fromSec).toBeGreaterThan(toSec - PERIOD_MIN * 60);
    expect(chunks.at(-1)!.result.periodText).toMatch(
      /^Last 60 min — [\d,]+ calls — showing the newest 1,000 of [\d,]+$/,
    );
  });

  it('opens Advanced Search options from the cache the second time', async () => {
    const first = timed<SearchOptions>('getSearchOptions');
    expect(first.result.users).toHaveLength(1_000);
    await wb.sim.resetRequests();
    const second = timed<SearchOptions>('getSearchOptions');
    expect(await wb.sim.requests()).toEqual([]);
    expect(second.result.users).toEqual(first.result.users);
    expect(second.ms).toBeLessThan(1_000);
    // Namesakes among 1,000 agents each carry a detail: no two entries of the picker read the same.
    expect(new Set(second.result.users.map((user) => user.label)).size).toBe(1_000);
  });
});
