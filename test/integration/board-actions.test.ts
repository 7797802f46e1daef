/**
 * Actions on a selected board cell: Switch User Status says whom it will switch and asks first, and
 * neither it nor Select User acts on a cell a refresh has half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { agentCells, openWallboard, type Wallboard } from '../support/wallboard';

const a1 = (cell: { row: number; column: number }) => `${String.fromCharCode(64 + cell.column)}${cell.row}`;

describe('actions on the selected agent cell', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 12 });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('Switch User Status names the agent and the change, and switches nobody when the answer is No', async () => {
    const truth = await wb.sim.truth({ calls: false });
    const cells = agentCells(wb.board());
    const user = truth.users.find((u) => u.availability_status !== 'custom' && cells.has(u.id))!;
    wb.runtime.spreadsheet.setActive('Activity Tracker', a1(cells.get(user.id)![0]));
    wb.runtime.answerNextDialog({ button: 'NO' });
    wb.runtime.run('switchUserStatus');
    const question = wb.runtime.ui.alerts.at(-1)!;
    expect(question.buttons).toBe('YES_NO');
    const to = user.availability_status === 'available' ? 'unavailable' : 'available';
    expect(question.message).toContain(`${user.name}: ${user.availability_status} → ${to}`);
    const after = await wb.sim.truth({ calls: false });
    expect(after.users.find((u) => u.id === user.id)!.availability_status).toBe(user.availability_status);
  });

  it('says the board is being refreshed when the selected cell shows another agent than its note', () => {
    const [[, [first]], [, [second]]] = [...agentCells(wb.board())];
    // A refresh killed between the notes and the values: this cell's note names another agent.
    wb.runtime.runSnippet(`(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Activity Tracker');
      sheet.getRange(${first.row}, ${first.column}).setNote(sheet.getRange(${second.row}, ${second.column}).getNote());
    })()`);
    wb.runtime.spreadsheet.setActive('Activity Tracker', a1(first));
    const alerts = wb.runtime.ui.alerts.length;
    wb.runtime.run('switchUserStatus');
    expect(wb.runtime.ui.alerts.slice(alerts).map((a) => a.message)).toEqual([
      expect.stringMatching(/The board is being refreshed under your selection/),
    ]);
    wb.runtime.run('showUserCallHistory');
    expect(wb.runtime.ui.alerts.at(-1)!.message).toMatch(/The board is being refreshed under your selection/);
  });
});
