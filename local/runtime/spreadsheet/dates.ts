/**
 * Sheets stores dates as serial numbers: days since 1899-12-30 in the spreadsheet's wall clock.
 * Reading a date cell gives the instant of that wall-clock time in the spreadsheet time zone (docs/apps-script-notes.md#cell-values).
 */
import { wallClockUtc } from '../wall-clock.js';

const DAY_MS = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);
export function serialFromInstant(instant: number, timeZone: string): number {
  return (wallClockUtc(instant, timeZone) - EPOCH_UTC) / DAY_MS;
}

export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = EPOCH_UTC + Math.round(serial * DAY_MS);
  const offsetAt = (instant: number) => wallClockUtc(instant, timeZone) - instant;
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}

export function serialFromParts(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return (Date.UTC(year, month - 1, day, h, m, s) - EPOCH_UTC) / DAY_MS;
}

/** Wall-clock fields of a serial, for display formatting. */
export function partsFromSerial(serial: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
} {
  const d = new Date(EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A Date from the product's realm fails `instanceof Date` here, so test the brand instead. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
