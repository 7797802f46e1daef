import { describe, expect, it } from '@jest/globals';
import { buildBoard } from '../../src/tracker/board';
import { answeredInbound, boardInput, live, missed, outbound, waiting } from '../fixtures/board-input';

describe('board totals', () => {
  it('counts each shown agent once by status, and the calls of the period', () => {
    const model = buildBoard(
      boardInput({
        availabilities: [
          { id: 1, availability: 'in_call' },
          { id: 3, availability: 'after_call_work' },
          { id: 4, availability: 'do_not_disturb' },
          { id: 5, availability: 'away' },
        ],
        calls: [answeredInbound(1, 10), live(1, 10, 5), outbound(3, 20), missed(10), waiting(10, 3), waiting(20, 40)],
      }),
    );
    expect(model.totals).toEqual({
      available: 0,
      inCall: 1,
      afterCallWork: 1,
      doNotDisturb: 1,
      offline: 1,
      unknown: 1,
      waiting: 2,
      longestWaitSec: 40,
      // Finished calls only: the call in progress shows as agent 1's status, not in IN.
      inbound: 1,
      outbound: 1,
      missed: 1,
    });
  });
});

describe('line statistics', () => {
  it('summarises waits, agents, answers, SLA and abandons per line', () => {
    const model = buildBoard(
      boardInput({
        settings: { slaSec: 20 },
        userNumbers: { 1: [10], 2: [10], 4: [20] },
        availabilities: [
          { id: 1, availability: 'available' },
          { id: 2, availability: 'in_call' },
        ],
        calls: [
          answeredInbound(1, 10, 10),
          answeredInbound(2, 10, 30),
          missed(10, 'short_abandoned'),
          missed(10, 'no_available_agent'),
          waiting(10, 4),
          waiting(10, 16),
        ],
      }),
    );
    const support = model.lines.find((l) => l.lineId === 10)!;
    expect(support).toMatchObject({
      name: 'Support FR',
      waiting: 2,
      longestWaitSec: 16,
      shortestWaitSec: 4,
      averageWaitSec: 10,
      agents: { assigned: 2, available: 1, inCall: 1 },
      answered: 2,
      missed: 2,
      withinSla: 0.25,
      abandoned: 0.25,
    });
    expect(model.lines.find((l) => l.lineId === 20)).toMatchObject({
      waiting: 0,
      longestWaitSec: null,
      withinSla: null,
      abandoned: null,
    });
  });

  it('has no agent figures and no SLA share without a map and an SLA', () => {
    const model = buildBoard(boardInput({ settings: { slaSec: 0 }, calls: [answeredInbound(1, 10)] }));
    expect(model.lines.map((l) => [l.name, l.agents, l.withinSla])).toEqual([
      ['Sales FR', null, null],
      ['Support FR', null, null],
    ]);
  });
});
