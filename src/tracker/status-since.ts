import type { Availability } from '../aircall/types';

export type AgentStatus = Availability | 'unknown';

/**
 * When each agent's status was first seen. `changeSeen` is false while the status has not changed
 * since the first refresh that saw it: the agent has been in it at least that long, maybe longer.
 */
export type StatusSince = Record<number, { status: string; sinceSec: number; changeSeen: boolean }>;

/**
 * When each agent's status began, as far as refreshes can tell. A status first seen has lasted at
 * least since then (changeSeen false: shown as "≥"); a status seen to change began between the two
 * refreshes, and is counted from the refresh that saw it.
 */
export function nextStatusSince(
  previous: StatusSince | null,
  availabilities: readonly { id: number; availability: string }[],
  nowSec: number,
): StatusSince {
  const next: StatusSince = {};
  for (const { id, availability } of availabilities) {
    const seen = previous?.[id];
    if (seen && seen.status === availability) next[id] = seen;
    else next[id] = { status: availability, sinceSec: nowSec, changeSeen: seen !== undefined };
  }
  return next;
}
