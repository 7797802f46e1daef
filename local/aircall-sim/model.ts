/**
 * The simulated call center's state: agents, teams, lines (Aircall numbers), tags and calls, and the operations that
 * move a call through its life (initial → answered → done, or missed). Pure: no I/O, time only moves via advanceTo.
 * What happens when is decided elsewhere (activity.ts for random traffic, scenario.ts for scripted events).
 */

import { EventQueue } from './event-queue.js';
import type { Availability, AvailabilityStatus, CallDirection, CallStatus, MissedCallReason } from './payloads.js';

export interface Agent {
  id: number;
  name: string;
  email: string;
  createdAt: string;
  timeZone: string;
  language: string;
  /** Seconds of after_call_work after each answered call. */
  wrapUpTime: number;
  /** The agent's own setting (PUT /v1/users/:id); 'unavailable' shows as do_not_disturb. */
  availabilityStatus: AvailabilityStatus;
  /** Logged in to the phone app; offline otherwise. */
  connected: boolean;
  /** The call the agent is ringing out on or talking in; reserves the agent. */
  callId: number | null;
  wrapUntilMs: number;
  /** When the agent last became free: the longest-idle agent takes the next inbound call. */
  freeSinceMs: number;
  /** A scripted availability that wins until the next call or status change (scenario mode only). */
  forced: Availability | null;
  teamIds: number[];
  numberIds: number[];
}

export interface Line {
  id: number;
  name: string;
  digits: string;
  country: string;
  timeZone: string;
  createdAt: string;
  availabilityStatus: 'open' | 'custom' | 'closed';
  isIvr: boolean;
  userIds: number[];
}

export interface TeamRecord {
  id: number;
  name: string;
  createdAt: string;
  userIds: number[];
}

export interface TagRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface CommentRecord {
  id: number;
  content: string;
  postedMs: number;
  byUserId: number | null;
}

export interface CallRecord {
  id: number;
  direction: CallDirection;
  status: CallStatus;
  missedCallReason: MissedCallReason | null;
  startedMs: number;
  answeredMs: number | null;
  endedMs: number | null;
  rawDigits: string;
  userId: number | null;
  numberId: number;
  voicemail: string | null;
  recording: string | null;
  asset: string | null;
  tagIds: number[];
  comments: CommentRecord[];
  /** Inbound calls: the teams of the line's agents, whom the call was routed to. */
  teamIds: number[];
  /** Set when the agent who answered handed the call to another (who is then `userId`). */
  transferredById: number | null;
  transferredToId: number | null;
}

export interface Roster {
  agents: Agent[];
  teams: TeamRecord[];
  lines: Line[];
  tags: TagRecord[];
}

const ASSETS = 'https://assets.example';
/** Most calls never get a tag or a comment: they share these until they do (a day at large is 370,000 calls). */
const NO_TAGS: readonly number[] = Object.freeze([]);
const NO_COMMENTS: readonly CommentRecord[] = Object.freeze([]);

export class CallCenter {
  readonly agents: Agent[];
  readonly teams: TeamRecord[];
  readonly lines: Line[];
  readonly tags: TagRecord[];
  /** Oldest first: calls are appended as they start, so started_at is non-decreasing. */
  readonly calls: CallRecord[] = [];
  readonly events = new EventQueue();
  private readonly agentById = new Map<number, Agent>();
  private readonly callById = new Map<number, CallRecord>();
  private nextCommentId = 7001;
  nowMs: number;

  constructor(roster: Roster, startMs: number) {
    this.agents = roster.agents;
    this.teams = roster.teams;
    this.lines = roster.lines;
    this.tags = roster.tags;
    this.nowMs = startMs;
    for (const agent of this.agents) this.agentById.set(agent.id, agent);
  }

  /** Runs every event up to `ms`; time never goes backwards. */
  advanceTo(ms: number): void {
    if (ms < this.nowMs) return;
    this.events.runUntil(ms, (atMs) => {
      this.nowMs = atMs;
    });
    this.nowMs = ms;
  }

  agent(id: number): Agent | undefined {
    return this.agentById.get(id);
  }

  call(id: number): CallRecord | undefined {
    return this.callById.get(id);
  }

  line(id: number): Line | undefined {
    return this.lines.find((line) => line.id === id);
  }

  /** The live state shown by GET /v1/users/availabilities. */
  availabilityOf(agent: Agent): Availability {
    if (agent.forced) return agent.forced;
    if (!agent.connected) return 'offline';
    if (agent.callId !== null && this.callById.get(agent.callId)?.status === 'answered') return 'in_call';
    if (this.nowMs < agent.wrapUntilMs) return 'after_call_work';
    if (agent.availabilityStatus === 'unavailable') return 'do_not_disturb';
    return 'available';
  }

  /** Free to take or place a call right now. */
  isFree(agent: Agent): boolean {
    return agent.callId === null && this.availabilityOf(agent) === 'available';
  }

  setAvailabilityStatus(agent: Agent, status: AvailabilityStatus): void {
    agent.availabilityStatus = status;
    agent.forced = null;
  }

  startCall(
    id: number,
    direction: CallDirection,
    numberId: number,
    rawDigits: string,
    agent: Agent | null,
  ): CallRecord {
    const call: CallRecord = {
      id,
      direction,
      status: 'initial',
      missedCallReason: null,
      startedMs: this.nowMs,
      answeredMs: null,
      endedMs: null,
      rawDigits,
      userId: agent?.id ?? null,
      numberId,
      voicemail: null,
      recording: null,
      asset: null,
      tagIds: NO_TAGS as number[],
      comments: NO_COMMENTS as CommentRecord[],
      teamIds: NO_TAGS as number[],
      transferredById: null,
      transferredToId: null,
    };
    if (agent) agent.callId = id;
    this.calls.push(call);
    this.callById.set(id, call);
    return call;
  }

  answer(call: CallRecord, agent: Agent): void {
    call.status = 'answered';
    call.answeredMs = this.nowMs;
    call.userId = agent.id;
    agent.callId = call.id;
    agent.forced = null;
  }

  /** The agent in the call hands it to `to`, who becomes the call's agent; the first goes to after-call work. */
  transfer(call: CallRecord, to: Agent): void {
    const from = call.userId === null ? undefined : this.agentById.get(call.userId);
    if (!from || from.callId !== call.id) return;
    call.transferredById = from.id;
    call.transferredToId = to.id;
    call.userId = to.id;
    to.callId = call.id;
    to.forced = null;
    from.callId = null;
    from.wrapUntilMs = this.nowMs + from.wrapUpTime * 1000;
    from.freeSinceMs = Math.max(this.nowMs, from.wrapUntilMs);
  }

  /** An inbound call that ends without an agent. */
  miss(call: CallRecord, reason: MissedCallReason, voicemail: boolean): void {
    call.missedCallReason = reason;
    if (voicemail) {
      call.voicemail = `${ASSETS}/voicemail/${call.id}.mp3`;
      call.asset = `${ASSETS}/calls/${call.id}`;
    }
    this.finish(call);
  }

  /** Ends a call; its agent (if any) goes to after_call_work when the call was answered. */
  end(call: CallRecord, recording: boolean): void {
    if (recording && call.answeredMs !== null) {
      call.recording = `${ASSETS}/recording/${call.id}.mp3`;
      call.asset = `${ASSETS}/calls/${call.id}`;
    }
    this.finish(call);
  }

  tag(call: CallRecord, tagId: number): void {
    if (!call.tagIds.includes(tagId)) call.tagIds = [...call.tagIds, tagId];
  }

  comment(call: CallRecord, content: string): void {
    call.comments = [
      ...call.comments,
      { id: this.nextCommentId++, content, postedMs: this.nowMs, byUserId: call.userId },
    ];
  }

  private finish(call: CallRecord): void {
    call.status = 'done';
    call.endedMs = this.nowMs;
    const agent = call.userId === null ? undefined : this.agentById.get(call.userId);
    if (!agent || agent.callId !== call.id) return;
    agent.callId = null;
    agent.forced = null;
    if (call.answeredMs !== null) agent.wrapUntilMs = this.nowMs + agent.wrapUpTime * 1000;
    agent.freeSinceMs = Math.max(this.nowMs, agent.wrapUntilMs);
  }
}
