/**
 * TV mode in the built product: the web app page, polls answered from the cache without touching
 * the spreadsheet, and any number of screens plus the trigger sharing one refresh per interval.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TvView } from '../../src/tv/view';
import { openWallboard, spreadsheetCalls, type Wallboard } from '../support/wallboard';

const INTERVAL_MS = 20_000;

describe('TV mode', () => {
  let wb: Wallboard;
  // The web app executes as the user who deployed it (appsscript.json), whoever watches the screen.
  const poll = (parameter: Record<string, string> = {}) => wb.runtime.callFromClient<TvView>('getTvView', [parameter]);
  const refreshesSeen = async () =>
    (await wb.sim.requests()).filter((r) => r.path === '/v1/users/availabilities').length;

  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 5 });
  });
  afterAll(() => wb?.close());

  it('serves its page as a web app, outside any spreadsheet UI', () => {
    const page = wb.runtime.run<{ getContent(): string; getTitle(): string }>('doGet', [{ parameter: {} }], {
      kind: 'webapp',
    });
    expect(page.getTitle()).toBe('Aircall wallboard');
    expect(page.getContent()).toContain('id="tiles"');
  });

  it('answers a poll after a refresh from the cache, with no Spreadsheet call, matching the simulator', async () => {
    wb.runtime.run('refreshFromMenu');
    const truth = await wb.sim.truth({ calls: false });
    await wb.sim.advance(5_000);
    wb.runtime.resetCounters();
    const view = poll();
    expect(spreadsheetCalls(wb.runtime)).toBe(0);
    expect(wb.runtime.counters.byMethod.get('UrlFetchApp.fetchAll') ?? 0).toBe(0);

    const onBoard = new Set(view.teams.flatMap((t) => t.agents.map((a) => a.name)));
    const statusOf = new Map(truth.availabilities.map((a) => [a.id, a.availability]));
    const shown = truth.users.filter((u) => onBoard.has(u.name));
    expect(shown.length).toBe(truth.users.length);
    expect(view.tiles.available).toBe(shown.filter((u) => statusOf.get(u.id) === 'available').length);
    expect(view.tiles.onCall).toBe(shown.filter((u) => statusOf.get(u.id) === 'in_call').length);
    expect(view.ageSec).toBe(5);
    expect(view.stale).toBeNull();
  });

  it('makes N open screens and the trigger cost one refresh per interval', async () => {
    wb.runtime.run('startAutoRefreshFromMenu');
    await wb.sim.resetRequests();
    const screens = ['lobby', 'floor 1', 'floor 2', 'office'];
    const minutes = 3;
    // Every screen polls every 5 s (faster than any page would), the trigger fires every minute.
    for (let t = 0; t < (minutes * 60_000) / 5_000; t++) {
      await wb.sim.advance(5_000);
      wb.runtime.fireDueTriggers();
      for (const _screen of screens) poll();
    }
    const refreshes = await refreshesSeen();
    expect(refreshes).toBeGreaterThanOrEqual(minutes * (60_000 / INTERVAL_MS) - 1);
    expect(refreshes).toBeLessThanOrEqual(minutes * (60_000 / INTERVAL_MS) + 1);
    wb.runtime.run('stopAutoRefreshFromMenu');
  });

  it('shows a stale state with the reason when Aircall refuses the key, and recovers', async () => {
    await wb.sim.revokeKey();
    await wb.sim.advance(INTERVAL_MS + 1_000);
    const failed = poll();
    expect(failed.stale).toMatch(/key|401|refused/i);
    expect(failed.tiles.available + failed.tiles.onCall).toBeGreaterThan(0); // the last good board stays
    await wb.sim.restoreKey();
    await wb.sim.advance(INTERVAL_MS + 1_000);
    expect(poll().stale).toBeNull();
  });

  it('shows the agents of a board tab named in its URL (?board=), and says so when no board has that name', async () => {
    const truth = await wb.sim.truth({ calls: false });
    const team = truth.teams.find((t) => t.users.length > 0)!;
    const saved = wb.runtime.callFromClient('saveSettings', [
      { boards: [{ name: 'Floor A', teamFilter: [String(team.id)], lineFilter: null }] },
    ]);
    expect(saved).toEqual({ ok: true });
    wb.runtime.run('refreshFromMenu');
    await wb.sim.advance(5_000);
    wb.runtime.resetCounters();
    const view = poll({ board: 'floor a' });
    expect(spreadsheetCalls(wb.runtime)).toBe(0);
    expect(view.teams.map((t) => t.name)).toEqual([team.name]);
    expect(view.notices).toEqual([]);
    const unknown = poll({ board: '<b>Floor Z</b>' });
    expect(unknown.notices).toEqual(['No board is named "<b>Floor Z</b>" in Configure; showing every team and line.']);
    expect(unknown.teams.length).toBeGreaterThan(1);
  });

  it('never answers with the API key', () => {
    const text = JSON.stringify(poll());
    expect(text).not.toContain(wb.sim.apiToken);
    expect(text).not.toContain(wb.sim.apiId);
  });
});
