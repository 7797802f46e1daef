/**
 * What each value kept in the cache or document properties must look like to be used. A value
 * that fails (corrupted, cut short, or written by another version) is treated as absent and
 * rebuilt, instead of failing on it at every refresh.
 */
import type { Directory, UserNumberMap } from './directory';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

const isIdList = (value: unknown): value is number[] => Array.isArray(value) && value.every(isId);

const listOf = (value: unknown, item: (entry: Record<string, unknown>) => boolean): boolean =>
  Array.isArray(value) && value.every((entry) => isObject(entry) && isId(entry.id) && item(entry));

export function isDirectory(value: unknown): value is Directory {
  if (!isObject(value) || !isObject(value.fetchedAtMs)) return false;
  const { users, teams, numbers } = value;
  return (
    listOf(users, (u) => typeof u.name === 'string') &&
    listOf(teams, (t) => typeof t.name === 'string' && isIdList(t.userIds)) &&
    listOf(numbers, (n) => typeof n.name === 'string' && typeof n.digits === 'string')
  );
}

export function isUserNumberMap(value: unknown): value is UserNumberMap {
  return (
    isObject(value) &&
    typeof value.mappedAtMs === 'number' &&
    isObject(value.byUser) &&
    Object.entries(value.byUser).every(([userId, numberIds]) => /^\d+$/.test(userId) && isIdList(numberIds))
  );
}
