/** The `npm start` page in headless chromium: the board, the menus, a sidebar and a cell click. */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningPreview, startPreviewProcess } from '../../../local/preview/browser';
import type { PreviewState } from '../../../local/preview/state';
import { eventually } from '../../support/eventually';

let preview: RunningPreview;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  [preview, browser] = await Promise.all([
    startPreviewProcess(['--preset', 'small', '--port', '0', '--speed', '10']),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(preview.url);
  await page.locator('td.has-note').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

async function chooseMenu(menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

describe('the local wallboard page', () => {
  it('shows the board with agent names, status colors and hostile names as plain text', async () => {
    const agents = page.locator('td[title^="Aircall user "]');
    expect(await agents.count()).toBeGreaterThanOrEqual(20);
    const colors = await agents.evaluateAll((cells) => cells.map((c) => getComputedStyle(c).backgroundColor));
    expect(new Set(colors).size).toBeGreaterThan(1);
    const texts = await page.locator('td.cell').allTextContents();
    expect(texts.some((t) => t.includes('Aircall Activity Tracker'))).toBe(true);
    expect(texts.some((t) => /<script>|<img /.test(t))).toBe(true);
    expect(await page.locator('#grid img, #grid script').count()).toBe(0);
    expect(await page.getByRole('tab').allTextContents()).toContain('Activity Tracker');
    expect(dialogs).toEqual([]);
  });

  it('runs Activity Tracker › Refresh and shows its toast', async () => {
    await chooseMenu('Activity Tracker', 'Refresh');
    await eventually(() => page.locator('.toast').allTextContents()).toContainEqual(
      expect.stringMatching(/Refreshed at/),
    );
  });

  it('opens Calls › All Users in a sidebar beside the grid, with the call cards', async () => {
    await chooseMenu('Calls', 'All Users');
    const sidebar = page.locator('#sidebar:not([hidden])');
    await eventually(() => sidebar.count()).toBe(1);
    expect((await sidebar.boundingBox())?.width).toBeCloseTo(300, -1);
    const frame = page.frameLocator('#sidebar iframe');
    await eventually(() => frame.locator('.call-card').count()).toBeGreaterThan(0);
    expect(await frame.locator('.error').count()).toBe(0);
  });

  it('opens Configure in the sidebar, which talks to the real server functions through google.script.run', async () => {
    await chooseMenu('Activity Tracker', 'Configure');
    const frame = page.frameLocator('#sidebar iframe');
    await eventually(() => frame.locator('#activityPeriodMin').inputValue()).toBe('15');
    expect(await frame.locator('#key-state').textContent()).toContain('API ID');
    await page.screenshot({ path: 'test/screenshots/preview-wallboard.png' });
    await page.locator('#sidebar').getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('#sidebar').isHidden()).toBe(true);
  });

  it('selects the clicked cell in the spreadsheet, so Switch User Status knows the agent', async () => {
    const agent = page.locator('td[title^="Aircall user "]').first();
    await agent.click();
    const a1 = await agent.getAttribute('data-a1');
    expect(await page.locator('#name-box').textContent()).toBe(a1);
    await eventually(
      async () => ((await (await fetch(`${preview.url}api/state`)).json()) as PreviewState).sheet.selection,
    ).toEqual([a1]);

    await chooseMenu('Activity Tracker', 'Switch User Status');
    // It names the selected agent and asks before switching anyone.
    const name = ((await agent.getAttribute('title')) ?? '').split('\n')[1];
    const question = page.getByRole('alertdialog').first();
    await question.waitFor();
    expect(await question.locator('h2').textContent()).toBe('Switch User Status');
    expect(await question.textContent()).toContain('Switch these agents?');
    expect(await question.textContent()).toContain(name);
    const dialogs = page.getByRole('alertdialog');
    while ((await dialogs.count()) > 0) await dialogs.first().getByRole('button').first().click();
  });

  it('keeps a clicked cell selected when a live update drawn from an older state lands just after the click', async () => {
    // Hold back the next state the page asks for, fetched before the click, until the click is acknowledged.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: (version: string) => void = () => {};
    const heldVersion = new Promise<string>((resolve) => {
      held = resolve;
    });
    await page.route('**/api/state', async (route) => {
      const response = await route.fetch();
      held(((await response.json()) as PreviewState).version);
      await gate;
      await route.fulfill({ response });
    });
    const refreshed = await fetch(`${preview.url}api/menu`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: 'refreshFromMenu' }),
    });
    expect(await refreshed.json()).toEqual({ ok: true });
    const staleVersion = await heldVersion;

    const agent = page.locator('td[title^="Aircall user "]').nth(1);
    const a1 = await agent.getAttribute('data-a1');
    expect(await page.locator('#name-box').textContent()).not.toBe(a1);
    const acknowledged = page.waitForResponse('**/api/select');
    await agent.click();
    await acknowledged;
    release();
    await page.waitForFunction((version) => document.body.dataset.version === version, staleVersion);
    await page.unroute('**/api/state');

    expect(await page.locator('#name-box').textContent()).toBe(a1);
    expect(await agent.getAttribute('class')).toContain('active');
    await eventually(
      async () => ((await (await fetch(`${preview.url}api/state`)).json()) as PreviewState).sheet.selection,
    ).toEqual([a1]);
  });
});
