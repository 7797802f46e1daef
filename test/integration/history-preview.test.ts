/** The Today tab in the local preview, in headless chromium: its four charts and a sparkline per line, drawn. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../local/preview/browser';
import { parseStartOptions } from '../../local/preview/options';
import { type Preview, servePreview } from '../../local/preview/server';
import { bootWallboard, type LocalWallboard } from '../../local/preview/wallboard';

const FIVE_MINUTES = 5 * 60_000;

let wallboard: LocalWallboard;
let preview: Preview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wallboard = await bootWallboard(
    parseStartOptions(['--preset', 'small', '--once', '--dump', 'unused.json']),
    () => {},
  );
  // Two hours of refreshes, five simulated minutes apart.
  for (let i = 0; i < 24; i++) {
    await wallboard.sim!.advance(FIVE_MINUTES);
    wallboard.runtime.run('refreshFromMenu');
  }
  [preview, browser] = await Promise.all([servePreview(wallboard.runtime, 0), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await page.goto(preview.url);
  await page.locator('button.tab', { hasText: 'Today' }).click();
  await page.locator('svg.chart').nth(3).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await wallboard?.stop();
});

describe('Today in the local preview', () => {
  it('draws the four charts with their series from the hourly table', async () => {
    const titles = await page
      .locator('svg.chart')
      .evaluateAll((charts) => charts.map((c) => c.getAttribute('aria-label')));
    expect(titles).toEqual([
      'Callers waiting (avg) and longest wait (s), by hour',
      'Answered vs missed calls per hour',
      'SLA % per hour',
      'Agents staffed vs callers waiting (avg per hour)',
    ]);
    // Answered and missed bars for the hours that had calls; lines through the hours with snapshots.
    const bars = await page.locator('svg.chart').nth(1).locator('rect[height]:not([width="10"])').count();
    expect(bars).toBeGreaterThan(4);
    expect(await page.locator('svg.chart').nth(0).locator('polyline').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('svg.chart').nth(3).locator('polygon').count()).toBeGreaterThanOrEqual(2);
    const legends = await page.locator('svg.chart').nth(0).locator('text').allTextContents();
    expect(legends).toEqual(expect.arrayContaining(['Waiting (avg)', 'Longest wait (s) (right axis)']));
  });

  it('draws a sparkline per line, next to the line name shown as plain text', async () => {
    const lines = wallboard.runtime.spreadsheet
      .snapshot('History')
      .values[0].filter((h) => String(h).endsWith(' · waiting'));
    expect(await page.locator('svg.sparkline').count()).toBe(lines.length);
    expect(await page.locator('svg.sparkline polyline').count()).toBe(lines.length);
    const texts = await page.locator('td.cell').allTextContents();
    expect(texts.some((t) => t.startsWith('=HYPERLINK('))).toBe(true);
    expect(await page.locator('#grid a, #grid img, #grid script').count()).toBe(0);
    mkdirSync('test/screenshots', { recursive: true });
    await page.screenshot({ path: 'test/screenshots/today.png' });
  });
});
