import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConfigureView } from '../../src/sidebar-contract';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const COLLEAGUE = 'colleague@example.com';

describe('whose key it is', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 9 }); // configured by supervisor@example.com
  });
  afterAll(() => wb?.close());

  const colleagueView = () => wb.runtime.callFromClient<ConfigureView>('getConfigureView', [], COLLEAGUE);

  it('is the user’s own by default: another editor has none', () => {
    expect(colleagueView().key).toEqual({ configured: false, apiIdMasked: null, sharedWithEditors: false });
    wb.runtime.answerNextDialog({ button: 'OK' });
    wb.runtime.run('refreshFromMenu', [], { user: COLLEAGUE });
    expect(wb.runtime.ui.alerts.at(-1)?.message).toMatch(/No Aircall API key yet/);
  });

  it('can be shared with the spreadsheet’s editors without typing it again, and taken back', () => {
    expect(wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, shareKeyWithEditors: true }])).toEqual({
      ok: true,
    });
    expect(colleagueView().key).toMatchObject({ configured: true, sharedWithEditors: true });
    expect(JSON.stringify(colleagueView())).not.toContain(wb.sim.apiToken);
    wb.runtime.run('refreshFromMenu', [], { user: COLLEAGUE });
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/);

    wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, shareKeyWithEditors: false }]);
    expect(colleagueView().key.configured).toBe(false);
    expect(wb.runtime.callFromClient<ConfigureView>('getConfigureView').key).toMatchObject({
      configured: true,
      sharedWithEditors: false,
    });
  });
});
