import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { SaveSettingsRequest } from '../../src/sidebar-contract';
import { fixtureBackend } from './support/fixture-backend';
import { type Backend, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const backend: Backend = async (fn, args) => (fn === 'saveSettings' ? { ok: true } : fixtureBackend(fn, args));

describe('Configure: Line targets', () => {
  it('loads the lines when opened, and sends targets per line and the lines filter once changed', async () => {
    const sidebar = await openSidebar(browser, 'Configure', backend);
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    expect(sidebar.calls.map((c) => c.fn)).toEqual(['getConfigureView']);
    await page.getByText('Line targets').click();
    await eventually(() => page.getByLabel('Support Hotline (+33 1 77 11 22 33)').count()).toBe(1);

    await page.locator('#target-longestWaitSec-yellow').fill('30');
    await page.locator('#target-longestWaitSec-red').fill('60');
    await page.getByLabel('Targets for').selectOption({ label: 'Sales (FR) (+33 1 77 44 55 66)' });
    expect(await page.locator('#target-longestWaitSec-yellow').inputValue()).toBe('');
    await page.locator('#target-slaPct-yellow').fill('90');
    await page.locator('#target-slaPct-red').fill('80');
    await page.getByLabel('Sales (FR) (+33 1 77 44 55 66)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#saved').textContent()).toBe('Settings saved.');

    const request = sidebar.calls.find((c) => c.fn === 'saveSettings')!.args[0] as SaveSettingsRequest &
      Record<string, unknown>;
    expect(request.lineTargets).toEqual({
      all: { longestWaitSec: { yellow: '30', red: '60' } },
      '202': { slaPct: { yellow: '90', red: '80' } },
    });
    expect(request.lineFilter).toEqual(['202']);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('opens the section to show a target error next to it', async () => {
    const error = 'Longest wait (All lines): red must be above yellow.';
    const sidebar = await openSidebar(browser, 'Configure', async (fn, args) =>
      fn === 'saveSettings' ? { ok: false, errors: { lineTargets: error } } : fixtureBackend(fn, args),
    );
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('[data-error-for="lineTargets"]').textContent()).toBe(error);
    expect(await page.locator('[data-error-for="lineTargets"]').isVisible()).toBe(true);
    await sidebar.close();
  });
});
