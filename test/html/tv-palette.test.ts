import { describe, expect, it } from '@jest/globals';
import { STALE_COLOURS, STATUS_COLOURS, TROUBLE_COLOURS, TV_PAGE } from '../../html/tv/palette';
import { AA_TEXT, contrastRatio } from '../support/contrast';

describe('TV mode colours', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps every text at WCAG AA contrast on its background', () => {
    const pairs: [string, { text: string; background: string }][] = [
      ['page', TV_PAGE],
      ['panel', { text: TV_PAGE.text, background: TV_PAGE.panel }],
      ['muted text on panel', { text: TV_PAGE.muted, background: TV_PAGE.panel }],
      ['stale banner', STALE_COLOURS],
      ...Object.entries(STATUS_COLOURS),
      ...Object.entries(TROUBLE_COLOURS),
    ];
    const failing = pairs
      .map(([name, c]) => ({ name, ratio: Math.round(contrastRatio(c.text, c.background) * 100) / 100 }))
      .filter(({ ratio }) => ratio < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it("gives each status its own colour, none shared with a line's trouble level or the stale banner", () => {
    const backgrounds = [
      ...Object.values(STATUS_COLOURS).map((c) => c.background),
      ...Object.values(TROUBLE_COLOURS).map((c) => c.background),
      STALE_COLOURS.background,
    ];
    expect(new Set(backgrounds).size).toBe(backgrounds.length);
  });
});
