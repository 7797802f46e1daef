/**
 * The product at one call-center size, as a supervisor uses it: Setup and Configure, a cold
 * refresh, steady-state refreshes a minute apart, Map Users to Numbers until done, and one
 * Advanced Search over a full day. Same path as test/support/wallboard.ts, with probes attached.
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

export interface PresetOptions {
  seed: number;
  /** Aircall requests per minute for the whole company. */
  rateLimit: number;
  steadyRefreshes: number;
}

export interface MappingMetrics extends RunMetrics {
  done: boolean;
  /** Aircall answers 429 during the mapping: the product must pace itself under the limit. */
  rateLimited: number;
}

export interface SearchMetrics extends RunMetrics {
  calls: number;
}

export interface PresetResult {
  preset: Preset;
  users: number;
  rateLimit: number;
  coldRefresh: RunMetrics;
  /** The median of `steadyRefreshes` runs, each a minute after the previous. */
  steadyRefresh: RunMetrics;
  /** The median of as many ticks of an open Live mode sidebar, LIVE_MODE_SEC apart. */
  liveRefresh: RunMetrics;
  mapping: MappingMetrics;
  /** null while the Advanced Search entry point does not exist in dist/Code.js. */
  advancedSearch: SearchMetrics | null;
}

const MINUTE_MS = 60_000;
/** Live mode's default interval (src/sidebar-contract.ts LIVE_DEFAULT_SEC). */
export const LIVE_MODE_SEC = 20;
const DAY_SEC = 86_400;
const CONTINUE_MAPPING = 'continueMappingFromTrigger';
/** Each execution maps what ~4 min of rate budget allows; far more executions means it does not progress. */
const MAX_MAPPING_EXECUTIONS = 60;

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

/** As the sidebar runs it: chunk after chunk with the cursor, waiting out the rate limit when told to. */
async function advancedSearchOverADay(probes: Probes, sim: Simulator): Promise<SearchMetrics | null> {
  const nowSec = Math.floor((await sim.nowMs()) / 1000);
  const criteria = { fromSec: nowSec - DAY_SEC, toSec: nowSec };
  let calls = 0;
  let sidebarWaitMs = 0;
  try {
    const metrics = await measure(probes, async () => {
      let cursor: string | null = null;
      do {
        const chunk: { calls: unknown[]; cursor: string | null; resumeInSec: number | null } =
          probes.runtime.callFromClient('advancedSearch', [criteria, cursor]);
        calls += chunk.calls.length;
        cursor = chunk.cursor;
        if (cursor && chunk.resumeInSec) {
          sidebarWaitMs += chunk.resumeInSec * 1000;
          await sim.advance(chunk.resumeInSec * 1000);
        }
      } while (cursor !== null);
    });
    // The sidebar's waits for the rate limit are part of the time the supervisor waits.
    return {
      ...metrics,
      modeledMs: metrics.modeledMs + sidebarWaitMs,
      optimisticMs: metrics.optimisticMs + sidebarWaitMs,
      waitedMs: metrics.waitedMs + sidebarWaitMs,
      calls,
    };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Script function not found')) return null;
    throw error;
  }
}

export async function benchPreset(preset: Preset, options: PresetOptions): Promise<PresetResult> {
  const sim = await startSimulator({ preset, seed: options.seed, rateLimit: options.rateLimit });
  const heap = new HeapHighWater();
  const clock = new ClockProbe(simulatorClock(sim.url), heap);
  // The pessimistic profile drives the clock (budgets are checked against it); the optimistic
  // one prices the same calls.
  const runtime = createRuntime({
    aircallUrl: sim.url,
    clock,
    latencyProfile: PESSIMISTIC_LATENCY,
    shadowLatencyProfile: OPTIMISTIC_LATENCY,
  });
  const probes: Probes = { runtime, sim, cells: cellCounter(), heap, clock };
  try {
    configure(runtime, sim);
    runtime.evictCaches();
    const coldRefresh = await measure(probes, () => refresh(runtime));
    const steadyRuns: RunMetrics[] = [];
    for (let i = 0; i < options.steadyRefreshes; i++) {
      await sim.advance(MINUTE_MS);
      steadyRuns.push(await measure(probes, () => refresh(runtime)));
    }
    const liveRuns: RunMetrics[] = [];
    for (let i = 0; i < options.steadyRefreshes; i++) {
      await sim.advance(LIVE_MODE_SEC * 1000);
      liveRuns.push(await measure(probes, () => runtime.callFromClient('liveRefresh', [LIVE_MODE_SEC])));
    }
    const mapping = await mapUsersToNumbers(probes, sim);
    const advancedSearch = await advancedSearchOverADay(probes, sim);
    const users = (await sim.truth({ calls: false })).users.length;
    return {
      preset,
      users,
      rateLimit: options.rateLimit,
      coldRefresh,
      steadyRefresh: medianRun(steadyRuns),
      liveRefresh: medianRun(liveRuns),
      mapping,
      advancedSearch,
    };
  } finally {
    runtime.dispose();
    await sim.stop();
  }
}
