/**
 * Call History ("Select User" / "All Users"): one sidebar page for both. The server opens
 * dist/CallHistory.html and bakes the request into the page's JSON data island with
 * embedCallHistoryRequest(); the page reads it and calls getCallHistory(request). No state is
 * stored between the menu click and the page load, so two open sidebars never mix up their users.
 */
import type { Call } from '../aircall/types';
import { agentsInVisibleTeams } from '../tracker/teams';

export type CallHistoryRequest = { scope: 'user'; userId: number } | { scope: 'all' };

/** The exact island written in html/call-history/page.html. */
export const CALL_HISTORY_ISLAND = '<script type="application/json" id="call-history-request">null</script>';

/** Returns the page HTML with the request inlined (for HtmlOutput.setContent). */
export function embedCallHistoryRequest(pageHtml: string, request: CallHistoryRequest): string {
  if (!pageHtml.includes(CALL_HISTORY_ISLAND)) throw new Error('CallHistory page has no request island');
  // "<" escaped so no value can close the <script> element.
  const json = JSON.stringify(request).replace(/</g, '\\u003c');
  return pageHtml.replace(CALL_HISTORY_ISLAND, () => CALL_HISTORY_ISLAND.replace('>null<', `>${json}<`));
}

export interface HistoryScope {
  /** Agents whose calls are shown; null = everyone (no team filter). */
  agentIds: ReadonlySet<number> | null;
  /** Lines each agent answers (from Map Users to Numbers), to attribute missed calls; null = unknown. */
  userNumbers: Readonly<Record<number, readonly number[]>> | null;
}

/** Agents in scope for a request: the one user, or everyone the team filter lets through. */
export function agentsFor(request: CallHistoryRequest, teamFilterAgents: ReadonlySet<number> | null) {
  return request.scope === 'user' ? new Set([request.userId]) : teamFilterAgents;
}

/**
 * Keeps the calls an agent in scope took or made, plus missed calls (no agent) on the lines those
 * agents answer, which is what a supervisor means by "this agent's calls".
 */
export function historyFilter(scope: HistoryScope): (call: Call) => boolean {
  const { agentIds, userNumbers } = scope;
  if (agentIds === null) return () => true;
  const lines = new Set<number>();
  for (const id of agentIds) for (const line of userNumbers?.[id] ?? []) lines.add(line);
  return (call) =>
    call.user ? agentIds.has(call.user.id) : !!call.missed_call_reason && !!call.number && lines.has(call.number.id);
}

/** The agents a team filter lets through (team ids as strings, plus SINGLE_USERS), or null when there is none. */
export function teamFilterAgents(
  teamFilter: readonly string[] | null,
  directory: { users: readonly { id: number }[]; teams: readonly { id: number; userIds: readonly number[] }[] },
): Set<number> | null {
  if (!teamFilter) return null;
  return agentsInVisibleTeams(
    directory.teams,
    directory.users.map((user) => user.id),
    teamFilter,
  );
}

/** The calls first shown: a page or two, so the sidebar has cards within seconds; the rest follow. */
export const FIRST_HISTORY_CARDS = 200;

/**
 * Where a Call History stands between two google.script.run calls: its period (fixed by the first
 * call, so later calls continue the same hour) and the search cursor. Checked like any page input.
 */
export function encodeHistoryCursor(period: { fromSec: number; toSec: number }, searchCursor: string | null) {
  return searchCursor === null ? null : JSON.stringify({ ...period, search: searchCursor });
}

export function decodeHistoryCursor(cursor: unknown): { fromSec: number; toSec: number; search: string } {
  let data: Partial<{ fromSec: unknown; toSec: unknown; search: unknown }> | null = null;
  try {
    data = JSON.parse(String(cursor));
  } catch {
    // refused below
  }
  const { fromSec, toSec, search } = data ?? {};
  if (!Number.isSafeInteger(fromSec) || !Number.isSafeInteger(toSec) || typeof search !== 'string')
    throw new Error('This list can no longer be continued. Please open it again from the Calls menu.');
  return { fromSec: fromSec as number, toSec: toSec as number, search };
}
