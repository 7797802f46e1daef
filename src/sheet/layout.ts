/**
 * Lays the board out as one matrix the adapter writes with a constant number of Spreadsheet calls:
 * no merges, every cell a "card" of its own, highlights drawn as at most one border group per
 * line colour.
 *
 *   row 1   title | last refresh (or stale warning)
 *   row 2   totals strip
 *   row 4…  Live Queue label | one cell per waiting caller, flowing onto the next rows
 *   …       Lines table (linePanel in targets.ts): a header row, then per line its name and one cell
 *           per metric, each coloured by its own target; the grid widens to the table's 12 columns
 *   …       one column per team: header, then per agent a name cell, a KPI cell, an in-call cell
 */
import type { AgentCard, BoardModel } from '../tracker/board';
import { formatDuration } from '../tracker/durations';
import { LINE_COLORS } from '../tracker/palette';
import {
  type LinePanelRow,
  overallShares,
  TARGET_METRICS,
  type TargetCheck,
  type TargetLevel,
  type TargetMetric,
  type TargetUnit,
} from '../tracker/targets';
import type { LineStats } from '../tracker/totals';
import { a1, type Cell, CellGrid, type Matrices } from './grid';
import { agentNote } from './notes';
import {
  type CellStyle,
  HEADER_STYLE,
  IN_CALL_STYLE,
  KPI_STYLE,
  LABEL_STYLE,
  REFRESH_STYLE,
  SLA_BREACH_FONT,
  STALE_STYLE,
  STATUS_LABELS,
  STATUS_STYLES,
  WAIT_LEVEL_STYLES,
} from './styles';

export { agentIdFromNote } from './notes';

export interface BoardHeader {
  title: string;
  /** Already formatted in the spreadsheet's time zone by the adapter. */
  refreshedAtText: string;
  activityPeriodMin: number;
  stale: null | { sinceText: string; reason: string };
}

export interface BoardGrid extends Matrices {
  /** ≤ 4 (one per line colour), each drawn as a thick solid border around those cells. */
  borderGroups: { color: string; a1s: string[] }[];
  /** px per column. */
  columnWidths: number[];
  frozenRows: number;
}

/** Wide enough for the totals strip, and for a useful queue band on small boards. */
const MIN_COLUMNS = 7;
/** Setup applies these to the whole tab, so a refresh rarely needs to. */
export const COLUMN_WIDTH = 170;
export const FROZEN_ROWS = 2;
const LINE_STYLE: CellStyle = { background: '#f3f3f3', fontColor: '#202124' };

type Highlight = { cell: Cell; color: string | null };

/** Cells outlined in a line's colour, one group per colour. */
class BorderGroups {
  private readonly byColor = new Map<string, string[]>();

  add(color: string | null, row: number, column: number): void {
    if (!color) return;
    const cells = this.byColor.get(color);
    if (cells) cells.push(a1(row, column));
    else this.byColor.set(color, [a1(row, column)]);
  }

  toList(): BoardGrid['borderGroups'] {
    return LINE_COLORS.filter((color) => this.byColor.has(color)).map((color) => ({
      color,
      a1s: this.byColor.get(color)!,
    }));
  }
}

function percent(share: number): string {
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

function renderHeader(grid: CellGrid, header: BoardHeader): void {
  grid.set(0, 0, { value: header.title, style: HEADER_STYLE });
  grid.set(
    0,
    1,
    header.stale
      ? { value: `Stale since ${header.stale.sinceText} — ${header.stale.reason}`, style: STALE_STYLE }
      : {
          value: `Last refresh ${header.refreshedAtText} · activity period ${header.activityPeriodMin} min`,
          style: REFRESH_STYLE,
        },
  );
}

function renderTotals(grid: CellGrid, model: BoardModel): void {
  const t = model.totals;
  const other = t.unknown > 0 ? ` · ${t.unknown} other status` : '';
  const longest = model.queue[0];
  const shares = overallShares(model.lines);
  const rates = [
    shares.withinSla !== null ? `SLA ${percent(shares.withinSla)}` : null,
    shares.abandoned !== null ? `${percent(shares.abandoned)} abandoned` : null,
  ].filter(Boolean);
  const cells: Cell[] = [
    { value: `Available\n${t.available}`, style: STATUS_STYLES.available },
    { value: `On a call\n${t.inCall}`, style: STATUS_STYLES.in_call },
    { value: `After-call work\n${t.afterCallWork}`, style: STATUS_STYLES.after_call_work },
    { value: `Do not disturb\n${t.doNotDisturb}`, style: STATUS_STYLES.do_not_disturb },
    { value: `Offline\n${t.offline}${other}`, style: STATUS_STYLES.offline },
    {
      value: longest ? `Waiting\n${t.waiting} · longest ${formatDuration(longest.waitingSec)}` : 'Waiting\n0',
      style: WAIT_LEVEL_STYLES[longest ? longest.level : 0],
    },
    {
      value: [`Calls\n${t.inbound} IN / ${t.outbound} OUT / ${t.missed} MISS`, rates.join(' · ')]
        .filter(Boolean)
        .join('\n'),
      style: KPI_STYLE,
    },
  ];
  for (const [column, cell] of cells.entries()) {
    grid.set(1, column, { ...cell, style: { ...cell.style!, bold: true } });
  }
}

/** A label in column A, then cells left to right from column B, wrapping onto the next rows. Returns the next free row. */
function renderBand(
  grid: CellGrid,
  borders: BorderGroups,
  row: number,
  columns: number,
  label: string,
  items: Highlight[],
) {
  grid.set(row, 0, { value: label, style: LABEL_STYLE });
  const perRow = columns - 1;
  items.forEach((item, index) => {
    const r = row + Math.floor(index / perRow);
    const c = 1 + (index % perRow);
    grid.set(r, c, item.cell);
    borders.add(item.color, r, c);
  });
  return row + Math.max(1, Math.ceil(items.length / perRow));
}

function queueItems(model: BoardModel): Highlight[] {
  if (model.queue.length === 0) {
    return [{ cell: { value: 'No one waiting', style: { ...WAIT_LEVEL_STYLES[0], italic: true } }, color: null }];
  }
  return model.queue.map((entry) => ({
    cell: {
      value: `${entry.externalNumber}\n${entry.lineName}\nwaiting ${formatDuration(entry.waitingSec)}`,
      style: WAIT_LEVEL_STYLES[entry.level],
    },
    color: entry.lineColor,
  }));
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
function renderLines(grid: CellGrid, borders: BorderGroups, row: number, panel: readonly LinePanelRow[]): number {
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

function statusLabel(agent: AgentCard): string {
  return agent.status === 'unknown' ? agent.rawStatus : STATUS_LABELS[agent.status];
}

function nameCell(agent: AgentCard, slaSec: number): Cell {
  const lines = [agent.name];
  if (agent.status === 'unknown') lines.push(agent.rawStatus);
  if (agent.statusForSec !== null) lines.push(formatDuration(agent.statusForSec));
  const status = STATUS_STYLES[agent.status];
  const noteLines = [`${agent.name} — ${statusLabel(agent)}`];
  if (agent.kpi.slaBreach && agent.kpi.averageAnswerSec !== null) {
    noteLines.push(
      `Average answer ${formatDuration(agent.kpi.averageAnswerSec)} exceeds the SLA of ${formatDuration(slaSec)}`,
    );
  }
  if (agent.waitingLine) noteLines.push(`Assigned to ${agent.waitingLine.lineName}, where a caller is waiting`);
  return {
    value: lines.join('\n'),
    style: agent.kpi.slaBreach ? { ...status, fontColor: SLA_BREACH_FONT, bold: true } : status,
    note: agentNote(agent.id, noteLines),
  };
}

function kpiCell(agent: AgentCard, showMissed: boolean): Cell {
  const missed = showMissed ? ` / ${agent.kpi.missed ?? 0} MISS` : '';
  return { value: `${agent.kpi.inbound} IN / ${agent.kpi.outbound} OUT${missed}`, style: KPI_STYLE };
}

function inCallCell(call: NonNullable<AgentCard['inCall']>): Cell {
  const direction = call.direction === 'inbound' ? 'INB' : 'OUT';
  return {
    value: `${call.externalNumber} (${direction})\n${call.lineName}\n${formatDuration(call.lengthSec)}`,
    style: IN_CALL_STYLE,
  };
}

function renderTeams(grid: CellGrid, borders: BorderGroups, model: BoardModel, top: number): void {
  model.teams.forEach((team, column) => {
    grid.set(top, column, { value: team.name, style: HEADER_STYLE });
    let row = top + 1;
    for (const agent of team.agents) {
      grid.set(row, column, nameCell(agent, model.slaSec));
      borders.add(agent.waitingLine?.color ?? null, row, column);
      row++;
      if (agent.active) grid.set(row++, column, kpiCell(agent, model.showMissed));
      if (agent.inCall) grid.set(row++, column, inCallCell(agent.inCall));
    }
  });
}

/** `pad` is the previous board's extent: smaller boards are padded with default cells to wipe it. */
export function renderBoard(
  model: BoardModel,
  header: BoardHeader,
  pad?: { rows: number; columns: number },
): BoardGrid {
  const grid = new CellGrid();
  const borders = new BorderGroups();
  const columns = Math.max(MIN_COLUMNS, model.teams.length);
  renderHeader(grid, header);
  renderTotals(grid, model);
  let row = renderBand(grid, borders, 3, columns, `Live Queue\n${model.queue.length} waiting`, queueItems(model)) + 1;
  if (model.linePanel.length > 0) row = renderLines(grid, borders, row, model.linePanel) + 1;
  renderTeams(grid, borders, model, row);
  const matrices = grid.toMatrices(pad?.rows ?? 0, Math.max(columns, pad?.columns ?? 0));
  return {
    ...matrices,
    borderGroups: borders.toList(),
    columnWidths: Array.from({ length: matrices.columns }, () => COLUMN_WIDTH),
    frozenRows: FROZEN_ROWS,
  };
}
