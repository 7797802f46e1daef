/**
 * A day of the product: an every-minute trigger refresh, 1,440 runs, priced against the daily
 * quotas of both account kinds (developers.google.com/apps-script/guides/services/quotas).
 */
import { DAILY_LIMITS } from '../local/runtime/index';
import type { PresetResult } from './preset';

export const RUNS_PER_DAY = 1_440;

export interface DailyFigures {
  preset: string;
  aircallRequests: number;
  urlFetchCalls: number;
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
    triggerRuntimeMs: [steadyRefresh.optimisticMs * RUNS_PER_DAY, steadyRefresh.modeledMs * RUNS_PER_DAY],
  };
}

export const QUOTAS = DAILY_LIMITS;
