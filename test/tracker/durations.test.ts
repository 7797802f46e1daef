import { describe, expect, it } from '@jest/globals';
import { formatAge, formatDuration, formatKnownDuration } from '../../src/tracker/durations';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [9, '0:09'],
    [42.9, '0:42'],
    [252, '4:12'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3 * 3600 + 65, '3:01:05'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('shows %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatKnownDuration', () => {
  it('shows an unknown duration as a dash, not as zero', () => {
    expect(formatKnownDuration(null)).toBe('—');
    expect(formatKnownDuration(0)).toBe('0:00');
    expect(formatKnownDuration(170)).toBe('2:50');
  });
});

describe('formatAge', () => {
  it.each([
    [45_000, '45 s'],
    [119_999, '119 s'],
    [120_000, '2 min'],
    [59 * 60_000 + 59_000, '59 min'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 05 min'],
  ])('shows a board %d ms old as %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
