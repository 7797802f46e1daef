/**
 * The sidebars against the real server: the google.script.run shim calls the built server
 * functions in the local Apps Script runtime, which talks to the simulated Aircall.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { agentCells, openWallboard, type Wallboard } from '../support/wallboard';
import { type Backend, eventually, launchBrowser, openSidebar, SIDEBAR_WIDTH } from './support/sidebar';

let browser: Browser;
let wb: Wallboard;
let server: Backend;

beforeAll(async () => {
  [browser, wb] = await Promise.all([launchBrowser(), openWallboard({ preset: 'small', seed: 21 })]);
  await wb.sim.advance(10 * 60_000);
  wb.runtime.run('mapUsersToNumbers');
  wb.runtime.run('refreshFromMenu');
  server = async (fn, args) => wb.runtime.callFromClient(fn, args);
});
afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

/** The HTML the server put in the sidebar it just opened (e.g. with the request baked in). */
const lastSidebarHtml = () => wb.runtime.ui.sidebars.at(-1)!.html;

describe('Calls menu against the simulated Aircall', () => {
  it('Select User shows the selected agent’s calls of the activity period, by id', async () => {
    const truth = await wb.sim.truth();
    const nowSec = truth.nowMs / 1000;
    const busiest = [...truth.users]
      .map((u) => ({ user: u, calls: truth.calls.filter((c) => c.user?.id === u.id && c.started_at >= nowSec - 900) }))
      .sort((a, b) => b.calls.length - a.calls.length)[0];
    const cell = agentCells(wb.board()).get(busiest.user.id)![0];
    wb.runtime.spreadsheet.setActive('Activity Tracker', `${String.fromCharCode(64 + cell.column)}${cell.row}`);
    wb.runtime.run('showUserCallHistory');
    expect(wb.runtime.ui.sidebars.at(-1)!.title).toContain(busiest.user.name);

    const sidebar = await openSidebar(browser, 'CallHistory', server, { html: lastSidebarHtml() });
    const { page } = sidebar;
    for (const call of busiest.calls) await page.locator(`[data-call-id="${call.id}"]`).waitFor();
    expect(await page.locator('.call-card .agent, .call-card').first().textContent()).toContain(busiest.user.name);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    expect(await sidebar.scrollWidth()).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await sidebar.screenshot('real-user-call-history');
    await sidebar.close();
  });

  it('Select User on a cell that is not an agent says so', () => {
    wb.runtime.spreadsheet.setActive('Activity Tracker', 'A1');
    wb.runtime.answerNextDialog({ button: 'OK' });
    wb.runtime.run('showUserCallHistory');
    expect(wb.runtime.ui.alerts.at(-1)?.message).toMatch(/Select an agent's name cell/);
  });

  it('All Users lists every call of the period; hostile comments and tags show literally', async () => {
    wb.runtime.run('showAllCallHistory');
    const sidebar = await openSidebar(browser, 'CallHistory', server, { html: lastSidebarHtml() });
    const { page } = sidebar;
    const truth = await wb.sim.truth();
    const inPeriod = truth.calls.filter((c) => c.started_at >= truth.nowMs / 1000 - 900);
    await eventually(() => page.locator('.call-card').count()).toBe(inPeriod.length);
    const hostile = inPeriod.find((c) => c.comments.some((m) => m.content.includes('<')));
    if (hostile) {
      const text = await page.locator(`[data-call-id="${hostile.id}"]`).textContent();
      expect(text).toContain(hostile.comments.find((m) => m.content.includes('<'))!.content);
    }
    expect(await page.locator('.cards img, .cards script').count()).toBe(0);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('real-all-call-history');
    await sidebar.close();
  });

  it('Advanced Search runs on the server and Export to sheet writes a tab of text', async () => {
    wb.runtime.run('showAdvancedSearch');
    const sidebar = await openSidebar(browser, 'AdvancedSearch', server, { html: lastSidebarHtml() });
    const { page } = sidebar;
    await page.locator('#criteria').waitFor();
    await page.getByLabel('Missed calls').selectOption({ label: 'Any missed call' });
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('#search-status').textContent()).toMatch(/call(s)? found/);
    const shown = await page.locator('.call-card').count();
    expect(shown).toBeGreaterThan(0);
    const search = sidebar.calls.find((c) => c.fn === 'advancedSearch')!;
    const criteria = search.args[0] as { fromSec: number; toSec: number };
    const truth = await wb.sim.truth();
    const expected = truth.calls.filter(
      (c) => c.missed_call_reason && c.started_at >= criteria.fromSec && c.started_at <= criteria.toSec,
    );
    expect(shown).toBe(Math.min(expected.length, 1000));

    await page.getByRole('button', { name: 'Export to sheet' }).click();
    await eventually(() => wb.runtime.spreadsheet.sheetNames().filter((n) => n.startsWith('Calls ')).length).toBe(1);
    const tab = wb.runtime.spreadsheet.sheetNames().find((n) => n.startsWith('Calls '))!;
    const exported = wb.runtime.spreadsheet.snapshot(tab);
    expect(exported.displayValues.length - 1).toBe(expected.length);
    // Every match of the search, once, with the Call ID first.
    const byId = (a: number, b: number) => a - b;
    expect(
      exported.displayValues
        .slice(1)
        .map((row) => Number(row[0]))
        .sort(byId),
    ).toEqual(expected.map((c) => c.id).sort(byId));
    expect(exported.formulas.flat().filter(Boolean)).toEqual([]);
    expect(exported.displayValues.flat()).not.toContain('#ERROR!');
    expect(sidebar.problems).toEqual([]);
    await sidebar.screenshot('real-advanced-search');
    await sidebar.close();
  });
});
