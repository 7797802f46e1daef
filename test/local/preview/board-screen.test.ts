/**
 * The board on a 1920×1080 wall screen, as the `npm start` page shows it at the medium preset
 * (200 agents): a whole team fits on the screen without scrolling, and each agent keeps its cell
 * across refreshes while statuses change.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningPreview, startPreviewProcess } from '../../../local/preview/browser';
import { eventually } from '../../support/eventually';

const SCREEN = { width: 1920, height: 1080 };

let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [preview, browser] = await Promise.all([
    startPreviewProcess(['--preset', 'medium', '--port', '0', '--speed', '10']),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: SCREEN });
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(preview.url);
  await page.locator('td[title^="Aircall user "]').first().waitFor({ timeout: 150_000 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

/** Every agent cell: id, A1 address, status (the note's third line) and its box on the screen. */
async function agentCells(): Promise<
  { id: string; a1: string; column: string; status: string; bottom: number; right: number }[]
> {
  return page.locator('td[title^="Aircall user "]').evaluateAll((cells) =>
    cells.map((cell) => {
      const td = cell as HTMLTableCellElement;
      const [first, , status] = td.title.split('\n');
      const box = td.getBoundingClientRect();
      return {
        id: first.replace('Aircall user ', ''),
        a1: td.dataset.a1 ?? '',
        column: td.dataset.column ?? '',
        status: status ?? '',
        bottom: box.bottom,
        right: box.right,
      };
    }),
  );
}

async function refresh(): Promise<void> {
  const before = await page.locator('td[data-a1="B1"]').textContent();
  await page.getByRole('button', { name: 'Activity Tracker', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Refresh', exact: true }).click();
  await eventually(() => page.locator('td[data-a1="B1"]').textContent(), 60_000).not.toBe(before);
}

describe('the board on a 1920×1080 screen at the medium preset', () => {
  it('shows every agent of the first team on one screen, without scrolling', async () => {
    const scroll = await page.locator('#grid').evaluate((grid) => [grid.scrollTop, grid.scrollLeft]);
    expect(scroll).toEqual([0, 0]);
    const cells = await agentCells();
    const team = cells.filter((cell) => cell.column === '1');
    expect(team.length).toBeGreaterThanOrEqual(15);
    const offScreen = (list: typeof cells) =>
      list.filter((cell) => cell.bottom > SCREEN.height || cell.right > SCREEN.width).map((cell) => cell.a1);
    expect(offScreen(team)).toEqual([]);
  });

  it('keeps each agent in the same cell across 5 refreshes while statuses change', async () => {
    const placement = (cells: { id: string; a1: string }[]) => cells.map((c) => `${c.id}@${c.a1}`).sort();
    const first = await agentCells();
    const statuses = new Map(first.map((c) => [`${c.id}@${c.a1}`, new Set([c.status])]));
    for (let i = 0; i < 5; i++) {
      // Ten times faster than real time: a few seconds let the simulated call center move on.
      await page.waitForTimeout(4_000);
      await refresh();
      const now = await agentCells();
      expect(placement(now)).toEqual(placement(first));
      for (const cell of now) statuses.get(`${cell.id}@${cell.a1}`)?.add(cell.status);
    }
    const changed = [...statuses.values()].filter((seen) => seen.size > 1).length;
    expect(changed).toBeGreaterThan(5);
  }, 180_000);
});
