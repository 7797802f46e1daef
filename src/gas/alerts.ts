/**
 * Alerts in the refresh: after the board is written, the same model is checked against the
 * alert rules; what starts or clears goes out as one email (MailApp) and one Google Chat message
 * (UrlFetchApp to the space's incoming webhook), and every alert sent or held back is logged in the
 * Alerts tab. Nothing here can break or delay the board: it runs after the board is written, sends
 * at most one email and one Chat request, skips sending when the refresh already ran long, and any
 * failure is logged and retried by a later refresh (docs/alerts.md).
 */
import { type Channel, type LogEntry, type Pending, settleDelivery, stepAlerts } from '../alerts/engine';
import { observe } from '../alerts/evaluate';
import { chatMessage, emailMessage, valueText } from '../alerts/messages';
import type { AlertSettings } from '../alerts/rules';
import type { BoardModel } from '../tracker/board';
import { loadAlertSettings, loadAlertState, loadWebhook, saveAlertState, withoutWebhook } from './alerts-store';
import { documentProperties } from './document-properties';
import { activeSpreadsheet, formatTime, insertSheetInBackground } from './spreadsheet';

const ALERTS_SHEET = 'Alerts';
const HEADER = ['Time', 'Rule', 'Line or team', 'Value', 'Channel', 'Outcome'];
/** Like the History tab: a week of alerts, and a row cap that keeps the tab small whatever happens. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_ROWS = 1_000;
/** Past this much of a refresh, sending waits for the next one (a hung request costs Apps Script ~60 s). */
const SEND_BUDGET_MS = 30_000;
const SENDER_NAME = 'Aircall Activity Tracker';
const TIME_PATTERN = 'yyyy-MM-dd HH:mm:ss';

/** An Apps Script exception's message, without the "Exception: " that String(error) adds. */
const messageOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

/** The hook of a refresh. Never throws. */
export function notifyAlerts(model: BoardModel, refreshStartMs: number, timeZone: string): void {
  let webhookUrl: string | null = null;
  try {
    const properties = documentProperties();
    const settings = loadAlertSettings(properties);
    if (settings.rules.length === 0) return;
    webhookUrl = loadWebhook()?.url ?? null;
    const channels: Channel[] = [
      ...(settings.emailTo.length > 0 ? (['email'] as const) : []),
      ...(webhookUrl ? (['chat'] as const) : []),
    ];
    const { state: previous, raw } = loadAlertState(properties);
    const nowMs = Date.now();
    const [day, weekday, hour] = formatTime(nowMs, timeZone, 'yyyy-MM-dd u H').split(' ');
    const step = stepAlerts(previous, observe(model, settings.rules), {
      nowMs,
      local: { day, weekday: Number(weekday), hour: Number(hour) },
      settings,
      channels,
    });
    let { state } = step;
    const log = [...step.log];
    const time = (ms: number) => formatTime(ms, timeZone, 'HH:mm');
    for (const channel of channels) {
      const pending = step.outgoing[channel];
      if (!pending) continue;
      const delivery =
        Date.now() - refreshStartMs > SEND_BUDGET_MS
          ? { ok: false as const, reason: 'the refresh ran long' }
          : channel === 'email'
            ? sendEmail(settings, pending, time)
            : sendChat(webhookUrl!, pending, time);
      const settled = settleDelivery(state, channel, pending, delivery, Date.now());
      state = settled.state;
      log.push(...settled.log);
    }
    saveAlertState(properties, state, raw);
    if (log.length > 0) writeAlertLog(log, timeZone);
  } catch (error) {
    const reason = withoutWebhook(messageOf(error), webhookUrl);
    console.warn(`Alerts skipped this refresh: ${reason}`);
    try {
      const row = ['Checking the alert rules', '', '', '—', `failed: ${reason}; tried again next refresh`];
      writeAlertRows([[formatTime(Date.now(), timeZone, TIME_PATTERN), ...row]], timeZone);
    } catch {
      // The console line above is all that can be done; the board is already written.
    }
  }
}

function sendEmail(
  settings: AlertSettings,
  pending: readonly Pending[],
  time: (ms: number) => string,
): { ok: true } | { ok: false; reason: string } {
  try {
    // The quota counts recipients; asking first keeps a spent quota from costing an exception.
    if (MailApp.getRemainingDailyQuota() < settings.emailTo.length)
      return { ok: false, reason: "MailApp's daily email quota is used up" };
    const { subject, body } = emailMessage(pending, time);
    MailApp.sendEmail({ to: settings.emailTo.join(','), subject, body, name: SENDER_NAME });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}

function sendChat(
  url: string,
  pending: readonly Pending[],
  time: (ms: number) => string,
): { ok: true } | { ok: false; reason: string } {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json; charset=UTF-8',
      payload: JSON.stringify({ text: chatMessage(pending, time) }),
      muteHttpExceptions: true,
    });
    const code = response.getResponseCode();
    return code >= 200 && code < 300 ? { ok: true } : { ok: false, reason: `Google Chat answered HTTP ${code}` };
  } catch (error) {
    return { ok: false, reason: withoutWebhook(messageOf(error), url) };
  }
}

function ensureAlertsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(ALERTS_SHEET);
  if (existing) return existing;
  const sheet = insertSheetInBackground(spreadsheet, ALERTS_SHEET);
  const header = sheet.getRange(1, 1, 1, HEADER.length);
  header.setValues([HEADER]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Newest first, as text (a line named "=HYPERLINK(…)" or "+33 …" stays what Aircall sent): this
 * refresh's entries go in new rows under the header, so only they are written. Entries older than a
 * week, or past MAX_ROWS, are deleted; only the time column is read to find them.
 */
function writeAlertLog(log: readonly LogEntry[], timeZone: string): void {
  const rows = [...log]
    .reverse()
    .map((entry) => [
      formatTime(entry.atMs, timeZone, TIME_PATTERN),
      `${entry.event.transition === 'fired' ? 'Started' : 'Cleared'}: ${entry.event.rule}`,
      entry.event.name,
      valueText(entry.event),
      entry.channel === 'email' ? 'Email' : entry.channel === 'chat' ? 'Google Chat' : '—',
      entry.outcome,
    ]);
  writeAlertRows(rows, timeZone);
}

/** `fresh` newest first, on top of the rows kept. */
function writeAlertRows(fresh: string[][], timeZone: string): void {
  const sheet = ensureAlertsSheet(activeSpreadsheet());
  sheet.insertRowsBefore(2, fresh.length);
  const range = sheet.getRange(2, 1, fresh.length, HEADER.length);
  range.setNumberFormat('@'); // before the values
  range.setFontWeight('normal'); // rows inserted under the header may take its bold
  range.setValues(fresh);
  const older = sheet.getLastRow() - 1 - fresh.length;
  if (older <= 0) return;
  const times = sheet.getRange(2 + fresh.length, 1, older, 1).getValues();
  const cutoff = formatTime(Date.now() - RETENTION_MS, timeZone, TIME_PATTERN);
  const firstTooOld = times.findIndex(([time]) => String(time) < cutoff);
  const keep = Math.max(0, Math.min(firstTooOld < 0 ? older : firstTooOld, MAX_ROWS - fresh.length));
  if (keep < older) sheet.deleteRows(2 + fresh.length + keep, older - keep);
}
