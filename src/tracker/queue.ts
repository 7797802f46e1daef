import type { Call } from '../aircall/types';
import { waitingLineColors } from './palette';

export type WaitLevel = 0 | 1 | 2;

/** One caller waiting for an agent. */
export interface QueueEntry {
  callId: number;
  externalNumber: string;
  /** Aircall number id, null when Aircall did not say which line was called. */
  lineId: number | null;
  lineName: string;
  waitingSec: number;
  level: WaitLevel;
  /** Colour of the line (see palette.ts); null beyond the palette or for an unknown line. */
  lineColor: string | null;
}

/** The two waiting times (seconds) from which a wait shows amber, then red (Settings' own fields). */
export interface WaitThresholds {
  waitLevel1Sec: number;
  waitLevel2Sec: number;
}

export function waitLevel(waitingSec: number, settings: WaitThresholds): WaitLevel {
  if (waitingSec < settings.waitLevel1Sec) return 0;
  return waitingSec < settings.waitLevel2Sec ? 1 : 2;
}

/** A caller is waiting while an inbound call is still ringing; ringing outbound calls are not a queue. */
export function isWaiting(call: Call): boolean {
  return call.direction === 'inbound' && call.status === 'initial';
}

export function lineName(call: Call, numberNames: ReadonlyMap<number, string>): string {
  const id = call.number?.id;
  return (id !== undefined ? numberNames.get(id) : undefined) ?? call.number?.name ?? 'Unknown line';
}

/** One entry per waiting caller, longest wait first; each waiting line coloured apart from the others. */
export function buildQueue(
  calls: readonly Call[],
  nowSec: number,
  settings: WaitThresholds,
  numberNames: ReadonlyMap<number, string>,
): QueueEntry[] {
  const entries = calls
    .filter(isWaiting)
    .map((call) => {
      const waitingSec = Math.max(0, nowSec - call.started_at);
      return {
        callId: call.id,
        externalNumber: call.raw_digits,
        lineId: call.number?.id ?? null,
        lineName: lineName(call, numberNames),
        waitingSec,
        level: waitLevel(waitingSec, settings),
      };
    })
    .sort((a, b) => b.waitingSec - a.waitingSec || a.callId - b.callId);
  // Only lines Aircall knows can be linked to their agents.
  const known = entries.map((e) => e.lineId).filter((id): id is number => id !== null && numberNames.has(id));
  const colors = waitingLineColors(known);
  return entries.map((entry) => ({
    ...entry,
    lineColor: entry.lineId === null ? null : (colors.get(entry.lineId) ?? null),
  }));
}
