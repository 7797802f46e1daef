/**
 * Random call-center traffic shaped like a real one (figures in bench/results.md, printed by `npm run traffic`):
 * - inbound arrivals per line sized to the agents who staff it, for a target occupancy (about 60 % at small, 85 % at
 *   medium, 80 % at large), plus a little traffic to the line nobody answers;
 * - callers queue per line, first come first served, and an agent who becomes free takes the longest-waiting caller of
 *   their lines; nothing caps a wait: when a line is understaffed (the surge scenario) waits grow past 10 minutes;
 * - callers give up after a patience drawn per caller, so abandonment is 5–10 % in the normal state and grows with waits;
 * - some answered calls are transferred to a colleague, who becomes the call's agent;
 * - free agents with no one waiting on their lines place outbound calls; agents log in and out and take breaks.
 * Everything is scheduled on the center's event queue and drawn from one seeded stream, so the same seed and the same
 * clock always produce the same calls.
 */
import type { Agent, CallCenter, CallRecord, Line } from './model.js';
import type { MissedCallReason } from './payloads.js';
import type { Rng } from './rng.js';
import { HOSTILE } from './roster.js';
import type { Preset } from './types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Target occupancy (time in calls and after-call work over time working) and past traffic generated at start. */
export const TRAFFIC: Record<Preset, { occupancy: number; historyMs: number }> = {
  small: { occupancy: 0.6, historyMs: 24 * HOUR },
  medium: { occupancy: 0.85, historyMs: 24 * HOUR },
  large: { occupancy: 0.8, historyMs: 24 * HOUR },
};

/** Arrivals in the surge scenario, relative to normal: more than the agents can take, so the queue keeps growing. */
export const SURGE_FACTOR = 6;
/**
 * Share of the day an agent is logged in and not on a break, as the presence model below settles (measured by
 * `npm run traffic`): agents on a call stay logged in until it ends.
 */
const WORKING_SHARE = 0.97;
/** Share of agents' busy time spent on outbound calls. */
const OUTBOUND_SHARE = 0.15;
/** Mean talk time: 30 s plus a long tail up to 10 min (30 + 570·u³ has mean 172.5 s). */
const MEAN_TALK_MS = 172.5 * SECOND;
/** The line no one answers gets this share of a line's usual traffic. */
const UNSTAFFED_SHARE = 0.1;
/** Time an offered call rings before the agent picks up. */
const RING_MS: [number, number] = [2 * SECOND, 8 * SECOND];
const TRANSFER_SHARE = 0.05;
const COMMENTS = ['Please call back this customer!', 'Asked about the last invoice', HOSTILE.formula, HOSTILE.imgTag];

export interface TrafficOptions {
  /** Arrivals multiplied by SURGE_FACTOR from the simulator's start (history stays normal). */
  surgeFromMs?: number;
}

export class RandomActivity {
  private nextCallId = 100_000_001;
  /** Callers waiting per line, oldest first. */
  private readonly queues = new Map<number, CallRecord[]>();
  /** Calls offered to an agent and ringing on their phone: no longer abandonable in the queue. */
  private readonly offered = new Set<number>();
  private readonly arrivalMeanMs = new Map<number, number>();
  /** The teams an inbound call on each line is routed to: those of the line's agents (at most three). */
  private readonly lineTeams = new Map<number, number[]>();
  private outboundMeanMs = Number.POSITIVE_INFINITY;

  constructor(
    private readonly center: CallCenter,
    private readonly rng: Rng,
    private readonly preset: Preset,
    private readonly options: TrafficOptions = {},
  ) {}

  /** Schedules the first arrival of every stream from `fromMs`; each event schedules its successor. */
  start(fromMs: number): void {
    this.sizeArrivals();
    for (const line of this.center.lines) {
      this.queues.set(line.id, []);
      const teams = new Set(line.userIds.flatMap((id) => this.center.agent(id)!.teamIds));
      this.lineTeams.set(line.id, [...teams].slice(0, 3));
      this.scheduleInbound(line, fromMs);
    }
    this.scheduleOutbound(fromMs);
    for (const agent of this.center.agents) this.schedulePresence(agent, fromMs);
  }

  /**
   * Inbound arrivals per line: occupancy × (agents working on the line) / handling time, each agent counted once
   * across the lines they answer, and working (logged in, not on a break) WORKING_SHARE of the time.
   */
  private sizeArrivals(): void {
    const { agents, lines } = this.center;
    const working = WORKING_SHARE;
    const meanWrapMs = (agents.reduce((sum, a) => sum + a.wrapUpTime, 0) / agents.length) * SECOND;
    const handlingMs = MEAN_TALK_MS + meanWrapMs;
    const inboundLoad = TRAFFIC[this.preset].occupancy * (1 - OUTBOUND_SHARE);
    const perLine = (line: Line) =>
      line.userIds.reduce((sum, id) => sum + 1 / this.center.agent(id)!.numberIds.length, 0) * working;
    const staffed = lines.filter((line) => line.userIds.length > 0);
    const typical = staffed.reduce((sum, line) => sum + perLine(line), 0) / Math.max(1, staffed.length);
    for (const line of lines) {
      const agentsOnLine = line.userIds.length > 0 ? perLine(line) : typical * UNSTAFFED_SHARE;
      this.arrivalMeanMs.set(line.id, handlingMs / (inboundLoad * agentsOnLine));
    }
    const capacity = agents.length * working;
    this.outboundMeanMs =
      (MEAN_TALK_MS * 0.7 + 15 * SECOND) / (TRAFFIC[this.preset].occupancy * OUTBOUND_SHARE * capacity);
  }

  private at(atMs: number, run: () => void): void {
    this.center.events.schedule(Math.round(atMs), run);
  }

  private after(delayMs: number, run: () => void): void {
    this.at(this.center.nowMs + delayMs, run);
  }

  private surging(atMs: number): boolean {
    return this.options.surgeFromMs !== undefined && atMs >= this.options.surgeFromMs;
  }

  private scheduleInbound(line: Line, fromMs: number): void {
    const mean = this.arrivalMeanMs.get(line.id)! / (this.surging(fromMs) ? SURGE_FACTOR : 1);
    this.at(fromMs + this.rng.exponential(mean), () => {
      this.inbound(line);
      this.scheduleInbound(line, this.center.nowMs);
    });
  }

  private scheduleOutbound(fromMs: number): void {
    this.at(fromMs + this.rng.exponential(this.outboundMeanMs), () => {
      this.outbound();
      this.scheduleOutbound(this.center.nowMs);
    });
  }

  private inbound(line: Line): void {
    const rng = this.rng;
    const call = this.center.startCall(this.nextCallId++, 'inbound', line.id, this.externalNumber(), null);
    call.teamIds = this.lineTeams.get(line.id)!;
    if (line.availabilityStatus === 'custom' && rng.chance(0.01)) {
      this.missAfter(call, rng.int(3, 15) * SECOND, 'out_of_opening_hours');
      return;
    }
    if (line.isIvr && rng.chance(0.03)) {
      this.missAfter(call, rng.int(5, 40) * SECOND, 'abandoned_in_ivr');
      return;
    }
    if (rng.chance(0.03)) {
      // Misdials and second thoughts: gone within seconds, answered or not.
      this.missAfter(call, rng.int(2, 9) * SECOND, 'short_abandoned');
      return;
    }
    if (!line.userIds.some((id) => this.couldAnswer(this.center.agent(id)!))) {
      this.missAfter(call, rng.int(5, 20) * SECOND, 'no_available_agent');
      return;
    }
    // Most callers give up within a few minutes; a patient few hold on much longer.
    const patienceMs = rng.chance(0.7) ? rng.exponential(3 * MINUTE) : rng.exponential(20 * MINUTE);
    this.queues.get(line.id)!.push(call);
    this.dispatch(line);
    if (!this.offered.has(call.id)) this.after(patienceMs, () => this.abandon(call, line, patienceMs));
  }

  /** Logged in and not on a break: will take a call once free. */
  private couldAnswer(agent: Agent): boolean {
    const availability = this.center.availabilityOf(agent);
    return availability !== 'offline' && availability !== 'do_not_disturb';
  }

  private abandon(call: CallRecord, line: Line, patienceMs: number): void {
    if (call.status !== 'initial' || this.offered.has(call.id)) return;
    const queue = this.queues.get(line.id)!;
    const index = queue.indexOf(call);
    if (index >= 0) queue.splice(index, 1);
    this.miss(call, patienceMs < 10 * SECOND ? 'short_abandoned' : 'abandoned_in_classic');
  }

  /** Offers the longest-waiting callers of `line` to its free agents, longest idle first. */
  private dispatch(line: Line): void {
    const queue = this.queues.get(line.id)!;
    while (queue.length > 0) {
      const free = line.userIds.map((id) => this.center.agent(id)!).filter((agent) => this.center.isFree(agent));
      if (free.length === 0) return;
      const agent = free.reduce((a, b) => (b.freeSinceMs < a.freeSinceMs ? b : a));
      this.offer(queue.shift()!, agent);
    }
  }

  /** An agent just became free: they take the longest-waiting caller among their lines, if any. */
  private agentFree(agent: Agent): void {
    if (!this.center.isFree(agent)) return;
    let oldest: { call: CallRecord; line: number } | null = null;
    for (const lineId of agent.numberIds) {
      const head = this.queues.get(lineId)?.[0];
      if (head && (!oldest || head.startedMs < oldest.call.startedMs)) oldest = { call: head, line: lineId };
    }
    if (!oldest) return;
    this.queues.get(oldest.line)!.shift();
    this.offer(oldest.call, agent);
  }

  private offer(call: CallRecord, agent: Agent): void {
    this.offered.add(call.id);
    agent.callId = call.id; // reserved while it rings
    this.after(this.rng.int(RING_MS[0], RING_MS[1]), () => {
      this.offered.delete(call.id);
      if (this.rng.chance(0.01)) {
        agent.callId = null;
        this.miss(call, 'agents_did_not_answer');
        this.agentFree(agent);
        return;
      }
      this.talk(call, agent);
    });
  }

  /** A free agent with no caller waiting on their lines dials out (a few random agents are tried, as a dialer would). */
  private outbound(): void {
    const waiting = (agent: Agent) => agent.numberIds.some((id) => (this.queues.get(id)?.length ?? 0) > 0);
    let agent: Agent | undefined;
    for (let tries = 0; tries < 20 && !agent; tries++) {
      const candidate = this.rng.pick(this.center.agents);
      if (this.center.isFree(candidate) && !waiting(candidate)) agent = candidate;
    }
    if (!agent) return;
    const lineId = this.rng.pick(agent.numberIds);
    const call = this.center.startCall(this.nextCallId++, 'outbound', lineId, this.externalNumber(), agent);
    const ringMs = this.rng.int(5, 30) * SECOND;
    if (this.rng.chance(0.7)) {
      this.after(ringMs, () => this.talk(call, agent));
    } else {
      this.after(ringMs, () => {
        this.center.end(call, false);
        this.agentFree(agent);
      });
    }
  }

  private talk(call: CallRecord, agent: Agent): void {
    this.center.answer(call, agent);
    const talkMs = (30 + 570 * this.rng.next() ** 3) * SECOND;
    if (call.direction === 'inbound' && this.rng.chance(TRANSFER_SHARE)) {
      this.after(talkMs / 2, () => this.transfer(call, agent, talkMs / 2));
      return;
    }
    this.after(talkMs, () => this.hangUp(call));
  }

  /** Half-way through, the agent hands the caller to a free colleague on the line (or finishes the call). */
  private transfer(call: CallRecord, from: Agent, restMs: number): void {
    const line = this.center.line(call.numberId)!;
    const colleagues = line.userIds
      .map((id) => this.center.agent(id)!)
      .filter((agent) => agent.id !== from.id && this.center.isFree(agent));
    if (colleagues.length === 0) {
      this.after(restMs, () => this.hangUp(call));
      return;
    }
    this.center.transfer(call, this.rng.pick(colleagues));
    this.afterWrapUp(from);
    this.after(restMs, () => this.hangUp(call));
  }

  private hangUp(call: CallRecord): void {
    const agent = call.userId === null ? undefined : this.center.agent(call.userId);
    this.center.end(call, this.rng.chance(0.5));
    this.annotate(call);
    if (agent) this.afterWrapUp(agent);
  }

  private afterWrapUp(agent: Agent): void {
    if (agent.wrapUpTime === 0) this.agentFree(agent);
    else this.after(agent.wrapUpTime * SECOND, () => this.agentFree(agent));
  }

  private missAfter(call: CallRecord, delayMs: number, reason: MissedCallReason): void {
    this.after(delayMs, () => this.miss(call, reason));
  }

  private miss(call: CallRecord, reason: MissedCallReason): void {
    const voicemail = reason !== 'short_abandoned' && reason !== 'abandoned_in_ivr' && this.rng.chance(0.4);
    this.center.miss(call, reason, voicemail);
    this.annotate(call);
  }

  /** Some finished calls get tags and comments (a few of them hostile text). */
  private annotate(call: CallRecord): void {
    if (this.rng.chance(0.2)) {
      this.center.tag(call, this.rng.pick(this.center.tags).id);
      if (this.rng.chance(0.3)) this.center.tag(call, this.rng.pick(this.center.tags).id);
    }
    if (this.rng.chance(0.05)) this.center.comment(call, this.rng.pick(COMMENTS));
  }

  /** Agents log in and out and take short do-not-disturb breaks; never in the middle of a call. */
  private schedulePresence(agent: Agent, fromMs: number): void {
    const meanMs = !agent.connected
      ? 10 * MINUTE
      : agent.availabilityStatus === 'unavailable'
        ? 5 * MINUTE
        : 30 * MINUTE;
    this.at(fromMs + this.rng.exponential(meanMs), () => {
      if (agent.callId === null) {
        this.changePresence(agent);
        this.agentFree(agent);
      }
      this.schedulePresence(agent, this.center.nowMs);
    });
  }

  private changePresence(agent: Agent): void {
    if (!agent.connected) {
      agent.connected = true;
    } else if (agent.availabilityStatus === 'unavailable') {
      this.center.setAvailabilityStatus(agent, 'available');
    } else if (agent.availabilityStatus === 'custom' || this.rng.chance(0.3)) {
      agent.connected = false;
    } else {
      this.center.setAvailabilityStatus(agent, 'unavailable');
    }
  }

  private externalNumber(): string {
    const rng = this.rng;
    const draw = rng.next();
    if (draw < 0.03) return 'anonymous';
    if (draw < 0.06) return HOSTILE.phoneLike;
    const two = () => String(rng.int(0, 99)).padStart(2, '0');
    if (draw < 0.5) return `+33 6 ${two()} ${two()} ${two()} ${two()}`;
    if (draw < 0.75) return `+44 7700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
    return `+1 415-555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  }
}
