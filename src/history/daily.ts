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

/** The inbound calls of one line that started within the day. */
function offeredCalls(calls: readonly Call[], lineId: number, day: DayWindow): Call[] {
  const from = day.startMs / 1000;
  const to = day.endMs / 1000;
  return calls.filter(
    (call) =>
      call.direction === 'inbound' && call.number?.id === lineId && call.started_at >= from && call.started_at < to,
  );
}

function busiestHour(calls: readonly Call[], offsetMinutes: number): string {
  if (calls.length === 0) return '';
  const perHour = new Array<number>(24).fill(0);
  for (const call of calls) perHour[hourOf(call.started_at * 1000, offsetMinutes)]++;
  return hourLabel(perHour.indexOf(Math.max(...perHour)));
}

/** Every line gets a row, with zeros on a quiet day. */
export function dailyRollup(
  calls: readonly Call[],
  lines: readonly { lineId: number; name: string }[],
  day: DayWindow,
): DailyLine[] {
  return lines.map(({ lineId, name }) => {
    const offered = offeredCalls(calls, lineId, day);
    const answered = offered.filter((c): c is Call & { answered_at: number } => typeof c.answered_at === 'number');
    const missed = offered.filter(isMissed);
    const resolved = answered.length + missed.length;
    const waits = [
      ...answered.map((c) => c.answered_at - c.started_at),
      ...missed.filter((c) => c.ended_at !== null).map((c) => c.ended_at! - c.started_at),
    ];
    const abandoned = missed.filter((c) => ABANDONED.includes(c.missed_call_reason!)).length;
    const withinSla = answered.filter((c) => c.answered_at - c.started_at <= day.slaSec).length;
    return {
      lineId,
      name,
      offered: offered.length,
      answered: answered.length,
      missed: missed.length,
      abandonPct: resolved > 0 ? percentValue(abandoned / resolved) : '',
      slaPct: day.slaSec > 0 && resolved > 0 ? percentValue(withinSla / resolved) : '',
      longestWaitSec: waits.length > 0 ? Math.max(...waits) : '',
      busiestHour: busiestHour(offered, day.offsetMinutes),
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

