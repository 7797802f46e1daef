/** One measured unit of work (a refresh, the whole mapping, one search): its cost in Apps Script terms. */
import type { Simulator } from '../local/aircall-sim/index';
import type { Runtime } from '../local/runtime/index';
import { type ClockProbe, type cellCounter, cpuMsSince, type HeapHighWater } from './probes';
import type { StatusAges } from './status-age';

export interface RunMetrics {
  /** Apps Script executions the work took (the mapping continues over several). */
  executions: number;
  /** HTTP requests the simulated Aircall received. */
  aircallRequests: number;
  /** UrlFetch requests sent, each request of a fetchAll counted (what the daily UrlFetch quota counts). */
  urlFetchCalls: number;
  spreadsheetCalls: number;
  cacheCalls: number;
  propertiesCalls: number;
  cellsWritten: number;
  cpuMs: number;
  peakHeapMb: number;
  /** The estimated Apps Script wall time, pessimistic profile: modeled service time plus waits. */
  modeledMs: number;
  /** The same calls under the optimistic profile, plus the same waits. */
  optimisticMs: number;
  /** Part of modeledMs spent sleeping: rate-limit waits, retry backoff, lock waits. */
  waitedMs: number;
  /** Every counted call by qualified name ("SpreadsheetApp.Range.setValues"), for the JSON. */
  byMethod: Record<string, number>;
  /** Errors of executions that failed. */
  errors: string[];
  /** The longest of its executions, on the runtime's clock (pessimistic), against the 6-minute limit. */
  longestExecutionMs: number;
  /**
   * Refreshes only: age in seconds of the oldest agent status the board shows, at the refresh's
   * last availability read (status-age.ts); null when it read none (it shared a recent refresh).
   */
  oldestStatusAgeSec?: number | null;
}

export interface Probes {
  runtime: Runtime;
  sim: Simulator;
  cells: ReturnType<typeof cellCounter>;
  heap: HeapHighWater;
  clock: ClockProbe;
  statusAges: StatusAges;
}

export async function measure(
  probes: Probes,
  work: () => void | Promise<void>,
  options: { refresh?: boolean } = {},
): Promise<RunMetrics> {
  const { runtime, sim, cells, heap } = probes;
  const firstExecution = runtime.executions.length;
  runtime.resetCounters();
  await sim.resetRequests();
  cells.reset();
  heap.restart();
  const cpuStart = process.cpuUsage();
  await work();
  const cpuMs = cpuMsSince(cpuStart);
  heap.sample();
  const waitedMs = runtime.sleptMs;
  const executions = runtime.executions.slice(firstExecution);
  const { counters } = runtime;
  const requests = await sim.requests();
  const oldestStatusAgeSec = probes.statusAges.record(requests);
  return {
    executions: executions.length,
    aircallRequests: requests.length,
    urlFetchCalls: counters.byMethod.get('UrlFetchApp.request') ?? 0,
    spreadsheetCalls: counters.total('SpreadsheetApp'),
    cacheCalls: counters.total('CacheService'),
    propertiesCalls: counters.total('PropertiesService'),
    cellsWritten: cells.read(),
    cpuMs,
    peakHeapMb: heap.peakMb,
    modeledMs: runtime.modeledMs + waitedMs,
    optimisticMs: runtime.shadowModeledMs + waitedMs,
    waitedMs,
    byMethod: counters.toJSON(),
    errors: executions.flatMap((e) => (e.error ? [`${e.name}: ${e.error}`] : [])),
    longestExecutionMs: Math.max(0, ...executions.map((e) => (e.endMs ?? e.startMs) - e.startMs)),
    ...(options.refresh ? { oldestStatusAgeSec } : {}),
  };
}

/** The run with the median modeled time, so its figures stay consistent with one another. */
export function medianRun(runs: RunMetrics[]): RunMetrics {
  const sorted = [...runs].sort((a, b) => a.modeledMs - b.modeledMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
