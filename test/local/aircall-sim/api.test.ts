import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type GroundTruth, type Simulator, startSimulator } from '../../../local/aircall-sim/index.js';
import { client } from './http.js';

let sim: Simulator;
let get: ReturnType<typeof client>;
let truth: GroundTruth;
let nowSec: number;

beforeAll(async () => {
  sim = await startSimulator({ preset: 'small', seed: 3, rateLimit: 10_000 });
  get = client(sim);
  truth = await sim.truth();
  nowSec = Math.floor(truth.nowMs / 1000);
});
afterAll(() => sim.stop());

const ids = (calls: { id: number }[]) => calls.map((call) => call.id);

describe('GET /v1/calls', () => {
  it('pages through the from/to window with meta and absolute next links, oldest first by default', async () => {
    const from = nowSec - 3600;
    const expected = truth.calls.filter((call) => call.started_at >= from && call.started_at <= nowSec);
    const seen: number[] = [];
    let path: string | null = `/v1/calls?from=${from}&to=${nowSec}&per_page=50`;
    let page = 1;
    while (path) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.body.meta).toMatchObject({ total: expected.length, current_page: page, per_page: 50 });
      expect(response.body.meta.previous_page_link === null).toBe(page === 1);
      seen.push(...ids(response.body.calls));
      const next: string | null = response.body.meta.next_page_link;
      if (next) expect(next.startsWith('https://api.aircall.io/v1/calls?')).toBe(true);
      path = next ? next.replace('https://api.aircall.io', '') : null;
      page++;
    }
    expect(seen).toEqual(ids(expected));
  });

  it('filters on started_at inclusively and sorts newest first with order=desc', async () => {
    const pick = truth.calls[truth.calls.length - 10];
    const response = await get(`/v1/calls?from=${pick.started_at}&to=${pick.started_at}&order=desc`);
    const expected = truth.calls.filter((call) => call.started_at === pick.started_at).reverse();
    expect(ids(response.body.calls)).toEqual(ids(expected));
    const desc = await get(`/v1/calls?order=desc&per_page=3`);
    expect(ids(desc.body.calls)).toEqual(ids(truth.calls.slice(-3).reverse()));
  });

  it('lists calls still in progress', async () => {
    const statuses = new Set(truth.calls.map((call) => call.status));
    expect(statuses.has('answered') || statuses.has('initial')).toBe(true);
    const response = await get(`/v1/calls?order=desc&per_page=50&from=${nowSec - 900}`);
    const live = response.body.calls.filter((call: { status: string }) => call.status !== 'done');
    expect(live.length).toBeGreaterThan(0);
  });

  it.each(['per_page=0', 'per_page=51', 'page=0'])('answers 400 {error, troubleshoot} for %s', async (query) => {
    const response = await get(`/v1/calls?${query}`);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body).sort()).toEqual(['error', 'troubleshoot']);
  });
});

describe('GET /v1/calls/search', () => {
  it('filters by agent, direction, phone number and (all) tags', async () => {
    const tagged = truth.calls.find((call) => call.tags.length > 0 && call.user && call.direction === 'inbound')!;
    const agentId = tagged.user!.id;
    const byAgent = await get(`/v1/calls/search?user_id=${agentId}&direction=inbound&per_page=50`);
    const expected = truth.calls.filter((call) => call.user?.id === agentId && call.direction === 'inbound');
    expect(byAgent.body.meta.total).toBe(expected.length);
    expect(ids(byAgent.body.calls)).toEqual(ids(expected.slice(0, 50)));

    const e164 = tagged.raw_digits.replace(/[\s-]/g, '');
    const byPhone = await get(`/v1/calls/search?phone_number=${encodeURIComponent(e164)}&per_page=50`);
    expect(byPhone.body.calls.length).toBeGreaterThan(0);
    for (const call of byPhone.body.calls) expect(call.raw_digits.replace(/[\s-]/g, '')).toBe(e164);

    const tagQuery = tagged.tags.map((tag) => `tags[]=${tag.id}`).join('&');
    const byTags = await get(`/v1/calls/search?${tagQuery}&per_page=50`);
    const withAllTags = truth.calls.filter((call) => tagged.tags.every((t) => call.tags.some((c) => c.id === t.id)));
    expect(byTags.body.meta.total).toBe(withAllTags.length);
  });
});

describe('users, teams, numbers', () => {
  it('lists users (User V2) and availabilities across pages, and one user with their lines', async () => {
    const users = await get('/v2/users?per_page=50');
    expect(users.body.users.map((user: { id: number }) => user.id)).toEqual(truth.users.map((user) => user.id));
    expect(users.body.users[0].numbers).toBeUndefined();
    const availabilities = await get('/v1/users/availabilities?per_page=50');
    expect(availabilities.body.users).toEqual(truth.availabilities);
    const [userId, numberIds] = Object.entries(truth.userNumbers).find(([, lines]) => lines.length > 1)!;
    const one = await get(`/v2/users/${userId}`);
    expect(one.body.user.id).toBe(Number(userId));
    expect(one.body.user.numbers).toBeUndefined();
    const lines = await get(`/v2/users/${userId}/numbers?per_page=1`);
    expect(lines.body.numbers.map((number: { id: number }) => number.id)).toEqual(numberIds.slice(0, 1));
    expect(lines.body.meta).toMatchObject({ total: numberIds.length, per_page: 1 });
    expect(lines.body.numbers[0].users).toBeUndefined();
    const byEmail = await get(`/v2/users/${encodeURIComponent(one.body.user.email)}`);
    expect(byEmail.body.user.id).toBe(Number(userId));
    expect((await get('/v2/users/999999')).body).toEqual({
      error: 'Not Found',
      troubleshoot: 'Check ID of the resource',
    });
  });

  it('answers the retired User V1 routes as a removed route does, but keeps availabilities', async () => {
    const userId = truth.users[0].id;
    for (const path of ['/v1/users', `/v1/users/${userId}`]) {
      const response = await get(path);
      expect([path, response.status, response.body]).toEqual([path, 404, { message: 'Not Found' }]);
    }
    const put = await get(`/v1/users/${userId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"availability_status":"available"}',
    });
    expect(put.status).toBe(404);
    expect((await get(`/v1/users/${userId}/availability`)).status).toBe(200);
  });

  it('serves User V1 as before when started with userV1: served', async () => {
    const old = await startSimulator({ preset: 'small', seed: 3, userV1: 'served' });
    try {
      const [userId, numberIds] = Object.entries(truth.userNumbers)[0];
      const one = await client(old)(`/v1/users/${userId}`);
      expect(one.body.user.numbers.map((number: { id: number }) => number.id)).toEqual(numberIds);
      expect((await client(old)('/v1/users?per_page=50')).body.users).toHaveLength(truth.users.length);
    } finally {
      await old.stop();
    }
  });

  it('answers teams with their users and numbers with their assigned users', async () => {
    const teams = await get('/v1/teams');
    expect(teams.body.teams).toEqual(truth.teams);
    const numbers = await get('/v1/numbers');
    expect(numbers.body.numbers).toEqual(truth.numbers);
    const unstaffed = truth.numbers.find((number) => number.users?.length === 0)!;
    expect((await get(`/v1/numbers/${unstaffed.id}`)).body.number.users).toEqual([]);
    const company = await get('/v1/company');
    expect(company.body.company).toMatchObject({ users_count: 20, numbers_count: 4 });
    expect((await get('/v1/tags')).body.tags).toEqual(truth.tags);
  });
});

describe('PUT /v2/users/:id', () => {
  const put = (id: number, body: unknown, contentType = 'application/json') =>
    get(`/v2/users/${id}`, { method: 'PUT', headers: { 'content-type': contentType }, body: JSON.stringify(body) });
  const availability = async (id: number) => (await get(`/v1/users/${id}/availability`)).body.availability;

  it('switches an agent to do_not_disturb and back to available', async () => {
    const current = await sim.truth({ calls: false });
    const free = current.availabilities.find((entry) => entry.availability === 'available')!;
    const off = await put(free.id, { availability_status: 'unavailable' });
    expect(off.status).toBe(200);
    expect(off.body.user.availability_status).toBe('unavailable');
    expect(await availability(free.id)).toBe('do_not_disturb');
    await put(free.id, { availability_status: 'available' });
    expect(await availability(free.id)).toBe('available');
  });

  it('rejects a body that is not JSON-typed or an unknown status with 400', async () => {
    const id = truth.users[0].id;
    expect((await put(id, { availability_status: 'available' }, 'text/plain')).status).toBe(400);
    expect((await put(id, { availability_status: 'sleeping' })).status).toBe(400);
  });
});

it('serves the same data for the same seed and time', async () => {
  const twins = await Promise.all([1, 2].map(() => startSimulator({ preset: 'small', seed: 9 })));
  try {
    const [a, b] = await Promise.all(twins.map((twin) => client(twin)('/v1/calls?order=desc&per_page=50')));
    expect(a.body.calls).toHaveLength(50);
    expect(b.body).toEqual(a.body);
  } finally {
    await Promise.all(twins.map((twin) => twin.stop()));
  }
});
