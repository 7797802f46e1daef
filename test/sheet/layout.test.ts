import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../src/aircall/types';
import { agentIdFromNote, type BoardGrid, type BoardHeader, renderBoard } from '../../src/sheet/layout';
import { type BoardInput, buildBoard } from '../../src/tracker/board';
import { LINE_COLORS } from '../../src/tracker/palette';
import { answeredInbound, boardInput, line, live, missed, NOW, outbound, waiting } from '../fixtures/board-input';
import { LINE_HEADERS } from '../fixtures/lines-table';

const HEADER: BoardHeader = {
  title: 'Aircall Activity Tracker',
  refreshedAtText: '14:32:05',
  activityPeriodMin: 15,
  stale: null,
};

function render(input: BoardInput, header = HEADER, pad?: { rows: number; columns: number }): BoardGrid {
  return renderBoard(buildBoard(input), header, pad);
}

function find(grid: BoardGrid, predicate: (value: string) => boolean): { row: number; column: number } {
  for (let row = 0; row < grid.rows; row++) {
    const column = grid.values[row].findIndex(predicate);
    if (column >= 0) return { row, column };
  }
  throw new Error('cell not found');
}

const at = (grid: BoardGrid, text: string) => find(grid, (v) => v === text);
const style = (grid: BoardGrid, { row, column }: { row: number; column: number }) => ({
  background: grid.backgrounds[row][column],
  font: grid.fontColors[row][column],
  weight: grid.fontWeights[row][column],
  italic: grid.fontStyles[row][column],
});

function expectSameSize(grid: BoardGrid): void {
  for (const matrix of [
    grid.values,
    grid.backgrounds,
    grid.fontColors,
    grid.fontWeights,
    grid.fontStyles,
    grid.notes,
  ]) {
    expect(matrix).toHaveLength(grid.rows);
    for (const row of matrix) expect(row).toHaveLength(grid.columns);
  }
  expect(grid.columnWidths).toHaveLength(grid.columns);
}

/** The agent id in the note of the cell below a team header, for each agent cell of a column. */
function agentIdsUnder(grid: BoardGrid, team: string): number[] {
  const { row, column } = at(grid, team);
  const ids: number[] = [];
  for (let r = row + 1; r < grid.rows; r++) {
    const id = agentIdFromNote(grid.notes[r][column]);
    if (id !== null) ids.push(id);
  }
  return ids;
}

describe('renderBoard: header', () => {
  it('shows the title and the last refresh with the activity period', () => {
    const grid = render(boardInput());
    expect(grid.values[0].slice(0, 2)).toEqual([
      'Aircall Activity Tracker',
      'Last refresh 14:32:05 · activity period 15 min',
    ]);
    expect(style(grid, { row: 0, column: 0 })).toMatchObject({
      background: '#006b51',
      font: '#ffffff',
      weight: 'bold',
    });
    expect(grid.frozenRows).toBe(2);
  });

  it('warns on a red background when the board is stale', () => {
    const grid = render(boardInput(), {
      ...HEADER,
      stale: { sinceText: '14:31:05', reason: 'Aircall is not responding' },
    });
    const cell = at(grid, 'Stale since 14:31:05 — Aircall is not responding');
    expect(style(grid, cell)).toMatchObject({ background: '#ff7b7b', font: '#ffffff' });
  });
});

describe('renderBoard: agents', () => {
  it('colours each agent name cell by status', () => {
    const statuses = ['available', 'do_not_disturb', 'offline', 'after_call_work', 'in_call'];
    const grid = render(
      boardInput({ availabilities: statuses.map((availability, i) => ({ id: i + 1, availability })) }),
    );
    const colors = ['Chloé Martin', 'ana Diaz', 'Bruno Silva', 'Dana Lee', 'Eli Cohen'].map((name) => {
      const { background, font } = style(grid, at(grid, name));
      return [background, font];
    });
    expect(colors).toEqual([
      ['#d8f3ec', '#00b388'],
      ['#ff7b7b', '#ffffff'],
      ['#eeeeee', '#595959'],
      ['#ffe76d', '#ff9900'],
      ['#ff9900', '#ffffff'],
    ]);
  });

  it('shows an unknown status neutral, with its raw word', () => {
    const grid = render(boardInput({ availabilities: [{ id: 5, availability: 'lunch_break' }] }));
    expect(style(grid, at(grid, 'Eli Cohen\nlunch_break'))).toMatchObject({ background: '#ffffff', font: '#595959' });
  });

  it('stacks name, KPI and in-call cells under the team header, KPI only for active agents', () => {
    const grid = render(
      boardInput({
        availabilities: [{ id: 1, availability: 'in_call' }],
        userNumbers: { 1: [10], 2: [20] },
        calls: [answeredInbound(1, 10), live(1, 10, 252), outbound(1, 20), missed(10), missed(10)],
      }),
    );
    const header = at(grid, 'Support');
    const column = grid.values.slice(header.row, header.row + 6).map((row) => row[header.column]);
    expect(column).toEqual([
      'Support',
      'ana Diaz',
      'Bruno Silva',
      'Chloé Martin',
      '2 IN / 1 OUT / 2 MISS',
      '+33 6 11 11 33 33 (INB)\nSupport FR\n4:12',
    ]);
    expect(style(grid, at(grid, '2 IN / 1 OUT / 2 MISS'))).toMatchObject({ background: '#b7b7b7', italic: 'italic' });
    expect(
      style(
        grid,
        find(grid, (v) => v.endsWith('4:12')),
      ),
    ).toMatchObject({ background: '#ffeba6', font: '#ff9900' });
  });

  it('shows how long an agent has been in the status when the adapter tracks it', () => {
    const grid = render(boardInput({ statusSince: { 4: { status: 'available', sinceSec: NOW - 125 } } }));
    expect(at(grid, 'Dana Lee\n2:05')).toBeDefined();
  });

  it('leaves MISS out of the KPI cell without a user↔number map', () => {
    const grid = render(boardInput({ calls: [answeredInbound(2, 10), missed(10)] }));
    expect(at(grid, '1 IN / 0 OUT')).toBeDefined();
  });

  it('writes the name of an agent breaching the SLA in red bold', () => {
    const grid = render(boardInput({ settings: { slaSec: 20 }, calls: [answeredInbound(4, 20, 45)] }));
    const cell = at(grid, 'Dana Lee');
    expect(style(grid, cell)).toMatchObject({ background: '#d8f3ec', font: '#ff0000', weight: 'bold' });
    expect(grid.notes[cell.row][cell.column]).toContain('Average answer 0:45 exceeds the SLA of 0:20');
  });

  it('resolves every name cell to its agent id, even for duplicate or hostile names', () => {
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
    const hostile = at(grid, 'x\nAircall user 1');
    expect(agentIdFromNote(grid.notes[hostile.row][hostile.column])).toBe(3);
  });
});

describe('renderBoard: live queue and lines', () => {
  it('shows each waiting caller with the line and wait, coloured by level', () => {
    const grid = render(
      boardInput({ calls: [waiting(10, 5, '+1 111'), waiting(20, 10, '+1 222'), waiting(10, 20, '+1 333')] }),
    );
    const label = at(grid, 'Live Queue\n3 waiting');
    expect(style(grid, label)).toMatchObject({ background: '#00b388', font: '#ffffff', weight: 'bold' });
    expect(grid.values[label.row].slice(1, 4)).toEqual([
      '+1 333\nSupport FR\nwaiting 0:20',
      '+1 222\nSales FR\nwaiting 0:10',
      '+1 111\nSupport FR\nwaiting 0:05',
    ]);
    expect(grid.backgrounds[label.row].slice(1, 4)).toEqual(['#ff7b7b', '#ffeba6', '#d8f3ec']);
  });

  it('says no one is waiting when the queue is empty', () => {
    const grid = render(boardInput({ calls: [outbound(1, 10, 'initial')] }));
    const label = at(grid, 'Live Queue\n0 waiting');
    expect(grid.values[label.row][1]).toBe('No one waiting');
  });

  it('flows waiting callers onto the next rows when there are more than columns', () => {
    const calls = Array.from({ length: 20 }, (_, i) => waiting(10, 100 - i));
    const grid = render(boardInput({ calls }));
    const label = at(grid, 'Live Queue\n20 waiting');
    const queueCells = grid.values.flat().filter((v) => v.includes('\nwaiting '));
    expect(queueCells).toHaveLength(20);
    expect(grid.values[label.row + 3][0]).toBe('');
    expect(grid.values[label.row + 3][1]).toMatch(/waiting 1:22$/);
  });

  it('outlines waiting callers and the agents who can pick them up in the line colour', () => {
    const grid = render(
      boardInput({ calls: [waiting(10, 30), waiting(20, 3)], userNumbers: { 1: [10], 2: [10, 20], 4: [20] } }),
    );
    const cellOf = (text: string) => {
      const { row, column } = at(grid, text);
      return `${String.fromCharCode(65 + column)}${row + 1}`;
    };
    const groups = Object.fromEntries(grid.borderGroups.map((g) => [g.color, g.a1s]));
    const queue10 = cellOf('+33 6 22 22 44 44\nSupport FR\nwaiting 0:30');
    const queue20 = cellOf('+33 6 22 22 44 44\nSales FR\nwaiting 0:03');
    const line10 = cellOf('Support FR');
    // Line 10 is second by id among lines 10 and 20 → colour 0; line 20 → colour 1.
    expect(groups[LINE_COLORS[0]].sort()).toEqual([queue10, line10, cellOf('Chloé Martin'), cellOf('ana Diaz')].sort());
    expect(groups[LINE_COLORS[1]]).toContain(queue20);
    expect(groups[LINE_COLORS[1]]).toContain(cellOf('Dana Lee'));
    const dana = at(grid, 'Dana Lee');
    expect(grid.notes[dana.row][dana.column]).toContain('Assigned to Sales FR, where a caller is waiting');
    expect(grid.borderGroups.length).toBeLessThanOrEqual(4);
  });

  it('keeps at most 4 border groups however many lines are waiting', () => {
    const numbers = Array.from({ length: 9 }, (_, i) => line(i + 1));
    const grid = render(boardInput({ numbers, calls: numbers.map((n) => waiting(n.id, 5)) }));
    expect(grid.borderGroups.map((g) => g.color)).toEqual([...LINE_COLORS]);
    expect(grid.borderGroups.flatMap((g) => g.a1s)).toHaveLength(18);
  });
});

const GREEN = { background: '#d8f3ec', font: '#00b388' };
const YELLOW = { background: '#ffeba6', font: '#ff9900' };
const RED = { background: '#ff7b7b', font: '#ffffff' };
const NEUTRAL = { background: '#f3f3f3', font: '#202124' };

/** The Lines table: its header row, and per line shown the cells under each header. */
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

describe('renderBoard: lines table', () => {
  it('draws a header row, then one row per line with activity, between the queue and the teams', () => {
    const grid = render(
      boardInput({
        settings: { slaSec: 30 },
        userNumbers: { 1: [10], 2: [10] },
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'in_call' },
        ],
        calls: [answeredInbound(1, 10, 10), missed(10, 'short_abandoned'), waiting(10, 12), waiting(10, 3725)],
      }),
    );
    const { top, headers, rows } = linesTable(grid);
    expect(headers).toEqual(LINE_HEADERS);
    expect(grid.columns).toBeGreaterThanOrEqual(LINE_HEADERS.length);
    expect(grid.columnWidths.every((w) => w === 170)).toBe(true);
    expect(style(grid, top)).toMatchObject({ background: '#00b388', font: '#ffffff', weight: 'bold' });
    expect(at(grid, 'Live Queue\n2 waiting').row).toBeLessThan(top.row);
    expect(at(grid, 'Support').row).toBeGreaterThan(top.row + rows.size);
    // Sales FR has no call, no caller and no target: not shown.
    expect([...rows.keys()]).toEqual(['Support FR']);
    // Waits 3725 s and 12 s: longest 1:02:05, min 0:12, average 1868.5 s → 31:08. Agents 1 (available) and
    // 2 (on a call). One answered within 30 s, one abandoned: 1 of 2 each.
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
  });

  it('shows a quiet filtered line with 0:00 waits and a dash where there is nothing to count or divide by', () => {
    const grid = render(boardInput({ settings: { slaSec: 20, lineFilter: ['20'] } }));
    const { rows } = linesTable(grid);
    // No user↔number map: no agent figures; no inbound call: no SLA or abandon share.
    expect(valuesOf(rows.get('Sales FR')!)).toEqual([
      'Sales FR',
      '0',
      '0:00',
      '0:00',
      '0:00',
      '—',
      '—',
      '—',
      '0',
      '0',
      '—',
      '—',
    ]);
    expect(rows.has('Support FR')).toBe(false);
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
            },
            '10': { missed: { yellow: 2, red: 3 } },
            '20': { waiting: { yellow: 2, red: 4 } },
          },
        },
        calls: [answeredInbound(1, 10, 10), missed(10), waiting(10, 45), waiting(10, 8), waiting(20, 5)],
      }),
    );
    const { rows } = linesTable(grid);
    const support = rows.get('Support FR')!;
    // 2 waiting ≥ red 2; longest 45 s between 30 and 60; 1 missed < 2; SLA 1 of 2 = 50% between 90 and 40.
    expect(colourOf(support.Waiting)).toEqual(RED);
    expect(colourOf(support['Longest wait'])).toEqual(YELLOW);
    expect(colourOf(support.Missed)).toEqual(GREEN);
    expect(colourOf(support['SLA %'])).toEqual(YELLOW);
    for (const header of ['Min wait', 'Avg wait', 'Queue agents', 'Available', 'On a call', 'Answered', 'Abandoned']) {
      expect({ header, colour: colourOf(support[header]), note: support[header].note }).toEqual({
        header,
        colour: NEUTRAL,
        note: '',
      });
    }
    expect(support['Longest wait'].note).toBe('Longest wait 0:45 — yellow (yellow from 0:30, red from 1:00)');
    expect(support['SLA %'].note).toBe('SLA 50% — yellow (yellow below 90%, red below 40%)');
    expect(support.Missed.note).toBe('Missed calls 1 — green (yellow from 2, red from 3)');
    // Sales FR: its own waiting target (1 < yellow 2) replaces All lines' (where 1 would be yellow).
    const sales = rows.get('Sales FR')!;
    expect(colourOf(sales.Waiting)).toEqual(GREEN);
    expect(colourOf(sales['Longest wait'])).toEqual(GREEN);
    expect(colourOf(sales['SLA %'])).toEqual(NEUTRAL);
    // The name cell sums the line up: its worst target, and in the note what is off target.
    expect(colourOf(support.Line)).toEqual(RED);
    expect(support.Line.note.split('\n')).toEqual([
      '+33 1 00 00 10 00',
      'Calls waiting 2 — red (yellow from 1, red from 2)',
      'Longest wait 0:45 — yellow (yellow from 0:30, red from 1:00)',
      'SLA 50% — yellow (yellow below 90%, red below 40%)',
    ]);
    expect(colourOf(sales.Line)).toEqual(GREEN);
  });

  it('keeps a line name neutral without targets, outlined in its colour only while someone waits', () => {
    const grid = render(boardInput({ calls: [waiting(10, 5), missed(20)] }));
    const { rows } = linesTable(grid);
    expect(colourOf(rows.get('Sales FR')!.Line)).toEqual(NEUTRAL);
    const outlined = grid.borderGroups.flatMap((g) => g.a1s);
    const support = at(grid, 'Support FR');
    const sales = at(grid, 'Sales FR');
    expect(outlined).toContain(`A${support.row + 1}`);
    expect(outlined).not.toContain(`A${sales.row + 1}`);
  });

  it('writes hostile line names as literal text in rectangular matrices', () => {
    const names = ['=HYPERLINK("http://x","y")', '00123', 'Line\nAircall user 1'];
    const numbers = names.map((name, i) => line(i + 1, name));
    const grid = render(boardInput({ numbers, calls: numbers.map((n) => missed(n.id)) }));
    expectSameSize(grid);
    expect([...linesTable(grid).rows.keys()].sort()).toEqual([...names].sort());
    expect(grid.values.flat().some((v) => v.startsWith("'"))).toBe(false);
  });
});

describe('renderBoard: matrices', () => {
  it('returns matrices of the same size and keeps values exactly as given', () => {
    const grid = render(
      boardInput({
        users: [
          { id: 1, name: '=HYPERLINK("http://x","y")' },
          { id: 2, name: '00123' },
        ],
        calls: [waiting(10, 5, '+33 6 11 11 33 33')],
      }),
    );
    expectSameSize(grid);
    const values = grid.values.flat();
    expect(values).toContain('=HYPERLINK("http://x","y")');
    expect(values).toContain('00123');
    expect(values.some((v) => v.startsWith("'"))).toBe(false);
  });

  it('pads a smaller board to the previous extent with default cells, wiping leftovers', () => {
    const big = render(boardInput({ calls: Array.from({ length: 30 }, (_, i) => waiting(10, i)) }));
    const small = render(boardInput({ teams: [], users: [], availabilities: [] }), HEADER, {
      rows: big.rows,
      columns: 12,
    });
    expectSameSize(small);
    expect([small.rows, small.columns]).toEqual([big.rows, 12]);
    const last = small.rows - 1;
    expect(small.values[last]).toEqual(Array(12).fill(''));
    expect(small.backgrounds[last]).toEqual(Array(12).fill('#ffffff'));
    expect(small.fontColors[last]).toEqual(Array(12).fill('#000000'));
    expect(small.notes[last]).toEqual(Array(12).fill(''));
  });

  it('renders 1,000 agents in 60 teams with 10,000 calls', () => {
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
      boardInput({ users, teams, numbers, userNumbers, calls, availabilities, settings: { slaSec: 20 }, nowSec: NOW }),
    );
    expectSameSize(grid);
    expect(grid.columns).toBe(60);
    expect(grid.borderGroups.length).toBeLessThanOrEqual(4);
    expect(agentIdsUnder(grid, 'Team 1').length).toBe(teams[0].userIds.length);
  });
});
