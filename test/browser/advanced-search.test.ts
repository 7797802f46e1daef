import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdvancedSearchCriteria } from '../../src/sidebar-contract';
import { advancedSearch, fixtureBackend, NOW } from './support/fixture-backend';
import { type Backend, deferred, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The person's browser is in New York; the spreadsheet (and the fixture server) in Paris.
const open = (backend: Backend = fixtureBackend) =>
  openSidebar(browser, 'AdvancedSearch', backend, { timezoneId: 'America/New_York' });
const criteriaSent = (calls: { fn: string; args: unknown[] }[], fn = 'advancedSearch') =>
  calls.filter((c) => c.fn === fn).map((c) => c.args[0] as AdvancedSearchCriteria);

describe('Advanced Search sidebar', () => {
  it('searches with the chosen criteria, in the spreadsheet time zone, within 300 px', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await sidebar.screenshot('advanced-search-criteria');

    const missedChoices = await page.locator('#missed option').allInnerTexts();
    expect(missedChoices).toContain('Caller hung up within seconds');
    expect(missedChoices).toHaveLength(3 + 6);

    await page.locator('#users + .select2 .select2-search__field').click();
    await page.getByRole('option', { name: 'Ana Lopez' }).click();
    await page.locator('#users + .select2 .select2-search__field').click();
    await page.getByRole('option', { name: 'Chen Wei' }).click();
    await page.getByLabel('Direction').selectOption('inbound');
    // Tags: one known to the account, picked case-insensitively, and one typed freely.
    const tags = page.locator('#tags + .select2 .select2-search__field');
    await tags.fill('connected');
    await page.keyboard.press('Enter');
    await tags.pressSequentially('Urgent VIP');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Search' }).click();

    await eventually(() => page.locator('.call-card').count()).toBe(1);
    expect(await page.locator('.call-card').getAttribute('data-call-id')).toBe('9001');
    expect(criteriaSent(sidebar.calls)).toEqual([
      {
        // Default range: the last 24 hours to the server's "now", read in Paris time.
        fromSec: NOW - 86_400,
        toSec: NOW,
        userIds: [101, 103],
        numberIds: [],
        direction: 'inbound',
        asset: '',
        missed: '',
        durationOp: '',
        durationSec: null,
        tags: ['Connected', 'Urgent VIP'],
      },
    ]);
    expect(await page.locator('#search-status').textContent()).toMatch(/^1 call found\. From /);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.requests).toEqual([sidebar.pageUrl]);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('advanced-search-results');
    await sidebar.close();
  });

  it('picks a new period on the calendar and filters on missed reason and duration', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('May 20, 2024').click();
    await page.getByLabel('June 1, 2024').click();
    await page.getByLabel('Missed calls').selectOption({ label: 'No agent was available' });
    await page.getByLabel('Longer or shorter').selectOption('gt');
    await page.getByLabel('Seconds').fill('30');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => criteriaSent(sidebar.calls).length).toBe(1);
    const [sent] = criteriaSent(sidebar.calls);
    // Days picked at the calendar's 12:00, which means 12:00 in Paris (10:00 UTC in summer).
    expect(sent).toMatchObject({
      fromSec: Date.UTC(2024, 4, 20, 10) / 1000,
      toSec: Date.UTC(2024, 5, 1, 10) / 1000,
      missed: 'no_available_agent',
      durationOp: 'gt',
      durationSec: 30,
    });
    await eventually(() => page.locator('.call-card').getAttribute('data-call-id')).toBe('9004');
    await sidebar.close();
  });

  it('shows a ticking progress while waiting, then the failure message, and can try again', async () => {
    const slow = deferred<unknown>();
    let attempts = 0;
    const sidebar = await open(async (fn, args) => {
      if (fn !== 'advancedSearch') return fixtureBackend(fn, args);
      attempts++;
      return attempts === 1 ? slow.promise : advancedSearch(args[0] as AdvancedSearchCriteria);
    });
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    const status = page.locator('#search-status');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => status.textContent()).toMatch(/^Searching… \d+ s$/);
    const first = await status.textContent();
    await eventually(async () => (await status.textContent()) !== first).toBe(true); // it ticks
    expect(await status.textContent()).toMatch(/^Searching… \d+ s$/);
    expect(await page.getByRole('button', { name: 'Export to sheet' }).isDisabled()).toBe(true);
    slow.reject(new Error('Aircall is rate limiting this key; try again in a minute.'));
    await eventually(() => status.textContent()).toBe('Aircall is rate limiting this key; try again in a minute.');
    await sidebar.screenshot('advanced-search-failure');

    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('.call-card').count()).toBe(6);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('exports the matching calls to a sheet', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('Recording or voicemail').selectOption('either');
    await page.getByRole('button', { name: 'Export to sheet' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toBe(
      'Exported 3 calls to the sheet "Search 2024-06-01".',
    );
    expect(criteriaSent(sidebar.calls, 'exportCallsToSheet')[0].asset).toBe('either');
    await sidebar.close();
  });
});
