import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { READS_PER_MINUTE, STATUS_MAX_AGE_SEC } from '../../src/aircall/availability-rotation';
import { STATUS_STYLES } from '../../src/sheet/styles';
import {
  agentCells,
  aircallRequests,
  findCells,
  LARGE_PRESET_START_MS,
  openWallboard,
  spreadsheetCalls,
  type Wallboard,
} from '../support/wallboard';

const STATUS_BACKGROUND: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_STYLES).map(([status, style]) => [status, style.background]),
);

const isWaiting = (call: { direction: string; status: string }) =>
  call.direction === 'inbound' && call.status === 'initial';

describe('the board at the small preset', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 7 });
    await wb.sim.advance(5 * 60_000);
  });
  afterAll(() => wb?.close());

  it('shows every agent under each of their teams, colored by live status', async () => {
    wb.runtime.run('refreshFromMenu');
    const truth = await wb.sim.truth();
    const board = wb.board();
    const cells = agentCells(board);
    const teamsOf = new Map<number, number>();
    for (const team of truth.teams)
      for (const user of team.users) teamsOf.set(user.id, (teamsOf.get(user.id) ?? 0) + 1);
    for (const user of truth.users) {
      const placements = cells.get(user.id) ?? [];
      expect({ agent: user.name, cells: placements.length }).toEqual({
        agent: user.name,
        cells: Math.max(1, teamsOf.get(user.id) ?? 0),
      });
      const status = truth.availabilities.find((a) => a.id === user.id)?.availability ?? 'offline';
      for (const { row, column } of placements) {
        expect(board.displayValues[row - 1][column - 1]).toContain(user.name.split('\n')[0]);
        expect(board.backgrounds[row - 1][column - 1]).toBe(STATUS_BACKGROUND[status]);
      }
    }
  });

  it('writes hostile names exactly as given: never a formula, a number or a parse error', async () => {
    const truth = await wb.sim.truth();
    const board = wb.board();
    const hostile = truth.users.filter((u) => /^[=+]|^0\d/.test(u.name));
    expect(hostile.length).toBeGreaterThan(0);
    const missing = hostile.filter((user) => findCells(board, (v) => v.startsWith(user.name)).length === 0);
    expect(missing.map((user) => user.name)).toEqual([]);
    expect(board.formulas.flat().filter(Boolean)).toEqual([]);
    expect(board.displayValues.flat()).not.toContain('#ERROR!');
  });

  it('lists each waiting inbound call in the live queue', async () => {
    // Wait (in simulated time) for a moment when callers are waiting, then refresh at that moment.
    let truth = await wb.sim.truth();
    for (let attempt = 0; attempt < 90 && !truth.calls.some(isWaiting); attempt++) {
      await wb.sim.advance(20_000);
      truth = await wb.sim.truth();
    }
    const waiting = truth.calls.filter(isWaiting);
    expect(waiting.length).toBeGreaterThan(0);
    wb.runtime.run('refreshFromMenu');
    const board = wb.board();
    const missing = waiting.filter((call) => findCells(board, (v) => v.includes(call.raw_digits)).length === 0);
    expect(missing.map((call) => call.raw_digits)).toEqual([]);
  });

  it('refreshes with a constant, small number of Spreadsheet calls', () => {
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromMenu');
    expect(spreadsheetCalls(wb.runtime)).toBeLessThanOrEqual(32);
  });

  it('shows the last refresh time in the header', () => {
    const header = wb.board().displayValues[0].join(' ');
    expect(header).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(header).toContain('15 min');
  });
});

describe('the stale path', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 3 });
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  const bodyOf = () => wb.board().displayValues.slice(1);

  it('keeps the last good board and says it is stale, showing which refresh, when Aircall answers 5xx', async () => {
    const before = bodyOf();
    await wb.sim.setFaults([{ kind: 'status', status: 503 }]);
    wb.runtime.answerNextDialog({ button: 'OK' });
    wb.runtime.run('refreshFromMenu');
    await wb.sim.clearFaults();
    expect(wb.board().displayValues[0].join(' ')).toMatch(/Stale since \d{2}:\d{2}:\d{2}/);
    expect(bodyOf()).toEqual(before);
  });

  it('names the key as the problem when Aircall answers 403', async () => {
    await wb.sim.advance(60_000);
    await wb.sim.revokeKey();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    await wb.sim.restoreKey();
    const header = wb.board().displayValues[0].join(' ');
    expect(header).toMatch(/Stale since/);
    expect(header).toMatch(/API ID and (API )?token/);
  });

  it('recovers on the next good refresh', () => {
    wb.runtime.run('refreshFromMenu');
    expect(wb.board().displayValues[0].join(' ')).not.toMatch(/Stale/);
  });
});

describe('the board at the large preset', () => {
  let wb: Wallboard;
  let lastRefreshSec: number;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'large', seed: 1, rateLimit: 120 });
    wb.runtime.run('refreshFromMenu'); // cold: every page of the period, within the rate limit
    await wb.sim.advance(60_000);
    lastRefreshSec = Math.floor((await wb.sim.nowMs()) / 1000);
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    await wb.sim.advance(60_000);
  }, LARGE_PRESET_START_MS);
  afterAll(() => wb?.close());

  it('a steady-state refresh writes the board in a few Spreadsheet calls and asks Aircall only for what changed', async () => {
    await wb.sim.resetRequests();
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    const truth = await wb.sim.truth({ callsSinceMs: (lastRefreshSec - 3_600) * 1000 });
    // The board writer's share is about 15; the rest are the other per-refresh hooks (history, alerts).
    expect(spreadsheetCalls(wb.runtime)).toBeLessThanOrEqual(32);
    // ⌈agents/50⌉ availability pages plus the pages of calls started since the last refresh (less a
    // 30 s margin for late-listed calls) or since the oldest call then still ringing, whichever is
    // older: never the whole 15-minute period again.
    const ringingAtLastRefresh = truth.calls.filter(
      (c) =>
        c.started_at <= lastRefreshSec &&
        (c.answered_at !== null ? c.answered_at > lastRefreshSec : c.ended_at === null || c.ended_at > lastRefreshSec),
    );
    const horizon = Math.min(lastRefreshSec - 30, ...ringingAtLastRefresh.map((c) => c.started_at));
    const newCalls = truth.calls.filter((c) => c.started_at >= horizon).length;
    const budget = Math.ceil(truth.users.length / 50) + Math.ceil(newCalls / 50) + 1;
    const periodPages = Math.ceil(truth.calls.filter((c) => c.started_at >= truth.nowMs / 1000 - 900).length / 50);
    expect(aircallRequests(wb.runtime)).toBeLessThanOrEqual(budget);
    expect(aircallRequests(wb.runtime)).toBeLessThan(periodPages / 2);
    expect((await wb.sim.requests()).filter((r) => r.status === 429)).toEqual([]);
    expect(agentCells(wb.board()).size).toBe(truth.users.length);
    expect(wb.board().displayValues[0].join(' ')).not.toMatch(/Stale|Not refreshed/);
  });

  it("reads 1,000 agents' statuses in rotation: at most 25 requests a minute, no status older than 2 minutes", async () => {
    // What Aircall said of each agent at each moment the board could have read it.
    const seen: { atSec: number; statuses: Map<number, string> }[] = [];
    const look = async () => {
      const truth = await wb.sim.truth({ calls: false });
      seen.push({
        atSec: Math.floor(truth.nowMs / 1000),
        statuses: new Map(truth.availabilities.map((a) => [a.id, a.availability])),
      });
    };
    // Minutes 0 and 1 only look: the readings carried from before were not watched.
    for (let minute = 0; minute < 5; minute++) {
      await wb.sim.advance(60_000);
      await look();
      wb.runtime.resetCounters();
      wb.runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
      await look();
      // Once refreshes come a minute apart (the first may follow a longer gap and read every page).
      if (minute >= 1) expect(aircallRequests(wb.runtime)).toBeLessThanOrEqual(READS_PER_MINUTE);

      const board = wb.board();
      const nowSec = seen[seen.length - 1].atSec;
      const recent = seen.filter((s) => nowSec - s.atSec <= STATUS_MAX_AGE_SEC + 15);
      let current = 0;
      const tooOld: string[] = [];
      for (const [id, placements] of agentCells(board)) {
        const { row, column } = placements[0];
        const shown = board.backgrounds[row - 1][column - 1];
        const latest = seen[seen.length - 1].statuses.get(id) ?? 'offline';
        if (shown === STATUS_BACKGROUND[latest]) current++;
        else if (!recent.some((s) => STATUS_BACKGROUND[s.statuses.get(id) ?? 'offline'] === shown))
          tooOld.push(`${id}: ${shown}`);
      }
      // Every status shown was Aircall's within the last two minutes; most are this minute's.
      if (minute >= 2) expect(tooOld).toEqual([]);
      expect(current / agentCells(board).size).toBeGreaterThan(0.7);
    }
  });
});
