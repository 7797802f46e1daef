/**
 * Lays the board out as one matrix the adapter writes with a constant number of Spreadsheet calls.
 * The layout is fixed so a cell means the same thing from one refresh to the next: every row above
 * the agents has one fixed height whatever the traffic, and each agent keeps one cell — team
 * columns in team order, agents in name order (tracker/names.ts) — until the directory changes.
 *
 *   row 1   title (legend in its note) | last refresh, or the stale banner
 *   row 2   KPI tiles, large type, readable across the room
 *   row 3   Live Queue: one cell per waiting caller, longest first, "+N more" in the last cell
 *   row 4   Lines in trouble: one cell per line off target or with a caller waiting, worst first
 *   row 5   team headers (rows 1–5 frozen)
 *   row 6…  one cell per agent: name, then status, time in it and finished calls; teams of more than
 *           AGENTS_PER_COLUMN agents continue in the next column
 *   below   the Lines table: a total over all lines, then the lines in trouble with every metric
 *           (room for every line is kept, so the tab's size follows the directory, not the traffic)
 */
import type { AgentCard, BoardModel } from '../tracker/board';
import { formatAtLeast, formatDuration } from '../tracker/durations';
import { overallShares } from '../tracker/targets';
import { BorderGroups } from './border-groups';
import { type Cell, CellGrid, type Matrices } from './grid';
import { LINES_TABLE_COLUMNS, percent, renderLines, totalLine, troubleSummary } from './lines-panel';
import { agentNote } from './notes';
import {
  ALARM_STYLE,
  type CellStyle,
  HEADER_STYLE,
  LABEL_STYLE,
  NEUTRAL_STYLE,
  OK_STYLE,
  REFRESH_STYLE,
  SLA_BREACH_FONT,
  STATUS_LABELS,
  STATUS_STYLES,
  TARGET_STYLES,
  WAIT_LEVEL_STYLES,
} from './styles';

export { agentIdFromNote } from './notes';

export interface BoardHeader {
  title: string;
  /** Already formatted in the spreadsheet's time zone by the adapter. */
  refreshedAtText: string;
  activityPeriodMin: number;
}

export interface BoardGrid extends Matrices {
  /** ≤ 4 (one per waiting line's colour), each drawn as a thick solid border around those cells. */
  borderGroups: { color: string; a1s: string[] }[];
  /** Font size per row; part of the board's structure, written only when the structure changes. */
  rowFontSizes: number[];
  /** The agent rows [first, end): one line per fact, clipped rather than wrapped, so every agent row has the same height. */
  clippedRows: [number, number];
  /** px per column. */
  columnWidths: number[];
  frozenRows: number;
}

/** Rows (0-based) of the fixed part of the board. */
export const ROWS = { title: 0, tiles: 1, queue: 2, trouble: 3, teams: 4, firstAgent: 5 } as const;
export const FROZEN_ROWS = ROWS.teams + 1;
/** 20 agents of 2 lines fit a 1080-pixel screen under the frozen rows. */
export const AGENTS_PER_COLUMN = 20;
/** 13 columns fit a 1920-pixel screen. */
export const COLUMN_WIDTH = 140;
const TILE_FONT_SIZE = 14;
const AGENT_FONT_SIZE = 9;
const BODY_FONT_SIZE = 10;

/** The header cell that says when the board was last refreshed, or since when it is stale (B1). */
export const REFRESH_CELL = { row: 1, column: 2 } as const;

/** What IN, OUT and MISS count: the note on the title cell and on the Calls tile. */
export const LEGEND = [
  'IN: inbound calls the agent answered, finished within the activity period.',
  'OUT: outbound calls the agent made (answered or not), finished within the activity period.',
  'MISS: on an agent, missed calls Aircall attributes to that agent; on the Calls tile and in the Lines table, every missed inbound call once, per line.',
  'Calls in progress show as the agent\u2019s status ("On a call" and its length), not in IN or OUT.',
  'A time in status starting with ≥ is a lower bound: the status was already on when the board first saw it.',
  'At a large call center (statuses and calls needing more than 25 Aircall requests a minute), statuses are read in rotation to leave Aircall\u2019s rate limit to other tools: each is at most 2 minutes old. Calls and the queue are read at every refresh.',
].join('\n');

function renderHeader(grid: CellGrid, header: BoardHeader): void {
  grid.set(ROWS.title, 0, { value: header.title, style: HEADER_STYLE, note: LEGEND });
  grid.set(REFRESH_CELL.row - 1, REFRESH_CELL.column - 1, {
    value: `Last refresh ${header.refreshedAtText} · activity period ${header.activityPeriodMin} min`,
    style: REFRESH_STYLE,
  });
}

function renderTiles(grid: CellGrid, model: BoardModel): void {
  const t = model.totals;
  const other = t.unknown > 0 ? ` (+${t.unknown} other)` : '';
  const longest = model.queue[0];
  const shares = overallShares(model.lines);
  const sla = shares.withinSla !== null ? `SLA ${percent(shares.withinSla)}` : null;
  const abandoned = shares.abandoned !== null ? `${percent(shares.abandoned)} abandoned` : null;
  const slaLevel =
    shares.withinSla === null ? null : shares.withinSla < 0.6 ? 'red' : shares.withinSla < 0.8 ? 'yellow' : 'green';
  const tiles: Cell[] = [
    { value: `Available\n${t.available}`, style: t.available > 0 || t.waiting === 0 ? OK_STYLE : ALARM_STYLE },
    { value: `On a call\n${t.inCall}`, style: STATUS_STYLES.in_call },
    { value: `After-call\n${t.afterCallWork}`, style: STATUS_STYLES.after_call_work },
    { value: `Do not disturb\n${t.doNotDisturb}`, style: STATUS_STYLES.do_not_disturb },
    { value: `Offline\n${t.offline}${other}`, style: STATUS_STYLES.offline },
    {
      value: longest ? `Waiting ${t.waiting}\nlongest ${formatDuration(longest.waitingSec)}` : 'Waiting\n0',
      style: WAIT_LEVEL_STYLES[longest ? longest.level : 0],
    },
    { value: `${t.inbound} IN · ${t.outbound} OUT\n${t.missed} MISS`, style: NEUTRAL_STYLE, note: LEGEND },
    {
      value: [sla ?? 'SLA off', abandoned ?? '0 calls'].join('\n'),
      style: slaLevel ? TARGET_STYLES[slaLevel] : NEUTRAL_STYLE,
    },
  ];
  for (const [column, cell] of tiles.entries()) {
    grid.set(ROWS.tiles, column, { ...cell, style: { ...cell.style!, bold: true } });
  }
}

/** A label in column A, then one cell per item; items beyond the row end in a "+N more" cell. */
function renderStrip(
  grid: CellGrid,
  borders: BorderGroups,
  row: number,
  columns: number,
  label: Cell,
  items: { cell: Cell; color: string | null }[],
  empty: Cell,
): void {
  grid.set(row, 0, label);
  const room = columns - 1;
  const shown = items.length > room ? items.slice(0, room - 1) : items;
  if (items.length === 0) grid.set(row, 1, empty);
  shown.forEach((item, index) => {
    grid.set(row, 1 + index, item.cell);
    borders.outlineLine(item.color, row, 1 + index);
  });
  if (shown.length < items.length) {
    grid.set(row, columns - 1, { value: `+${items.length - shown.length} more`, style: NEUTRAL_STYLE });
  }
}

function renderQueue(grid: CellGrid, borders: BorderGroups, model: BoardModel, columns: number): void {
  renderStrip(
    grid,
    borders,
    ROWS.queue,
    columns,
    { value: `Live Queue\n${model.queue.length} waiting`, style: LABEL_STYLE },
    model.queue.map((entry) => ({
      cell: {
        value: `${formatDuration(entry.waitingSec)} · ${entry.lineName}\n${entry.externalNumber}`,
        style: WAIT_LEVEL_STYLES[entry.level],
      },
      color: entry.lineColor,
    })),
    { value: 'No one waiting', style: OK_STYLE },
  );
}

function renderTrouble(grid: CellGrid, borders: BorderGroups, model: BoardModel, columns: number): void {
  renderStrip(
    grid,
    borders,
    ROWS.trouble,
    columns,
    { value: `Lines in trouble\n${model.trouble.length} of ${model.linePanel.length}`, style: LABEL_STYLE },
    model.trouble.map((row) => ({
      cell: {
        value: `${row.line.name}\n${troubleSummary(row)}`,
        style: row.level ? TARGET_STYLES[row.level] : NEUTRAL_STYLE,
      },
      color: row.line.waiting > 0 ? row.line.color : null,
    })),
    { value: 'All lines on target', style: OK_STYLE },
  );
}

/** Contact-center shorthand, so an agent's second line fits the cell; the note and the tiles spell them out. */
const STATUS_CODES: Record<AgentCard['status'], string> = {
  available: 'Avail',
  in_call: 'Call',
  after_call_work: 'ACW',
  do_not_disturb: 'DND',
  offline: 'Off',
  unknown: '',
};

/** Names are flattened so nothing a user typed can start a line of its own in a cell. */
export const flatName = (name: string) => name.replace(/\s+/g, ' ').trim();

function agentCell(agent: AgentCard, slaSec: number): Cell {
  const status = agent.status === 'unknown' ? agent.rawStatus : STATUS_CODES[agent.status];
  const time = agent.statusForSec === null ? '' : ` ${formatAtLeast(agent.statusForSec, agent.statusAtLeast)}`;
  const { inbound, outbound, missed } = agent.kpi;
  const calls =
    inbound + outbound + missed > 0 ? ` · ${inbound} IN ${outbound} OUT${missed > 0 ? ` ${missed} MISS` : ''}` : '';
  const label = agent.status === 'unknown' ? agent.rawStatus : STATUS_LABELS[agent.status];
  const noteLines = [flatName(agent.name), label];
  if (agent.inCall) {
    const { direction, lineName, externalNumber } = agent.inCall;
    noteLines.push(`${direction === 'inbound' ? 'Inbound' : 'Outbound'} call on ${lineName} with ${externalNumber}`);
  }
  if (agent.kpi.slaBreach && agent.kpi.averageAnswerSec !== null) {
    noteLines.push(
      `Average answer ${formatDuration(agent.kpi.averageAnswerSec)} exceeds the SLA of ${formatDuration(slaSec)}`,
    );
  }
  if (agent.waitingLine) noteLines.push(`Could take the caller waiting on ${agent.waitingLine.lineName}`);
  const style: CellStyle = STATUS_STYLES[agent.status];
  return {
    value: `${flatName(agent.name)}\n${status}${time}${calls}`,
    style: agent.kpi.slaBreach ? { ...style, fontColor: SLA_BREACH_FONT, bold: true } : style,
    note: agentNote(agent.id, noteLines),
  };
}

/** Each team as one or more columns of at most AGENTS_PER_COLUMN agents. */
function teamColumns(model: BoardModel): { header: string; agents: AgentCard[] }[] {
  return model.teams.flatMap((team) => {
    const parts = Math.max(1, Math.ceil(team.agents.length / AGENTS_PER_COLUMN));
    return Array.from({ length: parts }, (_, part) => ({
      header: parts > 1 ? `${team.name} (${part + 1}/${parts})` : team.name,
      agents: team.agents.slice(part * AGENTS_PER_COLUMN, (part + 1) * AGENTS_PER_COLUMN),
    }));
  });
}

function renderTeams(
  grid: CellGrid,
  borders: BorderGroups,
  model: BoardModel,
  columns: { header: string; agents: AgentCard[] }[],
): void {
  columns.forEach(({ header, agents }, column) => {
    const available = agents.filter((a) => a.status === 'available').length;
    grid.set(ROWS.teams, column, {
      value: `${header}\n${available} of ${agents.length} available`,
      style: HEADER_STYLE,
    });
    agents.forEach((agent, index) => {
      const row = ROWS.firstAgent + index;
      grid.set(row, column, agentCell(agent, model.slaSec));
      borders.outlineAgent(agent.waitingLine?.color ?? null, row, column);
    });
  });
}

/** The Lines table and the tiles need this many columns at least. */
const MIN_COLUMNS = LINES_TABLE_COLUMNS;

export function renderBoard(model: BoardModel, header: BoardHeader): BoardGrid {
  const grid = new CellGrid();
  const borders = new BorderGroups();
  const teams = teamColumns(model);
  const columns = Math.max(MIN_COLUMNS, teams.length);
  const tallest = Math.max(0, ...teams.map((t) => t.agents.length));
  renderHeader(grid, header);
  renderTiles(grid, model);
  renderQueue(grid, borders, model, columns);
  renderTrouble(grid, borders, model, columns);
  renderTeams(grid, borders, model, teams);
  const linesRow = ROWS.firstAgent + tallest + 1;
  renderLines(grid, borders, linesRow, model.trouble, totalLine(model));
  // Room for every line, so the board's size changes only with the directory, not with the traffic.
  const matrices = grid.toMatrices(linesRow + 2 + model.lines.length, columns);
  const rowFontSizes = Array.from({ length: matrices.rows }, (_, row) =>
    row === ROWS.tiles ? TILE_FONT_SIZE : row >= ROWS.firstAgent && row < linesRow ? AGENT_FONT_SIZE : BODY_FONT_SIZE,
  );
  return {
    ...matrices,
    borderGroups: borders.toList(),
    rowFontSizes,
    clippedRows: [ROWS.firstAgent, linesRow - 1],
    columnWidths: Array.from({ length: matrices.columns }, () => COLUMN_WIDTH),
    frozenRows: FROZEN_ROWS,
  };
}
