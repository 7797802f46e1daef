/** Time source of a runtime: Apps Script's wall clock, or a manual one tied to the Aircall simulator. */
import { sendAll, textOf } from './sync-http.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Blocks the execution for ms (Utilities.sleep, lock waits). */
  sleep(ms: number): void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The real clock; with speed > 1, time runs faster than wall time (sleeps shrink accordingly). */
export function realClock(speed = 1): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * speed,
    sleep: (ms) => {
      if (ms > 0) Atomics.wait(sleeper, 0, 0, ms / speed);
    },
  };
}

const SIM_TIMEOUT_MS = 10_000;

function simCall(url: string, method: string, body?: unknown): unknown {
  const [result] = sendAll(
    [
      {
        url,
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        bodyBase64: body === undefined ? undefined : Buffer.from(JSON.stringify(body)).toString('base64'),
        followRedirects: false,
        validateHttpsCertificates: true,
      },
    ],
    SIM_TIMEOUT_MS,
  );
  if ('failure' in result) throw new Error(`Aircall simulator unreachable at ${url}: ${result.detail}`);
  if (result.response.status >= 400) throw new Error(`Aircall simulator answered ${result.response.status} at ${url}`);
  return JSON.parse(textOf(result.response) || 'null');
}

/**
 * Manual clock shared with the simulated Aircall: now() is the simulator's time, and sleep(ms)
 * advances the simulator, so waiting out a rate-limit window costs no wall time.
 */
export function simulatorClock(simUrl: string): Clock {
  const base = simUrl.replace(/\/+$/, '');
  return {
    now: () => (simCall(`${base}/__sim/clock`, 'GET') as { nowMs: number }).nowMs,
    sleep: (ms) => {
      if (ms > 0) simCall(`${base}/__sim/advance`, 'POST', { ms });
    },
  };
}

/** A clock that only moves when told to; for tests. */
export function manualClock(startMs = Date.UTC(2026, 0, 15, 9, 0, 0)): Clock & { advance(ms: number): void } {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    sleep: (ms) => {
      if (ms > 0) nowMs += ms;
    },
    advance: (ms) => {
      nowMs += ms;
    },
  };
}
