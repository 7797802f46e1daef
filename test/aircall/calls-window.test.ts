import { describe, expect, it } from '@jest/globals';
import { LATE_MARGIN_SEC, refreshCallsWindow } from '../../src/aircall/calls-window';
import { AircallClient } from '../../src/aircall/client';
import type { Call } from '../../src/aircall/types';
import { AUTHORIZATION, FakeAircall, makeCall } from './fake-transport';

const NOW = 1_700_000_000;
const PERIOD = 15 * 60;

function setup(limit = 10_000) {
  const fake = new FakeAircall({ limit });
  const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
  return { fake, client };
}

/** Through JSON, as the cache would hand it back. */
const cached = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('refreshCallsWindow', () => {
  it('fetches the whole period when there is no previous window, keeping what the board reads', () => {
    const { fake, client } = setup();
    const comment = { id: 1, content: 'x'.repeat(500), posted_at: NOW - 10, posted_by: null };
    fake.calls = [
      makeCall(1, NOW - PERIOD - 5),
      makeCall(2, NOW - 600, {
        missed_call_reason: 'no_available_agent',
        answered_at: null,
        tags: [{ id: 4, name: 'vip' }],
      }),
      makeCall(3, NOW - 20, { status: 'answered', direction: 'outbound', ended_at: null, comments: [comment] }),
    ];
    const { calls, state } = refreshCallsWindow(client, null, NOW, PERIOD);
    expect(calls.map((c) => c.id)).toEqual([2, 3]);
    expect(calls[0]).toMatchObject({
      missed_call_reason: 'no_available_agent',
      answered_at: null,
      tags: [{ id: 4, name: 'vip' }],
    });
    expect(calls[1]).toMatchObject({ status: 'answered', direction: 'outbound', user: { id: 1003, name: 'Agent 3' } });
    expect(calls[1].number).toEqual({ id: 500, name: 'Line 0', digits: '+33 1 76 11 11 11' });
    expect(calls[1].comments[0].content.length).toBeLessThan(200);
    expect(fake.requests[0].url).toContain(`from=${NOW - PERIOD}`);
    expect(refreshCallsWindow(client, cached(state), NOW, PERIOD).calls).toEqual(calls);
  });

  it('asks only for calls since the oldest call still ringing, keeping the others', () => {
    const { fake, client } = setup();
    fake.calls = [
      makeCall(1, NOW - 800),
      makeCall(2, NOW - 300, { status: 'initial', answered_at: null, ended_at: null }),
      makeCall(3, NOW - 100),
    ];
    const first = refreshCallsWindow(client, null, NOW, PERIOD);
    fake.calls[1] = makeCall(2, NOW - 300, { missed_call_reason: 'no_available_agent', answered_at: null, user: null });
    fake.calls.push(makeCall(4, NOW + 30, { status: 'initial', answered_at: null, ended_at: null }));
    fake.requests.length = 0;

    const second = refreshCallsWindow(client, cached(first.state), NOW + 60, PERIOD);
    expect(fake.requests[0].url).toContain(`from=${NOW - 300}`);
    expect(second.calls.map((c) => [c.id, c.status, c.missed_call_reason])).toEqual([
      [1, 'done', null],
      [2, 'done', 'no_available_agent'],
      [3, 'done', null],
      [4, 'initial', null],
    ]);
    expect(second.requests).toBe(1);

    const later = refreshCallsWindow(client, cached(second.state), NOW + 200, PERIOD);
    expect(later.calls.map((c) => c.id)).toEqual([2, 3, 4]); // call 1 left the window
  });

  it('does not re-list the period for calls in conversation: they only end, which availability shows', () => {
    const { fake, client } = setup();
    fake.calls = [makeCall(1, NOW - 600, { status: 'answered', ended_at: null }), makeCall(2, NOW - 100)];
    const first = refreshCallsWindow(client, null, NOW, PERIOD);
    fake.requests.length = 0;
    const second = refreshCallsWindow(client, cached(first.state), NOW + 60, PERIOD);
    expect(fake.requests[0].url).toContain(`from=${NOW - LATE_MARGIN_SEC}`);
    expect(second.calls.map((c) => [c.id, c.status])).toEqual([
      [1, 'answered'],
      [2, 'done'],
    ]);
  });

  it('fetches everything again when the activity period grows', () => {
    const { fake, client } = setup();
    fake.calls = [makeCall(1, NOW - 1_500), makeCall(2, NOW - 100)];
    const short = refreshCallsWindow(client, null, NOW, PERIOD);
    const long = refreshCallsWindow(client, cached(short.state), NOW + 60, 30 * 60);
    expect(long.calls.map((c) => c.id)).toEqual([1, 2]);
  });

  it('the steady-state refresh at 10,000 calls in 15 min asks for far fewer pages than a full fetch', () => {
    const { fake, client } = setup();
    // 11 calls a second; each lasts 40 s, so at any time the calls of the last 40 s are in progress.
    const callsAt = (t: number): Call[] =>
      Array.from({ length: (t - (NOW - PERIOD)) * 11 }, (_, i) => {
        const startedAt = NOW - PERIOD + Math.floor(i / 11);
        return makeCall(i + 1, startedAt, startedAt > t - 40 ? { status: 'answered', ended_at: null } : {});
      });
    fake.calls = callsAt(NOW);
    const full = refreshCallsWindow(client, null, NOW, PERIOD);
    fake.calls = callsAt(NOW + 60);
    const steady = refreshCallsWindow(client, cached(full.state), NOW + 60, PERIOD);
    expect(full.calls.length).toBe(9_900);
    const expected = fake.calls.filter((c) => c.started_at >= NOW + 60 - PERIOD);
    expect(steady.calls.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    // Calls listed since the last refresh carry their current status.
    const recent = (calls: Call[]) => calls.filter((c) => c.started_at >= NOW - 30).map((c) => [c.id, c.status]);
    expect(recent(steady.calls)).toEqual(recent(expected));
    expect(steady.requests * 5).toBeLessThan(full.requests);
  });

  it('caches 10,000 calls by 1,000 agents in a few 100 KB values', () => {
    const { fake, client } = setup();
    fake.calls = Array.from({ length: 10_000 }, (_, i) =>
      makeCall(i + 1, NOW - PERIOD + Math.floor(i / 12), {
        user: { id: 10_000 + (i % 1_000), name: `Agent number ${i % 1_000}` },
        number: { id: 700 + (i % 40), name: `Support line ${i % 40}`, digits: '+33 1 76 11 11 11' },
        raw_digits: `+33 6 ${String(10_000_000 + i).slice(0, 8)}`,
      }),
    );
    const { state } = refreshCallsWindow(client, null, NOW, PERIOD);
    const bytes = JSON.stringify(state).length;
    expect(state.calls).toHaveLength(10_000);
    expect(bytes).toBeLessThan(10 * 100 * 1024);
  });
});
