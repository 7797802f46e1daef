/**
 * Server side of Configure › Alerts. The webhook URL goes in, never out: the view carries only a
 * masked space id, and no message quotes the URL.
 */
import { ALERT_KIND_NAMES, ALERT_KINDS, validateAlertSettings } from '../alerts/rules';
import type { AlertsView, SaveAlertsRequest, SaveAlertsResult } from '../sidebar-contract';
import {
  describeWebhook,
  loadAlertSettings,
  loadWebhook,
  saveAlertSettings,
  saveWebhook,
  webhookSpace,
} from './alerts-store';
import { storedDirectory } from './directory';

const byName = (a: { name: string; id: number }, b: { name: string; id: number }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id;

export function getAlertsView(): AlertsView {
  const directory = storedDirectory();
  return {
    settings: loadAlertSettings(),
    webhook: describeWebhook(),
    kinds: ALERT_KIND_NAMES.map((kind) => ({
      value: kind,
      label: ALERT_KINDS[kind].label,
      unit: ALERT_KINDS[kind].unit,
      scope: ALERT_KINDS[kind].scope,
    })),
    lines: [...(directory?.numbers ?? [])]
      .sort(byName)
      .map((n) => ({ value: String(n.id), label: `${n.name} (${n.digits})` })),
    teams: [...(directory?.teams ?? [])].sort(byName).map((t) => ({ value: String(t.id), label: t.name })),
  };
}

export function saveAlertsFromSidebar(request: SaveAlertsRequest): SaveAlertsResult {
  // google.script.run passes whatever the page sends: refuse anything but a form before writing.
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    return { ok: false, errors: { form: 'Nothing to save: reopen the Alerts sidebar and try again.' } };
  const { chatWebhookUrl, removeChatWebhook, shareWebhookWithEditors, ...form } = request ?? {};
  const validation = validateAlertSettings(form as Record<string, unknown>, loadAlertSettings());
  const errors: Record<string, string> = validation.ok ? {} : { ...(validation.errors as Record<string, string>) };
  const url = typeof chatWebhookUrl === 'string' ? chatWebhookUrl.trim() : '';
  if (url && !webhookSpace(url))
    errors.chatWebhookUrl =
      'Paste the whole incoming webhook URL from the Chat space (https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…).';
  if (!validation.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  saveAlertSettings(validation.settings);
  const share = Boolean(shareWebhookWithEditors);
  if (removeChatWebhook) saveWebhook(null, false);
  else if (url) saveWebhook(url, share);
  else {
    const stored = loadWebhook();
    if (stored && shareWebhookWithEditors !== undefined && stored.shared !== share) saveWebhook(stored.url, share);
  }
  return { ok: true };
}
