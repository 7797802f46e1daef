import { expect, it } from '@jest/globals';
import { toCall } from '../../../local/aircall-sim/shapes.js';
import { Simulation } from '../../../local/aircall-sim/simulation.js';
import type { Scenario } from '../../../local/aircall-sim/types.js';

const T0 = 1_800_000_000_000;
const scenario: Scenario = {
  agents: [
    { id: 1, name: 'Ana', wrapUpTime: 30 },
    { id: 2, name: 'Ben', availability: 'offline' },
  ],
  teams: [{ id: 10, name: 'Front', userIds: [1] }],
  numbers: [{ id: 100, name: 'Hotline', digits: '+33 1 00 00 00 00', userIds: [1, 2] }],
  events: [
    { atMs: T0 - 120_000, type: 'arrive', callId: 1, numberId: 100, rawDigits: '+33 6 12 34 56 78' },
    { atMs: T0 - 110_000, type: 'answer', callId: 1, userId: 1 },
    { atMs: T0 - 10_000, type: 'end', callId: 1, recording: true },
    { atMs: T0 + 5_000, type: 'arrive', callId: 2, numberId: 100 },
    { atMs: T0 + 20_000, type: 'miss', callId: 2, reason: 'no_available_agent' },
    { atMs: T0 + 30_000, type: 'status', userId: 2, availability: 'do_not_disturb' },
  ],
};

it('replays exactly the scripted calls and agent states', () => {
  const sim = new Simulation({ scenario, clock: { mode: 'manual', startMs: T0 } });
  const state = () => sim.center.agents.map((agent) => sim.center.availabilityOf(agent));
  expect(state()).toEqual(['after_call_work', 'offline']);
  const [first] = sim.center.calls.map((call) => toCall(sim.center, call));
  expect(first).toMatchObject({
    id: 1,
    status: 'done',
    started_at: (T0 - 120_000) / 1000,
    answered_at: (T0 - 110_000) / 1000,
    ended_at: (T0 - 10_000) / 1000,
    duration: 110,
    user: { id: 1, name: 'Ana' },
    recording: expect.stringMatching(/^https:\/\/assets\.example\/recording\/1\.mp3\?Expires=\d+&Signature=/),
  });

  sim.clock.advance(10_000);
  sim.sync();
  expect(state()).toEqual(['after_call_work', 'offline']);
  expect(sim.center.calls.map((call) => call.status)).toEqual(['done', 'initial']);

  sim.clock.advance(30_000);
  sim.sync();
  expect(toCall(sim.center, sim.center.calls[1])).toMatchObject({
    missed_call_reason: 'no_available_agent',
    user: null,
  });
  expect(state()).toEqual(['available', 'do_not_disturb']);
});
