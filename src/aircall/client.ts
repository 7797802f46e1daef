import { type CallRange, fetchCallRange } from './call-ranges';
import { AircallError, redactorFor } from './errors';
import type { HttpTransport } from './http';
import { describeOperation, newOperation, type OperationRecord } from './operation';
import { fetchAllPages, type Page, PER_PAGE } from './pagination';
import { RateBudget, type RateBudgetStore } from './rate-budget';
import { type ApiRequest, malformed, RequestRunner } from './request-runner';
import type {
  AircallNumber,
  AvailabilityStatus,
  Call,
  CallDirection,
  Meta,
  Tag,
  Team,
  User,
  UserAvailability,
  UserWithNumbers,
} from './types';

export type { AircallErrorKind } from './errors';
export type { OperationRecord } from './operation';
export { AircallError };

export interface AircallClientOptions {
  transport: HttpTransport;
  /** The full Authorization header value ("Basic …"). Never appears in messages. */
  authorization: string;
  /** Shared across executions so concurrent runs see one company-wide budget. */
  budgetStore?: RateBudgetStore;
  baseUrl?: string;
  /** Bound on total sleeping (rate-limit waits and retry backoff) per operation. */
  maxWaitMs?: number;
  /** Requests per window left for the company's other integrations (default 10% of the limit, at least 5). */
  reserve?: number;
}

export interface Company {
  name: string;
  users_count: number;
  numbers_count: number;
}

export interface CallSearch extends CallRange {
  userId?: number;
  direction?: CallDirection;
  /** E.164, e.g. +33176111111. */
  phoneNumber?: string;
  /** Calls carrying all of these tags. */
  tagIds?: number[];
}

/** One record per id: the resource, or null when Aircall no longer has it (404). */
export type FetchedById<T> = Map<number, T | null>;

/**
 * What a by-id fetch got before it stopped: ids not reached (deadline, budget) or failed are absent
 * from `fetched`, and `failure` says why it stopped early, so callers keep the work already done.
 */
export interface ByIdResult<T> {
  fetched: FetchedById<T>;
  failure: AircallError | null;
}

const MAX_OPERATIONS_KEPT = 50;

export class AircallClient {
  /** What each recent operation cost, oldest first (capped). */
  readonly operations: OperationRecord[] = [];
  private readonly runner: RequestRunner;
  private readonly budget: RateBudget;
  private readonly transport: HttpTransport;
  private usersPath: '/v1/users' | '/v2/users' = '/v1/users';

  constructor(options: AircallClientOptions) {
    this.transport = options.transport;
    this.budget = new RateBudget(options.budgetStore, options.reserve);
    this.runner = new RequestRunner({
      transport: options.transport,
      authorization: options.authorization,
      baseUrl: (options.baseUrl ?? 'https://api.aircall.io').replace(/\/+$/, ''),
      budget: this.budget,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      redact: redactorFor(options.authorization),
    });
  }

  get requestsMade(): number {
    return this.runner.requestsMade;
  }

  get lastOperation(): OperationRecord | undefined {
    return this.operations[this.operations.length - 1];
  }

  /** "fetched 23 pages in 3 batches" for the last operation. */
  describeLastOperation(): string {
    return this.lastOperation ? describeOperation(this.lastOperation) : '';
  }

  ping(): boolean {
    return this.operation('ping', () => (this.get('/v1/ping') as { ping?: string } | null)?.ping === 'pong');
  }

  company(): Company {
    return this.operation('company', () => field<Company>(this.get('/v1/company'), 'company'));
  }

  /** v1 is scheduled for sunset: once it answers 404/410, v2 is used for the client's lifetime. */
  listUsers(): User[] {
    return this.operation('listUsers', () => {
      if (this.usersPath === '/v1/users') {
        try {
          return fetchAllPages<User>(this.runner, { path: '/v1/users', key: 'users' });
        } catch (error) {
          if ((error as AircallError).kind !== 'not_found') throw error;
          this.usersPath = '/v2/users';
        }
      }
      return fetchAllPages<User>(this.runner, { path: this.usersPath, key: 'users' });
    });
  }

  getUser(id: number): UserWithNumbers {
    return this.operation('getUser', () => field<UserWithNumbers>(this.get(`/v1/users/${id}`), 'user'));
  }

  listAvailabilities(): UserAvailability[] {
    return this.operation('listAvailabilities', () =>
      fetchAllPages<UserAvailability>(this.runner, { path: '/v1/users/availabilities', key: 'users' }),
    );
  }

  setAvailabilityStatus(id: number, status: Exclude<AvailabilityStatus, 'custom'>): User {
    return this.operation('setAvailabilityStatus', () =>
      field<User>(
        this.runner.send({ method: 'put', path: `/v1/users/${id}`, body: { availability_status: status } }),
        'user',
      ),
    );
  }

  listTeams(): Team[] {
    return this.operation('listTeams', () => fetchAllPages<Team>(this.runner, { path: '/v1/teams', key: 'teams' }));
  }

  listNumbers(): AircallNumber[] {
    return this.operation('listNumbers', () =>
      fetchAllPages<AircallNumber>(this.runner, { path: '/v1/numbers', key: 'numbers' }),
    );
  }

  /** One number with the users assigned to it. */
  getNumber(id: number): AircallNumber {
    return this.operation('getNumber', () => field<AircallNumber>(this.get(`/v1/numbers/${id}`), 'number'));
  }

  listTags(): Tag[] {
    return this.operation('listTags', () => fetchAllPages<Tag>(this.runner, { path: '/v1/tags', key: 'tags' }));
  }

  listCalls(range: CallRange): Call[] {
    return this.operation('listCalls', () => fetchCallRange(this.runner, '/v1/calls', range));
  }

  searchCalls(search: CallSearch): Call[] {
    const { userId, direction, phoneNumber, tagIds, ...range } = search;
    return this.operation('searchCalls', () =>
      fetchCallRange(this.runner, '/v1/calls/search', range, {
        user_id: userId,
        direction,
        phone_number: phoneNumber,
        'tags[]': tagIds,
      }),
    );
  }

  /** Requests that may be sent right now without waiting (the reserve excluded), and when the window resets. */
  rateBudgetNow(): { usable: number; resetInMs: number } {
    const nowMs = this.transport.nowMs();
    return { usable: this.budget.usable(nowMs), resetInMs: this.budget.msUntilReset(nowMs) };
  }

  /**
   * Some pages of one calls query, sent together and never waiting for the rate limit: only as many
   * as the budget allows right now are sent; the others (and any not sent before `stopAtMs`) come
   * back undefined, for a later execution to fetch. Filters use /v1/calls/search, none /v1/calls.
   */
  callPages(search: CallSearch, pages: number[], stopAtMs: number): (Page<Call> | undefined)[] {
    const { userId, direction, phoneNumber, tagIds, from, to, order = 'asc' } = search;
    const filters = { user_id: userId, direction, phone_number: phoneNumber, 'tags[]': tagIds };
    const narrowed = Object.values(filters).some((value) => value !== undefined);
    const path = narrowed ? '/v1/calls/search' : '/v1/calls';
    return this.operation('callPages', () => {
      const room = Math.min(pages.length, this.rateBudgetNow().usable);
      const requests: ApiRequest[] = pages.slice(0, room).map((page) => ({
        method: 'get',
        path,
        query: { ...filters, from, to, order, page, per_page: PER_PAGE },
      }));
      this.runner.operation.pages += requests.length;
      const outcomes = this.runner.sendAll(requests, stopAtMs);
      return pages.map((page, i) => {
        const outcome = outcomes[i];
        if (!outcome) return undefined;
        if (!outcome.ok) throw outcome.error;
        const body = outcome.data as { calls?: unknown; meta?: Partial<Meta> } | null;
        if (!Array.isArray(body?.calls)) throw malformed(200, `GET ${path} page ${page}`);
        return { items: body.calls as Call[], meta: body.meta ?? {} };
      });
    });
  }

  getCall(id: number): Call {
    return this.operation('getCall', () => field<Call>(this.get(`/v1/calls/${id}`), 'call'));
  }

  /** Numbers with their users, as many as the budget allows before `stopAtMs` (the rest are absent). */
  getNumbersById(ids: number[], stopAtMs: number): ByIdResult<AircallNumber> {
    return this.operation('getNumbersById', () => this.getEach(ids, '/v1/numbers', 'number', stopAtMs));
  }

  /** Users with their numbers, as many as the budget allows before `stopAtMs` (the rest are absent). */
  getUsersById(ids: number[], stopAtMs: number): ByIdResult<UserWithNumbers> {
    return this.operation('getUsersById', () => this.getEach(ids, '/v1/users', 'user', stopAtMs));
  }

  private getEach<T>(ids: number[], path: string, key: string, stopAtMs?: number): ByIdResult<T> {
    const requests: ApiRequest[] = ids.map((id) => ({ method: 'get', path: `${path}/${id}` }));
    const outcomes = this.runner.sendAll(requests, stopAtMs);
    const fetched: FetchedById<T> = new Map();
    let failure: AircallError | null = null;
    outcomes.forEach((outcome, i) => {
      if (!outcome) return;
      if (outcome.ok) fetched.set(ids[i], field<T>(outcome.data, key));
      else if (outcome.error.kind === 'not_found') fetched.set(ids[i], null);
      else failure ??= outcome.error;
    });
    return { fetched, failure };
  }

  private get(path: string): unknown {
    return this.runner.send({ method: 'get', path });
  }

  /** Charges the requests made inside `body` to one named operation (nested calls join the outer one). */
  private operation<T>(name: string, body: () => T): T {
    if (this.active) return body();
    const op = newOperation(name);
    this.operations.push(op);
    if (this.operations.length > MAX_OPERATIONS_KEPT) this.operations.shift();
    this.runner.operation = op;
    this.active = true;
    try {
      return body();
    } finally {
      this.active = false;
    }
  }

  private active = false;
}

/** The wrapped resource of a single-record response ({"user": {...}}), or a clear error. */
function field<T>(data: unknown, key: string): T {
  const value = (data as Record<string, unknown> | null)?.[key];
  if (value === null || typeof value !== 'object') throw malformedField(key);
  return value as T;
}

function malformedField(key: string): AircallError {
  return malformed(200, `the response has no "${key}"`);
}
