/**
 * A failing channel: Google Chat answering 500, then unreachable; MailApp's daily quota spent.
 * Each failure is logged in the Alerts tab and retried with the next refresh (within 30 minutes),
 * the board refreshes as usual, and the webhook URL never shows in a cell, a log or a sidebar.
 * Times in seconds after t0.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { at, LONGEST_WAIT_30, openAlerts, SALES, type Setup, SUPPORT, twoLines } from '../alerts/wallboard';
import { findCells } from '../support/wallboard';

const TOKEN = 'local-chat-token-4f9c';
const retry = (min: number) => `retry in ${min} min`;

describe('a failing channel is logged and retried without affecting the board', () => {
  let s: Setup;
  /** The board after each refresh: [waiting caller shown, stale banner shown]. */
  const boards: [boolean, boolean][] = [];
  const refreshAt = async (sec: number) => {
    await s.refreshAt(sec);
    const board = s.wb.board();
    boards.push([
      findCells(board, (v) => v.includes('+33 6 00 00 00 00')).length > 0,
      findCells(board, (v) => /stale/i.test(v)).length > 0,
    ]);
  };

  beforeAll(async () => {
    s = await openAlerts(
      twoLines([
        { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
        { atMs: at(130), type: 'arrive', callId: 2, numberId: SALES },
      ]),
      // The board shows callers who started waiting within the activity period: an hour covers t0+1900.
      { form: { activityPeriodMin: 60 } },
    );
    s.saveAlerts({ rules: [LONGEST_WAIT_30], emailTo: 'supervisor@example.com', chatWebhookUrl: s.chat.webhookUrl });
    await s.chat.fail(500, 1);
    s.wb.runtime.mail.use(100); // today's MailApp quota is spent
    await refreshAt(60); // Support starts: Chat answers 500, MailApp has no quota left; both again in 1 min.
    await refreshAt(120); // retried: Chat takes it; MailApp still has none: again in 2 min.
    await s.chat.stop(); // Chat unreachable from now on.
    await refreshAt(180); // Sales starts: Chat fails to connect; email waits (until t0+240).
    await refreshAt(1_900); // Support's start is 30+ minutes old: given up on email.
  }, 120_000);
  afterAll(() => s?.close());

  it('keeps refreshing the board', () => {
    expect(boards).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
    expect(s.wb.runtime.executions.filter((e) => e.error)).toEqual([]);
  });

  it('logs each failure and the retries', () => {
    const rows = s.alertRows().map(([, , name, , channel, outcome]) => [name, channel, outcome]);
    const quota = (min: number) => `failed: MailApp's daily email quota is used up; ${retry(min)}`;
    const unreachable = (min: number) => `failed: Address unavailable: the Chat webhook; ${retry(min)}`;
    expect(rows).toEqual([
      // t0+1900: Sales retried on both (1720 s old); Support dropped from the email outbox (1840 s old).
      ['Sales', 'Google Chat', unreachable(2)],
      ['Sales', 'Email', quota(4)],
      ['Support', 'Email', 'dropped after 2 failed attempts'],
      // t0+180: Chat only; email waits for its retry time.
      ['Sales', 'Google Chat', unreachable(1)],
      // t0+120
      ['Support', 'Google Chat', 'sent on retry 1'],
      ['Support', 'Email', quota(2)],
      // t0+60
      ['Support', 'Google Chat', `failed: Google Chat answered HTTP 500; ${retry(1)}`],
      ['Support', 'Email', quota(1)],
    ]);
  });

  it('never shows the webhook URL in a cell, a log, the cache or a sidebar', () => {
    const secret = (text: string) => text.includes(TOKEN) || text.includes('chat.googleapis.com');
    for (const sheet of s.wb.runtime.spreadsheet.dump().sheets) {
      expect({
        sheet: sheet.name,
        found: JSON.stringify([sheet.values, sheet.notes]).match(/chat\.googleapis|4f9c/),
      }).toEqual({
        sheet: sheet.name,
        found: null,
      });
    }
    expect(s.wb.runtime.logs.filter(secret)).toEqual([]);
    expect(s.wb.runtime.cacheValues().length).toBeGreaterThan(0);
    expect(s.wb.runtime.cacheValues().filter(secret)).toEqual([]);
    const view = s.wb.runtime.callFromClient<{ webhook: unknown }>('getAlertsView');
    expect(secret(JSON.stringify(view))).toBe(false);
    expect(view.webhook).toEqual({ configured: true, spaceMasked: 'AA••••ce', sharedWithEditors: false });
    expect(secret(JSON.stringify(s.wb.runtime.callFromClient('getConfigureView')))).toBe(false);
  });
});

describe('damaged stored alerts', () => {
  let s: Setup;
  const store = (key: string, value: string) =>
    s.wb.runtime.runSnippet(
      `PropertiesService.getDocumentProperties().setProperty(${JSON.stringify(key)}, ${JSON.stringify(value)})`,
    );

  beforeAll(async () => {
    s = await openAlerts(twoLines([{ atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT }]));
    s.saveAlerts({ rules: [LONGEST_WAIT_30], emailTo: 'supervisor@example.com' });
    store('alerts.state', '{"keys":{},"day":"x","startedToday":0,"outbox":{"email":5}}');
    await s.refreshAt(60); // a damaged state starts afresh: Support (50 s) is announced.
    store('alerts.settings', '{"rules":null}');
    await s.refreshAt(120); // damaged settings count as no rules: nothing checked, nothing sent.
  }, 120_000);
  afterAll(() => s?.close());

  it('neither break the refresh nor the alerts', () => {
    expect(s.wb.runtime.executions.filter((e) => e.error)).toEqual([]);
    expect(s.wb.runtime.mail.sent.map((m) => m.subject)).toEqual([
      'Aircall alert started: Line Support — Longest wait above 30 s',
    ]);
    expect(s.wb.runtime.callFromClient<{ settings: { rules: unknown[] } }>('getAlertsView').settings.rules).toEqual([]);
  });
});
