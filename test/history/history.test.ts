import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../src/aircall/types';
import { dayStartMs, hourOf, parseOffset, weekdayOf } from '../../src/history/calendar';
import { addCallsToDaily, type DayWindow, finishDaily, isDayCounted, startDaily } from '../../src/history/daily';
import { addDayToHeatMap, dayHeat, heatMapRows, newHeatMap } from '../../src/history/heatmap';
import { expiredRowCount, maxHistoryRows, retentionCutoffMs } from '../../src/history/retention';
import { historyHeader, historyLineIds, lineMetricColumn, snapshotRow } from '../../src/history/snapshot';
import { addCallEvents, addSnapshot, emptyDay, readBuckets, todayRows } from '../../src/history/today';
import { TODAY_CHARTS, todayLineFormula } from '../../src/history/today-layout';
import type { BoardModel } from '../../src/tracker/board';
import type { LineStats } from '../../src/tracker/totals';

const HOUR = 3_600_000;
/** 2026-11-18 00:00 in Paris (UTC+1). */
const MIDNIGHT = Date.UTC(2026, 10, 17, 23);

function line(lineId: number, name: string, extra: Partial<LineStats> = {}): LineStats {
  return {
    lineId,
    name,
    digits: '+33',
    color: '#000',
    waiting: 0,
    longestWaitSec: null,
    shortestWaitSec: null,
    averageWaitSec: null,
    agents: null,
    answered: 0,
    missed: 0,
    withinSla: null,
    abandoned: null,
    ...extra,
  };
}

function model(lines: LineStats[], totals: Partial<BoardModel['totals']> = {}): Pick<BoardModel, 'lines' | 'totals'> {
  return {
    lines,
    totals: {
      available: 0,
      inCall: 0,
      afterCallWork: 0,
      doNotDisturb: 0,
      offline: 0,
      unknown: 0,
      waiting: 0,
      longestWaitSec: null,
      inbound: 0,
      outbound: 0,
      missed: 0,
      ...totals,
    } as BoardModel['totals'],
  };
}

function call(id: number, lineId: number, startSec: number, extra: Partial<Call>): Call {
  return {
    id,
    direction: 'inbound',
    status: 'done',
    started_at: startSec,
    answered_at: null,
    ended_at: null,
    missed_call_reason: null,
    raw_digits: '+33',
    number: { id: lineId, name: 'x' },
    user: null,
    ...extra,
  } as unknown as Call;
}

/** A whole day rolled up at once. */
function dailyRollup(calls: Call[], lines: { lineId: number; name: string }[], day: DayWindow) {
  const progress = startDaily(day);
  addCallsToDaily(progress, calls, day.endMs);
  return finishDaily(progress, lines);
}

describe('calendar in the spreadsheet time zone', () => {
  it('reads Java offsets and finds local midnight, hour and weekday', () => {
    expect([parseOffset('+0100'), parseOffset('-0530'), parseOffset('Z')]).toEqual([60, -330, 0]);
    expect(dayStartMs(MIDNIGHT + 23.5 * HOUR, 60)).toBe(MIDNIGHT);
    expect(dayStartMs(MIDNIGHT - 1, 60)).toBe(MIDNIGHT - 24 * HOUR);
    expect(hourOf(MIDNIGHT + 14.2 * HOUR, 60)).toBe(14);
    // 18 November 2026 is a Wednesday (Monday = 0).
    expect(weekdayOf(MIDNIGHT + HOUR, 60)).toBe(2);
  });
});

describe('History snapshots', () => {
  it('keeps line columns where they were and appends new lines at the end', () => {
    const ids = historyLineIds([7], model([line(3, 'A'), line(7, 'B')]));
    expect(ids).toEqual([7, 3]);
    expect(lineMetricColumn(1, 'waiting')).toBe(11);
    expect(historyHeader(ids, model([line(3, 'A')])).slice(5, 7)).toEqual([
      'Line #7 · waiting',
      'Line #7 · longest wait (s)',
    ]);
  });

  it('writes numbers only: totals, then per line waiting, longest wait, answered, missed, SLA %', () => {
    const snapshot = model(
      [line(3, '=cmd()', { waiting: 2, longestWaitSec: 40, answered: 3, missed: 1, withinSla: 0.75, abandoned: 0.25 })],
      { available: 4, inCall: 2, waiting: 2 },
    );
    expect(snapshotRow(snapshot, [3, 9], 'T')).toEqual(['T', 4, 2, 2, 25, 2, 40, 3, 1, 75, '', '', '', '', '']);
  });
});

describe('retention', () => {
  it('drops exactly the rows older than the retention, and caps rows by cells', () => {
    const now = 10 * 24 * HOUR;
    const cutoff = retentionCutoffMs(now, 7);
    expect(expiredRowCount([cutoff - 2, cutoff - 1, cutoff, cutoff + 1], cutoff)).toBe(2);
    expect(expiredRowCount([], cutoff)).toBe(0);
    expect(maxHistoryRows(200)).toBe(10_000);
  });
});

describe('Today table', () => {
  it('counts each answered or missed call once, in the hour it happened', () => {
    const day = emptyDay();
    const since = (MIDNIGHT + 9.9 * HOUR) / 1000;
    const now = since + 600;
    const calls = [
      call(1, 1, since - 100, { answered_at: since + 10 }), // answered in this interval after 110 s: over the 20 s SLA
      call(2, 1, since + 20, { answered_at: since + 30 }), // 10 s wait: within the SLA
      call(3, 1, since + 40, { ended_at: since + 400, missed_call_reason: 'short_abandoned' }), // missed at 10:00+
      call(4, 1, since - 500, { answered_at: since - 5 }), // before the interval: counted last time
    ];
    const hourOfSec = (sec: number) => hourOf(sec * 1000, 60);
    addCallEvents(day, calls, since, now, 20, hourOfSec);
    addSnapshot(day, 9, model([], { waiting: 3, longestWaitSec: 70, available: 5, inCall: 1 }));
    expect([day[9].answered, day[9].withinSla, day[9].missed, day[10].missed]).toEqual([2, 1, 0, 1]);
    const rows = todayRows(day, true);
    expect(rows[9].slice(0, 8)).toEqual(['09:00', 3, 70, 2, 0, 50, 6, 1]);
    expect(rows[11].slice(0, 7)).toEqual(['11:00', '', '', '', '', '', '']);
    expect(readBuckets(rows)).toEqual(day);
  });

  it('charts read the table by address; sparklines name columns, never lines', () => {
    expect(TODAY_CHARTS.map((c) => c.ranges[0])).toEqual(['A2:A26', 'A2:A26', 'A2:A26', 'A2:A26']);
    expect(todayLineFormula('History', 1)).toBe("=SPARKLINE('History'!K2:K)");
  });
});

describe('Daily roll-up', () => {
  it('rolls a day of calls up per line: offered, answered, missed, abandon %, SLA %, longest wait, busiest hour', () => {
    const s = MIDNIGHT / 1000;
    const calls = [
      call(1, 1, s + 9 * 3600, { answered_at: s + 9 * 3600 + 10 }),
      call(2, 1, s + 9 * 3600 + 60, { answered_at: s + 9 * 3600 + 95 }),
      call(3, 1, s + 14 * 3600, { ended_at: s + 14 * 3600 + 50, missed_call_reason: 'short_abandoned' }),
      call(4, 1, s - 10, { answered_at: s + 5 }), // the day before
      call(5, 2, s + 3600, { direction: 'outbound' } as Partial<Call>),
    ];
    const day = { startMs: MIDNIGHT, endMs: MIDNIGHT + 24 * HOUR, offsetMinutes: 60, slaSec: 20 };
    expect(
      dailyRollup(
        calls,
        [
          { lineId: 1, name: 'Support' },
          { lineId: 2, name: 'Sales' },
        ],
        day,
      ),
    ).toEqual([
      {
        lineId: 1,
        name: 'Support',
        offered: 3,
        answered: 2,
        missed: 1,
        abandonPct: 33.3,
        slaPct: 33.3,
        longestWaitSec: 50,
        busiestHour: '09:00',
      },
      {
        lineId: 2,
        name: 'Sales',
        offered: 0,
        answered: 0,
        missed: 0,
        abandonPct: '',
        slaPct: '',
        longestWaitSec: '',
        busiestHour: '',
      },
    ]);
  });
});

describe('Daily roll-up in parts', () => {
  it('counts each call once when the day is listed an hour at a time, boundary seconds included', () => {
    const s = MIDNIGHT / 1000;
    const calls = Array.from({ length: 48 }, (_, i) =>
      call(
        i,
        1,
        s + i * 1800,
        i % 3
          ? { answered_at: s + i * 1800 + (i % 40) }
          : { ended_at: s + i * 1800 + 9, missed_call_reason: 'abandoned_in_ivr' },
      ),
    );
    const day = { startMs: MIDNIGHT, endMs: MIDNIGHT + 24 * HOUR, offsetMinutes: 60, slaSec: 20 };
    const progress = startDaily(day);
    for (let hour = 1; hour <= 24; hour++) {
      const until = MIDNIGHT + hour * HOUR;
      // Each listing reaches the next part's first second, as the adapter asks Aircall.
      const listed = calls.filter((c) => c.started_at * 1000 <= until && c.started_at * 1000 >= until - HOUR);
      expect(isDayCounted(progress)).toBe(false);
      addCallsToDaily(progress, listed, until);
    }
    expect(isDayCounted(progress)).toBe(true);
    const lines = [{ lineId: 1, name: 'Support' }];
    expect(finishDaily(progress, lines)).toEqual(dailyRollup(calls, lines, day));
    expect(finishDaily(progress, lines)[0].offered).toBe(48);
  });
});

describe('heat map', () => {
  it('spreads each wait over the hours it covered and averages per weekday', () => {
    const s = MIDNIGHT / 1000;
    const calls = [
      call(1, 1, s + 10 * 3600 - 30, { answered_at: s + 10 * 3600 + 90 }),
      call(2, 1, s + 15 * 3600, { ended_at: s + 15 * 3600 + 60, missed_call_reason: 'no_available_agent' }),
    ];
    const heat = dayHeat(calls, MIDNIGHT, MIDNIGHT + 24 * HOUR);
    expect([heat.waitingSec[9], heat.waitingSec[10], heat.waitingSec[15], heat.missed[15]]).toEqual([30, 90, 60, 1]);
    const map = newHeatMap('2026-11-18');
    addDayToHeatMap(map, MIDNIGHT, 60, heat);
    addDayToHeatMap(map, MIDNIGHT + 7 * 24 * HOUR, 60, {
      waitingSec: new Array(24).fill(0),
      missed: new Array(24).fill(0),
    });
    // The older Wednesday weighs 90 %: (0.9 × 1 + 0) / (0.9 + 1) missed calls at 15h.
    expect(map.days[2]).toBe(1.9);
    const { values, backgrounds } = heatMapRows(map);
    const missedWednesday = values.map((row) => row[0]).lastIndexOf('Wednesday');
    expect(values[missedWednesday][16]).toBe(0.5);
    expect(backgrounds[missedWednesday][16]).not.toBe('#ffffff');
    expect(values[missedWednesday][15]).toBe(0);
  });

  it("follows today's traffic: a busy hour of a year ago has all but faded after a year of quiet weeks", () => {
    const quiet = { waitingSec: new Array(24).fill(0), missed: new Array(24).fill(0) };
    const busy = { waitingSec: new Array(24).fill(0), missed: new Array(24).fill(0) };
    busy.missed[10] = 40;
    const map = newHeatMap('2025-11-19');
    addDayToHeatMap(map, MIDNIGHT, 60, busy);
    const missedAt10 = () => {
      const { values } = heatMapRows(map);
      return values[values.map((row) => row[0]).lastIndexOf('Wednesday')][11];
    };
    expect(missedAt10()).toBe(40);
    for (let week = 1; week <= 52; week++) addDayToHeatMap(map, MIDNIGHT + week * 7 * 24 * HOUR, 60, quiet);
    expect(missedAt10()).toBe(0);
    expect(JSON.stringify(map).length).toBeLessThan(6_000);
  });
});
