/**
 * What each value kept in the cache or document properties must look like to be used. A value
 * that fails (corrupted, cut short, or written by another version) is treated as absent and
 * rebuilt, instead of failing on it at every refresh.
 */

/** Users, teams and numbers as kept for the board and the sidebars. */
export interface Directory {
  /** email: to tell apart agents who share a name. */
  users: { id: number; name: string; email?: string }[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string }[];
  fetchedAtMs: { users: number; teams: number; numbers: number };
}

export interface UserNumberMap {
  /** user id → number ids; keyed by id so a changing user list never shifts mappings. */
  byUser: Record<number, number[]>;
  mappedAtMs: number;
}

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
