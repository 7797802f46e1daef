import { describe, expect, it } from '@jest/globals';
import { buildBoard } from '../../src/tracker/board';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/tracker/settings';
import { type LineTargets, levelOf, linePanel, overallShares, validateLineTargets } from '../../src/tracker/targets';
import { answeredInbound, boardInput, line, missed, waiting } from '../fixtures/board-input';

describe('validateLineTargets', () => {
  it('keeps valid thresholds, numbers or digit strings, for All lines and single lines', () => {
    const result = validateLineTargets(
      { all: { longestWaitSec: { yellow: '30', red: 60 } }, '10': { slaPct: { yellow: 90, red: 80 } } },
      {},
    );
    expect(result).toEqual({
      ok: true,
      targets: { all: { longestWaitSec: { yellow: 30, red: 60 } }, '10': { slaPct: { yellow: 90, red: 80 } } },
    });
  });

  it('keeps the current targets when the form does not send them, and clears them with null', () => {
    const current: LineTargets = { all: { waiting: { yellow: 2, red: 5 } } };
    expect(validateLineTargets(undefined, current)).toEqual({ ok: true, targets: current });
    expect(validateLineTargets(null, current)).toEqual({ ok: true, targets: {} });
  });

  it.each([
    [{ all: { longestWaitSec: { yellow: 60, red: 30 } } }, 'Longest wait (All lines): red must be above yellow.'],
    [{ '10': { slaPct: { yellow: 80, red: 90 } } }, 'SLA (line 10): red must be below yellow.'],
    [
      { all: { slaPct: { yellow: 120, red: 90 } } },
      'SLA (All lines): yellow and red must be whole numbers of percent from 0 to 100.',
    ],
    [
      { all: { waiting: { yellow: -1, red: 2 } } },
      'Calls waiting (All lines): yellow and red must be whole numbers of calls from 0 to 86400.',
    ],
    [{ all: { talkTime: { yellow: 1, red: 2 } } }, 'Unknown metric "talkTime" in line targets.'],
    [{ 'line one': {} }, 'Unknown line "line one" in line targets.'],
    [[1, 2], 'Line targets must map lines to metric thresholds.'],
  ])('rejects %j', (value, error) => {
    expect(validateLineTargets(value, {})).toEqual({ ok: false, error });
  });

  it('is part of validateSettings, which applies nothing when a target is wrong', () => {
    const bad = validateSettings(
      { slaSec: 20, lineTargets: { all: { waiting: { yellow: 5, red: 2 } } } },
      DEFAULT_SETTINGS,
    );
    expect(bad).toEqual({ ok: false, errors: { lineTargets: 'Calls waiting (All lines): red must be above yellow.' } });
    const good = validateSettings(
      { lineFilter: ['10'], lineTargets: { all: { waiting: { yellow: 2, red: 5 } } } },
      DEFAULT_SETTINGS,
    );
    expect(good).toMatchObject({
      ok: true,
      settings: { lineFilter: ['10'], lineTargets: { all: { waiting: { yellow: 2, red: 5 } } } },
    });
    expect(validateSettings({ lineFilter: ['x'] }, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      errors: { lineFilter: expect.any(String) },
    });
  });
});

describe('levelOf', () => {
  it('turns yellow and red from the thresholds on when more is worse', () => {
    const t = { yellow: 30, red: 60 };
    expect([29, 30, 59, 60].map((v) => levelOf('longestWaitSec', v, t))).toEqual(['green', 'yellow', 'yellow', 'red']);
  });

  it('turns yellow and red below the thresholds when less is worse', () => {
    const t = { yellow: 90, red: 80 };
    expect([90, 89, 80, 79].map((v) => levelOf('slaPct', v, t))).toEqual(['green', 'yellow', 'yellow', 'red']);
  });
});

describe('the Lines panel', () => {
  const numbers = [line(10, 'Support FR'), line(20, 'Sales FR'), line(30, 'Billing')];
  const calls = [answeredInbound(1, 10, 10), missed(10, 'short_abandoned'), waiting(10, 45)];

  it('shows the lines with activity, plus quiet lines with a target of their own', () => {
    const model = buildBoard(
      boardInput({ numbers, calls, settings: { lineTargets: { '30': { waiting: { yellow: 1, red: 3 } } } } }),
    );
    expect(model.linePanel.map((row) => row.line.name)).toEqual(['Billing', 'Support FR']);
  });

  it('shows exactly the filtered lines, quiet or not', () => {
    const model = buildBoard(boardInput({ numbers, calls, settings: { lineFilter: ['20'] } }));
    expect(model.linePanel.map((row) => row.line.name)).toEqual(['Sales FR']);
  });

  it('applies a line its own targets over All lines, metric by metric, and keeps the worst level', () => {
    const model = buildBoard(
      boardInput({
        numbers,
        calls,
        settings: {
          slaSec: 20,
          lineTargets: {
            all: { longestWaitSec: { yellow: 30, red: 60 }, slaPct: { yellow: 90, red: 40 } },
            '10': { longestWaitSec: { yellow: 20, red: 40 } },
          },
        },
      }),
    );
    const [support] = model.linePanel;
    // Longest wait 45 s ≥ the line's own red 40; SLA 1 of 2 = 50%: below yellow 90, not below red 40;
    // the abandon rate has no threshold set, so the default one applies (1 of 2 ≥ 20%).
    expect(support.checks.map((c) => [c.metric, c.value, c.level])).toEqual([
      ['longestWaitSec', 45, 'red'],
      ['abandonRatePct', 50, 'red'],
      ['slaPct', 50, 'yellow'],
    ]);
    expect(support.level).toBe('red');
  });

  it('holds every line to sensible default targets until the supervisor sets others', () => {
    const quiet = [answeredInbound(1, 10, 5), answeredInbound(1, 10, 8)];
    const [row] = linePanel(buildBoard(boardInput({ numbers, calls: quiet })).lines, {
      lineTargets: {},
      lineFilter: null,
    });
    // The default SLA is 20 s: both answered within it, nobody waiting, nobody abandoned.
    expect(row.checks.map((c) => [c.metric, c.value, c.level])).toEqual([
      ['longestWaitSec', 0, 'green'],
      ['abandonRatePct', 0, 'green'],
      ['slaPct', 100, 'green'],
    ]);
    expect(row.level).toBe('green');
  });

  it('has no SLA check when the SLA is off, since there is no share to compare', () => {
    const rows = linePanel(buildBoard(boardInput({ numbers, calls, settings: { slaSec: 0 } })).lines, {
      lineTargets: { all: { slaPct: { yellow: 90, red: 80 } } },
      lineFilter: null,
    });
    expect(rows[0].checks.map((c) => c.metric)).not.toContain('slaPct');
  });
});

describe('overallShares', () => {
  it('weighs each line by its answered and missed calls', () => {
    const model = buildBoard(
      boardInput({
        settings: { slaSec: 20 },
        calls: [
          answeredInbound(1, 10, 10),
          missed(10, 'short_abandoned'),
          answeredInbound(2, 20, 30),
          answeredInbound(2, 20, 5),
        ],
      }),
    );
    // Within 20 s: 1 on line 10 and 1 on line 20, of 4 → 50%. Abandoned: 1 of 4 → 25%.
    expect(overallShares(model.lines)).toEqual({ withinSla: 0.5, abandoned: 0.25 });
    expect(overallShares([])).toEqual({ withinSla: null, abandoned: null });
  });
});
