/**
 * Every menu item and sidebar against the simulator's defaults — Aircall as it is today: User V1
 * retired (404 as a removed route), rate-limit headers only on 429 answers, realistic traffic —
 * at the three presets (the large preset's cold refresh and queue after a wait are in aircall-today.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportRows } from '../../src/calls/export';
import type { AdvancedSearchChunk, ExportResult } from '../../src/sidebar-contract';
import { agentCells, LARGE_PRESET_START_MS, openWallboard, type Wallboard } from '../support/wallboard';

const a1 = (cell: { row: number; column: number }) =>
  `${String.fromCharCode(64 + ((cell.column - 1) % 26) + 1)}${cell.row}`;

describe.each(['small', 'medium', 'large'] as const)('every menu item at the %s preset', (preset) => {
  const timeout = preset === 'large' ? LARGE_PRESET_START_MS : undefined;
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset, seed: 31 }); // Setup and Configure, as a first-time user
  }, timeout);
  afterAll(() => wb?.close());

  it(
    'Configure › Test connection counts the users',
    async () => {
      const truth = await wb.sim.truth({ calls: false });
      expect(wb.runtime.callFromClient('testConnection', [{}])).toEqual({ ok: true, userCount: truth.users.length });
    },
    timeout,
  );

  it(
    'Map Users to Numbers maps every agent to their lines',
    async () => {
      wb.runtime.run('mapUsersToNumbers');
      const done = wb.runtime.ui.toasts.map((t) => t.message).find((m) => m.startsWith('Done:'));
      const truth = await wb.sim.truth({ calls: false });
      const lines = new Set(Object.values(truth.userNumbers).flat()).size;
      expect(done).toBe(`Done: ${truth.users.length.toLocaleString('en-US')} users mapped to ${lines} lines.`);
    },
    timeout,
  );

  it(
    'Refresh draws every agent, through User V2 only',
    async () => {
      await wb.sim.resetRequests();
      wb.runtime.run('refreshFromMenu');
      const truth = await wb.sim.truth({ calls: false });
      expect(wb.board().displayValues[0].join(' ')).not.toMatch(/Stale|Not refreshed/);
      expect(agentCells(wb.board()).size).toBe(truth.users.length);
      expect(
        (await wb.sim.requests()).filter(
          (r) => r.path.startsWith('/v1/users') && r.path !== '/v1/users/availabilities',
        ),
      ).toEqual([]);
    },
    timeout,
  );

  it(
    'Switch User Status switches an agent through User V2',
    async () => {
      const truth = await wb.sim.truth({ calls: false });
      const cells = agentCells(wb.board());
      const agent = truth.users.find(
        (u) => u.availability_status !== 'custom' && (cells.get(u.id)?.[0].column ?? 99) <= 26,
      )!;
      wb.runtime.spreadsheet.setActive('Activity Tracker', a1(cells.get(agent.id)![0]));
      wb.runtime.run('switchUserStatus');
      const after = await wb.sim.truth({ calls: false });
      const to = agent.availability_status === 'available' ? 'unavailable' : 'available';
      expect(after.users.find((u) => u.id === agent.id)!.availability_status).toBe(to);
      expect(wb.runtime.ui.alerts.at(-1)!.message).toContain(`${agent.name}: ${agent.availability_status} → ${to}`);
    },
    timeout,
  );

  it(
    'Calls › All Users lists the calls of the activity period',
    async () => {
      const nowMs = await wb.sim.nowMs();
      const history = wb.runtime.callFromClient<{ calls: { id: number }[] }>('getCallHistory', [{ scope: 'all' }]);
      const truth = await wb.sim.truth({ callsSinceMs: nowMs - 15 * 60_000 });
      expect(history.calls.length).toBeGreaterThan(0);
      const known = new Set(truth.calls.map((c) => c.id));
      expect(history.calls.filter((card) => !known.has(card.id))).toEqual([]);
    },
    timeout,
  );

  it('Advanced Search finds the last hour’s missed calls, and Export writes them to a tab', async () => {
    const nowSec = Math.floor((await wb.sim.nowMs()) / 1000);
    const criteria = { fromSec: nowSec - 3_600, toSec: nowSec - 600, missed: 'any_missed' };
    const found: AdvancedSearchChunk['calls'] = [];
    let cursor: string | null = null;
    for (let chunk = 0; chunk < 20; chunk++) {
      const result: AdvancedSearchChunk = wb.runtime.callFromClient('advancedSearch', [criteria, cursor]);
      found.push(...result.calls);
      cursor = result.cursor;
      if (!cursor) break;
      if (result.resumeInSec) await wb.sim.advance(result.resumeInSec * 1000);
    }
    expect(cursor).toBeNull();
    const truth = await wb.sim.truth({ callsSinceMs: (nowSec - 3_600) * 1000 });
    const missed = truth.calls.filter(
      (c) => c.started_at <= nowSec - 600 && c.missed_call_reason !== null && c.direction === 'inbound',
    );
    expect(missed.length).toBeGreaterThan(0);
    expect(new Set(found.map((card) => card.id))).toEqual(new Set(missed.map((c) => c.id)));

    const result = wb.runtime.callFromClient<ExportResult>('exportCallsToSheet', [
      { sheetName: null, rows: exportRows(found) },
    ]);
    expect(result.rows).toBe(found.length);
    expect(wb.runtime.spreadsheet.snapshot(result.sheetName).displayValues.length).toBe(found.length + 1);
  });
});

describe('Map Users to Numbers one user at a time (more lines than agents) on User V2', () => {
  const scenario = {
    agents: [1, 2, 3].map((id) => ({ id, name: `Agent ${id}` })),
    teams: [{ id: 50, name: 'Support', userIds: [1, 2, 3] }],
    numbers: [10, 11, 12, 13, 14].map((id, i) => ({
      id,
      name: `Line ${id}`,
      digits: `+33 1 00 00 00 ${id}`,
      userIds: i < 4 ? [1 + (i % 3)] : [1, 2],
    })),
    events: [],
  };

  it('asks /v2/users/:id/numbers for each agent and maps their lines', async () => {
    const wb = await openWallboard({ scenario });
    try {
      wb.runtime.run('mapUsersToNumbers');
      expect(wb.runtime.ui.toasts.at(-1)!.message).toBe('Done: 3 users mapped to 5 lines.');
      const paths = (await wb.sim.requests()).map((r) => r.path);
      expect(paths.filter((p) => /^\/v2\/users\/\d+\/numbers$/.test(p)).sort()).toEqual([
        '/v2/users/1/numbers',
        '/v2/users/2/numbers',
        '/v2/users/3/numbers',
      ]);
    } finally {
      await wb.close();
    }
  });

  it('stops with a clear message, and maps no one to no line, when Aircall answers 404 for every agent', async () => {
    const wb = await openWallboard({ scenario });
    try {
      await wb.sim.setFaults([{ kind: 'status', status: 404, path: '/v2/users/' }]);
      wb.runtime.run('mapUsersToNumbers');
      const message = wb.runtime.ui.toasts.at(-1)!.message;
      expect(message).toMatch(/^Mapping stopped.*Aircall no longer accepts GET \/v2\/users\/\d+\/numbers \(HTTP 404\)/);
      expect(wb.runtime.ui.toasts.map((t) => t.message).filter((m) => m.startsWith('Done'))).toEqual([]);
      // Nothing scheduled to retry a request Aircall does not serve, and no map was saved.
      expect(wb.runtime.triggers.filter((t) => t.handler === 'continueMappingFromTrigger')).toEqual([]);
      const savedMap = wb.runtime.runSnippet<string[]>(
        "PropertiesService.getDocumentProperties().getKeys().filter(function (k) { return k.indexOf('user-number-map') === 0; })",
      );
      expect(savedMap).toEqual([]);
    } finally {
      await wb.close();
    }
  });
});
