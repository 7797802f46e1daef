import { describe, expect, it } from '@jest/globals';
import { toCall } from '../../../local/aircall-sim/shapes.js';
import { Simulation } from '../../../local/aircall-sim/simulation.js';
import { MISSED_CALL_REASONS } from '../../../src/aircall/types.js';

const HOUR = 3_600_000;
const callsOf = (sim: Simulation) => sim.center.calls.map((call) => toCall(sim.center, call));
const availabilities = (sim: Simulation) => sim.center.agents.map((agent) => sim.center.availabilityOf(agent));

describe('random activity (small preset, 24 h of history)', () => {
  const sim = new Simulation({ preset: 'small', seed: 11 });
  const calls = callsOf(sim);
  const done = calls.filter((call) => call.status === 'done');

  it('replays the same calls for the same seed, however the clock is advanced', () => {
    expect(callsOf(new Simulation({ preset: 'small', seed: 11 }))).toEqual(calls);
    const atOnce = new Simulation({ preset: 'small', seed: 11 });
    const stepwise = new Simulation({ preset: 'small', seed: 11 });
    atOnce.clock.advance(HOUR);
    atOnce.sync();
    for (let i = 0; i < 60; i++) {
      stepwise.clock.advance(HOUR / 60);
      stepwise.sync();
    }
    expect(callsOf(stepwise)).toEqual(callsOf(atOnce));
    expect(availabilities(stepwise)).toEqual(availabilities(atOnce));
    expect(callsOf(new Simulation({ preset: 'small', seed: 12 }))).not.toEqual(calls);
  });

  it('has inbound and outbound calls, and misses for all six documented reasons', () => {
    expect(calls.length).toBeGreaterThan(5000);
    expect(new Set(calls.map((call) => call.direction))).toEqual(new Set(['inbound', 'outbound']));
    const reasons = new Set(done.map((call) => call.missed_call_reason).filter(Boolean));
    expect([...reasons].sort()).toEqual([...MISSED_CALL_REASONS].sort());
  });

  it('leaves missed calls without an agent and answered calls with one, within realistic wait and talk times', () => {
    for (const call of done) {
      if (call.missed_call_reason) {
        expect(call.direction).toBe('inbound');
        expect(call.user).toBeNull();
        expect(call.answered_at).toBeNull();
      }
      if (call.answered_at !== null && call.ended_at !== null) {
        expect(call.user).not.toBeNull();
        expect(call.answered_at - call.started_at).toBeLessThanOrEqual(90);
        expect(call.ended_at - call.answered_at).toBeGreaterThanOrEqual(29);
        expect(call.ended_at - call.answered_at).toBeLessThanOrEqual(601);
        expect(call.duration).toBe(call.ended_at - call.started_at);
      }
    }
  });

  it('attaches recordings, voicemails, assets, tags and comments to some calls', () => {
    expect(done.some((call) => /^https:\/\/assets\.example\/recording\/\d+\.mp3$/.test(call.recording ?? ''))).toBe(
      true,
    );
    expect(done.some((call) => call.voicemail !== null && call.missed_call_reason !== null)).toBe(true);
    expect(done.some((call) => call.asset !== null)).toBe(true);
    expect(done.some((call) => call.tags.length > 0)).toBe(true);
    expect(done.some((call) => call.comments.length > 0)).toBe(true);
  });

  it('puts exactly the agents talking in an answered call in_call, and keeps waiting inbound calls unassigned', () => {
    const talking = new Set(calls.filter((call) => call.status === 'answered').map((call) => call.user!.id));
    for (const agent of sim.center.agents) {
      expect(sim.center.availabilityOf(agent) === 'in_call').toBe(talking.has(agent.id));
    }
    for (const call of calls.filter((c) => c.status === 'initial' && c.direction === 'inbound')) {
      expect(call.user).toBeNull();
    }
  });

  it('moves agents between states over time', () => {
    const before = availabilities(sim);
    sim.clock.advance(HOUR);
    sim.sync();
    expect(availabilities(sim)).not.toEqual(before);
    expect(new Set(availabilities(sim)).size).toBeGreaterThanOrEqual(3);
  });
});

it('starts without history when asked', () => {
  const sim = new Simulation({ preset: 'small', history: false });
  expect(sim.center.calls).toEqual([]);
});

it('generates at least 10,000 calls in the last 15 minutes at the large preset', () => {
  const sim = new Simulation({ preset: 'large' });
  const fromMs = sim.clock.nowMs() - 15 * 60_000;
  expect(sim.center.calls.filter((call) => call.startedMs >= fromMs).length).toBeGreaterThanOrEqual(10_000);
});
