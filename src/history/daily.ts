/**
 * The Daily tab: one row per day and line, rolled up once the day is over from that day's calls as
 * Aircall lists them — the source of truth, whatever refreshes missed. Small enough (a year of
 * rows) to connect Looker Studio to directly.
 */
import type { Call } from '../aircall/types';
import { isMissed } from '../tracker/kpi';
import { ABANDONED } from '../tracker/totals';
import { hourLabel, hourOf } from './calendar';
import { percentValue } from './snapshot';

export const DAILY_HEADERS = [
  'Date',
  'Line',
  'Line id',
  'Offered',
  'Answered',
  'Missed',
  'Abandon %',
  'SLA %',
  'Longest wait (s)',
  'Busiest hour',
] as const;

export interface DailyLine {
  lineId: number;
  name: string;
  /** Inbound calls that started that day on the line. */
  offered: number;
  answered: number;
  missed: number;
  /** Shares of answered-or-missed calls, as on the board's Lines table; '' with none (or SLA off). */
  abandonPct: number | '';
  slaPct: number | '';
  /** Longest a caller waited before being answered or hanging up; '' with no such call. */
  longestWaitSec: number | '';
  /** "14:00": the hour most calls were offered; '' with no call. */
  busiestHour: string;
}

export interface DayWindow {
  /** Local midnight that starts the day, and the next one. */
  startMs: number;
  endMs: number;
  offsetMinutes: number;
  slaSec: number;
}

/** A line's running counts while its day is rolled up, hour of calls by hour of calls. */
export interface LineTally {
  offered: number;
  answered: number;
  missed: number;
  abandoned: number;
  withinSla: number;
  longestWaitSec: number | null;
  offeredPerHour: number[];
}

/** A day being rolled up in parts (each refresh lists one part of it), kept between refreshes. */
export interface DailyProgress {
  day: DayWindow;
  /** Calls that started before this instant are counted. */
  countedUntilMs: number;
  /** By line id. */
  lines: Record<string, LineTally>;
}

export function startDaily(day: DayWindow): DailyProgress {
  return { day, countedUntilMs: day.startMs, lines: {} };
}

const newTally = (): LineTally => ({
  offered: 0,
  answered: 0,
  missed: 0,
  abandoned: 0,
  withinSla: 0,
  longestWaitSec: null,
  offeredPerHour: new Array<number>(24).fill(0),
});

/**
 * Counts the inbound calls that started within [countedUntilMs, untilMs) — the part of the day just
 * listed — and moves the progress on. A call listed twice (parts share a boundary second) counts once.
 */
export function addCallsToDaily(progress: DailyProgress, calls: readonly Call[], untilMs: number): void {
  const { day } = progress;
  const from = progress.countedUntilMs / 1000;
  const to = Math.min(untilMs, day.endMs) / 1000;
  for (const call of calls) {
    if (call.direction !== 'inbound' || !call.number || call.started_at < from || call.started_at >= to) continue;
    const key = String(call.number.id);
    const tally = progress.lines[key] ?? newTally();
    progress.lines[key] = tally;
    tally.offered++;
    tally.offeredPerHour[hourOf(call.started_at * 1000, day.offsetMinutes)]++;
    let waitSec: number | null = null;
    if (typeof call.answered_at === 'number') {
      tally.answered++;
      waitSec = call.answered_at - call.started_at;
      if (waitSec <= day.slaSec) tally.withinSla++;
    } else if (isMissed(call)) {
      tally.missed++;
      if (ABANDONED.includes(call.missed_call_reason!)) tally.abandoned++;
      if (call.ended_at !== null) waitSec = call.ended_at - call.started_at;
    }
    if (waitSec !== null) tally.longestWaitSec = Math.max(tally.longestWaitSec ?? 0, waitSec);
  }
  progress.countedUntilMs = Math.max(progress.countedUntilMs, to * 1000);
}

export const isDayCounted = (progress: DailyProgress) => progress.countedUntilMs >= progress.day.endMs;

/** Every line gets a row, with zeros on a quiet day. */
export function finishDaily(progress: DailyProgress, lines: readonly { lineId: number; name: string }[]): DailyLine[] {
  const { slaSec } = progress.day;
  return lines.map(({ lineId, name }) => {
    const t = progress.lines[String(lineId)] ?? newTally();
    const resolved = t.answered + t.missed;
    const busiest = Math.max(...t.offeredPerHour);
    return {
      lineId,
      name,
      offered: t.offered,
      answered: t.answered,
      missed: t.missed,
      abandonPct: resolved > 0 ? percentValue(t.abandoned / resolved) : '',
      slaPct: slaSec > 0 && resolved > 0 ? percentValue(t.withinSla / resolved) : '',
      longestWaitSec: t.longestWaitSec ?? '',
      busiestHour: t.offered > 0 ? hourLabel(t.offeredPerHour.indexOf(busiest)) : '',
    };
  });
}

/** A Daily row; the date cell gets the day's midnight, the line name is written as plain text. */
export function dailyRow<T>(date: T, line: DailyLine): (T | string | number)[] {
  return [
    date,
    line.name,
    line.lineId,
    line.offered,
    line.answered,
    line.missed,
    line.abandonPct,
    line.slaPct,
    line.longestWaitSec,
    line.busiestHour,
  ];
}
