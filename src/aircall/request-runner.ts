import { type Deadline, deadlinePassed, HUNG_AFTER_MS } from './deadline';
import { AircallError, errorForResponse, type Redactor } from './errors';
import type { HttpRequest, HttpResponse, HttpTransport } from './http';
import type { RateBudget } from './rate-budget';

export type QueryValue = string | number | boolean | undefined | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;

export interface ApiRequest {
  method: HttpRequest['method'];
  path: string;
  query?: Query;
  body?: unknown;
}

export type Outcome = { ok: true; data: unknown } | { ok: false; error: AircallError };

/** 5xx and network failures: 1 s, 2 s, 4 s, then give up. */
export const MAX_RETRIES = 3;
const BACKOFF_BASE_MS = 1_000;
/** 429s for one request before we stop trusting the reset time we were given. */
const MAX_RATE_LIMITED_RETRIES = 5;

export interface RunnerOptions {
  transport: HttpTransport;
  authorization: string;
  baseUrl: string;
  budget: RateBudget;
  maxWaitMs: number;
  redact: Redactor;
  /** When the execution's Aircall work must be over: no batch, wait or retry runs past it. */
  deadline?: Deadline;
}

/** Repeated keys for arrays (tags[]=1&tags[]=2); undefined values are left out. */
export function queryString(query: Query | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export const describeRequest = (r: ApiRequest) => `${r.method.toUpperCase()} ${r.path}`;

/**
 * Sends requests in concurrent batches that never exceed the rate budget, retrying 429s after the
 * reset and 5xx/network failures with backoff. All sleeping of one client (one execution) is bounded by maxWaitMs.
 */
export class RequestRunner {
  requestsMade = 0;
  /** Time slept so far for the rate limit and retry backoff, bounded by maxWaitMs. */
  sleptMs = 0;

  constructor(private readonly options: RunnerOptions) {}

  /** One request; throws its AircallError. */
  send(request: ApiRequest): unknown {
    return unwrap(this.sendAll([request]))[0];
  }

  /**
   * Every request's outcome, in order. With `stopAtMs`, no batch starts (and no wait runs) past that
   * time: requests not attempted are left undefined for a later execution to resume.
   */
  sendAll(requests: ApiRequest[], stopAtMs?: number): (Outcome | undefined)[] {
    const { transport, budget, deadline } = this.options;
    const outcomes: (Outcome | undefined)[] = new Array(requests.length).fill(undefined);
    const failures = new Array<number>(requests.length).fill(0);
    const rateLimited = new Array<number>(requests.length).fill(0);
    let pending = requests.map((_, i) => i);
    // A resumable operation stops quietly at stopAtMs; any operation stops at the deadline.
    const resumable = stopAtMs !== undefined;
    const stopAt = Math.min(stopAtMs ?? Number.POSITIVE_INFINITY, deadline?.atMs ?? Number.POSITIVE_INFINITY);
    const canWait = (ms: number) => transport.nowMs() + ms < stopAt;

    while (pending.length > 0) {
      if (transport.nowMs() >= stopAt) {
        if (resumable || !deadline) break;
        throw deadlinePassed(deadline, transport.nowMs());
      }
      const room = budget.take(pending.length, transport.nowMs());
      if (room === 0) {
        const wait = budget.msUntilReset(transport.nowMs());
        if (canWait(wait) && this.sleep(wait)) continue;
        if (resumable) break; // a resumable operation stops here; others must fail
        throw this.budgetExhausted(wait);
      }
      const batch = pending.slice(0, room);
      pending = pending.slice(room);
      const sentAtMs = transport.nowMs();
      const responses = this.fetchBatch(batch.map((i) => requests[i]));
      const tookMs = transport.nowMs() - sentAtMs;

      budget.observe(
        responses.map((r) => r.headers),
        transport.nowMs(),
      );
      const retry: number[] = [];
      let backoffMs = 0;
      batch.forEach((index, k) => {
        const response = responses[k];
        const request = requests[index];
        if (response.status === 429 && ++rateLimited[index] <= MAX_RATE_LIMITED_RETRIES) {
          budget.exhausted(transport.nowMs(), BACKOFF_BASE_MS * 2 ** (rateLimited[index] - 1));
          retry.push(index);
        } else if ((response.status === 0 || response.status >= 500) && ++failures[index] <= MAX_RETRIES) {
          backoffMs = Math.max(backoffMs, BACKOFF_BASE_MS * 2 ** (failures[index] - 1));
          retry.push(index);
        } else {
          outcomes[index] = this.outcomeOf(response, request);
        }
      });
      pending = [...retry, ...pending];
      if (backoffMs > 0) {
        // Retrying after a network failure may cost what the failed attempt took: only tried if that
        // still ends before the deadline, and never after a hang (deadline.ts).
        const networkFailed = retry.some((index) => responses[batch.indexOf(index)].status === 0);
        const hung = networkFailed && tookMs >= HUNG_AFTER_MS;
        const retryCostMs = backoffMs + (networkFailed ? tookMs : 0);
        if (!hung && !canWait(retryCostMs) && resumable) break;
        if (hung || !canWait(retryCostMs) || !this.sleep(backoffMs)) {
          // Out of time or patience: report the retried requests with the error they last got.
          for (const index of retry) outcomes[index] = this.outcomeOf(responses[batch.indexOf(index)], requests[index]);
          pending = pending.filter((i) => !retry.includes(i));
          if (hung && resumable) break; // what is left waits for a later execution
          if (hung) {
            // The operation fails anyway: its other requests are not sent into the hang.
            const error = outcomes[retry.find((index) => responses[batch.indexOf(index)].status === 0) ?? retry[0]];
            for (const index of pending) outcomes[index] = error;
            pending = [];
          }
        }
      }
    }
    return outcomes;
  }

  private fetchBatch(batch: ApiRequest[]): HttpResponse[] {
    const { transport } = this.options;
    this.requestsMade += batch.length; // the budget was taken for them (RateBudget.take)
    return transport.fetchAll(batch.map((r) => this.toHttp(r)));
  }

  private toHttp(request: ApiRequest): HttpRequest {
    const http: HttpRequest = {
      url: `${this.options.baseUrl}${request.path}${queryString(request.query)}`,
      method: request.method,
      headers: { Authorization: this.options.authorization, Accept: 'application/json' },
    };
    if (request.body !== undefined) {
      http.payload = JSON.stringify(request.body);
      http.contentType = 'application/json';
    }
    return http;
  }

  private outcomeOf(response: HttpResponse, request: ApiRequest): Outcome {
    const what = describeRequest(request);
    if (response.status < 200 || response.status >= 300)
      return { ok: false, error: errorForResponse(response, what, this.options.redact) };
    if (response.body.trim() === '') return { ok: true, data: null };
    try {
      return { ok: true, data: JSON.parse(response.body) };
    } catch {
      return { ok: false, error: malformed(response.status, what) };
    }
  }

  /** Sleeps unless that would take this client past maxWaitMs. */
  private sleep(ms: number): boolean {
    if (this.sleptMs + ms > this.options.maxWaitMs) return false;
    this.options.transport.sleep(ms);
    this.sleptMs += ms;
    return true;
  }

  private budgetExhausted(waitMs: number): AircallError {
    const { budget } = this.options;
    return new AircallError(
      'rate_limited',
      429,
      `Aircall's limit of ${budget.limit} requests a minute for your company (shared with its other integrations) is used up. ` +
        `It resets in ${Math.ceil(waitMs / 1000)} s; try again then.`,
    );
  }
}

export function malformed(status: number, what: string): AircallError {
  return new AircallError(
    'malformed',
    status,
    `Aircall sent a response that could not be read (HTTP ${status}, ${what}). This is usually temporary; try again.`,
  );
}

/** The data of every outcome, or the first error. */
export function unwrap(outcomes: (Outcome | undefined)[]): unknown[] {
  return outcomes.map((o) => {
    if (!o) throw new AircallError('rate_limited', 0, 'Aircall requests were not sent in time; try again.');
    if (!o.ok) throw o.error;
    return o.data;
  });
}
