import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { type BenchResult, runBench } from '../../bench/bench';
import { dailyFigures } from '../../bench/daily';
import { snapshotDist } from '../../bench/dist-snapshot';
import { LIVE_MODE_SEC } from '../../bench/preset';
import { operationRows, toMarkdown } from '../../bench/report';
import { MAX_STEADY_SPREADSHEET_CALLS } from '../../bench/targets';

// Keeps `npm run bench` working: the whole bench at the small preset. No timed assertions.
describe('the bench at the small preset', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBench({ presets: ['small'], steadyRefreshes: 2, liveMinutes: 1, aggregationRuns: 1 });
  }, 120_000);

  it('measures a cold and a steady-state refresh in Apps Script terms', () => {
    const [small] = result.presets;
    expect(small.preset).toBe('small');
    for (const refresh of [small.coldRefresh, small.steadyRefresh, small.liveRefresh]) {
      expect(refresh.errors).toEqual([]);
      expect(refresh.executions).toBe(1);
      expect(refresh.aircallRequests).toBeGreaterThan(0);
      expect(refresh.cellsWritten).toBeGreaterThan(0);
      expect(refresh.modeledMs).toBeGreaterThan(0);
      expect(refresh.peakHeapMb).toBeGreaterThan(0);
    }
    // The first refresh also creates History's tabs and charts; a steady one only writes.
    expect(small.steadyRefresh.spreadsheetCalls).toBeLessThanOrEqual(MAX_STEADY_SPREADSHEET_CALLS);
    expect(small.steadyRefresh.spreadsheetCalls).toBeLessThan(small.coldRefresh.spreadsheetCalls);
    // Warm caches spare the directory requests a cold refresh makes.
    expect(small.steadyRefresh.aircallRequests).toBeLessThan(small.coldRefresh.aircallRequests);
  });

  it('measures every refresh of an open Live mode sidebar, and the trigger sharing its refresh meanwhile', () => {
    const { liveWindow, steadyRuns } = result.presets[0];
    expect(liveWindow.ticks).toHaveLength(60 / LIVE_MODE_SEC);
    expect(liveWindow.ticks.every((tick) => tick.urlFetchCalls > 0 && tick.errors === 0)).toBe(true);
    // The trigger fires 10 s after a tick: it shares that refresh and reads nothing from Aircall.
    expect(liveWindow.triggerRuns).toHaveLength(1);
    expect(liveWindow.triggerRuns[0]).toMatchObject({ urlFetchCalls: 0, aircallRequests: 0, oldestStatusAgeSec: null });
    const ticksFetches = liveWindow.ticks.reduce((total, tick) => total + tick.urlFetchCalls, 0);
    const meanSteady = steadyRuns.reduce((total, run) => total + run.urlFetchCalls, 0) / steadyRuns.length;
    expect(dailyFigures(result.presets[0]).urlFetchCallsWithLiveMode).toBe(
      Math.round(16 * 60 * meanSteady + 8 * 60 * ticksFetches),
    );
  });

  it('shows the age of the oldest agent status at each refresh: every status read at 20 agents', () => {
    const small = result.presets[0];
    expect(small.coldRefresh.oldestStatusAgeSec).toBe(0);
    for (const run of [...small.steadyRuns, ...small.liveWindow.ticks]) expect(run.oldestStatusAgeSec).toBe(0);
    expect(small.mapping.oldestStatusAgeSec).toBeUndefined();
  });

  it('runs a whole day of Advanced Search, chunk after chunk, to its end', () => {
    const search = result.presets[0].advancedSearch;
    expect(search.errors).toEqual([]);
    expect(search.complete).toBe(true);
    expect(search.calls).toBeGreaterThan(1_000);
    expect(search.chunks).toBe(search.executions);
    expect(search.longestExecutionMs).toBeGreaterThan(0);
    expect(search.longestExecutionMs).toBeLessThan(6 * 60_000);
    expect(operationRows(result).map((row) => row.Operation)).toContain(
      `Advanced Search, 24 h (${search.calls.toLocaleString('en-US')} calls, ${search.chunks} chunks)`,
    );
  });

  it('maps users to numbers to completion without being rate limited', () => {
    const { mapping } = result.presets[0];
    expect(mapping.done).toBe(true);
    expect(mapping.rateLimited).toBe(0);
    expect(mapping.aircallRequests).toBeGreaterThan(0);
  });

  it('aggregates 10,000 calls for 1,000 agents', () => {
    expect(result.aggregation).toMatchObject({ calls: 10_000, agents: 1_000 });
    expect(result.aggregation.cpuMs).toBeGreaterThan(0);
  });

  it('checks only the targets of the presets that ran, with a verdict each', () => {
    const names = result.targets.map((t) => t.target);
    expect(names.some((n) => n.includes('at small'))).toBe(true);
    expect(names.some((n) => n.includes('medium') || n.includes('large'))).toBe(false);
    expect(result.targets.map((t) => t.source)).toContain('standard');
  });

  it('gives every modeled figure as optimistic–pessimistic, and a day of refreshes against its account kind', () => {
    const { steadyRefresh } = result.presets[0];
    expect(steadyRefresh.optimisticMs).toBeGreaterThan(0);
    expect(steadyRefresh.optimisticMs).toBeLessThan(steadyRefresh.modeledMs);
    expect(steadyRefresh.urlFetchCalls).toBe(steadyRefresh.aircallRequests);
    const markdown = toMarkdown(result);
    expect(markdown).toContain(`| ${(steadyRefresh.aircallRequests * 1_440).toLocaleString('en-US')} |`);
    const quotaTargets = result.targets.filter((t) => t.target.startsWith('UrlFetch calls per day'));
    expect(quotaTargets.map((t) => t.target)).toEqual([
      'UrlFetch calls per day ≤ 20,000 at small, trigger every minute and one Live mode sidebar open 8 h',
    ]);
    expect(markdown).toContain('| small | consumer |');
  });

  it('reports every operation in the markdown, with the machine and a PASS/FAIL per target', () => {
    const markdown = toMarkdown(result);
    expect(operationRows(result)).toHaveLength(5);
    expect(markdown).toContain(result.machine.cpu);
    expect(markdown).toContain(`${result.machine.cores} cores`);
    expect(markdown).toContain(result.machine.node);
    expect(markdown).toContain('120 requests/min');
    for (const target of result.targets) expect(markdown).toContain(`${target.target} |`);
    expect(markdown.match(/\| (PASS|FAIL) \|/g)).toHaveLength(result.targets.length);
  });
});

describe("the bench's copy of the build", () => {
  it('holds every entry point of dist/Code.js, apart from dist/, and goes when done', async () => {
    const snapshot = await snapshotDist();
    const copy = readFileSync(join(snapshot.dir, 'Code.js'), 'utf8');
    expect(copy).toContain('function advancedSearch(...args)');
    expect(existsSync(join(snapshot.dir, 'appsscript.json'))).toBe(true);
    expect(resolve(snapshot.dir)).not.toBe(resolve('dist'));
    snapshot.dispose();
    expect(existsSync(snapshot.dir)).toBe(false);
  });
});
