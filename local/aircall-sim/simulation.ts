/**
 * Everything one simulator process holds: the call center, its clock, the request budget, injected faults, the API
 * key and the request log. Built from SimulatorOptions: random traffic from a seed (with past traffic replayed at
 * start) or a scripted scenario.
 */
import { RandomActivity, TRAFFIC } from './activity.js';
import { SimClock } from './clock.js';
import { Faults } from './faults.js';
import { CallCenter } from './model.js';
import { DEFAULT_RECORD_CAP } from './paging.js';
import { RateLimiter } from './rate-limit.js';
import { Rng } from './rng.js';
import { buildRoster } from './roster.js';
import { scenarioRoster, scheduleScenario } from './scenario.js';
import type { RequestLogEntry, SimulatorOptions } from './types.js';

/** Requests a minute per company: the figure Aircall documents today (docs/aircall-notes.md). */
export const DEFAULT_RATE_LIMIT = 120;

export class Simulation {
  readonly center: CallCenter;
  readonly clock: SimClock;
  readonly limiter: RateLimiter;
  readonly faults = new Faults();
  readonly apiId: string;
  readonly apiToken: string;
  readonly recordCap: number;
  readonly userV1Served: boolean;
  /** X-AircallApi-* headers on every answer (the old simulator) rather than only on 429s (Aircall today). */
  readonly rateHeadersAlways: boolean;
  keyRevoked = false;
  requests: RequestLogEntry[] = [];

  constructor(options: SimulatorOptions = {}) {
    this.clock = new SimClock(options.clock);
    this.limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
    this.userV1Served = options.userV1 === 'served';
    this.rateHeadersAlways = options.rateHeaders === 'always';
    this.apiId = options.apiId ?? 'sim-api-id';
    this.apiToken = options.apiToken ?? 'sim-api-token';
    this.recordCap = options.recordCap ?? DEFAULT_RECORD_CAP;
    const startMs = this.clock.initialMs;
    if (options.scenario) {
      this.center = new CallCenter(scenarioRoster(options.scenario), startMs);
      scheduleScenario(this.center, options.scenario.events);
    } else {
      const preset = options.preset ?? 'small';
      const rng = new Rng(options.seed ?? 1);
      const fromMs = options.history === false ? startMs : startMs - TRAFFIC[preset].historyMs;
      this.center = new CallCenter(buildRoster(preset, rng), fromMs);
      new RandomActivity(this.center, rng, preset, { surgeFromMs: options.surge ? startMs : undefined }).start(fromMs);
    }
    this.center.advanceTo(startMs);
  }

  /** Brings the call center up to the clock's current time. */
  sync(): number {
    const now = this.clock.nowMs();
    this.center.advanceTo(now);
    return now;
  }
}
