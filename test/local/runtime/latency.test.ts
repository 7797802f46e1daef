/**
 * The latency model charges the runtime's clock as Apps Script's servers would (sources in
 * local/runtime/latency.ts): writes per cell at flush (tanaike 2018,
 * https://tanaikech.github.io/2018/10/12/benchmark-reading-and-writing-spreadsheet-using-google-apps-script/),
 * fetchAll parallel but not free (https://www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html),
 * a hung request its ~60 s timeout (https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp),
 * Cache puts ~56–93 ms (https://ziritione.org/post/apps_script_performance).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createRuntime,
  manualClock,
  OPTIMISTIC_LATENCY,
  PESSIMISTIC_LATENCY,
  simulatorClock,
} from '../../../local/runtime/index';
import { type EchoServer, scriptDir, startEchoServer } from './support';

const SCRIPT = `
function grid(n) {
  var rows = [];
  for (var r = 0; r < n; r++) { var row = []; for (var c = 0; c < 20; c++) row.push(r * 20 + c); rows.push(row); }
  return rows;
}
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; }
/** Writes n×20 cells and colors them, then reads one cell back: the read flushes. */
function writeThenRead(n) {
  var range = sheet().getRange(1, 1, n, 20);
  range.setValues(grid(n));
  range.setBackgrounds(grid(n).map(function (row) { return row.map(function () { return '#ffffff'; }); }));
  var cell = sheet().getRange(1, 1);
  var beforeRead = Date.now();
  cell.getValues();
  return Date.now() - beforeRead;
}
function writeOnly(n) { sheet().getRange(1, 1, n, 20).setValues(grid(n)); }
function putForever() { var cache = CacheService.getScriptCache(); for (var i = 0; i < 100000; i++) cache.put('k', String(i)); }
function fetchOne(url) { UrlFetchApp.fetch(url); }
function fetchThree(url) { UrlFetchApp.fetchAll([url, url, url]); }
function fetchHung(url) {
  var started = Date.now();
  try { UrlFetchApp.fetch(url); } catch (e) { return [String(e.message), Date.now() - started]; }
}
`;

const dir = scriptDir(SCRIPT);

describe('per-cell write cost', () => {
  it('charges every cell of the 2-D setters when a read flushes them, and the script sees that time', () => {
    const runtime = createRuntime({ distDir: dir, clock: manualClock(), latencyProfile: PESSIMISTIC_LATENCY });
    const readMs = runtime.run<number>('writeThenRead', [500]);
    // 10,000 values + 10,000 backgrounds at 150 µs, then the read's own round trip.
    expect(readMs).toBe(20_000 * 0.15 + PESSIMISTIC_LATENCY.perCallMs['SpreadsheetApp.Range.getValues']);
  });

  it('brackets a 10,000-cell write between the optimistic and the pessimistic constant', () => {
    const cost = (profile: typeof OPTIMISTIC_LATENCY) => {
      const clock = manualClock();
      const runtime = createRuntime({ distDir: dir, clock, latencyProfile: profile });
      const before = clock.now();
      runtime.run('writeOnly', [500]);
      return clock.now() - before;
    };
    const handles = (profile: typeof OPTIMISTIC_LATENCY) => 4 * profile.perCallMs.SpreadsheetApp;
    // Unflushed writes are charged at the end of the execution, on the runtime's clock.
    expect(cost(OPTIMISTIC_LATENCY)).toBeCloseTo(handles(OPTIMISTIC_LATENCY) + 550, 6);
    expect(cost(PESSIMISTIC_LATENCY)).toBeCloseTo(handles(PESSIMISTIC_LATENCY) + 1_500, 6);
  });

  it('prices the same calls under a shadow profile without moving the clock (the bench’s other bound)', () => {
    const clock = manualClock();
    const runtime = createRuntime({
      distDir: dir,
      clock,
      latencyProfile: PESSIMISTIC_LATENCY,
      shadowLatencyProfile: OPTIMISTIC_LATENCY,
    });
    const before = clock.now();
    runtime.run('writeOnly', [500]);
    expect(runtime.modeledMs).toBeCloseTo(4 * PESSIMISTIC_LATENCY.perCallMs.SpreadsheetApp + 1_500, 6);
    expect(runtime.shadowModeledMs).toBeCloseTo(4 * OPTIMISTIC_LATENCY.perCallMs.SpreadsheetApp + 550, 6);
    expect(clock.now() - before).toBeCloseTo(runtime.modeledMs, 6);
  });

  it('the 6-minute limit counts modeled time: a loop of cache puts is killed after about 3,900 of them', () => {
    const runtime = createRuntime({ distDir: dir, clock: manualClock(), latencyProfile: PESSIMISTIC_LATENCY });
    expect(() => runtime.run('putForever')).toThrow('Exceeded maximum execution time');
    const puts = runtime.executions[0].counters['CacheService.Cache.put'];
    expect(puts).toBeGreaterThan(3_800);
    expect(puts).toBeLessThan(3_900);
  });

  it('without a profile, service calls take no time (tests that do not measure cost)', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: dir, clock });
    const before = clock.now();
    runtime.run('writeOnly', [500]);
    expect(clock.now()).toBe(before);
  });
});

describe('UrlFetch cost', () => {
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(() => server.stop());

  const modeled = (fn: string, path: string) => {
    const runtime = createRuntime({
      distDir: dir,
      clock: simulatorClock(server.url),
      latencyProfile: PESSIMISTIC_LATENCY,
      aircallUrl: server.url,
    });
    runtime.run(fn, [`https://api.aircall.io/${path}`]);
    return runtime.modeledMs;
  };

  it('a fetchAll of three costs about 1.6 times one fetch', () => {
    const one = modeled('fetchOne', 'echo');
    const three = modeled('fetchThree', 'echo');
    expect(one).toBe(PESSIMISTIC_LATENCY.urlFetchMs);
    expect(three / one).toBeCloseTo(1.6, 6);
  });

  it('a hung request costs Apps Script’s 60 s timeout, and the simulated server’s clock sees it', async () => {
    const clockOf = async () => ((await (await fetch(`${server.url}/__sim/clock`)).json()) as { nowMs: number }).nowMs;
    const before = await clockOf();
    const runtime = createRuntime({
      distDir: dir,
      clock: simulatorClock(server.url),
      aircallUrl: server.url,
      fetchTimeoutMs: 300,
    });
    const [message, waitedMs] = runtime.run<[string, number]>('fetchHung', ['https://api.aircall.io/hang']);
    expect(message).toBe('Timeout: https://api.aircall.io/hang');
    expect(waitedMs).toBe(60_000);
    expect((await clockOf()) - before).toBe(60_000);
  });
});
