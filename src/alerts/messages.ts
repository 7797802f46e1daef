/**
 * The words of an alert: one email and one Chat message per refresh, however many rules changed.
 * Line and team names come from Aircall and may be hostile: the email is plain text (names stay
 * literal), and in Chat every formatting marker in a name is kept from pairing up.
 */
import type { AlertEvent, Pending } from './engine';

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Chat text has no escape character (developers.google.com/workspace/chat/format-messages): `*`,
 * `_`, `~` and backticks format what they enclose, and `<…>` makes links and @mentions such as
 * `<users/all>`. A zero-width space on both sides of each marker (after a `<`) shows the name as
 * typed while no marker can pair up or open a mention.
 */
export function escapeChatText(text: string): string {
  return text
    .replace(/[*_~`]/g, (marker) => `${ZERO_WIDTH_SPACE}${marker}${ZERO_WIDTH_SPACE}`)
    .replace(/</g, `<${ZERO_WIDTH_SPACE}`);
}

/** One line of text: no line breaks or control characters from a name inside a subject or a list. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

function where(event: AlertEvent): string {
  return `${event.scope === 'line' ? 'Line' : 'Team'} ${oneLine(event.name)}`;
}

/** "75 s", "62 %", "3 waiting", "0 available". */
function figure(event: AlertEvent): string {
  return `${event.value} ${event.unit}`;
}

const verb = (event: AlertEvent) => (event.transition === 'fired' ? 'STARTED' : 'CLEARED');

export interface Message {
  subject: string;
  body: string;
}

const MAX_SUBJECT = 200;

/** `time` formats an event's moment in the spreadsheet's time zone. */
export function emailMessage(pending: readonly Pending[], time: (ms: number) => string): Message {
  const events = pending.map((p) => p.event);
  const started = events.filter((e) => e.transition === 'fired').length;
  const cleared = events.length - started;
  const [first] = events;
  const subject =
    events.length === 1
      ? `Aircall alert ${first.transition === 'fired' ? 'started' : 'cleared'}: ${where(first)} — ${first.rule}`
      : `Aircall alerts: ${started} started, ${cleared} cleared`;
  const lines = events.map(
    (event) => `${verb(event)}  ${time(event.atMs)}  ${where(event)} — ${event.rule}: now ${figure(event)}`,
  );
  return {
    subject: subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject,
    body: `${lines.join('\n')}\n\nSent by the Aircall Activity Tracker. Rules, quiet hours and recipients: Activity Tracker › Configure › Alerts.\n`,
  };
}

export function chatMessage(pending: readonly Pending[], time: (ms: number) => string): string {
  const lines = pending.map(({ event }) => {
    const mark = event.transition === 'fired' ? '🔴 Started' : '✅ Cleared';
    const place = `${event.scope === 'line' ? 'Line' : 'Team'} ${escapeChatText(oneLine(event.name))}`;
    return `${mark} ${time(event.atMs)} · ${place} — ${event.rule}: now ${figure(event)}`;
  });
  return `*Aircall alerts*\n${lines.join('\n')}`;
}

/** The Alerts tab's Value column. */
export function valueText(event: AlertEvent): string {
  return figure(event);
}
