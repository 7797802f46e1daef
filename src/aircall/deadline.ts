import { AircallError } from './errors';

/**
 * When one execution's Aircall work must be over. Apps Script kills an execution at 6 minutes, a
 * trigger that overruns its minute keeps the board stale, and a person waits in a sidebar; and a
 * UrlFetchApp request that hangs costs about 60 s that nothing can shorten
 * (docs/apps-script-notes.md#urlfetchapp). So the caller states a deadline and the
 * request runner starts no batch, no wait and no retry that would end after it: a hung request
 * overruns it by one fetch timeout at most, never by a multiple of it.
 */
export interface Deadline {
  readonly startedMs: number;
  readonly atMs: number;
  /** What stops at the deadline, for the message: "the refresh". */
  readonly what: string;
}

/**
 * A network failure that took this long was a hang, not a refused connection: trying the request
 * again would cost another fetch timeout, so it is not retried in this execution.
 */
export const HUNG_AFTER_MS = 20_000;

export const deadlineIn = (ms: number, nowMs: number, what: string): Deadline => ({
  startedMs: nowMs,
  atMs: nowMs + ms,
  what,
});

export const remainingMs = (deadline: Deadline | undefined, nowMs: number): number =>
  deadline ? deadline.atMs - nowMs : Number.POSITIVE_INFINITY;

/** Whether something taking `ms` more still ends before the deadline. */
export const fitsBefore = (deadline: Deadline | undefined, nowMs: number, ms: number): boolean =>
  remainingMs(deadline, nowMs) > ms;

export function deadlinePassed(deadline: Deadline, nowMs: number): AircallError {
  const seconds = Math.round((nowMs - deadline.startedMs) / 1000);
  return new AircallError(
    'network',
    0,
    `Aircall did not answer in time: ${deadline.what} stopped after ${seconds} s rather than overrun its time, and will try again.`,
  );
}
