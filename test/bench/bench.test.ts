import { beforeAll, describe, expect, it } from '@jest/globals';
import { type BenchResult, runBench } from '../../bench/bench';
import { operationRows, toMarkdown } from '../../bench/report';
import { MAX_STEADY_SPREADSHEET_CALLS } from '../../bench/targets';

// Keeps `npm run bench` working: the whole bench at the small preset. No timed assertions.
describe('the bench at the small preset', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBench({ presets: ['small'], steadyRefreshes: 2, aggregationRuns: 1 });
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
    const spreadsheetTarget = result.targets.find((t) => t.target.startsWith('Spreadsheet calls'));
    expect(spreadsheetTarget?.pass).toBe(true);
  });

  it('gives every modeled figure as optimistic–pessimistic, and a day of refreshes against both quotas', () => {
    const { steadyRefresh } = result.presets[0];
    expect(steadyRefresh.optimisticMs).toBeGreaterThan(0);
    expect(steadyRefresh.optimisticMs).toBeLessThan(steadyRefresh.modeledMs);
    expect(steadyRefresh.urlFetchCalls).toBe(steadyRefresh.aircallRequests);
    const markdown = toMarkdown(result);
    expect(markdown).toContain(`| small | ${(steadyRefresh.aircallRequests * 1_440).toLocaleString('en-US')} |`);
    const quotaTargets = result.targets.filter((t) => t.target.startsWith('UrlFetch calls per day'));
    expect(quotaTargets.map((t) => t.target)).toEqual([
      'UrlFetch calls per day ≤ 20,000 at small, refresh every minute',
      'UrlFetch calls per day ≤ 100,000 at small, refresh every minute',
    ]);
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
