/**
 * The History tab's rows: one compact snapshot of the board per refresh. Columns are fixed once a
 * line has one, so charts and SPARKLINEs can address them: time, four totals, then five per line,
 * lines in the order they first appeared (a new line adds its columns at the end).
 */
import type { BoardModel } from '../tracker/board';
import { overallShares } from '../tracker/targets';

export const TOTAL_HEADERS = ['Time', 'Available', 'On a call', 'Waiting', 'Abandon %'] as const;
export const LINE_METRICS = ['waiting', 'longest wait (s)', 'answered', 'missed', 'SLA %'] as const;
export type LineMetric = (typeof LINE_METRICS)[number];

export function historyColumnCount(lineCount: number): number {
  return TOTAL_HEADERS.length + LINE_METRICS.length * lineCount;
}

/** 1-based column of a line's metric, from the line's position in the History's line order. */
export function lineMetricColumn(lineIndex: number, metric: LineMetric): number {
  return TOTAL_HEADERS.length + LINE_METRICS.length * lineIndex + LINE_METRICS.indexOf(metric) + 1;
}

/** The History's line order: the lines it already has, then any line new to the model. */
export function historyLineIds(known: readonly number[], model: Pick<BoardModel, 'lines'>): number[] {
  const ids = [...known];
  for (const line of model.lines) if (!ids.includes(line.lineId)) ids.push(line.lineId);
  return ids;
}

/** Header row; line names are Aircall's text, written by the adapter as plain text. */
export function historyHeader(lineIds: readonly number[], model: Pick<BoardModel, 'lines'>): string[] {
  const names = new Map(model.lines.map((line) => [line.lineId, line.name]));
  return [
    ...TOTAL_HEADERS,
    ...lineIds.flatMap((id) => LINE_METRICS.map((metric) => `${names.get(id) ?? `Line #${id}`} · ${metric}`)),
  ];
}

/** A 0–1 share as a percentage with one decimal, '' when there is nothing to divide by. */
export function percentValue(share: number | null): number | '' {
  return share === null ? '' : Math.round(share * 1000) / 10;
}

/** One snapshot: numbers only (and the time), so nothing from Aircall can ever become a formula. */
export function snapshotRow<T>(
  model: Pick<BoardModel, 'lines' | 'totals'>,
  lineIds: readonly number[],
  time: T,
): (T | number | '')[] {
  const byId = new Map(model.lines.map((line) => [line.lineId, line]));
  const { totals } = model;
  const row: (T | number | '')[] = [
    time,
    totals.available,
    totals.inCall,
    totals.waiting,
    percentValue(overallShares(model.lines).abandoned),
  ];
  for (const id of lineIds) {
    const line = byId.get(id);
    if (!line) {
      row.push('', '', '', '', '');
      continue;
    }
    row.push(line.waiting, line.longestWaitSec ?? 0, line.answered, line.missed, percentValue(line.withinSla));
  }
  return row;
}
