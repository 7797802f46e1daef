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
import { overallShares } from '../tracker/targets';
import { BorderGroups, type Highlight } from './border-groups';
import { type Cell, CellGrid, type Matrices } from './grid';
import { percent, renderLines } from './lines-panel';
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

/** The header cell that says when the board was last refreshed, or since when it is stale (B1). */
export const REFRESH_CELL = { row: 1, column: 2 } as const;

/** What the refresh cell shows when a refresh failed; the adapter writes just this cell then. */
export function staleCell(sinceText: string | null, reason: string): { value: string; style: CellStyle } {
  const value = sinceText ? `Stale since ${sinceText} — ${reason}` : `Not refreshed yet — ${reason}`;
  return { value, style: STALE_STYLE };
}

function renderHeader(grid: CellGrid, header: BoardHeader): void {
  grid.set(0, 0, { value: header.title, style: HEADER_STYLE });
  grid.set(
    REFRESH_CELL.row - 1,
    REFRESH_CELL.column - 1,
    header.stale
      ? staleCell(header.stale.sinceText, header.stale.reason)
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
