/**
 * Random call-center traffic: Poisson inbound arrivals per line, outbound calls placed by free agents, and agents
 * logging in/out and taking do-not-disturb breaks. Everything is scheduled on the center's event queue and drawn
 * from one seeded stream, so the same seed and the same clock always produce the same calls.
 */

import type { Agent, CallCenter, CallRecord, Line } from './model.js';
import type { MissedCallReason } from './payloads.js';
import type { Rng } from './rng.js';
import { HOSTILE } from './roster.js';
import type { Preset } from './types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Call volume per preset and how much past traffic is generated at start (large keeps only 1 h to stay fast). */
export const TRAFFIC: Record<Preset, { callsPerSecond: number; historyMs: number }> = {
  small: { callsPerSecond: 0.1, historyMs: 24 * HOUR },
  medium: { callsPerSecond: 0.5, historyMs: 24 * HOUR },
  large: { callsPerSecond: 12.5, historyMs: HOUR },
};

const OUTBOUND_SHARE = 0.25;
const COMMENTS = ['Please call back this customer!', 'Asked about the last invoice', HOSTILE.formula, HOSTILE.imgTag];

export class RandomActivity {
  private nextCallId = 100_000_001;

  constructor(
    private readonly center: CallCenter,
    private readonly rng: Rng,
    private readonly preset: Preset,
  ) {}

  /** Schedules the first arrival of every stream from `fromMs`; each event schedules its successor. */
  start(fromMs: number): void {
    const { callsPerSecond } = TRAFFIC[this.preset];
    const inboundMeanMs = (this.center.lines.length * SECOND) / (callsPerSecond * (1 - OUTBOUND_SHARE));
    for (const line of this.center.lines) this.scheduleInbound(line, fromMs, inboundMeanMs);
    this.scheduleOutbound(fromMs, SECOND / (callsPerSecond * OUTBOUND_SHARE));
    for (const agent of this.center.agents) this.schedulePresence(agent, fromMs);
  }

  private at(atMs: number, run: () => void): void {
    this.center.events.schedule(Math.round(atMs), run);
  }

  private after(delayMs: number, run: () => void): void {
    this.at(this.center.nowMs + delayMs, run);
  }

  private scheduleInbound(line: Line, fromMs: number, meanMs: number): void {
    this.at(fromMs + this.rng.exponential(meanMs), () => {
      this.inbound(line);
      this.scheduleInbound(line, this.center.nowMs, meanMs);
    });
  }

  private scheduleOutbound(fromMs: number, meanMs: number): void {
    this.at(fromMs + this.rng.exponential(meanMs), () => {
      this.outbound();
      this.scheduleOutbound(this.center.nowMs, meanMs);
    });
  }

  private inbound(line: Line): void {
    const rng = this.rng;
    const call = this.center.startCall(this.nextCallId++, 'inbound', line.id, this.externalNumber(), null);
    if (line.availabilityStatus === 'custom' && rng.chance(0.04)) {
      this.missAfter(call, rng.int(3, 15) * SECOND, 'out_of_opening_hours');
      return;
    }
    if (line.isIvr && rng.chance(0.06)) {
      this.missAfter(call, rng.int(5, 40) * SECOND, 'abandoned_in_ivr');
      return;
    }
    const waitMs = Math.min(90 * SECOND, SECOND + rng.exponential(18 * SECOND));
    const patienceMs = rng.exponential(120 * SECOND);
    if (patienceMs < waitMs) {
      this.missAfter(call, patienceMs, patienceMs < 10 * SECOND ? 'short_abandoned' : 'abandoned_in_classic');
      return;
    }
    this.after(waitMs, () => this.offerToAgents(call, line));
  }

  /** The longest-idle free agent of the line answers; otherwise the caller ends up missed. */
  private offerToAgents(call: CallRecord, line: Line): void {
    const free = line.userIds.map((id) => this.center.agent(id)!).filter((agent) => this.center.isFree(agent));
    if (free.length === 0) {
      this.miss(call, 'no_available_agent');
    } else if (this.rng.chance(0.08)) {
      this.miss(call, 'agents_did_not_answer');
    } else {
      const agent = free.reduce((a, b) => (b.freeSinceMs < a.freeSinceMs ? b : a));
      this.talk(call, agent);
    }
  }

  private outbound(): void {
    const free = this.center.agents.filter((agent) => this.center.isFree(agent));
    if (free.length === 0) return;
    const agent = this.rng.pick(free);
    const lineId = this.rng.pick(agent.numberIds);
    const call = this.center.startCall(this.nextCallId++, 'outbound', lineId, this.externalNumber(), agent);
    const ringMs = this.rng.int(5, 30) * SECOND;
    if (this.rng.chance(0.7)) {
      this.after(ringMs, () => this.talk(call, agent));
    } else {
      this.after(ringMs, () => this.center.end(call, false));
    }
  }

  private talk(call: CallRecord, agent: Agent): void {
    this.center.answer(call, agent);
    const talkMs = (30 + 570 * this.rng.next() ** 3) * SECOND;
    this.after(talkMs, () => {
      this.center.end(call, this.rng.chance(0.5));
      this.annotate(call);
    });
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
      if (agent.callId === null) this.changePresence(agent);
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
