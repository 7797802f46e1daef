/**
 * The Lines table of the board: a header row, then one row per Aircall number with one column per
 * metric, each coloured by its own target (targets.ts) in the queue's green/yellow/red.
 */
import { formatDuration } from '../tracker/durations';
import {
  type LinePanelRow,
  TARGET_METRICS,
  type TargetCheck,
  type TargetLevel,
  type TargetMetric,
  type TargetUnit,
} from '../tracker/targets';
import type { LineStats } from '../tracker/totals';
import type { BorderGroups } from './border-groups';
import type { Cell, CellGrid } from './grid';
import { type CellStyle, LABEL_STYLE, WAIT_LEVEL_STYLES } from './styles';

const LINE_STYLE: CellStyle = { background: '#f3f3f3', fontColor: '#202124' };

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Target colours reuse the queue's green/yellow/red, so the board keeps one visual language. */
const TARGET_STYLES: Record<TargetLevel, CellStyle> = {
  green: WAIT_LEVEL_STYLES[0],
  yellow: WAIT_LEVEL_STYLES[1],
  red: WAIT_LEVEL_STYLES[2],
};

function formatMetric(unit: TargetUnit, value: number): string {
  if (unit === 'seconds') return formatDuration(value);
  return unit === 'percent' ? `${value}%` : String(value);
}

/** "Longest wait 1:05 — red (yellow from 0:30, red from 1:00)", for the line's note. */
function describeCheck({ metric, value, threshold, level }: TargetCheck): string {
  const { label, unit, worse } = TARGET_METRICS[metric];
  const from = worse === 'higher' ? 'from' : 'below';
  return `${label} ${formatMetric(unit, value)} — ${level} (yellow ${from} ${formatMetric(unit, threshold.yellow)}, red ${from} ${formatMetric(unit, threshold.red)})`;
}

/** A metric column of the Lines table; `metric` names the target that colours it, if any. */
interface LineColumn {
  header: string;
  text: (line: LineStats) => string;
  metric?: TargetMetric;
  /** Header note, for headers whose meaning is not obvious. */
  hint?: string;
}

/** Nobody waiting shows 0:00, the value the wait targets are checked against (metricValue). */
const wait = (seconds: number | null) => formatDuration(seconds ?? 0);
/** "—" where there is nothing to count from: no user↔number map, or no inbound call to divide by. */
const count = (value: number | undefined) => (value === undefined ? '—' : String(value));
const ratio = (value: number | null) => (value === null ? '—' : percent(value));

const LINE_COLUMNS: readonly LineColumn[] = [
  { header: 'Waiting', metric: 'waiting', text: (line) => String(line.waiting) },
  { header: 'Longest wait', metric: 'longestWaitSec', text: (line) => wait(line.longestWaitSec) },
  { header: 'Min wait', text: (line) => wait(line.shortestWaitSec) },
  { header: 'Avg wait', metric: 'averageWaitSec', text: (line) => wait(line.averageWaitSec) },
  {
    header: 'Queue agents',
    text: (line) => count(line.agents?.assigned),
    hint: 'Agents assigned to the line (Map Users to Numbers)',
  },
  { header: 'Available', metric: 'availableAgents', text: (line) => count(line.agents?.available) },
  { header: 'On a call', text: (line) => count(line.agents?.inCall) },
  { header: 'Answered', text: (line) => String(line.answered) },
  { header: 'Missed', metric: 'missed', text: (line) => String(line.missed) },
  {
    header: 'SLA %',
    metric: 'slaPct',
    text: (line) => ratio(line.withinSla),
    hint: 'Share of answered or missed inbound calls answered within the SLA',
  },
  {
    header: 'Abandoned',
    metric: 'abandonRatePct',
    text: (line) => ratio(line.abandoned),
    hint: 'Share of answered or missed inbound calls the caller hung up on',
  },
];

/**
 * The Lines table: a header row, then one row per line of the panel. Each metric cell is coloured
 * by its own target (neutral without one); the name cell by the line's worst target, outlined in
 * the line's colour while someone waits. Returns the next free row.
 */
export function renderLines(
  grid: CellGrid,
  borders: BorderGroups,
  row: number,
  panel: readonly LinePanelRow[],
): number {
  const headers: Cell[] = [
    { value: 'Line' },
    ...LINE_COLUMNS.map(({ header, hint }) => ({ value: header, note: hint })),
  ];
  for (const [column, cell] of headers.entries()) grid.set(row, column, { ...cell, style: LABEL_STYLE });
  for (const [index, { line, level, checks }] of panel.entries()) {
    const r = row + 1 + index;
    const offTarget = checks.filter((check) => check.level !== 'green').map(describeCheck);
    grid.set(r, 0, {
      value: line.name,
      style: { ...(level ? TARGET_STYLES[level] : LINE_STYLE), bold: true },
      note: [line.digits, ...offTarget].join('\n'),
    });
    if (line.waiting > 0) borders.add(line.color, r, 0);
    for (const [i, column] of LINE_COLUMNS.entries()) {
      const check = checks.find((c) => c.metric === column.metric);
      grid.set(r, 1 + i, {
        value: column.text(line),
        style: check ? TARGET_STYLES[check.level] : LINE_STYLE,
        note: check ? describeCheck(check) : undefined,
      });
    }
  }
  return row + 1 + panel.length;
}
