/**
 * Where things sit on the Today tab: the hourly table (header on row 2, hours on rows 3–26), four
 * native charts over it, and per line a SPARKLINE over its History column. Every formula is built
 * from column letters only: no text from Aircall ever reaches one.
 */
import { columnLetters } from '../sheet/grid';
import { lineMetricColumn } from './snapshot';
import { HOURS, TODAY_COLUMN } from './today';

/** First row of the hourly table (row 2 holds its header). */
export const TODAY_TOP = 3;

export type TodayChartType = 'LINE' | 'COLUMN' | 'AREA';

export interface TodayChart {
  title: string;
  type: TodayChartType;
  /** A1 ranges on the Today tab, header row included: the hour column, then the series. */
  ranges: string[];
  row: number;
  column: number;
  width: number;
  height: number;
  /** Further Google Charts options, e.g. a series on the right-hand axis. */
  options?: Record<string, unknown>;
}

/** A column of the hourly table, header included ("B2:B26"). */
function tableColumns(first: number, last = first): string {
  const top = TODAY_TOP - 1;
  return `${columnLetters(first)}${top}:${columnLetters(last)}${TODAY_TOP + HOURS - 1}`;
}

const HOURS_AXIS = tableColumns(TODAY_COLUMN.hour);
const CHART_ROW = TODAY_TOP + HOURS + 1;
const size = { width: 560, height: 300 };

export const TODAY_CHARTS: readonly TodayChart[] = [
  {
    title: 'Callers waiting (avg) and longest wait (s), by hour',
    type: 'LINE',
    ranges: [HOURS_AXIS, tableColumns(TODAY_COLUMN.waiting, TODAY_COLUMN.longestWait)],
    row: CHART_ROW,
    column: 1,
    ...size,
    // Seconds and callers differ by two orders of magnitude: the longest wait gets the right-hand axis.
    // https://developers.google.com/chart/interactive/docs/gallery/linechart#dual-y-charts
    options: { series: { 1: { targetAxisIndex: 1 } } },
  },
  {
    title: 'Answered vs missed calls per hour',
    type: 'COLUMN',
    ranges: [HOURS_AXIS, tableColumns(TODAY_COLUMN.answered, TODAY_COLUMN.missed)],
    row: CHART_ROW,
    column: 7,
    ...size,
  },
  {
    title: 'SLA % per hour',
    type: 'LINE',
    ranges: [HOURS_AXIS, tableColumns(TODAY_COLUMN.slaPct)],
    row: CHART_ROW + 16,
    column: 1,
    ...size,
  },
  {
    title: 'Agents staffed vs callers waiting (avg per hour)',
    type: 'AREA',
    ranges: [HOURS_AXIS, tableColumns(TODAY_COLUMN.staffed), tableColumns(TODAY_COLUMN.waiting)],
    row: CHART_ROW + 16,
    column: 7,
    ...size,
  },
];

/** The per-line block, right of the hourly table. */
export const TODAY_LINES = { column: 13, headers: ['Line', 'Callers waiting (History)'] } as const;

/** SPARKLINE over the waiting column of the line at `lineIndex` in the History's line order. */
export function todayLineFormula(historySheet: string, lineIndex: number): string {
  const column = columnLetters(lineMetricColumn(lineIndex, 'waiting'));
  return `=SPARKLINE('${historySheet}'!${column}2:${column})`;
}

export function todayTitle(dateText: string): string {
  return `Today, ${dateText}: one row per hour, from every refresh`;
}
