import { headerValue } from './http';

/**
 * ONE per-minute request budget for the whole Aircall company, shared by every execution of the
 * script (and, invisibly, by the company's other integrations). Kept in CacheService by the adapter.
 */
export interface RateBudgetState {
  limit: number;
  remaining: number;
  resetAtMs: number;
  updatedAtMs: number;
}

export interface RateBudgetStore {
  load(): RateBudgetState | null;
  save(state: RateBudgetState): void;
}

/** When Aircall sends no X-AircallApi-* headers we assume the older, stricter documented figure. */
export const ASSUMED_LIMIT_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
/** Two readings whose reset times are this close describe the same window. */
const SAME_WINDOW_MS = 1_000;

/** Requests per window left untouched for the company's other integrations: 10% of the limit, at least 5. */
export function defaultReserve(limit: number): number {
  return Math.max(5, Math.ceil(limit * 0.1));
}

/** X-AircallApi-Reset: UNIX seconds, or milliseconds when ≥ 1e12; a small number is read as seconds from now. */
export function parseReset(value: string | undefined, nowMs: number): number | undefined {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n)) return undefined;
  if (n >= 1e12) return n;
  if (n >= 1e9) return n * 1000;
  return nowMs + n * 1000;
}

export class RateBudget {
  private state: RateBudgetState | null = null;

  constructor(
    private readonly store: RateBudgetStore | undefined,
    private readonly reserveOverride?: number,
  ) {}

  get limit(): number {
    return this.state?.limit ?? ASSUMED_LIMIT_PER_MINUTE;
  }

  /** Requests we may send right now without eating into the reserve. */
  usable(nowMs: number): number {
    const s = this.current(nowMs);
    return Math.max(0, s.remaining - this.reserve(s.limit));
  }

  msUntilReset(nowMs: number): number {
    return Math.max(0, this.current(nowMs).resetAtMs - nowMs);
  }

  /** Counted before sending, so a budget without headers still runs down (and other executions see it). */
  spend(count: number, nowMs: number): void {
    const s = this.current(nowMs);
    this.commit({ ...s, remaining: Math.max(0, s.remaining - count) }, nowMs);
  }

  /**
   * Reads the X-AircallApi-* headers of one batch's responses: Aircall's count (which includes the
   * other executions and integrations) replaces ours. Within a batch the lowest remaining is the
   * latest. Without headers our own count stays in place.
   */
  observe(batchHeaders: Record<string, string>[], nowMs: number): void {
    let reading: RateBudgetState | undefined;
    for (const headers of batchHeaders) {
      const limit = Number(headerValue(headers, 'X-AircallApi-Limit'));
      const remaining = Number(headerValue(headers, 'X-AircallApi-Remaining'));
      if (!(limit > 0) || !Number.isFinite(remaining)) continue;
      const resetAtMs = parseReset(headerValue(headers, 'X-AircallApi-Reset'), nowMs) ?? nowMs + WINDOW_MS;
      const newer = !reading || resetAtMs > reading.resetAtMs + SAME_WINDOW_MS;
      if (newer || (reading && resetAtMs >= reading.resetAtMs - SAME_WINDOW_MS && remaining < reading.remaining))
        reading = { limit, remaining, resetAtMs, updatedAtMs: nowMs };
    }
    if (reading) this.commit(reading, nowMs);
  }

  /** After a 429: nothing is left until the reset; with no usable reset time, wait `fallbackMs`. */
  exhausted(nowMs: number, fallbackMs: number): void {
    const s = this.current(nowMs);
    const resetAtMs = s.resetAtMs > nowMs ? s.resetAtMs : nowMs + fallbackMs;
    this.commit({ ...s, remaining: 0, resetAtMs }, nowMs);
  }

  private reserve(limit: number): number {
    const wanted = this.reserveOverride ?? defaultReserve(limit);
    return Math.max(0, Math.min(wanted, limit - 1));
  }

  /** Our view merged with the shared one: in the same window the lower remaining count wins. */
  private current(nowMs: number): RateBudgetState {
    const stored = this.store?.load() ?? null;
    let s = this.state;
    if (stored && !s) s = stored;
    else if (stored && s) {
      if (Math.abs(stored.resetAtMs - s.resetAtMs) <= SAME_WINDOW_MS)
        s = { ...s, remaining: Math.min(s.remaining, stored.remaining), limit: stored.limit };
      else if (stored.resetAtMs > s.resetAtMs) s = stored;
    }
    if (!s || nowMs >= s.resetAtMs) {
      const limit = s?.limit ?? ASSUMED_LIMIT_PER_MINUTE;
      s = { limit, remaining: limit, resetAtMs: nowMs + WINDOW_MS, updatedAtMs: nowMs };
    }
    this.state = s;
    return s;
  }

  private commit(next: RateBudgetState, nowMs: number): void {
    this.state = { ...next, updatedAtMs: nowMs };
    this.store?.save(this.state);
  }
}
