/**
 * Where alerts live. Rules and channels are the spreadsheet's (DocumentProperties), as is the
 * no-spam state (a durable store: an evicted cache would announce every firing rule again).
 * The Google Chat webhook URL is a secret, stored like the Aircall key: the user's own
 * (UserProperties) unless shared with the spreadsheet's editors. Only describeWebhook() — a masked
 * space id — leaves this module towards a sidebar; the URL never reaches a cell, a log or the cache.
 */
import { type AlertState, EMPTY_STATE } from '../alerts/engine';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS, validateAlertSettings } from '../alerts/rules';
import { documentProperties } from './document-properties';
import { maskApiId } from './settings-store';

const SETTINGS_KEY = 'alerts.settings';
const STATE_KEY = 'alerts.state';
const WEBHOOK_KEY = 'alerts.chatWebhook';

/** An incoming webhook as Chat gives it: https://chat.googleapis.com/v1/spaces/SPACE/messages?key=…&token=… */
const WEBHOOK_URL = /^https:\/\/chat\.googleapis\.com\/v1\/spaces\/([A-Za-z0-9_-]{1,64})\/messages\?(\S+)$/;

function parseJson<T>(raw: string | null): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

type Properties = GoogleAppsScript.Properties.Properties;

/** Stored settings are checked like a form: damaged ones fall back to the defaults (no rules) rather than fail. */
export function loadAlertSettings(properties: Properties = documentProperties()): AlertSettings {
  const stored = parseJson<AlertSettings>(properties.getProperty(SETTINGS_KEY));
  if (typeof stored !== 'object' || stored === null) return DEFAULT_ALERT_SETTINGS;
  const { quietHours, ...rest } = stored;
  const form = { ...rest, quietFromHour: quietHours?.fromHour ?? '', quietToHour: quietHours?.toHour ?? '' };
  const checked = validateAlertSettings(form as unknown as Record<string, unknown>, DEFAULT_ALERT_SETTINGS);
  return checked.ok ? checked.settings : DEFAULT_ALERT_SETTINGS;
}

export function saveAlertSettings(settings: AlertSettings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** The state and its stored text, so an unchanged state is not written back. */
export function loadAlertState(properties: Properties): { state: AlertState; raw: string | null } {
  const raw = properties.getProperty(STATE_KEY);
  const stored = parseJson<Partial<AlertState>>(raw);
  return { state: isAlertState(stored) ? { ...EMPTY_STATE, ...stored } : EMPTY_STATE, raw };
}

/** A state written by another version, or damaged, starts afresh rather than failing every refresh. */
function isAlertState(value: Partial<AlertState> | null): value is AlertState {
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    isRecord(value) &&
    isRecord(value?.keys) &&
    typeof value?.day === 'string' &&
    typeof value?.startedToday === 'number' &&
    isRecord(value?.outbox) &&
    Object.values(value?.outbox ?? {}).every(Array.isArray)
  );
}

export function saveAlertState(properties: Properties, state: AlertState, raw: string | null): void {
  const next = JSON.stringify(state);
  if (next !== raw) properties.setProperty(STATE_KEY, next);
}

/** Null when it is not a Chat incoming webhook URL, else its space id. */
export function webhookSpace(url: string): string | null {
  const match = WEBHOOK_URL.exec(url.trim());
  if (!match) return null;
  // Apps Script has no URLSearchParams.
  const query = match[2];
  return /(^|&)key=[^&]+/.test(query) && /(^|&)token=[^&]+/.test(query) ? match[1] : null;
}

/** The webhook the alerts use: the user's own first, then one shared with the editors. */
export function loadWebhook(): { url: string; shared: boolean } | null {
  const own = PropertiesService.getUserProperties().getProperty(WEBHOOK_KEY);
  if (own) return { url: own, shared: false };
  const shared = documentProperties().getProperty(WEBHOOK_KEY);
  return shared ? { url: shared, shared: true } : null;
}

/** null removes the webhook (both copies). */
export function saveWebhook(url: string | null, shareWithEditors: boolean): void {
  const user = PropertiesService.getUserProperties();
  const document = PropertiesService.getDocumentProperties();
  if (url === null) {
    user.deleteProperty(WEBHOOK_KEY);
    document.deleteProperty(WEBHOOK_KEY);
  } else if (shareWithEditors) {
    document.setProperty(WEBHOOK_KEY, url);
    user.deleteProperty(WEBHOOK_KEY);
  } else {
    user.setProperty(WEBHOOK_KEY, url);
    if (document.getProperty(WEBHOOK_KEY) === url) document.deleteProperty(WEBHOOK_KEY);
  }
}

export function describeWebhook(): { configured: boolean; spaceMasked: string | null; sharedWithEditors: boolean } {
  const webhook = loadWebhook();
  if (!webhook) return { configured: false, spaceMasked: null, sharedWithEditors: false };
  const space = webhookSpace(webhook.url);
  return { configured: true, spaceMasked: space ? maskApiId(space) : '••••', sharedWithEditors: webhook.shared };
}

/** Removes the webhook URL, and any other Chat URL, from a message about a failed delivery. */
export function withoutWebhook(message: string, url: string | null): string {
  const scrubbed = url ? message.split(url).join('the Chat webhook') : message;
  return scrubbed.replace(/https?:\/\/chat\.googleapis\.com\S*/g, 'the Chat webhook');
}
