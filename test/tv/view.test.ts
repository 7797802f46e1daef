import { describe, expect, it } from '@jest/globals';
import type { TvSnapshot } from '../../src/tv/snapshot';
import {
  buildTvView,
  MAX_TROUBLE_LINES,
  maskCaller,
  parseTvOptions,
  TV_DEFAULT_OPTIONS,
  withBoard,
} from '../../src/tv/view';

const NOW = 1_700_000_000_000;

function snapshot(overrides: Partial<TvSnapshot> = {}): TvSnapshot {
  return {
    refreshedAtMs: NOW - 15_000,
    slaSec: 20,
    teams: [
      {
        key: '1',
        name: 'Sales',
        agents: [
          { id: 10, name: 'Ana', status: 'available' },
          { id: 11, name: 'Ben', status: 'in_call' },
          { id: 12, name: '=HYPERLINK("x")', status: 'after_call_work' },
        ],
      },
      {
        key: '2',
        name: 'Support',
        agents: [
          { id: 11, name: 'Ben', status: 'in_call' },
          { id: 13, name: 'Chen', status: 'available' },
        ],
      },
    ],
    lines: [
      {
        lineId: 100,
        name: 'Sales FR',
        waiting: 2,
        longestWaitSec: 95,
        answered: 8,
        missed: 2,
        withinSla: 0.5,
        abandoned: 0.1,
        level: 'red',
      },
      {
        lineId: 200,
        name: 'Support',
        waiting: 1,
        longestWaitSec: 12,
        answered: 10,
        missed: 0,
        withinSla: 1,
        abandoned: 0,
        level: null,
      },
      {
        lineId: 300,
        name: 'Quiet',
        waiting: 0,
        longestWaitSec: null,
        answered: 0,
        missed: 0,
        withinSla: null,
        abandoned: null,
        level: 'green',
      },
    ],
    troubleOrder: [100, 200],
    queue: [
      { lineId: 200, lineName: 'Support', caller: '+44 20 7946 0018', waitingSec: 12 },
      { lineId: 100, lineName: 'Sales FR', caller: '+33 6 12 34 56 78', waitingSec: 95 },
      { lineId: 100, lineName: 'Sales FR', caller: '+33 6 98 76 54 32', waitingSec: 40 },
    ],
    ...overrides,
  };
}

const context = { nowMs: NOW, nextPollSec: 20, stale: null, notices: [] };

describe('the TV view', () => {
  it('counts each agent once across teams, and the queue across lines', () => {
    const view = buildTvView(snapshot(), TV_DEFAULT_OPTIONS, context);
    expect(view.tiles).toEqual({ available: 2, onCall: 1, waiting: 3, longestWaitSec: 95, slaPct: 75, abandonPct: 5 });
    expect(view.ageSec).toBe(15);
    expect(view.queue.map((c) => c.waitingSec)).toEqual([95, 40, 12]);
  });

  it("lists the lines in trouble in the board's order of severity", () => {
    const view = buildTvView(snapshot(), TV_DEFAULT_OPTIONS, context);
    expect(view.troubleLines.map((l) => [l.name, l.level])).toEqual([
      ['Sales FR', 'red'],
      ['Support', 'waiting'],
    ]);
    expect(view.troubleLines[0]).toMatchObject({ slaPct: 50, abandonPct: 10, longestWaitSec: 95 });
  });

  it('caps the lines in trouble and says how many more there are', () => {
    const lines = Array.from({ length: MAX_TROUBLE_LINES + 3 }, (_, i) => ({
      ...snapshot().lines[0],
      lineId: i + 1,
      name: `Line ${i + 1}`,
    }));
    const troubleOrder = lines.map((line) => line.lineId).reverse();
    const view = buildTvView(snapshot({ lines, troubleOrder }), TV_DEFAULT_OPTIONS, context);
    expect(view.troubleLines).toHaveLength(MAX_TROUBLE_LINES);
    expect(view.troubleLines[0].name).toBe(`Line ${MAX_TROUBLE_LINES + 3}`);
    expect(view.moreTroubleLines).toBe(3);
  });

  it('shows only the teams and lines the URL asks for', () => {
    const { options } = parseTvOptions({ teams: '2', lines: '100' });
    const view = buildTvView(snapshot(), options, context);
    expect(view.teams.map((t) => t.name)).toEqual(['Support']);
    expect(view.tiles).toMatchObject({ available: 1, onCall: 1, waiting: 2, longestWaitSec: 95, slaPct: 50 });
    expect(view.troubleLines.map((l) => l.name)).toEqual(['Sales FR']);
  });

  it('masks callers but their last two digits when asked', () => {
    expect(maskCaller('+33 6 12 34 56 78')).toBe('+•• • •• •• •• 78');
    const { options } = parseTvOptions({ mask: '1' });
    const view = buildTvView(snapshot(), options, context);
    expect(view.queue.map((c) => c.caller)).toEqual(['+•• • •• •• •• 78', '+•• • •• •• •• 32', '+•• •• •••• ••18']);
  });

  it('keeps names as plain data: the page renders them as text', () => {
    const view = buildTvView(snapshot(), TV_DEFAULT_OPTIONS, context);
    expect(view.teams[0].agents.map((a) => a.name)).toContain('=HYPERLINK("x")');
  });

  it('refuses URL parameters that are not lists of ids, and says so on the page', () => {
    const parsed = parseTvOptions({ teams: '1,<script>', lines: '10,abc', mask: 'no' });
    expect(parsed.options).toEqual(TV_DEFAULT_OPTIONS);
    expect(parsed.problems).toEqual([
      'The "teams" parameter must list team ids separated by commas; showing every team.',
      'The "lines" parameter must list line ids separated by commas; showing every line.',
    ]);
    expect(parseTvOptions(null)).toEqual({ options: TV_DEFAULT_OPTIONS, problems: [] });
    expect(parseTvOptions({ teams: 'single-users,3' }).options.teams).toEqual(['single-users', '3']);
  });

  it('notices teams or lines in the URL that the board does not have', () => {
    const { options } = parseTvOptions({ teams: '2,999' });
    const view = buildTvView(snapshot(), options, context);
    expect(view.notices).toEqual(['Some teams in the URL are not on the board.']);
  });

  it('says the board was never refreshed when there is no snapshot yet', () => {
    const view = buildTvView(null, TV_DEFAULT_OPTIONS, context);
    expect(view.stale).toBe('The board has not been refreshed yet.');
    expect(view.tiles.waiting).toBe(0);
    expect(view.ageSec).toBeNull();
  });

  it("takes a named board's teams and lines, unless the URL gives its own ids", () => {
    const boards = [{ name: 'Floor 2', teamFilter: ['7', '8'], lineFilter: ['100'] }];
    expect(withBoard(parseTvOptions({ board: ' floor 2 ' }).options, boards).options).toMatchObject({
      teams: ['7', '8'],
      lines: [100],
    });
    expect(withBoard(parseTvOptions({ board: 'Floor 2', teams: '9' }).options, boards).options.teams).toEqual(['9']);
    expect(withBoard(parseTvOptions({ board: 'Floor 9' }).options, boards)).toMatchObject({
      options: { teams: null, lines: null },
      problem: 'No board is named "Floor 9" in Configure; showing every team and line.',
    });
  });
});
