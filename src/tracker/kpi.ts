import type { Call, CallDirection } from '../aircall/types';

/**
 * An agent's finished calls over the activity period (calls in progress show as the live call).
 * The board's legend (LEGEND in sheet/layout.ts) says the same in the user's words.
 */
export interface AgentKpi {
  /** Inbound calls the agent answered, finished. */
  inbound: number;
  /** Outbound calls the agent made, finished (answered or not). */
  outbound: number;
  /** Missed inbound calls Aircall attributes to this agent (the call's user); line-wide misses are counted per line. */
  missed: number;
  /** Average time callers waited before this agent answered, calls in progress included; null with none. */
  averageAnswerSec: number | null;
  slaBreach: boolean;
}

/** The call an agent is on right now. */
export interface InCallDetail {
  direction: CallDirection;
  externalNumber: string;
  lineName: string;
  lengthSec: number;
}

interface Tally {
  inbound: number;
  outbound: number;
  missed: number;
  /** Inbound calls answered, finished or not, and the callers' total wait before the answer. */
  answered: number;
  answerWaitSec: number;
  liveCall: Call | null;
}

/** Per-agent tallies over the calls of the activity period, built in one pass. */
export class ActivityIndex {
  private readonly tallies = new Map<number, Tally>();

  constructor(calls: readonly Call[]) {
    for (const call of calls) this.add(call);
  }

  private tally(agentId: number): Tally {
    let tally = this.tallies.get(agentId);
    if (!tally) {
      tally = { inbound: 0, outbound: 0, missed: 0, answered: 0, answerWaitSec: 0, liveCall: null };
      this.tallies.set(agentId, tally);
    }
    return tally;
  }

  private add(call: Call): void {
    const agentId = call.user?.id;
    if (agentId === undefined) return;
    const tally = this.tally(agentId);
    if (isMissed(call)) tally.missed++;
    else if (call.direction === 'outbound') {
      if (call.status === 'done') tally.outbound++;
    } else if (typeof call.answered_at === 'number') {
      if (call.status === 'done') tally.inbound++;
      // The caller's wait is known from the answer on, so a call in progress counts toward the SLA.
      tally.answered++;
      tally.answerWaitSec += Math.max(0, call.answered_at - call.started_at);
    }
    if (call.status === 'answered' && typeof call.answered_at === 'number') {
      if (!tally.liveCall || (tally.liveCall.answered_at ?? 0) < call.answered_at) tally.liveCall = call;
    }
  }

  kpi(agentId: number, slaSec: number): AgentKpi {
    const tally = this.tallies.get(agentId);
    const averageAnswerSec = tally && tally.answered > 0 ? tally.answerWaitSec / tally.answered : null;
    return {
      inbound: tally?.inbound ?? 0,
      outbound: tally?.outbound ?? 0,
      missed: tally?.missed ?? 0,
      averageAnswerSec,
      slaBreach: slaSec > 0 && averageAnswerSec !== null && averageAnswerSec > slaSec,
    };
  }

  /** The most recently answered call still in progress for this agent, if any. */
  liveCall(agentId: number): Call | null {
    return this.tallies.get(agentId)?.liveCall ?? null;
  }
}

export function isMissed(call: Call): boolean {
  return call.direction === 'inbound' && call.status === 'done' && Boolean(call.missed_call_reason);
}

/** line id → agent ids, from the user → numbers map. */
export function agentsByLine(userNumbers: Record<number, number[]> | null): Map<number, number[]> | null {
  if (!userNumbers) return null;
  const byLine = new Map<number, number[]>();
  for (const [userId, lineIds] of Object.entries(userNumbers)) {
    for (const lineId of new Set(lineIds)) {
      const agents = byLine.get(lineId);
      if (agents) agents.push(Number(userId));
      else byLine.set(lineId, [Number(userId)]);
    }
  }
  return byLine;
}
