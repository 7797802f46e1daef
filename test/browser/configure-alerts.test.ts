import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { AlertsView, SaveAlertsRequest } from '../../src/sidebar-contract';
import { fixtureBackend } from './support/fixture-backend';
import { type Backend, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEW: AlertsView = {
  settings: {
    rules: [{ kind: 'longestWait', target: 'all', threshold: 60 }],
    emailTo: ['lead@example.com'],
    cooldownMin: 15,
    quietHours: { fromHour: 19, toHour: 8 },
    quietDays: [7],
    dailyCap: 20,
  },
  webhook: { configured: true, spaceMasked: 'AA••••ce', sharedWithEditors: false },
  kinds: [
    { value: 'longestWait', label: 'Longest wait above', unit: 's', scope: 'line' },
    { value: 'noAgentAvailable', label: 'No agent available while a caller waits', unit: null, scope: 'line' },
    { value: 'availableBelow', label: 'Agents available below', unit: 'agents', scope: 'team' },
  ],
  lines: [{ value: '201', label: '<b>Support</b> (+33 1 77 11 22 33)' }],
  teams: [{ value: '7', label: 'Front' }],
};

function backend(errors: Record<string, string> | null = null): Backend {
  return async (fn, args) => {
    if (fn === 'getAlertsView') return VIEW;
    if (fn === 'saveAlerts') return errors ? { ok: false, errors } : { ok: true };
    return fixtureBackend(fn, args);
  };
}

const saved = (calls: { fn: string; args: unknown[] }[]) =>
  calls.filter((c) => c.fn === 'saveAlerts').map((c) => c.args[0] as SaveAlertsRequest);

describe('Configure: Alerts', () => {
  it('loads when opened, never shows the webhook URL, and sends the rules and channels as set', async () => {
    const sidebar = await openSidebar(browser, 'Configure', backend());
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByText('Alerts', { exact: true }).click();
    await eventually(() => page.locator('#webhook-state').textContent()).toBe(
      'Chat space AA••••ce — stored for you only',
    );
    expect(await page.locator('#chatWebhookUrl').inputValue()).toBe('');
    expect(await page.locator('#chatWebhookUrl').getAttribute('type')).toBe('password');
    expect(await page.locator('#alertEmailTo').inputValue()).toBe('lead@example.com');
    // A line name from Aircall shows as text.
    expect(await page.locator('.alert-target option').allTextContents()).toEqual([
      'Every line',
      '<b>Support</b> (+33 1 77 11 22 33)',
    ]);

    await page.getByRole('button', { name: 'Add a rule' }).click();
    const second = page.locator('.alert-rule').nth(1);
    await second.locator('.alert-kind').selectOption('availableBelow');
    await second.locator('.alert-target').selectOption('7');
    await second.locator('.alert-threshold').fill('2');
    await page.locator('#chatWebhookUrl').fill('https://chat.googleapis.com/v1/spaces/X/messages?key=k&token=t');
    await page.getByLabel('Sat').check();
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await eventually(() => page.locator('#alerts-saved').textContent()).toBe('Alerts saved.');
    expect(saved(sidebar.calls)).toEqual([
      {
        rules: [
          { kind: 'longestWait', target: 'all', threshold: '60' },
          { kind: 'availableBelow', target: '7', threshold: '2' },
        ],
        emailTo: 'lead@example.com',
        chatWebhookUrl: 'https://chat.googleapis.com/v1/spaces/X/messages?key=k&token=t',
        removeChatWebhook: false,
        shareWebhookWithEditors: false,
        cooldownMin: '15',
        quietFromHour: '19',
        quietToHour: '8',
        quietDays: [6, 7],
        dailyCap: '20',
      },
    ]);
    // Once saved, the URL is gone from the form.
    expect(await page.locator('#chatWebhookUrl').inputValue()).toBe('');
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('configure-alerts');
    await sidebar.close();
  });

  it('shows each error next to its field', async () => {
    const sidebar = await openSidebar(
      browser,
      'Configure',
      backend({ dailyCap: 'Daily cap must be a whole number from 1 to 50.', rules: 'Rule 1: choose what it watches.' }),
    );
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByText('Alerts', { exact: true }).click();
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await eventually(() => page.locator('[data-alert-error-for="dailyCap"]').textContent()).toBe(
      'Daily cap must be a whole number from 1 to 50.',
    );
    expect(await page.locator('[data-alert-error-for="rules"]').textContent()).toBe('Rule 1: choose what it watches.');
    await sidebar.close();
  });

  it('says a problem with no field of its own under the Save alerts button', async () => {
    const sidebar = await openSidebar(browser, 'Configure', backend({ form: 'Nothing to save.' }));
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByText('Alerts', { exact: true }).click();
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await eventually(() => page.locator('#alerts-saved').textContent()).toBe('Nothing to save.');
    await sidebar.close();
  });
});
