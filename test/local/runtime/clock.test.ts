import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { manualClock, realClock, simulatorClock } from '../../../local/runtime/clock';
import { type EchoServer, startEchoServer } from './support';

describe('clocks', () => {
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(() => server.stop());

  it('simulatorClock reads the simulator time and advances it when sleeping', () => {
    const clock = simulatorClock(server.url);
    const start = clock.now();
    clock.sleep(61_000);
    expect(clock.now()).toBe(start + 61_000);
  });

  it('realClock sleeps for real, scaled by its speed', () => {
    const clock = realClock(10);
    const started = Date.now();
    const before = clock.now();
    clock.sleep(1_000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(clock.now() - before).toBeGreaterThanOrEqual(990);
  });

  it('manualClock only moves when told', () => {
    const clock = manualClock(0);
    clock.sleep(5);
    clock.advance(10);
    expect(clock.now()).toBe(15);
  });
});
