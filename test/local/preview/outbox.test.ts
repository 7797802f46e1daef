/** The `npm start` page shows what the alerts sent: a count, a toast per message, and the list. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningPreview, startPreviewProcess } from '../../../local/preview/browser';
import { eventually } from '../../support/eventually';

let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [preview, browser] = await Promise.all([
    // 30× faster: a simulated minute, and so an auto-refresh, every 2 s.
    startPreviewProcess(['--preset', 'small', '--port', '0', '--speed', '30']),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  await page.getByRole('tab', { name: 'Activity Tracker' }).waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('sent alerts in the local page', () => {
  it('counts the emails and Chat messages, toasts new ones and lists them as text', async () => {
    const button = page.getByRole('button', { name: /^Sent alerts/ });
    // The small call center's rules (Configure › Alerts, set by npm start) fire within a few simulated minutes.
    await eventually(
      async () => /: [1-9]\d* emails, [1-9]\d* Chat$/.test((await button.textContent()) ?? ''),
      90_000,
    ).toBe(true);
    await eventually(
      () =>
        page
          .locator('.toast')
          .filter({ hasText: /^(Email to|Google Chat)/ })
          .count(),
      60_000,
    ).not.toBe(0);
    expect(await page.getByRole('tab').allTextContents()).toContain('Alerts');

    await button.click();
    const list = page.getByRole('dialog', { name: 'Sent alerts' });
    await list.waitFor();
    const headings = await list.locator('h3').allTextContents();
    expect(headings.some((h) => h.startsWith('Email to supervisor@example.com: Aircall alert'))).toBe(true);
    expect(headings).toContain('Google Chat');
    // Names from Aircall (the small preset has hostile ones) stay text.
    expect(await list.locator('img, script, a').count()).toBe(0);
    await page.screenshot({ path: 'test/screenshots/preview-sent-alerts.png' });
    await list.getByRole('button', { name: 'Close' }).click();
    expect(await list.count()).toBe(0);
    expect(preview.output.filter((line) => /Email to supervisor@example.com: /.test(line)).length).toBeGreaterThan(0);
  }, 180_000);
});
