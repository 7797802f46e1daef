/**
 * Slow-changing Aircall data: users, teams, numbers, and the user↔number map.
 * Kept in the document cache for speed and in DocumentProperties as the durable copy, because the
 * refresh intervals (240 and 480 min by default) outlive CacheService's 6-hour maximum and cached
 * data may be evicted at any time. Each part is refreshed on its own interval.
 */
import type { AircallClient } from '../aircall/client';
import type { Settings } from '../tracker/settings';
import {
  documentCache,
  propertyEntries,
  readCached,
  readFromProperties,
  removeCached,
  writeCached,
} from './chunked-store';

const DIRECTORY = 'directory';
const USER_NUMBER_MAP = 'user-number-map';
const CACHE_TTL_SEC = 21_600;

export interface Directory {
  users: { id: number; name: string }[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string }[];
  fetchedAtMs: { users: number; teams: number; numbers: number };
}

export interface UserNumberMap {
  /** user id → number ids; keyed by id so a changing user list never shifts mappings. */
  byUser: Record<number, number[]>;
  mappedAtMs: number;
}

function readDurable<T>(name: string): T | null {
  return readFromProperties<T>(PropertiesService.getDocumentProperties().getProperties(), name);
}

/** One write that also drops chunks left over from a longer previous value. */
function replaceProperties(update: (all: Record<string, string>) => Record<string, string>): void {
  const properties = PropertiesService.getDocumentProperties();
  properties.setProperties(update(properties.getProperties()), true);
}

function writeDurable(name: string, value: unknown): void {
  replaceProperties((all) => {
    const { set, remove } = propertyEntries(all, name, value);
    const next = { ...all, ...set };
    for (const key of remove) delete next[key];
    return next;
  });
}

/** A value kept in the document cache with a durable copy in document properties. */
export function loadKept<T>(name: string): T | null {
  const cache = documentCache();
  const cached = readCached<T>(cache, name);
  if (cached) return cached;
  const durable = readDurable<T>(name);
  if (durable) writeCached(cache, name, durable, CACHE_TTL_SEC);
  return durable;
}

export function storeKept(name: string, value: unknown): void {
  writeCached(documentCache(), name, value, CACHE_TTL_SEC);
  writeDurable(name, value);
}

export function loadDirectory(): Directory | null {
  return loadKept<Directory>(DIRECTORY);
}

/** Returns the directory, fetching from Aircall only the parts whose interval has passed. */
export function ensureDirectory(client: AircallClient, settings: Settings, nowMs: number): Directory {
  const current = loadDirectory();
  const due = (fetchedAtMs: number | undefined, minutes: number) =>
    !fetchedAtMs || nowMs - fetchedAtMs >= minutes * 60_000;
  const next: Directory = current
    ? { ...current, fetchedAtMs: { ...current.fetchedAtMs } }
    : { users: [], teams: [], numbers: [], fetchedAtMs: { users: 0, teams: 0, numbers: 0 } };
  let changed = false;
  if (!current || due(current.fetchedAtMs.users, settings.userRefreshMin)) {
    next.users = client.listUsers().map((u) => ({ id: u.id, name: u.name }));
    next.fetchedAtMs.users = nowMs;
    changed = true;
  }
  if (!current || due(current.fetchedAtMs.teams, settings.teamRefreshMin)) {
    next.teams = client.listTeams().map((t) => ({ id: t.id, name: t.name, userIds: (t.users ?? []).map((u) => u.id) }));
    next.fetchedAtMs.teams = nowMs;
    changed = true;
  }
  // Numbers change as rarely as teams; the original had no setting for them either.
  if (!current || due(current.fetchedAtMs.numbers, settings.teamRefreshMin)) {
    next.numbers = client.listNumbers().map((n) => ({ id: n.id, name: n.name, digits: n.digits }));
    next.fetchedAtMs.numbers = nowMs;
    changed = true;
  }
  if (changed) storeKept(DIRECTORY, next);
  return next;
}

export function loadUserNumberMap(): UserNumberMap | null {
  return loadKept<UserNumberMap>(USER_NUMBER_MAP);
}

export function saveUserNumberMap(map: UserNumberMap): void {
  storeKept(USER_NUMBER_MAP, map);
}

/** Forgets kept values (cache and durable copy) by name. */
export function forgetKept(names: string[]): void {
  removeCached(documentCache(), names);
  replaceProperties((all) => {
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(all)) {
      if (!names.some((name) => key.startsWith(`${name}#`))) kept[key] = value;
    }
    return kept;
  });
}

/** Clear Cache: the next refresh reloads users, teams and numbers; the key and settings stay. */
export function forgetDirectory(): void {
  forgetKept([DIRECTORY, USER_NUMBER_MAP]);
}
