/** `--once --refreshes N`: the refreshes after the first, one simulated minute apart, so History and Today fill up. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Say } from './ui-report.js';
import type { LocalWallboard } from './wallboard.js';

const MINUTE_MS = 60_000;

export async function refreshEveryMinute(wallboard: LocalWallboard, count: number, say: Say): Promise<void> {
  if (count <= 0) return;
  say(`${count} more refresh${count === 1 ? '' : 'es'}, one simulated minute apart…`);
  for (let i = 0; i < count; i++) {
    if (wallboard.sim) await wallboard.sim.advance(MINUTE_MS);
    else await sleep(MINUTE_MS);
    try {
      wallboard.runtime.run('refreshFromMenu');
    } catch {
      // Recorded in runtime.executions; the report prints it.
    }
    wallboard.problems.push(...wallboard.report.flush());
  }
}
