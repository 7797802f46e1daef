/**
 * Simulated time. Manual clocks move only when advanced (tests, the local runtime's manual clock); realtime clocks
 * follow the wall clock, optionally sped up, and can still be pushed forward.
 */
import { type ClockOptions, DEFAULT_START_MS } from './types.js';

export class SimClock {
  private readonly startMs: number;
  private readonly speed: number;
  private readonly wallStartMs = Date.now();
  private offsetMs = 0;

  constructor(private readonly options: ClockOptions = { mode: 'manual' }) {
    this.startMs = options.startMs ?? DEFAULT_START_MS;
    this.speed = options.mode === 'realtime' ? (options.speed ?? 1) : 0;
  }

  get initialMs(): number {
    return this.startMs;
  }

  nowMs(): number {
    return Math.floor(this.startMs + this.offsetMs + (Date.now() - this.wallStartMs) * this.speed);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('advance needs a non-negative number of milliseconds');
    this.offsetMs += ms;
  }

  get mode(): ClockOptions['mode'] {
    return this.options.mode;
  }
}
