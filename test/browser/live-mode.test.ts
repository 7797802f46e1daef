import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { LiveRefreshResult } from '../../src/sidebar-contract';
import {
  type Backend,
  deferred,
  eventually,
  launchBrowser,
  openSidebar,
  SIDEBAR_WIDTH,
  type SidebarName,
} from './support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The shim's SidebarName predates Live mode; the built file is dist/LiveMode.html all the same.
const LIVE_MODE: SidebarName = 'LiveMode';

/** A server answering each liveRefresh with the next of `answers` (the last one repeats). */
function server(answers: (LiveRefreshResult | Error)[]): Backend {
  let call = 0;
  return async (fn) => {
    if (fn !== 'liveRefresh') throw new Error(`Exception: ${fn} is not a server function`);
    const answer = answers[Math.min(call++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  };
}

const refreshed = (refreshedAtText: string, nextInSec = 2): LiveRefreshResult => ({
  refreshedAtText,
  nextInSec,
  stale: null,
});

describe('Live mode sidebar', () => {
  it('refreshes at once, counts down the delay the server asks for, then refreshes again', async () => {
    const sidebar = await openSidebar(browser, LIVE_MODE, server([refreshed('14:32:05'), refreshed('14:32:07', 30)]));
    const { page } = sidebar;
    await eventually(() => page.locator('#last-refresh').textContent()).toBe('Last refresh 14:32:05');
    await eventually(() => page.locator('#countdown').textContent()).toMatch(/^Next refresh in [12] s$/);
    await eventually(() => page.locator('#last-refresh').textContent()).toBe('Last refresh 14:32:07');
    await eventually(() => page.locator('#countdown').textContent()).toMatch(/^Next refresh in (30|29) s$/);
    expect(sidebar.calls).toEqual([
      { fn: 'liveRefresh', args: [20] },
      { fn: 'liveRefresh', args: [20] },
    ]);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(sidebar.requests).toEqual([sidebar.pageUrl]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.close();
  });

  it('never starts a refresh while the previous one is still running', async () => {
    const slow = deferred<LiveRefreshResult>();
    const sidebar = await openSidebar(browser, LIVE_MODE, () => slow.promise);
    const { page } = sidebar;
    await eventually(() => page.locator('#countdown').textContent()).toBe('Refreshing the board…');
    await page.waitForTimeout(1500);
    expect(sidebar.calls).toHaveLength(1);
    slow.resolve(refreshed('09:00:00', 15));
    await eventually(() => page.locator('#countdown').textContent()).toMatch(/^Next refresh in 1[45] s$/);
    await sidebar.close();
  });

  it('shows a failed call and a stale board as messages, and keeps going', async () => {
    const stale: LiveRefreshResult = {
      refreshedAtText: '14:30:00',
      nextInSec: 1,
      stale: 'Aircall is not responding',
    };
    const sidebar = await openSidebar(
      browser,
      LIVE_MODE,
      server([new Error('Exception: Service invoked too many times'), stale, refreshed('14:31:00', 60)]),
    );
    const { page } = sidebar;
    const problem = page.locator('#problem');
    await eventually(() => problem.textContent()).toBe('Exception: Service invoked too many times');
    expect(await page.locator('#countdown').textContent()).toMatch(/^Next refresh in (20|19) s$/);
    await sidebar.close();

    const second = await openSidebar(browser, LIVE_MODE, server([stale, refreshed('14:31:00', 60)]));
    await eventually(() => second.page.locator('#problem').textContent()).toBe('Aircall is not responding');
    expect(await second.page.locator('#last-refresh').textContent()).toBe('Last refresh 14:30:00');
    // The next answer is good again: the message goes away.
    await eventually(() => second.page.locator('#problem').isHidden()).toBe(true);
    expect(await second.page.locator('#last-refresh').textContent()).toBe('Last refresh 14:31:00');
    await second.close();
  });

  it('refuses an interval under 10 seconds and uses a valid one for the next refresh', async () => {
    const sidebar = await openSidebar(
      browser,
      LIVE_MODE,
      server([refreshed('10:00:00', 3), refreshed('10:00:03', 60)]),
    );
    const { page } = sidebar;
    const interval = page.getByLabel('Refresh every (seconds, 10 at least)');
    expect(await interval.inputValue()).toBe('20');
    await interval.fill('5');
    await interval.press('Enter');
    await interval.blur();
    await eventually(() => page.locator('#interval-error').textContent()).toBe(
      'Enter a whole number of seconds, 10 at least.',
    );
    expect(await interval.getAttribute('aria-invalid')).toBe('true');
    await interval.fill('12');
    await interval.blur();
    await eventually(() => page.locator('#interval-error').isHidden()).toBe(true);
    await eventually(() => sidebar.calls.length).toBe(2);
    expect(sidebar.calls.map((c) => c.args[0])).toEqual([20, 12]);
    await sidebar.close();
  });

  it('pauses the countdown and resumes it', async () => {
    const sidebar = await openSidebar(browser, LIVE_MODE, server([refreshed('11:00:00', 2)]));
    const { page } = sidebar;
    await eventually(() => page.locator('#last-refresh').textContent()).toBe('Last refresh 11:00:00');
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await page.locator('#countdown').textContent()).toBe('Paused');
    await page.waitForTimeout(2500);
    expect(sidebar.calls).toHaveLength(1);
    await page.getByRole('button', { name: 'Resume' }).click();
    await eventually(() => sidebar.calls.length).toBe(2);
    await sidebar.close();
  });
});
