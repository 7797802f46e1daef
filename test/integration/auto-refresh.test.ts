import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aircallRequests, openWallboard, type Wallboard } from '../support/wallboard';

describe('auto-refresh and the refresh lock', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 11 });
  });
  afterAll(() => wb?.close());

  it('Start twice leaves one every-minute trigger; Stop removes it', () => {
    wb.runtime.run('startAutoRefreshFromMenu');
    wb.runtime.run('startAutoRefreshFromMenu');
    expect(wb.runtime.triggers.map((t) => [t.handler, t.everyMinutes])).toEqual([['refreshFromTrigger', 1]]);
    wb.runtime.run('stopAutoRefreshFromMenu');
    expect(wb.runtime.triggers).toEqual([]);
  });

  it('the trigger refreshes the board every minute without touching Ui', async () => {
    wb.runtime.run('startAutoRefreshFromMenu');
    const alertsBefore = wb.runtime.ui.alerts.length;
    await wb.sim.advance(61_000);
    expect(wb.runtime.fireDueTriggers()).toEqual(['refreshFromTrigger']);
    const last = wb.runtime.executions.at(-1)!;
    expect(last.error).toBeUndefined();
    expect(wb.board().displayValues[0].join(' ')).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(wb.runtime.ui.alerts.length).toBe(alertsBefore);
    wb.runtime.run('stopAutoRefreshFromMenu');
  });

  it('a refresh that finds another one running returns at once without calling Aircall', () => {
    wb.runtime.holdLock('document', true);
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromMenu');
    wb.runtime.holdLock('document', false);
    expect(aircallRequests(wb.runtime)).toBe(0);
    expect(wb.runtime.ui.toasts.at(-1)?.message).toMatch(/already running/);
  });
});
