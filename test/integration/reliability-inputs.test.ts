/**
 * Odd data and bad input, in the built product: records a real Aircall account may hold (a team or
 * line without a name, a call without answered_at, text longer than a Sheets cell) through a proxy
 * that rewrites the simulator's answers; stored state corrupted in every place the product keeps
 * one, which must be dropped and rebuilt without Clear Cache and never fail twice the same way; and
 * every google.script.run target called with arguments of the wrong shape or size, which must
 * answer a readable refusal and change nothing. The closing lines are the counts the issue asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../../local/aircall-sim/index';
import { createRuntime, type Runtime, simulatorClock } from '../../local/runtime/index';
import type { CallListResult, ConfigureView } from '../../src/sidebar-contract';
import { type OddAircall, type OddRule, startOddAircall } from '../support/odd-aircall';
import { DEFAULT_FORM } from '../support/wallboard';

const BOARD = 'Activity Tracker';
/** What a raw JavaScript error looks like to the person who gets it. */
const RAW_ERROR =
  /Cannot read prop|is not a function|is not iterable|Invalid time value|Unexpected (token|end)|of undefined|of null|is not defined|Maximum call stack|\[object Object\]/;
const CELL_LIMIT = 50_000;
const LONG = 60_000;

describe('odd data, corrupted state and bad input', () => {
  let sim: Simulator;
  let odd: OddAircall;
  let runtime: Runtime;
  const counts = { odd: 0, oddSurvived: 0, corrupted: 0, rebuilt: 0, inputs: 0, handled: 0 };

  const header = () => runtime.spreadsheet.snapshot(BOARD).displayValues[0].join(' ');
  const refreshAMinuteLater = async () => {
    await sim.advance(60_000);
    runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
    return header();
  };
  /** Everything stored outside the sheet that a bad call could change. */
  const storedState = () =>
    runtime.runSnippet<string>(
      `JSON.stringify([PropertiesService.getDocumentProperties().getProperties(), PropertiesService.getUserProperties().getProperties(), SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); })])`,
    );

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'small', seed: 47, history: true });
    odd = await startOddAircall(sim.url);
    runtime = createRuntime({ aircallUrl: odd.url, clock: simulatorClock(sim.url) });
    runtime.run('setupFromMenu');
    runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, apiId: sim.apiId, apiToken: sim.apiToken }]);
    runtime.run('refreshFromMenu');
    runtime.run('mapUsersToNumbers');
  });
  afterAll(async () => {
    console.info(
      `odd records: ${counts.odd} tried, ${counts.oddSurvived} survived; corrupted state: ${counts.corrupted} tried, ${counts.rebuilt} rebuilt; bad inputs: ${counts.inputs} tried, ${counts.handled} handled`,
    );
    runtime?.dispose();
    await odd?.stop();
    await sim?.stop();
  });

  const ODD_RECORDS: { name: string; rules: OddRule[] }[] = [
    {
      name: 'a team with a null name',
      rules: [{ path: '/v1/teams', key: 'teams', field: 'name', value: null, index: 0 }],
    },
    { name: 'a line with a null name', rules: [{ path: '/v1/numbers', key: 'numbers', field: 'name', value: null }] },
    { name: 'a line with no digits', rules: [{ path: '/v1/numbers', key: 'numbers', field: 'digits', remove: true }] },
    {
      name: 'an agent with a null name',
      rules: [{ path: '/v2/users', key: 'users', field: 'name', value: null, index: 1 }],
    },
    {
      name: 'a 60,000-character agent name',
      rules: [{ path: '/v2/users', key: 'users', field: 'name', text: 'A', times: LONG }],
    },
    {
      name: 'a 60,000-character team name',
      rules: [{ path: '/v1/teams', key: 'teams', field: 'name', text: 'T', times: LONG }],
    },
    {
      name: 'a 60,000-character line name',
      rules: [{ path: '/v1/numbers', key: 'numbers', field: 'name', text: 'L', times: LONG }],
    },
    {
      name: 'calls without answered_at or ended_at',
      rules: [
        { path: '/v1/calls', key: 'calls', field: 'answered_at', remove: true },
        { path: '/v1/calls', key: 'calls', field: 'ended_at', remove: true },
      ],
    },
    { name: 'calls with a null agent', rules: [{ path: '/v1/calls', key: 'calls', field: 'user', value: null }] },
    {
      name: '60,000-character caller digits and agent names inside calls',
      rules: [
        { path: '/v1/calls', key: 'calls', field: 'raw_digits', text: '3', times: LONG },
        { path: '/v1/calls', key: 'calls', field: 'user.name', text: 'U', times: LONG },
      ],
    },
  ];

  for (const { name, rules } of ODD_RECORDS) {
    it(`${name}: the board, Configure and both call-history sidebars still work, every cell within 50,000 characters`, async () => {
      counts.odd++;
      await odd.setRules(rules);
      runtime.run('clearCacheFromMenu'); // users, teams and numbers are fetched again, odd ones included
      expect(await refreshAMinuteLater()).toMatch(/Last refresh/);
      const longest = Math.max(
        ...runtime.spreadsheet
          .snapshot(BOARD)
          .displayValues.flat()
          .map((v) => v.length),
      );
      expect(longest).toBeLessThanOrEqual(CELL_LIMIT);
      const view = runtime.callFromClient<ConfigureView>('getConfigureView');
      expect(view.teams.every((t) => typeof t.label === 'string' && t.label.length > 0)).toBe(true);
      const all = runtime.callFromClient<CallListResult>('getCallHistory', [{ scope: 'all' }]);
      expect(JSON.stringify(all)).not.toMatch(RAW_ERROR);
      await odd.setRules([]);
      counts.oddSurvived++;
    });
  }

  /** `unreadable`: the setting Configure must name as unreadable until it is saved again. */
  const CORRUPTIONS: { name: string; snippet: string; unreadable?: string }[] = [
    {
      name: 'a setting that is not JSON',
      snippet: `PropertiesService.getDocumentProperties().setProperty('settings.activityPeriodMin', '{oops')`,
      unreadable: 'activityPeriodMin',
    },
    {
      name: 'a setting of the wrong type',
      snippet: `PropertiesService.getDocumentProperties().setProperty('settings.teamFilter', '"all"')`,
      unreadable: 'teamFilter',
    },
    {
      name: 'a setting out of range',
      snippet: `PropertiesService.getDocumentProperties().setProperty('settings.waitLevel2Sec', '-4')`,
      unreadable: 'waitLevel2Sec',
    },
    {
      name: 'settings from an older version that are garbage',
      snippet: `PropertiesService.getDocumentProperties().setProperty('settings', 'garbage')`,
      unreadable: 'settings',
    },
    {
      name: 'the kept directory cut short',
      snippet: `PropertiesService.getDocumentProperties().setProperties({'directory#n': '3', 'directory#0': '{"users":'}); CacheService.getDocumentCache().removeAll(['directory#n'])`,
    },
    {
      name: 'the kept directory of the wrong shape',
      snippet: `CacheService.getDocumentCache().putAll({'directory#n': '1', 'directory#0': '{"users": 5, "teams": null}'})`,
    },
    {
      name: 'the user-number map of the wrong shape',
      snippet: `CacheService.getDocumentCache().putAll({'user-number-map#n': '1', 'user-number-map#0': '{"byUser": [1, 2], "mappedAtMs": "x"}'})`,
    },
    {
      name: 'a mapping checkpoint of the wrong shape',
      snippet: `CacheService.getDocumentCache().putAll({'mapping-progress#n': '1', 'mapping-progress#0': '{"v": 1, "todo": "x"}'})`,
    },
    {
      name: 'the calls window of the wrong shape',
      snippet: `CacheService.getDocumentCache().putAll({'calls-window#n': '1', 'calls-window#0': '{"calls": 7, "fetchedUntilSec": "soon"}'})`,
    },
    {
      name: 'time-in-status memory that is garbage',
      snippet: `CacheService.getDocumentCache().putAll({'status-since#n': '2', 'status-since#0': '{"1": ', 'status-since#1': 'nope'})`,
    },
    {
      name: 'the shared rate budget that is garbage',
      snippet: `CacheService.getScriptCache().put('aircall.rateBudget', '{"limit": "many"}')`,
    },
    { name: 'a mapping lease that is garbage', snippet: `CacheService.getDocumentCache().put('mapping-lease', '[[[')` },
    {
      name: 'the memory of a hang that is garbage',
      snippet: `CacheService.getDocumentCache().put('aircall.hungAtMs', 'yesterday')`,
    },
  ];

  for (const { name, snippet, unreadable } of CORRUPTIONS) {
    it(`${name}: dropped and rebuilt — the board refreshes, Map Users to Numbers and Configure work, no Clear Cache`, async () => {
      counts.corrupted++;
      runtime.runSnippet(snippet);
      const first = await refreshAMinuteLater();
      // At most one stale refresh, with a readable reason; never the same failure twice.
      if (!/Last refresh/.test(first)) {
        expect(first).not.toMatch(RAW_ERROR);
        expect(await refreshAMinuteLater()).toMatch(/Last refresh/);
      }
      runtime.run('mapUsersToNumbers');
      expect(runtime.ui.toasts.at(-1)?.message).toMatch(/^Done:|continuing/);
      const view = runtime.callFromClient<ConfigureView>('getConfigureView');
      expect(view.settings.waitLevel2Sec).toBeGreaterThan(view.settings.waitLevel1Sec);
      // Configure says which setting it could not read, until it is saved again.
      expect(view.unreadable).toEqual(unreadable ? [unreadable] : []);
      expect(runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM }])).toMatchObject({ ok: true });
      expect(runtime.callFromClient<ConfigureView>('getConfigureView').unreadable).toEqual([]);
      expect(await refreshAMinuteLater()).toMatch(/Last refresh/);
      counts.rebuilt++;
    });
  }

  const huge = 'k'.repeat(20_000);
  const BAD_INPUTS: { fn: string; args: unknown[]; writes?: boolean }[] = [
    ...[[], [null], [undefined], ['save'], [42], [[]], [true]].map((args) => ({ fn: 'saveSettings', args })),
    ...[
      { apiId: huge, apiToken: 'token' },
      { apiId: 'id', apiToken: huge },
      { apiId: 123, apiToken: 456 },
      { apiId: { id: 1 }, apiToken: ['x'] },
      { apiId: 'only-the-id' },
      { apiId: 'has space', apiToken: 'token' },
      { shareKeyWithEditors: 'no' },
      { shareKeyWithEditors: 1 },
      { activityPeriodMin: { n: 5 } },
      { activityPeriodMin: 'fifteen' },
      { activityPeriodMin: 1e12 },
      { waitLevel1Sec: 30, waitLevel2Sec: 10 },
      { teamFilter: 'all' },
      { teamFilter: [{}] },
      { teamFilter: Array.from({ length: 5_000 }, (_, i) => String(100_000 + i)) },
      { lineFilter: [null] },
      { lineTargets: 'red' },
      { lineTargets: { x: { sla: { yellow: 'a', red: [] } } } },
    ].map((form) => ({ fn: 'saveSettings', args: [{ ...DEFAULT_FORM, ...form }] })),
    ...[[null], ['x'], [42], [{ apiId: 5, apiToken: 6 }], [{ apiId: huge, apiToken: 'y' }]].map((args) => ({
      fn: 'testConnection',
      args,
    })),
    ...[
      [],
      [null],
      ['all'],
      [{ scope: 'user', userId: '12' }],
      [{ scope: 'user', userId: 1e30 }],
      [{ scope: 'team' }],
    ].map((args) => ({ fn: 'getCallHistory', args })),
    ...[[], [null], ['x'], [{ fromSec: 'a', toSec: [] }], [{}, 'not-a-cursor'], [{}, 42], [{ agents: 'all' }]].map(
      (args) => ({ fn: 'advancedSearch', args }),
    ),
    ...[
      [],
      [null],
      [{ rows: 'x' }],
      [{ sheetName: 5, rows: [] }],
      [{ sheetName: 'Nope', rows: [[1]] }],
      [{ sheetName: null, rows: [[{}]] }],
    ].map((args) => ({ fn: 'exportCallsToSheet', args })),
    ...[[null], ['soon'], [{}], [1e308], [-5]].map((args) => ({ fn: 'liveRefresh', args, writes: true })),
    ...[[null], ['x'], [42], [{ rules: 'all' }]].map((args) => ({ fn: 'saveAlerts', args })),
    ...[[null], ['x'], [{}]].map((args) => ({ fn: 'getTvView', args, writes: true })),
    ...[['junk'], [{ a: 1 }]].map((args) => ({ fn: 'getConfigureView', args })),
    ...[['junk']].map((args) => ({ fn: 'getSearchOptions', args })),
  ];

  it('every google.script.run target refuses arguments of the wrong shape or size readably, and writes nothing', async () => {
    await odd.setRules([]);
    const raw: string[] = [];
    for (const { fn, args, writes } of BAD_INPUTS) {
      counts.inputs++;
      const before = storedState();
      let answer: string;
      try {
        answer = JSON.stringify(runtime.callFromClient(fn, args) ?? null);
      } catch (error) {
        answer = (error as Error).message;
      }
      const label = `${fn}(${JSON.stringify(args).slice(0, 80)})`;
      if (RAW_ERROR.test(answer) || answer.includes(sim.apiToken)) raw.push(`${label} → ${answer.slice(0, 200)}`);
      else if (!writes && storedState() !== before) raw.push(`${label} changed stored state`);
      else counts.handled++;
    }
    expect(raw).toEqual([]);
    // The key and the settings are as they were: the board still refreshes.
    expect(await refreshAMinuteLater()).toMatch(/Last refresh/);
  });
});
