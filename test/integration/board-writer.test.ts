/**
 * The board writer against the sheet as a supervisor's colleagues leave it: cells keep their agent
 * from one refresh to the next, edits to the tab are healed on the next refresh, a refresh killed
 * mid-write never leaves a half-written board under a fresh header, and a stale board is greyed out
 * under a banner saying how old it is.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_START_MS, type Scenario } from '../../local/aircall-sim/index';
import type { SheetSnapshot } from '../../local/runtime/spreadsheet/index';
import { a1 } from '../../src/sheet/grid';
import { FROZEN_ROWS, ROWS } from '../../src/sheet/layout';
import { agentInCell } from '../../src/sheet/notes';
import { MUTED_BACKGROUND, STATUS_STYLES } from '../../src/sheet/styles';
import { agentCells, DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const KILLED = 'Exceeded maximum execution time';
const header = (board: SheetSnapshot) => board.displayValues[0].join(' ');

/** Agent cells whose value and note name different agents: a half-written board. */
function disagreeing(board: SheetSnapshot): string[] {
  const bad: string[] = [];
  for (const [r, row] of board.notes.entries()) {
    for (const [c, note] of row.entries()) {
      if (agentInCell(board.displayValues[r][c], note) === 'refreshing') bad.push(`${r + 1},${c + 1}`);
    }
  }
  return bad;
}

/** agent id → its cells as "row,column", every placement. */
const addressesOf = (board: SheetSnapshot) =>
  new Map([...agentCells(board)].map(([id, cells]) => [id, cells.map((c) => `${c.row},${c.column}`)]));

describe('the board writer', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 21 });
    await wb.sim.advance(3 * 60_000);
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('keeps every agent in the same cell across 5 refreshes while statuses change, each refresh showing the live status', async () => {
    const first = addressesOf(wb.board());
    expect(first.size).toBeGreaterThan(0);
    const seen = new Map<number, Set<string>>();
    for (let refresh = 0; refresh < 5; refresh++) {
      await wb.sim.advance(60_000);
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      const board = wb.board();
      expect(addressesOf(board)).toEqual(first);
      const truth = await wb.sim.truth({ calls: false });
      for (const [id, cells] of agentCells(board)) {
        const status = truth.availabilities.find((a) => a.id === id)?.availability ?? 'offline';
        const known = status in STATUS_STYLES ? (status as keyof typeof STATUS_STYLES) : 'unknown';
        for (const { row, column } of cells) {
          expect({ id, background: board.backgrounds[row - 1][column - 1] }).toEqual({
            id,
            background: STATUS_STYLES[known].background,
          });
        }
        seen.set(id, (seen.get(id) ?? new Set()).add(status));
      }
    }
    // Statuses did change meanwhile.
    expect([...seen.values()].filter((statuses) => statuses.size > 1).length).toBeGreaterThan(0);
  });

  it('freezes the rows above the agents and fits the tab to the board', () => {
    const board = wb.board();
    expect(board.frozenRows).toBe(FROZEN_ROWS);
    expect(board.maxRows).toBe(board.displayValues.length);
    expect(board.displayValues[ROWS.teams].filter(Boolean).length).toBeGreaterThan(0);
  });

  it('heals rows deleted or inserted, text typed over the board and merged cells on the next refresh', async () => {
    const before = addressesOf(wb.board());
    const rows = wb.board().maxRows;
    wb.runtime.runSnippet(`(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Activity Tracker');
      sheet.deleteRows(${rows - 1}, 2);
      sheet.insertRowsBefore(${ROWS.firstAgent + 3}, 2);
      sheet.getRange(${ROWS.firstAgent + 3}, 1).setValue('ghost card');
      sheet.getRange(${ROWS.firstAgent + 1}, 1, 2, 2).merge();
      sheet.getRange(2, 9).setValue('typed by a colleague');
    })()`);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const board = wb.board();
    expect(addressesOf(board)).toEqual(before);
    expect(board.maxRows).toBe(rows);
    expect(board.merges).toEqual([]);
    expect(board.displayValues.flat().filter((v) => v === 'ghost card' || v === 'typed by a colleague')).toEqual([]);
  });

  it('writes only what changed on a steady refresh, and heals a value typed over an agent cell on the next one', async () => {
    await wb.sim.advance(60_000);
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    // No edit since the last write: no full rewrite (the never-changing formats are not sent again).
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setNumberFormat') ?? 0).toBe(0);
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setFontSizes') ?? 0).toBe(0);

    const [, [cell]] = [...agentCells(wb.board())][0];
    wb.runtime.runSnippet(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Activity Tracker').getRange(${cell.row}, ${cell.column}).setValue('oops')`,
    );
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(wb.board().displayValues[cell.row - 1][cell.column - 1]).not.toBe('oops');
    expect(disagreeing(wb.board())).toEqual([]);
  });

  it('never shows a half-written board under a fresh header, whichever call a refresh is killed at', async () => {
    // Leaving the first team column out moves every other agent one column left: the refresh after
    // that rewrites names and notes.
    const firstColumn = wb.board().displayValues[ROWS.teams][0].split('\n')[0];
    const others = (await wb.sim.truth({ calls: false })).teams.filter((t) => t.name !== firstColumn);
    const moved = [...others.map((t) => String(t.id)), 'single-users'];
    const filterTo = (teamFilter: string[]) =>
      wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, teamFilter }]);
    filterTo(moved);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    // Every call of the board writer (from its first look at the tab) is a kill point.
    const calls = wb.runtime.executions.at(-1)!.calls;
    const first = calls.indexOf('SpreadsheetApp.Sheet.getMaxRows');
    const points = calls.flatMap((name, index) =>
      index >= first && name.startsWith('SpreadsheetApp.') ? [index] : [],
    );
    expect(points.length).toBeGreaterThan(5);
    const problems: string[] = [];
    let halfWritten = 0;
    for (const i of points) {
      filterTo([]);
      await wb.sim.advance(60_000);
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      filterTo(moved);
      await wb.sim.advance(60_000);
      try {
        wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger', killAt: { call: i } });
      } catch (error) {
        expect((error as Error).message).toBe(KILLED);
      }
      // Half-written (an agent cell's name and note disagree): the header must say so, never a refresh time.
      const board = wb.board();
      const half = disagreeing(board).length;
      if (half > 0) halfWritten++;
      if (half > 0 && !header(board).includes('Updating the board')) {
        problems.push(`killed at call ${i}: ${half} cells half-written under "${header(board).trim()}"`);
      }
    }
    expect(problems).toEqual([]);
    // Some kill points did catch the board half-written: the check above was put to the test.
    expect(halfWritten).toBeGreaterThan(0);
    filterTo([]);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(header(wb.board())).toMatch(/Last refresh/);
    expect(disagreeing(wb.board())).toEqual([]);
  }, 240_000);

  it('greys a board older than two refresh periods out under a banner saying how old it is, and recovers', async () => {
    await wb.sim.setFaults([{ kind: 'status', status: 503 }]);
    for (let minute = 0; minute < 3; minute++) {
      await wb.sim.advance(60_000);
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    }
    await wb.sim.clearFaults();
    const stale = wb.board();
    expect(header(stale)).toMatch(/Stale since \d{2}:\d{2}:\d{2} \([34] min old\)/);
    const agentBackgrounds = [...agentCells(stale).values()]
      .flat()
      .map((c) => stale.backgrounds[c.row - 1][c.column - 1]);
    expect(new Set(agentBackgrounds)).toEqual(new Set([MUTED_BACKGROUND]));

    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const back = wb.board();
    expect(header(back)).toMatch(/Last refresh/);
    const colours = [...agentCells(back).values()].flat().map((c) => back.backgrounds[c.row - 1][c.column - 1]);
    expect(colours).not.toContain(MUTED_BACKGROUND);
  });

  it('rows deleted at the end of the board are put back at the next refresh', async () => {
    const rows = wb.board().maxRows;
    wb.runtime.runSnippet(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Activity Tracker').deleteRows(${rows - 2}, 3)`,
    );
    expect(wb.board().maxRows).toBe(rows - 3);
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(wb.board().maxRows).toBe(rows);
    expect(header(wb.board())).toMatch(/Last refresh/);
  });
});

const THICK = 'SOLID_THICK';

/**
 * A scripted call center where agents are free while callers wait on their lines (as when an
 * agent's phone is ringing): each minute a caller arrives, the one of two minutes before is answered
 * and its call ends, and an agent changes status, so outlines appear, move and are lost.
 */
const OUTLINE_T0 = DEFAULT_START_MS;
const LINES = [100, 200, 300];
function outlineScenario(): Scenario {
  const events: Scenario['events'] = [];
  for (let minute = 0; minute < 16; minute++) {
    const t = (sec: number) => OUTLINE_T0 + (minute * 60 + sec) * 1000;
    const callId = 1_000 + minute;
    events.push({
      atMs: t(5),
      type: 'arrive',
      callId,
      numberId: LINES[minute % 3],
      rawDigits: `+33 6 00 00 10 ${minute + 10}`,
    });
    if (minute >= 2) {
      events.push({ atMs: t(10), type: 'answer', callId: callId - 2, userId: (minute % 8) + 1 });
      events.push({ atMs: t(40), type: 'end', callId: callId - 2 });
    }
    const availability = minute % 2 === 0 ? 'do_not_disturb' : 'available';
    events.push({ atMs: t(15), type: 'status', userId: ((minute * 3) % 8) + 1, availability });
  }
  return {
    agents: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: `Agent ${i + 1}` })),
    teams: [{ id: 10, name: 'Floor', userIds: [1, 2, 3, 4, 5, 6, 7, 8] }],
    numbers: [
      { id: 100, name: 'Support', digits: '+33 1 00 00 01 00', userIds: [1, 2, 3, 4] },
      { id: 200, name: 'Sales', digits: '+33 1 00 00 02 00', userIds: [4, 5, 6] },
      { id: 300, name: 'Billing', digits: '+33 1 00 00 03 00', userIds: [6, 7, 8, 1] },
    ],
    events,
  };
}

describe('outlines of agents who could take a waiting caller', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({
      scenario: outlineScenario(),
      history: false,
      clock: { mode: 'manual', startMs: OUTLINE_T0 },
    });
    wb.runtime.run('mapUsersToNumbers');
    await wb.sim.advance(60_000);
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('after refreshes where the callers waiting change, every outline is where a fresh drawing of the board puts it', async () => {
    let outlinesChanged = 0;
    let outlinesLost = 0;
    let agentsOutlined = 0;
    let before = outlinedCells(wb.board());
    for (let refresh = 0; refresh < 12; refresh++) {
      await wb.sim.advance(60_000);
      wb.runtime.resetCounters();
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      // A steady refresh: written in part, outlines included.
      expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Range.setNumberFormat') ?? 0).toBe(0);
      const board = wb.board();
      const written = writtenOutlines(wb);
      expect(outlinedCells(board)).toEqual(new Set(written.flatMap((group) => group.a1s)));
      expect(thickEdgesAwayFromOutlines(board, written)).toEqual([]);
      const now = outlinedCells(board);
      if ([...now].some((cell) => !before.has(cell)) || [...before].some((cell) => !now.has(cell))) outlinesChanged++;
      if ([...before].some((cell) => !now.has(cell))) outlinesLost++;
      before = now;
      agentsOutlined += [...agentCells(board).values()]
        .flat()
        .filter((c) => now.has(a1(c.row - 1, c.column - 1))).length;
    }
    // The check above was put to the test: outlines moved, and some cells lost theirs.
    expect(agentsOutlined).toBeGreaterThan(0);
    expect(outlinesChanged).toBeGreaterThan(2);
    expect(outlinesLost).toBeGreaterThan(0);
    // The same moment drawn on a board written in full (its last written state forgotten): the same edges.
    const drawnInParts = wb.board().borders;
    wb.runtime.evictCaches();
    wb.runtime.run('refreshFromMenu');
    expect(wb.board().borders).toEqual(drawnInParts);
  });
});

/** Cells whose four edges are thick: outlined in a line's colour. */
function outlinedCells(board: SheetSnapshot): Set<string> {
  const cells = new Set<string>();
  for (const [r, row] of board.borders.entries()) {
    for (const [c, edges] of row.entries()) {
      if (edges && [edges.top, edges.left, edges.bottom, edges.right].every((edge) => edge?.style === THICK)) {
        cells.add(a1(r, c));
      }
    }
  }
  return cells;
}

/** Thick edges of cells that are neither outlined nor beside an outlined cell: an outline left behind. */
function thickEdgesAwayFromOutlines(board: SheetSnapshot, groups: { a1s: string[] }[]): string[] {
  const outlined = new Set(groups.flatMap((group) => group.a1s));
  const near = (r: number, c: number) =>
    [a1(r, c), a1(r - 1, c), a1(r + 1, c), a1(r, c - 1), a1(r, c + 1)].some((cell) => outlined.has(cell));
  const left: string[] = [];
  for (const [r, row] of board.borders.entries()) {
    for (const [c, edges] of row.entries()) {
      if (!edges || near(r, c)) continue;
      if (Object.values(edges).some((edge) => edge?.style === THICK)) left.push(a1(r, c));
    }
  }
  return left;
}

/** The outlines the writer remembers drawing on the main board (its cached last written state). */
function writtenOutlines(wb: Wallboard): { color: string; a1s: string[] }[] {
  const json = wb.runtime.runSnippet<string>(`(() => {
    const cache = CacheService.getDocumentCache();
    const n = Number(cache.get('board-written:Activity Tracker#n'));
    let text = '';
    for (let i = 0; i < n; i++) text += cache.get('board-written:Activity Tracker#' + i);
    return text;
  })()`);
  return JSON.parse(json).borders;
}
