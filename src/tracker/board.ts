import type { Call } from '../aircall/types';
import { ActivityIndex, type AgentKpi, agentsByLine, type InCallDetail } from './kpi';
import { byNameThenId } from './names';
import { buildQueue, lineName, type QueueEntry } from './queue';
import type { Settings } from './settings';
import type { AgentStatus, StatusSince } from './status-since';
import { type LinePanelRow, linePanel, linesInTrouble } from './targets';
import { visibleTeams } from './teams';
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
  statusSince?: StatusSince;
}

export interface AgentCard {
  id: number;
  name: string;
  status: AgentStatus;
  /** Aircall's own word for the status, kept for statuses the board does not know. */
  rawStatus: string;
  kpi: AgentKpi;
  inCall: InCallDetail | null;
  /** Seconds in the current status: from the call itself when on a call, else from the status changes seen. */
  statusForSec: number | null;
  /** True when statusForSec is only a lower bound (no change of status seen yet). */
  statusAtLeast: boolean;
  /** The waiting line this available agent could pick up (the longest wait when several). */
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
  slaSec: number;
  totals: BoardTotals;
  lines: LineStats[];
  /** The Lines panel: the lines shown (lines filter applied) with their target levels. */
  linePanel: LinePanelRow[];
  /** The panel's lines off target or with a caller waiting, the most severe first. */
  trouble: LinePanelRow[];
}

const KNOWN_STATUSES: readonly string[] = ['available', 'do_not_disturb', 'offline', 'in_call', 'after_call_work'];

function inCallDetail(call: Call | null, nowSec: number, lineNameOf: (call: Call) => string): InCallDetail | null {
  if (!call || call.answered_at === null) return null;
  return {
    direction: call.direction,
    externalNumber: call.raw_digits,
    lineName: lineNameOf(call),
    lengthSec: Math.max(0, nowSec - call.answered_at),
  };
}

/** For each available agent, the waiting line with the longest wait among the lines they are mapped to. */
function waitingLines(
  queue: readonly QueueEntry[],
  byLine: ReadonlyMap<number, readonly number[]> | null,
  statuses: ReadonlyMap<number, string>,
) {
  const lines = new Map<number, NonNullable<AgentCard['waitingLine']>>();
  for (const entry of queue) {
    if (entry.lineId === null) continue;
    for (const agentId of byLine?.get(entry.lineId) ?? []) {
      // Only an agent who could take the call now is outlined.
      if (statuses.get(agentId) === 'available' && !lines.has(agentId))
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
  const since = input.statusSince?.[id];
  const inCall = status === 'in_call' ? inCallDetail(activity.liveCall(id), input.nowSec, lineNameOf) : null;
  const tracked = since && since.status === rawStatus ? since : null;
  return {
    id,
    name: names.get(id) ?? `Agent #${id}`,
    status,
    rawStatus,
    kpi: activity.kpi(id, input.settings.slaSec),
    inCall,
    statusForSec: inCall ? inCall.lengthSec : tracked ? Math.max(0, input.nowSec - tracked.sinceSec) : null,
    statusAtLeast: inCall ? false : tracked ? !tracked.changeSeen : false,
    waitingLine: waiting.get(id) ?? null,
  };
}

export function buildBoard(input: BoardInput): BoardModel {
  const numberNames = new Map(input.numbers.map((n) => [n.id, n.name]));
  const byLine = agentsByLine(input.userNumbers);
  const queue = buildQueue(input.calls, input.nowSec, input.settings, numberNames);
  const statuses = new Map(input.availabilities.map((a) => [a.id, a.availability]));
  const context: CardContext = {
    input,
    names: new Map(input.users.map((u) => [u.id, u.name])),
    statuses,
    activity: new ActivityIndex(input.calls),
    waiting: waitingLines(queue, byLine, statuses),
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
  const teams = visibleTeams(input.teams, everyone, input.settings.teamFilter).map(({ key, name, userIds }) => ({
    key,
    name,
    agents: userIds.map(card).sort(byNameThenId),
  }));
  const shown = [...cards.values()];
  const lines = buildLineStats(input, queue, context.statuses, byLine);
  const panel = linePanel(lines, input.settings);
  return {
    teams,
    queue,
    slaSec: input.settings.slaSec,
    totals: buildTotals(shown, queue, input.calls),
    lines,
    linePanel: panel,
    trouble: linesInTrouble(panel),
  };
}
