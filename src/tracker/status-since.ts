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
 * refreshes, and is counted from the refresh that saw it. When only some agents were read (statuses
 * read in rotation), an agent `keepUnread` accepts keeps the entry of the last read that saw them.
 */
export function nextStatusSince(
  previous: StatusSince | null,
  availabilities: readonly { id: number; availability: string }[],
  nowSec: number,
  keepUnread: (id: number) => boolean = () => false,
): StatusSince {
  const next: StatusSince = {};
  for (const [id, seen] of Object.entries(previous ?? {})) if (keepUnread(Number(id))) next[Number(id)] = seen;
  for (const { id, availability } of availabilities) {
    const seen = previous?.[id];
    if (seen && seen.status === availability) next[id] = seen;
    else next[id] = { status: availability, sinceSec: nowSec, changeSeen: seen !== undefined };
  }
  return next;
}

/** Every agent's last known status, as the board reads availabilities. */
export function knownStatuses(since: StatusSince): { id: number; availability: string }[] {
  return Object.entries(since).map(([id, { status }]) => ({ id: Number(id), availability: status }));
}
