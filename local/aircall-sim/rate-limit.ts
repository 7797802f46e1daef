/**
 * The company-wide request budget (docs/aircall-notes.md#rate-limit): a fixed window of 60 s of simulated time that opens at the
 * first request after the previous window ended. Every answer carries the X-AircallApi-* headers.
 */
const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private windowStartMs = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(public perMinute: number) {}

  take(nowMs: number): RateDecision {
    if (nowMs >= this.windowStartMs + WINDOW_MS) {
      this.windowStartMs = nowMs;
      this.used = 0;
    }
    const allowed = this.used < this.perMinute;
    if (allowed) this.used++;
    return { allowed, headers: this.headers() };
  }

  /** Headers without spending budget (for answers that must not count, like rate storms). */
  headers(): Record<string, string> {
    const resetSec = Number.isFinite(this.windowStartMs) ? Math.ceil((this.windowStartMs + WINDOW_MS) / 1000) : 0;
    return {
      'X-AircallApi-Limit': String(this.perMinute),
      'X-AircallApi-Remaining': String(Math.max(0, this.perMinute - this.used)),
      'X-AircallApi-Reset': String(resetSec),
    };
  }
}
