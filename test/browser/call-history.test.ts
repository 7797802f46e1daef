import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { type CallHistoryRequest, embedCallHistoryRequest } from '../../src/calls/history';
import { HOSTILE, sidebarCalls } from '../fixtures/sidebar-calls';
import { fixtureBackend, NOW } from './support/fixture-backend';
import {
  type Backend,
  builtPage,
  deferred,
  eventually,
  launchBrowser,
  openSidebar,
  SIDEBAR_WIDTH,
} from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const openHistory = (request: CallHistoryRequest, backend: Backend = fixtureBackend) =>
  openSidebar(browser, 'CallHistory', backend, { html: embedCallHistoryRequest(builtPage('CallHistory'), request) });

describe('Call History sidebar', () => {
  it('shows every call as a readable card, hostile text literally, and runs nothing', async () => {
    const sidebar = await openHistory({ scope: 'all' });
    const { page } = sidebar;
    const cards = page.locator('.call-card');
    await eventually(() => cards.count()).toBe(6);
    // The newest calls first, then the rest with the first answer's cursor.
    expect(sidebar.calls).toEqual([
      { fn: 'getCallHistory', args: [{ scope: 'all' }, null] },
      { fn: 'getCallHistory', args: [{ scope: 'all' }, 'history-step-2'] },
    ]);
    await eventually(() => page.locator('#title').textContent()).toBe('Call history — all agents');

    const answered = page.locator('[data-call-id="9001"]');
    const text = await answered.textContent();
    for (const seen of [
      'Inbound',
      'Answered',
      'Ana Lopez',
      'Support Hotline',
      '+33 6 12 34 56 78',
      'Wait0:10',
      'Talk2:50',
    ])
      expect(text).toContain(seen);
    expect(await page.locator('[data-call-id="9003"]').textContent()).toContain('Caller hung up within seconds');

    const hostile = page.locator('[data-call-id="9002"]');
    const hostileText = await hostile.textContent();
    for (const literal of [HOSTILE.agent, HOSTILE.comment, HOSTILE.tag]) expect(hostileText).toContain(literal);
    expect(await page.locator('.cards img, .cards svg, .cards script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(hostileText).toContain('Asset link hidden');

    // Young recordings and voicemails play; the asset link opens safely in a new tab.
    expect(await answered.locator('audio').getAttribute('src')).toBe('https://recordings.example/9001.mp3');
    expect(await page.locator('[data-call-id="9003"] audio').count()).toBe(1);
    expect(await hostile.locator('audio').count()).toBe(0);
    const asset = answered.locator('a.asset');
    expect(await asset.getAttribute('target')).toBe('_blank');
    expect(await asset.getAttribute('rel')).toBe('noopener noreferrer');

    // Raw JSON opens on demand.
    expect(await hostile.locator('pre').isVisible()).toBe(false);
    await hostile.getByText('Raw JSON').click();
    await eventually(() => hostile.locator('pre').textContent()).toContain(HOSTILE.comment);

    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    expect(sidebar.requests).toEqual([sidebar.pageUrl]);
    await sidebar.screenshot('call-history-all');
    await sidebar.close();
  });

  it('filters literally as you type, highlights "+33 6", and Auto-Search takes the selected text', async () => {
    const sidebar = await openHistory({ scope: 'all' });
    const { page } = sidebar;
    const visible = page.locator('.call-card:visible');
    await eventually(() => page.locator('.call-card').count()).toBe(6);

    await page.getByLabel('Quick search').fill('+33 6');
    await eventually(() => visible.count()).toBe(2);
    expect(await page.locator('.list-summary').textContent()).toBe('2 of 6 calls match "+33 6"');
    await page.getByRole('button', { name: 'Highlight' }).click();
    expect(await page.locator('mark.hit').allInnerTexts()).toEqual(['+33 6', '+33 6']);

    await page.getByLabel('Quick search').fill('(');
    // "(urgent)", "Sales (FR)" twice, and the three "alert(" in the hostile call.
    await eventually(() => visible.count()).toBe(3);
    expect(await page.locator('mark.hit').count()).toBe(6);
    await page.getByLabel('Quick search').fill('NO_AVAILABLE_AGENT'); // found in the raw JSON, any case
    await eventually(() => visible.getAttribute('data-call-id')).toBe('9004');

    await page.getByLabel('Quick search').fill('');
    await page.getByRole('button', { name: 'Auto-Search' }).click();
    await page.locator('[data-call-id="9005"] dd', { hasText: 'Chen Wei' }).dblclick({ position: { x: 8, y: 6 } });
    // A double-click selects one word of the name; that word becomes the query.
    expect(['Chen', 'Wei']).toContain(await page.getByLabel('Quick search').inputValue());
    await eventually(() => visible.count()).toBe(2); // Chen Wei's two calls
    await sidebar.screenshot('call-history-highlight');
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('finds a phone number typed without spaces, and highlights it as written', async () => {
    const sidebar = await openHistory({ scope: 'all' });
    const { page } = sidebar;
    await eventually(() => page.locator('.call-card').count()).toBe(6);
    await page.getByLabel('Quick search').fill('33612345678');
    await eventually(() => page.locator('.list-summary').textContent()).toBe('1 of 6 calls match "33612345678"');
    await page.getByRole('button', { name: 'Highlight' }).click();
    expect(await page.locator('mark.hit').allInnerTexts()).toEqual(['33 6 12 34 56 78']);
    expect(await page.locator('.call-card:visible').getAttribute('data-call-id')).toBe('9001');
    await page.getByLabel('Quick search').fill('+3317711');
    await eventually(() => page.locator('.call-card:visible').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.hit').first().textContent()).toBe('+33 1 77 11');
    await sidebar.close();
  });

  it('shows the newest calls while the older ones are still loading', async () => {
    const rest = deferred<unknown>();
    const sidebar = await openHistory({ scope: 'all' }, async (fn, args) =>
      args[1] === null ? fixtureBackend(fn, args) : rest.promise,
    );
    const { page } = sidebar;
    await eventually(() => page.locator('.call-card').count()).toBe(3);
    expect(await page.locator('#status').textContent()).toMatch(/^Loading calls… \d+ s$/);
    rest.resolve(await fixtureBackend('getCallHistory', [{ scope: 'all' }, 'history-step-2']));
    await eventually(() => page.locator('.call-card').count()).toBe(6);
    const ids = await page
      .locator('.call-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-call-id')));
    const newestFirst = sidebarCalls(NOW)
      .sort((a, b) => b.started_at - a.started_at)
      .map((call) => String(call.id));
    expect(ids).toEqual(newestFirst);
    await eventually(() => page.locator('#status').isHidden()).toBe(true);
    await sidebar.close();
  });

  it("shows one agent's calls under their name", async () => {
    const sidebar = await openHistory({ scope: 'user', userId: 101 });
    await eventually(() => sidebar.page.locator('#title').textContent()).toBe('Call history — Ana Lopez');
    const ids = await sidebar.page
      .locator('.call-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-call-id')));
    expect(ids).toEqual(['9001', '9004']);
    await sidebar.close();
  });

  it('shows the reason when the server fails, not an endless wait', async () => {
    const sidebar = await openHistory({ scope: 'all' }, async () => {
      throw new Error('Aircall refused the API key (401). Check it in Configure.');
    });
    const status = sidebar.page.locator('#status');
    await eventually(() => status.textContent()).toBe('Aircall refused the API key (401). Check it in Configure.');
    expect(await sidebar.page.locator('.call-card').count()).toBe(0);
    await sidebar.close();
  });
});
