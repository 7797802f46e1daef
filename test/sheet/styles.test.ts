import { describe, expect, it } from '@jest/globals';
import {
  ALARM_STYLE,
  ALL_STYLES,
  MUTED_BACKGROUND,
  STALE_STYLE,
  STATUS_STYLES,
  TARGET_STYLES,
  WAIT_LEVEL_STYLES,
  WARNING_STYLE,
} from '../../src/sheet/styles';
import { AA_TEXT, contrastRatio } from '../support/contrast';

describe('board colours', () => {
  it('gives every text at least WCAG AA contrast (4.5:1) on its background', () => {
    const failing = ALL_STYLES.map((s) => ({
      ...s,
      ratio: Number(contrastRatio(s.fontColor, s.background).toFixed(2)),
    })).filter((s) => s.ratio < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it('computes the contrast of known pairs like the WCAG formula', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The original tracker's available cell: green on pale green, far below AA.
    expect(contrastRatio('#00b388', '#d8f3ec')).toBeLessThan(3);
  });

  it('gives each status its own background, none of them the alarm or the warning colour', () => {
    const backgrounds = Object.values(STATUS_STYLES).map((s) => s.background);
    expect(new Set(backgrounds).size).toBe(backgrounds.length);
    const { available, ...others } = STATUS_STYLES;
    for (const style of Object.values(others)) {
      expect([ALARM_STYLE.background, WARNING_STYLE.background]).not.toContain(style.background);
    }
    // Available is the "fine" green, the same as a short wait and a line on target.
    expect(available.background).toBe(WAIT_LEVEL_STYLES[0].background);
    expect(TARGET_STYLES.green.background).toBe(available.background);
  });

  it('keeps the stale banner and the muted board apart from the alarm red', () => {
    expect(STALE_STYLE.background).not.toBe(ALARM_STYLE.background);
    expect(MUTED_BACKGROUND).not.toBe(ALARM_STYLE.background);
  });
});
