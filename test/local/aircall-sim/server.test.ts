import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../../../local/aircall-sim/index.js';
import { basicAuth, client } from './http.js';

let sim: Simulator;
let get: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await startSimulator({ preset: 'small', history: false, rateLimit: 5 });
  get = client(sim);
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await sim.clearFaults();
  await sim.restoreKey();
  await sim.advance(61_000); // a fresh rate-limit window for each test
  await sim.resetRequests();
});

describe('authentication', () => {
  it('answers 401 without credentials and 403 with wrong or revoked ones', async () => {
    expect(await fetch(`${sim.url}/v1/ping`).then(async (r) => [r.status, await r.json()])).toEqual([
      401,
      { message: 'Unauthorized' },
    ]);
    const wrong = await get('/v1/ping', { headers: { authorization: basicAuth(sim.apiId, 'nope') } });
    expect([wrong.status, wrong.body]).toEqual([403, { message: 'Forbidden' }]);
    expect((await get('/v1/ping')).body).toEqual({ ping: 'pong' });
    await sim.revokeKey();
    expect((await get('/v1/ping')).status).toBe(403);
    await sim.restoreKey();
    expect((await get('/v1/ping')).status).toBe(200);
  });

  it('answers 404 {message} for unknown paths', async () => {
    const response = await get('/v1/definitely-not-real-zzz');
    expect([response.status, response.body]).toEqual([404, { message: 'Not Found' }]);
  });
});

describe('rate limit', () => {
  it('shares one budget per minute, answers 429 beyond it with the headers, and resets after 60 s', async () => {
    const startSec = Math.floor((await sim.nowMs()) / 1000);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof get>> | undefined;
    for (const path of ['/v1/ping', '/v2/users', '/v1/calls', '/v1/teams', '/v1/numbers', '/v1/ping']) {
      last = await get(path);
      statuses.push(last.status);
      // Aircall sends the headers "when the rate limit has been reached", not before.
      if (last.status === 200) expect(last.headers.get('X-AircallApi-Limit')).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.body.error).toBe('Too Many Requests');
    expect(last!.headers.get('X-AircallApi-Limit')).toBe('5');
    expect(last!.headers.get('X-AircallApi-Remaining')).toBe('0');
    expect(Number(last!.headers.get('X-AircallApi-Reset'))).toBe(startSec + 60);
    const log = await sim.requests();
    expect(log.filter((entry) => entry.status === 429)).toHaveLength(1);
    await sim.advance(59_000);
    expect((await get('/v1/ping')).status).toBe(429);
    await sim.advance(1_000);
    expect((await get('/v1/ping')).status).toBe(200);
  });

  it('can be raised at run time', async () => {
    await sim.setRateLimit(120);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await get('/v1/ping')).status);
    expect(statuses).toEqual(Array(8).fill(200));
    await sim.setRateLimit(5);
  });

  it('sends the headers on every answer when started with rateHeaders: always, as it used to', async () => {
    const old = await startSimulator({ preset: 'small', history: false, rateLimit: 5, rateHeaders: 'always' });
    try {
      const first = await client(old)('/v1/ping');
      expect(first.status).toBe(200);
      expect([first.headers.get('X-AircallApi-Limit'), first.headers.get('X-AircallApi-Remaining')]).toEqual([
        '5',
        '4',
      ]);
    } finally {
      await old.stop();
    }
  });
});

describe('faults', () => {
  it('answers the injected 5xx for matching paths only, for `count` requests', async () => {
    await sim.setFaults([{ kind: 'status', status: 503, count: 1, path: '/v1/calls' }]);
    expect((await get('/v2/users')).status).toBe(200);
    expect((await get('/v1/calls')).status).toBe(503);
    expect((await get('/v1/calls')).status).toBe(200);
  });

  it('can retire /v1/users with a 410 while /v2/users keeps working', async () => {
    await sim.setFaults([{ kind: 'status', status: 410, path: '/v1/users' }]);
    const retired = await get('/v1/users');
    expect(retired.status).toBe(410);
    expect(retired.body.error).toBe('Gone');
    expect((await get('/v2/users')).status).toBe(200);
  });

  it('refuses a method on a path with 405 or 422, leaving other methods alone', async () => {
    await sim.setFaults([{ kind: 'status', status: 405, path: '/v2/users/', method: 'PUT' }]);
    expect((await get('/v2/users/1001')).status).toBe(200);
    const put = await get('/v2/users/1001', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"availability_status":"available"}',
    });
    expect([put.status, put.body.error]).toEqual([405, 'Method Not Allowed']);
  });

  it('sends malformed JSON', async () => {
    await sim.setFaults([{ kind: 'malformed-json' }]);
    const response = await get('/v1/calls');
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.body)).toThrow();
  });

  it('holds a request open until the caller gives up, and can delay answers', async () => {
    await sim.setFaults([{ kind: 'timeout', count: 1 }]);
    await expect(get('/v1/ping', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await sim.setFaults([{ kind: 'latency', ms: 200, count: 1 }]);
    const started = Date.now();
    expect((await get('/v1/ping')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('answers 429 during a rate storm whatever the budget', async () => {
    await sim.setFaults([{ kind: 'rate-storm', count: 2 }]);
    expect([(await get('/v1/ping')).status, (await get('/v1/ping')).status, (await get('/v1/ping')).status]).toEqual([
      429, 429, 200,
    ]);
  });
});

it('logs every request with its status and simulated time', async () => {
  await get('/v1/calls?per_page=5');
  const [entry] = await sim.requests();
  expect(entry).toEqual({
    method: 'GET',
    path: '/v1/calls',
    query: 'per_page=5',
    status: 200,
    atMs: await sim.nowMs(),
  });
});
