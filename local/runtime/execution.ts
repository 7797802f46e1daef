/**
 * One execution: who runs what, in which context, since when. It is also the Meter every
 * service call goes through, so the per-call checks Apps Script makes live in one place:
 * the 6-minute limit (docs/apps-script-notes.md#execution-time), the AuthMode.NONE restrictions, call counting and modeled latency.
 */
import { type AuthMode, checkAuthorized } from './auth.js';
import type { Clock } from './clock.js';
import { gasError, MESSAGES } from './errors.js';
import { CallCounters, type Meter } from './instrument.js';
import { type LatencyProfile, latencyOf } from './latency.js';

export type InvocationKind = 'menu' | 'sidebar' | 'trigger' | 'simple-trigger' | 'editor';

export interface ExecutionRecord {
  name: string;
  kind: InvocationKind;
  startMs: number;
  endMs?: number;
  error?: string;
  counters: Record<string, number>;
}

export interface ExecutionEnv {
  clock: Clock;
  limitMs: number;
  latency?: LatencyProfile;
  /** Runtime-wide tallies the execution also feeds. */
  counters: CallCounters;
  chargeMs(ms: number): void;
}

let nextExecutionId = 1;

export class Execution implements Meter {
  readonly id = nextExecutionId++;
  readonly startMs: number;
  readonly counters = new CallCounters();
  killed = false;

  constructor(
    readonly name: string,
    readonly kind: InvocationKind,
    readonly authMode: AuthMode,
    readonly user: string,
    private readonly env: ExecutionEnv,
  ) {
    this.startMs = env.clock.now();
  }

  /** Every service call: refused once the execution is over its time, or without authorization. */
  count(qualifiedName: string): void {
    this.checkTime();
    checkAuthorized(this.authMode, qualifiedName);
    this.tally(qualifiedName);
    if (this.env.latency) this.env.chargeMs(latencyOf(this.env.latency, qualifiedName));
  }

  /** Counted but free: the individual HTTP requests inside one fetch/fetchAll call. */
  tally(qualifiedName: string): void {
    this.counters.count(qualifiedName);
    this.env.counters.count(qualifiedName);
  }

  checkTime(): void {
    if (!this.killed && this.env.clock.now() - this.startMs > this.env.limitMs) this.killed = true;
    if (this.killed) throw gasError(MESSAGES.executionTime);
  }

  get isInteractive(): boolean {
    return this.kind !== 'trigger';
  }
}
