/**
 * The request runner keeps the caller's deadline: a hung request (UrlFetchApp gives up after 60 s)
 * is never tried again, a quick failure is, retries and rate-limit waits stop where the deadline
 * would be passed, and nothing is sent after it.
 */
import { describe, expect, it } from '@jest/globals';
import { AircallClient } from '../../src/aircall/client';
import { deadlineIn } from '../../src/aircall/deadline';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../src/aircall/http';
import { AUTHORIZATION } from './fake-transport';

const HANG = 'hang' as const;
type Answer = HttpResponse | typeof HANG;
const company = (): HttpResponse => ({
  status: 200,
  headers: {},
  body: JSON.stringify({ company: { name: 'Acme', users_count: 3, numbers_count: 1 } }),
});
const status = (code: number): HttpResponse => ({ status: code, headers: {}, body: '{}' });
const refused: HttpResponse = { status: 0, headers: {}, body: 'Connection refused' };

/** Answers in turn; a hang costs Apps Script's 60 s and comes back as a network failure. */
class ScriptedAircall implements HttpTransport {
  clock = 1_700_000_000_000;
  readonly sent: HttpRequest[] = [];
  readonly sleeps: number[] = [];
  constructor(private readonly answers: Answer[]) {}
  fetchAll(requests: HttpRequest[]): HttpResponse[] {
    let hung = false;
    const out = requests.map((request) => {
      this.sent.push(request);
      const answer = this.answers.length > 1 ? (this.answers.shift() as Answer) : this.answers[0];
      if (answer !== HANG) return answer;
      hung = true;
      return { status: 0, headers: {}, body: 'Timeout' };
    });
    this.clock += hung ? 60_000 : 200;
    return out;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.clock += ms;
  }
  nowMs(): number {
    return this.clock;
  }
}

const clientOver = (transport: ScriptedAircall, deadlineMs?: number) =>
  new AircallClient({
    transport,
    authorization: AUTHORIZATION,
    maxWaitMs: 240_000,
    deadline: deadlineMs === undefined ? undefined : deadlineIn(deadlineMs, transport.nowMs(), 'the refresh'),
  });

describe('deadlines', () => {
  it('never sends a hung request again, even with time to spare', () => {
    const aircall = new ScriptedAircall([HANG, company()]);
    expect(() => clientOver(aircall).company()).toThrow(/Could not reach Aircall/);
    expect(aircall.sent).toHaveLength(1);
    expect(aircall.sleeps).toEqual([]);
  });

  it('retries a quick network failure', () => {
    const aircall = new ScriptedAircall([refused, company()]);
    expect(clientOver(aircall, 40_000).company().users_count).toBe(3);
    expect(aircall.sent).toHaveLength(2);
  });

  it('stops retrying a 5xx where the next backoff would pass the deadline', () => {
    const aircall = new ScriptedAircall([status(503)]);
    expect(() => clientOver(aircall, 2_500).company()).toThrow(/HTTP 503/);
    // 0 s: fails; waits 1 s; 1.2 s: fails; a 2 s wait would end past 2.5 s.
    expect(aircall.sent).toHaveLength(2);
    expect(aircall.sleeps).toEqual([1_000]);
  });

  it('does not wait for a rate-limit reset beyond the deadline', () => {
    const tooMany: HttpResponse = {
      status: 429,
      headers: { 'X-AircallApi-Limit': '60', 'X-AircallApi-Remaining': '0', 'X-AircallApi-Reset': '50' },
      body: '{}',
    };
    const aircall = new ScriptedAircall([tooMany, company()]);
    expect(() => clientOver(aircall, 20_000).company()).toThrow(/limit/);
    expect(aircall.sleeps).toEqual([]);
    expect(aircall.sent).toHaveLength(1);
  });

  it('sends nothing once the deadline has passed, and says so', () => {
    const aircall = new ScriptedAircall([company()]);
    const client = clientOver(aircall, 0);
    expect(() => client.company()).toThrow(/did not answer in time: the refresh stopped after 0 s/);
    expect(aircall.sent).toHaveLength(0);
  });
});
