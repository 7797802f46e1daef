import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { ConnectionTestResult, SaveSettingsRequest, SaveSettingsResult } from '../../src/sidebar-contract';
import { configureView, fixtureBackend } from './support/fixture-backend';
import { type Backend, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The fixture server, with chosen answers for saving and testing the key. */
function backend(answers: { save?: SaveSettingsResult; test?: ConnectionTestResult } = {}): Backend {
  return async (fn, args) => {
    if (fn === 'saveSettings') return answers.save ?? { ok: true };
    if (fn === 'testConnection') return answers.test ?? { ok: true, userCount: 212 };
    return fixtureBackend(fn, args);
  };
}

const open = (server: Backend = backend()) => openSidebar(browser, 'Configure', server);
const saved = (calls: { fn: string; args: unknown[] }[]) =>
  calls.filter((c) => c.fn === 'saveSettings').map((c) => c.args[0] as SaveSettingsRequest);

describe('Configure sidebar', () => {
  it('names the settings it could not read from the spreadsheet, at their field or in the form message', async () => {
    const server: Backend = async (fn, args) =>
      fn === 'getConfigureView' ? configureView({ unreadable: ['slaSec', 'settings'] }) : backend()(fn, args);
    const { page } = await open(server);
    await page.locator('#settings').waitFor();
    await eventually(() => page.locator('[data-error-for="slaSec"]').textContent()).toMatch(/Could not be read/);
    expect(await page.getByLabel('SLA, average answer wait (seconds, 0 = off)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.locator('#form-error').textContent()).toBe(
      'Stored settings could not be read (all settings, as an older version kept them): shown at their defaults. Save to store them again.',
    );
  });

  it('shows current values and the masked key, and keeps the team filter when it is not touched', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    expect(await page.locator('#key-state').textContent()).toBe('API ID ab••••yz — stored for you only');
    expect(await page.getByLabel('API token').getAttribute('type')).toBe('password');
    expect(await page.getByLabel('Activity period (minutes)').inputValue()).toBe('15');
    expect(await page.getByLabel("Share the key with this spreadsheet's editors").isChecked()).toBe(false);
    expect(await page.locator('.select2-selection__choice').allInnerTexts()).toEqual([
      expect.stringContaining('Support'),
    ]);

    await page.getByLabel('SLA, average answer wait (seconds, 0 = off)').fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#saved').textContent()).toBe('Settings saved.');
    const [request] = saved(sidebar.calls);
    expect(request).toEqual({
      activityPeriodMin: '15',
      userRefreshMin: '240',
      teamRefreshMin: '480',
      waitLevel1Sec: '10',
      waitLevel2Sec: '20',
      slaSec: '30',
      historyRetentionDays: '7',
      apiId: '',
      apiToken: '',
      shareKeyWithEditors: false,
    });
    expect(sidebar.calls.map((c) => c.fn)).toEqual(['getConfigureView', 'saveSettings', 'getConfigureView']);

    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.requests).toEqual([sidebar.pageUrl]);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('configure');
    await sidebar.close();
  });

  it('sends the team filter once the person changes it, showing team names literally', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.locator('.select2-search__field').click();
    await page.getByRole('option', { name: 'Sales <b>EU</b>' }).click();
    expect(await page.locator('.select2-selection__choice b').count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => saved(sidebar.calls).length).toBe(1);
    expect(saved(sidebar.calls)[0].teamFilter).toEqual(['7', '8']);
    await sidebar.close();
  });

  it('shows each error next to its field', async () => {
    const errors = { slaSec: 'The SLA must be a whole number of seconds.', apiToken: 'Enter the API token too.' };
    const sidebar = await open(backend({ save: { ok: false, errors } }));
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByLabel('API ID').fill('abc123xyz');
    await page.getByLabel('SLA, average answer wait (seconds, 0 = off)').fill('ten');
    await page.getByRole('button', { name: 'Save' }).click();
    const slaError = page.locator('[data-error-for="slaSec"]');
    await eventually(() => slaError.textContent()).toBe(errors.slaSec);
    expect(await page.locator('[data-error-for="apiToken"]').textContent()).toBe(errors.apiToken);
    expect(await page.locator('#slaSec').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#saved').isVisible()).toBe(false);
    await sidebar.screenshot('configure-errors');
    await sidebar.close();
  });

  it('shows why Aircall refused a typed key next to the key, and keeps what was typed', async () => {
    const refused = 'Aircall refused this key, so it was not saved: Aircall refused the API key (403).';
    const sidebar = await open(backend({ save: { ok: false, errors: { apiKey: refused } } }));
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByLabel('API ID').fill('new-id');
    await page.getByLabel('API token').fill('new-token');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('[data-error-for="apiKey"]').textContent()).toBe(refused);
    expect(await page.getByLabel('API ID').inputValue()).toBe('new-id');
    expect(await page.locator('#saved').isVisible()).toBe(false);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('says what else happened when a save succeeded with a notice', async () => {
    const notice =
      "This key opens another Aircall account: the previous account's users, teams and user↔number map were cleared. Run Activity Tracker › Map Users to Numbers for this account.";
    const sidebar = await open(backend({ save: { ok: true, notice } }));
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#saved').textContent()).toBe(notice);
    await sidebar.close();
  });

  it('tests the typed key and says why a connection failed', async () => {
    const ok = await open();
    await ok.page.locator('#settings').waitFor();
    await ok.page.getByLabel('API ID').fill(' id-1 ');
    await ok.page.getByLabel('API token').fill('secret');
    await ok.page.getByRole('button', { name: 'Test connection' }).click();
    await eventually(() => ok.page.locator('#connection').textContent()).toBe('Connected: 212 users');
    expect(ok.calls.at(-1)).toEqual({ fn: 'testConnection', args: [{ apiId: 'id-1', apiToken: 'secret' }] });
    await ok.close();

    const message = 'Aircall refused this API ID and token (401).';
    const bad = await open(backend({ test: { ok: false, reason: 'bad_key', message } }));
    await bad.page.locator('#settings').waitFor();
    await bad.page.getByRole('button', { name: 'Test connection' }).click();
    await eventually(() => bad.page.locator('#connection').textContent()).toBe(message);
    await bad.close();
  });

  it('explains a key that cannot list teams, and a server failure on load', async () => {
    const noTeams = await open(async (fn, args) =>
      fn === 'getConfigureView'
        ? configureView({ teams: [], teamsError: 'Teams could not be loaded: no API key yet.' })
        : fixtureBackend(fn, args),
    );
    await noTeams.page.locator('#settings').waitFor();
    expect(await noTeams.page.locator('#teams-error').textContent()).toBe('Teams could not be loaded: no API key yet.');
    expect(await noTeams.page.locator('#teamFilter').isDisabled()).toBe(true);
    await noTeams.close();

    const failing = await open(async () => {
      throw new Error('Exception: You do not have permission to call getConfigureView');
    });
    await eventually(() => failing.page.locator('#status').textContent()).toBe(
      'Exception: You do not have permission to call getConfigureView',
    );
    await failing.close();
  });
});
