/**
 * Slow-changing Aircall data: users, teams, numbers, and the user↔number map.
 * Kept in the document cache for speed and in DocumentProperties as the durable copy, because the
 * refresh intervals (240 and 480 min by default) outlive CacheService's 6-hour maximum and cached
 * data may be evicted at any time. Each part is refreshed on its own interval.
 */
import type { AircallClient } from '../aircall/client';
import { nameOr } from '../tracker/aircall-text';
import type { Settings } from '../tracker/settings';
import {
  CACHE_MAX_TTL_SEC,
  documentCache,
  readCached,
  readFromProperties,
  removeCached,
  removeFromProperties,
  writeCached,
  writeToProperties,
} from './chunked-store';
import { documentProperties } from './document-properties';
import { type Directory, isDirectory, isUserNumberMap, type UserNumberMap } from './stored-shapes';

const DIRECTORY = 'directory';
const USER_NUMBER_MAP = 'user-number-map';
/** The kept values every refresh reads (users, teams, numbers and the map), for prefetchCached. */
export const DIRECTORY_CACHE_NAMES = [DIRECTORY, USER_NUMBER_MAP];

function readDurable(name: string): unknown {
  return readFromProperties<unknown>(documentProperties().getProperties(), name);
}

const isPresent = <T>(value: unknown): value is T => value !== null && value !== undefined;

/**
 * A value kept in the document cache with a durable copy in document properties. A copy that is
 * not what `valid` expects (corrupted, or from another version) reads as absent, so the caller
 * rebuilds it instead of failing on it every minute.
 */
export function loadKept<T>(name: string, valid: (value: unknown) => value is T = isPresent): T | null {
  const cache = documentCache();
  const cached = readCached<unknown>(cache, name);
  if (valid(cached)) return cached;
  const durable = readDurable(name);
  if (valid(durable)) {
    writeCached(cache, name, durable, CACHE_MAX_TTL_SEC);
    return durable;
  }
  if (cached !== null || durable !== null)
    console.warn(`Stored ${name} could not be read: it is rebuilt from Aircall.`);
  return null;
}

export function storeKept(name: string, value: unknown): void {
  writeCached(documentCache(), name, value, CACHE_MAX_TTL_SEC);
  writeToProperties(documentProperties(), name, value);
}

/** The directory as last stored, without asking Aircall; null before the first refresh. */
export function storedDirectory(): Directory | null {
  return loadKept(DIRECTORY, isDirectory);
}

/** Returns the directory, fetching from Aircall only the parts whose interval has passed. */
export function ensureDirectory(client: AircallClient, settings: Settings, nowMs: number): Directory {
  const current = storedDirectory();
  const due = (fetchedAtMs: number | undefined, minutes: number) =>
    !fetchedAtMs || nowMs - fetchedAtMs >= minutes * 60_000;
  const next: Directory = current
    ? { ...current, fetchedAtMs: { ...current.fetchedAtMs } }
    : { users: [], teams: [], numbers: [], fetchedAtMs: { users: 0, teams: 0, numbers: 0 } };
  let changed = false;
  if (!current || due(current.fetchedAtMs.users, settings.userRefreshMin)) {
    next.users = client
      .listUsers()
      .map((u) => ({ id: u.id, name: nameOr(u.name, `Agent ${u.id}`), ...(u.email ? { email: u.email } : {}) }));
    next.fetchedAtMs.users = nowMs;
    changed = true;
  }
  if (!current || due(current.fetchedAtMs.teams, settings.teamRefreshMin)) {
    next.teams = client
      .listTeams()
      .map((t) => ({ id: t.id, name: nameOr(t.name, `Team ${t.id}`), userIds: (t.users ?? []).map((u) => u.id) }));
    next.fetchedAtMs.teams = nowMs;
    changed = true;
  }
  // Numbers change as rarely as teams; the original had no setting for them either.
  if (!current || due(current.fetchedAtMs.numbers, settings.teamRefreshMin)) {
    next.numbers = client
      .listNumbers()
      .map((n) => ({ id: n.id, name: nameOr(n.name, `Line ${n.id}`), digits: nameOr(n.digits, '') }));
    next.fetchedAtMs.numbers = nowMs;
    changed = true;
  }
  if (changed) storeKept(DIRECTORY, next);
  return next;
}

export function loadUserNumberMap(): UserNumberMap | null {
  return loadKept(USER_NUMBER_MAP, isUserNumberMap);
}

export function saveUserNumberMap(map: UserNumberMap): void {
  storeKept(USER_NUMBER_MAP, map);
}

/** Forgets kept values (cache and durable copy) by name. */
export function forgetKept(names: string[]): void {
  removeCached(documentCache(), names);
  removeFromProperties(documentProperties(), names);
}

/** Clear Cache: the next refresh reloads users, teams and numbers; the key and settings stay. */
export function forgetDirectory(): void {
  forgetKept(DIRECTORY_CACHE_NAMES);
}
