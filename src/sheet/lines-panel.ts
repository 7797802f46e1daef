/**
 * The Lines table of the board: a header row, the lines in trouble (worst first) with one column
 * per metric, each coloured by its own target (targets.ts), and a total over every line.
 */
import type { BoardModel } from '../tracker/board';
import { formatDuration } from '../tracker/durations';
import {
  type LinePanelRow,
  overallShares,
  TARGET_METRICS,
  type TargetCheck,
  type TargetMetric,
  type TargetUnit,
} from '../tracker/targets';
import type { LineStats } from '../tracker/totals';
import type { BorderGroups } from './border-groups';
import type { Cell, CellGrid } from './grid';
import { type CellStyle, LABEL_STYLE, NEUTRAL_STYLE, TARGET_STYLES } from './styles';

const LINE_STYLE: CellStyle = NEUTRAL_STYLE;

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

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

/** The table's width: the line's name, then one column per metric. */
export const LINES_TABLE_COLUMNS = 1 + LINE_COLUMNS.length;

/** "2 waiting · 1:05", else the worst check off target ("SLA 55%"), for a line's cell in the trouble strip. */
export function troubleSummary({ line, checks }: LinePanelRow): string {
  if (line.waiting > 0) return `${line.waiting} waiting · ${formatDuration(line.longestWaitSec)}`;
  const worst = checks.find((c) => c.level === 'red') ?? checks.find((c) => c.level === 'yellow');
  if (!worst) return '';
  const { label, unit } = TARGET_METRICS[worst.metric];
  return `${label} ${formatMetric(unit, worst.value)}`;
}

/** Every line summed: waits over every caller, shares over every call, each missed call once. */
export function totalLine(model: Pick<BoardModel, 'lines' | 'queue' | 'totals'>): LineStats {
  const waits = model.queue.map((entry) => entry.waitingSec);
  const shares = overallShares(model.lines);
  return {
    lineId: 0,
    name: 'All lines',
    digits: '',
    color: null,
    waiting: waits.length,
    longestWaitSec: waits.length > 0 ? Math.max(...waits) : null,
    shortestWaitSec: waits.length > 0 ? Math.min(...waits) : null,
    averageWaitSec: waits.length > 0 ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    agents: null,
    answered: model.lines.reduce((sum, line) => sum + line.answered, 0),
    missed: model.lines.reduce((sum, line) => sum + line.missed, 0),
    withinSla: shares.withinSla,
    abandoned: shares.abandoned,
  };
}

/**
 * The Lines table: a header row, the total over every line, then one row per line given (the lines
 * in trouble, worst first), so the total keeps its place however many lines are in trouble.
 * Each metric cell is coloured by its own target (neutral without one); the name cell by the
 * line's worst target, outlined in the line's colour while someone waits. Returns the next free row.
 */
export function renderLines(
  grid: CellGrid,
  borders: BorderGroups,
  row: number,
  panel: readonly LinePanelRow[],
  total: LineStats,
): number {
  const headers: Cell[] = [
    { value: 'Line' },
    ...LINE_COLUMNS.map(({ header, hint }) => ({ value: header, note: hint })),
  ];
  for (const [column, cell] of headers.entries()) grid.set(row, column, { ...cell, style: LABEL_STYLE });
  grid.set(row + 1, 0, { value: total.name, style: { ...LINE_STYLE, bold: true } });
  for (const [i, column] of LINE_COLUMNS.entries()) {
    grid.set(row + 1, 1 + i, { value: column.text(total), style: { ...LINE_STYLE, bold: true } });
  }
  for (const [index, { line, level, checks }] of panel.entries()) {
    const r = row + 2 + index;
    const offTarget = checks.filter((check) => check.level !== 'green').map(describeCheck);
    grid.set(r, 0, {
      value: line.name,
      style: level ? TARGET_STYLES[level] : LINE_STYLE,
      note: [line.digits, ...offTarget].join('\n'),
    });
    if (line.waiting > 0) borders.outlineLine(line.color, r, 0);
    for (const [i, column] of LINE_COLUMNS.entries()) {
      const check = checks.find((c) => c.metric === column.metric);
      grid.set(r, 1 + i, {
        value: column.text(line),
        style: check ? TARGET_STYLES[check.level] : LINE_STYLE,
        note: check ? describeCheck(check) : undefined,
      });
    }
  }
  return row + 2 + panel.length;
}
