import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { SaveSettingsRequest } from '../../src/sidebar-contract';
import { DEFAULT_SETTINGS } from '../../src/tracker/settings';
import { configureView, fixtureBackend } from './support/fixture-backend';
import { type Backend, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const withBoards: Backend = async (fn, args) => {
  if (fn === 'saveSettings') return { ok: true };
  if (fn === 'getConfigureView')
    return configureView({
      settings: {
        ...DEFAULT_SETTINGS,
        boards: [
          { name: 'Floor 1', teamFilter: ['7'], lineFilter: null },
          { name: 'Floor 2', teamFilter: ['8'], lineFilter: null },
        ],
      },
    });
  return fixtureBackend(fn, args);
};

const sentBoards = (calls: { fn: string; args: unknown[] }[]) =>
  (calls.find((c) => c.fn === 'saveSettings')!.args[0] as SaveSettingsRequest).boards;

describe('Configure: Boards', () => {
  it('adds, renames and removes boards with their teams and lines, team names shown as text', async () => {
    const sidebar = await openSidebar(browser, 'Configure', withBoards);
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByText('Boards', { exact: true }).click();
    await eventually(() => page.locator('.board').count()).toBe(2);

    // Rename the first board, remove the second, add a third with Sales and one line.
    await page.locator('#board-name-0').fill('Floor 1 — support');
    await page.locator('.board').nth(1).getByRole('button', { name: 'Remove this board' }).click();
    await page.getByRole('button', { name: 'Add a board' }).click();
    const added = page.locator('.board').nth(1);
    await added.getByLabel('Tab name').fill('Sales floor');
    await added.getByText('Teams (none ticked = all)').click();
    // "<b>EU</b>" is a team's name from Aircall: it reads as typed, no bold element is made.
    await added.getByLabel('Sales <b>EU</b>').check();
    expect(await page.locator('.board b').count()).toBe(0);
    await added.getByText('Lines (none ticked', { exact: false }).click();
    await added.getByLabel('Sales (FR) (+33 1 77 44 55 66)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#saved').textContent()).toBe('Settings saved.');

    expect(sentBoards(sidebar.calls)).toEqual([
      { name: 'Floor 1 — support', teamFilter: ['7'], lineFilter: null, from: 'Floor 1' },
      { name: 'Sales floor', teamFilter: ['8'], lineFilter: ['202'] },
    ]);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('leaves the boards alone when the section was not touched, and opens it to show an error', async () => {
    const error = '"History" is one of the tracker\'s own tabs: choose another name for the board.';
    let answer: unknown = { ok: true };
    const sidebar = await openSidebar(browser, 'Configure', async (fn, args) =>
      fn === 'saveSettings' ? answer : withBoards(fn, args),
    );
    const { page } = sidebar;
    await page.locator('#settings').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#saved').textContent()).toBe('Settings saved.');
    expect(sentBoards(sidebar.calls)).toBeUndefined();

    answer = { ok: false, errors: { boards: error } };
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('[data-error-for="boards"]').textContent()).toBe(error);
    expect(await page.locator('[data-error-for="boards"]').isVisible()).toBe(true);
    await sidebar.close();
  });
});
