import type { Availability, Call } from '../aircall/types';
import { ActivityIndex, type AgentKpi, agentsByLine, hasActivity, type InCallDetail } from './kpi';
import { lineColors } from './palette';
import { buildQueue, lineName, type QueueEntry } from './queue';
import { type Settings, SINGLE_USERS } from './settings';
import { type LinePanelRow, linePanel } from './targets';
import { type BoardTotals, buildLineStats, buildTotals, type LineStats } from './totals';

export interface BoardInput {
  nowSec: number;
  settings: Settings;
  users: { id: number; name: string }[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string }[];
  /** user id → number ids; null = Map Users to Numbers never ran. */
  userNumbers: Record<number, number[]> | null;
  availabilities: { id: number; availability: string }[];
  /** Calls started within the activity period, in-progress ones included. */
  calls: Call[];
  statusSince?: Record<number, { status: string; sinceSec: number }>;
}

export type AgentStatus = Availability | 'unknown';

export interface AgentCard {
  id: number;
  name: string;
  status: AgentStatus;
  /** Aircall's own word for the status, kept for statuses the board does not know. */
  rawStatus: string;
  kpi: AgentKpi;
  /** Any counted call in the activity period (the KPI cell is shown only then). */
  active: boolean;
  inCall: InCallDetail | null;
  /** Seconds in the current status, when the adapter tracks it. */
  statusForSec: number | null;
  /** The waiting line this agent could pick up (the longest wait when several). */
  waitingLine: { lineId: number; lineName: string; color: string | null } | null;
}

export interface TeamColumn {
  /** Team id as a string, or SINGLE_USERS. */
  key: string;
  name: string;
  agents: AgentCard[];
}

/** The contract between the domain and the sheet layout (renderBoard). */
export interface BoardModel {
  teams: TeamColumn[];
  queue: QueueEntry[];
  /** Missed calls can only be inferred once users are mapped to numbers. */
  showMissed: boolean;
  slaSec: number;
  totals: BoardTotals;
  lines: LineStats[];
  /** The Lines panel: the lines shown (lines filter applied) with their target levels. */
  linePanel: LinePanelRow[];
}

const KNOWN_STATUSES: readonly string[] = ['available', 'do_not_disturb', 'offline', 'in_call', 'after_call_work'];

function byNameThenId(a: { name: string; id: number }, b: { name: string; id: number }): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}

/** Which team columns the filter lets through, with Single Users (users in no team) last. */
function visibleColumns(input: BoardInput, agentIds: Iterable<number>): { key: string; name: string; ids: number[] }[] {
  const filter = input.settings.teamFilter ? new Set(input.settings.teamFilter) : null;
  const inSomeTeam = new Set(input.teams.flatMap((t) => t.userIds));
  const columns = [...input.teams]
    .sort(byNameThenId)
    .filter((team) => !filter || filter.has(String(team.id)))
    .map((team) => ({ key: String(team.id), name: team.name, ids: [...new Set(team.userIds)] }));
  const singles = [...agentIds].filter((id) => !inSomeTeam.has(id));
  if ((!filter || filter.has(SINGLE_USERS)) && singles.length > 0) {
    columns.push({ key: SINGLE_USERS, name: 'Single Users', ids: singles });
  }
  return columns;
}

function inCallDetail(call: Call | null, nowSec: number, lineNameOf: (call: Call) => string): InCallDetail | null {
  if (!call || call.answered_at === null) return null;
  return {
    direction: call.direction,
    externalNumber: call.raw_digits,
    lineName: lineNameOf(call),
    lengthSec: Math.max(0, nowSec - call.answered_at),
  };
}

/** For each agent, the waiting line with the longest wait among the lines they are mapped to. */
function waitingLines(queue: readonly QueueEntry[], byLine: ReadonlyMap<number, readonly number[]> | null) {
  const lines = new Map<number, NonNullable<AgentCard['waitingLine']>>();
  for (const entry of queue) {
    if (entry.lineId === null) continue;
    for (const agentId of byLine?.get(entry.lineId) ?? []) {
      if (!lines.has(agentId))
        lines.set(agentId, { lineId: entry.lineId, lineName: entry.lineName, color: entry.lineColor });
    }
  }
  return lines;
}

/** What every agent card is built from, indexed once per refresh. */
interface CardContext {
  input: BoardInput;
  names: ReadonlyMap<number, string>;
  statuses: ReadonlyMap<number, string>;
  activity: ActivityIndex;
  waiting: ReadonlyMap<number, NonNullable<AgentCard['waitingLine']>>;
  lineNameOf: (call: Call) => string;
}

function agentCard(id: number, { input, names, statuses, activity, waiting, lineNameOf }: CardContext): AgentCard {
  const rawStatus = statuses.get(id) ?? 'offline';
  const status = (KNOWN_STATUSES.includes(rawStatus) ? rawStatus : 'unknown') as AgentStatus;
  const kpi = activity.kpi(id, input.settings.slaSec);
  const since = input.statusSince?.[id];
  return {
    id,
    name: names.get(id) ?? `Agent #${id}`,
    status,
    rawStatus,
    kpi,
    active: hasActivity(kpi),
    inCall: status === 'in_call' ? inCallDetail(activity.liveCall(id), input.nowSec, lineNameOf) : null,
    statusForSec: since && since.status === rawStatus ? Math.max(0, input.nowSec - since.sinceSec) : null,
    waitingLine: waiting.get(id) ?? null,
  };
}

export function buildBoard(input: BoardInput): BoardModel {
  const numberNames = new Map(input.numbers.map((n) => [n.id, n.name]));
  const byLine = agentsByLine(input.userNumbers);
  const queue = buildQueue(input.calls, input.nowSec, input.settings, numberNames, lineColors(input.numbers));
  const context: CardContext = {
    input,
    names: new Map(input.users.map((u) => [u.id, u.name])),
    statuses: new Map(input.availabilities.map((a) => [a.id, a.availability])),
    activity: new ActivityIndex(input.calls, byLine),
    waiting: waitingLines(queue, byLine),
    lineNameOf: (call) => lineName(call, numberNames),
  };

  // An agent in several teams is one card shown in each column.
  const cards = new Map<number, AgentCard>();
  const card = (id: number) => {
    let c = cards.get(id);
    if (!c) {
      c = agentCard(id, context);
      cards.set(id, c);
    }
    return c;
  };
  const everyone = new Set([...context.names.keys(), ...context.statuses.keys()]);
  const teams = visibleColumns(input, everyone).map(({ key, name, ids }) => ({
    key,
    name,
    agents: ids.map(card).sort(byNameThenId),
  }));
  const shown = [...cards.values()];
  const lines = buildLineStats(input, queue, context.statuses, byLine);
  return {
    teams,
    queue,
    showMissed: input.userNumbers !== null,
    slaSec: input.settings.slaSec,
    totals: buildTotals(shown, queue, input.calls),
    lines,
    linePanel: linePanel(lines, input.settings),
  };
}
