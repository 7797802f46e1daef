import { type CallRange, callRangeList, fetchCallRange } from './call-ranges';
import type { Deadline } from './deadline';
import { AircallError, redactorFor } from './errors';
import type { HttpTransport } from './http';
import {
  fetchAllPages,
  fetchListsTogether,
  fetchRemainingPages,
  type ListQuery,
  type Page,
  PER_PAGE,
} from './pagination';
import { type LearnedLimitStore, RateBudget, type RateBudgetStore } from './rate-budget';
import { type ApiRequest, malformed, type Outcome, RequestRunner } from './request-runner';
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
} from './types';

export type { AircallErrorKind } from './errors';
export { AircallError };

export interface AircallClientOptions {
  transport: HttpTransport;
  /** The full Authorization header value ("Basic …"). Never appears in messages. */
  authorization: string;
  /** Shared across executions so concurrent runs see one company-wide budget. */
  budgetStore?: RateBudgetStore;
  /** Where the limit Aircall states (on its 429s) is kept between executions. */
  learnedLimitStore?: LearnedLimitStore;
  baseUrl?: string;
  /** Bound on total sleeping (rate-limit waits and retry backoff) over the client's life (one execution). */
  maxWaitMs?: number;
  /** Requests per window left for the company's other integrations (default 10% of the limit, at least 5). */
  reserve?: number;
  /** When this execution's Aircall work must be over (see deadline.ts). */
  deadline?: Deadline;
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

/** One record per id: the resource, or null when Aircall no longer has it (an application-tier 404). */
export type FetchedById<T> = Map<number, T | null>;

/**
 * What a by-id fetch got before it stopped: ids not reached (deadline, budget) or failed are absent
 * from `fetched`, and `failure` says why it stopped early, so callers keep the work already done.
 */
export interface ByIdResult<T> {
  fetched: FetchedById<T>;
  failure: AircallError | null;
}

/**
 * Users are read through User V2 (/v2/users…): Aircall retired User V1 list, retrieve, create and
 * update on 2026-09-30. /v1 stays for availabilities, teams, numbers, tags and calls. See
 * docs/aircall-notes.md.
 */
export class AircallClient {
  private readonly runner: RequestRunner;
  private readonly budget: RateBudget;
  private readonly transport: HttpTransport;

  constructor(options: AircallClientOptions) {
    this.transport = options.transport;
    this.budget = new RateBudget(options.budgetStore, options.reserve, options.learnedLimitStore);
    this.runner = new RequestRunner({
      transport: options.transport,
      authorization: options.authorization,
      baseUrl: (options.baseUrl ?? 'https://api.aircall.io').replace(/\/+$/, ''),
      budget: this.budget,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      redact: redactorFor(options.authorization),
      deadline: options.deadline,
    });
  }

  get requestsMade(): number {
    return this.runner.requestsMade;
  }

  /** Time this client has slept for Aircall's rate limit and retries. */
  get waitedMs(): number {
    return this.runner.sleptMs;
  }

  company(): Company {
    return field<Company>(this.runner.send({ method: 'get', path: '/v1/company' }), 'company');
  }

  listUsers(): User[] {
    return fetchAllPages<User>(this.runner, { path: '/v2/users', key: 'users' });
  }

  listAvailabilities(): UserAvailability[] {
    return fetchAllPages<UserAvailability>(this.runner, { path: '/v1/users/availabilities', key: 'users' });
  }

  /** PUT /v2/users/:id; a refusal (404/405/410/422) comes back as its AircallError. */
  setAvailabilityStatus(id: number, status: Exclude<AvailabilityStatus, 'custom'>): User {
    return field<User>(
      this.runner.send({ method: 'put', path: `/v2/users/${id}`, body: { availability_status: status } }),
      'user',
    );
  }

  listTeams(): Team[] {
    return fetchAllPages<Team>(this.runner, { path: '/v1/teams', key: 'teams' });
  }

  listNumbers(): AircallNumber[] {
    return fetchAllPages<AircallNumber>(this.runner, { path: '/v1/numbers', key: 'numbers' });
  }

  listTags(): Tag[] {
    return fetchAllPages<Tag>(this.runner, { path: '/v1/tags', key: 'tags' });
  }

  listCalls(range: CallRange): Call[] {
    return fetchCallRange(this.runner, '/v1/calls', range);
  }

  /**
   * The calls of `range` and the agents' availabilities, their pages sent together: one round trip
   * when the expected counts hold, instead of four when the two lists are read one after the other.
   * `availabilityPages` reads only those pages (availability-rotation.ts); null reads every page.
   * `agents` is how many agents Aircall lists in all (null when the pages read did not say).
   */
  listCallsAndAvailabilities(
    range: CallRange,
    expected: { calls: number; agents: number; availabilityPages?: number[] | null },
  ): { calls: Call[]; availabilities: UserAvailability[]; agents: number | null } {
    const availabilitiesList: ListQuery = { path: '/v1/users/availabilities', key: 'users' };
    const pagesFor = (records: number) => Math.max(1, Math.ceil(records / PER_PAGE));
    const [calls, availabilities] = fetchListsTogether<Call | UserAvailability>(this.runner, [
      { list: callRangeList('/v1/calls', range), expectedPages: pagesFor(expected.calls) },
      {
        list: availabilitiesList,
        expectedPages: pagesFor(expected.agents),
        onlyPages: expected.availabilityPages ?? undefined,
      },
    ]);
    const everyAvailability = (availabilities.items as UserAvailability[] | null) ?? this.listAvailabilities();
    return {
      // More than Aircall's record cap: the range is split in parts (call-ranges.ts), or the error says why.
      calls: (calls.items as Call[] | null) ?? this.listCalls(range),
      availabilities: everyAvailability,
      agents: availabilities.items === null ? everyAvailability.length : availabilities.total,
    };
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
    const room = Math.min(pages.length, this.rateBudgetNow().usable);
    const requests: ApiRequest[] = pages.slice(0, room).map((page) => ({
      method: 'get',
      path,
      query: { ...filters, from, to, order, page, per_page: PER_PAGE },
    }));
    const outcomes = this.runner.sendAll(requests, stopAtMs);
    return pages.map((page, i) => {
      const outcome = outcomes[i];
      if (!outcome) return undefined;
      if (!outcome.ok) throw outcome.error;
      const body = outcome.data as { calls?: unknown; meta?: Partial<Meta> } | null;
      if (!Array.isArray(body?.calls)) throw malformed(200, `GET ${path} page ${page}`);
      return { items: body.calls as Call[], meta: body.meta ?? {} };
    });
  }

  /** Numbers with their users, as many as the budget allows before `stopAtMs` (the rest are absent). */
  getNumbersById(ids: number[], stopAtMs: number): ByIdResult<AircallNumber> {
    const requests = ids.map((id): ApiRequest => ({ method: 'get', path: `/v1/numbers/${id}` }));
    return this.getEach(ids, requests, stopAtMs, (data) => field<AircallNumber>(data, 'number'));
  }

  /** Users (User V2: no numbers), as many as the budget allows before `stopAtMs` (the rest are absent). */
  getUsersById(ids: number[], stopAtMs: number): ByIdResult<User> {
    const requests = ids.map((id): ApiRequest => ({ method: 'get', path: `/v2/users/${id}` }));
    return this.getEach(ids, requests, stopAtMs, (data) => field<User>(data, 'user'));
  }

  /**
   * The numbers (lines) of each user, from GET /v2/users/:id/numbers: page 1 of every user in
   * parallel, then any further pages of the few users on more than 50 lines.
   */
  getUserNumbersById(ids: number[], stopAtMs: number): ByIdResult<AircallNumber[]> {
    const list = (id: number): ListQuery => ({ path: `/v2/users/${id}/numbers`, key: 'numbers' });
    const requests = ids.map(
      (id): ApiRequest => ({ method: 'get', path: list(id).path, query: { page: 1, per_page: PER_PAGE } }),
    );
    const result = this.getEach(ids, requests, stopAtMs, (data) => firstPage<AircallNumber>(data, 'numbers'));
    const fetched: FetchedById<AircallNumber[]> = new Map();
    let failure = result.failure;
    for (const [id, first] of result.fetched) {
      if (!first) {
        fetched.set(id, null);
        continue;
      }
      try {
        fetched.set(id, first.meta.next_page_link ? fetchRemainingPages(this.runner, list(id), first) : first.items);
      } catch (error) {
        if (!(error instanceof AircallError)) throw error;
        failure ??= error;
      }
    }
    return { fetched, failure };
  }

  /**
   * Sends one request per id. An application-tier 404 means that record is gone (null); anything
   * else that fails stops the work with `failure`. So does a batch whose every answer was a 404:
   * that is Aircall not serving the request, not every record vanishing at once.
   */
  private getEach<T>(
    ids: number[],
    requests: ApiRequest[],
    stopAtMs: number,
    read: (data: unknown) => T,
  ): ByIdResult<T> {
    const outcomes = this.runner.sendAll(requests, stopAtMs);
    const fetched: FetchedById<T> = new Map();
    let failure: AircallError | null = null;
    outcomes.forEach((outcome: Outcome | undefined, i) => {
      if (!outcome) return;
      if (outcome.ok) fetched.set(ids[i], read(outcome.data));
      else if (outcome.error.kind === 'not_found') fetched.set(ids[i], null);
      else failure ??= outcome.error;
    });
    const gone = [...fetched.values()].filter((value) => value === null).length;
    if (gone > 1 && gone === fetched.size && !failure) {
      const first = outcomes.find((o): o is Extract<Outcome, { ok: false }> => !!o && !o.ok);
      return { fetched: new Map(), failure: everyRecordMissing(first?.error, gone) };
    }
    return { fetched, failure };
  }
}

function everyRecordMissing(example: AircallError | undefined, count: number): AircallError {
  const detail = example ? ` (${example.userMessage.replace(/\.$/, '')})` : '';
  return new AircallError(
    'unsupported',
    404,
    `Aircall answered "not found" for all ${count} records asked${detail}. Aircall may no longer offer this request; nothing was changed.`,
  );
}

/** The wrapped resource of a single-record response ({"user": {...}}), or a clear error. */
function field<T>(data: unknown, key: string): T {
  const value = (data as Record<string, unknown> | null)?.[key];
  if (value === null || typeof value !== 'object') throw malformedField(key);
  return value as T;
}

/** Page 1 of a list response ({"numbers": [...], "meta": {...}}), or a clear error. */
function firstPage<T>(data: unknown, key: string): Page<T> {
  const body = data as Record<string, unknown> | null;
  const items = body?.[key];
  if (!Array.isArray(items)) throw malformedField(key);
  return { items: items as T[], meta: (body?.meta ?? {}) as Partial<Meta> };
}

function malformedField(key: string): AircallError {
  return malformed(200, `the response has no "${key}"`);
}
