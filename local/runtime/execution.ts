/**
 * One execution: who runs what, in which context, since when. It is also the Meter every
 * service call goes through, so the per-call checks Apps Script makes live in one place:
 * the 6-minute limit (docs/apps-script-notes.md#execution-time), the AuthMode.NONE restrictions,
 * daily quotas, call counting and the modeled latency charged to the clock (latency.ts).
 */
import { type AuthMode, checkAuthorized } from './auth.js';
import type { ChargedClock } from './charged-clock.js';
import { gasError, MESSAGES } from './errors.js';
import { CallCounters, type Meter } from './instrument.js';
import { cellsWritten, fetchBatchMs, flushesWrites, type LatencyProfile, latencyOf } from './latency.js';
import { matches, type OverlapOptions, serviceCall } from './overlap.js';
import type { DailyQuotas } from './quotas.js';

/**
 * A request that never answers fails after about 60 s, not configurable
 * (https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp, "60 seconds, Unconfigurable").
 */
export const PLATFORM_FETCH_TIMEOUT_MS = 60_000;

export type InvocationKind = 'menu' | 'sidebar' | 'trigger' | 'simple-trigger' | 'editor' | 'webapp';

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
  clock: ChargedClock;
  limitMs: number;
  latency?: LatencyProfile;
  /** A second profile priced on the same calls without moving the clock (the bench's other bound). */
  shadow?: { latency: LatencyProfile; charge(ms: number): void };
  /** Runtime-wide tallies the execution also feeds. */
  counters: CallCounters;
  quotas: DailyQuotas;
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
  /** Cells written by 2-D setters since the last flush: charged when flushed. */
  private unflushedCells = 0;
  private fetchSentAtMs = 0;

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
  count(qualifiedName: string, args: readonly unknown[] = []): void {
    this.checkTime();
    checkAuthorized(this.authMode, qualifiedName);
    this.overlapAt(qualifiedName);
    if (qualifiedName.startsWith('PropertiesService.')) this.env.quotas.spendProperties(qualifiedName);
    this.tally(qualifiedName);
    if (!this.env.latency) return;
    if (flushesWrites(qualifiedName)) this.flushWrites();
    this.charge((profile) => latencyOf(profile, qualifiedName));
    this.unflushedCells += cellsWritten(qualifiedName, args);
  }

  /** Modeled time under the runtime's profile (on the clock) and its shadow profile, if any. */
  private charge(cost: (profile: LatencyProfile) => number): void {
    const { latency, shadow, clock } = this.env;
    if (latency) clock.charge(cost(latency));
    if (shadow) shadow.charge(cost(shadow.latency));
  }

  /** Before a fetch/fetchAll sends: the daily quota, and the clock settled so Aircall sees our time. */
  beforeFetch(requests: number): void {
    this.env.quotas.spendUrlFetch(requests);
    for (let i = 0; i < requests; i++) this.tally('UrlFetchApp.request');
    this.env.clock.settle();
    this.fetchSentAtMs = this.env.clock.now();
  }

  /** After it: the batch's round trips, or the platform's timeout when a request hung. */
  afterFetch(requests: number, timedOut: boolean): void {
    if (timedOut) {
      const waitedMs = PLATFORM_FETCH_TIMEOUT_MS - (this.env.clock.now() - this.fetchSentAtMs);
      this.env.clock.charge(waitedMs);
      this.env.shadow?.charge(waitedMs);
    } else this.charge((profile) => fetchBatchMs(profile, requests));
  }

  /** The end of the execution commits its buffered writes; a run past its limit then is killed. */
  finish(): void {
    this.flushWrites();
    if (!this.killed && this.env.clock.now() - this.startMs > this.env.limitMs) this.killed = true;
    this.env.clock.settle();
  }

  private flushWrites(): void {
    const cells = this.unflushedCells;
    this.unflushedCells = 0;
    if (cells > 0) this.charge((profile) => cells * profile.perCellWriteMs);
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
