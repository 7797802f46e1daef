/**
 * Whose key it is, with executions overlapping at every service call (local/runtime/overlap.ts). The
 * key belongs to whoever entered it; only its owner shares or un-shares it; a refresh, a trigger or a
 * sidebar never writes key material; an un-shared key never comes back where editors can read it and
 * a key being shared never vanishes. The closing `interleavings` line is the count the issue asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConfigureView, SaveSettingsRequest, SaveSettingsResult } from '../../src/sidebar-contract';
import { interleave, lastRunCalls } from '../support/overlap';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const OWNER = 'supervisor@example.com';
const COLLEAGUE = 'colleague@example.com';
/** An editor with no key of their own. */
const VIEWER = 'viewer@example.com';

describe('the key through overlapping executions', () => {
  let wb: Wallboard;
  let interleavings = 0;
  const lost: string[] = [];

  const keyOf = (user: string) => wb.runtime.callFromClient<ConfigureView>('getConfigureView', [], user).key;
  const saveAs = (user: string, form: Partial<SaveSettingsRequest>) =>
    wb.runtime.callFromClient<SaveSettingsResult>('saveSettings', [{ ...DEFAULT_FORM, ...form }], user);

  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 43, history: false });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(async () => {
    console.info(`interleavings: ${interleavings} tried, ${lost.length} updates lost`);
    await wb?.close();
  });

  it('sharing and un-sharing with a refresh, a mapping or another editor’s Live mode in between: shared means shared, un-shared means gone', async () => {
    const others: [string, () => unknown][] = [
      ['refresh', () => wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' })],
      ['mapping', () => wb.runtime.run('mapUsersToNumbers')],
      ['viewer Live mode', () => wb.runtime.callFromClient('liveRefresh', [20], VIEWER)],
    ];
    for (const share of [true, false]) {
      saveAs(OWNER, { shareKeyWithEditors: !share });
      saveAs(OWNER, { shareKeyWithEditors: share });
      const points = lastRunCalls(wb.runtime);
      for (const [name, other] of others) {
        for (let i = 0; i < points; i++) {
          saveAs(OWNER, { shareKeyWithEditors: !share });
          await wb.sim.advance(20_000);
          const ran = interleave(
            (overlap) =>
              wb.runtime.callFromClient(
                'saveSettings',
                [{ ...DEFAULT_FORM, shareKeyWithEditors: share }],
                OWNER,
                overlap,
              ),
            i,
            other,
          );
          if (!ran) continue;
          interleavings++;
          const viewer = keyOf(VIEWER);
          const owner = keyOf(OWNER);
          if (viewer.configured !== share) lost.push(`${share ? 'sharing' : 'un-sharing'}, ${name} at call ${i}`);
          if (!owner.configured || owner.sharedWithEditors !== share) lost.push(`owner's key, ${name} at call ${i}`);
        }
      }
    }
    expect(lost).toEqual([]);
  }, 120_000);

  it('another editor cannot withdraw the owner’s shared key nor share over it; the owner’s trigger keeps working', async () => {
    saveAs(OWNER, { shareKeyWithEditors: true });
    const refused = saveAs(VIEWER, { shareKeyWithEditors: false });
    expect(refused).toMatchObject({ ok: false, errors: { shareKeyWithEditors: expect.stringMatching(/only they/) } });
    expect(keyOf(VIEWER)).toMatchObject({ configured: true, sharedWithEditors: true });
    expect(keyOf(OWNER)).toMatchObject({ configured: true, sharedWithEditors: true });

    wb.runtime.run('startAutoRefreshFromMenu', [], { user: OWNER });
    await wb.sim.advance(61_000);
    wb.runtime.fireDueTriggers();
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/);
    wb.runtime.run('stopAutoRefreshFromMenu', [], { user: OWNER });

    // A colleague keeps their own key private beside the shared one, which stays the owner's.
    expect(
      saveAs(COLLEAGUE, { apiId: wb.sim.apiId, apiToken: wb.sim.apiToken, shareKeyWithEditors: false }),
    ).toMatchObject({ ok: true });
    expect(keyOf(VIEWER).configured).toBe(true);
    expect(keyOf(OWNER)).toMatchObject({ configured: true, sharedWithEditors: true });
    expect(keyOf(COLLEAGUE)).toMatchObject({ configured: true, sharedWithEditors: false });
    // Only the owner takes it back.
    saveAs(OWNER, { shareKeyWithEditors: false });
    expect(keyOf(VIEWER).configured).toBe(false);
    expect(keyOf(COLLEAGUE).configured).toBe(true);
    // A trigger runs as its creator: an editor without a key they can read is told so, and gets none.
    wb.runtime.run('startAutoRefreshFromMenu', [], { user: VIEWER });
    expect(wb.runtime.triggers).toHaveLength(0);
    expect(wb.runtime.ui.toasts.at(-1)?.message).toMatch(/Auto-refresh runs as you/);
  });
});
