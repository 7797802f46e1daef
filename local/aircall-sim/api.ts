/**
 * The Aircall Public API endpoints (docs/aircall-notes.md#endpoints), answered from the call center's current state. Auth, rate
 * limiting and faults are applied before this by server.ts; this module only knows resources.
 */

import type { Agent, CallCenter, CallRecord } from './model.js';
import { ApiError, badRequest, type PageQuery, paginate, parsePageQuery, windowRange } from './paging.js';
import type { AvailabilityStatus } from './payloads.js';
import { numberWithUsers, toCall, toNumber, toTag, toTeam, toUser, toUserV1WithNumbers } from './shapes.js';

export interface ApiRequest {
  method: string;
  path: string;
  params: URLSearchParams;
  contentType: string;
  body: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export const NOT_FOUND: ApiResponse = { status: 404, body: { message: 'Not Found' } };

const notFound = () => new ApiError(404, 'Not Found', 'Check ID of the resource');
const AVAILABILITY_STATUSES: AvailabilityStatus[] = ['available', 'custom', 'unavailable'];

type Handler = (center: CallCenter, request: ApiRequest, match: string[], recordCap: number) => unknown;

export interface ApiOptions {
  recordCap: number;
  /** Whether the retired User V1 list/retrieve/create/update routes still answer. */
  userV1Served: boolean;
}

/** User V1 routes Aircall retired on 2026-09-30 (availabilities stay). */
const USER_V1_RETIRED = /^\/v1\/users(\/(?!availabilities$)[^/]+)?$/;

/** Routes are tried in order, so fixed segments (availabilities, search) come before :id. */
const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/v1\/ping$/, () => ({ ping: 'pong' })],
  [
    'GET',
    /^\/v1\/company$/,
    (center) => ({
      company: { name: 'Simulated Call Center', users_count: center.agents.length, numbers_count: center.lines.length },
    }),
  ],
  ['GET', /^\/v1\/users\/availabilities$/, listAvailabilities],
  ['GET', /^\/v1\/users\/([^/]+)\/availability$/, (center, _r, [id]) => ({ availability: availabilityOf(center, id) })],
  ['GET', /^\/v[12]\/users$/, listUsers],
  [
    'GET',
    /^\/v1\/users\/([^/]+)$/,
    (center, _r, [id]) => ({ user: toUserV1WithNumbers(center, findAgent(center, id)) }),
  ],
  ['GET', /^\/v2\/users\/([^/]+)$/, (center, _r, [id]) => ({ user: toUser(findAgent(center, id)) })],
  ['GET', /^\/v2\/users\/([^/]+)\/numbers$/, listUserNumbers],
  [
    'PUT',
    /^\/v1\/users\/([^/]+)$/,
    (center, request, [id]) => ({ user: toUserV1WithNumbers(center, updateUser(center, request, id)) }),
  ],
  ['PUT', /^\/v2\/users\/([^/]+)$/, (center, request, [id]) => ({ user: toUser(updateUser(center, request, id)) })],
  ['GET', /^\/v1\/teams$/, listTeams],
  ['GET', /^\/v1\/teams\/(\d+)$/, (center, _r, [id]) => ({ team: toTeam(center, find(center.teams, id)) })],
  ['GET', /^\/v1\/numbers$/, listNumbers],
  [
    'GET',
    /^\/v1\/numbers\/(\d+)$/,
    (center, _r, [id]) => ({ number: numberWithUsers(center, find(center.lines, id)) }),
  ],
  ['GET', /^\/v1\/tags$/, listTags],
  ['GET', /^\/v1\/calls$/, (center, request, _m, cap) => listCalls(center, request, cap, false)],
  ['GET', /^\/v1\/calls\/search$/, (center, request, _m, cap) => listCalls(center, request, cap, true)],
  ['GET', /^\/v1\/calls\/(\d+)$/, (center, _r, [id]) => ({ call: toCall(center, findCall(center, id)) })],
];

export function handleApi(center: CallCenter, request: ApiRequest, options: ApiOptions): ApiResponse {
  const { recordCap } = options;
  if (!options.userV1Served && USER_V1_RETIRED.test(request.path)) return NOT_FOUND;
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(request.path);
    if (!match || method !== request.method) continue;
    try {
      return { status: 200, body: handler(center, request, match.slice(1), recordCap) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: { error: error.error, troubleshoot: error.troubleshoot } };
    }
  }
  return NOT_FOUND;
}

/** :id may be a user id or an email address (v1). */
function findAgent(center: CallCenter, key: string): Agent {
  const decoded = decodeURIComponent(key);
  const agent = /^\d+$/.test(decoded) ? center.agent(Number(decoded)) : center.agents.find((a) => a.email === decoded);
  if (!agent) throw notFound();
  return agent;
}

function find<T extends { id: number }>(items: readonly T[], id: string): T {
  const item = items.find((candidate) => candidate.id === Number(id));
  if (!item) throw notFound();
  return item;
}

function findCall(center: CallCenter, id: string): CallRecord {
  const call = center.call(Number(id));
  if (!call) throw notFound();
  return call;
}

function availabilityOf(center: CallCenter, id: string) {
  return center.availabilityOf(findAgent(center, id));
}

function createdWithin(query: PageQuery, createdAt: string): boolean {
  const sec = Math.floor(Date.parse(createdAt) / 1000);
  return (query.fromSec === null || sec >= query.fromSec) && (query.toSec === null || sec <= query.toSec);
}

/** Users and numbers accept from/to on their creation date. */
function agentsCreatedWithin(center: CallCenter, query: PageQuery): Agent[] {
  return center.agents.filter((agent) => createdWithin(query, agent.createdAt));
}

function listUsers(center: CallCenter, request: ApiRequest, _m: string[], cap: number) {
  const query = parsePageQuery(request.params);
  const page = paginate(agentsCreatedWithin(center, query), query, request.path, request.params, cap);
  return { users: page.items.map(toUser), meta: page.meta };
}

/** GET /v2/users/:id/numbers: the user's numbers, paginated, without their users. */
function listUserNumbers(center: CallCenter, request: ApiRequest, [id]: string[], cap: number) {
  const agent = findAgent(center, id);
  const query = { ...parsePageQuery(request.params), fromSec: null, toSec: null };
  const lines = agent.numberIds.map((lineId) => center.line(lineId)!);
  const page = paginate(lines, query, request.path, request.params, cap);
  return { numbers: page.items.map((line) => toNumber(line)), meta: page.meta };
}

function listAvailabilities(center: CallCenter, request: ApiRequest, _m: string[], cap: number) {
  const query = parsePageQuery(request.params);
  const page = paginate(agentsCreatedWithin(center, query), query, request.path, request.params, cap);
  return {
    users: page.items.map((agent) => ({ id: agent.id, availability: center.availabilityOf(agent) })),
    meta: page.meta,
  };
}

/** Teams take no from/to window. */
function listTeams(center: CallCenter, request: ApiRequest, _m: string[], cap: number) {
  const query = { ...parsePageQuery(request.params), fromSec: null, toSec: null };
  const page = paginate(center.teams, query, request.path, request.params, cap);
  return { teams: page.items.map((team) => toTeam(center, team)), meta: page.meta };
}

function listNumbers(center: CallCenter, request: ApiRequest, _m: string[], cap: number) {
  const query = parsePageQuery(request.params);
  const lines = center.lines.filter((line) => createdWithin(query, line.createdAt));
  const page = paginate(lines, query, request.path, request.params, cap);
  return { numbers: page.items.map((line) => numberWithUsers(center, line)), meta: page.meta };
}

function listTags(center: CallCenter, request: ApiRequest, _m: string[], cap: number) {
  const query = parsePageQuery(request.params);
  const page = paginate(center.tags, query, request.path, request.params, cap);
  return { tags: page.items.map(toTag), meta: page.meta };
}

function listCalls(center: CallCenter, request: ApiRequest, cap: number, search: boolean) {
  const query = parsePageQuery(request.params);
  const [lo, hi] = windowRange(center.calls.length, (i) => Math.floor(center.calls[i].startedMs / 1000), query);
  let calls = center.calls.slice(lo, hi);
  if (search) calls = calls.filter(searchFilter(request.params));
  const page = paginate(calls, query, request.path, request.params, cap);
  return { calls: page.items.map((call) => toCall(center, call)), meta: page.meta };
}

const digitsOnly = (text: string) => text.replace(/\D/g, '');

/** /calls/search filters: user_id, direction, phone_number (digits compared), tags[] (tag ids, all required). */
function searchFilter(params: URLSearchParams): (call: CallRecord) => boolean {
  const userId = params.get('user_id');
  const direction = params.get('direction');
  if (direction && direction !== 'inbound' && direction !== 'outbound') {
    throw badRequest('direction must be inbound or outbound');
  }
  const phone = params.get('phone_number');
  const phoneDigits = phone ? digitsOnly(phone) : '';
  const tagIds = params.getAll('tags[]').map(Number);
  return (call) =>
    (!userId || call.userId === Number(userId)) &&
    (!direction || call.direction === direction) &&
    (!phone || digitsOnly(call.rawDigits) === phoneDigits) &&
    tagIds.every((id) => call.tagIds.includes(id));
}

function updateUser(center: CallCenter, request: ApiRequest, id: string): Agent {
  const agent = findAgent(center, id);
  if (!request.contentType.toLowerCase().startsWith('application/json')) {
    throw badRequest('Content-Type must be application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body || '{}');
  } catch {
    throw badRequest('The body must be valid JSON');
  }
  const status = (body as { availability_status?: unknown }).availability_status;
  if (status !== undefined) {
    if (!AVAILABILITY_STATUSES.includes(status as AvailabilityStatus)) {
      throw badRequest('availability_status must be available, custom or unavailable');
    }
    center.setAvailabilityStatus(agent, status as AvailabilityStatus);
  }
  return agent;
}
