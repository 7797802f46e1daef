/** TV mode as an office screen shows it: `npm start`'s /tv page in headless chromium at 1920×1080. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningPreview, startPreviewProcess } from '../../../local/preview/browser';
import { eventually } from '../../support/eventually';

let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [preview, browser] = await Promise.all([
    startPreviewProcess(['--preset', 'medium', '--port', '0', '--speed', '10']),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${preview.url}tv`);
  await page.locator('.tile').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('the TV page', () => {
  it('prints its address beside the sheet', () => {
    expect(preview.output).toContain(
      `TV mode on ${preview.url}tv (add ?teams=ID,ID&lines=ID&mask=1 to choose what a screen shows)`,
    );
  });

  it('shows every tile, the lines in trouble, the queue and the agents on one screen', async () => {
    const labels = await page.locator('.tile .label').allTextContents();
    expect(labels).toEqual(['Available', 'On a call', 'Waiting', 'Longest wait', 'SLA', 'Abandoned']);
    for (const tile of await page.locator('.tile').all()) {
      const box = await tile.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(1080);
      // Readable from across the room: the figures are big.
      expect(
        Number.parseFloat(await tile.locator('.value').evaluate((v) => getComputedStyle(v).fontSize)),
      ).toBeGreaterThanOrEqual(70);
    }
    expect(await page.locator('#agents .chip').count()).toBeGreaterThan(100);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    expect(await page.locator('script:not([src])').count()).toBeGreaterThan(0);
    expect(await page.locator('#teams img, #teams script').count()).toBe(0); // hostile names stay text
    await page.screenshot({ path: 'test/screenshots/tv-mode.png' });
  });

  it('updates within the interval as the call center changes', async () => {
    const read = () => page.locator('#tiles').textContent();
    const before = await read();
    await eventually(read, 30_000).not.toBe(before);
    await eventually(() => page.locator('#age').textContent(), 5_000).toMatch(/^Updated 0:\d\d ago$/);
  });

  it('shows only the teams its address names', async () => {
    const other = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await other.goto(`${preview.url}tv?teams=not-a-team`);
    await eventually(() => other.locator('#notices li').allTextContents()).toEqual([
      'The "teams" parameter must list team ids separated by commas; showing every team.',
    ]);
    await other.close();
  });
});
