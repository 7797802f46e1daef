import { describe, expect, it } from '@jest/globals';
import { type BoardModel, buildBoard } from '../../src/tracker/board';
import { LINE_COLORS } from '../../src/tracker/palette';
import { SINGLE_USERS } from '../../src/tracker/settings';
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

const columnsOf = (model: BoardModel) => model.teams.map((t) => [t.name, t.agents.map((a) => a.name)]);
const agentIn = (model: BoardModel, team: string, id: number) =>
  model.teams.find((t) => t.name === team)!.agents.find((a) => a.id === id)!;

describe('buildBoard: teams and agents', () => {
  it('groups agents by team in one locale-aware name order, Single Users last, agents of several teams in each', () => {
    expect(columnsOf(buildBoard(boardInput()))).toEqual([
      ['sales', ['Bruno Silva', 'Dana Lee']],
      ['Support', ['ana Diaz', 'Bruno Silva', 'Chloé Martin']],
      ['Single Users', ['Eli Cohen']],
    ]);
  });

  it('sorts equal team and agent names by id', () => {
    const model = buildBoard(
      boardInput({
        users: [
          { id: 9, name: 'Sam' },
          { id: 8, name: 'sam' },
        ],
        teams: [
          { id: 2, name: 'Ops', userIds: [9, 8] },
          { id: 1, name: 'ops', userIds: [] },
        ],
        availabilities: [],
      }),
    );
    expect(model.teams.map((t) => t.key)).toEqual(['1', '2']);
    expect(model.teams[1].agents.map((a) => a.id)).toEqual([8, 9]);
  });

  it('shows only the teams of the filter, Single Users included when selected', () => {
    expect(columnsOf(buildBoard(boardInput({ settings: { teamFilter: ['200'] } }))).map(([name]) => name)).toEqual([
      'Support',
    ]);
    const withSingles = buildBoard(boardInput({ settings: { teamFilter: [SINGLE_USERS, '100'] } }));
    expect(withSingles.teams.map((t) => t.name)).toEqual(['sales', 'Single Users']);
  });

  it('shows an agent missing from the cached users as "Agent #<id>", and users with no availability as offline', () => {
    const model = buildBoard(
      boardInput({
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 77, availability: 'in_call' },
        ],
      }),
    );
    expect(agentIn(model, 'Single Users', 77)).toMatchObject({ name: 'Agent #77', status: 'in_call' });
    expect(agentIn(model, 'Support', 2)).toMatchObject({ status: 'offline' });
    expect(agentIn(model, 'Support', 1)).toMatchObject({ status: 'available' });
  });

  it('sorts accented names with their letter, not after Z', () => {
    const model = buildBoard(
      boardInput({
        users: [
          { id: 1, name: 'Zoé' },
          { id: 2, name: 'Émilie' },
          { id: 3, name: 'Ömer' },
        ],
        teams: [{ id: 1, name: 'Team', userIds: [1, 2, 3] }],
        availabilities: [],
      }),
    );
    expect(model.teams[0].agents.map((a) => a.name)).toEqual(['Émilie', 'Ömer', 'Zoé']);
  });

  it('keeps a status the board does not know as unknown, with its raw word', () => {
    const model = buildBoard(boardInput({ availabilities: [{ id: 4, availability: 'lunch_break' }] }));
    expect(agentIn(model, 'sales', 4)).toMatchObject({ status: 'unknown', rawStatus: 'lunch_break' });
  });
});

describe('buildBoard: activity and calls', () => {
  it('counts per agent what Aircall attributes to the agent, and each missed call once for the whole board', () => {
    const calls = [answeredInbound(1, 10), outbound(4, 20), missed(20), missed(20), missedBy(2, 20)];
    const model = buildBoard(boardInput({ calls, userNumbers: { 1: [20], 2: [20], 3: [20], 4: [20] } }));
    expect(agentIn(model, 'Support', 1).kpi).toMatchObject({ inbound: 1, outbound: 0, missed: 0 });
    expect(agentIn(model, 'Support', 2).kpi).toMatchObject({ missed: 1 });
    expect(agentIn(model, 'sales', 4).kpi).toMatchObject({ outbound: 1, missed: 0 });
    expect(model.totals.missed).toBe(3);
    expect(model.lines.find((l) => l.lineId === 20)!.missed).toBe(3);
  });

  it('details the call of an agent on a call: direction, caller, line name and length', () => {
    const input = boardInput({
      availabilities: [
        { id: 1, availability: 'in_call' },
        { id: 2, availability: 'in_call' },
        { id: 3, availability: 'available' },
      ],
      calls: [live(1, 10, 252), live(3, 20, 20, 'outbound')],
    });
    const model = buildBoard(input);
    expect(agentIn(model, 'Support', 1).inCall).toEqual({
      direction: 'inbound',
      externalNumber: '+33 6 11 11 33 33',
      lineName: 'Support FR',
      lengthSec: 252,
    });
    // In call with no answered call in the window, and an answered call while the status says available.
    expect(agentIn(model, 'Support', 2).inCall).toBeNull();
    expect(agentIn(model, 'Support', 3).inCall).toBeNull();
  });

  it('times a status from the refresh that saw it change, as "at least" until a change is seen, and a call from the call', () => {
    const model = buildBoard(
      boardInput({
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'available' },
          { id: 3, availability: 'in_call' },
          { id: 4, availability: 'offline' },
        ],
        calls: [live(3, 10, 400)],
        statusSince: {
          1: { status: 'available', sinceSec: NOW - 95, changeSeen: true },
          2: { status: 'available', sinceSec: NOW - 120, changeSeen: false },
          // The status tracking saw the call late; the call itself says 400 s.
          3: { status: 'in_call', sinceSec: NOW - 60, changeSeen: false },
          4: { status: 'available', sinceSec: NOW - 5, changeSeen: true },
        },
      }),
    );
    expect(agentIn(model, 'Support', 1)).toMatchObject({ statusForSec: 95, statusAtLeast: false });
    expect(agentIn(model, 'Support', 2)).toMatchObject({ statusForSec: 120, statusAtLeast: true });
    expect(agentIn(model, 'Support', 3)).toMatchObject({ statusForSec: 400, statusAtLeast: false });
    expect(agentIn(model, 'sales', 4)).toMatchObject({ statusForSec: null });
  });
});

describe('buildBoard: waiting callers and line colours', () => {
  it('outlines, in the line colour, only the agents of a waiting line who could take the call now', () => {
    const model = buildBoard(
      boardInput({
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'available' },
          { id: 3, availability: 'do_not_disturb' },
          { id: 4, availability: 'available' },
          { id: 5, availability: 'in_call' },
        ],
        calls: [waiting(20, 8), waiting(10, 30)],
        userNumbers: { 1: [10], 2: [10, 20], 3: [10], 4: [20], 5: [20] },
      }),
    );
    const colorOf10 = model.queue.find((q) => q.lineId === 10)!.lineColor;
    const colorOf20 = model.queue.find((q) => q.lineId === 20)!.lineColor;
    expect(colorOf10).not.toBe(colorOf20);
    // The longest wait wins for an agent on both lines.
    expect(agentIn(model, 'Support', 2).waitingLine).toEqual({ lineId: 10, lineName: 'Support FR', color: colorOf10 });
    expect(agentIn(model, 'sales', 4).waitingLine?.color).toBe(colorOf20);
    expect(agentIn(model, 'Support', 3).waitingLine).toBeNull();
    expect(agentIn(model, 'Single Users', 5).waitingLine).toBeNull();
  });

  it('never gives two waiting lines the same colour', () => {
    const numbers = Array.from({ length: 12 }, (_, i) => line(100 + i));
    const calls = numbers.map((n, i) => waiting(n.id, 10 + i));
    const model = buildBoard(boardInput({ numbers, calls }));
    const colored = model.queue.filter((q) => q.lineColor !== null);
    expect(colored).toHaveLength(LINE_COLORS.length);
    expect(new Set(colored.map((q) => q.lineColor)).size).toBe(LINE_COLORS.length);
    // The longest waits get the colours.
    expect(colored.map((q) => q.waitingSec)).toEqual([21, 20, 19, 18]);
  });
});

describe('buildBoard: lines in trouble', () => {
  it('keeps the lines off target or with a caller waiting, red first, then yellow, then waiting only', () => {
    const numbers = [line(1, 'Quiet'), line(2, 'Late'), line(3, 'Very late'), line(4, 'Ringing')];
    const model = buildBoard(
      boardInput({
        numbers,
        calls: [waiting(2, 30), waiting(3, 90), waiting(4, 5), answeredInbound(1, 1)],
      }),
    );
    expect(model.trouble.map((row) => [row.line.name, row.level])).toEqual([
      ['Very late', 'red'],
      ['Late', 'yellow'],
      ['Ringing', 'green'],
    ]);
  });
});
