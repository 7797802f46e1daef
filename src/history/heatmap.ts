/**
 * Hour × weekday heat map for staffing: how many callers wait on average, and how many calls are
 * missed, at each hour of each weekday. Each finished day adds its calls (the Daily roll-up's list);
 * the sums live in a document property, the tab shows the averages, weighted toward recent weeks.
 */
import type { Call } from '../aircall/types';
import { isMissed } from '../tracker/kpi';
import { DAY_MS, HOUR_MS, weekdayOf } from './calendar';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface HeatMap {
  /** yyyy-MM-dd of the first day counted. */
  sinceDay: string;
  /** Days counted per weekday. */
  days: number[];
  /** Caller-seconds of waiting per weekday and hour. */
  waitingSec: number[][];
  missed: number[][];
}

export interface DayHeat {
  waitingSec: number[];
  missed: number[];
}

const zeros = () => new Array<number>(24).fill(0);

export const emptyDayHeat = (): DayHeat => ({ waitingSec: zeros(), missed: zeros() });

/** Adds one part of a day (a roll-up's hour of calls) to the day so far. */
export function addDayHeat(total: DayHeat, part: DayHeat): void {
  for (let h = 0; h < 24; h++) {
    total.waitingSec[h] += part.waitingSec[h];
    total.missed[h] += part.missed[h];
  }
}

export function newHeatMap(sinceDay: string): HeatMap {
  return {
    sinceDay,
    days: new Array<number>(7).fill(0),
    waitingSec: WEEKDAYS.map(zeros),
    missed: WEEKDAYS.map(zeros),
  };
}

/** Hour of the day counted from its midnight (a 25-hour day folds its last hour into 23). */
const hourIndex = (ms: number, startMs: number) => Math.min(23, Math.max(0, Math.floor((ms - startMs) / HOUR_MS)));

/** One finished day: each inbound call's wait (start to answer or hang-up) spread over the hours it covered. */
export function dayHeat(calls: readonly Call[], startMs: number, endMs: number): DayHeat {
  const heat = emptyDayHeat();
  for (const call of calls) {
    const started = call.started_at * 1000;
    if (call.direction !== 'inbound' || started < startMs || started >= endMs) continue;
    if (isMissed(call)) heat.missed[hourIndex(started, startMs)]++;
    const waitEnd = call.answered_at ?? call.ended_at;
    if (waitEnd === null) continue;
    let from = started;
    const to = Math.min(waitEnd * 1000, endMs);
    while (from < to) {
      const hour = hourIndex(from, startMs);
      const hourEnd = Math.min(to, startMs + (hour + 1) * HOUR_MS);
      heat.waitingSec[hour] += (Math.max(hourEnd, from + 1) - from) / 1000;
      from = hourEnd > from ? hourEnd : to;
    }
  }
  return heat;
}

/**
 * What a weekday's past counts keep each time that weekday comes round again: recent weeks weigh
 * most (a week ago 90 %, two months ago about 40 %, a year ago almost nothing), so the map follows
 * today's staffing and traffic instead of averaging them with last year's.
 */
export const WEEKLY_WEIGHT = 0.9;

const keep = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function addDayToHeatMap(heat: HeatMap, startMs: number, offsetMinutes: number, day: DayHeat): void {
  const weekday = weekdayOf(startMs + DAY_MS / 2, offsetMinutes);
  // Rounded so the sums stay compact in their document property.
  heat.days[weekday] = keep(heat.days[weekday] * WEEKLY_WEIGHT + 1, 4);
  for (let h = 0; h < 24; h++) {
    heat.waitingSec[weekday][h] = keep(heat.waitingSec[weekday][h] * WEEKLY_WEIGHT + day.waitingSec[h], 1);
    heat.missed[weekday][h] = keep(heat.missed[weekday][h] * WEEKLY_WEIGHT + day.missed[h], 4);
  }
}

const HOT = [0xea, 0x43, 0x35];
/** White to red by the value's share of the grid's maximum. */
function shade(value: number, max: number): string {
  if (max <= 0 || value <= 0) return '#ffffff';
  const t = value / max;
  return `#${HOT.map((c) =>
    Math.round(255 + (c - 255) * t)
      .toString(16)
      .padStart(2, '0'),
  ).join('')}`;
}

const HOUR_LABELS = Array.from({ length: 24 }, (_, h) => `${h}h`);

/** Two 7 × 24 grids (averages per day of that weekday) under a title, with their cell colours. */
export function heatMapRows(heat: HeatMap): { values: (string | number)[][]; backgrounds: string[][] } {
  const values: (string | number)[][] = [];
  const backgrounds: string[][] = [];
  const white = () => new Array<string>(25).fill('#ffffff');
  const push = (row: (string | number)[], colors = white()) => {
    values.push([...row, ...new Array<string>(25 - row.length).fill('')]);
    backgrounds.push(colors);
  };
  push([`Hour × weekday, averages per day since ${heat.sinceDay}, recent weeks weighing most (a week ago 90 %)`]);
  const grid = (title: string, sums: number[][], scale: number) => {
    push([title, ...HOUR_LABELS]);
    const averages = sums.map((hours, d) =>
      hours.map((sum) => (heat.days[d] > 0 ? Math.round((sum / scale / heat.days[d]) * 10) / 10 : '')),
    );
    const max = Math.max(0, ...averages.flat().map((v) => (typeof v === 'number' ? v : 0)));
    for (const [d, name] of WEEKDAYS.entries()) {
      push([name, ...averages[d]], ['#ffffff', ...averages[d].map((v) => shade(typeof v === 'number' ? v : 0, max))]);
    }
    push([]);
  };
  grid('Callers waiting (avg)', heat.waitingSec, 3600);
  grid('Missed calls', heat.missed, 1);
  return { values, backgrounds };
}
