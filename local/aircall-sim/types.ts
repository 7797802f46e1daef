/**
 * Types shared by the simulator's parent-side API (index.ts) and its child process (server.ts).
 * The API shapes themselves are the simulator's own (payloads.ts).
 */
import type {
  Availability,
  AvailabilityStatus,
  CallPayload,
  MissedCallReason,
  NumberPayload,
  TagPayload,
  TeamPayload,
  UserAvailabilityPayload,
  UserPayload,
} from './payloads.js';

export type Preset = 'small' | 'medium' | 'large';

export type ClockOptions =
  | { mode: 'manual'; startMs?: number }
  | { mode: 'realtime'; speed?: number; startMs?: number };

export interface SimulatorOptions {
  /** Size of the call center; default 'small'. */
  preset?: Preset;
  /** Same seed + same simulated time → same data; default 1. */
  seed?: number;
  /** Requests per minute for the whole company; default 120, the figure Aircall documents today. */
  rateLimit?: number;
  /**
   * 'retired' (default): User V1 list/retrieve/create/update answer as a removed route does (404
   * {"message":"Not Found"}), as since Aircall's 2026-09-30 sunset. 'served': they answer as before.
   */
  userV1?: 'retired' | 'served';
  /**
   * 'on-429' (default): X-AircallApi-* headers only on 429 answers, as Aircall documents ("when the
   * rate limit has been reached"). 'always': on every answer, as the simulator used to.
   */
  rateHeaders?: 'on-429' | 'always';
  apiId?: string;
  apiToken?: string;
  /** Default: manual clock starting at DEFAULT_START_MS. */
  clock?: ClockOptions;
  /** Default 0 (a free port). */
  port?: number;
  /** Pre-generate a day of past calls so history and search have data; default true. */
  history?: boolean;
  /**
   * From the simulator's start, callers arrive faster than the agents can take them (the history stays normal), so
   * the queue grows and waits pass 10 minutes.
   */
  surge?: boolean;
  /** Replay exactly these agents, lines and events instead of random activity. */
  scenario?: Scenario;
  /** The per-query record cap of list endpoints; default 10,000 (lower it to test the cap cheaply). */
  recordCap?: number;
}

export const DEFAULT_START_MS = 1_795_000_000_000;

/**
 * A scripted call center. Nothing random happens: agents, teams and lines are taken as given and only `events` change
 * the state, each applied once the clock reaches its `atMs` (events at or before the start time are applied at start).
 * - arrive: a call starts ("initial"). Inbound calls have no agent yet; outbound calls need `userId`.
 * - answer: the call is answered by `userId` (or by its outbound agent): the agent is in_call.
 * - miss:   the call ends unanswered with `reason` (inbound) — agent stays null.
 * - end:    an answered call ends ("done"); the agent is in after_call_work for its wrap_up_time, then available.
 * - status: forces an agent's availability (e.g. offline, do_not_disturb) until the next status event or call.
 */
export interface Scenario {
  agents: ScenarioAgent[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string; userIds: number[] }[];
  tags?: { id: number; name: string }[];
  events: ScenarioEvent[];
}

export interface ScenarioAgent {
  id: number;
  name: string;
  /** Default 'available'. */
  availabilityStatus?: AvailabilityStatus;
  /** Initial live state; default 'available'. */
  availability?: Availability;
  /** Seconds of after_call_work after each call; default 0. */
  wrapUpTime?: number;
}

export type ScenarioEvent =
  | {
      atMs: number;
      type: 'arrive';
      callId: number;
      numberId: number;
      direction?: 'inbound' | 'outbound';
      userId?: number;
      rawDigits?: string;
      tagIds?: number[];
    }
  | { atMs: number; type: 'answer'; callId: number; userId?: number }
  | { atMs: number; type: 'miss'; callId: number; reason: MissedCallReason; voicemail?: boolean }
  | { atMs: number; type: 'end'; callId: number; recording?: boolean }
  | { atMs: number; type: 'status'; userId: number; availability: Availability };

/** count = how many matching requests are affected (default: all until cleared); path = a prefix like '/v1/calls'. */
export type Fault =
  | { kind: 'latency'; ms: number; count?: number; path?: string }
  | {
      kind: 'status';
      status: 404 | 405 | 410 | 422 | 500 | 502 | 503 | 504;
      count?: number;
      path?: string;
      method?: string;
    }
  | { kind: 'timeout'; count?: number; path?: string }
  | { kind: 'rate-storm'; count?: number; path?: string }
  | { kind: 'malformed-json'; count?: number; path?: string }
  /** The key is revoked once `after` more API requests have been answered: a key revoked mid-run. */
  | { kind: 'revoke-key'; after: number };

export interface RequestLogEntry {
  method: string;
  path: string;
  /** The raw query string without '?' ('' when none). */
  query: string;
  /** 0 when the request was held open by a timeout fault. */
  status: number;
  /** Simulated time when the request arrived. */
  atMs: number;
}

/** The simulation's own state, in API shapes, for test expectations. */
export interface GroundTruth {
  nowMs: number;
  users: UserPayload[];
  teams: TeamPayload[];
  numbers: NumberPayload[];
  /** user id → ids of the lines (numbers) the user is assigned to. */
  userNumbers: Record<string, number[]>;
  availabilities: UserAvailabilityPayload[];
  tags: TagPayload[];
  /** Every call so far, oldest first (empty when truth was asked with calls=false). */
  calls: CallPayload[];
}
