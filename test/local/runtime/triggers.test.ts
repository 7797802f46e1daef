import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../local/runtime/clock';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function install(minutes) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(minutes).create(); }
function installHourly() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function installOnce(ms) { return ScriptApp.newTrigger('tick').timeBased().after(ms).create().getUniqueId(); }
function describeTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK];
  });
}
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function tick(e) {
  var count = Number(PropertiesService.getScriptProperties().getProperty('ticks') || 0) + 1;
  PropertiesService.getScriptProperties().setProperty('ticks', count);
  PropertiesService.getScriptProperties().setProperty('event', JSON.stringify({ uid: e.triggerUid, full: e.authMode === ScriptApp.AuthMode.FULL }));
  SpreadsheetApp.getActiveSpreadsheet().toast('ticked');
  SpreadsheetApp.getUi();
}
function ticks() { return Number(PropertiesService.getScriptProperties().getProperty('ticks') || 0); }
function lastEvent() { return JSON.parse(PropertiesService.getScriptProperties().getProperty('event')); }
`;

describe('ScriptApp time-driven triggers', () => {
  it('accepts only 1, 5, 10, 15 or 30 minutes', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.run('install', [2])).toThrow(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    for (const minutes of [1, 5, 10, 15, 30]) runtime.run('install', [minutes]);
    expect(runtime.triggers.map((t) => t.everyMinutes)).toEqual([1, 5, 10, 15, 30]);
  });

  it('allows 20 triggers per user and refuses the 21st', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    for (let i = 0; i < 20; i++) runtime.run('install', [1]);
    expect(() => runtime.run('install', [1])).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    runtime.run('install', [1], { user: 'other@example.com' });
    expect(runtime.triggers.length).toBe(21);
  });

  it('refuses sub-hourly triggers for an add-on', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), isAddOn: true });
    expect(() => runtime.run('install', [1])).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    runtime.run('installHourly');
    expect(runtime.triggers.map((t) => t.everyHours)).toEqual([1]);
  });

  it("lists and deletes the current user's triggers", () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('install', [5]);
    runtime.run('install', [5], { user: 'other@example.com' });
    expect(runtime.run('describeTriggers')).toEqual([['tick', 'CLOCK', true]]);
    runtime.run('removeAll');
    expect(runtime.triggers.map((t) => t.user)).toEqual(['other@example.com']);
  });

  it('fires recurring triggers by the clock, without replaying missed runs', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    runtime.run('install', [5]);
    expect(runtime.fireDueTriggers()).toEqual([]);
    clock.advance(5 * 60_000);
    expect(runtime.fireDueTriggers()).toEqual(['tick']);
    expect(runtime.fireDueTriggers()).toEqual([]);
    clock.advance(60 * 60_000);
    expect(runtime.fireDueTriggers()).toEqual(['tick']);
    expect(runtime.run('ticks')).toBe(2);
  });

  it('fires one-shot triggers once and passes the event object', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    const uid = runtime.run('installOnce', [1_000]);
    clock.advance(1_000);
    expect(runtime.fireDueTriggers()).toEqual(['tick']);
    expect(runtime.triggers).toEqual([]);
    expect(runtime.run('lastEvent')).toEqual({ uid, full: true });
  });

  it('lets a trigger toast but not reach the Ui', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    runtime.run('install', [1]);
    clock.advance(60_000);
    runtime.fireDueTriggers();
    const execution = runtime.executions.at(-1)!;
    expect(execution.kind).toBe('trigger');
    expect(execution.error).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(runtime.ui.toasts.map((t) => t.message)).toEqual(['ticked']);
  });

  it('is refused from a simple trigger', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.run('install', [1], { kind: 'simple-trigger' })).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});
