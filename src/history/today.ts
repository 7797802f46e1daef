/**
 * The Today tab's table: one row per hour of the day, what its charts draw. Each refresh adds its
 * snapshot to the current hour and counts the calls answered or missed since the previous refresh,
 * so every call is counted once as long as refreshes come within the activity period.
 */
import type { Call } from '../aircall/types';
import type { BoardModel } from '../tracker/board';
import { isMissed } from '../tracker/kpi';
import { hourLabel } from './calendar';
import { percentValue } from './snapshot';

export interface HourBucket {
  samples: number;
  waitingSum: number;
  longestWaitSec: number;
  answered: number;
  missed: number;
  withinSla: number;
  staffedSum: number;
}

/** Shown columns first (the charts' sources), then the running sums the next refresh continues from. */
export const TODAY_HEADERS = [
  'Hour',
  'Waiting (avg)',
  'Longest wait (s)',
  'Answered',
  'Missed',
  'SLA %',
  'Staffed (avg)',
  'Snapshots',
  'Σ waiting',
  'Σ staffed',
  'Within SLA',
] as const;

/** 1-based columns of the Today table, for the charts. */
export const TODAY_COLUMN = {
  hour: 1,
  waiting: 2,
  longestWait: 3,
  answered: 4,
  missed: 5,
  slaPct: 6,
  staffed: 7,
} as const;

export const HOURS = 24;

export const emptyDay = (): HourBucket[] =>
  Array.from({ length: HOURS }, () => ({
    samples: 0,
    waitingSum: 0,
    longestWaitSec: 0,
    answered: 0,
    missed: 0,
    withinSla: 0,
    staffedSum: 0,
  }));

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Buckets back from the table's rows as last written (anything unreadable counts as zero). */
export function readBuckets(rows: readonly (readonly unknown[])[]): HourBucket[] {
  return emptyDay().map((_, hour) => {
    const row = rows[hour] ?? [];
    return {
      samples: num(row[7]),
      waitingSum: num(row[8]),
      longestWaitSec: num(row[2]),
      answered: num(row[3]),
      missed: num(row[4]),
      withinSla: num(row[10]),
      staffedSum: num(row[9]),
    };
  });
}

/** Agents staffed: available or on a call. */
export function addSnapshot(buckets: HourBucket[], hour: number, model: Pick<BoardModel, 'totals'>): void {
  const bucket = buckets[hour];
  const { totals } = model;
  bucket.samples++;
  bucket.waitingSum += totals.waiting;
  bucket.longestWaitSec = Math.max(bucket.longestWaitSec, totals.longestWaitSec ?? 0);
  bucket.staffedSum += totals.available + totals.inCall;
}

/**
 * Inbound calls answered (at answered_at) or missed (at ended_at) within (sinceSec, nowSec], each
 * in the hour it happened; `hourOfSec` maps an instant to its local hour, or null before today.
 */
export function addCallEvents(
  buckets: HourBucket[],
  calls: readonly Call[],
  sinceSec: number,
  nowSec: number,
  slaSec: number,
  hourOfSec: (sec: number) => number | null,
): void {
  const within = (sec: number | null) => sec !== null && sec > sinceSec && sec <= nowSec;
  for (const call of calls) {
    if (call.direction !== 'inbound') continue;
    if (typeof call.answered_at === 'number' && within(call.answered_at)) {
      const hour = hourOfSec(call.answered_at);
      if (hour === null) continue;
      buckets[hour].answered++;
      if (slaSec > 0 && call.answered_at - call.started_at <= slaSec) buckets[hour].withinSla++;
    } else if (isMissed(call) && within(call.ended_at)) {
      const hour = hourOfSec(call.ended_at!);
      if (hour !== null) buckets[hour].missed++;
    }
  }
}

const average = (sum: number, samples: number) => (samples > 0 ? Math.round((sum / samples) * 10) / 10 : '');

/** The table's 24 rows; hours without a snapshot stay blank so the charts draw no false zeros. */
export function todayRows(buckets: readonly HourBucket[], slaOn: boolean): (string | number)[][] {
  return buckets.map((b, hour) => {
    const seen = b.samples > 0 || b.answered + b.missed > 0;
    const resolved = b.answered + b.missed;
    return [
      hourLabel(hour),
      average(b.waitingSum, b.samples),
      b.samples > 0 ? b.longestWaitSec : '',
      seen ? b.answered : '',
      seen ? b.missed : '',
      slaOn && resolved > 0 ? percentValue(b.withinSla / resolved) : '',
      average(b.staffedSum, b.samples),
      b.samples,
      b.waitingSum,
      b.staffedSum,
      b.withinSla,
    ];
  });
}
