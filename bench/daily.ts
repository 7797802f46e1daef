/**
 * A day of the product: an every-minute trigger refresh, 1,440 runs, priced against the daily
 * quotas of both account kinds (developers.google.com/apps-script/guides/services/quotas).
 */
import { DAILY_LIMITS } from '../local/runtime/index';
import { LIVE_MODE_SEC, type PresetResult } from './preset';

export const RUNS_PER_DAY = 1_440;
/** A supervisor keeps one Live mode sidebar open this long a day. */
export const LIVE_MODE_HOURS = 8;

export interface DailyFigures {
  preset: string;
  aircallRequests: number;
  urlFetchCalls: number;
  /**
   * The trigger plus one Live mode sidebar open LIVE_MODE_HOURS: meanwhile the sidebar refreshes every
   * LIVE_MODE_SEC and the trigger shares its refreshes (no fetch); the other hours are the trigger's.
   */
  urlFetchCallsWithLiveMode: number;
  /** Trigger runtime a day, optimistic and pessimistic. */
  triggerRuntimeMs: [number, number];
}

/** Steady-state refresh figures × 1,440 runs. */
export function dailyFigures(result: PresetResult): DailyFigures {
  const { steadyRefresh } = result;
  return {
    preset: result.preset,
    aircallRequests: steadyRefresh.aircallRequests * RUNS_PER_DAY,
    urlFetchCalls: steadyRefresh.urlFetchCalls * RUNS_PER_DAY,
    urlFetchCallsWithLiveMode:
      steadyRefresh.urlFetchCalls * ((24 - LIVE_MODE_HOURS) * 60) +
      result.liveRefresh.urlFetchCalls * ((LIVE_MODE_HOURS * 3_600) / LIVE_MODE_SEC),
    triggerRuntimeMs: [steadyRefresh.optimisticMs * RUNS_PER_DAY, steadyRefresh.modeledMs * RUNS_PER_DAY],
  };
}

export const QUOTAS = DAILY_LIMITS;
