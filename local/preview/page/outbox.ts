/**
 * What the alerts sent, beside the sheet: a button in the title bar counts the emails (the local
 * MailApp) and Google Chat messages (the local webhook receiver); each new one shows as a toast, and
 * the button opens the whole list. Text goes in through textContent: names from Aircall stay text.
 */
import type { AlertsDump } from '../alerts.js';
import { getJson } from './api.js';
import { el } from './dom.js';
import type { Panels } from './panels.js';

const POLL_MS = 2_000;
const TOAST_SECONDS = 8;

function showList(sent: AlertsDump, overlay: HTMLElement): void {
  const dialog = el('div', 'modal alert outbox-list');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Sent alerts');
  Object.assign(dialog.style, { maxHeight: '80vh', overflow: 'auto', maxWidth: '640px' });
  dialog.append(el('h2', '', 'Sent alerts'));
  if (sent.mail.length + sent.chat.length === 0) dialog.append(el('p', 'message', 'No alert sent yet.'));
  for (const mail of sent.mail) {
    dialog.append(el('h3', '', `Email to ${mail.to.join(', ')}: ${mail.subject}`), el('p', 'message', mail.body));
  }
  for (const message of sent.chat) dialog.append(el('h3', '', 'Google Chat'), el('p', 'message', message.text));
  const close = el('button', 'primary', 'Close');
  close.addEventListener('click', () => {
    dialog.remove();
    overlay.hidden = overlay.childElementCount === 0;
  });
  dialog.append(close);
  overlay.append(dialog);
  overlay.hidden = false;
  close.focus();
}

export function startOutbox(panels: Panels, top: HTMLElement, overlay: HTMLElement): void {
  const button = el('button', 'outbox', 'Sent alerts');
  button.type = 'button';
  top.append(button);
  let sent: AlertsDump = { mail: [], chat: [] };
  /** What was there when the page opened is counted, not replayed as toasts. */
  let seen: { mail: number; chat: number } | null = null;
  const poll = async () => {
    try {
      sent = await getJson<AlertsDump>('/api/outbox');
    } catch {
      return;
    }
    button.textContent = `Sent alerts: ${sent.mail.length} emails, ${sent.chat.length} Chat`;
    if (seen) {
      for (const mail of sent.mail.slice(seen.mail))
        panels.toast(`Email to ${mail.to.join(', ')}`, mail.subject, TOAST_SECONDS);
      for (const message of sent.chat.slice(seen.chat)) panels.toast('Google Chat', message.text, TOAST_SECONDS);
    }
    seen = { mail: sent.mail.length, chat: sent.chat.length };
  };
  button.addEventListener('click', () => showList(sent, overlay));
  void poll();
  setInterval(() => void poll(), POLL_MS);
}
