import { describe, expect, it } from '@jest/globals';
import { AircallClient, type AircallClientOptions, AircallError } from '../../src/aircall/client';
import type { RateBudgetState } from '../../src/aircall/rate-budget';
import { AUTHORIZATION, FakeAircall, type FakeAircallOptions, makeCall, makeUsers } from './fake-transport';

function setup(fakeOptions: FakeAircallOptions = {}, clientOptions: Partial<AircallClientOptions> = {}) {
  const fake = new FakeAircall(fakeOptions);
  const client = new AircallClient({
    transport: fake,
    authorization: AUTHORIZATION,
    maxWaitMs: 600_000,
    ...clientOptions,
  });
  return { fake, client };
}

function callsEvery(seconds: number, count: number, start = 1_699_990_000): ReturnType<typeof makeCall>[] {
  return Array.from({ length: count }, (_, i) => makeCall(i + 1, start + Math.floor(i * seconds)));
}

function caught(fn: () => unknown): AircallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AircallError) return error;
    throw error;
  }
  throw new Error('expected an AircallError');
}

const status = (code: number, body = '') => ({ status: code, headers: {}, body });

describe('pagination', () => {
  it('reads page 1, then fetches the pages meta.total announces in one parallel batch', () => {
    const { fake, client } = setup();
    fake.users = makeUsers(230);
    const users = client.listUsers();
    expect(users.map((u) => u.id)).toEqual(fake.users.map((u) => u.id));
    expect(fake.batchSizes).toEqual([1, 4]);
    expect(fake.requests.every((r) => r.url.includes('per_page=50'))).toBe(true);
    expect(client.describeLastOperation()).toBe('fetched 5 pages in 2 batches');
  });

  it('keeps following next_page_link when meta.total is too low', () => {
    const { fake, client } = setup();
    fake.tags = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, name: `tag ${i + 1}` }));
    const page1 = JSON.stringify({
      tags: fake.tags.slice(0, 50),
      meta: {
        total: 60,
        count: 50,
        per_page: 50,
        current_page: 1,
        next_page_link: 'https://api.aircall.io/v1/tags?page=2',
      },
    });
    fake.script('/v1/tags', { status: 200, headers: {}, body: page1 });
    expect(client.listTags()).toHaveLength(120);
    expect(fake.requestsTo('/v1/tags')).toHaveLength(3);
  });
});

describe('rate budget', () => {
  it('fetches 6,000 calls at 60 requests a minute without a single 429, sleeping until each reset', () => {
    const { fake, client } = setup({ limit: 60 });
    fake.calls = callsEvery(1, 6_000);
    const calls = client.listCalls({ from: 0, to: 2_000_000_000 });
    expect(calls).toHaveLength(6_000);
    expect(fake.rateLimitedServed).toBe(0);
    expect(Math.max(...fake.batchSizes)).toBeLessThanOrEqual(60 - 6);
    expect(fake.slept).toBeGreaterThanOrEqual(60_000);
  });

  it('uses the limit Aircall announces instead of assuming 60', () => {
    const { fake, client } = setup({ limit: 120 });
    fake.calls = callsEvery(1, 5_000);
    client.listCalls({ from: 0, to: 2_000_000_000 });
    expect(fake.batchSizes).toEqual([1, 99]);
    expect(fake.rateLimitedServed).toBe(0);
  });

  it.each(['ms', 'none'] as const)('stays under the limit when Reset is sent as %s', (resetHeader) => {
    const { fake, client } = setup({ limit: 60, resetHeader });
    fake.calls = callsEvery(1, 4_000);
    expect(client.listCalls({ from: 0, to: 2_000_000_000 })).toHaveLength(4_000);
    expect(fake.rateLimitedServed).toBe(0);
  });

  it('waits for the reset instead of bursting when other integrations used the budget', () => {
    const { fake, client } = setup({ limit: 60 });
    fake.users = makeUsers(10);
    client.ping();
    fake.otherIntegrationsUse(55);
    fake.users = makeUsers(300);
    expect(client.listUsers()).toHaveLength(300);
    expect(fake.rateLimitedServed).toBe(0);
    expect(fake.sleeps.length).toBeGreaterThan(0);
  });

  it('shares one budget between executions through the store', () => {
    let stored: RateBudgetState | null = null;
    const budgetStore = {
      load: () => stored,
      save: (state: RateBudgetState) => {
        stored = state;
      },
    };
    const fake = new FakeAircall({ limit: 60, resetHeader: 'none' });
    fake.calls = callsEvery(1, 2_500);
    const first = new AircallClient({ transport: fake, authorization: AUTHORIZATION, budgetStore, maxWaitMs: 600_000 });
    const second = new AircallClient({
      transport: fake,
      authorization: AUTHORIZATION,
      budgetStore,
      maxWaitMs: 600_000,
    });
    first.listCalls({ from: 0, to: 2_000_000_000 });
    second.listCalls({ from: 0, to: 2_000_000_000 });
    expect(fake.rateLimitedServed).toBe(0);
  });

  it('gives up with a rate-limited error when the wait would exceed maxWaitMs, without sending more', () => {
    const { fake, client } = setup({ limit: 60 }, { maxWaitMs: 5_000 });
    fake.otherIntegrationsUse(55);
    client.ping();
    const sent = fake.requests.length;
    const error = caught(() => client.company());
    expect(error.kind).toBe('rate_limited');
    expect(error.userMessage).toMatch(/60 requests a minute/);
    expect(fake.requests.length).toBe(sent);
  });
});

describe('retries', () => {
  it('a 429 storm of 3 then success yields the data and sleeps until each reset', () => {
    const { fake, client } = setup({ limit: 60 });
    fake.calls = [makeCall(123, 1_700_000_000)];
    fake.script('/v1/calls/123', status(429), status(429), status(429));
    expect(client.getCall(123).id).toBe(123);
    expect(fake.requestsTo('/v1/calls/123')).toHaveLength(4);
    expect(fake.sleeps).toHaveLength(3);
    for (const ms of fake.sleeps) expect(ms).toBeGreaterThan(59_000);
  });

  it('retries 5xx with 1 s then 2 s backoff', () => {
    const { fake, client } = setup();
    fake.script('/v1/company', status(500), status(502));
    expect(client.company().name).toBe('Acme');
    expect(fake.sleeps).toEqual([1_000, 2_000]);
  });

  it('fails clearly after 3 retries of a server error', () => {
    const { fake, client } = setup();
    fake.script('/v1/company', ...Array(4).fill(status(503, '{"error":"Service Unavailable"}')));
    const error = caught(() => client.company());
    expect(error.kind).toBe('server');
    expect(error.userMessage).toContain('HTTP 503');
    expect(error.userMessage).toContain('Service Unavailable');
    expect(fake.sleeps).toEqual([1_000, 2_000, 4_000]);
  });

  it('retries network failures and reports them without the credentials', () => {
    const { fake, client } = setup();
    const leak = `DNS error: https://my-api-id:s3cr3t-token@api.aircall.io/v1/ping ${AUTHORIZATION}`;
    fake.script('/v1/ping', ...Array(4).fill(status(0, leak)));
    const error = caught(() => client.ping());
    expect(error.kind).toBe('network');
    expect(error.userMessage).toContain('DNS error');
    for (const secret of ['s3cr3t-token', 'my-api-id', AUTHORIZATION.slice(6)])
      expect(error.userMessage).not.toContain(secret);
  });
});

describe('errors', () => {
  it('403 yields the check-your-key message and the token never appears in it', () => {
    const fake = new FakeAircall();
    const authorization = `Basic ${Buffer.from('my-api-id:wrong-token').toString('base64')}`;
    const client = new AircallClient({ transport: fake, authorization });
    const error = caught(() => client.ping());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(403);
    expect(error.userMessage).toBe(
      'Aircall refused the API key (HTTP 403). Check your API ID and API token in Activity Tracker › Configure.',
    );
    expect(`${error.message} ${error.stack}`).not.toMatch(/wrong-token|my-api-id/);
  });

  it('401 says no valid key was received', () => {
    const client = new AircallClient({ transport: new FakeAircall(), authorization: '' });
    const error = caught(() => client.ping());
    expect([error.kind, error.status]).toEqual(['auth', 401]);
    expect(error.userMessage).toContain('HTTP 401');
  });

  it('reports an unreadable body as malformed', () => {
    const { fake, client } = setup();
    fake.script('/v1/company', status(200, '<html>Bad gateway</html>'));
    const error = caught(() => client.company());
    expect(error.kind).toBe('malformed');
    expect(error.userMessage).toContain('GET /v1/company');
  });

  it('puts the error and troubleshoot fields into the message', () => {
    const { fake, client } = setup();
    fake.script(
      '/v1/calls/9',
      status(404, JSON.stringify({ error: 'Not found', troubleshoot: 'Check ID of the resource' })),
    );
    const error = caught(() => client.getCall(9));
    expect(error.kind).toBe('not_found');
    expect(error.userMessage).toContain('Not found — Check ID of the resource');
  });
});

describe('endpoints', () => {
  it('falls back to /v2/users once /v1/users is gone, and remembers it', () => {
    const { fake, client } = setup();
    fake.users = makeUsers(3);
    fake.v1UsersGone = true;
    expect(client.listUsers()).toHaveLength(3);
    expect(client.listUsers()).toHaveLength(3);
    expect(fake.requestsTo('/v1/users')).toHaveLength(1);
    expect(fake.requestsTo('/v2/users')).toHaveLength(2);
  });

  it('searches calls with Aircall filter names, repeating tags[]', () => {
    const { fake, client } = setup();
    const urgent = { id: 7, name: 'urgent' };
    const vip = { id: 8, name: 'vip' };
    fake.calls = [
      makeCall(1, 1_700_000_000, { tags: [urgent, vip] }),
      makeCall(2, 1_700_000_010, { tags: [urgent] }),
      makeCall(3, 1_700_000_020, { tags: [urgent, vip], direction: 'outbound' }),
    ];
    const found = client.searchCalls({ from: 0, to: 2e9, direction: 'inbound', tagIds: [7, 8], userId: 1001 });
    expect(found.map((c) => c.id)).toEqual([1]);
    expect(fake.requests[0].url).toContain('tags%5B%5D=7&tags%5B%5D=8');
  });

  it('switches an agent status with a JSON PUT', () => {
    const { fake, client } = setup();
    fake.users = makeUsers(2);
    expect(client.setAvailabilityStatus(2, 'unavailable').availability_status).toBe('unavailable');
    const put = fake.requests[0];
    expect([put.method, put.contentType, put.payload]).toEqual([
      'put',
      'application/json',
      '{"availability_status":"unavailable"}',
    ]);
  });

  it('a 25,000-call range is split and returns every call once, in order', () => {
    const { fake, client } = setup({ limit: 6_000 });
    fake.calls = callsEvery(0.5, 25_000);
    const asc = client.listCalls({ from: 1_699_990_000, to: 1_700_010_000 });
    expect(asc.map((c) => c.id)).toEqual(fake.calls.map((c) => c.id));
    const desc = client.listCalls({ from: 1_699_990_000, to: 1_700_010_000, order: 'desc' });
    expect(desc.map((c) => c.id)).toEqual(fake.calls.map((c) => c.id).reverse());
  });

  it('refuses a single second holding more than 10,000 calls', () => {
    const { fake, client } = setup({ limit: 6_000 });
    fake.calls = Array.from({ length: 10_001 }, (_, i) => makeCall(i + 1, 1_700_000_000));
    expect(caught(() => client.listCalls({ from: 1_700_000_000, to: 1_700_000_001 })).kind).toBe('too_many_records');
  });
});
