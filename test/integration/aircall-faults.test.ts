import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openWallboard, type Wallboard } from '../support/wallboard';

const header = (wb: Wallboard) => wb.board().displayValues[0].join(' ');

describe('refreshing through Aircall faults', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 8, runtime: { fetchTimeoutMs: 1_500 } });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('in a 429 storm, sends nothing that earns a 429 of its own and refreshes once the window resets, each run inside its minute', async () => {
    await wb.sim.advance(60_000);
    await wb.sim.resetRequests();
    await wb.sim.setFaults([{ kind: 'rate-storm', count: 3 }]);
    for (let run = 0; run < 4; run++) {
      if (run > 0) await wb.sim.advance(60_000);
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      const last = wb.runtime.executions.at(-1);
      expect((last?.endMs ?? 0) - (last?.startMs ?? 0)).toBeLessThan(60_000);
      if (/Last refresh/.test(header(wb))) break;
    }
    await wb.sim.clearFaults();
    const tooMany = (await wb.sim.requests()).filter((r) => r.status === 429);
    expect(tooMany.length).toBeLessThanOrEqual(3); // only injected ones
    expect(header(wb)).toMatch(/Last refresh/);
  });

  it('retries a 5xx burst with backoff and refreshes', async () => {
    await wb.sim.advance(60_000);
    await wb.sim.setFaults([{ kind: 'status', status: 502, count: 2 }]);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(header(wb)).toMatch(/Last refresh/);
  });

  it('turns timeouts into a stale board with a plain reason', async () => {
    await wb.sim.advance(60_000);
    await wb.sim.setFaults([{ kind: 'timeout' }]);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    await wb.sim.clearFaults();
    expect(header(wb)).toMatch(/Stale since .*Could not reach Aircall .*after retries/);
  });

  it('turns malformed JSON into a stale board with a clear message', async () => {
    await wb.sim.advance(60_000);
    await wb.sim.setFaults([{ kind: 'malformed-json' }]);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    await wb.sim.clearFaults();
    expect(header(wb)).toMatch(/Stale since .*Aircall sent a response that could not be read/);
  });

  it('a key revoked in the middle of a run stops with the check-your-key message, and recovers', async () => {
    await wb.sim.advance(60_000);
    // The first request of the run is answered, then the key is revoked.
    await wb.sim.setFaults([{ kind: 'revoke-key', after: 1 }]);
    await wb.sim.resetRequests();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect((await wb.sim.requests()).map((r) => r.status).slice(0, 2)).toEqual([200, 403]);
    expect(header(wb)).toMatch(/API ID and API token/);
    expect(JSON.stringify(wb.runtime.spreadsheet.dump())).not.toContain(wb.sim.apiToken);
    expect(wb.runtime.logs.join('\n')).not.toContain(wb.sim.apiToken);
    await wb.sim.restoreKey();
    await wb.sim.clearFaults();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(header(wb)).toMatch(/Last refresh/);
  });
});

describe("when Apps Script's daily URL Fetch quota is used up", () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 8, runtime: { account: 'consumer' } });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('keeps the board, says which quota is spent (not that Aircall is unreachable), retries nothing, and resumes the next day', async () => {
    wb.runtime.spendQuota({ urlFetchCalls: 20_000 - wb.runtime.quotaUsage.urlFetchCalls });
    const agentsBefore = wb.board().displayValues.slice(5).flat().filter(Boolean).length;
    await wb.sim.advance(60_000);
    await wb.sim.resetRequests();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(header(wb)).toMatch(/Stale since .*daily quota of URL fetches \(20,000 a day with a Gmail account/);
    expect(header(wb)).not.toMatch(/Could not reach Aircall|Unexpected error/);
    expect(wb.runtime.sleptMs).toBe(0); // no backoff spent on a quota that will not pass
    expect(await wb.sim.requests()).toEqual([]);
    expect(wb.board().displayValues.slice(5).flat().filter(Boolean).length).toBe(agentsBefore);

    await wb.sim.advance(24 * 3_600_000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    expect(header(wb)).toMatch(/Last refresh/);
  });
});
