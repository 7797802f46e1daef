/**
 * Advanced Search: narrow the Aircall fetch with what /v1/calls/search can filter on, then apply
 * the remaining criteria to each call. Criteria are AND-ed; options within one criterion are OR-ed;
 * an empty criterion is ignored.
 */
import type { Call, CallDirection } from '../aircall/types';
import type { AdvancedSearchCriteria } from '../sidebar-contract';

export interface SearchPlan {
  from: number;
  to: number;
  /** Set only when exactly one user is searched: /v1/calls/search takes a single user_id. */
  userId?: number;
  direction?: CallDirection;
  /** True when /v1/calls/search narrows the fetch; otherwise the plain /v1/calls list is enough. */
  useSearch: boolean;
}

const nonEmpty = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

export function planSearch(criteria: AdvancedSearchCriteria): SearchPlan {
  const plan: SearchPlan = { from: criteria.fromSec, to: criteria.toSec, useSearch: false };
  if (criteria.userIds?.length === 1) plan.userId = criteria.userIds[0];
  if (criteria.direction) plan.direction = criteria.direction;
  // Numbers and tags stay client-side: phone_number means the caller's E.164 number, and tags[] is AND-ed by id.
  plan.useSearch = plan.userId !== undefined || plan.direction !== undefined;
  return plan;
}

function matchesAsset(call: Call, asset: AdvancedSearchCriteria['asset']): boolean {
  if (asset === 'recording') return !!call.recording;
  if (asset === 'voicemail') return !!call.voicemail;
  if (asset === 'either') return !!call.recording || !!call.voicemail;
  return true;
}

function matchesMissed(call: Call, missed: AdvancedSearchCriteria['missed']): boolean {
  if (!missed) return true;
  if (missed === 'not_missed') return !call.missed_call_reason;
  if (missed === 'any_missed') return !!call.missed_call_reason;
  return call.missed_call_reason === missed;
}

function matchesDuration(
  call: Call,
  op: AdvancedSearchCriteria['durationOp'],
  sec: number | null | undefined,
): boolean {
  if (!op || sec === null || sec === undefined || !Number.isFinite(sec)) return true;
  return op === 'gt' ? call.duration > sec : call.duration < sec;
}

function matchesTags(call: Call, wanted: readonly string[]): boolean {
  const names = new Set((call.tags ?? []).map((tag) => tag.name.trim().toLowerCase()));
  return wanted.some((tag) => names.has(tag.trim().toLowerCase()));
}

export function matchesCriteria(call: Call, criteria: AdvancedSearchCriteria): boolean {
  if (call.started_at < criteria.fromSec || call.started_at > criteria.toSec) return false;
  if (nonEmpty(criteria.userIds) && !(call.user && criteria.userIds.includes(call.user.id))) return false;
  if (nonEmpty(criteria.numberIds) && !(call.number && criteria.numberIds.includes(call.number.id))) return false;
  if (criteria.direction && call.direction !== criteria.direction) return false;
  if (nonEmpty(criteria.tags) && !matchesTags(call, criteria.tags)) return false;
  return (
    matchesAsset(call, criteria.asset) &&
    matchesMissed(call, criteria.missed) &&
    matchesDuration(call, criteria.durationOp, criteria.durationSec)
  );
}
