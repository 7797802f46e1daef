/**
 * History, Today and Daily tabs over the built add-on: snapshots against a scripted call center
 * worked out by hand, pruning to the retention, and a day rollover against the simulator's own calls.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_START_MS, type Scenario } from '../../local/aircall-sim/index';
import { chartsOf } from '../../local/runtime/spreadsheet/charts';
import type { Call } from '../../src/aircall/types';
import { DEFAULT_FORM, openWallboard, type Wallboard } from '../support/wallboard';

const T0 = DEFAULT_START_MS;
const at = (sec: number) => T0 + sec * 1000;
const HOUR = 3_600_000;
const SUPPORT = 100;
const SALES = 200;

const scenario: Scenario = {
  agents: [
    { id: 1, name: 'Ana' },
    { id: 2, name: 'Ben' },
    { id: 3, name: 'Cleo' },
    { id: 4, name: 'Dev' },
  ],
  teams: [{ id: 10, name: 'Front', userIds: [1, 2, 3, 4] }],
  numbers: [
    { id: SUPPORT, name: 'Support', digits: '+33 1 00 00 01 00', userIds: [1, 2, 4] },
    // Hostile text from Aircall: must stay text in History's header and on Today.
    { id: SALES, name: '=HYPERLINK("http://evil.example","x")', digits: '+33 1 00 00 02 00', userIds: [1, 3] },
  ],
  events: [
    // Sales: call 5 waits 25 s (over the 20 s SLA), answered by Cleo, ends.
    { atMs: at(5), type: 'arrive', callId: 5, numberId: SALES },
    { atMs: at(30), type: 'answer', callId: 5, userId: 3 },
    { atMs: at(45), type: 'end', callId: 5 },
    // Support: call 1 rings from t0+10 s, call 3 from t0+25 s: both still waiting.
    { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
    { atMs: at(25), type: 'arrive', callId: 3, numberId: SUPPORT },
    // Support: call 2 waits 15 s (within the SLA), Ben is still on it.
    { atMs: at(20), type: 'arrive', callId: 2, numberId: SUPPORT },
    { atMs: at(35), type: 'answer', callId: 2, userId: 2 },
    // Support: call 4, the caller hangs up (abandoned).
    { atMs: at(30), type: 'arrive', callId: 4, numberId: SUPPORT },
    { atMs: at(40), type: 'miss', callId: 4, reason: 'short_abandoned' },
    // Sales: call 6 missed, no agent free.
    { atMs: at(42), type: 'arrive', callId: 6, numberId: SALES },
    { atMs: at(52), type: 'miss', callId: 6, reason: 'no_available_agent' },
    // Dev goes offline at t0+70 s.
    { atMs: at(70), type: 'status', userId: 4, availability: 'offline' },
  ],
};

interface Tab {
  values: (string | number | boolean | null)[][];
  displayValues: string[][];
  formulas: string[][];
}

const tab = (wb: Wallboard, name: string): Tab => wb.runtime.spreadsheet.snapshot(name);

/** History rows as objects keyed by header, the time as epoch ms. */
function historyRows(wb: Wallboard): Record<string, number | string>[] {
  const [header, ...rows] = tab(wb, 'History').values;
  return rows.map((row) =>
    Object.fromEntries(
      header.map((name, c) => [String(name), c === 0 ? Date.parse(String(row[c])) : (row[c] as number | string)]),
    ),
  );
}

async function refreshAt(wb: Wallboard, ms: number): Promise<void> {
  await wb.sim.advance(ms - (await wb.sim.nowMs()));
  wb.runtime.run('refreshFromMenu');
  expect(wb.runtime.executions.at(-1)?.error).toBeUndefined();
}

/** The count the board's totals strip shows after a label ("Available\n3", "Waiting 2\nlongest 0:50"). */
function boardTotal(wb: Wallboard, label: string): number {
  const pattern = new RegExp(`^${label}\\s+(\\d+)`);
  const counts = wb
    .board()
    .displayValues.flat()
    .flatMap((value) => pattern.exec(value)?.[1] ?? []);
  expect(counts).toHaveLength(1);
  return Number(counts[0]);
}

describe('History and Today on a scripted call center', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ scenario, form: { slaSec: 20, historyRetentionDays: 1 } });
    wb.runtime.run('mapUsersToNumbers');
  });
  afterAll(() => wb?.close());

  it('each refresh appends one row equal to the board it wrote, in one batch write', async () => {
    await refreshAt(wb, at(60));
    const sales = '=HYPERLINK("http://evil.example","x")';
    const first = historyRows(wb);
    expect(first).toHaveLength(1);
    // At t0+60 s: Ana, Cleo and Dev available, Ben on call 2; calls 1 and 3 wait (longest 50 s).
    // Support: 1 answered within the SLA, 1 abandoned → SLA 50 %; Sales: 1 answered late, 1 missed → 0 %.
    // Abandoned: 1 of the 4 answered-or-missed calls → 25 %.
    expect(first[0]).toEqual({
      Time: at(60),
      Available: 3,
      'On a call': 1,
      Waiting: 2,
      'Abandon %': 25,
      'Support · waiting': 2,
      'Support · longest wait (s)': 50,
      'Support · answered': 1,
      'Support · missed': 1,
      'Support · SLA %': 50,
      [`${sales} · waiting`]: 0,
      [`${sales} · longest wait (s)`]: 0,
      [`${sales} · answered`]: 1,
      [`${sales} · missed`]: 1,
      [`${sales} · SLA %`]: 0,
    });
    expect([boardTotal(wb, 'Available'), boardTotal(wb, 'On a call'), boardTotal(wb, 'Waiting')]).toEqual([3, 1, 2]);

    wb.runtime.resetCounters();
    await refreshAt(wb, at(120));
    const second = historyRows(wb).at(-1)!;
    // Dev went offline at t0+70 s; call 1 has now waited 110 s.
    expect([second.Time, second.Available, second['On a call'], second['Support · longest wait (s)']]).toEqual([
      at(120),
      2,
      1,
      110,
    ]);
    expect([boardTotal(wb, 'Available'), boardTotal(wb, 'On a call')]).toEqual([2, 1]);
    // While the tab has room, the snapshot is one write: no row or column is inserted.
    expect(wb.runtime.counters.byMethod.get('SpreadsheetApp.Sheet.insertRowsAfter') ?? 0).toBe(0);
  });

  it('creates its tabs without taking the supervisor away from the board they are looking at', () => {
    expect(wb.runtime.spreadsheet.activeSheet.name).toBe('Activity Tracker');
    for (const name of ['History', 'Today', 'Daily']) expect(wb.runtime.spreadsheet.sheetByName(name)).toBeDefined();
  });

  it('hostile line names stay text: no formula in History, and on Today only our SPARKLINEs', () => {
    const history = tab(wb, 'History');
    expect(history.formulas.flat().filter(Boolean)).toEqual([]);
    const today = tab(wb, 'Today');
    const formulas = today.formulas.flat().filter(Boolean);
    expect(formulas).toEqual(["=SPARKLINE('History'!F2:F)", "=SPARKLINE('History'!K2:K)"]);
    expect(today.values.flat()).toContain('=HYPERLINK("http://evil.example","x")');
  });

  it('Today holds the hour of the refreshes and four native charts over its table', () => {
    const today = tab(wb, 'Today');
    const hourRow = today.values.find((row) => row[0] === '12:00')!;
    // Two snapshots in the 12:00 hour (Paris): 2 callers waiting in each; answered calls 2 and 5,
    // missed calls 4 and 6, one answered within the SLA → 25 %; staffed (available + on a call) 4 then 3.
    expect(hourRow.slice(0, 8)).toEqual(['12:00', 2, 110, 2, 2, 25, 3.5, 2]);
    expect(chartsOnTab(wb, 'Today').map((c) => [c.type, c.ranges])).toEqual([
      ['LINE', ['Today!A2:A26', 'Today!B2:C26']],
      ['COLUMN', ['Today!A2:A26', 'Today!D2:E26']],
      ['LINE', ['Today!A2:A26', 'Today!F2:F26']],
      ['AREA', ['Today!A2:A26', 'Today!G2:G26', 'Today!B2:B26']],
    ]);
  });

  it('Configure refuses a retention outside 1–31 days and keeps the one set', () => {
    const refused = wb.runtime.callFromClient<{ ok: boolean; errors?: Record<string, string> }>('saveSettings', [
      { ...DEFAULT_FORM, historyRetentionDays: '40' },
    ]);
    expect(refused).toEqual({
      ok: false,
      errors: { historyRetentionDays: 'History retention must be a whole number of days between 1 and 31.' },
    });
    const view = wb.runtime.callFromClient<{ settings: { historyRetentionDays: number } }>('getConfigureView');
    expect(view.settings.historyRetentionDays).toBe(1);
  });

  it('pruning keeps exactly the snapshots of the last retention day', async () => {
    const start = at(120);
    for (const hours of [8, 16, 24, 32]) {
      await refreshAt(wb, start + hours * HOUR);
      const now = start + hours * HOUR;
      const times = historyRows(wb).map((row) => row.Time as number);
      const all = [at(60), at(120), start + 8 * HOUR, start + 16 * HOUR, start + 24 * HOUR, start + 32 * HOUR];
      expect(times).toEqual(all.filter((t) => t <= now && t >= now - 24 * HOUR));
    }
  });

  it('keeps one snapshot a minute when Live mode or TV screens refresh every 20 s', async () => {
    const last = at(120) + 32 * HOUR;
    const times = () => historyRows(wb).map((row) => row.Time);
    await refreshAt(wb, last + 20_000);
    await refreshAt(wb, last + 40_000);
    expect(times().at(-1)).toBe(last);
    await refreshAt(wb, last + 60_000);
    expect(times().slice(-2)).toEqual([last, last + 60_000]);
  });
});

describe("Today's figures, kept between refreshes", () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ scenario, form: { slaSec: 20 } });
    wb.runtime.run('mapUsersToNumbers');
    await refreshAt(wb, at(60));
    await refreshAt(wb, at(120));
  });
  afterAll(() => wb?.close());

  /** The 12:00 row: hour, waiting (avg), longest wait, answered, missed, SLA %, staffed (avg), snapshots. */
  const noonRow = () =>
    tab(wb, 'Today')
      .values.find((row) => row[0] === '12:00')!
      .slice(0, 8);

  it('a figure typed over the Today table is put right by the next refresh, not carried on', async () => {
    expect(noonRow()).toEqual(['12:00', 2, 110, 2, 2, 25, 3.5, 2]);
    // Answered (D) and Snapshots (H) of the 12:00 row, typed over by a colleague.
    wb.runtime.runSnippet(`(() => {
      const today = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Today');
      const row = today.getRange('A2:A30').getValues().findIndex(([hour]) => hour === '12:00') + 2;
      today.getRange(row, 4).setValue(999);
      today.getRange(row, 8).setValue(50);
    })()`);
    await refreshAt(wb, at(180));
    // A third snapshot in the hour; no call answered or missed since.
    const [, , , answered, missed, , , snapshots] = noonRow();
    expect([answered, missed, snapshots]).toEqual([2, 2, 3]);
  });

  it('a Today tab deleted by mistake comes back at the next refresh with the day so far', async () => {
    wb.runtime.runSnippet(`(() => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      spreadsheet.deleteSheet(spreadsheet.getSheetByName('Today'));
    })()`);
    await refreshAt(wb, at(240));
    const [, , , answered, missed, , , snapshots] = noonRow();
    expect([answered, missed, snapshots]).toEqual([2, 2, 4]);
    expect(chartsOnTab(wb, 'Today')).toHaveLength(4);
  });
});

function chartsOnTab(wb: Wallboard, name: string) {
  return chartsOf(wb.runtime.spreadsheet.sheetByName(name)!);
}

/** A finished day rolled up the way the issue defines it, straight from the simulator's calls. */
function expectedDaily(calls: Call[], lineId: number, startMs: number, endMs: number, slaSec: number) {
  const offered = calls.filter(
    (c) =>
      c.direction === 'inbound' &&
      c.number?.id === lineId &&
      c.started_at * 1000 >= startMs &&
      c.started_at * 1000 < endMs,
  );
  const answered = offered.filter((c) => c.answered_at !== null);
  const missed = offered.filter((c) => c.status === 'done' && c.answered_at === null && c.missed_call_reason);
  const resolved = answered.length + missed.length;
  const abandoned = missed.filter((c) => /abandoned/.test(c.missed_call_reason ?? '')).length;
  const within = answered.filter((c) => c.answered_at! - c.started_at <= slaSec).length;
  const waits = [
    ...answered.map((c) => c.answered_at! - c.started_at),
    ...missed.map((c) => c.ended_at! - c.started_at),
  ];
  const perHour = new Array<number>(24).fill(0);
  for (const c of offered) perHour[Math.floor((c.started_at * 1000 - startMs) / HOUR)]++;
  const round = (share: number) => Math.round(share * 1000) / 10;
  return [
    offered.length,
    answered.length,
    missed.length,
    resolved ? round(abandoned / resolved) : '',
    resolved ? round(within / resolved) : '',
    waits.length ? Math.max(...waits) : '',
    offered.length ? `${String(perHour.indexOf(Math.max(...perHour))).padStart(2, '0')}:00` : '',
  ];
}

describe('Daily at the day rollover', () => {
  let wb: Wallboard;
  beforeAll(async () => {
    wb = await openWallboard({ preset: 'small', seed: 5, form: { slaSec: 20 } });
    wb.runtime.run('mapUsersToNumbers');
  });
  afterAll(() => wb?.close());

  it('after midnight, a part of the finished day per refresh, Daily gets one row per line matching the day Aircall saw', async () => {
    wb.runtime.run('refreshFromMenu');
    // Daily is there from the first refresh, with its header only.
    expect(tab(wb, 'Daily').values).toHaveLength(1);
    // The spreadsheet is in Europe/Paris (UTC+1 in November): the day ends at 23:00 UTC.
    const nowMs = await wb.sim.nowMs();
    const dayStart = Math.floor((nowMs + HOUR) / (24 * HOUR)) * 24 * HOUR - HOUR;
    const dayEnd = dayStart + 24 * HOUR;
    // The finished day is listed a part per refresh (about a thousand calls each) until Daily is written.
    let minute = 0;
    while (tab(wb, 'Daily').values.length === 1 && minute < 60) await refreshAt(wb, dayEnd + ++minute * 60_000);
    expect(minute).toBeGreaterThan(1);
    expect(minute).toBeLessThan(60);
    const truth = await wb.sim.truth();
    const daily = tab(wb, 'Daily');
    const [header, ...rows] = daily.values;
    expect(header).toEqual([
      'Date',
      'Line',
      'Line id',
      'Offered',
      'Answered',
      'Missed',
      'Abandon %',
      'SLA %',
      'Longest wait (s)',
      'Busiest hour',
    ]);
    expect(rows.map((row) => row[2]).sort()).toEqual(truth.numbers.map((n) => n.id).sort());
    for (const row of rows) {
      const line = truth.numbers.find((n) => n.id === row[2])!;
      expect([Date.parse(String(row[0])), row[1]]).toEqual([dayStart, line.name]);
      expect(row.slice(3)).toEqual(expectedDaily(truth.calls, line.id, dayStart, dayEnd, 20));
    }
    expect(daily.formulas.flat().filter(Boolean)).toEqual([]);

    // The heat map counted that day (a Wednesday): its missed calls by hour add up to the Daily rows'.
    const heat = tab(wb, 'Heat map').values;
    const missedWednesday = heat[heat.map((row) => row[0]).lastIndexOf('Wednesday')];
    const missedByHour = missedWednesday.slice(1).map(Number);
    expect(missedByHour.reduce((a, b) => a + b, 0)).toBe(rows.reduce((sum, row) => sum + Number(row[5]), 0));
    expect(heat[heat.map((row) => row[0]).indexOf('Monday')].slice(1).every((v) => v === '')).toBe(true);

    // Later refreshes the same day add no row.
    await refreshAt(wb, dayEnd + (minute + 1) * 60_000);
    expect(tab(wb, 'Daily').values).toHaveLength(rows.length + 1);
  });
});
