import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROWS } from '../../src/sheet/layout';
import { SLA_BREACH_FONT } from '../../src/sheet/styles';
import { agentCells, findCells, openWallboard, type Wallboard } from '../support/wallboard';

describe('board details a supervisor relies on', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 32, form: { slaSec: 1 } });
    await wb.sim.advance(10 * 60_000);
    wb.runtime.run('mapUsersToNumbers');
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('puts the name of an agent slower than the SLA in bold red', async () => {
    const truth = await wb.sim.truth();
    const nowSec = truth.nowMs / 1000;
    const board = wb.board();
    const cells = agentCells(board);
    const slowAgents: string[] = [];
    for (const user of truth.users) {
      const answered = truth.calls.filter(
        (c) =>
          c.direction === 'inbound' && c.user?.id === user.id && c.answered_at !== null && c.started_at >= nowSec - 900,
      );
      const { row, column } = cells.get(user.id)![0];
      const slow = answered.length > 0 && answered.some((c) => c.answered_at! - c.started_at > 1);
      if (!slow) continue;
      expect({
        agent: user.name,
        font: board.fontColors[row - 1][column - 1],
        weight: board.fontWeights[row - 1][column - 1],
      }).toEqual({ agent: user.name, font: SLA_BREACH_FONT, weight: 'bold' });
      slowAgents.push(user.name);
    }
    expect(slowAgents.length).toBeGreaterThan(0);
  });

  it('outlines each waiting call and the available agents who could take it in the same line color', async () => {
    const truth = await wb.sim.truth();
    const waiting = truth.calls.filter((c) => c.direction === 'inbound' && c.status === 'initial');
    expect(waiting.length).toBeGreaterThan(0); // the seed is chosen so that someone is waiting
    const board = wb.board();
    const cells = agentCells(board);
    const call = waiting[0];
    const queueCell = findCells(board, (v, row) => row === ROWS.queue + 1 && v.includes(call.raw_digits))[0];
    expect(queueCell).toBeDefined();
    const outline = board.borders[queueCell.row - 1][queueCell.column - 1]?.left;
    expect(outline?.style).toBe('SOLID_THICK');
    const assigned = truth.users.filter((u) => (truth.userNumbers[u.id] ?? []).includes(call.number!.id));
    expect(assigned.length).toBeGreaterThan(0);
    const statusOf = (id: number) => truth.availabilities.find((a) => a.id === id)?.availability;
    for (const user of assigned) {
      const { row, column } = cells.get(user.id)![0];
      const border = board.borders[row - 1][column - 1]?.top;
      // Only an agent who could take the call now is outlined; the others keep the white card border.
      const expected = statusOf(user.id) === 'available' ? outline!.color : '#ffffff';
      expect({ agent: user.name, outline: border?.color }).toEqual({ agent: user.name, outline: expected });
    }
  });

  it('keeps users, teams and numbers through a cache eviction: the durable copy serves the next refresh', async () => {
    wb.runtime.evictCaches();
    await wb.sim.advance(60_000);
    await wb.sim.resetRequests();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const paths = (await wb.sim.requests()).map((r) => r.path);
    expect(paths).not.toContain('/v2/users');
    expect(paths).not.toContain('/v1/teams');
    expect(paths).not.toContain('/v1/numbers');
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Last refresh/);
  });

  it('Clear Cache reloads users, teams and numbers on the next refresh and keeps the key and settings', async () => {
    wb.runtime.run('clearCacheFromMenu');
    await wb.sim.advance(60_000);
    await wb.sim.resetRequests();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const paths = (await wb.sim.requests()).map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(['/v2/users', '/v1/teams', '/v1/numbers']));
    const view = wb.runtime.callFromClient<{ settings: { slaSec: number }; key: { configured: boolean } }>(
      'getConfigureView',
    );
    expect(view.settings.slaSec).toBe(1);
    expect(view.key.configured).toBe(true);
    // The user↔number map is rebuilt by itself in the background.
    expect(wb.runtime.triggers.map((t) => t.handler)).toContain('continueMappingFromTrigger');
  });
});
