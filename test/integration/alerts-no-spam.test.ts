/**
 * No spam: the cooldown per rule and line, quiet hours and the daily cap, on scripted call centers
 * (times in seconds after t0 = Wednesday 18 Nov 2026, 12:06:40 in the spreadsheet's Europe/Paris).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { at, LONGEST_WAIT_30, openAlerts, SALES, type Setup, SUPPORT, twoLines } from '../alerts/wallboard';

const rowsWithoutTime = (s: Setup) => s.alertRows().map((row) => row.slice(1));

describe('cooldown per rule and line', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await openAlerts(
      twoLines([
        // Caller 1 waits from t0+10 until t0+70; caller 2 from t0+130 on.
        { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
        { atMs: at(70), type: 'answer', callId: 1, userId: 1 },
        { atMs: at(80), type: 'end', callId: 1 },
        { atMs: at(130), type: 'arrive', callId: 2, numberId: SUPPORT },
      ]),
    );
    s.saveAlerts({ rules: [LONGEST_WAIT_30], emailTo: 'supervisor@example.com', cooldownMin: 10 });
    await s.refreshAt(60); // 50 s → starts, announced; the cooldown runs to t0+660.
    await s.refreshAt(120); // nobody waits → cleared.
    await s.refreshAt(180); // caller 2: 50 s → starts again within the cooldown: held back.
    await s.refreshAt(240); // 110 s: still held back, nothing more logged.
    await s.refreshAt(660); // cooldown over, still firing (530 s) → announced now.
  }, 120_000);
  afterAll(() => s?.close());

  it('announces a start again only after the cooldown', () => {
    const mails = s.wb.runtime.mail.sent;
    expect(mails.map((m) => m.subject)).toEqual([
      'Aircall alert started: Line Support — Longest wait above 30 s',
      'Aircall alert cleared: Line Support — Longest wait above 30 s',
      'Aircall alert started: Line Support — Longest wait above 30 s',
    ]);
    expect(mails[2].body).toContain('now 530 s');
  });

  it('logs the held-back start once', () => {
    expect(rowsWithoutTime(s)).toEqual([
      ['Started: Longest wait above 30 s', 'Support', '530 s', 'Email', 'sent'],
      ['Started: Longest wait above 30 s', 'Support', '50 s', '—', 'suppressed: cooldown'],
      ['Cleared: Longest wait above 30 s', 'Support', '0 s', 'Email', 'sent'],
      ['Started: Longest wait above 30 s', 'Support', '50 s', 'Email', 'sent'],
    ]);
  });
});

describe('quiet hours, then the daily cap', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await openAlerts(
      twoLines([
        { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT },
        { atMs: at(10), type: 'arrive', callId: 2, numberId: SALES },
      ]),
    );
    s.saveAlerts({
      rules: [LONGEST_WAIT_30],
      emailTo: 'supervisor@example.com',
      chatWebhookUrl: s.chat.webhookUrl,
      cooldownMin: 0,
      // 12:00–13:00 in Paris: t0 (12:06:40) is inside.
      quietFromHour: 12,
      quietToHour: 13,
      dailyCap: 1,
    });
    await s.refreshAt(60); // both lines 50 s: quiet hours hold both back.
    await s.refreshAt(120); // still quiet: nothing more.
    s.saveAlerts({ quietFromHour: '', quietToHour: '' });
    // Lines in name order: Sales is announced (the day's one alert), Support waits for the cap.
    await s.refreshAt(180);
    await s.refreshAt(240);
  }, 120_000);
  afterAll(() => s?.close());

  it('sends nothing in quiet hours and one alert once the cap is reached', async () => {
    expect(s.wb.runtime.mail.sent.map((m) => m.subject)).toEqual([
      'Aircall alert started: Line Sales — Longest wait above 30 s',
    ]);
    expect(s.wb.runtime.mail.sent[0].body).toContain('now 170 s');
    const chat = await s.chat.messages();
    expect(chat).toHaveLength(1);
    expect(chat[0].text).toContain('Line Sales — Longest wait above 30 s: now 170 s');
  });

  it('logs each line held back, once per reason', () => {
    expect(rowsWithoutTime(s)).toEqual([
      ['Started: Longest wait above 30 s', 'Sales', '170 s', 'Google Chat', 'sent'],
      ['Started: Longest wait above 30 s', 'Sales', '170 s', 'Email', 'sent'],
      ['Started: Longest wait above 30 s', 'Support', '170 s', '—', 'suppressed: daily cap reached'],
      ['Started: Longest wait above 30 s', 'Support', '50 s', '—', 'suppressed: quiet hours'],
      ['Started: Longest wait above 30 s', 'Sales', '50 s', '—', 'suppressed: quiet hours'],
    ]);
  });
});
