import type { AircallClient } from './client';
import type { AircallError } from './errors';

/**
 * Map Users to Numbers, resumable across executions. Either one request per number (GET
 * /v1/numbers/:id lists its users) or one per user (GET /v2/users/:id/numbers lists their numbers),
 * whichever is cheaper. Each execution does what the rate budget and its deadline allow and returns
 * a checkpoint; the map is keyed by user id, never by sheet row.
 */
export type MappingStrategy = 'per_number' | 'per_user';

export interface MappingPlan {
  strategy: MappingStrategy;
  /** Requests the whole mapping takes. */
  requests: number;
}

export interface MappingProgress {
  v: 1;
  strategy: MappingStrategy;
  /** Ids still to fetch (numbers or users, per the strategy), in order. */
  todo: number[];
  done: number;
  total: number;
  /** User id → ids of the numbers (lines) the user is assigned to. */
  numbersByUser: Record<string, number[]>;
}

export interface MappingIds {
  users: number[];
  numbers: number[];
}

/** Ties go to per-number: the number's users list is the documented source of assignments. */
export function planMapping(counts: { users: number; numbers: number }): MappingPlan {
  return counts.numbers <= counts.users
    ? { strategy: 'per_number', requests: counts.numbers }
    : { strategy: 'per_user', requests: counts.users };
}

export const isMappingComplete = (progress: MappingProgress) => progress.todo.length === 0;

/** "120/1,000" for the toast. */
export const describeMappingProgress = (progress: MappingProgress) =>
  `${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`;

function startMapping(ids: MappingIds): MappingProgress {
  const { strategy } = planMapping({ users: ids.users.length, numbers: ids.numbers.length });
  const todo = strategy === 'per_number' ? [...ids.numbers] : [...ids.users];
  // Every known agent starts with no line, so "mapped to nothing" differs from "unknown agent".
  const numbersByUser = Object.fromEntries(ids.users.map((id) => [String(id), [] as number[]]));
  return { v: 1, strategy, todo, done: 0, total: todo.length, numbersByUser };
}

export interface MappingStep {
  /** The checkpoint, including everything fetched before a failure. */
  progress: MappingProgress;
  /** Why this step stopped before the end, if Aircall failed; the next step resumes from the checkpoint. */
  failure: AircallError | null;
}

/** Continues (or starts) the mapping until it is done, the budget runs out before `deadlineMs`, the deadline passes, or Aircall fails. */
export function continueMapping(
  client: AircallClient,
  progress: MappingProgress | null,
  ids: MappingIds,
  deadlineMs: number,
): MappingStep {
  const current = progress?.v === 1 ? progress : startMapping(ids);
  const numbersByUser: Record<string, number[]> = { ...current.numbersByUser };
  const assign = (userId: number, numberIds: number[]) => {
    const key = String(userId);
    numbersByUser[key] = [...new Set([...(numbersByUser[key] ?? []), ...numberIds])];
  };

  let fetched: Set<number>;
  let failure: AircallError | null;
  if (current.strategy === 'per_number') {
    const numbers = client.getNumbersById(current.todo, deadlineMs);
    for (const [numberId, number] of numbers.fetched)
      for (const user of number?.users ?? []) assign(user.id, [numberId]);
    fetched = new Set(numbers.fetched.keys());
    failure = numbers.failure;
  } else {
    const result = client.getUserNumbersById(current.todo, deadlineMs);
    failure = result.failure;
    for (const [userId, numbers] of result.fetched)
      assign(
        userId,
        (numbers ?? []).map((n) => n.id),
      );
    fetched = new Set(result.fetched.keys());
  }
  const todo = current.todo.filter((id) => !fetched.has(id));
  return { progress: { ...current, todo, done: current.total - todo.length, numbersByUser }, failure };
}
