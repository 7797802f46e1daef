/**
 * Alerts on scripted call centers, against messages worked out by hand from the scenarios' events
 * (times in seconds after t0; the spreadsheet's time zone is Europe/Paris, where t0 is Wednesday
 * 18 Nov 2026, 12:06:40). Email goes through the local MailApp, Chat through the local webhook
 * receiver (local/chat-webhook), both recording what they got.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_START_MS, type Scenario } from '../../local/aircall-sim/index';
import { type ChatWebhook, startChatWebhook } from '../../local/chat-webhook/index';
import type { SaveAlertsRequest } from '../../src/sidebar-contract';
import { openWallboard, type Wallboard } from '../support/wallboard';

const T0 = DEFAULT_START_MS;
const at = (sec: number) => T0 + sec * 1000;
const SUPPORT = 100;
const SALES = 200;
/** A hostile line name: a formula, Chat markup and an @all mention. */
const HOSTILE = '=HYPERLINK("https://evil.example","_Sales_ *VIP* <users/all>")';
const LONGEST_WAIT_30 = { kind: 'longestWait', target: 'all', threshold: 30 };

function twoLines(events: Scenario['events'], salesName = 'Sales'): Scenario {
  return {
    agents: [
      { id: 1, name: 'Ana' },
      { id: 2, name: 'Ben' },
      { id: 3, name: 'Cleo' },
    ],
    teams: [{ id: 10, name: 'Front', userIds: [1, 2, 3] }],
    numbers: [
      { id: SUPPORT, name: 'Support', digits: '+33 1 00 00 01 00', userIds: [1, 2] },
      { id: SALES, name: salesName, digits: '+33 1 00 00 02 00', userIds: [3] },
    ],
    events,
  };
}

interface Setup {
  wb: Wallboard;
  chat: ChatWebhook;
  /** Moves the call center to t0 + sec and refreshes the board as the trigger would. */
  refreshAt(sec: number): Promise<void>;
  saveAlerts(request: SaveAlertsRequest): void;
  /** The Alerts tab below its header: [time, rule, line or team, value, channel, outcome]. */
  alertRows(): string[][];
  close(): Promise<void>;
}

async function open(scenario: Scenario): Promise<Setup> {
  const chat = await startChatWebhook();
  const wb = await openWallboard({
    scenario,
    history: false,
    clock: { mode: 'manual', startMs: T0 },
    runtime: { chatUrl: chat.url },
  });
  let nowSec = 0;
  return {
    wb,
    chat,
    async refreshAt(sec) {
      await wb.sim.advance((sec - nowSec) * 1000);
      nowSec = sec;
      wb.runtime.run('refreshFromTrigger', [], { kind: 'trigger' });
    },
    saveAlerts(request) {
      expect(wb.runtime.callFromClient('saveAlerts', [request])).toEqual({ ok: true });
    },
    alertRows() {
      const sheet = wb.runtime.spreadsheet.sheetByName('Alerts');
      if (!sheet) return [];
      return wb.runtime.spreadsheet
        .snapshot('Alerts')
        .displayValues.slice(1)
        .filter((row) => row[0] !== '');
    },
    async close() {
      await wb.close();
      await chat.stop();
    },
  };
}

/** The lines of messages that start with STARTED/CLEARED (email) or the Chat marks. */
const eventLines = (text: string) => text.split('\n').filter((line) => /^(STARTED|CLEARED|🔴|✅)/.test(line));

describe('a surge fires once per line and clears once', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await open(
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
  });
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
