import { describe, expect, it } from '@jest/globals';
import type { AlertEvent } from '../../src/alerts/engine';
import { chatMessage, emailMessage, escapeChatText } from '../../src/alerts/messages';

const event = (name: string, transition: AlertEvent['transition'] = 'fired'): AlertEvent => ({
  key: 'k',
  transition,
  rule: 'Longest wait above 60 s',
  scope: 'line',
  name,
  value: 75,
  unit: 's',
  atMs: 0,
});
const time = () => '14:02';

describe('alert messages', () => {
  it('keeps Chat markup in a name from formatting, mentioning or linking, the text unchanged to the eye', () => {
    const hostile = '*VIP* _x_ ~y~ `z` <users/all> <https://evil.example|click>';
    const escaped = escapeChatText(hostile);
    expect(escaped.replaceAll('\u200B', '')).toBe(hostile);
    expect(escaped).not.toMatch(/[^\u200B][*_~`]|[*_~`][^\u200B]|<[^\u200B]/);
  });

  it('writes one Chat message for several alerts', () => {
    const text = chatMessage(
      [
        { event: event('Support'), attempts: 0 },
        { event: event('*Sales*', 'cleared'), attempts: 1 },
      ],
      time,
    );
    expect(text.replaceAll('\u200B', '')).toBe(
      [
        '*Aircall alerts*',
        '🔴 Started 14:02 · Line Support — Longest wait above 60 s: now 75 s',
        '✅ Cleared 14:02 · Line *Sales* — Longest wait above 60 s: now 75 s',
      ].join('\n'),
    );
  });

  it('writes a plain-text email whose subject stays on one line', () => {
    const mail = emailMessage([{ event: event('Sup\nport\r\nBcc: x@y.z'), attempts: 0 }], time);
    expect(mail.subject).toBe('Aircall alert started: Line Sup port Bcc: x@y.z — Longest wait above 60 s');
    expect(mail.body.split('\n')[0]).toBe(
      'STARTED  14:02  Line Sup port Bcc: x@y.z — Longest wait above 60 s: now 75 s',
    );
    const several = emailMessage(
      [
        { event: event('A'), attempts: 0 },
        { event: event('B', 'cleared'), attempts: 0 },
      ],
      time,
    );
    expect(several.subject).toBe('Aircall alerts: 1 started, 1 cleared');
  });
});
