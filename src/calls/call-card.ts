/**
 * Turns an Aircall call into the readable card the history and search sidebars show.
 * Pure: times are formatted by the caller (the spreadsheet's time zone lives on the server).
 */
import type { Call, MissedCallReason } from '../aircall/types';
import type { CallCard } from '../sidebar-contract';

/** Missed-call reasons in a supervisor's words (Aircall's six values). */
export const MISSED_REASON_TEXT: Readonly<Record<MissedCallReason, string>> = {
  out_of_opening_hours: 'Outside opening hours',
  short_abandoned: 'Caller hung up within seconds',
  abandoned_in_ivr: 'Caller hung up in the IVR menu',
  abandoned_in_classic: 'Caller hung up while waiting',
  no_available_agent: 'No agent was available',
  agents_did_not_answer: 'Agents did not answer',
};

export interface CardContext {
  /** Formats UNIX seconds in the spreadsheet's time zone. */
  formatTime(sec: number): string;
  /** Server "now", to time calls that are still ringing or in progress. */
  nowSec: number;
}

const elapsed = (from: number, to: number): number => Math.max(0, to - from);

/** A timestamp Aircall may leave out or send as null: the seconds, or null. */
const secOrNull = (sec: unknown): number | null => (typeof sec === 'number' && Number.isFinite(sec) ? sec : null);

/** Wait = ringing until answered (or until the call ended unanswered, or until now while it still rings). */
function waitSec(call: Call, nowSec: number): number {
  const startedAt = secOrNull(call.started_at) ?? nowSec;
  return elapsed(startedAt, secOrNull(call.answered_at) ?? secOrNull(call.ended_at) ?? nowSec);
}

/** Talk = answered until ended (until now while the call is in progress); none if never answered. */
function talkSec(call: Call, nowSec: number): number | null {
  const answeredAt = secOrNull(call.answered_at);
  return answeredAt === null ? null : elapsed(answeredAt, secOrNull(call.ended_at) ?? nowSec);
}

function statusText(call: Call): string {
  if (call.missed_call_reason) return call.voicemail ? 'Missed, voicemail left' : 'Missed';
  if (call.status === 'initial') return 'Ringing';
  if (call.status === 'answered') return 'In progress';
  return secOrNull(call.answered_at) === null ? 'Not answered' : 'Answered';
}

export function toCallCard(call: Call, ctx: CardContext): CallCard {
  const reason = call.missed_call_reason ?? null;
  const startedAt = secOrNull(call.started_at);
  const answeredAt = secOrNull(call.answered_at);
  const endedAt = secOrNull(call.ended_at);
  return {
    id: call.id,
    direction: call.direction,
    status: statusText(call),
    agent: call.user?.name ?? null,
    line: call.number?.name ?? null,
    lineDigits: call.number?.digits ?? null,
    externalNumber: call.raw_digits,
    startedAt: startedAt === null ? '' : ctx.formatTime(startedAt),
    answeredAt: answeredAt === null ? null : ctx.formatTime(answeredAt),
    endedAt: endedAt === null ? null : ctx.formatTime(endedAt),
    startedAtSec: startedAt ?? 0,
    answeredAtSec: answeredAt,
    endedAtSec: endedAt,
    waitSec: waitSec(call, ctx.nowSec),
    talkSec: talkSec(call, ctx.nowSec),
    durationSec: call.duration,
    missedReason: reason,
    missedReasonText: reason ? (MISSED_REASON_TEXT[reason] ?? reason) : null,
    tags: (call.tags ?? []).map((tag) => tag.name),
    comments: (call.comments ?? []).map((comment) => comment.content),
    recording: call.recording ?? null,
    voicemail: call.voicemail ?? null,
    asset: call.asset ?? null,
    rawJson: JSON.stringify(call, null, 2),
  };
}
