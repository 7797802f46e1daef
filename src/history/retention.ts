/**
 * How much History to keep: the supervisor's retention in days, and never more rows than a cell
 * budget allows, so the tab stays far from the spreadsheet's 10-million-cell limit whatever the
 * number of lines (https://support.google.com/drive/answer/37603).
 */
import { DAY_MS } from './calendar';

/** At most this many History cells (a fifth of the spreadsheet's limit). */
export const HISTORY_CELL_BUDGET = 2_000_000;
/** Daily rows are kept for a year. */
export const DAILY_RETENTION_DAYS = 366;

/** Rows older than this instant are dropped. */
export function retentionCutoffMs(nowMs: number, retentionDays: number): number {
  return nowMs - retentionDays * DAY_MS;
}

/** How many of the oldest rows (times in order, oldest first) fall before the cutoff. */
export function expiredRowCount(times: readonly number[], cutoffMs: number): number {
  let count = 0;
  while (count < times.length && times[count] < cutoffMs) count++;
  return count;
}

/** Data rows the cell budget allows for a History of this width. */
export function maxHistoryRows(columns: number): number {
  return Math.floor(HISTORY_CELL_BUDGET / Math.max(1, columns));
}
