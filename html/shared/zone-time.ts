/**
 * The date picker works in the browser's clock, but people mean the spreadsheet's time zone.
 * These convert between a wall-clock time in a named zone and UNIX seconds, via Intl only.
 */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTimeIn(zone: string, epochSec: number): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochSec * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const asUtcSec = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;

/** UNIX seconds of a wall-clock time in the zone (in a DST gap, the instant just after it). */
export function epochOfWallTime(zone: string, wall: WallTime): number {
  const target = asUtcSec(wall);
  let guess = target;
  // Two corrections settle the zone offset, including on DST change days.
  for (let i = 0; i < 2; i++) guess += target - asUtcSec(wallTimeIn(zone, guess));
  return guess;
}

/** A browser Date showing, in local fields, the zone's wall time (what the picker displays). */
export function pickerDate(zone: string, epochSec: number): Date {
  const w = wallTimeIn(zone, epochSec);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant a picker Date means, reading its local fields as the zone's wall time. */
export function epochOfPickerDate(zone: string, date: Date): number {
  return epochOfWallTime(zone, {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  });
}
