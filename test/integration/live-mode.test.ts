/**
 * Live mode's server side in the built product: sidebars and the trigger share one refresh, so
 * several open sidebars do not multiply Aircall requests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LiveRefreshResult } from '../../src/sidebar-contract';
import { aircallRequests, openWallboard, type Wallboard } from '../support/wallboard';

describe('Live mode', () => {
  let wb: Wallboard;
  const live = (intervalSec: unknown, user?: string) =>
    wb.runtime.callFromClient<LiveRefreshResult>('liveRefresh', [intervalSec], user);

  beforeAll(async () => {
    // Two supervisors with Live mode open: the key is shared with the spreadsheet's editors.
    wb = await openWallboard({ preset: 'small', seed: 21, history: false, form: { shareKeyWithEditors: true } });
  });
  afterAll(() => wb?.close());

  it('opens from the Activity Tracker menu as a sidebar', () => {
    wb.runtime.run('onOpen', [{ authMode: 'LIMITED' }], { kind: 'simple-trigger', authMode: 'LIMITED' });
    const menu = wb.runtime.ui.menus.find((m) => m.title === 'Activity Tracker')!;
    expect(menu.items).toContainEqual({ label: 'Live mode', functionName: 'showLiveMode' });
    wb.runtime.run('showLiveMode');
    expect(wb.runtime.ui.sidebars.at(-1)).toMatchObject({ title: 'Activity Tracker — Live mode', file: 'LiveMode' });
  });

  it('two sidebars a few seconds apart cause one refresh, not two', async () => {
    await wb.sim.advance(30_000);
    wb.runtime.resetCounters();
    const first = live(20, 'ana@example.com');
    const oneRefresh = aircallRequests(wb.runtime);
    expect(oneRefresh).toBeGreaterThan(0);
    expect(first).toMatchObject({ nextInSec: 20, stale: null });
    expect(first.refreshedAtText).toMatch(/\d{2}:\d{2}:\d{2}/);

    await wb.sim.advance(3_000);
    const second = live(20, 'ben@example.com');
    expect(aircallRequests(wb.runtime)).toBe(oneRefresh);
    expect(second).toEqual({ refreshedAtText: first.refreshedAtText, nextInSec: 20, stale: null });
  });

  it('refreshes again once the interval has passed', async () => {
    await wb.sim.advance(20_000);
    wb.runtime.resetCounters();
    live(20);
    expect(aircallRequests(wb.runtime)).toBeGreaterThan(0);
  });

  it('shares a refresh the trigger just made', async () => {
    wb.runtime.run('startAutoRefreshFromMenu');
    await wb.sim.advance(61_000);
    expect(wb.runtime.fireDueTriggers()).toEqual(['refreshFromTrigger']);
    await wb.sim.advance(2_000);
    wb.runtime.resetCounters();
    expect(live(20).stale).toBeNull();
    expect(aircallRequests(wb.runtime)).toBe(0);
    wb.runtime.run('stopAutoRefreshFromMenu');
  });

  it('raises an interval under 10 seconds to 10, and falls back to 20 on nonsense', async () => {
    await wb.sim.advance(30_000);
    expect(live(3).nextInSec).toBe(10);
    expect(live('soon').nextInSec).toBe(20);
    // With a 10 s interval, a refresh 11 s old is not shared.
    await wb.sim.advance(11_000);
    wb.runtime.resetCounters();
    live(10);
    expect(aircallRequests(wb.runtime)).toBeGreaterThan(0);
  });

  it('says so when another refresh holds the lock, without calling Aircall', async () => {
    await wb.sim.advance(30_000);
    wb.runtime.holdLock('document', true);
    wb.runtime.resetCounters();
    const result = live(20);
    wb.runtime.holdLock('document', false);
    expect(aircallRequests(wb.runtime)).toBe(0);
    expect(result.stale).toMatch(/Another refresh is running/);
  });

  it('reports a failed refresh as stale, with the time of the last good one', async () => {
    const lastGood = live(10).refreshedAtText;
    await wb.sim.advance(30_000);
    await wb.sim.revokeKey();
    const result = live(20);
    await wb.sim.restoreKey();
    expect(result.stale).toBeTruthy();
    expect(result.refreshedAtText).toBe(lastGood);
  });
});
