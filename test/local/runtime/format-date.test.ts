import { describe, expect, it } from '@jest/globals';
import { formatDate } from '../../../local/runtime/format-date';

const SUMMER = Date.UTC(2026, 6, 14, 20, 5, 9, 7); // Tuesday 14 July 2026, 20:05:09.007 UTC
const NEW_YEAR_WEEK = Date.UTC(2025, 11, 30, 12, 0, 0); // Tuesday 30 December 2025

describe('formatDate', () => {
  it('renders HH:mm:ss in the given IANA time zone, daylight saving included', () => {
    expect(formatDate(SUMMER, 'Europe/Paris', 'HH:mm:ss')).toBe('22:05:09');
    expect(formatDate(Date.UTC(2026, 0, 14, 20, 5, 9), 'Europe/Paris', 'HH:mm:ss')).toBe('21:05:09');
    expect(formatDate(SUMMER, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-07-14 16:05');
  });

  it('knows names, 12-hour clocks, millis and quoted literals', () => {
    expect(formatDate(SUMMER, 'UTC', "EEEE d MMMM yyyy 'at' h:mm a, SSS 'ms' ''")).toBe(
      "Tuesday 14 July 2026 at 8:05 PM, 007 ms '",
    );
    expect(formatDate(SUMMER, 'UTC', 'EEE, dd MMM yy')).toBe('Tue, 14 Jul 26');
  });

  it('prints zones and offsets like Java', () => {
    expect(formatDate(SUMMER, 'Europe/Paris', 'z Z XXX X')).toBe('CEST +0200 +02:00 +02');
    expect(formatDate(SUMMER, 'UTC', 'X')).toBe('Z');
    expect(formatDate(SUMMER, 'GMT+5:30', 'HH:mm Z')).toBe('01:35 +0530');
  });

  it('reproduces the week-year and day-of-year traps of YYYY and DD', () => {
    expect(formatDate(NEW_YEAR_WEEK, 'UTC', 'yyyy-MM-dd')).toBe('2025-12-30');
    expect(formatDate(NEW_YEAR_WEEK, 'UTC', 'YYYY-MM-DD')).toBe('2026-12-364');
    expect(formatDate(NEW_YEAR_WEEK, 'UTC', 'w')).toBe('1');
  });

  it('rejects unknown pattern letters', () => {
    expect(() => formatDate(SUMMER, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
  });
});
