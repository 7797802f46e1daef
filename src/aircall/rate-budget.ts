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
  /** True once Aircall told us the limit (X-AircallApi-Limit); false while it is assumed. */
  learned?: boolean;
}

export interface RateBudgetStore {
  load(): RateBudgetState | null;
  save(state: RateBudgetState): void;
}

/**
 * The company's limit as Aircall last stated it, kept durably: Aircall sends its X-AircallApi-*
 * headers only once the limit is reached (docs/aircall-notes.md), so a limit learned from a 429
 * must outlive the short-lived budget above.
 */
export interface LearnedLimitStore {
  load(): number | null;
  save(limit: number): void;
}

/** Until Aircall states its limit we start from the older, stricter documented figure. */
export const ASSUMED_LIMIT_PER_MINUTE = 60;
/**
 * While the limit is only assumed, requests past it go out this many at a time: either they pass
 * (the real limit is higher, and we count on) or Aircall answers 429 with its headers, and we know.
 */
export const PROBE_BATCH = 10;
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
    private readonly learnedLimit?: LearnedLimitStore,
  ) {}

  get limit(): number {
    return this.state?.limit ?? ASSUMED_LIMIT_PER_MINUTE;
  }

  /** Whether the limit came from Aircall rather than our assumption. */
  get learned(): boolean {
    return this.state?.learned === true;
  }

  /** Requests we may send right now without eating into the reserve (a probe when the limit is only assumed). */
  usable(nowMs: number): number {
    const s = this.current(nowMs);
    const usable = Math.max(0, s.remaining - this.reserve(s.limit));
    return usable === 0 && !s.learned ? PROBE_BATCH : usable;
  }

  msUntilReset(nowMs: number): number {
    return Math.max(0, this.current(nowMs).resetAtMs - nowMs);
  }

  /**
   * Reserves up to `wanted` requests for a batch sent now and returns how many may go (0: wait for
   * the reset). The shared budget is read once and the spend written at once, so two executions
   * rarely both take the same room, and a batch costs one cache read instead of two.
   */
  take(wanted: number, nowMs: number): number {
    const room = Math.min(wanted, this.usable(nowMs));
    if (room > 0) this.spendFrom(this.current(nowMs, false), room, nowMs);
    return room;
  }

  /** Counted before sending, so a budget without headers still runs down (and other executions see it). */
  private spendFrom(s: RateBudgetState, count: number, nowMs: number): void {
    // Past an assumed limit, the assumption grows with what we sent until a 429 says otherwise.
    const grown = s.learned ? 0 : Math.max(0, count - (s.remaining - this.reserve(s.limit)));
    this.commit({ ...s, limit: s.limit + grown, remaining: Math.max(0, s.remaining + grown - count) }, nowMs);
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
        reading = { limit, remaining, resetAtMs, updatedAtMs: nowMs, learned: true };
    }
    if (!reading) return;
    const knownLimit = this.state?.learned ? this.state.limit : null;
    this.commit(reading, nowMs);
    if (reading.limit !== knownLimit) this.learnedLimit?.save(reading.limit);
  }

  /**
   * After a 429: nothing is left until the reset; with no usable reset time, wait `fallbackMs`. A
   * 429 without headers still bounds an assumed limit by what was sent, so probing stops there.
   */
  exhausted(nowMs: number, fallbackMs: number): void {
    const s = this.current(nowMs);
    const resetAtMs = s.resetAtMs > nowMs ? s.resetAtMs : nowMs + fallbackMs;
    // The refused request did not count; others refused in the same batch fall within the reserve.
    const limit = s.learned ? s.limit : Math.max(1, s.limit - s.remaining - 1);
    this.commit({ ...s, limit, remaining: 0, resetAtMs, learned: true }, nowMs);
  }

  private reserve(limit: number): number {
    const wanted = this.reserveOverride ?? defaultReserve(limit);
    return Math.max(0, Math.min(wanted, limit - 1));
  }

  /** Our view merged with the shared one (unless `reload` is false): in the same window the lower remaining count wins. */
  private current(nowMs: number, reload = true): RateBudgetState {
    const stored = reload || !this.state ? (this.store?.load() ?? null) : null;
    let s = this.state;
    if (stored && !s) s = stored;
    else if (stored && s) {
      if (Math.abs(stored.resetAtMs - s.resetAtMs) <= SAME_WINDOW_MS) {
        const told = stored.learned || !s.learned ? stored : s;
        s = { ...s, remaining: Math.min(s.remaining, stored.remaining), limit: told.limit, learned: told.learned };
      } else if (stored.resetAtMs > s.resetAtMs) s = stored;
    }
    if (!s) {
      const learned = this.learnedLimit?.load() ?? null;
      const limit = learned ?? ASSUMED_LIMIT_PER_MINUTE;
      s = { limit, remaining: limit, resetAtMs: nowMs + WINDOW_MS, updatedAtMs: nowMs, learned: learned !== null };
    } else if (nowMs >= s.resetAtMs) {
      s = { ...s, remaining: s.limit, resetAtMs: nowMs + WINDOW_MS, updatedAtMs: nowMs };
    }
    this.state = s;
    return s;
  }

  private commit(next: RateBudgetState, nowMs: number): void {
    this.state = { ...next, updatedAtMs: nowMs };
    this.store?.save(this.state);
  }
}
