import { describe, expect, it } from '@jest/globals';
import { AircallClient, type AircallClientOptions, AircallError } from '../../src/aircall/client';
import { PROBE_BATCH, type RateBudgetState } from '../../src/aircall/rate-budget';
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
    expect(fake.requests.every((r) => r.url.includes('/v2/users?') && r.url.includes('per_page=50'))).toBe(true);
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

  it('learns the limit from the headers of a 429 (the only answer that has them) and keeps it for later runs', () => {
    let kept: number | null = null;
    const learnedLimitStore = {
      load: () => kept,
      save: (limit: number) => {
        kept = limit;
      },
    };
    const fake = new FakeAircall({ limit: 120, headersOnlyOn429: true });
    fake.calls = callsEvery(1, 8_000);
    const cold = new AircallClient({
      transport: fake,
      authorization: AUTHORIZATION,
      learnedLimitStore,
      maxWaitMs: 600_000,
    });
    expect(cold.listCalls({ from: 0, to: 2_000_000_000 })).toHaveLength(8_000);
    // Past the assumed 60 it probed a few requests at a time until Aircall said 120.
    expect(fake.rateLimitedServed).toBeGreaterThan(0);
    expect(fake.rateLimitedServed).toBeLessThanOrEqual(PROBE_BATCH);
    expect(kept).toBe(120);

    // A later run whose short-lived budget is gone (a fresh client, no budget store) plans with 120 at once.
    fake.sleep(61_000);
    const served = fake.rateLimitedServed;
    const batchesBefore = fake.batchSizes.length;
    const warm = new AircallClient({
      transport: fake,
      authorization: AUTHORIZATION,
      learnedLimitStore,
      maxWaitMs: 600_000,
    });
    expect(warm.listCalls({ from: 0, to: 2_000_000_000 })).toHaveLength(8_000);
    expect(fake.batchSizes.slice(batchesBefore, batchesBefore + 2)).toEqual([1, 120 - 12 - 1]);
    expect(fake.rateLimitedServed).toBe(served);
  });

  it('stops probing at a 429 that carries no headers at all: what was sent is then the limit', () => {
    const fake = new FakeAircall({ limit: 70, resetHeader: 'none' });
    fake.calls = callsEvery(1, 8_000);
    const client = new AircallClient({ transport: fake, authorization: AUTHORIZATION, maxWaitMs: 600_000 });
    expect(client.listCalls({ from: 0, to: 2_000_000_000 })).toHaveLength(8_000);
    // Only the first probe past the limit is refused; every later window stays under it.
    expect(fake.rateLimitedServed).toBeGreaterThan(0);
    expect(fake.rateLimitedServed).toBeLessThanOrEqual(PROBE_BATCH);
  });

  it('stays under the limit when Reset is sent in milliseconds', () => {
    const { fake, client } = setup({ limit: 60, resetHeader: 'ms' });
    fake.calls = callsEvery(1, 4_000);
    expect(client.listCalls({ from: 0, to: 2_000_000_000 })).toHaveLength(4_000);
    expect(fake.rateLimitedServed).toBe(0);
  });

  it('waits for the reset instead of bursting when other integrations used the budget', () => {
    const { fake, client } = setup({ limit: 60 });
    fake.users = makeUsers(10);
    client.company();
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
    // No headers ever: together they spend the assumed 60, then one probe finds where the limit is.
    expect(fake.rateLimitedServed).toBeLessThanOrEqual(PROBE_BATCH);
  });

  it('reads the shared budget once per batch sent, and a batch taken by one execution is not taken again by another', () => {
    let stored: RateBudgetState | null = null;
    let loads = 0;
    const budgetStore = {
      load: () => {
        loads++;
        return stored;
      },
      save: (state: RateBudgetState) => {
        stored = state;
      },
    };
    const fake = new FakeAircall({ limit: 120 });
    const open = () =>
      new AircallClient({ transport: fake, authorization: AUTHORIZATION, budgetStore, maxWaitMs: 600_000 });
    fake.users = makeUsers(40);
    open().listUsers();
    expect(loads).toBe(1);
    // Another execution takes the room this one saw: the second reads what the first spent.
    const first = open();
    const second = open();
    const before = first.rateBudgetNow().usable;
    fake.users = makeUsers(50);
    first.listUsers();
    expect(second.rateBudgetNow().usable).toBe(before - 1);
  });

  it('gives up with a rate-limited error when the wait would exceed maxWaitMs, without sending more', () => {
    const { fake, client } = setup({ limit: 60 }, { maxWaitMs: 5_000 });
    fake.otherIntegrationsUse(55);
    client.listTags();
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
    fake.script('/v1/company', status(429), status(429), status(429));
    expect(client.company().name).toBe('Acme');
    expect(fake.requestsTo('/v1/company')).toHaveLength(4);
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
    const leak = `DNS error: https://my-api-id:s3cr3t-token@api.aircall.io/v1/company ${AUTHORIZATION}`;
    fake.script('/v1/company', ...Array(4).fill(status(0, leak)));
    const error = caught(() => client.company());
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
    const error = caught(() => client.company());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(403);
    expect(error.userMessage).toBe(
      'Aircall refused the API key (HTTP 403). Check your API ID and API token in Activity Tracker › Configure.',
    );
    expect(`${error.message} ${error.stack}`).not.toMatch(/wrong-token|my-api-id/);
  });

  it('401 says no valid key was received', () => {
    const client = new AircallClient({ transport: new FakeAircall(), authorization: '' });
    const error = caught(() => client.company());
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
    fake.script('/v1/company', status(422, JSON.stringify({ error: 'Unprocessable', troubleshoot: 'Check the body' })));
    const error = caught(() => client.company());
    expect(error.kind).toBe('bad_request');
    expect(error.userMessage).toContain('Unprocessable — Check the body');
  });

  it("tells a missing record (Aircall's {error, troubleshoot}) from a route Aircall does not serve", () => {
    const { fake, client } = setup();
    fake.users = makeUsers(2);
    const gone = client.getUsersById([2, 9], fake.nowMs() + 60_000);
    expect(gone.failure).toBeNull();
    expect(gone.fetched.get(2)?.name).toBe('Agent 2');
    expect(gone.fetched.get(9)).toBeNull();

    fake.script('/v2/users/1', status(404, '{"message":"Not Found"}'));
    const retired = client.getUsersById([1], fake.nowMs() + 60_000);
    expect(retired.failure?.kind).toBe('unsupported');
    expect(retired.failure?.userMessage).toMatch(/no longer accepts GET \/v2\/users\/1 \(HTTP 404\)/);
    expect(retired.fetched.size).toBe(0);
  });

  it('never reads "not found" for every record asked as that many records gone', () => {
    const { fake, client } = setup();
    fake.users = makeUsers(3);
    const appTier = status(404, JSON.stringify({ error: 'Not found', troubleshoot: 'Check ID of the resource' }));
    for (const id of [1, 2, 3]) fake.script(`/v2/users/${id}/numbers`, appTier);
    const result = client.getUserNumbersById([1, 2, 3], fake.nowMs() + 60_000);
    expect(result.failure?.kind).toBe('unsupported');
    expect(result.failure?.userMessage).toMatch(/"not found" for all 3 records/);
    expect(result.fetched.size).toBe(0);
  });
});

describe('endpoints', () => {
  it('reads users only through User V2', () => {
    const { fake, client } = setup();
    fake.users = makeUsers(3);
    expect(client.listUsers()).toHaveLength(3);
    expect(fake.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v2/users']);
  });

  it("reads each user's lines from /v2/users/:id/numbers, following pages past 50", () => {
    const { fake, client } = setup({ limit: 600 });
    fake.users = makeUsers(3);
    const everyone = fake.users;
    fake.numbers = Array.from({ length: 120 }, (_, n) => ({
      id: 9_000 + n,
      name: `Line ${n}`,
      digits: `+33 1 00 00 ${n}`,
      users: n < 2 ? everyone.slice(0, 2) : [everyone[0]],
    }));
    const { fetched, failure } = client.getUserNumbersById([1, 2, 3], fake.nowMs() + 60_000);
    expect(failure).toBeNull();
    expect(fetched.get(1)?.map((n) => n.id)).toEqual(fake.numbers.map((n) => n.id));
    expect(fetched.get(2)?.map((n) => n.id)).toEqual([9_000, 9_001]);
    expect(fetched.get(3)).toEqual([]);
    expect(fake.requestsTo('/v2/users/1/numbers')).toHaveLength(3);
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
    const [page] = client.callPages(
      { from: 0, to: 2e9, direction: 'inbound', tagIds: [7, 8], userId: 1001 },
      [1],
      fake.nowMs() + 60_000,
    );
    expect(page?.items.map((c) => c.id)).toEqual([1]);
    expect(fake.requests[0].url).toContain('/v1/calls/search?');
    expect(fake.requests[0].url).toContain('tags%5B%5D=7&tags%5B%5D=8');
  });

  it("switches an agent's status with a JSON PUT to User V2", () => {
    const { fake, client } = setup();
    fake.users = makeUsers(2);
    expect(client.setAvailabilityStatus(2, 'unavailable').availability_status).toBe('unavailable');
    const put = fake.requests[0];
    expect([put.method, new URL(put.url).pathname, put.contentType, put.payload]).toEqual([
      'put',
      '/v2/users/2',
      'application/json',
      '{"availability_status":"unavailable"}',
    ]);
  });

  it.each([
    [405, 'unsupported'],
    [410, 'unsupported'],
    [422, 'bad_request'],
  ])('reports a status change Aircall refuses with HTTP %i as its error', (code, kind) => {
    const { fake, client } = setup();
    fake.users = makeUsers(2);
    fake.script('/v2/users/2', status(code, '{"error":"Refused","troubleshoot":"Not allowed"}'));
    const error = caught(() => client.setAvailabilityStatus(2, 'available'));
    expect([error.status, error.kind]).toEqual([code, kind]);
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
