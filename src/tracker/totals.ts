import type { Call, MissedCallReason } from '../aircall/types';
import { isMissed } from './kpi';
import { byNameThenId } from './names';
import type { QueueEntry } from './queue';
import type { AgentStatus } from './status-since';

/** The strip at the top of the board. Agents are those shown (team filter applied), each counted once. */
export interface BoardTotals {
  available: number;
  inCall: number;
  afterCallWork: number;
  doNotDisturb: number;
  offline: number;
  unknown: number;
  waiting: number;
  longestWaitSec: number | null;
  /** Finished calls of the whole account over the activity period: answered inbound, outbound. */
  inbound: number;
  outbound: number;
  /** Missed inbound calls, each counted once whatever the number of agents on its line. */
  missed: number;
}

/** One Aircall number ("line") over the activity period. */
export interface LineStats {
  lineId: number;
  name: string;
  digits: string;
  /** The outline colour while a caller waits (palette.ts); null otherwise. */
  color: string | null;
  waiting: number;
  longestWaitSec: number | null;
  shortestWaitSec: number | null;
  averageWaitSec: number | null;
  /** null when users were never mapped to numbers. */
  agents: { assigned: number; available: number; inCall: number } | null;
  answered: number;
  missed: number;
  /** Share (0–1) of answered-or-missed inbound calls answered within the SLA; null when the SLA is off or no call. */
  withinSla: number | null;
  /** Share (0–1) of answered-or-missed inbound calls the caller hung up on; null with no call. */
  abandoned: number | null;
}

export const ABANDONED: readonly MissedCallReason[] = ['short_abandoned', 'abandoned_in_ivr', 'abandoned_in_classic'];

const isAnsweredInbound = (call: Call): call is Call & { answered_at: number } =>
  call.direction === 'inbound' && typeof call.answered_at === 'number';

export function buildTotals(
  agents: readonly { status: AgentStatus }[],
  queue: readonly QueueEntry[],
  calls: readonly Call[],
): BoardTotals {
  const count = (status: AgentStatus) => agents.filter((a) => a.status === status).length;
  return {
    available: count('available'),
    inCall: count('in_call'),
    afterCallWork: count('after_call_work'),
    doNotDisturb: count('do_not_disturb'),
    offline: count('offline'),
    unknown: count('unknown'),
    waiting: queue.length,
    longestWaitSec: queue.length > 0 ? queue[0].waitingSec : null,
    inbound: calls.filter((c) => c.status === 'done' && isAnsweredInbound(c) && !isMissed(c)).length,
    outbound: calls.filter((c) => c.status === 'done' && c.direction === 'outbound').length,
    missed: calls.filter(isMissed).length,
  };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per-line figures, for every known number, in name order. */
export function buildLineStats(
  input: {
    calls: readonly Call[];
    numbers: readonly { id: number; name: string; digits: string }[];
    settings: { slaSec: number };
  },
  queue: readonly QueueEntry[],
  statuses: ReadonlyMap<number, string>,
  byLine: ReadonlyMap<number, readonly number[]> | null,
): LineStats[] {
  const colors = new Map(queue.map((entry) => [entry.lineId, entry.lineColor]));
  const callsByLine = new Map<number, Call[]>();
  for (const call of input.calls) {
    if (!call.number) continue;
    const list = callsByLine.get(call.number.id);
    if (list) list.push(call);
    else callsByLine.set(call.number.id, [call]);
  }
  const { slaSec } = input.settings;
  return [...input.numbers].sort(byNameThenId).map((line): LineStats => {
    const waits = queue.filter((q) => q.lineId === line.id).map((q) => q.waitingSec);
    const calls = callsByLine.get(line.id) ?? [];
    const answered = calls.filter(isAnsweredInbound);
    const missed = calls.filter(isMissed);
    const resolved = answered.length + missed.length;
    const assigned = byLine ? (byLine.get(line.id) ?? []) : null;
    const withStatus = (status: string) => assigned?.filter((id) => statuses.get(id) === status).length ?? 0;
    return {
      lineId: line.id,
      name: line.name,
      digits: line.digits,
      color: colors.get(line.id) ?? null,
      waiting: waits.length,
      longestWaitSec: waits.length > 0 ? Math.max(...waits) : null,
      shortestWaitSec: waits.length > 0 ? Math.min(...waits) : null,
      averageWaitSec: waits.length > 0 ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
      agents: assigned
        ? { assigned: assigned.length, available: withStatus('available'), inCall: withStatus('in_call') }
        : null,
      answered: answered.length,
      missed: missed.length,
      withinSla:
        slaSec > 0 ? share(answered.filter((c) => c.answered_at - c.started_at <= slaSec).length, resolved) : null,
      abandoned: share(missed.filter((c) => ABANDONED.includes(c.missed_call_reason!)).length, resolved),
    };
  });
}
