/**
 * A day of the product: an every-minute trigger refresh, 1,440 runs, priced against the daily
 * quotas of both account kinds (developers.google.com/apps-script/guides/services/quotas), alone
 * and with one Live mode sidebar open LIVE_MODE_HOURS.
 */
import { DAILY_LIMITS } from '../local/runtime/index';
import type { PresetResult, RefreshSummary } from './preset';

export const RUNS_PER_DAY = 1_440;
/** A supervisor keeps one Live mode sidebar open this long a day. */
export const LIVE_MODE_HOURS = 8;

export interface DailyFigures {
  preset: string;
  aircallRequests: number;
  urlFetchCalls: number;
  /**
   * The trigger alone for 24 − LIVE_MODE_HOURS hours, and for LIVE_MODE_HOURS the measured Live
   * mode window (its ticks and the trigger runs among them, shared or not) scaled to those hours.
   */
  urlFetchCallsWithLiveMode: number;
  aircallRequestsWithLiveMode: number;
  /** Trigger runtime a day, optimistic and pessimistic. */
  triggerRuntimeMs: [number, number];
}

const sum = (runs: readonly RefreshSummary[], figure: (run: RefreshSummary) => number) =>
  runs.reduce((total, run) => total + figure(run), 0);
export const mean = (runs: readonly RefreshSummary[], figure: (run: RefreshSummary) => number) =>
  runs.length === 0 ? 0 : sum(runs, figure) / runs.length;

/** The mean steady refresh × 1,440 runs, and the day with Live mode. */
export function dailyFigures(result: PresetResult): DailyFigures {
  const { steadyRuns, liveWindow } = result;
  const triggerMinutes = (24 - LIVE_MODE_HOURS) * 60;
  const liveWindows = (LIVE_MODE_HOURS * 60) / liveWindow.minutes;
  const withLive = (figure: (run: RefreshSummary) => number) =>
    Math.round(
      mean(steadyRuns, figure) * triggerMinutes +
        (sum(liveWindow.ticks, figure) + sum(liveWindow.triggerRuns, figure)) * liveWindows,
    );
  return {
    preset: result.preset,
    aircallRequests: Math.round(mean(steadyRuns, (r) => r.aircallRequests) * RUNS_PER_DAY),
    urlFetchCalls: Math.round(mean(steadyRuns, (r) => r.urlFetchCalls) * RUNS_PER_DAY),
    urlFetchCallsWithLiveMode: withLive((r) => r.urlFetchCalls),
    aircallRequestsWithLiveMode: withLive((r) => r.aircallRequests),
    triggerRuntimeMs: [
      mean(steadyRuns, (r) => r.optimisticMs) * RUNS_PER_DAY,
      mean(steadyRuns, (r) => r.modeledMs) * RUNS_PER_DAY,
    ],
  };
}

export const QUOTAS = DAILY_LIMITS;
