import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { AdvancedSearchCriteria, ExportRequest } from '../../src/sidebar-contract';
import { advancedSearch, exportCalls, fixtureBackend, NOW, searchOptions } from './support/fixture-backend';
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
    // The same criteria for both chunks; the second carries the first's cursor.
    expect(sidebar.calls.filter((c) => c.fn === 'advancedSearch').map((c) => c.args[1])).toEqual([
      null,
      'fixture-page-2',
    ]);
    const sent = criteriaSent(sidebar.calls);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0]).toEqual({
      // Default range: the last hour to the server's "now", read in Paris time.
      fromSec: NOW - 3_600,
      toSec: NOW,
      userIds: [101, 103],
      numberIds: [],
      direction: 'inbound',
      asset: '',
      missed: '',
      durationOp: '',
      durationSec: null,
      tags: ['Connected', 'Urgent VIP'],
    });
    expect(await page.locator('#search-status').textContent()).toMatch(/^1 call found\. From /);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.requests).toEqual([sidebar.pageUrl]);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('advanced-search-results');
    await sidebar.close();
  });

  it('picks the days on the calendar and a start and an end time to the minute', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('May 30, 2024').click();
    await page.getByLabel('June 1, 2024').click();
    const setTime = async (field: string, hour: string, minute: string) => {
      const box = page.locator(`#${field} + .flatpickr-calendar`);
      await box.locator('.flatpickr-hour').fill(hour);
      await box.locator('.flatpickr-minute').fill(minute);
      await box.locator('.flatpickr-minute').press('Tab');
    };
    await setTime('from-time', '09', '07');
    await setTime('to-time', '11', '42');
    expect(await page.locator('#from-time').inputValue()).toBe('09:07');
    expect(await page.locator('#to-time').inputValue()).toBe('11:42');
    await page.getByLabel('Missed calls').selectOption({ label: 'No agent was available' });
    await page.getByLabel('Longer or shorter').selectOption('gt');
    await page.getByLabel('Seconds').fill('30');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => criteriaSent(sidebar.calls).length).toBe(2);
    const [sent] = criteriaSent(sidebar.calls);
    // Wall-clock times in Paris (UTC+2 in summer), whatever the browser's own zone.
    expect(sent).toMatchObject({
      fromSec: Date.UTC(2024, 4, 30, 7, 7) / 1000,
      toSec: Date.UTC(2024, 5, 1, 9, 42) / 1000,
      missed: 'no_available_agent',
      durationOp: 'gt',
      durationSec: 30,
    });
    await eventually(() => page.locator('.call-card').getAttribute('data-call-id')).toBe('9004');
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('searches one day from 09:00 to 11:00 with a single click on the calendar', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('May 31, 2024').click();
    for (const [field, hour] of [
      ['from-time', '9'],
      ['to-time', '11'],
    ]) {
      const box = page.locator(`#${field} + .flatpickr-calendar`);
      await box.locator('.flatpickr-hour').fill(hour);
      await box.locator('.flatpickr-minute').fill('0');
      await box.locator('.flatpickr-minute').press('Tab');
    }
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => criteriaSent(sidebar.calls).length).toBeGreaterThan(0);
    expect(criteriaSent(sidebar.calls)[0]).toMatchObject({
      fromSec: Date.UTC(2024, 4, 31, 7) / 1000,
      toSec: Date.UTC(2024, 4, 31, 9) / 1000,
    });
    await sidebar.close();
  });

  it('says so when the end comes before the start, and asks the server nothing', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('May 31, 2024').click();
    const box = page.locator('#to-time + .flatpickr-calendar');
    await box.locator('.flatpickr-hour').fill('0');
    await box.locator('.flatpickr-minute').fill('0');
    await box.locator('.flatpickr-minute').press('Tab');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toBe('The start must be before the end.');
    expect(criteriaSent(sidebar.calls)).toEqual([]);
    await sidebar.close();
  });

  it('tells agents with the same name apart in the Agents picker', async () => {
    const namesakes = [
      { id: 301, name: 'Arthur Dubois', label: 'Arthur Dubois (arthur@paris.example)' },
      { id: 302, name: 'Arthur Dubois', label: 'Arthur Dubois (id 302)' },
    ];
    const sidebar = await open(async (fn, args) =>
      fn === 'getSearchOptions'
        ? { ...searchOptions, users: [...searchOptions.users, ...namesakes] }
        : fixtureBackend(fn, args),
    );
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.locator('#users + .select2 .select2-search__field').fill('arthur');
    const offered = page.locator('.select2-results__option');
    await eventually(() => offered.allInnerTexts()).toEqual(namesakes.map((agent) => agent.label));
    await page.getByRole('option', { name: 'Arthur Dubois (id 302)' }).click();
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => criteriaSent(sidebar.calls).length).toBeGreaterThan(0);
    expect(criteriaSent(sidebar.calls)[0].userIds).toEqual([302]);
    await sidebar.close();
  });

  it('shows a ticking progress while waiting, then the failure message, and can start again', async () => {
    const slow = deferred<unknown>();
    let attempts = 0;
    const sidebar = await open(async (fn, args) => {
      if (fn !== 'advancedSearch') return fixtureBackend(fn, args);
      attempts++;
      return attempts === 1 ? slow.promise : advancedSearch(args[0] as AdvancedSearchCriteria, args[1] as string);
    });
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    const status = page.locator('#search-status');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => status.textContent()).toMatch(/^Searching… \d+ s$/);
    const first = await status.textContent();
    await eventually(async () => (await status.textContent()) !== first).toBe(true); // it ticks
    expect(await status.textContent()).toMatch(/^Searching… \d+ s$/);
    expect(await page.getByRole('button', { name: 'Search' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Export to sheet' }).isDisabled()).toBe(true);
    slow.reject(new Error('Aircall is rate limiting this key; try again in a minute.'));
    await eventually(() => status.textContent()).toBe('Aircall is rate limiting this key; try again in a minute.');
    expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await sidebar.screenshot('advanced-search-failure');

    await page.getByRole('button', { name: 'Search' }).click();
    // The fixture calls of the last hour.
    await eventually(() => page.locator('.call-card').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(false);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('continues chunk by chunk with progress, waits out the rate limit, and retries a failed chunk', async () => {
    const secondChunk = deferred<unknown>();
    let chunks = 0;
    const sidebar = await open(async (fn, args) => {
      if (fn !== 'advancedSearch') return fixtureBackend(fn, args);
      chunks++;
      const answer = advancedSearch(args[0] as AdvancedSearchCriteria, args[1] as string | null);
      if (chunks === 1) return { ...answer, resumeInSec: 2 }; // the rate budget is used up after it
      if (chunks === 2) return secondChunk.promise;
      return answer;
    });
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    const status = page.locator('#search-status');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => status.textContent()).toMatch(
      /^Waiting for Aircall's rate limit… resumes in [12] s \(1 of 2 pages done\)$/,
    );
    // The first chunk's cards show while the page waits; nothing is asked meanwhile.
    expect(await page.locator('.call-card').count()).toBe(2);
    expect(chunks).toBe(1);
    await eventually(() => status.textContent()).toMatch(/^Searching… 1 of 2 pages · \d+ s$/);
    expect(chunks).toBe(2);
    expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    await sidebar.screenshot('advanced-search-progress');

    secondChunk.reject(new Error('Aircall did not answer in time; try again.'));
    await eventually(() => status.textContent()).toBe('Aircall did not answer in time; try again.');
    await page.getByRole('button', { name: 'Retry' }).click();
    await eventually(() => status.textContent()).toMatch(/^4 calls found\. From /);
    // The retry carried on from the failed chunk's cursor: no call is lost or shown twice.
    expect(sidebar.calls.filter((c) => c.fn === 'advancedSearch').map((c) => c.args[1])).toEqual([
      null,
      'fixture-page-2',
      'fixture-page-2',
    ]);
    expect(await page.locator('.call-card').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(false);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('stops on request, keeping what was found, and exports it', async () => {
    const never = deferred<unknown>();
    const sidebar = await open(async (fn, args) =>
      fn === 'advancedSearch' && args[1] !== null ? never.promise : fixtureBackend(fn, args),
    );
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('.call-card').count()).toBe(2);
    await page.getByRole('button', { name: 'Stop' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toMatch(
      /^2 calls found before you stopped the search\. From /,
    );
    await page.getByRole('button', { name: 'Export to sheet' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toBe(
      'Exported 2 calls to the sheet "Calls 2024-06-01 12.00.00".',
    );
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('keeps the newest 1,000 cards of a big search and exports every match, in chunks', async () => {
    const [template] = advancedSearch({ fromSec: NOW - 3_600, toSec: NOW }).calls;
    const MATCHES = 2_500;
    const card = (i: number) => ({ ...template, id: 100_000 + i, startedAtSec: NOW - i });
    const exported: ExportRequest[] = [];
    let rowsWritten = 0;
    const sidebar = await open(async (fn, args) => {
      if (fn === 'exportCallsToSheet') {
        const request = args[0] as ExportRequest;
        exported.push(request);
        const result = exportCalls(request, rowsWritten);
        rowsWritten = result.rows;
        return result;
      }
      if (fn !== 'advancedSearch') return fixtureBackend(fn, args);
      // Oldest matches first, in chunks of 500: the page still shows the newest first.
      const n = Number(args[1] ?? 0);
      const calls = Array.from({ length: 500 }, (_, i) => card(MATCHES - 1 - (n + i)));
      const next = n + 500 < MATCHES ? String(n + 500) : null;
      return {
        ...advancedSearch(args[0] as AdvancedSearchCriteria),
        calls,
        cursor: next,
        progress: { done: n / 500 + 1, total: MATCHES / 500, unit: 'pages' },
        totalMatches: n + 500,
      };
    });
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByRole('button', { name: 'Search' }).click();
    const status = page.locator('#search-status');
    // Five pages of 500 cards each: slow on a loaded CI machine.
    await eventually(() => status.textContent(), 30_000).toMatch(/Showing the newest 1,000 of 2,500 matches\.$/);
    expect(await status.textContent()).toMatch(/^2,500 calls found\./);
    expect(await page.locator('.call-card').count()).toBe(1_000);
    expect(await page.locator('.call-card').first().getAttribute('data-call-id')).toBe(String(card(0).id));

    await page.getByRole('button', { name: 'Export to sheet' }).click();
    await eventually(() => status.textContent()).toBe('Exported 2,500 calls to the sheet "Calls 2024-06-01 12.00.00".');
    expect(exported.map((r) => [r.sheetName, r.rows.length])).toEqual([
      [null, 2_000],
      ['Calls 2024-06-01 12.00.00', 500],
    ]);
    // Oldest first, every match once.
    const ids = exported.flatMap((r) => r.rows.map((row) => Number(row[0])));
    expect(ids).toEqual(Array.from({ length: MATCHES }, (_, i) => card(MATCHES - 1 - i).id));
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  }, 120_000); // five chunks of 500 cards rendered: about 50 s on a loaded machine

  it('exports the matches of the search to a sheet', async () => {
    const sidebar = await open();
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    expect(await page.getByRole('button', { name: 'Export to sheet' }).isVisible()).toBe(false);
    await page.getByLabel('Recording or voicemail').selectOption('either');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toMatch(/^2 calls found/);
    await page.getByRole('button', { name: 'Export to sheet' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toBe(
      'Exported 2 calls to the sheet "Calls 2024-06-01 12.00.00".',
    );
    const [request] = sidebar.calls.filter((c) => c.fn === 'exportCallsToSheet').map((c) => c.args[0] as ExportRequest);
    // One row per match, in exportRows' columns, oldest first.
    expect(request.sheetName).toBeNull();
    expect(request.rows.map((row) => row[0])).toEqual([9001, 9003]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });
});
