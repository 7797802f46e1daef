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
import { matches, type OverlapOptions, serviceCall } from './overlap.js';

export type InvocationKind = 'menu' | 'sidebar' | 'trigger' | 'simple-trigger' | 'editor';

export interface ExecutionRecord {
  name: string;
  kind: InvocationKind;
  startMs: number;
  endMs?: number;
  error?: string;
  counters: Record<string, number>;
  /** Qualified names of its service calls in order; an index here is a CallPoint (overlap.ts). */
  calls: string[];
}

export interface ExecutionEnv {
  clock: Clock;
  limitMs: number;
  latency?: LatencyProfile;
  /** Runtime-wide tallies the execution also feeds. */
  counters: CallCounters;
  chargeMs(ms: number): void;
  overlap?: OverlapOptions;
}

let nextExecutionId = 1;

export class Execution implements Meter {
  readonly id = nextExecutionId++;
  readonly startMs: number;
  readonly counters = new CallCounters();
  readonly calls: string[] = [];
  killed = false;
  /** What the test's interleave threw; run() rethrows it once this execution is over. */
  interleaveError: unknown;
  private interleaved = false;

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
    this.overlapAt(qualifiedName);
    this.tally(qualifiedName);
    if (this.env.latency) this.env.chargeMs(latencyOf(this.env.latency, qualifiedName));
  }

  /** Counted but free: the individual HTTP requests inside one fetch/fetchAll call. */
  tally(qualifiedName: string): void {
    this.counters.count(qualifiedName);
    this.env.counters.count(qualifiedName);
  }

  /** A test's kill or interleave point (overlap.ts), checked before the call runs. */
  private overlapAt(qualifiedName: string): void {
    const call = serviceCall(this.calls.length, qualifiedName);
    this.calls.push(qualifiedName);
    const overlap = this.env.overlap;
    if (!overlap) return;
    if (matches(overlap.killAt, call)) {
      this.killed = true;
      throw gasError(MESSAGES.executionTime);
    }
    if (!this.interleaved && matches(overlap.at, call)) {
      this.interleaved = true;
      try {
        overlap.interleave?.(call);
      } catch (error) {
        this.interleaveError = error;
      }
    }
  }

  checkTime(): void {
    if (!this.killed && this.env.clock.now() - this.startMs > this.env.limitMs) this.killed = true;
    if (this.killed) throw gasError(MESSAGES.executionTime);
  }

  get isInteractive(): boolean {
    return this.kind !== 'trigger';
  }
}
