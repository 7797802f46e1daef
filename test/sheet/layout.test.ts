import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../src/aircall/types';
import {
  AGENTS_PER_COLUMN,
  agentIdFromNote,
  type BoardGrid,
  type BoardHeader,
  FROZEN_ROWS,
  ROWS,
  renderBoard,
} from '../../src/sheet/layout';
import { OK_STYLE, STATUS_STYLES, TARGET_STYLES, WARNING_STYLE } from '../../src/sheet/styles';
import { type BoardInput, buildBoard } from '../../src/tracker/board';
import { LINE_COLORS } from '../../src/tracker/palette';
import {
  answeredInbound,
  boardInput,
  line,
  live,
  missed,
  missedBy,
  NOW,
  outbound,
  waiting,
} from '../fixtures/board-input';
import { LINE_HEADERS } from '../fixtures/lines-table';

const HEADER: BoardHeader = { title: 'Aircall Activity Tracker', refreshedAtText: '14:32:05', activityPeriodMin: 15 };

function render(input: BoardInput, header = HEADER): BoardGrid {
  return renderBoard(buildBoard(input), header);
}

function find(grid: BoardGrid, predicate: (value: string) => boolean): { row: number; column: number } {
  for (let row = 0; row < grid.rows; row++) {
    const column = grid.values[row].findIndex(predicate);
    if (column >= 0) return { row, column };
  }
  throw new Error('cell not found');
}

const at = (grid: BoardGrid, text: string) => find(grid, (v) => v === text);
/** The agent cell whose first line is the name. */
const agent = (grid: BoardGrid, name: string) => find(grid, (v) => v.split('\n')[0] === name);
const style = (grid: BoardGrid, { row, column }: { row: number; column: number }) => ({
  background: grid.backgrounds[row][column],
  font: grid.fontColors[row][column],
  weight: grid.fontWeights[row][column],
});

function expectSameSize(grid: BoardGrid): void {
  for (const matrix of [grid.values, grid.backgrounds, grid.fontColors, grid.fontWeights, grid.notes]) {
    expect(matrix).toHaveLength(grid.rows);
    for (const row of matrix) expect(row).toHaveLength(grid.columns);
  }
  expect(grid.rowFontSizes).toHaveLength(grid.rows);
  expect(grid.columnWidths).toHaveLength(grid.columns);
}

/** agent id → "row,column" of every agent cell. */
function addresses(grid: BoardGrid): Map<number, string[]> {
  const byId = new Map<number, string[]>();
  for (const [r, row] of grid.notes.entries()) {
    for (const [c, note] of row.entries()) {
      const id = agentIdFromNote(note);
      if (id !== null) byId.set(id, [...(byId.get(id) ?? []), `${r},${c}`]);
    }
  }
  return byId;
}

/** The agent ids in a team's column, top to bottom. */
function agentIdsUnder(grid: BoardGrid, header: string): number[] {
  const { column } = find(grid, (v) => v.split('\n')[0] === header);
  const ids: number[] = [];
  for (let r = ROWS.firstAgent; r < grid.rows; r++) {
    const id = agentIdFromNote(grid.notes[r][column]);
    if (id !== null) ids.push(id);
  }
  return ids;
}

describe('renderBoard: header and tiles', () => {
  it('shows the title, the last refresh and the activity period, and freezes everything above the agents', () => {
    const grid = render(boardInput());
    expect(grid.values[0].slice(0, 2)).toEqual([
      'Aircall Activity Tracker',
      'Last refresh 14:32:05 · activity period 15 min',
    ]);
    expect(grid.frozenRows).toBe(FROZEN_ROWS);
    expect(FROZEN_ROWS).toBe(ROWS.firstAgent);
  });

  it('says in a note on the title what IN, OUT and MISS count', () => {
    const grid = render(boardInput());
    const legend = grid.notes[0][0];
    expect(legend).toMatch(/^IN: inbound calls the agent answered, finished/m);
    expect(legend).toMatch(/^OUT: outbound calls/m);
    expect(legend).toMatch(/^MISS: .*attributes to that agent.*once, per line/m);
    expect(legend).toMatch(/≥/);
  });

  it('shows large KPI tiles: statuses, the queue, and every missed call counted once', () => {
    const grid = render(
      boardInput({
        availabilities: [
          { id: 1, availability: 'in_call' },
          { id: 2, availability: 'do_not_disturb' },
        ],
        userNumbers: { 1: [10], 2: [10], 3: [10] },
        calls: [answeredInbound(3, 10), outbound(3, 20), missed(10), missed(10), waiting(10, 25)],
      }),
    );
    expect(grid.values[ROWS.tiles].slice(0, 8)).toEqual([
      'Available\n0',
      'On a call\n1',
      'After-call\n0',
      'Do not disturb\n1',
      'Offline\n3',
      'Waiting 1\nlongest 0:25',
      '1 IN · 1 OUT\n2 MISS',
      'SLA 33%\n0% abandoned',
    ]);
    expect(grid.rowFontSizes[ROWS.tiles]).toBeGreaterThanOrEqual(14);
    // Waiting 25 s: past level 2 (20 s), the alarm; and a caller waits with nobody available.
    expect(style(grid, { row: ROWS.tiles, column: 5 }).background).toBe(TARGET_STYLES.red.background);
    expect(style(grid, { row: ROWS.tiles, column: 0 }).background).toBe(TARGET_STYLES.red.background);
  });
});

describe('renderBoard: a stable grid', () => {
  it('keeps every agent in the same cell whatever the queue, the lines in trouble and the statuses', () => {
    const quiet = render(boardInput());
    const busy = render(
      boardInput({
        numbers: Array.from({ length: 30 }, (_, i) => line(i + 1)),
        availabilities: [1, 2, 3, 4, 5].map((id) => ({ id, availability: id % 2 ? 'in_call' : 'after_call_work' })),
        calls: [
          ...Array.from({ length: 40 }, (_, i) => waiting((i % 30) + 1, 5 + i)),
          live(1, 3, 100),
          live(5, 4, 30),
          answeredInbound(2, 1),
          missed(2),
        ],
        userNumbers: { 1: [1, 2], 2: [3] },
      }),
    );
    expect(addresses(busy)).toEqual(addresses(quiet));
    expect(busy.rows).toBe(render(boardInput({ numbers: Array.from({ length: 30 }, (_, i) => line(i + 1)) })).rows);
  });

  it('puts the teams in name order, agents in one locale-aware name order, each team column under its header', () => {
    const grid = render(boardInput());
    expect(grid.values[ROWS.teams].slice(0, 3).map((v) => v.split('\n')[0])).toEqual([
      'sales',
      'Support',
      'Single Users',
    ]);
    expect(agentIdsUnder(grid, 'Support')).toEqual([2, 3, 1]);
    expect(agentIdsUnder(grid, 'sales')).toEqual([3, 4]);
    expect(grid.values[ROWS.teams][1]).toBe('Support\n3 of 3 available');
  });

  it(`continues a team of more than ${AGENTS_PER_COLUMN} agents in the next column`, () => {
    const users = Array.from({ length: 45 }, (_, i) => ({
      id: i + 1,
      name: `Agent ${String(i + 1).padStart(2, '0')}`,
    }));
    const grid = render(
      boardInput({ users, teams: [{ id: 1, name: 'Big', userIds: users.map((u) => u.id) }], availabilities: [] }),
    );
    expect(grid.values[ROWS.teams].slice(0, 3).map((v) => v.split('\n')[0])).toEqual([
      'Big (1/3)',
      'Big (2/3)',
      'Big (3/3)',
    ]);
    expect(agentIdsUnder(grid, 'Big (2/3)')).toEqual(users.slice(20, 40).map((u) => u.id));
  });
});

describe('renderBoard: agent cells', () => {
  it('colours each agent cell by status, do-not-disturb not in the alarm red', () => {
    const statuses = ['available', 'do_not_disturb', 'offline', 'after_call_work', 'in_call'] as const;
    const grid = render(
      boardInput({ availabilities: statuses.map((availability, i) => ({ id: i + 1, availability })) }),
    );
    const names = ['Chloé Martin', 'ana Diaz', 'Bruno Silva', 'Dana Lee', 'Eli Cohen'];
    statuses.forEach((status, i) => {
      const { background, font } = style(grid, agent(grid, names[i]));
      expect({ status, background, font }).toEqual({
        status,
        background: STATUS_STYLES[status].background,
        font: STATUS_STYLES[status].fontColor,
      });
    });
    expect(STATUS_STYLES.do_not_disturb.background).not.toBe(TARGET_STYLES.red.background);
  });

  it('shows name, status, time in it ("≥" until a change is seen) and finished calls, MISS only when attributed', () => {
    const grid = render(
      boardInput({
        availabilities: [
          { id: 1, availability: 'in_call' },
          { id: 4, availability: 'available' },
          { id: 2, availability: 'offline' },
        ],
        statusSince: {
          4: { status: 'available', sinceSec: NOW - 125, changeSeen: false },
          2: { status: 'offline', sinceSec: NOW - 65, changeSeen: true },
        },
        calls: [answeredInbound(1, 10), live(1, 10, 252), outbound(1, 20), missedBy(1, 10), missed(10)],
      }),
    );
    expect(grid.values[agent(grid, 'Chloé Martin').row][agent(grid, 'Chloé Martin').column]).toBe(
      'Chloé Martin\nCall 4:12 · 1 IN 1 OUT 1 MISS',
    );
    const dana = agent(grid, 'Dana Lee');
    expect(grid.values[dana.row][dana.column]).toBe('Dana Lee\nAvail ≥2:05');
    const ana = agent(grid, 'ana Diaz');
    expect(grid.values[ana.row][ana.column]).toBe('ana Diaz\nOff 1:05');
    const chloe = agent(grid, 'Chloé Martin');
    expect(grid.notes[chloe.row][chloe.column].split('\n')).toEqual([
      'Aircall user 1',
      'Chloé Martin',
      'On a call',
      'Inbound call on Support FR with +33 6 11 11 33 33',
    ]);
  });

  it('shows an unknown status with its raw word', () => {
    const grid = render(boardInput({ availabilities: [{ id: 5, availability: 'lunch_break' }] }));
    expect(at(grid, 'Eli Cohen\nlunch_break')).toBeDefined();
  });

  it('writes the name of an agent breaching the SLA in bold alarm red and says why in the note', () => {
    const grid = render(boardInput({ settings: { slaSec: 20 }, calls: [answeredInbound(4, 20, 45)] }));
    const cell = agent(grid, 'Dana Lee');
    expect(style(grid, cell)).toMatchObject({ background: STATUS_STYLES.available.background, weight: 'bold' });
    expect(grid.notes[cell.row][cell.column]).toContain('Average answer 0:45 exceeds the SLA of 0:20');
  });

  it('resolves every agent cell to its agent id, even for duplicate or hostile names', () => {
    const grid = render(
      boardInput({
        users: [
          { id: 1, name: 'Sam' },
          { id: 2, name: 'Sam' },
          { id: 3, name: 'x\nAircall user 1' },
        ],
        teams: [{ id: 1, name: 'Team', userIds: [1, 2, 3] }],
        availabilities: [],
      }),
    );
    expect(agentIdsUnder(grid, 'Team')).toEqual([1, 2, 3]);
    const hostile = agent(grid, 'x Aircall user 1');
    expect(agentIdFromNote(grid.notes[hostile.row][hostile.column])).toBe(3);
  });
});

describe('renderBoard: live queue and lines in trouble', () => {
  it('shows each waiting caller with wait and line on one row, longest first, coloured by level', () => {
    const grid = render(
      boardInput({ calls: [waiting(10, 5, '+1 111'), waiting(20, 10, '+1 222'), waiting(10, 20, '+1 333')] }),
    );
    expect(grid.values[ROWS.queue].slice(0, 4)).toEqual([
      'Live Queue\n3 waiting',
      '0:20 · Support FR\n+1 333',
      '0:10 · Sales FR\n+1 222',
      '0:05 · Support FR\n+1 111',
    ]);
    expect(grid.backgrounds[ROWS.queue].slice(1, 4)).toEqual([
      TARGET_STYLES.red.background,
      WARNING_STYLE.background,
      OK_STYLE.background,
    ]);
  });

  it('keeps the queue to one row, the last cell saying how many more are waiting', () => {
    const calls = Array.from({ length: 30 }, (_, i) => waiting(10, 100 - i));
    const grid = render(boardInput({ calls }));
    const row = grid.values[ROWS.queue];
    expect(row[0]).toBe('Live Queue\n30 waiting');
    const shown = row.filter((v) => v.includes('· Support FR'));
    expect(row.at(-1)).toBe(`+${30 - shown.length} more`);
    expect(grid.values[ROWS.queue + 1][0]).toMatch(/^Lines in trouble/);
  });

  it('outlines waiting callers and only the available agents who could take them, one colour per line', () => {
    const grid = render(
      boardInput({
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'do_not_disturb' },
          { id: 4, availability: 'available' },
        ],
        calls: [waiting(10, 30), waiting(20, 3)],
        userNumbers: { 1: [10], 2: [10, 20], 4: [20] },
      }),
    );
    const a1 = ({ row, column }: { row: number; column: number }) => `${String.fromCharCode(65 + column)}${row + 1}`;
    const groups = Object.fromEntries(grid.borderGroups.map((g) => [g.color, g.a1s]));
    const queue10 = a1(at(grid, '0:30 · Support FR\n+33 6 22 22 44 44'));
    const queue20 = a1(at(grid, '0:03 · Sales FR\n+33 6 22 22 44 44'));
    expect(groups[LINE_COLORS[0]]).toEqual(expect.arrayContaining([queue10, a1(agent(grid, 'Chloé Martin'))]));
    expect(groups[LINE_COLORS[1]]).toEqual(expect.arrayContaining([queue20, a1(agent(grid, 'Dana Lee'))]));
    expect(grid.borderGroups.flatMap((g) => g.a1s)).not.toContain(a1(agent(grid, 'ana Diaz')));
    const dana = agent(grid, 'Dana Lee');
    expect(grid.notes[dana.row][dana.column]).toContain('Could take the caller waiting on Sales FR');
  });

  it('leaves a waiting caller and its line plain when no agent could take the call: an outline always links the two', () => {
    const input = {
      availabilities: [
        { id: 1, availability: 'in_call' },
        { id: 4, availability: 'available' },
      ],
      calls: [waiting(10, 30), waiting(20, 3)],
      userNumbers: { 1: [10], 4: [20] },
    };
    const grid = render(boardInput(input));
    const a1 = ({ row, column }: { row: number; column: number }) => `${String.fromCharCode(65 + column)}${row + 1}`;
    const outlined = grid.borderGroups.flatMap((g) => g.a1s);
    // Line 10's only agent is on a call: its caller and the line are not outlined; line 20's are.
    expect(outlined).not.toContain(a1(at(grid, '0:30 · Support FR\n+33 6 22 22 44 44')));
    expect(outlined).toEqual(
      expect.arrayContaining([a1(at(grid, '0:03 · Sales FR\n+33 6 22 22 44 44')), a1(agent(grid, 'Dana Lee'))]),
    );
    expect(grid.borderGroups).toHaveLength(1);
    const nobody = render(boardInput({ ...input, availabilities: [{ id: 1, availability: 'in_call' }] }));
    expect(nobody.borderGroups).toEqual([]);
  });

  it('lists the lines in trouble worst first on the row under the queue', () => {
    const numbers = [line(1, 'Quiet'), line(2, 'Late'), line(3, 'Very late')];
    const grid = render(boardInput({ numbers, calls: [waiting(2, 30), waiting(3, 90), answeredInbound(1, 1)] }));
    expect(grid.values[ROWS.trouble].slice(0, 3)).toEqual([
      'Lines in trouble\n2 of 3',
      'Very late\n1 waiting · 1:30',
      'Late\n1 waiting · 0:30',
    ]);
    expect(grid.backgrounds[ROWS.trouble].slice(1, 3)).toEqual([
      TARGET_STYLES.red.background,
      WARNING_STYLE.background,
    ]);
    const calm = render(boardInput({ numbers, calls: [answeredInbound(1, 1)] }));
    expect(calm.values[ROWS.trouble][1]).toBe('All lines on target');
  });

  it('gives each cell a font weight by its place alone, so a refresh never rewrites weights as levels come and go', () => {
    const numbers = [line(1, 'Quiet'), line(2, 'Late'), line(3, 'Very late')];
    const calm = render(boardInput({ numbers, calls: [answeredInbound(1, 1)] }));
    const busy = render(boardInput({ numbers, calls: [waiting(2, 30), waiting(3, 90), answeredInbound(1, 1)] }));
    expect(busy.values).not.toEqual(calm.values);
    expect(busy.backgrounds).not.toEqual(calm.backgrounds);
    expect(busy.fontWeights).toEqual(calm.fontWeights);
  });
});

/** The Lines table: its header row, the total, and per line shown the cells under each header. */
function linesTable(grid: BoardGrid) {
  const top = at(grid, 'Line');
  expect(top.column).toBe(0);
  const rows = new Map<string, Record<string, { value: string; background: string; font: string; note: string }>>();
  for (let row = top.row + 1; row < grid.rows && grid.values[row][0] !== ''; row++) {
    const cells = LINE_HEADERS.map((header, column) => [
      header,
      { value: grid.values[row][column], ...style(grid, { row, column }), note: grid.notes[row][column] },
    ]);
    rows.set(grid.values[row][0], Object.fromEntries(cells));
  }
  return { top, headers: grid.values[top.row].slice(0, LINE_HEADERS.length), rows };
}

const valuesOf = (row: Record<string, { value: string }>) => LINE_HEADERS.map((header) => row[header].value);
const colourOf = ({ background, font }: { background: string; font: string }) => ({ background, font });
const GREEN = colourOf({ background: OK_STYLE.background, font: OK_STYLE.fontColor });
const YELLOW = colourOf({ background: WARNING_STYLE.background, font: WARNING_STYLE.fontColor });
const RED = colourOf({ background: TARGET_STYLES.red.background, font: TARGET_STYLES.red.fontColor });

describe('renderBoard: the Lines table', () => {
  it('sits below the agents: a header, the total over every line, then only the lines in trouble', () => {
    const grid = render(
      boardInput({
        settings: { slaSec: 30 },
        userNumbers: { 1: [10], 2: [10] },
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'in_call' },
        ],
        calls: [
          answeredInbound(1, 10, 10),
          missed(10, 'short_abandoned'),
          waiting(10, 12),
          waiting(10, 3725),
          answeredInbound(3, 20),
        ],
      }),
    );
    const { top, headers, rows } = linesTable(grid);
    expect(headers).toEqual(LINE_HEADERS);
    expect(top.row).toBeGreaterThan(ROWS.firstAgent);
    // Sales FR answered its one call in 5 s: on target, so not listed.
    expect([...rows.keys()]).toEqual(['All lines', 'Support FR']);
    // Waits 3725 s and 12 s: longest 1:02:05, min 0:12, average 1868.5 s → 31:08. One answered within 30 s,
    // one abandoned: 1 of 2 each.
    expect(valuesOf(rows.get('Support FR')!)).toEqual([
      'Support FR',
      '2',
      '1:02:05',
      '0:12',
      '31:08',
      '2',
      '1',
      '1',
      '1',
      '1',
      '50%',
      '50%',
    ]);
    // The total: both lines' calls, each missed call once.
    expect(valuesOf(rows.get('All lines')!)).toEqual([
      'All lines',
      '2',
      '1:02:05',
      '0:12',
      '31:08',
      '—',
      '—',
      '—',
      '2',
      '1',
      '67%',
      '33%',
    ]);
  });

  it('colours each metric by its own target and explains the target in its note', () => {
    const grid = render(
      boardInput({
        settings: {
          slaSec: 20,
          lineTargets: {
            all: {
              waiting: { yellow: 1, red: 2 },
              longestWaitSec: { yellow: 30, red: 60 },
              slaPct: { yellow: 90, red: 40 },
              abandonRatePct: { yellow: 90, red: 95 },
            },
            '10': { missed: { yellow: 2, red: 3 } },
          },
        },
        calls: [answeredInbound(1, 10, 10), missed(10), waiting(10, 45), waiting(10, 8)],
      }),
    );
    const support = linesTable(grid).rows.get('Support FR')!;
    // 2 waiting ≥ red 2; longest 45 s between 30 and 60; 1 missed < 2; SLA 1 of 2 = 50% between 90 and 40.
    expect(colourOf(support.Waiting)).toEqual(RED);
    expect(colourOf(support['Longest wait'])).toEqual(YELLOW);
    expect(colourOf(support.Missed)).toEqual(GREEN);
    expect(colourOf(support['SLA %'])).toEqual(YELLOW);
    expect(support['Longest wait'].note).toBe('Longest wait 0:45 — yellow (yellow from 0:30, red from 1:00)');
    expect(support['SLA %'].note).toBe('SLA 50% — yellow (yellow below 90%, red below 40%)');
    expect(colourOf(support.Line)).toEqual(RED);
  });

  it('keeps room for every line, so the board does not change size with the traffic', () => {
    const numbers = Array.from({ length: 12 }, (_, i) => line(i + 1));
    const calm = render(boardInput({ numbers }));
    const stormy = render(boardInput({ numbers, calls: numbers.map((n) => waiting(n.id, 100)) }));
    expect(stormy.rows).toBe(calm.rows);
    expect(linesTable(stormy).rows.size).toBe(13);
  });

  it('writes hostile line names as literal text', () => {
    const names = ['=HYPERLINK("http://x","y")', '00123', 'Line\nAircall user 1'];
    const numbers = names.map((name, i) => line(i + 1, name));
    const grid = render(boardInput({ numbers, calls: numbers.map((n) => waiting(n.id, 30)) }));
    expectSameSize(grid);
    expect([...linesTable(grid).rows.keys()].sort()).toEqual(['All lines', ...names].sort());
    expect(grid.values.flat().some((v) => v.startsWith("'"))).toBe(false);
  });
});

describe('renderBoard: size', () => {
  it('renders 1,000 agents in 60 teams with 10,000 calls in a compact grid', () => {
    const users = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, name: `Agent ${i + 1}` }));
    const teams = Array.from({ length: 60 }, (_, t) => ({
      id: t + 1,
      name: `Team ${t + 1}`,
      userIds: users.filter((u) => u.id % 60 === t || u.id % 97 === t).map((u) => u.id),
    }));
    const numbers = Array.from({ length: 40 }, (_, i) => line(i + 1));
    const userNumbers = Object.fromEntries(users.map((u) => [u.id, [(u.id % 40) + 1, ((u.id * 7) % 40) + 1]]));
    const kinds = [
      (i: number) => answeredInbound((i % 1000) + 1, (i % 40) + 1, i % 50),
      (i: number) => outbound((i % 1000) + 1, (i % 40) + 1),
      (i: number) => missed((i % 40) + 1),
      (i: number) => (i % 50 === 0 ? waiting((i % 40) + 1, i % 90) : live((i % 1000) + 1, (i % 40) + 1, 60)),
    ];
    const calls: Call[] = Array.from({ length: 10_000 }, (_, i) => kinds[i % 4](i));
    const availabilities = users.map((u) => ({
      id: u.id,
      availability: ['available', 'in_call', 'offline'][u.id % 3],
    }));
    const grid = render(
      boardInput({ users, teams, numbers, userNumbers, calls, availabilities, settings: { slaSec: 20 } }),
    );
    expectSameSize(grid);
    expect(grid.columns).toBe(teams.reduce((sum, t) => sum + Math.ceil(t.userIds.length / AGENTS_PER_COLUMN), 0));
    // Header rows, at most 20 agents a column, the Lines table with room for 40 lines.
    expect(grid.rows).toBeLessThanOrEqual(ROWS.firstAgent + AGENTS_PER_COLUMN + 1 + 2 + 40);
    expect(grid.borderGroups.length).toBeLessThanOrEqual(LINE_COLORS.length);
    const team1 = teams[0].userIds.length;
    expect(agentIdsUnder(grid, 'Team 1 (1/2)').length + agentIdsUnder(grid, 'Team 1 (2/2)').length).toBe(team1);
  });
});
