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

  it('says how old the board is when another execution has held the refresh for minutes', async () => {
    wb.runtime.run('refreshFromMenu');
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/);
    wb.runtime.holdLock('document', true);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/); // a minute late is not old yet
    await wb.sim.advance(4 * 60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(wb.board().displayValues[0].join(' ')).toMatch(
      /Stale since \d{2}:\d{2}:\d{2} \(5 min old\) — another refresh has been running since/,
    );
    wb.runtime.holdLock('document', false);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/);
  });
});
