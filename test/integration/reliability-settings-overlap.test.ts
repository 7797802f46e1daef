/**
 * Lost updates, with executions overlapping at every service call. Apps Script runs a trigger, a
 * sidebar call and another editor's Configure at the same time; the runtime pauses one execution
 * before its n-th service call and runs another to its end there (local/runtime/overlap.ts). A saved
 * setting must stay saved whatever ran in between. The closing `interleavings` line is the count the
 * issue asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OverlapOptions } from '../../local/runtime/index';
import type { ConfigureView, SaveSettingsRequest, SaveSettingsResult } from '../../src/sidebar-contract';
import { interleave, lastRunCalls } from '../support/overlap';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const OWNER = 'supervisor@example.com';
const COLLEAGUE = 'colleague@example.com';

describe('overlapping executions lose no setting', () => {
  let wb: Wallboard;
  let interleavings = 0;
  const lost: string[] = [];

  const settingsOf = (user: string) => wb.runtime.callFromClient<ConfigureView>('getConfigureView', [], user).settings;
  const saveAs = (user: string, form: Partial<SaveSettingsRequest>, overlap?: OverlapOptions) =>
    wb.runtime.callFromClient<SaveSettingsResult>('saveSettings', [{ ...DEFAULT_FORM, ...form }], user, overlap);
  const check = (what: string, ok: boolean) => {
    interleavings++;
    if (!ok) lost.push(what);
  };

  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 41, history: false });
    wb.runtime.run('refreshFromMenu');
    wb.runtime.run('mapUsersToNumbers');
  });
  afterAll(async () => {
    console.info(`interleavings: ${interleavings} tried, ${lost.length} updates lost`);
    await wb?.close();
  });

  it('two editors saving different settings at the same moment both keep theirs', () => {
    saveAs(OWNER, {});
    const points = lastRunCalls(wb.runtime);
    expect(points).toBeGreaterThan(5);
    for (let i = 0; i < points; i++) {
      const period = 20 + (i % 40);
      const sla = 30 + (i % 40);
      // Both sidebars are open before either saves: each form still shows the other's old value.
      const ownerForm = { ...settingsOf(OWNER), teamFilter: undefined, lineFilter: undefined, lineTargets: undefined };
      const colleagueForm = { ...settingsOf(COLLEAGUE), teamFilter: undefined, lineFilter: undefined };
      const ran = interleave(
        (overlap) => saveAs(OWNER, { ...ownerForm, activityPeriodMin: period }, overlap),
        i,
        () => saveAs(COLLEAGUE, { ...colleagueForm, lineTargets: undefined, slaSec: sla }),
      );
      if (!ran) continue;
      const settings = settingsOf(OWNER);
      check(`owner's change, colleague saving at call ${i}`, settings.activityPeriodMin === period);
      check(`colleague's change, saved at call ${i} of the owner's`, settings.slaSec === sla);
    }
    expect(lost).toEqual([]);
  });

  it('a refresh, Map Users to Numbers or Clear Cache inside a Configure save never puts an old setting back', async () => {
    const others: [string, () => unknown][] = [
      ['refresh', () => wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' })],
      ['mapping', () => wb.runtime.run('mapUsersToNumbers')],
      ['clear cache', () => wb.runtime.run('clearCacheFromMenu')],
    ];
    saveAs(OWNER, {});
    const points = lastRunCalls(wb.runtime);
    for (const [name, other] of others) {
      for (let i = 0; i < points; i++) {
        await wb.sim.advance(20_000);
        const level1 = 5 + (i % 20);
        const ran = interleave(
          (overlap) => saveAs(OWNER, { waitLevel1Sec: level1, waitLevel2Sec: 60 }, overlap),
          i,
          other,
        );
        if (ran) check(`${name} inside a save at call ${i}`, settingsOf(OWNER).waitLevel1Sec === level1);
      }
    }
    expect(lost).toEqual([]);
  });

  it('a Configure save inside a refresh or a mapping run is never overwritten by what that run read before', async () => {
    const runs: [string, (overlap: OverlapOptions) => unknown][] = [
      ['refresh', (overlap) => wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger', ...overlap })],
      ['mapping', (overlap) => wb.runtime.run('mapUsersToNumbers', [], overlap)],
    ];
    for (const [name, run] of runs) {
      // A minute apart, so the trigger refreshes instead of sharing the last refresh.
      await wb.sim.advance(60_000);
      run({});
      const points = lastRunCalls(wb.runtime);
      expect(points).toBeGreaterThan(10);
      for (let i = 0; i < points; i++) {
        const period = 20 + (i % 40);
        await wb.sim.advance(60_000);
        const ran = interleave(run, i, () => saveAs(OWNER, { activityPeriodMin: period }));
        if (ran) check(`save inside ${name} at call ${i}`, settingsOf(OWNER).activityPeriodMin === period);
      }
    }
    expect(lost).toEqual([]);
  }, 150_000);

  it('two Map Users to Numbers at once: one maps, the other says it is running, and the map comes out whole', () => {
    const toast = () => wb.runtime.ui.toasts.at(-1)?.message ?? '';
    wb.runtime.run('mapUsersToNumbers');
    const done = toast();
    expect(done).toMatch(/^Done: \d+ users mapped to \d+ lines\.$/);
    const points = lastRunCalls(wb.runtime);
    let turnedAway = 0;
    for (let i = 0; i < points; i++) {
      let inner = '';
      const ran = interleave(
        (overlap) => wb.runtime.run('mapUsersToNumbers', [], overlap),
        i,
        () => {
          wb.runtime.run('mapUsersToNumbers');
          inner = toast();
        },
      );
      if (!ran) continue;
      const outer = toast();
      if (/already running/.test(inner)) turnedAway++;
      const oneRanEachTime = [outer, inner].every((m) => m === done || /already running/.test(m));
      check(`two mappings at call ${i}: ${inner} / ${outer}`, oneRanEachTime && [outer, inner].includes(done));
    }
    expect(lost).toEqual([]);
    // While the first one works (between taking and releasing its lease), the second is turned away.
    expect(turnedAway).toBeGreaterThan(points / 2);
  });
});
