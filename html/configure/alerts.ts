/**
 * The "Alerts" section of Configure: rules (per line or all lines, per team or all teams), where
 * alerts go (email addresses, a Google Chat webhook) and what keeps them from becoming spam
 * (cooldown, quiet hours and days, a daily cap). Loaded when the section is first opened, saved by
 * its own button. The webhook URL is only ever sent, never shown: the view says which space, masked.
 */
import type { AlertsView, SaveAlertsRequest } from '../../src/sidebar-contract';
import { byId, el, showStatus } from '../shared/dom';
import { callServer, failureMessage } from '../shared/server';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const input = (id: string) => byId<HTMLInputElement>(id);
let view: AlertsView | null = null;

function options(select: HTMLSelectElement, entries: { value: string; label: string }[], selected: string): void {
  select.replaceChildren(
    ...entries.map((e) => el('option', { value: e.value, selected: e.value === selected }, e.label)),
  );
}

function targetsFor(kind: string): { value: string; label: string }[] {
  const scope = view?.kinds.find((k) => k.value === kind)?.scope ?? 'line';
  return scope === 'team'
    ? [{ value: 'all', label: 'Every team' }, ...(view?.teams ?? [])]
    : [{ value: 'all', label: 'Every line' }, ...(view?.lines ?? [])];
}

function ruleRow(rule: { kind: string; target: string; threshold: string }): HTMLElement {
  const kind = el('select', { class: 'alert-kind', 'aria-label': 'Alert when' });
  options(
    kind,
    (view?.kinds ?? []).map((k) => ({ value: k.value, label: k.unit ? `${k.label} (${k.unit})` : k.label })),
    rule.kind,
  );
  const target = el('select', { class: 'alert-target', 'aria-label': 'On' });
  const threshold = el('input', { class: 'alert-threshold', inputmode: 'numeric', 'aria-label': 'Threshold' });
  threshold.value = rule.threshold;
  const sync = () => {
    options(target, targetsFor(kind.value), target.value || rule.target);
    threshold.hidden = view?.kinds.find((k) => k.value === kind.value)?.unit === null;
  };
  kind.addEventListener('change', sync);
  const remove = el('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove this rule' }, 'Remove');
  const row = el('div', { class: 'alert-rule field' }, kind, el('div', { class: 'inline' }, target, threshold, remove));
  remove.addEventListener('click', () => row.remove());
  options(target, targetsFor(rule.kind), rule.target);
  sync();
  return row;
}

function fill(next: AlertsView): void {
  view = next;
  const { settings, webhook } = next;
  byId('alert-rules').replaceChildren(
    ...settings.rules.map((r) => ruleRow({ kind: r.kind, target: r.target, threshold: String(r.threshold) })),
  );
  input('alertEmailTo').value = settings.emailTo.join(', ');
  input('chatWebhookUrl').value = '';
  input('removeChatWebhook').checked = false;
  input('shareWebhookWithEditors').checked = webhook.sharedWithEditors;
  byId('webhook-state').textContent = webhook.configured
    ? `Chat space ${webhook.spaceMasked ?? '••••'} — ${webhook.sharedWithEditors ? "shared with this spreadsheet's editors" : 'stored for you only'}`
    : 'No Google Chat webhook yet.';
  input('alertCooldownMin').value = String(settings.cooldownMin);
  input('quietFromHour').value = settings.quietHours ? String(settings.quietHours.fromHour) : '';
  input('quietToHour').value = settings.quietHours ? String(settings.quietHours.toHour) : '';
  input('alertDailyCap').value = String(settings.dailyCap);
  byId('quietDays').replaceChildren(
    ...DAYS.map((day, index) =>
      el(
        'label',
        { class: 'checkbox' },
        el('input', { type: 'checkbox', value: String(index + 1), checked: settings.quietDays.includes(index + 1) }),
        ` ${day}`,
      ),
    ),
  );
}

function request(): SaveAlertsRequest {
  const rules = Array.from(document.querySelectorAll<HTMLElement>('#alert-rules .alert-rule')).map((row) => ({
    kind: (row.querySelector('.alert-kind') as HTMLSelectElement).value,
    target: (row.querySelector('.alert-target') as HTMLSelectElement).value,
    threshold: (row.querySelector('.alert-threshold') as HTMLInputElement).value.trim() || '0',
  }));
  return {
    rules,
    emailTo: input('alertEmailTo').value,
    chatWebhookUrl: input('chatWebhookUrl').value.trim(),
    removeChatWebhook: input('removeChatWebhook').checked,
    shareWebhookWithEditors: input('shareWebhookWithEditors').checked,
    cooldownMin: input('alertCooldownMin').value.trim(),
    quietFromHour: input('quietFromHour').value.trim(),
    quietToHour: input('quietToHour').value.trim(),
    quietDays: Array.from(document.querySelectorAll<HTMLInputElement>('#quietDays input:checked')).map((i) =>
      Number(i.value),
    ),
    dailyCap: input('alertDailyCap').value.trim(),
  };
}

/** Each message next to its field; one for no field goes under the Save alerts button. */
function showErrors(errors: Record<string, string>): void {
  const slots = Array.from(document.querySelectorAll<HTMLElement>('[data-alert-error-for]'));
  for (const slot of slots) showStatus(slot, errors[slot.dataset.alertErrorFor ?? ''] ?? '', 'error');
  const fields = new Set(slots.map((slot) => slot.dataset.alertErrorFor));
  const general = Object.entries(errors).filter(([field]) => !fields.has(field));
  if (general.length > 0) showStatus(byId('alerts-saved'), general.map(([, message]) => message).join(' '), 'error');
}

async function save(): Promise<void> {
  const button = byId<HTMLButtonElement>('save-alerts');
  const status = byId('alerts-saved');
  showErrors({});
  button.disabled = true;
  showStatus(status, 'Saving…');
  try {
    const result = await callServer('saveAlerts', request());
    if (!result.ok) {
      showStatus(status, '');
      showErrors(result.errors);
      return;
    }
    fill(await callServer('getAlertsView'));
    showStatus(status, 'Alerts saved.', 'success');
  } catch (error) {
    showStatus(status, failureMessage(error), 'error');
  } finally {
    button.disabled = false;
  }
}

async function load(): Promise<void> {
  const status = byId('alerts-status');
  showStatus(status, 'Loading alerts…');
  try {
    fill(await callServer('getAlertsView'));
    showStatus(status, '');
    byId('alerts-form').hidden = false;
  } catch (error) {
    showStatus(status, failureMessage(error), 'error');
  }
}

export function startAlerts(): void {
  const section = byId<HTMLDetailsElement>('alerts-section');
  section.addEventListener('toggle', () => {
    if (section.open && !view) void load();
  });
  byId('add-alert-rule').addEventListener('click', () =>
    byId('alert-rules').append(ruleRow({ kind: 'longestWait', target: 'all', threshold: '60' })),
  );
  byId('save-alerts').addEventListener('click', () => void save());
}
