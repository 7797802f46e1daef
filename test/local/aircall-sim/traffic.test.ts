/** The simulated traffic is shaped like a real call center's (figures: `npm run traffic`, bench/results.md). */
import { describe, expect, it } from '@jest/globals';
import { toCall } from '../../../local/aircall-sim/shapes.js';
import { Simulation } from '../../../local/aircall-sim/simulation.js';
import { presetTraffic, surgeTraffic } from '../../../local/aircall-sim/traffic.js';

describe('the medium preset over the last hours of its day of history', () => {
  const figures = presetTraffic('medium', 2);

  it('keeps agents about 85 % busy, with 5–10 % of callers abandoning and short waits', () => {
    expect(figures.occupancy).toBeGreaterThan(0.75);
    expect(figures.occupancy).toBeLessThan(0.92);
    expect(figures.abandonRate).toBeGreaterThanOrEqual(0.04);
    expect(figures.abandonRate).toBeLessThanOrEqual(0.11);
    expect(figures.waitP50Sec).toBeLessThan(30);
  });

  it('transfers a few answered calls', () => {
    expect(figures.transferRate).toBeGreaterThan(0.01);
    expect(figures.transferRate).toBeLessThan(0.1);
  });
});

it('lets waits grow without a cap when callers outnumber the agents (the surge scenario)', () => {
  const surge = surgeTraffic(2);
  expect(surge.waitMaxSec).toBeGreaterThan(600);
  expect(surge.abandonRate).toBeGreaterThan(0.2);
  expect(surge.waitingAtEnd).toBeGreaterThan(100);
});

it('hands a transferred call to the colleague, who becomes its agent, and routes inbound calls to teams', () => {
  const sim = new Simulation({ preset: 'small', seed: 5 });
  const calls = sim.center.calls.map((call) => toCall(sim.center, call));
  const transferred = calls.filter((call) => call.transferred_to !== null);
  expect(transferred.length).toBeGreaterThan(0);
  for (const call of transferred) {
    expect(call.user?.id).toBe(call.transferred_to?.id);
    expect(call.transferred_by?.id).not.toBe(call.transferred_to?.id);
  }
  const inbound = calls.filter((call) => call.direction === 'inbound');
  expect(inbound.filter((call) => (call.teams ?? []).length > 0).length).toBeGreaterThan(inbound.length / 2);
  expect(calls.filter((call) => call.direction === 'outbound').every((call) => call.teams === undefined)).toBe(true);
});
