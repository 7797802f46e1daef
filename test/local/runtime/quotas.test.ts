/**
 * Daily quotas per account kind (https://developers.google.com/apps-script/guides/services/quotas)
 * with the platform's texts once spent: "Service invoked too many times for one day: urlfetch."
 * (evepraisal/evepraisal-google-sheets#2), "…: graphite property writes." (googleworkspace/apps-script-oauth2#217),
 * "Service using too much computer time for one day" for trigger runs (webdigi/GmailScheduler#31).
 * The active user of a consumer account is blank for anyone but the owner
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
import { describe, expect, it } from '@jest/globals';
import { createRuntime, DAILY_LIMITS, manualClock } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
/** n requests to a closed port: each is sent (and counted) and fails at once. */
function burn(n) {
  var requests = [];
  for (var i = 0; i < n; i++) requests.push('http://127.0.0.1:1/');
  try { UrlFetchApp.fetchAll(requests); } catch (e) { return e.message; }
}
function readProperties(n) {
  var props = PropertiesService.getScriptProperties();
  for (var i = 0; i < n; i++) props.getProperty('k');
}
function writeProperty() { PropertiesService.getScriptProperties().setProperty('k', 'v'); }
function fiveMinutes() { Utilities.sleep(300000); }
function whoAmI() { return Session.getActiveUser().getEmail(); }
`;
const dir = scriptDir(SCRIPT, {}, { timeZone: 'Europe/Paris' });
const DAY_MS = 86_400_000;

describe('daily quotas', () => {
  it('a consumer account gets 20,000 URL fetches a day, then the urlfetch message, and more the next day', () => {
    const clock = manualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
    const runtime = createRuntime({ distDir: dir, clock, account: 'consumer' });
    runtime.spendQuota({ urlFetchCalls: 19_900 }); // earlier today
    expect(runtime.run('burn', [100])).toMatch(/^Address unavailable/);
    expect(runtime.quotaUsage.urlFetchCalls).toBe(20_000);
    expect(runtime.run('burn', [1])).toBe('Service invoked too many times for one day: urlfetch.');
    clock.advance(DAY_MS);
    expect(runtime.run('burn', [1])).toMatch(/^Address unavailable/);
    expect(runtime.quotaUsage.urlFetchCalls).toBe(1);
  });

  it('a fetchAll that would cross the quota sends none of its requests', () => {
    const runtime = createRuntime({ distDir: dir, clock: manualClock(), account: 'consumer' });
    runtime.spendQuota({ urlFetchCalls: 18_000 });
    runtime.run('burn', [1_000]);
    expect(runtime.run('burn', [1_001])).toBe('Service invoked too many times for one day: urlfetch.');
    expect(runtime.quotaUsage.urlFetchCalls).toBe(19_000);
  });

  it('Properties reads and writes share 50,000 a day on a consumer account, with the read and write texts', () => {
    const runtime = createRuntime({ distDir: dir, clock: manualClock(), account: 'consumer' });
    runtime.spendQuota({ propertiesReadWrites: 49_000 });
    runtime.run('readProperties', [999]);
    runtime.run('writeProperty');
    expect(() => runtime.run('readProperties', [1])).toThrow(
      'Service invoked too many times for one day: properties get.',
    );
    expect(() => runtime.run('writeProperty')).toThrow(
      'Service invoked too many times for one day: graphite property writes.',
    );
  });

  it('a Workspace account has the larger quotas', () => {
    expect(DAILY_LIMITS.workspace).toEqual({
      urlFetchCalls: 100_000,
      propertiesReadWrites: 500_000,
      triggerRuntimeMs: 6 * 3_600_000,
    });
    const runtime = createRuntime({ distDir: dir, clock: manualClock(), account: 'workspace' });
    runtime.spendQuota({ urlFetchCalls: 20_000, propertiesReadWrites: 50_000 });
    runtime.run('readProperties', [10]);
    expect(runtime.run('burn', [1])).toMatch(/^Address unavailable/);
    expect(runtime.quotaUsage).toMatchObject({ urlFetchCalls: 20_001, propertiesReadWrites: 50_010 });
  });

  it('trigger runs stop once 90 minutes of trigger runtime are spent in a day; menu runs go on', () => {
    const clock = manualClock(Date.UTC(2026, 0, 15, 0, 0, 0));
    const runtime = createRuntime({ distDir: dir, clock, account: 'consumer' });
    for (let run = 0; run < 18; run++) runtime.run('fiveMinutes', [], { kind: 'trigger' });
    expect(runtime.quotaUsage.triggerRuntimeMs).toBe(90 * 60_000);
    expect(() => runtime.run('fiveMinutes', [], { kind: 'trigger' })).toThrow(
      'Service using too much computer time for one day',
    );
    expect(runtime.executions.at(-1)?.error).toBe('Service using too much computer time for one day');
    runtime.run('fiveMinutes');
    clock.advance(DAY_MS);
    runtime.run('fiveMinutes', [], { kind: 'trigger' });
    expect(runtime.executions.at(-1)?.error).toBeUndefined();
  });
});

describe('active user', () => {
  it('is blank on a consumer account for a user who is not the owner, filled on Workspace', () => {
    const consumer = createRuntime({ distDir: dir, account: 'consumer', user: 'owner@gmail.com' });
    expect(consumer.run('whoAmI')).toBe('owner@gmail.com');
    expect(consumer.run('whoAmI', [], { user: 'agent@gmail.com' })).toBe('');
    expect(consumer.callFromClient('whoAmI', [], 'lead@gmail.com')).toBe('');
    const workspace = createRuntime({ distDir: dir, account: 'workspace', user: 'owner@example.com' });
    expect(workspace.callFromClient('whoAmI', [], 'lead@example.com')).toBe('lead@example.com');
  });
});
