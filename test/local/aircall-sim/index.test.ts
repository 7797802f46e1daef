import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../../../local/aircall-sim/index.js';
import { LARGE_PRESET_START_MS } from '../../support/wallboard';
import { client } from './http.js';

describe('the large preset over HTTP', () => {
  let sim: Simulator;

  beforeAll(async () => {
    // How long it takes to start is for the benchmark to measure, not for a test to assert.
    sim = await startSimulator({ preset: 'large', rateLimit: 10_000 });
  }, LARGE_PRESET_START_MS);
  afterAll(() => sim.stop());

  it('starts with 1,000 agents and their day of history', async () => {
    const company = await client(sim)('/v1/company');
    expect(company.body.company).toMatchObject({ users_count: 1000, numbers_count: 80 });
  });

  it('has over 10,000 calls in the last two hours and caps paging at 10,000 records', async () => {
    const get = client(sim);
    const nowSec = Math.floor((await sim.nowMs()) / 1000);
    const window = `from=${nowSec - 7_200}&to=${nowSec}&order=desc&per_page=50`;
    const first = await get(`/v1/calls?${window}`);
    expect(first.body.meta.total).toBeGreaterThan(10_000);
    const lastReachable = await get(`/v1/calls?${window}&page=200`);
    expect(lastReachable.status).toBe(200);
    expect(lastReachable.body.meta.count).toBe(50);
    expect(lastReachable.body.meta.next_page_link).toBeNull();
    const beyond = await get(`/v1/calls?${window}&page=201`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.troubleshoot).toContain('10,000');
  });
});

it('advances a manual clock only when told, and a realtime clock on its own', async () => {
  const [manual, realtime] = await Promise.all([
    startSimulator({ history: false }),
    startSimulator({ history: false, clock: { mode: 'realtime', speed: 100 } }),
  ]);
  try {
    const before = await manual.nowMs();
    expect(before).toBe(1_795_000_000_000);
    await manual.advance(5_000);
    expect(await manual.nowMs()).toBe(before + 5_000);
    const realStart = await realtime.nowMs();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await realtime.nowMs()) - realStart).toBeGreaterThanOrEqual(4_000);
  } finally {
    await Promise.all([manual.stop(), realtime.stop()]);
  }
});
