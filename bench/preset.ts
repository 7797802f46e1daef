/**
 * The product at one call-center size, as a supervisor uses it: Setup and Configure, a cold
 * refresh, the every-minute trigger's refreshes, a Live mode sidebar left open a few minutes while
 * the trigger runs, Map Users to Numbers until done, and one Advanced Search over a full day. Same
 * path as test/support/wallboard.ts, with probes attached.
 */
import { type Preset, type Simulator, startSimulator } from '../local/aircall-sim/index';
import {
  createRuntime,
  OPTIMISTIC_LATENCY,
  PESSIMISTIC_LATENCY,
  type Runtime,
  simulatorClock,
} from '../local/runtime/index';
import { DEFAULT_FORM } from '../test/support/wallboard';
import { measure, medianRun, type Probes, type RunMetrics } from './measure';
import { ClockProbe, cellCounter, HeapHighWater } from './probes';
import { StatusAges } from './status-age';

export interface PresetOptions {
  seed: number;
  /** Aircall requests per minute for the whole company. */
  rateLimit: number;
  /** Every-minute trigger refreshes measured after the cold one. */
  steadyRefreshes: number;
  /** Minutes of an open Live mode sidebar, with the trigger still running. */
  liveMinutes: number;
  /** A private copy of dist/ (dist-snapshot.ts). */
  distDir: string;
}

export interface MappingMetrics extends RunMetrics {
  done: boolean;
  /** Aircall answers 429 during the mapping: the product must pace itself under the limit. */
  rateLimited: number;
}

export interface SearchMetrics extends RunMetrics {
  calls: number;
  /** Chunks, each one google.script.run call from the sidebar. */
  chunks: number;
  /** The search reached its end (no cursor left) without a failed chunk. */
  complete: boolean;
}

/** One refresh of a series, in the few figures the day's arithmetic and the targets need. */
export interface RefreshSummary {
  modeledMs: number;
  optimisticMs: number;
  aircallRequests: number;
  urlFetchCalls: number;
  spreadsheetCalls: number;
  /** The writer rewrote the whole board (every 30th refresh, or its cache entry was evicted). */
  fullWrite: boolean;
  /** Null when the run shared a recent refresh and read nothing. */
  oldestStatusAgeSec: number | null;
  errors: number;
}

/** An open Live mode sidebar over `minutes`, ticking every LIVE_MODE_SEC, and the trigger firing meanwhile. */
export interface LiveWindow {
  minutes: number;
  ticks: RefreshSummary[];
  triggerRuns: RefreshSummary[];
  /** Seconds from a tick to the next trigger run (the trigger shares a refresh younger than 15 s). */
  triggerAfterTickSec: number;
}

export interface PresetResult {
  preset: Preset;
  users: number;
  teams: number;
  /** Aircall numbers. */
  lines: number;
  rateLimit: number;
  coldRefresh: RunMetrics;
  /** The median of the steady runs by modeled time. */
  steadyRefresh: RunMetrics;
  /** Every steady run, a minute apart: the mean is what a day of them costs. */
  steadyRuns: RefreshSummary[];
  /** The steady run that rewrote the whole board, if the series reached one. */
  fullWriteRefresh: RunMetrics | null;
  /** The median of the Live mode ticks. */
  liveRefresh: RunMetrics;
  liveWindow: LiveWindow;
  mapping: MappingMetrics;
  advancedSearch: SearchMetrics;
}

const MINUTE_MS = 60_000;
/** Live mode's default interval (src/sidebar-contract.ts LIVE_DEFAULT_SEC). */
export const LIVE_MODE_SEC = 20;
/**
 * Where the trigger falls between two ticks. Apps Script picks the second an every-minute trigger
 * fires; 10 s after a tick it shares the tick's refresh (menu-actions.ts: younger than 15 s).
 */
const TRIGGER_AFTER_TICK_SEC = 10;
const DAY_SEC = 86_400;
const CONTINUE_MAPPING = 'continueMappingFromTrigger';
/** Each execution maps what ~4 min of rate budget allows; far more executions means it does not progress. */
const MAX_MAPPING_EXECUTIONS = 60;
/** A day's search at large takes about 200 chunks; far more means it does not progress. */
const MAX_SEARCH_CHUNKS = 2_000;

export function summarize(run: RunMetrics): RefreshSummary {
  return {
    modeledMs: run.modeledMs,
    optimisticMs: run.optimisticMs,
    aircallRequests: run.aircallRequests,
    urlFetchCalls: run.urlFetchCalls,
    spreadsheetCalls: run.spreadsheetCalls,
    fullWrite: (run.byMethod['SpreadsheetApp.Range.breakApart'] ?? 0) > 0,
    oldestStatusAgeSec: run.oldestStatusAgeSec ?? null,
    errors: run.errors.length,
  };
}

function configure(runtime: Runtime, sim: Simulator): void {
  runtime.run('setupFromMenu');
  const saved = runtime.callFromClient<{ ok: boolean }>('saveSettings', [
    { ...DEFAULT_FORM, apiId: sim.apiId, apiToken: sim.apiToken },
  ]);
  if (!saved.ok) throw new Error(`Configure failed: ${JSON.stringify(saved)}`);
}

const refresh = (runtime: Runtime): void => {
  runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
};

/** The menu entry, then each continuation as its trigger comes due, until none is left. */
async function mapUsersToNumbers(probes: Probes, sim: Simulator): Promise<MappingMetrics> {
  const { runtime } = probes;
  const metrics = await measure(probes, async () => {
    runtime.run('mapUsersToNumbers');
    for (let n = 1; n < MAX_MAPPING_EXECUTIONS; n++) {
      const next = runtime.triggers.find((t) => t.handler === CONTINUE_MAPPING);
      if (!next) break;
      const wait = next.nextAtMs - (await sim.nowMs());
      if (wait > 0) await sim.advance(wait);
      runtime.fireDueTriggers();
    }
  });
  const rateLimited = (await sim.requests()).filter((r) => r.status === 429).length;
  const done = !runtime.triggers.some((t) => t.handler === CONTINUE_MAPPING) && metrics.errors.length === 0;
  return { ...metrics, done, rateLimited };
}

/**
 * As the sidebar runs it: chunk after chunk with the cursor, waiting out the rate limit when told
 * to. A chunk that fails ends the search; its error is in the figures.
 */
async function advancedSearchOverADay(probes: Probes, sim: Simulator): Promise<SearchMetrics> {
  const nowSec = Math.floor((await sim.nowMs()) / 1000);
  const criteria = { fromSec: nowSec - DAY_SEC, toSec: nowSec };
  let calls = 0;
  let chunks = 0;
  let sidebarWaitMs = 0;
  let complete = false;
  const metrics = await measure(probes, async () => {
    let cursor: string | null = null;
    while (chunks < MAX_SEARCH_CHUNKS) {
      let chunk: { calls: unknown[]; cursor: string | null; resumeInSec: number | null };
      try {
        chunk = probes.runtime.callFromClient('advancedSearch', [criteria, cursor]);
      } catch {
        return; // the execution's error is recorded with it
      }
      chunks++;
      calls += chunk.calls.length;
      cursor = chunk.cursor;
      if (cursor === null) {
        complete = true;
        return;
      }
      if (chunk.resumeInSec) {
        sidebarWaitMs += chunk.resumeInSec * 1000;
        await sim.advance(chunk.resumeInSec * 1000);
      }
    }
  });
  // The sidebar's waits for the rate limit are part of the time the supervisor waits.
  return {
    ...metrics,
    modeledMs: metrics.modeledMs + sidebarWaitMs,
    optimisticMs: metrics.optimisticMs + sidebarWaitMs,
    waitedMs: metrics.waitedMs + sidebarWaitMs,
    calls,
    chunks,
    complete: complete && metrics.errors.length === 0,
  };
}

/** Moves the simulated clock to `atMs` (a refresh may have taken it past already). */
async function advanceTo(sim: Simulator, atMs: number): Promise<void> {
  const wait = atMs - (await sim.nowMs());
  if (wait > 0) await sim.advance(wait);
}

/** The every-minute trigger, on the minute from `startMs`. */
async function steadyRefreshes(probes: Probes, startMs: number, count: number): Promise<RunMetrics[]> {
  const runs: RunMetrics[] = [];
  for (let i = 1; i <= count; i++) {
    await advanceTo(probes.sim, startMs + i * MINUTE_MS);
    runs.push(await measure(probes, () => refresh(probes.runtime), { refresh: true }));
  }
  return runs;
}

/**
 * A supervisor opens Live mode half a minute after a trigger run and keeps it open `minutes`:
 * ticks every LIVE_MODE_SEC, and the trigger still fires every minute, TRIGGER_AFTER_TICK_SEC after a tick.
 */
async function liveModeWindow(probes: Probes, startMs: number, minutes: number) {
  const { runtime, sim } = probes;
  const firstTickMs = startMs + MINUTE_MS - TRIGGER_AFTER_TICK_SEC * 1000 - LIVE_MODE_SEC * 1000;
  const events: { atMs: number; trigger: boolean }[] = [];
  for (let t = 0; t < (minutes * 60) / LIVE_MODE_SEC; t++)
    events.push({ atMs: firstTickMs + t * LIVE_MODE_SEC * 1000, trigger: false });
  for (let m = 1; m <= minutes; m++) events.push({ atMs: startMs + m * MINUTE_MS, trigger: true });
  events.sort((a, b) => a.atMs - b.atMs);
  const ticks: RunMetrics[] = [];
  const triggerRuns: RunMetrics[] = [];
  for (const event of events) {
    await advanceTo(sim, event.atMs);
    if (event.trigger) triggerRuns.push(await measure(probes, () => refresh(runtime), { refresh: true }));
    else
      ticks.push(
        await measure(probes, () => runtime.callFromClient('liveRefresh', [LIVE_MODE_SEC]), { refresh: true }),
      );
  }
  return { ticks, triggerRuns };
}

export async function benchPreset(preset: Preset, options: PresetOptions): Promise<PresetResult> {
  const sim = await startSimulator({ preset, seed: options.seed, rateLimit: options.rateLimit });
  const heap = new HeapHighWater();
  const clock = new ClockProbe(simulatorClock(sim.url), heap);
  // The pessimistic profile drives the clock (budgets are checked against it); the optimistic
  // one prices the same calls.
  const runtime = createRuntime({
    distDir: options.distDir,
    aircallUrl: sim.url,
    clock,
    latencyProfile: PESSIMISTIC_LATENCY,
    shadowLatencyProfile: OPTIMISTIC_LATENCY,
  });
  const truth = await sim.truth({ calls: false });
  const users = truth.users.length;
  const probes: Probes = { runtime, sim, cells: cellCounter(), heap, clock, statusAges: new StatusAges(users) };
  try {
    configure(runtime, sim);
    runtime.evictCaches();
    const coldStartMs = await sim.nowMs();
    const coldRefresh = await measure(probes, () => refresh(runtime), { refresh: true });
    const steadyRuns = await steadyRefreshes(probes, coldStartMs, options.steadyRefreshes);
    const liveStartMs = coldStartMs + options.steadyRefreshes * MINUTE_MS;
    const live = await liveModeWindow(probes, liveStartMs, options.liveMinutes);
    const mapping = await mapUsersToNumbers(probes, sim);
    const advancedSearch = await advancedSearchOverADay(probes, sim);
    return {
      preset,
      users,
      teams: truth.teams.length,
      lines: truth.numbers.length,
      rateLimit: options.rateLimit,
      coldRefresh,
      steadyRefresh: medianRun(steadyRuns),
      steadyRuns: steadyRuns.map(summarize),
      fullWriteRefresh: steadyRuns.find((run) => summarize(run).fullWrite) ?? null,
      liveRefresh: medianRun(live.ticks),
      liveWindow: {
        minutes: options.liveMinutes,
        ticks: live.ticks.map(summarize),
        triggerRuns: live.triggerRuns.map(summarize),
        triggerAfterTickSec: TRIGGER_AFTER_TICK_SEC,
      },
      mapping,
      advancedSearch,
    };
  } finally {
    runtime.dispose();
    await sim.stop();
  }
}
