import { describe, expect, it } from '@jest/globals';
import { LINE_COLORS, lineColors } from '../../src/tracker/palette';

describe('lineColors', () => {
  it('gives each line a colour by its place among all numbers sorted by id', () => {
    const colors = lineColors([{ id: 30 }, { id: 10 }, { id: 50 }, { id: 20 }, { id: 40 }]);
    expect([10, 20, 30, 40, 50].map((id) => colors.get(id))).toEqual([...LINE_COLORS, LINE_COLORS[0]]);
  });

  it('keeps a line colour from one refresh to the next whatever the order of the list', () => {
    const first = lineColors([{ id: 3 }, { id: 1 }, { id: 2 }]);
    const second = lineColors([{ id: 2 }, { id: 3 }, { id: 1 }]);
    expect(second).toEqual(first);
  });

  it('uses colours distinct from the agent status colours', () => {
    const statusColors = ['#d8f3ec', '#00b388', '#ff7b7b', '#eeeeee', '#ffe76d', '#ff9900', '#ffeba6', '#006b51'];
    expect(LINE_COLORS.filter((c) => statusColors.includes(c))).toEqual([]);
    expect(new Set(LINE_COLORS).size).toBe(4);
  });
});
