/**
 * The add-on against Aircall as it is today, at 1,000 agents: the simulator's defaults send the
 * X-AircallApi-* headers only on 429 answers, allow 120 requests a minute, and serve users only
 * through User V2 (docs/aircall-notes.md).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GroundTruth } from '../../local/aircall-sim/index';
import { STATUS_STYLES } from '../../src/sheet/styles';
import { agentCells, LARGE_PRESET_START_MS, openWallboard, type Wallboard } from '../support/wallboard';

const LEARNED_LIMIT = 'aircall-rate-limit';
/** Callers who arrived or left this close to the moment of writing may or may not be on the board. */
const MARGIN_SEC = 10;

const keptLimitKeys = (wb: Wallboard) =>
  wb.runtime.runSnippet<string[]>(
    `PropertiesService.getDocumentProperties().getKeys().filter(function (k) { return k.indexOf('${LEARNED_LIMIT}') === 0; })`,
  );

/** The most requests the simulator saw within any 60 s. */
function busiestMinute(requests: { atMs: number }[]): number {
  const times = requests.map((r) => r.atMs).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= 60_000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const waitingUntil = (call: GroundTruth['calls'][number]) =>
  call.answered_at ?? call.ended_at ?? Number.POSITIVE_INFINITY;

describe('a cold refresh at 1,000 agents with rate-limit headers only on 429s', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'large', seed: 21 });
  }, LARGE_PRESET_START_MS);
  afterAll(() => wb?.close());

  it('draws the whole board in one execution, learning the limit from the 429 that tells it', async () => {
    wb.runtime.run('refreshFromMenu');
    const truth = await wb.sim.truth({ calls: false });
    const run = wb.runtime.executions.at(-1)!;
    expect(run.error ?? null).toBeNull();
    expect(wb.board().displayValues[0].join(' ')).not.toMatch(/Stale|Not refreshed/);
    expect(agentCells(wb.board()).size).toBe(truth.users.length);
    const refused = (await wb.sim.requests()).filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0); // how Aircall says its limit today
    expect(refused.length).toBeLessThanOrEqual(10);
    expect(keptLimitKeys(wb).length).toBeGreaterThan(0);
  });

  it('keeps the learned limit through a cache eviction, and later runs plan with it: no 429, more than 60 a minute', async () => {
    wb.runtime.evictCaches();
    wb.runtime.run('clearCacheFromMenu'); // forget the calls window too: the next refresh lists the whole period again
    await wb.sim.advance(61_000);
    await wb.sim.resetRequests();
    wb.runtime.run('refreshFromMenu');
    const requests = await wb.sim.requests();
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(busiestMinute(requests)).toBeGreaterThan(60);
    expect(busiestMinute(requests)).toBeLessThanOrEqual(120);
    expect(wb.board().displayValues[0].join(' ')).not.toMatch(/Stale|Not refreshed/);
  });
});

describe('the live queue after a rate-limit wait at 1,000 agents', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'large', seed: 22 });
    wb.runtime.run('refreshFromMenu');
    await wb.sim.advance(60_000);
  }, LARGE_PRESET_START_MS);
  afterAll(() => wb?.close());

  it('shows the callers waiting and the agents in call at the moment of writing, not before the wait', async () => {
    const recent = async () => wb.sim.truth({ callsSinceMs: (await wb.sim.nowMs()) - 3_600_000 });
    let truth = await recent();
    const waitingNow = (t: GroundTruth) =>
      t.calls.filter((c) => c.direction === 'inbound' && c.status === 'initial').length;
    for (let attempt = 0; attempt < 30 && waitingNow(truth) < 5; attempt++) {
      await wb.sim.advance(20_000);
      truth = await recent();
    }
    expect(waitingNow(truth)).toBeGreaterThanOrEqual(5);
    // The cache is gone (a full refresh, with the longer first-fill deadline), and Aircall refuses the
    // availabilities once, after the calls were listed: the refresh waits for the next window, a
    // minute in which callers are answered and new ones arrive.
    wb.runtime.evictCaches();
    await wb.sim.setFaults([{ kind: 'rate-storm', count: 1, path: '/v1/users/availabilities' }]);
    const before = await wb.sim.nowMs();
    wb.runtime.run('refreshFromMenu');
    await wb.sim.clearFaults();
    const after = await recent();
    const writtenSec = Math.floor(after.nowMs / 1000);
    expect(after.nowMs - before).toBeGreaterThan(30_000); // it did wait

    const inbound = after.calls.filter((c) => c.direction === 'inbound');
    const surely = inbound.filter((c) => c.started_at <= writtenSec - MARGIN_SEC && waitingUntil(c) > writtenSec);
    const maybe = inbound.filter((c) => c.started_at <= writtenSec && waitingUntil(c) > writtenSec - MARGIN_SEC);
    const board = wb.board();
    const label = board.displayValues[2].find((v) => v.startsWith('Live Queue')) ?? '';
    const shown = Number(/(\d+) waiting/.exec(label)?.[1] ?? (label ? 0 : Number.NaN));
    expect(surely.length).toBeGreaterThan(0);
    expect(shown).toBeGreaterThanOrEqual(surely.length);
    expect(shown).toBeLessThanOrEqual(maybe.length);

    // Every caller shown is one waiting at the moment of writing (give or take the margin).
    const queueCells = board.displayValues[2].slice(1).filter((v) => v.includes(' · '));
    expect(queueCells.length).toBeGreaterThan(0);
    const waitingNumbers = new Set(maybe.map((c) => c.raw_digits));
    expect(queueCells.filter((cell) => !waitingNumbers.has(cell.split('\n')[1]))).toEqual([]);

    // Agents in a call for the whole last 10 s show as in call, with that call (in the cell's note).
    const cells = agentCells(board);
    const settled = after.calls.filter(
      (c) =>
        c.user &&
        c.answered_at !== null &&
        c.answered_at <= writtenSec - MARGIN_SEC &&
        (c.ended_at ?? Number.POSITIVE_INFINITY) > writtenSec &&
        c.transferred_to === null, // when a transfer happened is not in the call; leave those out
    );
    expect(settled.length).toBeGreaterThan(0);
    const wrong = settled
      .filter((call) => {
        const { row, column } = cells.get(call.user!.id)![0];
        return (
          board.backgrounds[row - 1][column - 1] !== STATUS_STYLES.in_call.background ||
          !board.notes[row - 1][column - 1].includes(`with ${call.raw_digits}`)
        );
      })
      .map((call) => ({ agent: call.user!.id, call: call.id }));
    expect(wrong).toEqual([]);
  });
});
