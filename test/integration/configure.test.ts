import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConfigureView, SaveSettingsResult } from '../../src/sidebar-contract';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

describe('Configure', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 5 });
  });
  afterAll(() => wb?.close());

  const view = () => wb.runtime.callFromClient<ConfigureView>('getConfigureView');

  it('shows the defaults and a masked key, never the key itself', () => {
    const v = view();
    expect(v.settings).toMatchObject({
      activityPeriodMin: 15,
      userRefreshMin: 240,
      teamRefreshMin: 480,
      waitLevel1Sec: 10,
      waitLevel2Sec: 20,
      slaSec: 20,
    });
    expect(v.key.configured).toBe(true);
    expect(JSON.stringify(v)).not.toContain(wb.sim.apiToken);
    expect(JSON.stringify(v)).not.toContain(wb.sim.apiId);
    expect(v.teams.map((t: { label: string }) => t.label)).toContain('Single Users');
  });

  it('refuses invalid input field by field and saves nothing', () => {
    const result = wb.runtime.callFromClient<Extract<SaveSettingsResult, { ok: false }>>('saveSettings', [
      {
        ...DEFAULT_FORM,
        activityPeriodMin: '15abc',
        waitLevel1Sec: 30,
        waitLevel2Sec: 20,
        slaSec: -1,
        userRefreshMin: 60,
      },
    ]);
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors)).toEqual(
      expect.arrayContaining(['activityPeriodMin', 'waitLevel2Sec', 'slaSec']),
    );
    expect(view().settings.userRefreshMin).toBe(240);
  });

  it('keeps the team filter when the form leaves it untouched', () => {
    const teams = view().teams.map((t: { value: string }) => t.value);
    expect(wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, teamFilter: [teams[0]] }])).toEqual({
      ok: true,
    });
    expect(wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, slaSec: 30 }])).toEqual({ ok: true });
    expect(view().settings).toMatchObject({ teamFilter: [teams[0]], slaSec: 30 });
    wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, teamFilter: [] }]);
    expect(view().settings.teamFilter).toBeNull();
  });

  it('Test connection reports the user count, or the precise reason it failed', async () => {
    const truth = await wb.sim.truth();
    expect(wb.runtime.callFromClient('testConnection', [{}])).toEqual({ ok: true, userCount: truth.users.length });
    const wrong = wb.runtime.callFromClient<Record<string, string>>('testConnection', [
      { apiId: 'someone', apiToken: 'wrong' },
    ]);
    expect(wrong).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(wrong.message).not.toContain('wrong');
    await wb.sim.setFaults([{ kind: 'rate-storm' }]);
    const limited = wb.runtime.callFromClient<Record<string, string>>('testConnection', [{}]);
    await wb.sim.clearFaults();
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  const mapKeys = () =>
    wb.runtime.runSnippet<string[]>(
      `PropertiesService.getDocumentProperties().getKeys().filter((k) => k.startsWith('user-number-map'))`,
    );

  it('Save refuses a key Aircall rejects: nothing is stored, the user↔number map stays', () => {
    wb.runtime.run('mapUsersToNumbers');
    expect(mapKeys().length).toBeGreaterThan(0);
    const result = wb.runtime.callFromClient<Extract<SaveSettingsResult, { ok: false }>>('saveSettings', [
      { ...DEFAULT_FORM, slaSec: 45, apiId: 'someone', apiToken: 'wrong-token' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.errors.apiKey).toMatch(/^Aircall refused this key, so it was not saved: /);
    expect(JSON.stringify(result)).not.toContain('wrong-token');
    expect(view().settings.slaSec).not.toBe(45);
    expect(wb.runtime.callFromClient('testConnection', [{}])).toMatchObject({ ok: true });
    expect(mapKeys().length).toBeGreaterThan(0);
  });

  it('a new key of the same account keeps the user↔number map; one Aircall cannot check is saved with a warning', async () => {
    // The key stored before it was rotated in Aircall's dashboard.
    wb.runtime.runSnippet(
      `PropertiesService.getUserProperties().setProperty('aircall.credentials', JSON.stringify({ apiId: 'old-id', apiToken: 'old-token' }))`,
    );
    const form = { ...DEFAULT_FORM, apiId: wb.sim.apiId, apiToken: wb.sim.apiToken };
    expect(wb.runtime.callFromClient('saveSettings', [form])).toEqual({ ok: true });
    expect(mapKeys().length).toBeGreaterThan(0);

    await wb.sim.setFaults([{ kind: 'rate-storm' }]);
    const unchecked = wb.runtime.callFromClient<{ ok: true; notice: string }>('saveSettings', [form]);
    await wb.sim.clearFaults();
    expect(unchecked.ok).toBe(true);
    expect(unchecked.notice).toMatch(
      /^Settings saved, but Aircall could not check the key just now \(.+\)\. Use Test connection/,
    );
    expect(mapKeys().length).toBeGreaterThan(0);
  });

  it('the key never reaches a cell, the log or the cache', () => {
    wb.runtime.run('refreshFromMenu');
    const everything = JSON.stringify(wb.runtime.spreadsheet.dump()) + wb.runtime.logs.join('\n');
    expect(everything).not.toContain(wb.sim.apiToken);
  });
});
