import { describe, expect, it } from '@jest/globals';
import {
  type AlertState,
  EMPTY_STATE,
  isQuiet,
  type LocalTime,
  RETRY_WINDOW_MS,
  settleDelivery,
  stepAlerts,
} from '../../src/alerts/engine';
import type { Observation } from '../../src/alerts/evaluate';
import { type AlertRule, type AlertSettings, DEFAULT_ALERT_SETTINGS } from '../../src/alerts/rules';

const RULE: AlertRule = { kind: 'waiting', target: 'all', threshold: 2 };
const SETTINGS: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, rules: [RULE], cooldownMin: 10, dailyCap: 5 };
const WEDNESDAY_NOON: LocalTime = { day: '2026-11-18', weekday: 3, hour: 12 };
const MIN = 60_000;

const seen = (line: string, value: number): Observation => ({
  key: `waiting:all:2|line:${line}`,
  rule: RULE,
  scope: 'line',
  name: line,
  firing: value > 2,
  value,
});

/** Runs refreshes one a minute; returns per refresh what each channel was given and what was logged. */
function run(
  refreshes: Observation[][],
  settings: AlertSettings = SETTINGS,
  local: LocalTime = WEDNESDAY_NOON,
  start: AlertState = EMPTY_STATE,
) {
  let state = start;
  return refreshes.map((observations, minute) => {
    const step = stepAlerts(state, observations, { nowMs: minute * MIN, local, settings, channels: ['email'] });
    state = step.state;
    const sent = (step.outgoing.email ?? []).map((p) => `${p.event.transition} ${p.event.name} ${p.event.value}`);
    return { sent, log: step.log.map((entry) => `${entry.event.name}: ${entry.outcome}`), state };
  });
}

describe('firing and clearing', () => {
  it('announces a start once and its clear once, per line', () => {
    const steps = run([
      [seen('A', 3), seen('B', 0)],
      [seen('A', 5), seen('B', 4)],
      [seen('A', 0), seen('B', 4)],
      [seen('A', 0), seen('B', 1)],
    ]);
    expect(steps.map((s) => s.sent)).toEqual([['fired A 3'], ['fired B 4'], ['cleared A 0'], ['cleared B 1']]);
  });

  it('holds a restart back for the cooldown, logs it once, and announces it once the cooldown is over', () => {
    const refreshes = [[seen('A', 3)], [seen('A', 0)], ...Array.from({ length: 9 }, () => [seen('A', 4)])];
    const steps = run(refreshes);
    expect(steps.map((s) => s.sent.join())).toEqual([
      'fired A 3',
      'cleared A 0',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'fired A 4',
    ]);
    expect(steps.flatMap((s) => s.log)).toEqual(['A: suppressed: cooldown']);
  });

  it('stops new starts at the daily cap, still clears what was announced, and counts again the next day', () => {
    const capped = { ...SETTINGS, dailyCap: 1 };
    const steps = run(
      [
        [seen('A', 3), seen('B', 3)],
        [seen('A', 0), seen('B', 3)],
      ],
      capped,
    );
    expect(steps.map((s) => s.sent)).toEqual([['fired A 3'], ['cleared A 0']]);
    expect(steps[0].log).toEqual(['B: suppressed: daily cap reached']);
    const nextDay = run([[seen('B', 3)]], capped, { ...WEDNESDAY_NOON, day: '2026-11-19' }, steps[1].state);
    expect(nextDay[0].sent).toEqual(['fired B 3']);
  });

  it('forgets the state of a rule that was removed', () => {
    const [first] = run([[seen('A', 3)]]);
    const removed = stepAlerts(first.state, [], {
      nowMs: MIN,
      local: WEDNESDAY_NOON,
      settings: { ...SETTINGS, rules: [] },
      channels: ['email'],
    });
    expect(removed.state.keys).toEqual({});
  });
});

describe('quiet hours and days', () => {
  const at = (hour: number, weekday = 3): LocalTime => ({ day: 'd', weekday, hour });
  it('wraps midnight', () => {
    const night = { quietHours: { fromHour: 19, toHour: 8 }, quietDays: [] };
    expect([18, 19, 23, 0, 7, 8].map((h) => isQuiet(night, at(h)))).toEqual([false, true, true, true, true, false]);
    const lunch = { quietHours: { fromHour: 12, toHour: 14 }, quietDays: [] };
    expect([11, 12, 13, 14].map((h) => isQuiet(lunch, at(h)))).toEqual([false, true, true, false]);
  });

  it('keeps whole days quiet', () => {
    const weekend = { quietHours: null, quietDays: [6, 7] };
    expect([5, 6, 7].map((d) => isQuiet(weekend, at(12, d)))).toEqual([false, true, true]);
  });

  it('announces what still fires once the quiet time is over', () => {
    const quiet = { ...SETTINGS, quietDays: [3] };
    const [during] = run([[seen('A', 3)]], quiet);
    expect(during).toMatchObject({ sent: [], log: ['A: suppressed: quiet hours'] });
    const [after] = run([[seen('A', 3)]], SETTINGS, { ...WEDNESDAY_NOON, weekday: 4 }, during.state);
    expect(after.sent).toEqual(['fired A 3']);
  });

  it('sends a clear that happened in quiet hours once they end, so nobody is left thinking a line is still in trouble', () => {
    const lunch = { ...SETTINGS, quietHours: { fromHour: 12, toHour: 14 } };
    const [fired] = run([[seen('A', 3)]], lunch, { ...WEDNESDAY_NOON, hour: 11 });
    expect(fired.sent).toEqual(['fired A 3']);
    const [cleared, stillQuiet] = run([[seen('A', 0)], [seen('A', 0)]], lunch, WEDNESDAY_NOON, fired.state);
    expect(cleared).toMatchObject({ sent: [], log: ['A: held: quiet hours'] });
    expect(stillQuiet.sent).toEqual([]);
    const [after, later] = run(
      [[seen('A', 0)], [seen('A', 0)]],
      lunch,
      { ...WEDNESDAY_NOON, hour: 14 },
      stillQuiet.state,
    );
    expect(after.sent).toEqual(['cleared A 0']);
    expect(later.sent).toEqual([]);
  });

  it('drops a held clear when the rule fires again before the quiet time ends: for those told, it never stopped', () => {
    const lunch = { ...SETTINGS, quietHours: { fromHour: 12, toHour: 14 } };
    const [fired] = run([[seen('A', 3)]], lunch, { ...WEDNESDAY_NOON, hour: 11 });
    const [, again] = run([[seen('A', 0)], [seen('A', 6)]], lunch, WEDNESDAY_NOON, fired.state);
    expect(again.sent).toEqual([]);
    const [after] = run([[seen('A', 6)], [seen('A', 0)]], lunch, { ...WEDNESDAY_NOON, hour: 14 }, again.state);
    expect(after.sent).toEqual([]);
    const [, clearedAfter] = run([[seen('A', 6)], [seen('A', 0)]], lunch, { ...WEDNESDAY_NOON, hour: 14 }, again.state);
    expect(clearedAfter.sent).toEqual(['cleared A 0']);
  });
});

describe('a failing channel', () => {
  it('keeps what failed for the next refresh, sends it first, and gives up after the retry window', () => {
    const first = stepAlerts(EMPTY_STATE, [seen('A', 3)], {
      nowMs: 0,
      local: WEDNESDAY_NOON,
      settings: SETTINGS,
      channels: ['email'],
    });
    const failed = settleDelivery(first.state, 'email', first.outgoing.email!, { ok: false, reason: 'boom' }, 0);
    expect(failed.log.map((l) => l.outcome)).toEqual(['failed: boom; retry in 1 min']);
    const second = stepAlerts(failed.state, [seen('A', 3), seen('B', 5)], {
      nowMs: MIN,
      local: WEDNESDAY_NOON,
      settings: SETTINGS,
      channels: ['email'],
    });
    expect(second.outgoing.email!.map((p) => [p.event.name, p.attempts])).toEqual([
      ['A', 1],
      ['B', 0],
    ]);
    const sent = settleDelivery(second.state, 'email', second.outgoing.email!, { ok: true }, MIN);
    expect(sent.log.map((l) => `${l.event.name}: ${l.outcome}`)).toEqual(['A: sent on retry 1', 'B: sent']);

    const late = stepAlerts(failed.state, [seen('A', 3)], {
      nowMs: RETRY_WINDOW_MS,
      local: WEDNESDAY_NOON,
      settings: SETTINGS,
      channels: ['email'],
    });
    expect(late.outgoing.email).toBeUndefined();
    expect(late.log.map((l) => l.outcome)).toEqual(['dropped after 1 failed attempt']);
  });

  it('tries a failing channel again after 1, 2, 4, 8, then every 16 minutes, keeping what waits', () => {
    let state = EMPTY_STATE;
    const tried: number[] = [];
    for (let minute = 0; minute <= 40; minute++) {
      const step = stepAlerts(state, minute === 0 ? [seen('A', 3)] : [], {
        nowMs: minute * MIN,
        local: WEDNESDAY_NOON,
        settings: { ...SETTINGS, rules: [] },
        channels: ['email'],
      });
      state = step.state;
      const pending = step.outgoing.email;
      if (!pending) continue;
      tried.push(minute);
      state = settleDelivery(state, 'email', pending, { ok: false, reason: 'down' }, minute * MIN).state;
    }
    // Minute 0, then +1, +2, +4, +8, +16; the message is dropped 30 minutes after it happened.
    expect(tried).toEqual([0, 1, 3, 7, 15]);
    expect(state.outbox).toEqual({});
  });

  it('logs, without sending, what fires while no channel is set', () => {
    const step = stepAlerts(EMPTY_STATE, [seen('A', 3)], {
      nowMs: 0,
      local: WEDNESDAY_NOON,
      settings: SETTINGS,
      channels: [],
    });
    expect(step.outgoing).toEqual({});
    expect(step.log.map((l) => l.outcome)).toEqual(['not sent: no email or Chat webhook set']);
  });
});
