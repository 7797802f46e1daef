import { describe, expect, it } from '@jest/globals';
import { epochOfWallTime, wallTimeIn } from '../../html/shared/zone-time';

const utc = (...p: [number, number, number, number, number]) => Date.UTC(...p) / 1000;

describe('spreadsheet time zone conversions', () => {
  it('reads an instant as wall-clock time in the zone', () => {
    expect(wallTimeIn('Europe/Paris', utc(2024, 5, 1, 10, 0))).toEqual({
      year: 2024,
      month: 6,
      day: 1,
      hour: 12,
      minute: 0,
      second: 0,
    });
    expect(wallTimeIn('America/New_York', utc(2024, 0, 1, 3, 30)).day).toBe(31);
  });

  it('turns wall-clock time in the zone back into the instant, in summer and winter', () => {
    for (const sec of [utc(2024, 5, 1, 10, 0), utc(2024, 0, 15, 23, 45), utc(2024, 2, 31, 1, 30)]) {
      for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'])
        expect(epochOfWallTime(zone, wallTimeIn(zone, sec))).toBe(sec);
    }
  });

  it('moves a time that does not exist (spring-forward gap) to just after the gap', () => {
    const gap = { year: 2024, month: 3, day: 31, hour: 2, minute: 30, second: 0 };
    expect(wallTimeIn('Europe/Paris', epochOfWallTime('Europe/Paris', gap)).hour).toBe(3);
  });
});
