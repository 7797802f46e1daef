/**
 * Alerts integration tests' setup: a scripted call center in the simulator, the built add-on in the
 * local runtime with MailApp recording, and the local Chat webhook receiver.
 */
import { expect } from '@jest/globals';
import { DEFAULT_START_MS, type Scenario } from '../../local/aircall-sim/index';
import { type ChatWebhook, startChatWebhook } from '../../local/chat-webhook/index';
import type { RuntimeOptions } from '../../local/runtime/index';
import type { SaveAlertsRequest, SaveSettingsRequest } from '../../src/sidebar-contract';
import { openWallboard, type Wallboard } from '../support/wallboard';

export const T0 = DEFAULT_START_MS;
export const at = (sec: number) => T0 + sec * 1000;
export const SUPPORT = 100;
export const SALES = 200;
/** A hostile line name: a formula, Chat markup and an @all mention. */
export const HOSTILE = '=HYPERLINK("https://evil.example","_Sales_ *VIP* <users/all>")';
export const LONGEST_WAIT_30 = { kind: 'longestWait', target: 'all', threshold: 30 };

export function twoLines(events: Scenario['events'], salesName = 'Sales'): Scenario {
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

export interface Setup {
  wb: Wallboard;
  chat: ChatWebhook;
  /** Moves the call center to t0 + sec and refreshes the board as the trigger would. */
  refreshAt(sec: number): Promise<void>;
  saveAlerts(request: SaveAlertsRequest): void;
  /** The Alerts tab below its header: [time, rule, line or team, value, channel, outcome]. */
  alertRows(): string[][];
  close(): Promise<void>;
}

export async function openAlerts(
  scenario: Scenario,
  { runtime, form }: { runtime?: RuntimeOptions; form?: Partial<SaveSettingsRequest> } = {},
): Promise<Setup> {
  const chat = await startChatWebhook();
  const wb = await openWallboard({
    scenario,
    history: false,
    clock: { mode: 'manual', startMs: T0 },
    runtime: { chatUrl: chat.url, ...runtime },
    form,
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
export const eventLines = (text: string) => text.split('\n').filter((line) => /^(STARTED|CLEARED|🔴|✅)/.test(line));
