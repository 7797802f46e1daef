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
        expect(call.ended_at - call.answered_at).toBeGreaterThanOrEqual(29);
        expect(call.ended_at - call.answered_at).toBeLessThanOrEqual(601);
        expect(call.duration).toBe(call.ended_at - call.started_at);
      }
    }
  });

  it('attaches recordings, voicemails, assets, tags and comments to some calls', () => {
    // Signed links that expire an hour after they are served, as Aircall's direct media links do.
    const nowSec = Math.floor(sim.center.nowMs / 1000);
    const recorded = done.filter((call) => call.recording !== null);
    expect(recorded.length).toBeGreaterThan(0);
    for (const call of recorded) {
      const match = /^https:\/\/assets\.example\/recording\/\d+\.mp3\?Expires=(\d+)&Signature=\w+$/.exec(
        call.recording!,
      );
      expect(Number(match?.[1])).toBe(nowSec + 3_600);
    }
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
    const seen = new Set<string>();
    for (let minute = 0; minute < 60; minute += 5) {
      sim.clock.advance(5 * 60_000);
      sim.sync();
      for (const state of availabilities(sim)) seen.add(state);
    }
    expect(availabilities(sim)).not.toEqual(before);
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

it('starts without history when asked', () => {
  const sim = new Simulation({ preset: 'small', history: false });
  expect(sim.center.calls).toEqual([]);
});

it('keeps a day of history at the large preset too, with a busy 15 minutes', () => {
  const sim = new Simulation({ preset: 'large' });
  const nowMs = sim.clock.nowMs();
  expect(sim.center.calls[0].startedMs).toBeLessThanOrEqual(nowMs - 23.9 * HOUR);
  const lastQuarter = sim.center.calls.filter((call) => call.startedMs >= nowMs - 15 * 60_000).length;
  expect(lastQuarter).toBeGreaterThan(2_500);
});
