import { describe, expect, it } from '@jest/globals';
import { LINE_COLORS } from '../../src/tracker/palette';
import { buildQueue, waitLevel } from '../../src/tracker/queue';
import { DEFAULT_SETTINGS } from '../../src/tracker/settings';
import { NOW, outbound, waiting } from '../fixtures/board-input';

const names = new Map([[10, 'Support FR']]);

describe('waitLevel', () => {
  it('changes level exactly at each threshold', () => {
    const levels = [0, 9, 10, 19, 20, 600].map((s) => waitLevel(s, { waitLevel1Sec: 10, waitLevel2Sec: 20 }));
    expect(levels).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('buildQueue', () => {
  it('lists every waiting caller, longest wait first, even several on the same line', () => {
    const queue = buildQueue(
      [waiting(10, 5, '+1 555'), waiting(10, 45, '+1 777'), waiting(10, 12)],
      NOW,
      DEFAULT_SETTINGS,
      names,
    );
    expect(queue.map((q) => [q.externalNumber, q.waitingSec, q.level])).toEqual([
      ['+1 777', 45, 2],
      ['+33 6 22 22 44 44', 12, 1],
      ['+1 555', 5, 0],
    ]);
    expect(queue[0]).toMatchObject({ lineId: 10, lineName: 'Support FR', lineColor: LINE_COLORS[0] });
  });

  it('does not queue outbound calls that are still ringing', () => {
    expect(buildQueue([outbound(1, 10, 'initial')], NOW, DEFAULT_SETTINGS, names)).toEqual([]);
  });

  it('names a line missing from the numbers list by the call itself, without a colour', () => {
    const [entry] = buildQueue([waiting(99, 3)], NOW, DEFAULT_SETTINGS, names);
    expect(entry).toMatchObject({ lineId: 99, lineName: 'Line 99', lineColor: null });
  });
});
