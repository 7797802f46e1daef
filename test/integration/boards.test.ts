/**
 * Several boards at the medium preset: a supervisor adds one tab per team in Configure; one refresh
 * fetches once and writes every board, each showing exactly its teams' agents; a removed board's tab
 * stays as it was, no longer written. Two wallboards on the same seeded call center, one with the
 * extra boards, make the comparison of Aircall requests exact.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PESSIMISTIC_LATENCY } from '../../local/runtime/index';
import type { SheetSnapshot } from '../../local/runtime/spreadsheet/index';
import { REFRESH_CELL } from '../../src/sheet/layout';
import { MUTED_BACKGROUND } from '../../src/sheet/styles';
import { agentCells, aircallRequests, openWallboard, spreadsheetCalls, type Wallboard } from '../support/wallboard';

const FLOOR_A = 'Floor A';
const FLOOR_B = '=HYPERLINK("x") floor';
const a1 = (cell: { row: number; column: number }) => `${String.fromCharCode(64 + cell.column)}${cell.row}`;
const refreshCell = (sheet: SheetSnapshot) => sheet.displayValues[REFRESH_CELL.row - 1][REFRESH_CELL.column - 1];

describe('several boards at the medium preset', () => {
  let one: Wallboard;
  let several: Wallboard;
  let teamA: { id: number; userIds: Set<number> };
  let teamB: { id: number; userIds: Set<number> };
  const tab = (name: string) => several.runtime.spreadsheet.snapshot(name);
  const saveBoards = (boards: unknown[]) =>
    several.runtime.callFromClient<{ ok: boolean; errors?: Record<string, string> }>('saveSettings', [{ boards }]);

  /** One trigger refresh a simulated minute later on both wallboards: what each cost. */
  async function refreshBoth() {
    const cost = [];
    for (const wb of [one, several]) {
      await wb.sim.advance(60_000);
      wb.runtime.resetCounters();
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      cost.push({
        requests: aircallRequests(wb.runtime),
        spreadsheetCalls: spreadsheetCalls(wb.runtime),
        modeledMs: wb.runtime.modeledMs,
      });
    }
    return cost;
  }

  beforeAll(async () => {
    [one, several] = await Promise.all([
      openWallboard({ preset: 'medium', seed: 31, runtime: { latencyProfile: PESSIMISTIC_LATENCY } }),
      openWallboard({ preset: 'medium', seed: 31, runtime: { latencyProfile: PESSIMISTIC_LATENCY } }),
    ]);
    for (const wb of [one, several]) wb.runtime.run('refreshFromMenu');
    const teams = (await several.sim.truth({ calls: false })).teams
      .map((t) => ({ id: t.id, userIds: new Set(t.users.map((u) => u.id)) }))
      .filter((t) => t.userIds.size > 0);
    [teamA, teamB] = teams;
    const saved = saveBoards([
      { name: FLOOR_A, teamFilter: [String(teamA.id)], lineFilter: null },
      { name: FLOOR_B, teamFilter: [String(teamB.id)], lineFilter: null },
    ]);
    expect(saved).toEqual({ ok: true });
  }, 240_000);
  afterAll(async () => {
    await Promise.all([one?.close(), several?.close()]);
  });

  it('writes every board in one refresh with exactly the Aircall requests of a single board', async () => {
    for (let i = 0; i < 3; i++) {
      const [single, multi] = await refreshBoth();
      expect(multi.requests).toBe(single.requests);
      expect(single.requests).toBeGreaterThan(0);
      expect(refreshCell(tab(FLOOR_A))).toBe(refreshCell(several.board()));
      // Each board pays only for what changed on it once written in full (README: about 0.9 s modeled a board).
      if (i > 0) expect(multi.spreadsheetCalls - single.spreadsheetCalls).toBeLessThan(2 * 25);
    }
  });

  it("shows on each board exactly its team's agents, the tab name as a literal title", () => {
    expect(new Set(agentCells(tab(FLOOR_A)).keys())).toEqual(teamA.userIds);
    expect(new Set(agentCells(tab(FLOOR_B)).keys())).toEqual(teamB.userIds);
    expect(tab(FLOOR_B).displayValues[0][0]).toBe(FLOOR_B);
    expect(tab(FLOOR_B).formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('lets Switch User Status name the agent selected on an extra board, switching nobody on No', async () => {
    const [id, [cell]] = [...agentCells(tab(FLOOR_B))][0];
    const user = (await several.sim.truth({ calls: false })).users.find((u) => u.id === id)!;
    several.runtime.spreadsheet.setActive(FLOOR_B, a1(cell));
    several.runtime.answerNextDialog({ button: 'NO' });
    several.runtime.run('switchUserStatus');
    const question = several.runtime.ui.alerts.at(-1)!;
    expect(question.buttons).toBe('YES_NO');
    expect(question.message).toContain(user.name);
  });

  it('lets Select User act on an agent cell of an extra board', () => {
    const [id, [cell]] = [...agentCells(tab(FLOOR_A))][0];
    several.runtime.spreadsheet.setActive(FLOOR_A, a1(cell));
    const alerts = several.runtime.ui.alerts.length;
    const sidebars = several.runtime.ui.sidebars.length;
    several.runtime.run('showUserCallHistory');
    expect(several.runtime.ui.alerts.length).toBe(alerts);
    expect(several.runtime.ui.sidebars.length).toBe(sidebars + 1);
    expect(teamA.userIds.has(id)).toBe(true);
  });

  it('marks every board stale, greyed out once old, when Aircall fails, and brings them back together', async () => {
    await several.sim.setFaults([{ kind: 'status', status: 503 }]);
    for (let minute = 0; minute < 3; minute++) {
      await several.sim.advance(60_000);
      several.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    }
    await several.sim.clearFaults();
    for (const name of [FLOOR_A, FLOOR_B]) {
      const board = tab(name);
      expect(refreshCell(board)).toBe(refreshCell(several.board()));
      expect(refreshCell(board)).toMatch(/^Stale since .* min old\)/);
      expect(board.displayValues[0][0]).toBe(name); // its own title, not the main board's
      const backgrounds = [...agentCells(board).values()].flat().map((c) => board.backgrounds[c.row - 1][c.column - 1]);
      expect(new Set(backgrounds)).toEqual(new Set([MUTED_BACKGROUND]));
    }
    await several.sim.advance(60_000);
    several.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    for (const name of [FLOOR_A, FLOOR_B]) expect(refreshCell(tab(name))).toMatch(/Last refresh/);
  });

  it('refuses a board on a product tab, and a new board on a tab that already exists', () => {
    expect(saveBoards([{ name: 'history' }]).errors?.boards).toMatch(/one of the tracker's own tabs/);
    several.runtime.runSnippet(`SpreadsheetApp.getActiveSpreadsheet().insertSheet('My notes')`);
    expect(saveBoards([{ name: 'My notes' }]).errors?.boards).toMatch(/A tab named "My notes" already exists/);
  });

  it('stops writing a removed board and leaves its tab as it was', async () => {
    expect(saveBoards([{ name: FLOOR_A, teamFilter: [String(teamA.id)], lineFilter: null }])).toEqual({ ok: true });
    const before = tab(FLOOR_B);
    await refreshBoth();
    expect(tab(FLOOR_B)).toEqual(before);
    expect(refreshCell(tab(FLOOR_A))).toBe(refreshCell(several.board()));
    expect(refreshCell(tab(FLOOR_A))).not.toBe(refreshCell(before));
  });

  it('renames the tab with the board, content kept, and never renames a tab that was not a board', async () => {
    const before = agentCells(tab(FLOOR_A));
    const renamed = 'Floor A (support)';
    const board = { name: renamed, teamFilter: [String(teamA.id)], lineFilter: null, from: FLOOR_A };
    const sneaky = { name: 'Switch log', teamFilter: null, lineFilter: null, from: 'Status Switch Log' };
    expect(saveBoards([board, sneaky])).toEqual({ ok: true });
    const tabs = several.runtime.spreadsheet.sheetNames();
    expect(tabs).toContain(renamed);
    expect(tabs).not.toContain(FLOOR_A);
    expect(tabs).toContain('Status Switch Log');
    expect(agentCells(tab(renamed))).toEqual(before);
    await refreshBoth();
    expect(refreshCell(tab(renamed))).toBe(refreshCell(several.board()));
    expect(new Set(agentCells(tab(renamed)).keys())).toEqual(teamA.userIds);
  });
});
