import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LARGE_PRESET_START_MS, openWallboard, type Wallboard } from '../support/wallboard';

const EXECUTION_LIMIT_MS = 6 * 60_000;

/** Runs the menu item, then every continuation the add-on schedules for itself, until none is left. */
async function mapUntilDone(wb: Wallboard): Promise<number> {
  wb.runtime.run('mapUsersToNumbers');
  let executions = 1;
  for (let guard = 0; guard < 30; guard++) {
    const next = wb.runtime.triggers.find((t) => t.handler === 'continueMappingFromTrigger');
    if (!next) break;
    const now = await wb.sim.nowMs();
    if (next.nextAtMs > now) await wb.sim.advance(next.nextAtMs - now);
    executions += wb.runtime.fireDueTriggers().filter((h) => h === 'continueMappingFromTrigger').length;
  }
  return executions;
}

describe('Map Users to Numbers for 1,000 agents under a 60-a-minute limit', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'large', seed: 4, rateLimit: 60 });
  }, LARGE_PRESET_START_MS);
  afterAll(() => wb?.close());

  it('resumes by itself after Aircall failures, loses no work, and maps every agent by id', async () => {
    // Aircall keeps failing for one line longer than the client retries: that execution stops,
    // keeps the 79 lines it mapped, and the next one (scheduled by itself) maps the last.
    const truth = await wb.sim.truth({ calls: false });
    const unlucky = truth.numbers[truth.numbers.length - 1].id;
    await wb.sim.setFaults([{ kind: 'status', status: 503, count: 8, path: `/v1/numbers/${unlucky}` }]);
    const executions = await mapUntilDone(wb);
    const requests = await wb.sim.requests();
    const numberRequests = requests.filter((r) => /^\/v1\/numbers\/\d+$/.test(r.path));
    // Work done before the failure is never fetched again.
    expect(new Set(numberRequests.map((r) => r.path)).size).toBe(truth.numbers.length);
    expect(numberRequests.filter((r) => r.status === 200)).toHaveLength(truth.numbers.length);

    expect(executions).toBeGreaterThan(1);
    for (const run of wb.runtime.executions)
      expect((run.endMs ?? Number.POSITIVE_INFINITY) - run.startMs).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(wb.runtime.executions.map((e) => e.error).filter(Boolean)).toEqual([]);
    // Aircall states its limit only on a 429: at most one probe past the assumed 60 (docs/aircall-notes.md).
    expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(10);
    const paused = wb.runtime.ui.toasts.map((t) => t.message).find((m) => m.startsWith('Mapping paused'));
    expect(paused).toMatch(/^Mapping paused at 79\/80: .* It will resume by itself/);

    // Every agent mapped by id: as many lines as the simulator's agents answer.
    const lines = new Set(Object.values(truth.userNumbers).flat()).size;
    expect(wb.runtime.ui.toasts.map((t) => t.message)).toContain(`Done: 1,000 users mapped to ${lines} lines.`);
  });
});
