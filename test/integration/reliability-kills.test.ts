/**
 * Executions killed by the platform ("Exceeded maximum execution time") at every service call of
 * Map Users to Numbers, Configure and a refresh (local/runtime/overlap.ts): whatever the killed run
 * wrote, the next run proceeds — a retried mapping is not blocked for minutes by the dead one and
 * finishes with every agent mapped, a setting is either saved or not and the key is never lost, and
 * the next refresh writes the board. The closing `kills` line is the count the issue asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConfigureView, SaveSettingsRequest } from '../../src/sidebar-contract';
import { lastRunCalls } from '../support/overlap';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const KILLED = 'Exceeded maximum execution time';
const header = (wb: Wallboard) => wb.board().displayValues[0].join(' ');

describe('killed executions leave nothing stuck', () => {
  let wb: Wallboard;
  let tried = 0;
  const stuck: string[] = [];

  const lastToast = () => wb.runtime.ui.toasts.at(-1)?.message ?? '';
  /** Runs `body` expecting the platform to kill it; false when it ended first (a shorter path than the reference run). */
  const killed = (body: () => unknown): boolean => {
    try {
      body();
      return false;
    } catch (error) {
      expect((error as Error).message).toBe(KILLED);
      tried++;
      return true;
    }
  };

  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 45, history: false });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(async () => {
    console.info(`kills: ${tried} tried, ${tried - stuck.length} recovered`);
    await wb?.close();
  });

  it('Map Users to Numbers killed at any call: a retry within two minutes proceeds and maps every agent', async () => {
    wb.runtime.run('mapUsersToNumbers');
    const done = lastToast();
    expect(done).toMatch(/^Done: \d+ users mapped to \d+ lines\.$/);
    const points = lastRunCalls(wb.runtime);
    expect(points).toBeGreaterThan(5);
    for (let i = 0; i < points; i++) {
      wb.runtime.run('clearCacheFromMenu'); // forgets the map: the mapping starts again
      if (!killed(() => wb.runtime.run('mapUsersToNumbers', [], { killAt: { call: i } }))) continue;
      // The dead run's lease expires within 90 s: a retry then is not turned away.
      await wb.sim.advance(91_000);
      wb.runtime.run('mapUsersToNumbers');
      if (lastToast() !== done) stuck.push(`mapping killed at call ${i}: ${lastToast()}`);
    }
    expect(stuck).toEqual([]);
  });

  it('a retry right after the kill says the mapping is running and when it may be retried, not a bare refusal', () => {
    wb.runtime.run('clearCacheFromMenu');
    expect(() => wb.runtime.run('mapUsersToNumbers', [], { killAt: (call) => call.service === 'UrlFetchApp' })).toThrow(
      KILLED,
    );
    wb.runtime.run('mapUsersToNumbers');
    expect(lastToast()).toMatch(/already running \(last heard from \d+ s ago\).*try again in 2 minutes at most/);
  });

  it('Configure killed at any call: the setting is saved or not, the key is never lost, and saving again works', () => {
    const save = (form: Partial<SaveSettingsRequest>, killCall?: number) =>
      wb.runtime.callFromClient(
        'saveSettings',
        [{ ...DEFAULT_FORM, ...form }],
        undefined,
        killCall === undefined ? undefined : { killAt: { call: killCall } },
      );
    const view = () => wb.runtime.callFromClient<ConfigureView>('getConfigureView');
    save({ activityPeriodMin: 15, apiId: wb.sim.apiId, apiToken: wb.sim.apiToken, shareKeyWithEditors: true });
    const points = lastRunCalls(wb.runtime);
    for (let i = 0; i < points; i++) {
      const period = 20 + (i % 40);
      view();
      const form = { activityPeriodMin: period, apiId: wb.sim.apiId, apiToken: wb.sim.apiToken };
      if (!killed(() => save({ ...form, shareKeyWithEditors: i % 2 === 0 }, i))) continue;
      const after = view();
      if (![15, period, 20 + ((i + 39) % 40)].includes(after.settings.activityPeriodMin))
        stuck.push(`Configure killed at call ${i}: activity period ${after.settings.activityPeriodMin}`);
      if (!after.key.configured) stuck.push(`Configure killed at call ${i}: key lost`);
      save({ activityPeriodMin: period });
      if (view().settings.activityPeriodMin !== period) stuck.push(`Configure after a kill at call ${i}`);
    }
    expect(stuck).toEqual([]);
  });

  it('a refresh killed at any call: the next minute’s trigger writes the board, without Clear Cache', async () => {
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const points = lastRunCalls(wb.runtime);
    expect(points).toBeGreaterThan(20);
    for (let i = 0; i < points; i++) {
      await wb.sim.advance(60_000);
      if (!killed(() => wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger', killAt: { call: i } }))) continue;
      await wb.sim.advance(60_000);
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      if (!/Last refresh/.test(header(wb))) stuck.push(`refresh killed at call ${i}: ${header(wb)}`);
    }
    expect(stuck).toEqual([]);
  }, 120_000);
});
