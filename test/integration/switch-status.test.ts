import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { agentCells, openWallboard, type Wallboard } from '../support/wallboard';

const a1 = (cell: { row: number; column: number }) => `${String.fromCharCode(64 + cell.column)}${cell.row}`;

describe('Switch User Status', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 12 });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('toggles the selected agents, refuses Auto, logs who switched whom, and refreshes the board', async () => {
    const truth = await wb.sim.truth({ calls: false });
    const cells = agentCells(wb.board());
    const manual = truth.users.filter((u) => u.availability_status !== 'custom' && cells.has(u.id)).slice(0, 2);
    const auto = truth.users.find((u) => u.availability_status === 'custom' && cells.has(u.id));
    expect(auto).toBeDefined();
    const selection = [...manual, auto!].map((u) => a1(cells.get(u.id)![0])).join(',');
    wb.runtime.spreadsheet.setActive('Activity Tracker', selection);
    wb.runtime.resetCounters();
    wb.runtime.run('switchUserStatus');

    const after = await wb.sim.truth({ calls: false });
    for (const user of manual) {
      const now = after.users.find((u) => u.id === user.id)!;
      expect(now.availability_status).toBe(user.availability_status === 'available' ? 'unavailable' : 'available');
    }
    expect(after.users.find((u) => u.id === auto!.id)!.availability_status).toBe('custom');
    const message = wb.runtime.ui.alerts.at(-1)!.message;
    expect(message).toContain(`${auto!.name} is on Auto`);

    const log = wb.runtime.spreadsheet.snapshot('Status Switch Log').displayValues;
    expect(log[0]).toEqual(['When', 'Switched by', 'Agent', 'Aircall user id', 'From', 'To']);
    expect(log.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual(
      manual.map((u) => ['supervisor@example.com', u.name, String(u.id)]),
    );
    // The board was refreshed right after.
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setValues') ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('says plainly when Aircall does not accept the change, and where to make it instead', async () => {
    const truth = await wb.sim.truth({ calls: false });
    const cells = agentCells(wb.board());
    const [first, second] = truth.users.filter((u) => u.availability_status !== 'custom' && cells.has(u.id));
    wb.runtime.spreadsheet.setActive('Activity Tracker', [first, second].map((u) => a1(cells.get(u.id)![0])).join(','));
    for (const status of [405, 410, 422] as const) {
      await wb.sim.setFaults([{ kind: 'status', status, path: '/v2/users/', method: 'PUT' }]);
      wb.runtime.run('switchUserStatus');
      await wb.sim.clearFaults();
      const message = wb.runtime.ui.alerts.at(-1)!.message;
      expect(message).toContain(`Aircall did not accept the status change for ${first.name} (HTTP ${status})`);
      expect(message).toContain('Aircall Dashboard');
      expect(message).not.toMatch(/deleted|not found/i);
      const after = await wb.sim.truth({ calls: false });
      for (const user of [first, second])
        expect(after.users.find((u) => u.id === user.id)!.availability_status).toBe(
          truth.users.find((u) => u.id === user.id)!.availability_status,
        );
    }
  });

  it('asks for an agent cell when the selection is not one', () => {
    wb.runtime.spreadsheet.setActive('Activity Tracker', 'A1');
    wb.runtime.run('switchUserStatus');
    expect(wb.runtime.ui.alerts.at(-1)!.message).toMatch(/Select one or more agent name cells/);
  });
});
