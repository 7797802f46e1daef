import type { StatusSince } from './board';

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
