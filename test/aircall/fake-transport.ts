/**
 * A scripted in-memory Aircall behind the HttpTransport interface, on a virtual clock: per-company
 * rate limit with X-AircallApi-* headers, 429s, pagination with the 10,000-record cap, and injected
 * failures. Tests read what it saw (requests, batches, sleeps, 429s served).
 */
import type { HttpRequest, HttpResponse, HttpTransport } from '../../src/aircall/http';
import type { AircallNumber, Call, Tag, Team, User, UserAvailability } from '../../src/aircall/types';

export const AUTHORIZATION = `Basic ${Buffer.from('my-api-id:s3cr3t-token').toString('base64')}`;

export interface FakeAircallOptions {
  /** Requests per minute for the company. */
  limit?: number;
  /** How X-AircallApi-Reset is sent, or 'none' to send no rate headers. */
  resetHeader?: 'seconds' | 'ms' | 'none';
  /** Time one fetchAll takes on the virtual clock. */
  latencyMs?: number;
  /** Rate headers only on 429 answers, as Aircall documents; default: on every answer. */
  headersOnlyOn429?: boolean;
  startMs?: number;
}

type Scripted = { matches: (request: HttpRequest) => boolean; responses: HttpResponse[] };

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });
const CAP = 10_000;

export class FakeAircall implements HttpTransport {
  users: User[] = [];
  numbers: AircallNumber[] = [];
  teams: Team[] = [];
  tags: Tag[] = [];
  calls: Call[] = [];
  availabilities: UserAvailability[] = [];

  readonly requests: HttpRequest[] = [];
  readonly batchSizes: number[] = [];
  readonly sleeps: number[] = [];
  rateLimitedServed = 0;
  private clock: number;
  private windowStartMs: number | null = null;
  private used = 0;
  private readonly scripted: Scripted[] = [];
  readonly limit: number;
  private readonly resetHeader: 'seconds' | 'ms' | 'none';
  private readonly latencyMs: number;
  private readonly headersOnlyOn429: boolean;

  constructor(options: FakeAircallOptions = {}) {
    this.limit = options.limit ?? 60;
    this.headersOnlyOn429 = options.headersOnlyOn429 ?? false;
    this.resetHeader = options.resetHeader ?? 'seconds';
    this.latencyMs = options.latencyMs ?? 200;
    this.clock = options.startMs ?? 1_700_000_000_000;
  }

  nowMs(): number {
    return this.clock;
  }

  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.clock += ms;
  }

  get slept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }

  /** The next requests whose URL contains `pathPart` get these responses, one each, in order. */
  script(pathPart: string, ...responses: HttpResponse[]): void {
    this.scripted.push({ matches: (r) => new URL(r.url).pathname === pathPart, responses });
  }

  /** Requests the company's other integrations make in the current window. */
  otherIntegrationsUse(count: number): void {
    this.rollWindow();
    this.used += count;
  }

  requestsTo(path: string): HttpRequest[] {
    return this.requests.filter((r) => new URL(r.url).pathname === path);
  }

  fetchAll(requests: HttpRequest[]): HttpResponse[] {
    this.batchSizes.push(requests.length);
    this.requests.push(...requests);
    const responses = requests.map((r) => this.handle(r));
    this.clock += this.latencyMs;
    return responses;
  }

  private rollWindow(): void {
    if (this.windowStartMs === null || this.clock >= this.windowStartMs + 60_000) {
      this.windowStartMs = this.clock;
      this.used = 0;
    }
  }

  private rateHeaders(): Record<string, string> {
    if (this.resetHeader === 'none') return {};
    const resetMs = (this.windowStartMs ?? this.clock) + 60_000;
    return {
      'x-aircallapi-limit': String(this.limit),
      'X-AircallApi-Remaining': String(Math.max(0, this.limit - this.used)),
      'X-AIRCALLAPI-RESET': String(this.resetHeader === 'ms' ? resetMs : Math.ceil(resetMs / 1000)),
    };
  }

  private handle(request: HttpRequest): HttpResponse {
    const auth = request.headers.Authorization;
    if (!auth) return json(401, { message: 'Unauthorized' });
    if (auth !== AUTHORIZATION) return json(403, { message: 'Forbidden' });
    this.rollWindow();
    this.used++;
    if (this.used > this.limit) {
      this.rateLimitedServed++;
      return { status: 429, headers: this.rateHeaders(), body: '' };
    }
    const scripted = this.scripted.find((s) => s.matches(request) && s.responses.length > 0);
    const response = scripted ? scripted.responses.shift()! : this.route(request);
    if (response.status === 429) this.rateLimitedServed++;
    if (this.headersOnlyOn429 && response.status !== 429) return response;
    return { ...response, headers: { ...this.rateHeaders(), ...response.headers } };
  }

  private route(request: HttpRequest): HttpResponse {
    const url = new URL(request.url);
    const path = url.pathname;
    const q = url.searchParams;
    const one = (key: string, value: unknown) => (value ? json(200, { [key]: value }) : json(404, notFound));
    const notFound = { error: 'Not found', troubleshoot: 'Check ID of the resource' };
    const idIn = (pattern: RegExp) => {
      const match = path.match(pattern);
      return match ? Number(match[1]) : undefined;
    };
    if (path === '/v1/ping') return json(200, { ping: 'pong' });
    if (path === '/v1/company')
      return json(200, {
        company: { name: 'Acme', users_count: this.users.length, numbers_count: this.numbers.length },
      });
    if (path === '/v1/users/availabilities') return this.list(url, 'users', this.availabilities);
    if (path === '/v2/users') return this.list(url, 'users', this.users);
    if (path === '/v1/teams') return this.list(url, 'teams', this.teams);
    if (path === '/v1/tags') return this.list(url, 'tags', this.tags);
    if (path === '/v1/numbers') return this.list(url, 'numbers', this.numbers);
    const userNumbersOf = idIn(/^\/v2\/users\/(\d+)\/numbers$/);
    if (userNumbersOf !== undefined) {
      if (!this.users.some((u) => u.id === userNumbersOf)) return json(404, notFound);
      const numbers = this.numbers.filter((n) => n.users?.some((u) => u.id === userNumbersOf));
      return this.list(
        url,
        'numbers',
        numbers.map(({ users, ...n }) => n),
      );
    }
    const userId = idIn(/^\/v2\/users\/(\d+)$/);
    if (userId !== undefined) {
      const user = this.users.find((u) => u.id === userId);
      if (user && request.method === 'put') Object.assign(user, JSON.parse(request.payload ?? '{}'));
      return one('user', user);
    }
    const numberId = idIn(/^\/v1\/numbers\/(\d+)$/);
    if (numberId !== undefined)
      return one(
        'number',
        this.numbers.find((n) => n.id === numberId),
      );
    const callId = idIn(/^\/v1\/calls\/(\d+)$/);
    if (callId !== undefined)
      return one(
        'call',
        this.calls.find((c) => c.id === callId),
      );
    if (path === '/v1/calls' || path === '/v1/calls/search') {
      const from = Number(q.get('from') ?? 0);
      const to = Number(q.get('to') ?? Number.MAX_SAFE_INTEGER);
      const tags = q.getAll('tags[]').map(Number);
      let calls = this.calls.filter((c) => c.started_at >= from && c.started_at <= to);
      if (path === '/v1/calls/search')
        calls = calls.filter(
          (c) =>
            (!q.has('user_id') || c.user?.id === Number(q.get('user_id'))) &&
            (!q.has('direction') || c.direction === q.get('direction')) &&
            (!q.has('phone_number') || c.raw_digits === q.get('phone_number')) &&
            tags.every((t) => c.tags.some((tag) => tag.id === t)),
        );
      calls = [...calls].sort((a, b) => a.started_at - b.started_at || a.id - b.id);
      if (q.get('order') === 'desc') calls.reverse();
      return this.list(url, 'calls', calls);
    }
    return json(404, { message: 'Not Found' });
  }

  private list(url: URL, key: string, records: unknown[]): HttpResponse {
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Number(url.searchParams.get('per_page') ?? 20);
    if (perPage < 1 || perPage > 50) return json(400, { error: 'Bad request', troubleshoot: 'per_page must be 1-50' });
    const reachable = Math.min(records.length, CAP);
    const items = records.slice((page - 1) * perPage, Math.min(page * perPage, reachable));
    const link = (p: number) => {
      const next = new URL(url);
      next.searchParams.set('page', String(p));
      return next.toString();
    };
    const meta = {
      count: items.length,
      total: records.length,
      current_page: page,
      per_page: perPage,
      next_page_link: page * perPage < reachable ? link(page + 1) : null,
      previous_page_link: page > 1 ? link(page - 1) : null,
    };
    return json(200, { [key]: items, meta });
  }
}

/** A finished inbound call by default. */
export function makeCall(id: number, startedAt: number, overrides: Partial<Call> = {}): Call {
  return {
    id,
    direct_link: `https://api.aircall.io/v1/calls/${id}`,
    direction: 'inbound',
    status: 'done',
    missed_call_reason: null,
    started_at: startedAt,
    answered_at: startedAt + 5,
    ended_at: startedAt + 65,
    duration: 65,
    raw_digits: '+33 6 12 34 56 78',
    voicemail: null,
    recording: `https://recordings.aircall.io/${id}.mp3?signature=${'x'.repeat(120)}`,
    asset: `https://assets.aircall.io/calls/${id}/recording`,
    user: {
      id: 1000 + (id % 7),
      name: `Agent ${id % 7}`,
      email: `agent${id % 7}@acme.test`,
      time_zone: 'Europe/Paris',
    },
    number: { id: 500 + (id % 3), name: `Line ${id % 3}`, digits: '+33 1 76 11 11 11', country: 'FR' },
    tags: [],
    comments: [],
    ...overrides,
  };
}

export function makeUsers(count: number): User[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `Agent ${i + 1}`,
    availability_status: 'available',
  }));
}
