import { describe, expect, it } from '@jest/globals';
import { AircallClient } from '../../src/aircall/client';
import {
  continueMapping,
  describeMappingProgress,
  isMappingComplete,
  type MappingProgress,
  planMapping,
} from '../../src/aircall/user-number-map';
import { AUTHORIZATION, FakeAircall, makeUsers } from './fake-transport';

/** Numbers each shared by a few agents; agent i is on lines i % count and (i + 1) % count. */
function company(users: number, numbers: number) {
  const fake = new FakeAircall({ limit: 60 });
  fake.users = makeUsers(users);
  fake.numbers = Array.from({ length: numbers }, (_, n) => ({
    id: 9_000 + n,
    name: `Line ${n}`,
    digits: `+33 1 00 00 ${n}`,
    users: fake.users.filter((u) => u.id % numbers === n || (u.id + 1) % numbers === n),
  }));
  const truth = Object.fromEntries(
    fake.users.map((u) => [
      String(u.id),
      fake.numbers
        .filter((n) => n.users?.some((x) => x.id === u.id))
        .map((n) => n.id)
        .sort(),
    ]),
  );
  const ids = { users: fake.users.map((u) => u.id), numbers: fake.numbers.map((n) => n.id) };
  return { fake, truth, ids };
}

const sorted = (map: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));

describe('planMapping', () => {
  it('picks the side with fewer requests', () => {
    expect(planMapping({ users: 1_000, numbers: 30 })).toEqual({ strategy: 'per_number', requests: 30 });
    expect(planMapping({ users: 40, numbers: 300 })).toEqual({ strategy: 'per_user', requests: 40 });
  });
});

describe('continueMapping', () => {
  it('maps 1,000 agents at 60 requests a minute across executions, never hitting a 429', () => {
    const { fake, truth, ids } = company(1_000, 1_200);
    let progress: MappingProgress | null = null;
    const toasts: string[] = [];
    for (let run = 0; run < 30 && !(progress && isMappingComplete(progress)); run++) {
      const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION });
      const step = continueMapping(client, progress, ids, fake.nowMs() + 5 * 60_000);
      expect(step.failure).toBeNull();
      progress = JSON.parse(JSON.stringify(step.progress)) as MappingProgress;
      toasts.push(describeMappingProgress(progress));
      fake.sleep(60_000); // the next execution starts later
    }
    expect(progress!.strategy).toBe('per_user');
    expect(toasts[0]).toMatch(/^\d+\/1,000$/);
    expect(toasts.at(-1)).toBe('1,000/1,000');
    expect(sorted(progress!.numbersByUser)).toEqual(truth);
    expect(fake.rateLimitedServed).toBe(0);
  });

  it('sends no request when the remaining budget is used up until after the deadline', () => {
    const { fake, ids } = company(1_000, 20);
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION });
    client.company();
    fake.otherIntegrationsUse(58);
    client.company(); // the last request of the minute: the client learns that nothing is left
    const sent = fake.requests.length;
    const { progress } = continueMapping(client, null, ids, fake.nowMs() + 10_000);
    expect(fake.requests.length).toBe(sent);
    expect(describeMappingProgress(progress)).toBe('0/20');
  });

  it('maps per number when that is cheaper, keyed by agent id', () => {
    const { fake, truth, ids } = company(200, 10);
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION });
    const { progress } = continueMapping(client, null, ids, fake.nowMs() + 60_000);
    expect(progress.strategy).toBe('per_number');
    expect(isMappingComplete(progress)).toBe(true);
    expect(sorted(progress.numbersByUser)).toEqual(truth);
    expect(fake.requests).toHaveLength(10);
  });

  it('keeps what was fetched when Aircall fails part-way, and the next step finishes the rest', () => {
    const { fake, truth, ids } = company(200, 10);
    const refused = { status: 403, headers: {}, body: '{"message":"Forbidden"}' };
    fake.script(`/v1/numbers/${ids.numbers[4]}`, refused); // one number is refused; the others answer
    const first = continueMapping(
      new AircallClient({ transport: fake, authorization: AUTHORIZATION }),
      null,
      ids,
      fake.nowMs() + 60_000,
    );
    expect(first.failure?.kind).toBe('auth');
    expect(first.progress.done).toBe(9);
    expect(first.progress.todo).toEqual([ids.numbers[4]]);
    const second = continueMapping(
      new AircallClient({ transport: fake, authorization: AUTHORIZATION }),
      first.progress,
      ids,
      fake.nowMs() + 60_000,
    );
    expect(second.failure).toBeNull();
    expect(isMappingComplete(second.progress)).toBe(true);
    expect(sorted(second.progress.numbersByUser)).toEqual(truth);
  });
});
