/**
 * The memory of Aircall hanging. A request that hangs costs a whole UrlFetchApp timeout (about 60 s,
 * not configurable): once one did, executions that must answer quickly (the every-minute trigger, a
 * sidebar) say so at once for a short while instead of each paying another timeout.
 */
import { AircallError } from '../aircall/errors';
import { documentCache } from './chunked-store';

export const HUNG_KEY = 'aircall.hungAtMs';
/** How long quick executions skip a hanging Aircall: the next minute's trigger tries again. */
const HUNG_MEMORY_MS = 55_000;

/** Called by the transport when a request hung until UrlFetchApp gave up on it. */
export function noteAircallHung(nowMs: number): void {
  documentCache().put(HUNG_KEY, String(nowMs), Math.ceil(HUNG_MEMORY_MS / 1000));
}

/** Throws a readable error while Aircall hung moments ago. */
export function refuseWhileAircallHangs(nowMs: number): void {
  const hungAtMs = Number(documentCache().get(HUNG_KEY)) || 0;
  const sinceMs = nowMs - hungAtMs;
  if (!hungAtMs || sinceMs < 0 || sinceMs >= HUNG_MEMORY_MS) return;
  throw new AircallError(
    'network',
    0,
    `Aircall stopped answering ${Math.max(1, Math.round(sinceMs / 1000))} s ago (a request got no answer within 60 s); ` +
      `the next try is in ${Math.ceil((HUNG_MEMORY_MS - sinceMs) / 1000)} s, or choose Activity Tracker › Refresh.`,
  );
}
