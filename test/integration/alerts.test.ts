/**
 * Alerts on scripted call centers, against messages worked out by hand from the scenarios' events
 * (times in seconds after t0; the spreadsheet's time zone is Europe/Paris, where t0 is Wednesday
 * 18 Nov 2026, 12:06:40). Email goes through the local MailApp, Chat through the local webhook
 * receiver (local/chat-webhook), both recording what they got.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  at,
  eventLines,
  HOSTILE,
  LONGEST_WAIT_30,
  openAlerts,
  SALES,
  type Setup,
  SUPPORT,
  twoLines,
} from '../alerts/wallboard';

describe('a surge fires once per line and clears once', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await openAlerts(
      twoLines(
        [
          // Support: caller 1 waits from t0+10 until Ana answers at t0+190.
          { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
          { atMs: at(190), type: 'answer', callId: 1, userId: 1 },
          // Sales: caller 2 waits from t0+100 until Cleo answers at t0+200.
          { atMs: at(100), type: 'arrive', callId: 2, numberId: SALES },
          { atMs: at(200), type: 'answer', callId: 2, userId: 3 },
        ],
        HOSTILE,
      ),
    );
    s.saveAlerts({
      rules: [LONGEST_WAIT_30],
      emailTo: 'supervisor@example.com, lead@example.com',
      chatWebhookUrl: s.chat.webhookUrl,
    });
    // t0+60: Support 50 s > 30 → starts. Sales: nobody waiting.
    await s.refreshAt(60);
    // t0+120: Support 110 s, already announced. Sales 20 s.
    await s.refreshAt(120);
    // t0+180: Sales 80 s > 30 → starts.
    await s.refreshAt(180);
    // t0+240: both answered → both clear, in one message.
    await s.refreshAt(240);
    // t0+300: nothing changes.
    await s.refreshAt(300);
  }, 120_000);
  afterAll(() => s?.close());

  it('sends three emails: Support started, Sales started, both cleared', () => {
    const mails = s.wb.runtime.mail.sent;
    expect(mails.map((m) => m.subject)).toEqual([
      'Aircall alert started: Line Support — Longest wait above 30 s',
      `Aircall alert started: Line ${HOSTILE} — Longest wait above 30 s`,
      'Aircall alerts: 0 started, 2 cleared',
    ]);
    expect(mails.every((m) => m.to.join(',') === 'supervisor@example.com,lead@example.com')).toBe(true);
    expect(mails.map((m) => eventLines(m.body).map((line) => line.replace(/ {2}\d\d:\d\d {2}/, ' @ ')))).toEqual([
      ['STARTED @ Line Support — Longest wait above 30 s: now 50 s'],
      [`STARTED @ Line ${HOSTILE} — Longest wait above 30 s: now 80 s`],
      [
        `CLEARED @ Line ${HOSTILE} — Longest wait above 30 s: now 0 s`,
        'CLEARED @ Line Support — Longest wait above 30 s: now 0 s',
      ],
    ]);
  });

  it('posts the same three messages to Google Chat, the hostile name kept from formatting', async () => {
    const messages = await s.chat.messages();
    expect(messages.map((m) => eventLines(m.text).length)).toEqual([1, 1, 2]);
    const salesLine = eventLines(messages[1].text)[0];
    // Every marker is fenced by zero-width spaces: nothing pairs up, no <users/all> mention.
    expect(salesLine).not.toContain('<users/all>');
    expect(salesLine).not.toMatch(/[^\u200B][*_~`][^\u200B]/);
    expect(salesLine.replaceAll('\u200B', '')).toContain(`Line ${HOSTILE} — Longest wait above 30 s: now 80 s`);
  });

  it('costs each refresh at most one email and one Chat request', () => {
    const refreshes = s.wb.runtime.executions.filter((e) => e.name === 'refreshFromTrigger');
    expect(refreshes.map((e) => [e.counters['MailApp.sendEmail'] ?? 0, e.counters['UrlFetchApp.fetch'] ?? 0])).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
  });

  it('logs every alert sent, newest first, the hostile name as text', () => {
    const rows = s.alertRows().map(([, rule, name, value, channel, outcome]) => [rule, name, value, channel, outcome]);
    expect(rows).toEqual([
      // One refresh's entries keep their order, newest refresh on top.
      ['Cleared: Longest wait above 30 s', 'Support', '0 s', 'Google Chat', 'sent'],
      ['Cleared: Longest wait above 30 s', HOSTILE, '0 s', 'Google Chat', 'sent'],
      ['Cleared: Longest wait above 30 s', 'Support', '0 s', 'Email', 'sent'],
      ['Cleared: Longest wait above 30 s', HOSTILE, '0 s', 'Email', 'sent'],
      ['Started: Longest wait above 30 s', HOSTILE, '80 s', 'Google Chat', 'sent'],
      ['Started: Longest wait above 30 s', HOSTILE, '80 s', 'Email', 'sent'],
      ['Started: Longest wait above 30 s', 'Support', '50 s', 'Google Chat', 'sent'],
      ['Started: Longest wait above 30 s', 'Support', '50 s', 'Email', 'sent'],
    ]);
    const sheet = s.wb.runtime.spreadsheet.snapshot('Alerts');
    expect(sheet.values.flat().filter((v) => v === HOSTILE).length).toBe(4);
  });
});
