import { describe, expect, it } from '@jest/globals';
import { formatWallClock } from '../../src/calls/wall-clock';

describe('formatWallClock', () => {
  it('shows UNIX seconds at a UTC offset, east or west', () => {
    const sec = Date.UTC(2024, 5, 1, 10, 4, 5) / 1000;
    expect(formatWallClock(sec, 120)).toBe('2024-06-01 12:04:05');
    expect(formatWallClock(sec, -330)).toBe('2024-06-01 04:34:05');
    expect(formatWallClock(sec, -660)).toBe('2024-05-31 23:04:05');
  });
});
