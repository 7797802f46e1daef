import { describe, expect, it } from '@jest/globals';
import { AircallClient } from '../../src/aircall/client';
import { readLiveState, STALE_AFTER_MS } from '../../src/aircall/live-state';
import { AUTHORIZATION, FakeAircall, makeCall, makeUsers } from './fake-transport';

/** An Aircall whose callers get answered while the client sleeps for the rate limit. */
class BusyAircall extends FakeAircall {
  whileAsleep: (() => void)[] = [];
  override sleep(ms: number): void {
    super.sleep(ms);
    for (const happen of this.whileAsleep.splice(0)) happen();
  }
}

function center() {
  const fake = new BusyAircall({ limit: 60 });
  fake.users = makeUsers(3);
  fake.availabilities = fake.users.map((u) => ({ id: u.id, availability: 'available' }));
  const nowSec = Math.floor(fake.nowMs() / 1000);
  const ringing = makeCall(1, nowSec - 20, { status: 'initial', answered_at: null, ended_at: null, user: null });
  fake.calls = [makeCall(2, nowSec - 300), ringing];
  const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
  return { fake, client, ringing };
}

describe('readLiveState', () => {
  it('reads once when nothing had to wait', () => {
    const { fake, client } = center();
    const live = readLiveState(client, null, 900, () => fake.nowMs());
    expect(live.reads).toBe(1);
    expect(live.window.calls.filter((c) => c.status === 'initial').map((c) => c.id)).toEqual([1]);
  });

  it('reads the queue and the statuses again after a rate-limit wait, so they are those of after the wait', () => {
    const { fake, client, ringing } = center();
    // The availabilities page is refused once: the client waits for the window, and meanwhile agent 1
    // answers the caller who was ringing when the calls were listed.
    fake.script('/v1/users/availabilities', { status: 429, headers: {}, body: '' });
    fake.whileAsleep.push(() => {
      Object.assign(ringing, { status: 'answered', answered_at: ringing.started_at + 30, user: fake.users[0] });
      fake.availabilities[0].availability = 'in_call';
    });
    const before = fake.nowMs();
    const firstReadSec = Math.floor(before / 1000);
    const live = readLiveState(client, null, 900, () => fake.nowMs());
    expect(fake.nowMs() - before).toBeGreaterThan(STALE_AFTER_MS);
    expect(live.reads).toBe(2);
    expect(live.window.calls.filter((c) => c.status === 'initial')).toEqual([]);
    expect(live.window.calls.find((c) => c.id === 1)?.user?.id).toBe(1);
    expect(live.availabilities.find((a) => a.id === 1)?.availability).toBe('in_call');
    expect(live.nowSec).toBeGreaterThanOrEqual(Math.floor((fake.nowMs() - 1_000) / 1000));
    // The re-read is incremental: calls since the oldest one ringing (or the first read, less a
    // margin for late-listed calls), not the whole 15-minute period again.
    const from = fake.requestsTo('/v1/calls').map((r) => Number(new URL(r.url).searchParams.get('from')));
    expect(from).toEqual([firstReadSec - 900, Math.min(ringing.started_at, firstReadSec - 30)]);
  });

  it('lists the calls and every availability in one round trip when the page counts are guessed right', () => {
    const fake = new BusyAircall({ limit: 120 });
    fake.users = makeUsers(120); // 3 pages of availabilities
    fake.availabilities = fake.users.map((u) => ({ id: u.id, availability: 'available' }));
    const nowSec = Math.floor(fake.nowMs() / 1000);
    // A steady pace of a call every 2 s over the last 15 minutes.
    fake.calls = Array.from({ length: 450 }, (_, i) => makeCall(i + 1, nowSec - 900 + 2 * i));
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
    const first = readLiveState(client, null, 900, () => fake.nowMs(), fake.users.length);
    expect(first.availabilities).toHaveLength(120);
    expect(first.window.calls).toHaveLength(450);

    fake.sleep(60_000);
    const later = Math.floor(fake.nowMs() / 1000);
    fake.calls.push(...Array.from({ length: 30 }, (_, i) => makeCall(1_000 + i, later - 60 + 2 * i)));
    const batchesBefore = fake.batchSizes.length;
    const second = readLiveState(client, first.window.state, 900, () => fake.nowMs(), fake.users.length);
    expect(fake.batchSizes.length - batchesBefore).toBe(1);
    expect(second.availabilities.map((a) => a.id)).toEqual(fake.users.map((u) => u.id));
    const expected = fake.calls.filter((c) => c.started_at >= later - 900).map((c) => c.id);
    expect(second.window.calls.map((c) => c.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('fetches the pages page 1 announces beyond the guess, and every agent when the directory knew none', () => {
    const fake = new BusyAircall({ limit: 120 });
    fake.users = makeUsers(120);
    fake.availabilities = fake.users.map((u) => ({ id: u.id, availability: 'available' }));
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
    const live = readLiveState(client, null, 900, () => fake.nowMs(), 0);
    expect(live.availabilities).toHaveLength(120);
    expect(fake.batchSizes).toEqual([2, 2]); // page 1 of each list, then availability pages 2 and 3
  });

  it("at 1,000 agents reads only the availability pages read longest ago, in the calls' round trip", () => {
    const fake = new BusyAircall({ limit: 120 });
    fake.users = makeUsers(1_000); // 20 pages
    fake.availabilities = fake.users.map((u) => ({ id: u.id, availability: 'available' }));
    const nowSec = Math.floor(fake.nowMs() / 1000);
    // Four calls a second, as a call center of that size starts them.
    fake.calls = Array.from({ length: 3_600 }, (_, i) => makeCall(i + 1, nowSec - 900 + Math.floor(i / 4)));
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
    const first = readLiveState(client, null, 900, () => fake.nowMs(), 1_000, null);
    expect(first.partial).toBe(false);
    expect(first.availabilities).toHaveLength(1_000);

    fake.sleep(60_000);
    const later = Math.floor(fake.nowMs() / 1000);
    fake.calls.push(...Array.from({ length: 240 }, (_, i) => makeCall(5_000 + i, later - 60 + Math.floor(i / 4))));
    const requestsBefore = client.requestsMade;
    const batchesBefore = fake.batchSizes.length;
    const second = readLiveState(client, first.window.state, 900, () => fake.nowMs(), 1_000, first.availabilityReads);
    expect(second.partial).toBe(true);
    expect(fake.batchSizes.length - batchesBefore).toBe(1);
    expect(client.requestsMade - requestsBefore).toBeLessThanOrEqual(25);
    const pagesRead = second.availabilityReads.pageReadAtSec.filter((at) => at === second.nowSec).length;
    expect(second.availabilities).toHaveLength(pagesRead * 50);
    expect(pagesRead).toBeGreaterThanOrEqual(10);
    expect(pagesRead).toBeLessThan(20);
    // The calls are complete whatever was left out of the availabilities.
    expect(second.window.calls.some((c) => c.id === 5_239)).toBe(true);
  });
});
