import { describe, expect, it } from '@jest/globals';
import { observe } from '../../src/alerts/evaluate';
import type { BoardModel } from '../../src/tracker/board';
import type { LineStats } from '../../src/tracker/totals';

const line = (lineId: number, name: string, stats: Partial<LineStats>): LineStats =>
  ({
    lineId,
    name,
    waiting: 0,
    longestWaitSec: null,
    agents: { assigned: 2, available: 1, inCall: 1 },
    withinSla: null,
    ...stats,
  }) as LineStats;

/** Only what alerts read: the lines and the team columns. */
const model = {
  lines: [
    line(1, 'Support', {
      waiting: 2,
      longestWaitSec: 95,
      agents: { assigned: 2, available: 0, inCall: 2 },
      withinSla: 0.5,
    }),
    line(2, 'Sales', { withinSla: 0.9 }),
    line(3, 'Unmapped', { waiting: 1, longestWaitSec: 10, agents: null }),
  ],
  teams: [
    { key: '10', name: 'Front', agents: [{ status: 'available' }, { status: 'in_call' }] },
    { key: '20', name: 'Back', agents: [{ status: 'offline' }] },
  ],
} as unknown as BoardModel;

const firing = (rule: Parameters<typeof observe>[1][number]) =>
  observe(model, [rule]).map((o) => [o.name, o.firing, o.value]);

describe('what each rule sees in the board model', () => {
  it('checks line rules on every line, or on the one chosen', () => {
    expect(firing({ kind: 'longestWait', target: 'all', threshold: 60 })).toEqual([
      ['Support', true, 95],
      ['Sales', false, 0],
      ['Unmapped', false, 10],
    ]);
    expect(firing({ kind: 'waiting', target: '3', threshold: 0 })).toEqual([['Unmapped', true, 1]]);
  });

  it('leaves SLA and "no agent available" quiet where there is nothing to measure', () => {
    expect(firing({ kind: 'slaBelow', target: 'all', threshold: 80 })).toEqual([
      ['Support', true, 50],
      ['Sales', false, 90],
      ['Unmapped', false, 0],
    ]);
    // Unmapped has a caller waiting but no user↔number map: who could answer is unknown.
    expect(firing({ kind: 'noAgentAvailable', target: 'all', threshold: 0 })).toEqual([
      ['Support', true, 2],
      ['Sales', false, 0],
      ['Unmapped', false, 0],
    ]);
  });

  it('counts available agents per team', () => {
    expect(firing({ kind: 'availableBelow', target: 'all', threshold: 1 })).toEqual([
      ['Front', false, 1],
      ['Back', true, 0],
    ]);
    expect(observe(model, [{ kind: 'availableBelow', target: '20', threshold: 1 }]).map((o) => o.key)).toEqual([
      'availableBelow:20:1|team:20',
    ]);
  });
});
