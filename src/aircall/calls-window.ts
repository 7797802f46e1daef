import type { AircallClient } from './client';
import { type Call, MISSED_CALL_REASONS, type MissedCallReason } from './types';

/**
 * The activity window: every call started in the last `periodSec`, refreshed incrementally.
 * Each refresh asks only for calls started since the oldest call still ringing, or since the last
 * refresh; other calls are kept from the previous window. Without a previous window (cache lost),
 * or when the period grew, it fetches the whole period.
 *
 * Why ringing and not answered: a ringing call can still become answered or missed, which changes
 * the queue, the KPIs and the SLA. An answered call can only end, and the board learns that from the
 * agent's live availability (no longer in_call), so re-listing every call since the oldest
 * conversation — up to the whole period at a busy call center — buys nothing the board shows.
 * Kept answered calls therefore keep status "answered" until they leave the window.
 *
 * The state is cached, so it is compact: each call is a short array, and agent, line and tag names
 * are stored once in dictionaries. Only what the board reads is kept: signed media URLs (they expire
 * within hours anyway), direct links, contacts and nested objects beyond {id, name[, digits]} are
 * dropped, and comments are cut to what a card shows. Measured (test/aircall/calls-window.test.ts):
 * about 70 bytes of JSON per call, so 10,000 calls by 1,000 agents take under 1 MB, i.e. a handful of
 * 100 KB CacheService values.
 */
export interface CallsWindowState {
  v: typeof STATE_VERSION;
  /** UNIX seconds of the refresh that produced this state. */
  fetchedAtSec: number;
  periodSec: number;
  /** id → name. */
  agents: Record<string, string>;
  /** id → [name, digits]. */
  lines: Record<string, [string, string]>;
  /** id → name. */
  tags: Record<string, string>;
  calls: CompactCall[];
}

/** Positional, so 10,000 calls fit in a few cache values; trailing empty fields are left out. */
export type CompactCall = [
  id: number,
  /** Direction and status initials: "id" = inbound done, "oa" = outbound answered, "ii" = inbound ringing. */
  kind: string,
  startedAt: number,
  answeredAfterSec: number | null,
  endedAfterSec: number | null,
  duration: number,
  rawDigits: string,
  agentId: number | null,
  lineId: number | null,
  /** Index in MISSED_CALL_REASONS, or the reason itself when Aircall sends a new one. */
  missed?: number | string | null,
  tagIds?: number[],
  comments?: [id: number, content: string, postedAt: number][],
];

const STATE_VERSION = 1;
/** A call created just before the last refresh may not have been listed yet. */
export const LATE_MARGIN_SEC = 30;
/** What a call card shows of a comment. */
export const COMMENT_CHARS = 140;

export interface CallsWindowRefresh {
  state: CallsWindowState;
  /** The window's calls, oldest first, in the API's shape (media URLs null; fetch the call for them). */
  calls: Call[];
  /** Aircall requests this refresh made. */
  requests: number;
}

/** What a refresh of the window must list: the calls started since `since`; `kept` are carried over. */
export interface CallsWindowPlan {
  kept: Call[] | null;
  since: number;
  windowStart: number;
  /** About how many calls started since `since`, from the pace of the kept ones: how many pages to ask for at once. */
  expectedCalls: number;
}

/** The pace is read over the last minutes of the kept window, so a quiet hour earlier does not lower it. */
const PACE_OVER_SEC = 600;

export function planCallsWindow(previous: CallsWindowState | null, nowSec: number, periodSec: number): CallsWindowPlan {
  const windowStart = nowSec - periodSec;
  const kept = usable(previous, windowStart, nowSec) ? decodeCalls(previous) : null;
  if (!kept) return { kept, since: windowStart, windowStart, expectedCalls: 0 };
  const lastFetchSec = previous!.fetchedAtSec;
  const since = fetchFrom(kept, lastFetchSec, windowStart);
  const paceFrom = lastFetchSec - Math.min(PACE_OVER_SEC, previous!.periodSec);
  const recent = kept.filter((c) => c.started_at >= paceFrom).length;
  const alreadyListed = kept.filter((c) => c.started_at >= since).length;
  const expectedCalls =
    alreadyListed + Math.round((recent * (nowSec - lastFetchSec)) / Math.max(1, lastFetchSec - paceFrom));
  return { kept, since, windowStart, expectedCalls };
}

/** The window after a refresh: the kept calls from before `since`, and the calls just listed. */
export function mergeCallsWindow(
  plan: CallsWindowPlan,
  fresh: Call[],
  nowSec: number,
  periodSec: number,
): Omit<CallsWindowRefresh, 'requests'> {
  const { kept, since, windowStart } = plan;
  const freshIds = new Set(fresh.map((c) => c.id));
  // Calls from before `since` are finished or in conversation: kept as they were (see above).
  const carried = (kept ?? []).filter(
    (c) => c.started_at >= windowStart && c.started_at < since && !freshIds.has(c.id),
  );
  const calls = [...carried, ...fresh]
    .filter((c) => c.started_at >= windowStart)
    .sort((a, b) => a.started_at - b.started_at || a.id - b.id);
  const state = encodeCalls(calls, nowSec, periodSec);
  return { state, calls: decodeCalls(state) };
}

export function refreshCallsWindow(
  client: AircallClient,
  previous: CallsWindowState | null,
  nowSec: number,
  periodSec: number,
): CallsWindowRefresh {
  const requestsBefore = client.requestsMade;
  const plan = planCallsWindow(previous, nowSec, periodSec);
  const fresh = client.listCalls({ from: plan.since, to: nowSec, order: 'asc' });
  return { ...mergeCallsWindow(plan, fresh, nowSec, periodSec), requests: client.requestsMade - requestsBefore };
}

function usable(previous: CallsWindowState | null, windowStart: number, nowSec: number): previous is CallsWindowState {
  return (
    !!previous &&
    previous.v === STATE_VERSION &&
    previous.fetchedAtSec <= nowSec &&
    // The previous window must reach back to this one's start, or older calls would be missing.
    previous.fetchedAtSec - previous.periodSec <= windowStart
  );
}

const stillRinging = (call: Call) => call.status === 'initial';

function fetchFrom(kept: Call[], lastFetchSec: number, windowStart: number): number {
  const oldestRinging = kept.filter(stillRinging).reduce((min, c) => Math.min(min, c.started_at), Infinity);
  return Math.max(windowStart, Math.min(oldestRinging, lastFetchSec - LATE_MARGIN_SEC));
}

type Dictionaries = Pick<CallsWindowState, 'agents' | 'lines' | 'tags'>;

export function encodeCalls(calls: Call[], fetchedAtSec: number, periodSec: number): CallsWindowState {
  const dictionaries: Dictionaries = { agents: {}, lines: {}, tags: {} };
  return {
    v: STATE_VERSION,
    fetchedAtSec,
    periodSec,
    ...dictionaries,
    calls: calls.map((call) => encodeCall(call, dictionaries)),
  };
}

export function decodeCalls(state: CallsWindowState): Call[] {
  return state.calls.map((compact) => decodeCall(compact, state));
}

function encodeCall(call: Call, d: Dictionaries): CompactCall {
  if (call.user) d.agents[call.user.id] = call.user.name;
  if (call.number) d.lines[call.number.id] = [call.number.name, call.number.digits];
  for (const tag of call.tags ?? []) d.tags[tag.id] = tag.name;
  const missedIndex = call.missed_call_reason ? MISSED_CALL_REASONS.indexOf(call.missed_call_reason) : -1;
  const compact: CompactCall = [
    call.id,
    call.direction[0] + call.status[0],
    call.started_at,
    call.answered_at === null ? null : call.answered_at - call.started_at,
    call.ended_at === null ? null : call.ended_at - call.started_at,
    call.duration,
    call.raw_digits,
    call.user?.id ?? null,
    call.number?.id ?? null,
    call.missed_call_reason === null ? null : missedIndex >= 0 ? missedIndex : call.missed_call_reason,
    (call.tags ?? []).map((t) => t.id),
    (call.comments ?? []).map((c) => [c.id, c.content.slice(0, COMMENT_CHARS), c.posted_at]),
  ];
  while (compact.length > 9 && isEmpty(compact[compact.length - 1])) compact.pop();
  return compact;
}

const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && !value.length);

const DIRECTIONS = { i: 'inbound', o: 'outbound' } as const;
const STATUSES = { i: 'initial', a: 'answered', d: 'done' } as const;

function decodeCall(compact: CompactCall, d: Dictionaries): Call {
  const [id, kind, startedAt, answeredAfter, endedAfter, duration, rawDigits, agentId, lineId] = compact;
  const [missed = null, tagIds = [], comments = []] = compact.slice(9) as [
    CompactCall[9],
    CompactCall[10],
    CompactCall[11],
  ];
  const line = lineId === null ? undefined : d.lines[lineId];
  return {
    id,
    direction: DIRECTIONS[kind[0] as keyof typeof DIRECTIONS],
    status: STATUSES[kind[1] as keyof typeof STATUSES],
    missed_call_reason: (typeof missed === 'number' ? MISSED_CALL_REASONS[missed] : missed) as MissedCallReason | null,
    started_at: startedAt,
    answered_at: answeredAfter === null ? null : startedAt + answeredAfter,
    ended_at: endedAfter === null ? null : startedAt + endedAfter,
    duration,
    raw_digits: rawDigits,
    voicemail: null,
    recording: null,
    asset: null,
    user: agentId === null ? null : { id: agentId, name: d.agents[agentId] ?? '' },
    number: lineId === null || !line ? null : { id: lineId, name: line[0], digits: line[1] },
    tags: (tagIds ?? []).map((tagId) => ({ id: tagId, name: d.tags[tagId] ?? '' })),
    comments: (comments ?? []).map(([commentId, content, postedAt]) => ({
      id: commentId,
      content,
      posted_at: postedAt,
      posted_by: null,
    })),
  };
}
