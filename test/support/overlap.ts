/** Interleavings for reliability tests (local/runtime/overlap.ts): counted only when they happened. */
import type { OverlapOptions, Runtime } from '../../local/runtime/index';

/**
 * Runs `paused` with `other` run to its end before the paused run's service call number `call`.
 * False when the paused run made fewer calls (it took a shorter path), so nothing overlapped.
 */
export function interleave(paused: (overlap: OverlapOptions) => unknown, call: number, other: () => unknown): boolean {
  let ran = false;
  paused({
    at: { call },
    interleave: () => {
      ran = true;
      other();
    },
  });
  return ran;
}

/** How many service calls the last execution made: each is an interleave and a kill point. */
export const lastRunCalls = (runtime: Runtime): number => runtime.executions.at(-1)?.calls.length ?? 0;
