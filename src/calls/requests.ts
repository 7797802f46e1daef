/**
 * What the Calls sidebars send through google.script.run, checked before use: a page can be
 * tampered with, so every field is read for what it must be, and anything else gets a clear message.
 */
import { MISSED_CALL_REASONS } from '../aircall/types';
import type { AdvancedSearchCriteria } from '../sidebar-contract';
import type { CallHistoryRequest } from './history';

export function readHistoryRequest(request: unknown): CallHistoryRequest {
  const r = request as Partial<{ scope: string; userId: unknown }> | null;
  if (r?.scope === 'all') return { scope: 'all' };
  if (r?.scope === 'user' && Number.isSafeInteger(r.userId)) return { scope: 'user', userId: r.userId as number };
  throw new Error('Open Call History from the Calls menu.');
}

const MISSED_CHOICES: readonly string[] = ['', 'not_missed', 'any_missed', ...MISSED_CALL_REASONS];

function oneOf<T extends string>(value: unknown, choices: readonly string[], what: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && choices.includes(value)) return value as T;
  throw new Error(`Unknown ${what}: choose one from the list.`);
}

function ids(value: unknown, what: string): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((id) => Number.isSafeInteger(id))) return value as number[];
  throw new Error(`Choose ${what} from the list.`);
}

/** Criteria with a real period (start before end) and only the values the form offers. */
export function readSearchCriteria(criteria: unknown): AdvancedSearchCriteria {
  const c = (criteria ?? {}) as Record<string, unknown>;
  const from = Number(c.fromSec);
  const to = Number(c.toSec);
  if (c.fromSec === null || c.toSec === null || !Number.isFinite(from) || !Number.isFinite(to))
    throw new Error('Choose a start and an end date.');
  if (from >= to) throw new Error('The start of the period must be before its end.');
  const durationSec = c.durationSec === undefined || c.durationSec === null ? null : Number(c.durationSec);
  if (durationSec !== null && !(Number.isFinite(durationSec) && durationSec >= 0))
    throw new Error('Enter the duration in seconds.');
  const tags = c.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string'))
    throw new Error('Choose tags from the list.');
  return {
    fromSec: Math.floor(from),
    toSec: Math.floor(to),
    userIds: ids(c.userIds, 'agents'),
    numberIds: ids(c.numberIds, 'lines'),
    direction: oneOf(c.direction, ['', 'inbound', 'outbound'], 'direction'),
    asset: oneOf(c.asset, ['', 'recording', 'voicemail', 'either'], 'recording choice'),
    missed: oneOf(c.missed, MISSED_CHOICES, 'missed-call choice'),
    durationOp: oneOf(c.durationOp, ['', 'gt', 'lt'], 'duration comparison'),
    durationSec,
    tags,
  };
}
