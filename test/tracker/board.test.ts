import { describe, expect, it } from '@jest/globals';
import { type BoardModel, buildBoard } from '../../src/tracker/board';
import { LINE_COLORS } from '../../src/tracker/palette';
import { SINGLE_USERS } from '../../src/tracker/settings';
import { answeredInbound, boardInput, line, live, missed, NOW, outbound, waiting } from '../fixtures/board-input';

const columnsOf = (model: BoardModel) => model.teams.map((t) => [t.name, t.agents.map((a) => a.name)]);
const agentIn = (model: BoardModel, team: string, id: number) =>
  model.teams.find((t) => t.name === team)!.agents.find((a) => a.id === id)!;

describe('buildBoard: teams and agents', () => {
  it('groups agents by team sorted by name, with Single Users last and agents of several teams in each', () => {
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

  it('keeps a status the board does not know as unknown, with its raw word', () => {
    const model = buildBoard(boardInput({ availabilities: [{ id: 4, availability: 'lunch_break' }] }));
    expect(agentIn(model, 'sales', 4)).toMatchObject({ status: 'unknown', rawStatus: 'lunch_break' });
  });
});

describe('buildBoard: activity and calls', () => {
  it('marks agents active only when they had a counted call, MISS only with a map', () => {
    const calls = [answeredInbound(1, 10), outbound(4, 20), missed(20)];
    const withoutMap = buildBoard(boardInput({ calls }));
    expect(withoutMap.showMissed).toBe(false);
    expect(agentIn(withoutMap, 'Support', 2).active).toBe(false);
    expect(agentIn(withoutMap, 'sales', 4).kpi).toMatchObject({ outbound: 1, missed: null });

    const withMap = buildBoard(boardInput({ calls, userNumbers: { 2: [20], 4: [20] } }));
    expect(withMap.showMissed).toBe(true);
    expect(agentIn(withMap, 'Support', 2)).toMatchObject({ active: true, kpi: { missed: 1 } });
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

  it('reports the time in the current status only when it is still the same status', () => {
    const model = buildBoard(
      boardInput({
        statusSince: { 1: { status: 'available', sinceSec: NOW - 95 }, 2: { status: 'in_call', sinceSec: NOW - 5 } },
      }),
    );
    expect(agentIn(model, 'Support', 1).statusForSec).toBe(95);
    expect(agentIn(model, 'Support', 2).statusForSec).toBeNull();
  });
});

describe('buildBoard: waiting callers and line colours', () => {
  it('highlights the agents of a waiting line in its colour, the longest wait winning', () => {
    const model = buildBoard(
      boardInput({ calls: [waiting(20, 8), waiting(10, 30)], userNumbers: { 1: [10], 2: [10, 20], 4: [20] } }),
    );
    const colorOf10 = model.queue.find((q) => q.lineId === 10)!.lineColor;
    const colorOf20 = model.queue.find((q) => q.lineId === 20)!.lineColor;
    expect(colorOf10).not.toBe(colorOf20);
    expect(agentIn(model, 'Support', 2).waitingLine).toEqual({ lineId: 10, lineName: 'Support FR', color: colorOf10 });
    expect(agentIn(model, 'sales', 4).waitingLine?.color).toBe(colorOf20);
    expect(agentIn(model, 'Support', 3).waitingLine).toBeNull();
  });

  it('keeps a line colour while other lines come and go', () => {
    const before = buildBoard(boardInput({ numbers: [line(10), line(20), line(30)], calls: [waiting(20, 5)] }));
    const after = buildBoard(
      boardInput({ numbers: [line(5), line(20), line(30)].reverse(), calls: [waiting(20, 65), waiting(5, 2)] }),
    );
    const colorOf = (m: BoardModel, id: number) => m.queue.find((q) => q.lineId === id)!.lineColor;
    expect(colorOf(after, 20)).toBe(colorOf(before, 20));
    expect(colorOf(after, 20)).toBe(LINE_COLORS[1]);
  });
});
