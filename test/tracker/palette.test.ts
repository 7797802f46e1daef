import { describe, expect, it } from '@jest/globals';
import { STATUS_STYLES, WAIT_LEVEL_STYLES } from '../../src/sheet/styles';
import { LINE_COLORS, waitingLineColors } from '../../src/tracker/palette';

describe('waitingLineColors', () => {
  it('gives each waiting line its own colour, the most urgent first, none beyond the palette', () => {
    const ids = [30, 10, 30, 50, 20, 40];
    const colors = waitingLineColors(ids);
    expect([30, 10, 50, 20].map((id) => colors.get(id))).toEqual([...LINE_COLORS]);
    expect(colors.has(40)).toBe(false);
    expect(new Set(colors.values()).size).toBe(colors.size);
  });

  it('uses outline colours distinct from every status and wait colour', () => {
    const taken = [...Object.values(STATUS_STYLES), ...Object.values(WAIT_LEVEL_STYLES)].flatMap((s) => [
      s.background,
      s.fontColor,
    ]);
    expect(LINE_COLORS.filter((c) => taken.includes(c))).toEqual([]);
    expect(new Set(LINE_COLORS).size).toBe(LINE_COLORS.length);
  });
});
