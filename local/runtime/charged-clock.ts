/**
 * The runtime's clock: the given one, plus the modeled time of Apps Script service calls.
 * Modeled time is held back and handed to the underlying clock in one step when something
 * outside the execution must see it (an HTTP request to the simulated Aircall, a sleep, the end
 * of the execution), so a refresh does not cost one simulator round trip per service call.
 * now() always includes it: the 6-minute limit and the script's Date.now() see every charge.
 */
import type { Clock } from './clock.js';

export class ChargedClock implements Clock {
  private pendingMs = 0;
  /** Modeled service time charged since the last reset (timeouts included, sleeps not). */
  modeledMs = 0;
  /** Time spent in sleep(): Utilities.sleep, lock waits. */
  sleptMs = 0;

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.base.now() + this.pendingMs;
  }

  sleep(ms: number): void {
    if (ms > 0) this.sleptMs += ms;
    const total = this.pendingMs + Math.max(0, ms);
    this.pendingMs = 0;
    if (total > 0) this.base.sleep(total);
  }

  /** Service time: moves now() at once, the underlying clock at the next settle(). */
  charge(ms: number): void {
    if (ms <= 0) return;
    this.pendingMs += ms;
    this.modeledMs += ms;
  }

  settle(): void {
    const total = this.pendingMs;
    this.pendingMs = 0;
    if (total > 0) this.base.sleep(total);
  }

  resetTallies(): void {
    this.modeledMs = 0;
    this.sleptMs = 0;
  }
}
