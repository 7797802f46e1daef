import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../local/runtime/clock';
import { APPS_SCRIPT_LATENCY, createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
var loadedAt = Date.now();
var calls = 0;
function bump() { calls += 1; return calls; }
function remember(value) { PropertiesService.getScriptProperties().setProperty('value', value); }
function recall() { return PropertiesService.getScriptProperties().getProperty('value'); }
function now() { return [Date.now(), new Date().getTime(), loadedAt]; }
function log() { Logger.log('count %s', 3); console.warn('careful'); }
function sheetName() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getName(); }
function menuOnly() { SpreadsheetApp.getUi().createMenu('Board').addItem('Refresh', 'bump').addToUi(); }
function busy() {
  for (var i = 0; i < 10; i++) { Utilities.sleep(60000); CacheService.getScriptCache().put('i', i); }
}
function busyCatching() { try { busy(); } catch (e) { return 'swallowed'; } }
function throws() { throw new Error('boom'); }
function private_() { return 'secret'; }
`;

describe('runtime executions', () => {
  it('gives each execution a fresh global scope while the document state persists', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(runtime.run('bump')).toBe(1);
    expect(runtime.run('bump')).toBe(1);
    runtime.run('remember', ['kept']);
    expect(runtime.run('recall')).toBe('kept');
  });

  it('makes Date inside the script follow the runtime clock', () => {
    const clock = manualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    const t = Date.UTC(2026, 2, 1, 12, 0, 0);
    expect(runtime.run('now')).toEqual([t, t, t]);
    clock.advance(5_000);
    expect(runtime.run<number[]>('now')[0]).toBe(t + 5_000);
  });

  it('throws "Script function not found" for a name that is not a top-level function', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.run('nope')).toThrow('Script function not found: nope');
    expect(() => runtime.run('SpreadsheetApp')).toThrow('Script function not found: SpreadsheetApp');
    expect(() => runtime.run('loadedAt')).toThrow('Script function not found: loadedAt');
  });

  it('records Logger and console lines in order', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('log');
    expect(runtime.logs).toEqual(['count 3', 'WARNING: careful']);
  });

  it('wires the in-memory spreadsheet, counting calls per method', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(runtime.run('sheetName')).toBe(runtime.spreadsheet.sheetNames()[0]);
    expect(runtime.counters.toJSON()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.Spreadsheet.getSheets': 1,
      'SpreadsheetApp.Sheet.getName': 1,
    });
  });

  it('records each execution with its counters and error', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    runtime.run('remember', ['x']);
    expect(() => runtime.run('throws')).toThrow('boom');
    expect(runtime.executions.map(({ name, kind, error }) => ({ name, kind, error }))).toEqual([
      { name: 'remember', kind: 'menu', error: undefined },
      { name: 'throws', kind: 'menu', error: 'boom' },
    ]);
    expect(runtime.executions[0].counters).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'PropertiesService.Properties.setProperty': 1,
    });
  });

  it('models Apps Script latency per call and resets it with the counters', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), latencyProfile: APPS_SCRIPT_LATENCY });
    runtime.run('remember', ['x']);
    const { perCallMs } = APPS_SCRIPT_LATENCY;
    expect(runtime.modeledMs).toBe(perCallMs.PropertiesService + perCallMs['PropertiesService.Properties']);
    runtime.resetCounters();
    expect(runtime.modeledMs).toBe(0);
    expect(runtime.counters.total()).toBe(0);
  });

  it('kills an execution at the next service call past the limit, even if the script catches it', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    expect(() => runtime.run('busy')).toThrow('Exceeded maximum execution time');
    // Six sleeps of a minute fit; the call after the seventh is refused.
    expect(runtime.executions[0].counters['CacheService.Cache.put']).toBe(6);
    expect(() => runtime.run('busyCatching')).toThrow('Exceeded maximum execution time');
    expect(runtime.executions[1].error).toBe('Exceeded maximum execution time');
  });

  it('gives simple triggers 30 seconds', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    expect(() => runtime.run('busy', [], { kind: 'simple-trigger' })).toThrow('Exceeded maximum execution time');
    expect(runtime.executions[0].counters['CacheService.Cache.put']).toBeUndefined();
  });

  it('in AuthMode.NONE lets the script build menus but refuses the document', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('menuOnly', [], { kind: 'simple-trigger', authMode: 'NONE' });
    expect(runtime.ui.menus[0].items).toEqual([{ label: 'Refresh', functionName: 'bump' }]);
    expect(() => runtime.run('sheetName', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => runtime.run('remember', ['x'], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call PropertiesService.getScriptProperties',
    );
  });
});

describe('callFromClient (google.script.run)', () => {
  const CLIENT = `
    function echo(value) { return value; }
    function today() { return { at: new Date(), n: 1 }; }
    function sparse() { return [1, undefined, 3]; }
    function fail() { throw new Error('Nothing to refresh'); }
    function hidden_() { return 1; }
    function whoAmI() { return Session.getActiveUser().getEmail(); }
  `;

  it('passes copies of plain arguments and turns undefined in arrays into null', () => {
    const runtime = createRuntime({ distDir: scriptDir(CLIENT) });
    expect(runtime.callFromClient('echo', [{ a: [1, undefined, 'x'], b: null }])).toEqual({
      a: [1, null, 'x'],
      b: null,
    });
    expect(runtime.callFromClient('sparse')).toEqual([1, null, 3]);
    expect(runtime.executions[0].kind).toBe('sidebar');
  });

  it('refuses Date and function arguments before calling the server', () => {
    const runtime = createRuntime({ distDir: scriptDir(CLIENT) });
    expect(() => runtime.callFromClient('echo', [new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => runtime.callFromClient('echo', [{ f: () => 1 }])).toThrow('illegal value');
    expect(runtime.executions).toEqual([]);
  });

  it('delivers null for a return value holding a Date', () => {
    const runtime = createRuntime({ distDir: scriptDir(CLIENT) });
    expect(runtime.callFromClient('today')).toBeNull();
  });

  it('rejects private and unknown functions, and relays server errors', () => {
    const runtime = createRuntime({ distDir: scriptDir(CLIENT) });
    expect(() => runtime.callFromClient('hidden_')).toThrow('Script function not found: hidden_');
    expect(() => runtime.callFromClient('missing')).toThrow('Script function not found: missing');
    expect(() => runtime.callFromClient('fail')).toThrow('Nothing to refresh');
  });

  it('runs as the calling user', () => {
    const runtime = createRuntime({ distDir: scriptDir(CLIENT) });
    expect(runtime.callFromClient('whoAmI', [], 'agent@example.com')).toBe('agent@example.com');
    expect(runtime.callFromClient('whoAmI')).toBe('supervisor@example.com');
  });
});
